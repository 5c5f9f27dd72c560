//! A fake Discord on 127.0.0.1 for the end-to-end tests: REST on one port (a small HTTP/1.1
//! server that records every request), the gateway websocket on another (HELLO, IDENTIFY, READY,
//! heartbeat ACKs, then the dispatches a test sends). The real serenity/poise client talks to it
//! through `HttpBuilder::proxy` with the rate limiter off.
//!
//! Payloads are built from complete examples and checked against serenity's own models before they
//! are sent ([`check_parses`]), because serenity silently drops a dispatch that lacks a field.

#![allow(dead_code)]

pub mod fs;

use attache::discord::{self, Config, Token};
use attache::engine::Engine;
use attache::store::Store;
use fs::copy_dir;
use futures_util::{SinkExt, StreamExt};
use poise::serenity_prelude as serenity;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A token shaped like a real one; it must never appear in a log.
pub const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAx.GhXyZq.fake-Bot-Token_ThisMustNeverBeLogged0123";
/// The bot's user id (and application id).
pub const BOT_ID: u64 = 1_000_000_000_000_000_001;
/// The test server.
pub const GUILD_ID: u64 = 2_000_000_000_000_000_001;
/// A channel of the test server.
pub const CHANNEL_ID: u64 = 3_000_000_000_000_000_001;
/// How long a test waits for something before it fails.
pub const WAIT: Duration = Duration::from_secs(10);

/// One request the fake REST API received.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, `/api/v10/...`.
    pub path: String,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// The JSON body (`Null` when there is none).
    pub body: Value,
}

/// What the fake gateway does after IDENTIFY.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gateway {
    /// READY, then dispatches.
    Ready,
    /// Closes with this code (4004: authentication failed; 4014: disallowed intents).
    Close(u16),
}

/// The fake Discord.
pub struct FakeDiscord {
    /// REST port.
    pub rest_port: u16,
    /// Gateway port.
    pub gateway_port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
    identify: Arc<Mutex<Option<Value>>>,
    dispatch: mpsc::UnboundedSender<(String, Value)>,
    ids: AtomicU64,
}

fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

/// The bot's own user.
pub fn bot_user() -> Value {
    user(BOT_ID, "attache", true)
}

/// A user (not a bot).
pub fn human(id: u64) -> Value {
    user(id, &format!("user{id}"), false)
}

/// Another bot.
pub fn other_bot(id: u64) -> Value {
    user(id, &format!("bot{id}"), true)
}

const TIMESTAMP: &str = "2024-06-01T12:00:00.000000+00:00";

fn member(u: &Value) -> Value {
    member_with(u, MEMBER_PERMISSIONS, &[])
}

/// The permissions of an ordinary member in the test server: everything a member usually has, not
/// Manage Server (nor Administrator).
pub const MEMBER_PERMISSIONS: u64 = 2_248_473_465_835_073;
/// Manage Server.
pub const MANAGE_GUILD: u64 = 1 << 5;

fn member_with(u: &Value, permissions: u64, roles: &[u64]) -> Value {
    let roles: Vec<String> = roles.iter().map(u64::to_string).collect();
    json!({
        "user": u,
        "nick": null,
        "avatar": null,
        "roles": roles,
        "joined_at": TIMESTAMP,
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "permissions": permissions.to_string(),
        "communication_disabled_until": null,
    })
}

/// The `MESSAGE_CREATE` payload of message `id` (a member's when `guild` is set).
pub fn message_event(
    id: u64,
    author: Value,
    channel: u64,
    guild: Option<u64>,
    content: &str,
    mentions: Vec<Value>,
) -> Value {
    let mut d = json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "author": author,
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": content.contains("@everyone"),
        "mentions": mentions,
        "mention_roles": [],
        "mention_channels": [],
        "attachments": [],
        "embeds": [],
        "reactions": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "components": [],
    });
    if let Some(g) = guild {
        d["guild_id"] = json!(g.to_string());
        let mut m = member(&d["author"]);
        m.as_object_mut().unwrap().remove("user");
        d["member"] = m;
    }
    d
}

/// The `INTERACTION_CREATE` payload of slash command `id` run by `who` (see
/// [`FakeDiscord::slash_as`]); `dm_channel` is the channel of a direct message.
#[allow(clippy::too_many_arguments)]
pub fn slash_event(
    id: u64,
    who: &Who,
    user_id: u64,
    locale: &str,
    name: &str,
    options: Vec<Value>,
    resolved: Value,
    dm_channel: u64,
) -> Value {
    let u = human(user_id);
    let mut data = json!({
        "id": "6000000000000000002",
        "name": name,
        "type": 1,
        "options": options,
    });
    if !resolved.is_null() {
        data["resolved"] = resolved;
    }
    let mut d = json!({
        "id": id.to_string(),
        "application_id": BOT_ID.to_string(),
        "type": 2,
        "data": data,
        "token": format!("interaction-token-{id}"),
        "version": 1,
        "app_permissions": "2248473465835073",
        "locale": locale,
        "entitlements": [],
        "attachment_size_limit": 10485760,
    });
    if who.guild {
        d["guild_id"] = json!(GUILD_ID.to_string());
        d["channel_id"] = json!(CHANNEL_ID.to_string());
        d["channel"] = json!({"id": CHANNEL_ID.to_string(), "type": 0, "name": "general", "permissions": who.permissions.to_string()});
        d["member"] = member_with(&u, who.permissions, &who.roles);
        d["guild_locale"] = json!("en-US");
        d["authorizing_integration_owners"] = json!({"0": GUILD_ID.to_string()});
        d["context"] = json!(0);
    } else {
        d["channel_id"] = json!(dm_channel.to_string());
        d["channel"] = json!({"id": dm_channel.to_string(), "type": 1, "recipients": [u.clone()]});
        d["user"] = u;
        d["authorizing_integration_owners"] = json!({"0": GUILD_ID.to_string()});
        d["context"] = json!(1);
    }
    d
}

/// Who runs a slash command, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// In the test server (else in a direct message with the bot).
    pub guild: bool,
    /// The member's permissions in the channel, as Discord computes them for the interaction.
    pub permissions: u64,
    /// The member's roles.
    pub roles: Vec<u64>,
}

impl Who {
    /// An ordinary member of the test server.
    pub fn member() -> Who {
        Who {
            guild: true,
            permissions: MEMBER_PERMISSIONS,
            roles: vec![],
        }
    }

    /// A member with Manage Server.
    pub fn manager() -> Who {
        Who {
            permissions: MEMBER_PERMISSIONS | MANAGE_GUILD,
            ..Who::member()
        }
    }

    /// An ordinary member with these roles.
    pub fn with_roles(roles: &[u64]) -> Who {
        Who {
            roles: roles.to_vec(),
            ..Who::member()
        }
    }

    /// In a direct message with the bot (with every permission: it must not matter).
    pub fn dm() -> Who {
        Who {
            guild: false,
            permissions: u64::MAX >> 13,
            roles: vec![],
        }
    }
}

/// A text channel as it appears in an interaction's resolved data.
pub fn resolved_channel(id: u64) -> Value {
    json!({"id": id.to_string(), "type": 0, "name": format!("channel{id}"), "permissions": MEMBER_PERMISSIONS.to_string()})
}

/// A role as it appears in an interaction's resolved data.
pub fn resolved_role(id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": format!("role{id}"),
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": 1,
        "permissions": "0",
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

/// Panics unless serenity can read `v` as a `T` (so that no dispatch is silently dropped).
pub fn check_parses<T: serde::de::DeserializeOwned>(v: &Value) {
    if let Err(e) = serde_json::from_value::<T>(v.clone()) {
        panic!(
            "serenity cannot read this {}: {e}\n{v:#}",
            std::any::type_name::<T>()
        );
    }
}

/// An option of a slash command.
pub fn option(name: &str, kind: u8, value: Value) -> Value {
    json!({"name": name, "type": kind, "value": value})
}

/// A string option.
pub fn string_option(name: &str, value: &str) -> Value {
    option(name, 3, Value::String(value.to_string()))
}

/// An integer option (choices).
pub fn int_option(name: &str, value: i64) -> Value {
    option(name, 4, json!(value))
}

impl FakeDiscord {
    /// Starts both servers.
    pub async fn start(gateway: Gateway) -> FakeDiscord {
        let rest = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let gw = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let rest_port = rest.local_addr().unwrap().port();
        let gateway_port = gw.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let identify = Arc::new(Mutex::new(None));
        let (tx, rx) = mpsc::unbounded_channel();
        let ws_url = format!("ws://127.0.0.1:{gateway_port}");
        {
            let requests = requests.clone();
            let ws_url = ws_url.clone();
            tokio::spawn(async move {
                let ids = Arc::new(AtomicU64::new(9_000_000_000_000_000_000));
                while let Ok((stream, _)) = rest.accept().await {
                    let requests = requests.clone();
                    let ws_url = ws_url.clone();
                    let ids = ids.clone();
                    tokio::spawn(async move {
                        let _ = serve_rest(stream, requests, ws_url, ids).await;
                    });
                }
            });
        }
        {
            let identify = identify.clone();
            let rx = Arc::new(tokio::sync::Mutex::new(rx));
            tokio::spawn(async move {
                while let Ok((stream, _)) = gw.accept().await {
                    let identify = identify.clone();
                    let rx = rx.clone();
                    let ws_url = ws_url.clone();
                    tokio::spawn(async move {
                        let _ = serve_gateway(stream, gateway, identify, rx, ws_url).await;
                    });
                }
            });
        }
        FakeDiscord {
            rest_port,
            gateway_port,
            requests,
            identify,
            dispatch: tx,
            ids: AtomicU64::new(5_000_000_000_000_000_000),
        }
    }

    /// A serenity `Http` that talks to this fake.
    pub fn http(&self) -> serenity::Http {
        serenity::HttpBuilder::new(TOKEN)
            .proxy(format!("http://127.0.0.1:{}", self.rest_port))
            .ratelimiter_disabled(true)
            .build()
    }

    /// A new snowflake.
    pub fn id(&self) -> u64 {
        self.ids.fetch_add(1, Ordering::Relaxed)
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// How many requests so far.
    pub fn count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }

    /// The IDENTIFY payload, once received.
    pub fn identify(&self) -> Option<Value> {
        self.identify.lock().unwrap().clone()
    }

    /// Waits for a request (after the first `skip`) that satisfies `pred`.
    pub async fn wait_for(
        &self,
        skip: usize,
        what: &str,
        pred: impl Fn(&Recorded) -> bool,
    ) -> Recorded {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(r) = self.requests().into_iter().skip(skip).find(|r| pred(r)) {
                return r;
            }
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; requests: {:#?}",
                    self.requests()
                        .iter()
                        .map(|r| format!("{} {}", r.method, r.path))
                        .collect::<Vec<_>>()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for the command registration (the bot is then ready for events).
    pub async fn wait_registered(&self) -> Recorded {
        self.wait_for(0, "command registration", |r| {
            r.method == "PUT" && r.path.ends_with("/commands")
        })
        .await
    }

    /// Sends a dispatch (op 0) on the gateway.
    pub fn dispatch(&self, event: &str, d: Value) {
        self.dispatch.send((event.to_string(), d)).unwrap();
    }

    /// A slash command interaction from `user_id` with Discord locale `locale`; returns its id.
    pub fn slash(&self, user_id: u64, locale: &str, name: &str, options: Vec<Value>) -> u64 {
        self.command_interaction(2, user_id, locale, name, options)
    }

    /// A slash command run by `who` (a member with some permissions and roles, or in a DM), with
    /// the interaction's `resolved` data (channels and roles named in options; `Null` for none).
    pub fn slash_as(
        &self,
        who: &Who,
        user_id: u64,
        locale: &str,
        name: &str,
        options: Vec<Value>,
        resolved: Value,
    ) -> u64 {
        let id = self.id();
        // A direct message gets a channel of its own.
        let dm_channel = if who.guild { 0 } else { self.id() };
        let d = slash_event(
            id, who, user_id, locale, name, options, resolved, dm_channel,
        );
        check_parses::<serenity::Interaction>(&d);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// An autocomplete request for a command (mark the option typed in with `"focused": true`).
    pub fn autocomplete(&self, user_id: u64, locale: &str, name: &str, options: Vec<Value>) -> u64 {
        self.command_interaction(4, user_id, locale, name, options)
    }

    fn command_interaction(
        &self,
        kind: u8,
        user_id: u64,
        locale: &str,
        name: &str,
        options: Vec<Value>,
    ) -> u64 {
        let id = self.id();
        let u = human(user_id);
        let d = json!({
            "id": id.to_string(),
            "application_id": BOT_ID.to_string(),
            "type": kind,
            "data": {
                "id": "6000000000000000001",
                "name": name,
                "type": 1,
                "options": options,
            },
            "guild_id": GUILD_ID.to_string(),
            "channel_id": CHANNEL_ID.to_string(),
            "channel": {"id": CHANNEL_ID.to_string(), "type": 0, "name": "general", "permissions": "2248473465835073"},
            "member": member(&u),
            "token": format!("interaction-token-{id}"),
            "version": 1,
            "app_permissions": "2248473465835073",
            "locale": locale,
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID.to_string()},
            "context": 0,
            "attachment_size_limit": 10485760,
        });
        check_parses::<serenity::Interaction>(&d);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// A button click by `user_id` on a message of the bot; returns the interaction id.
    pub fn component(&self, user_id: u64, locale: &str, custom_id: &str) -> u64 {
        let id = self.id();
        let u = human(user_id);
        // The bot's reply to a slash command (type 20) that carries the button.
        let mut message = bot_message(self.id(), &CHANNEL_ID.to_string(), "");
        message["type"] = json!(20);
        message["flags"] = json!(0);
        message["components"] = json!([]);
        let d = json!({
            "id": id.to_string(),
            "application_id": BOT_ID.to_string(),
            "type": 3,
            "data": {"custom_id": custom_id, "component_type": 2},
            "guild_id": GUILD_ID.to_string(),
            "channel_id": CHANNEL_ID.to_string(),
            "channel": {"id": CHANNEL_ID.to_string(), "type": 0, "name": "general", "permissions": "2248473465835073"},
            "member": member(&u),
            "token": format!("interaction-token-{id}"),
            "version": 1,
            "message": message,
            "app_permissions": "2248473465835073",
            "locale": locale,
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID.to_string()},
            "context": 0,
            "attachment_size_limit": 10485760,
        });
        check_parses::<serenity::Interaction>(&d);
        self.dispatch("INTERACTION_CREATE", d);
        id
    }

    /// A channel message; returns its id.
    pub fn message(
        &self,
        author: Value,
        channel: u64,
        guild: Option<u64>,
        content: &str,
        mentions: Vec<Value>,
    ) -> u64 {
        let id = self.id();
        let d = message_event(id, author, channel, guild, content, mentions);
        check_parses::<serenity::Message>(&d);
        self.dispatch("MESSAGE_CREATE", d);
        id
    }
}

async fn serve_rest(
    stream: TcpStream,
    requests: Arc<Mutex<Vec<Recorded>>>,
    ws_url: String,
    ids: Arc<AtomicU64>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        let mut authorization = None;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).await? == 0 {
                return Ok(());
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                if k == "content-length" {
                    length = v.parse().unwrap_or(0);
                } else if k == "authorization" {
                    authorization = Some(v.to_string());
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).await?;
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let (status, reply) = route(&method, &path, &body, &ws_url, &ids);
        requests.lock().unwrap().push(Recorded {
            method,
            path,
            authorization,
            body,
        });
        let text = reply.map(|v| v.to_string()).unwrap_or_default();
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            _ => "Not Found",
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            text.len()
        );
        write.write_all(head.as_bytes()).await?;
        write.write_all(text.as_bytes()).await?;
        write.flush().await?;
    }
}

/// The replies to what the bot asks Discord while it starts (the gateway's address, the
/// application, itself, registering its commands), and to deleting a message; `None` for the
/// routes that carry questions and answers. The load benchmark's fake serves these too.
pub fn startup_route(method: &str, parts: &[&str], ws_url: &str) -> Option<(u16, Option<Value>)> {
    Some(match (method, parts) {
        ("GET", ["gateway"]) => (200, Some(json!({"url": ws_url}))),
        ("GET", ["gateway", "bot"]) => (
            200,
            Some(json!({
                "url": ws_url,
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            })),
        ),
        ("GET", ["oauth2", "applications", "@me"]) => {
            let app = json!({
                "id": BOT_ID.to_string(),
                "name": "attache",
                "icon": null,
                "description": "",
                "bot_public": true,
                "bot_require_code_grant": false,
                "owner": human(42),
                "verify_key": "0000",
                "team": null,
                "flags": 0,
            });
            check_parses::<serenity::CurrentApplicationInfo>(&app);
            (200, Some(app))
        }
        ("GET", ["users", "@me"]) => (200, Some(bot_user())),
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => (200, Some(json!([]))),
        ("DELETE", ["channels", _, "messages", _]) => (204, None),
        _ => return None,
    })
}

/// The message Discord returns for one the bot sent: message `id` in `channel`, by the bot.
pub fn bot_message(id: u64, channel: &str, content: &str) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel,
        "author": bot_user(),
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0,
    })
}

fn route(
    method: &str,
    path: &str,
    body: &Value,
    ws_url: &str,
    ids: &AtomicU64,
) -> (u16, Option<Value>) {
    let path = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    if let Some(reply) = startup_route(method, &parts, ws_url) {
        return reply;
    }
    match (method, parts.as_slice()) {
        ("POST", ["interactions", _, _, "callback"]) => (204, None),
        ("POST", ["channels", channel, "messages"])
        | ("POST", ["webhooks", _, channel])
        | ("PATCH", ["webhooks", _, channel, "messages", _]) => {
            let id = ids.fetch_add(1, Ordering::Relaxed);
            let channel = if channel.chars().all(|c| c.is_ascii_digit()) {
                channel.to_string()
            } else {
                CHANNEL_ID.to_string()
            };
            let m = bot_message(id, &channel, body["content"].as_str().unwrap_or(""));
            (200, Some(m))
        }
        _ => (404, Some(json!({"message": "Unknown", "code": 0}))),
    }
}

async fn serve_gateway(
    stream: TcpStream,
    mode: Gateway,
    identify: Arc<Mutex<Option<Value>>>,
    dispatches: Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<(String, Value)>>>,
    ws_url: String,
) -> anyhow::Result<()> {
    let mut ws = tokio_tungstenite::accept_async(stream).await?;
    let send = |v: Value| WsMessage::Text(v.to_string());
    ws.send(send(
        json!({"op": 10, "d": {"heartbeat_interval": 41250}, "s": null, "t": null}),
    ))
    .await?;
    // Wait for IDENTIFY.
    loop {
        match ws.next().await {
            Some(Ok(WsMessage::Text(t))) => {
                let v: Value = serde_json::from_str(&t)?;
                match v["op"].as_u64() {
                    Some(2) => {
                        *identify.lock().unwrap() = Some(v["d"].clone());
                        break;
                    }
                    Some(1) => ws.send(send(json!({"op": 11}))).await?,
                    _ => {}
                }
            }
            Some(Ok(_)) => {}
            _ => return Ok(()),
        }
    }
    if let Gateway::Close(code) = mode {
        ws.close(Some(CloseFrame {
            code: CloseCode::from(code),
            reason: "closed by the fake Discord".into(),
        }))
        .await?;
        // Let the close handshake finish.
        while let Some(Ok(_)) = ws.next().await {}
        return Ok(());
    }
    let mut seq = 1u64;
    let ready = json!({
        "v": 10,
        "user": bot_user(),
        "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
        "session_id": "fake-session",
        "resume_gateway_url": ws_url,
        "shard": [0, 1],
        "application": {"id": BOT_ID.to_string(), "flags": 0},
    });
    check_parses::<serenity::Ready>(&ready);
    ws.send(send(json!({"op": 0, "t": "READY", "s": seq, "d": ready})))
        .await?;
    let mut rx = dispatches.lock().await;
    loop {
        tokio::select! {
            incoming = ws.next() => match incoming {
                Some(Ok(WsMessage::Text(t))) => {
                    let v: Value = serde_json::from_str(&t)?;
                    if v["op"].as_u64() == Some(1) {
                        ws.send(send(json!({"op": 11}))).await?;
                    }
                }
                Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => return Ok(()),
                Some(Ok(_)) => {}
            },
            out = rx.recv() => match out {
                Some((event, d)) => {
                    seq += 1;
                    ws.send(send(json!({"op": 0, "t": event, "s": seq, "d": d}))).await?;
                }
                None => return Ok(()),
            },
        }
    }
}

/// The fact base and locales of the repository.
pub fn engine() -> Arc<Engine> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    Arc::new(Engine::load(dir.join("knowledge"), dir.join("locales")).expect("the fact base loads"))
}

/// A copy of the repository's fact base and locales in a temporary directory (`knowledge/` and
/// `locales/`), for tests that edit or reload them, and an engine on it.
pub fn engine_copy() -> (tempfile::TempDir, Arc<Engine>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root.join("knowledge"), &tmp.path().join("knowledge"));
    copy_dir(&root.join("locales"), &tmp.path().join("locales"));
    let engine = Engine::load(tmp.path().join("knowledge"), tmp.path().join("locales"))
        .expect("the fact base loads");
    (tmp, Arc::new(engine))
}

/// A running bot connected to a fake Discord.
pub struct Bot {
    /// The fake.
    pub discord: FakeDiscord,
    /// The engine the bot uses.
    pub engine: Arc<Engine>,
    /// The bot's database.
    pub store: Arc<Store>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<Result<(), discord::ServeError>>>,
}

impl Bot {
    /// Starts the fake and the bot, and waits until the commands are registered.
    pub async fn start(config: Config) -> Bot {
        let bot = Self::launch(config, Gateway::Ready).await;
        bot.discord.wait_registered().await;
        bot
    }

    /// [`Bot::start`] on an engine of the test's own.
    pub async fn start_with(config: Config, engine: Arc<Engine>) -> Bot {
        let bot = Self::launch_with(config, Gateway::Ready, engine).await;
        bot.discord.wait_registered().await;
        bot
    }

    /// Starts the fake (with `gateway` behaviour) and the bot, without waiting.
    pub async fn launch(config: Config, gateway: Gateway) -> Bot {
        Self::launch_with(config, gateway, engine()).await
    }

    /// [`Bot::launch`] on an engine of the test's own.
    pub async fn launch_with(config: Config, gateway: Gateway, engine: Arc<Engine>) -> Bot {
        let store = Arc::new(Store::open_in_memory().unwrap());
        Self::launch_with_store(config, gateway, engine, store).await
    }

    /// [`Bot::start`] on a database of the test's own (one shared by several bots, say).
    pub async fn start_with_store(config: Config, store: Arc<Store>) -> Bot {
        let bot = Self::launch_with_store(config, Gateway::Ready, engine(), store).await;
        bot.discord.wait_registered().await;
        bot
    }

    /// [`Bot::launch_with`] on a database of the test's own.
    pub async fn launch_with_store(
        config: Config,
        gateway: Gateway,
        engine: Arc<Engine>,
        store: Arc<Store>,
    ) -> Bot {
        let discord = FakeDiscord::start(gateway).await;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(discord::run(
            Token::new(TOKEN),
            config,
            engine.clone(),
            store.clone(),
            Some(discord.http()),
            async move {
                let _ = stopped.await;
            },
        ));
        Bot {
            discord,
            engine,
            store,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Stops the bot the way SIGINT/SIGTERM do and returns how `run` ended.
    pub async fn stop(mut self) -> Result<(), discord::ServeError> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        self.finish().await
    }

    /// Waits for `run` to end by itself.
    pub async fn finish(mut self) -> Result<(), discord::ServeError> {
        let task = self.task.take().unwrap();
        tokio::time::timeout(WAIT, task)
            .await
            .expect("the bot stops in time")
            .expect("the bot task does not panic")
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// The JSON body of an interaction callback for interaction `id`.
pub async fn callback(d: &FakeDiscord, skip: usize, id: u64) -> Value {
    let prefix = format!("/api/v10/interactions/{id}/");
    d.wait_for(skip, "the interaction callback", |r| {
        r.method == "POST" && r.path.starts_with(&prefix)
    })
    .await
    .body
}

/// The JSON body of the first follow-up message of interaction `id` (after a deferred response).
pub async fn followup(d: &FakeDiscord, skip: usize, id: u64) -> Value {
    let path = format!("/api/v10/webhooks/{BOT_ID}/interaction-token-{id}");
    d.wait_for(skip, "the follow-up message", |r| {
        r.method == "POST" && r.path.split('?').next() == Some(path.as_str())
    })
    .await
    .body
}

/// Checks every Discord limit on a message body (`content`, embeds, allowed mentions).
pub fn assert_within_limits(v: &Value) {
    use attache::discord::reply::*;
    let l = |v: &Value| v.as_str().map_or(0, |s| s.encode_utf16().count());
    assert!(l(&v["content"]) <= CONTENT_MAX, "content too long");
    let embeds = v["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= EMBEDS_MAX);
    let mut total = 0;
    for e in &embeds {
        assert!(l(&e["title"]) <= TITLE_MAX, "title");
        assert!(l(&e["description"]) <= DESCRIPTION_MAX, "description");
        assert!(l(&e["footer"]["text"]) <= FOOTER_MAX, "footer");
        total += l(&e["title"]) + l(&e["description"]) + l(&e["footer"]["text"]);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= FIELDS_MAX, "fields");
        for f in &fields {
            assert!((1..=FIELD_NAME_MAX).contains(&l(&f["name"])), "field name");
            assert!(
                (1..=FIELD_VALUE_MAX).contains(&l(&f["value"])),
                "field value"
            );
            total += l(&f["name"]) + l(&f["value"]);
        }
    }
    assert!(total <= EMBED_TOTAL_MAX, "embeds total {total}");
    for row in v["components"].as_array().into_iter().flatten() {
        for b in row["components"].as_array().into_iter().flatten() {
            assert!(l(&b["label"]) <= LABEL_MAX);
            assert!(l(&b["custom_id"]) <= CUSTOM_ID_MAX);
        }
    }
}

/// Asserts that a message body pings no one.
pub fn assert_pings_no_one(v: &Value) {
    let am = &v["allowed_mentions"];
    assert_eq!(am["parse"], json!([]), "allowed_mentions.parse: {v}");
    assert_eq!(am["users"], json!([]), "allowed_mentions.users");
    assert_eq!(am["roles"], json!([]), "allowed_mentions.roles");
    assert_eq!(
        am["replied_user"],
        json!(false),
        "allowed_mentions.replied_user"
    );
}
