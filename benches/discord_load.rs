//! Load benchmark of the Discord bot (issue 5, "Load"), and the idle resident memory of a serving
//! bot. Not a timed test: it prints figures, and fails (panics) only when a question goes
//! unanswered, a reply is an error, or a heartbeat is missed.
//!
//! `cargo bench --bench discord_load` (release profile). Knobs, all optional:
//! - `ATTACHE_LOAD_EVENTS` (10000): questions sent, half `MESSAGE_CREATE` mentioning the bot, half
//!   `INTERACTION_CREATE` `/ask`, interleaved; `500` for a quick run;
//! - `ATTACHE_LOAD_CHANNELS` (100): channels the messages are spread over;
//! - `ATTACHE_LOAD_HEARTBEAT_MS` (41250, Discord's): the heartbeat interval in HELLO; a short one
//!   (1000) makes the bot heartbeat many times while it is flooded, a stricter check;
//! - `ATTACHE_LOAD_IDLE_SECS` (5): idle time after READY before the resident memory is read;
//! - `ATTACHE_LOAD_MEMORY_DATABASE` (unset): set, the bot's database is in memory, not a file as
//!   with `attache serve`.
//!
//! How: the bench re-runs itself as a child process (`ATTACHE_LOAD_ROLE=bot`) that serves like
//! `attache serve` does (the real fact base, a database file, the same log setup and hot-reload
//! watcher, cooldown off), except that its `Http` points at the fake Discord in the parent, with
//! serenity's REST rate limiter off (see [`bot_process`]): `attache serve` itself always talks to
//! discord.com. The parent runs
//! a load variant of the fake Discord of `tests/support` (its payloads, checked against serenity's
//! models, and its REST routes), which timestamps each dispatch just before it writes it to the
//! websocket and each reply as soon as its REST request is read, counts heartbeats and
//! connections, and sends no rate-limit headers. During the load it asks for a heartbeat (op 1, as
//! Discord may) every 0.5 s: the bot answers when it reads the request, which waits behind the
//! dispatches it has not read yet, so the time to its heartbeat is how far its gateway reading lags;
//! a lag of a whole heartbeat interval would be a missed heartbeat.

#[path = "../tests/support/mod.rs"]
mod support;

use attache::discord::{self, logging, Config, Token};
use attache::engine::Engine;
use attache::lang::Lang;
use attache::store::Store;
use futures_util::{SinkExt, StreamExt};
use poise::serenity_prelude as serenity;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{bot_user, check_parses, human, string_option, BOT_ID, GUILD_ID, TOKEN};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message as WsMessage;

const ROLE: &str = "ATTACHE_LOAD_ROLE";
const REST_PORT: &str = "ATTACHE_LOAD_REST_PORT";
const DATABASE: &str = "ATTACHE_LOAD_DATABASE";
/// Set: the bot keeps its database in memory instead of a file (to see what the file costs).
const MEMORY_DATABASE: &str = "ATTACHE_LOAD_MEMORY_DATABASE";

/// Message ids are `MESSAGE_BASE + i`, interaction ids `INTERACTION_BASE + i`.
const MESSAGE_BASE: u64 = 5_100_000_000_000_000_000;
const INTERACTION_BASE: u64 = 5_200_000_000_000_000_000;
const FIRST_CHANNEL: u64 = 3_100_000_000_000_000_000;
/// A heartbeat request every so often during the load.
const PROBE_EVERY: Duration = Duration::from_millis(500);
/// No reply for this long: the rest are missing.
const STALL: Duration = Duration::from_secs(30);

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::var_os(ROLE).is_some() {
        bot_process();
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(bench());
}

/// The child: the bot, served the way `attache serve` does, against the parent's fake Discord. It
/// stops cleanly when its stdin closes.
fn bot_process() {
    let port: u16 = env_or(REST_PORT, 0);
    let database = PathBuf::from(std::env::var_os(DATABASE).expect("a database path"));
    let token = Token::new(TOKEN);
    logging::init(&token, None, logging::LogFormat::Text);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = Engine::load(root.join("knowledge"), root.join("locales")).expect("the fact base");
    let store = if std::env::var_os(MEMORY_DATABASE).is_some() {
        Store::open_in_memory()
    } else {
        Store::open(&database)
    }
    .expect("the database");
    let config = Config {
        cooldown: Duration::ZERO,
        watch: true,
        ..Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let result = runtime.block_on(async move {
        // As in the end-to-end tests: serenity 0.12.5 ignores `proxy` when its rate limiter is on
        // (`Ratelimiter::perform` builds every request for discord.com), so it is off here. The
        // fake sends no rate-limit headers, with which the limiter would never wait anyway.
        let http = serenity::HttpBuilder::new(TOKEN)
            .proxy(format!("http://127.0.0.1:{port}"))
            .ratelimiter_disabled(true)
            .build();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
            let _ = tx.send(());
        });
        discord::run(
            token,
            config,
            Arc::new(engine),
            Arc::new(store),
            Some(http),
            async move {
                let _ = rx.await;
            },
        )
        .await
    });
    if let Err(e) = result {
        eprintln!("the bot stopped: {e}");
        std::process::exit(1);
    }
}

/// What the fake saw.
struct Shared {
    base: Instant,
    /// Per question: nanoseconds since `base` + 1 when dispatched / answered (0: not yet).
    dispatched: Vec<AtomicU64>,
    replied: Vec<AtomicU64>,
    answered: AtomicUsize,
    duplicates: AtomicUsize,
    deferred: AtomicUsize,
    with_embed: AtomicUsize,
    /// Replies without an embed (a notice, an error): a few of them, to show.
    notices: Mutex<Vec<String>>,
    notice_count: AtomicUsize,
    unexpected: Mutex<Vec<String>>,
    registered: AtomicBool,
    /// Per heartbeat: when, and how many dispatches the fake had written on that connection but
    /// the bot had not read yet (the fake's sequence number minus the one in the heartbeat).
    heartbeats: Mutex<Vec<(Instant, u64)>>,
    /// The last sequence number written on the current connection.
    sent_seq: AtomicU64,
    acks: AtomicUsize,
    /// The current connection's queue of control messages (written before pending dispatches).
    urgent: Mutex<Option<mpsc::UnboundedSender<String>>>,
    /// When the outstanding heartbeat request (op 1 from the fake) was queued.
    probe: Mutex<Option<Instant>>,
    /// How long each heartbeat request took to come back as a heartbeat.
    lags: Mutex<Vec<Duration>>,
    connections: AtomicUsize,
    identifies: AtomicUsize,
    resumes: AtomicUsize,
    rest_requests: AtomicUsize,
    rest_connections: AtomicUsize,
}

impl Shared {
    fn now(&self) -> u64 {
        self.base.elapsed().as_nanos() as u64 + 1
    }

    fn answer(&self, i: usize, body: &Value, embeds: &Value) {
        let Some(slot) = self.replied.get(i) else {
            self.unexpected
                .lock()
                .unwrap()
                .push(format!("a reply to unknown question {i}"));
            return;
        };
        if slot
            .compare_exchange(0, self.now(), Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            self.duplicates.fetch_add(1, Ordering::Relaxed);
            return;
        }
        self.answered.fetch_add(1, Ordering::SeqCst);
        let has_embed = embeds.as_array().is_some_and(|e| {
            e.first()
                .and_then(|e| e["description"].as_str())
                .is_some_and(|d| !d.is_empty())
        });
        if has_embed {
            self.with_embed.fetch_add(1, Ordering::Relaxed);
        } else {
            self.notice_count.fetch_add(1, Ordering::Relaxed);
            let mut n = self.notices.lock().unwrap();
            if n.len() < 5 {
                n.push(body.to_string());
            }
        }
    }
}

/// The REST routes the bot uses: those of its start from `tests/support`, and the replies, which are
/// recorded here.
fn route(shared: &Shared, method: &str, path: &str, body: &Value, ws_url: &str) -> (u16, Value) {
    let path = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    let reply_id = 9_000_000_000_000_000_000 + shared.rest_requests.load(Ordering::Relaxed) as u64;
    if let Some((status, reply)) = support::startup_route(method, &parts, ws_url) {
        if method == "PUT" {
            shared.registered.store(true, Ordering::SeqCst);
        }
        return (status, reply.unwrap_or(Value::Null));
    }
    match (method, parts.as_slice()) {
        ("POST", ["interactions", id, _, "callback"]) => {
            let i = id
                .parse::<u64>()
                .ok()
                .and_then(|id| id.checked_sub(INTERACTION_BASE))
                .unwrap_or(u64::MAX) as usize;
            if body["type"] == 5 {
                // Deferred: the answer comes as a follow-up.
                shared.deferred.fetch_add(1, Ordering::Relaxed);
            } else {
                shared.answer(i, body, &body["data"]["embeds"]);
            }
            (204, Value::Null)
        }
        ("POST", ["webhooks", _, token]) | ("PATCH", ["webhooks", _, token, "messages", _]) => {
            let i = token
                .strip_prefix("interaction-token-")
                .and_then(|id| id.parse::<u64>().ok())
                .and_then(|id| id.checked_sub(INTERACTION_BASE))
                .unwrap_or(u64::MAX) as usize;
            shared.answer(i, body, &body["embeds"]);
            let content = body["content"].as_str().unwrap_or("");
            (
                200,
                support::bot_message(reply_id, "3000000000000000001", content),
            )
        }
        ("POST", ["channels", channel, "messages"]) => {
            let i = body["message_reference"]["message_id"]
                .as_str()
                .and_then(|id| id.parse::<u64>().ok())
                .and_then(|id| id.checked_sub(MESSAGE_BASE))
                .unwrap_or(u64::MAX) as usize;
            shared.answer(i, body, &body["embeds"]);
            let content = body["content"].as_str().unwrap_or("");
            (200, support::bot_message(reply_id, channel, content))
        }
        _ => {
            shared
                .unexpected
                .lock()
                .unwrap()
                .push(format!("{method} {path}"));
            (404, json!({"message": "Unknown", "code": 0}))
        }
    }
}

/// A keep-alive HTTP/1.1 connection of the fake REST API. The reply time of a question is taken
/// as soon as its request has been read.
async fn serve_rest(stream: TcpStream, shared: Arc<Shared>, ws_url: String) -> std::io::Result<()> {
    shared.rest_connections.fetch_add(1, Ordering::Relaxed);
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let mut line = String::new();
    let mut h = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        loop {
            h.clear();
            if reader.read_line(&mut h).await? == 0 {
                return Ok(());
            }
            let t = h.trim_end();
            if t.is_empty() {
                break;
            }
            if let Some((k, v)) = t.split_once(':') {
                if k.trim().eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).await?;
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let (status, reply) = route(&shared, &method, &path, &body, &ws_url);
        shared.rest_requests.fetch_add(1, Ordering::Relaxed);
        let text = if reply.is_null() {
            String::new()
        } else {
            reply.to_string()
        };
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            _ => "Not Found",
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{text}",
            text.len()
        );
        write.write_all(head.as_bytes()).await?;
    }
}

/// One gateway connection: HELLO, READY after IDENTIFY, an ACK for every heartbeat (sent before
/// any pending dispatch), and the questions as fast as the socket takes them.
async fn serve_gateway(
    stream: TcpStream,
    shared: Arc<Shared>,
    events: Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<(usize, String, String)>>>,
    heartbeat_ms: u64,
    ws_url: String,
) -> anyhow::Result<()> {
    shared.connections.fetch_add(1, Ordering::SeqCst);
    let _ = stream.set_nodelay(true);
    let ws = tokio_tungstenite::accept_async(stream).await?;
    let (mut sink, mut incoming) = ws.split();
    sink.send(WsMessage::Text(
        json!({"op": 10, "d": {"heartbeat_interval": heartbeat_ms}, "s": null, "t": null})
            .to_string(),
    ))
    .await?;
    // What the reader asks the writer to send first: ACKs, and READY.
    let (urgent, mut urgent_rx) = mpsc::unbounded_channel::<String>();
    *shared.urgent.lock().unwrap() = Some(urgent.clone());
    let reader_shared = shared.clone();
    let reader = tokio::spawn(async move {
        while let Some(Ok(m)) = incoming.next().await {
            let WsMessage::Text(t) = m else {
                if matches!(m, WsMessage::Close(_)) {
                    break;
                }
                continue;
            };
            let Ok(v) = serde_json::from_str::<Value>(&t) else {
                continue;
            };
            match v["op"].as_u64() {
                Some(1) => {
                    if let Some(asked) = reader_shared.probe.lock().unwrap().take() {
                        reader_shared.lags.lock().unwrap().push(asked.elapsed());
                    }
                    let sent = reader_shared.sent_seq.load(Ordering::SeqCst);
                    let unread = sent.saturating_sub(v["d"].as_u64().unwrap_or(0));
                    reader_shared
                        .heartbeats
                        .lock()
                        .unwrap()
                        .push((Instant::now(), unread));
                    let _ = urgent.send(json!({"op": 11}).to_string());
                }
                Some(2) => {
                    reader_shared.identifies.fetch_add(1, Ordering::SeqCst);
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
                    reader_shared.sent_seq.store(1, Ordering::SeqCst);
                    let _ =
                        urgent.send(json!({"op": 0, "t": "READY", "s": 1, "d": ready}).to_string());
                }
                Some(6) => {
                    // A resume means the connection was lost: counted, and refused.
                    reader_shared.resumes.fetch_add(1, Ordering::SeqCst);
                    let _ = urgent.send(json!({"op": 9, "d": false}).to_string());
                }
                _ => {}
            }
        }
    });
    let mut ready = false;
    let mut seq = 1u64;
    let mut guard = None;
    loop {
        if ready && guard.is_none() {
            guard = Some(events.lock().await);
        }
        tokio::select! {
            biased;
            m = urgent_rx.recv() => match m {
                Some(t) => {
                    let is_ack = t == r#"{"op":11}"#;
                    ready |= t.contains(r#""READY""#);
                    sink.send(WsMessage::Text(t)).await?;
                    if is_ack {
                        shared.acks.fetch_add(1, Ordering::SeqCst);
                    }
                }
                None => break,
            },
            e = async { guard.as_mut().unwrap().recv().await }, if guard.is_some() => match e {
                Some((i, event, d)) => {
                    seq += 1;
                    let text = format!(r#"{{"op":0,"t":"{event}","s":{seq},"d":{d}}}"#);
                    shared.dispatched[i].store(shared.now(), Ordering::SeqCst);
                    sink.send(WsMessage::Text(text)).await?;
                    shared.sent_seq.store(seq, Ordering::SeqCst);
                }
                None => break,
            },
        }
    }
    reader.abort();
    Ok(())
}

/// The questions: every phrasing of the real fact base, in every language, with the Discord
/// locale of its language.
fn questions() -> Vec<(String, &'static str)> {
    let engine = support::engine();
    let snap = engine.snapshot();
    let mut out = Vec::new();
    for fact in &snap.facts.facts {
        for (lang, qs) in &fact.questions {
            for q in qs {
                out.push((q.clone(), Lang::locale(*lang)));
            }
        }
    }
    assert!(!out.is_empty(), "the fact base has phrasings");
    out
}

/// Question `i`: a `MESSAGE_CREATE` that mentions the bot (even `i`) or an `/ask` (odd `i`).
fn event(i: usize, question: &str, locale: &str, channels: u64) -> (&'static str, Value) {
    let user_id = 10_000 + (i as u64 % 997);
    if i % 2 == 0 {
        let id = MESSAGE_BASE + i as u64;
        let channel = FIRST_CHANNEL + (i as u64 / 2) % channels;
        let d = support::message_event(
            id,
            human(user_id),
            channel,
            Some(GUILD_ID),
            &format!("<@{BOT_ID}> {question}"),
            vec![bot_user()],
        );
        ("MESSAGE_CREATE", d)
    } else {
        let id = INTERACTION_BASE + i as u64;
        let d = support::slash_event(
            id,
            &support::Who::member(),
            user_id,
            locale,
            "ask",
            vec![string_option("question", question)],
            Value::Null,
            0,
        );
        ("INTERACTION_CREATE", d)
    }
}

/// `VmRSS` and `VmHWM` of a process, in kB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// `attache serve`, the release binary itself, on the real fact base: it cannot be pointed at the
/// fake Discord, so its HTTPS goes through a proxy on 127.0.0.1 that takes the CONNECT to
/// discord.com and then never answers. The process has then loaded everything (fact base, index,
/// locales, database, watcher, runtime, logging) and waits on its first request to Discord: its
/// memory before the gateway connection. Returns `VmRSS` and `VmHWM` in kB after `idle`.
async fn serve_binary_memory(tmp: &Path, idle: Duration) -> (u64, u64) {
    let proxy = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = proxy.local_addr().unwrap().port();
    let (seen, mut connect) = mpsc::unbounded_channel::<String>();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = proxy.accept().await {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let _ = reader.read_line(&mut line).await;
            let _ = seen.send(line.trim().to_string());
            held.push(reader);
        }
    });
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("serve")
        .env("DISCORD_TOKEN", TOKEN)
        .env_remove("DISCORD_TOKEN_FILE")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{port}"))
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env_remove("ATTACHE_CONFIG")
        .env("ATTACHE_KNOWLEDGE", root.join("knowledge"))
        .env("ATTACHE_LOCALES", root.join("locales"))
        .env("ATTACHE_DATABASE", tmp.join("serve.db"))
        .env("ATTACHE_STATUS_FILE", tmp.join("serve-status"))
        .current_dir(tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(tmp.join("serve.log")).unwrap())
        .spawn()
        .expect("attache serve starts");
    let first = tokio::time::timeout(Duration::from_secs(60), connect.recv()).await;
    let alive = matches!(child.try_wait(), Ok(None));
    let figures = if alive {
        tokio::time::sleep(idle).await;
        memory(child.id())
    } else {
        (0, 0)
    };
    let _ = child.kill();
    let _ = child.wait();
    holder.abort();
    match first {
        Ok(Some(line)) if line.starts_with("CONNECT ") && alive => figures,
        other => panic!(
            "attache serve did not wait on its proxy ({other:?}); its log:\n{}",
            std::fs::read_to_string(tmp.join("serve.log")).unwrap_or_default()
        ),
    }
}

/// Stops the child: closes its stdin (a clean shutdown), kills it if it lingers.
fn stop(mut child: Child) -> Option<std::process::ExitStatus> {
    drop(child.stdin.take());
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

async fn bench() {
    let events: usize = env_or("ATTACHE_LOAD_EVENTS", 10_000);
    let channels: u64 = env_or("ATTACHE_LOAD_CHANNELS", 100u64).max(1);
    let heartbeat_ms: u64 = env_or("ATTACHE_LOAD_HEARTBEAT_MS", 41_250u64).max(100);
    let idle = Duration::from_secs(env_or("ATTACHE_LOAD_IDLE_SECS", 5));
    assert!(events > 0, "ATTACHE_LOAD_EVENTS must be at least 1");

    // The payloads, built (and checked against serenity's models) before anything is timed.
    let pool = questions();
    let prepared: Vec<(&'static str, String)> = (0..events)
        .map(|i| {
            let (q, locale) = &pool[(i / 2) % pool.len()];
            let (name, d) = event(i, q, locale, channels);
            if i < 2 {
                match name {
                    "MESSAGE_CREATE" => check_parses::<serenity::Message>(&d),
                    _ => check_parses::<serenity::Interaction>(&d),
                }
            }
            (name, d.to_string())
        })
        .collect();

    let shared = Arc::new(Shared {
        base: Instant::now(),
        dispatched: (0..events).map(|_| AtomicU64::new(0)).collect(),
        replied: (0..events).map(|_| AtomicU64::new(0)).collect(),
        answered: AtomicUsize::new(0),
        duplicates: AtomicUsize::new(0),
        deferred: AtomicUsize::new(0),
        with_embed: AtomicUsize::new(0),
        notices: Mutex::new(Vec::new()),
        notice_count: AtomicUsize::new(0),
        unexpected: Mutex::new(Vec::new()),
        registered: AtomicBool::new(false),
        heartbeats: Mutex::new(Vec::new()),
        sent_seq: AtomicU64::new(0),
        acks: AtomicUsize::new(0),
        urgent: Mutex::new(None),
        probe: Mutex::new(None),
        lags: Mutex::new(Vec::new()),
        connections: AtomicUsize::new(0),
        identifies: AtomicUsize::new(0),
        resumes: AtomicUsize::new(0),
        rest_requests: AtomicUsize::new(0),
        rest_connections: AtomicUsize::new(0),
    });

    // The fake Discord.
    let rest = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let gateway = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let rest_port = rest.local_addr().unwrap().port();
    let ws_url = format!("ws://127.0.0.1:{}", gateway.local_addr().unwrap().port());
    let (dispatch, rx) = mpsc::unbounded_channel::<(usize, String, String)>();
    let rx = Arc::new(tokio::sync::Mutex::new(rx));
    {
        let (shared, ws_url) = (shared.clone(), ws_url.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = rest.accept().await {
                tokio::spawn(serve_rest(stream, shared.clone(), ws_url.clone()));
            }
        });
    }
    {
        let (shared, ws_url) = (shared.clone(), ws_url.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = gateway.accept().await {
                tokio::spawn(serve_gateway(
                    stream,
                    shared.clone(),
                    rx.clone(),
                    heartbeat_ms,
                    ws_url.clone(),
                ));
            }
        });
    }

    let tmp = tempfile::tempdir().unwrap();
    let (serve_rss, serve_hwm) = serve_binary_memory(tmp.path(), idle).await;

    // The bot, in a process of its own.
    let log_path = tmp.path().join("bot.log");
    let started = Instant::now();
    let child = Command::new(std::env::current_exe().expect("the bench binary"))
        .env(ROLE, "bot")
        .env(REST_PORT, rest_port.to_string())
        .env(DATABASE, tmp.path().join("attache.db"))
        .env("ATTACHE_STATUS_FILE", tmp.path().join("status"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .expect("the bot process starts");
    let pid = child.id();
    let show_log = || std::fs::read_to_string(&log_path).unwrap_or_default();
    while !shared.registered.load(Ordering::SeqCst) {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = stop(child);
            panic!(
                "the bot did not register its commands in 60 s; its log:\n{}",
                show_log()
            );
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ready_after = started.elapsed();
    tokio::time::sleep(idle).await;
    let (idle_rss, idle_hwm) = memory(pid);

    // The load: every question queued at once; the gateway writes them as fast as it can.
    let heartbeats_before = shared.heartbeats.lock().unwrap().len();
    let load_start = Instant::now();
    for (i, (name, d)) in prepared.into_iter().enumerate() {
        dispatch.send((i, name.to_string(), d)).unwrap();
    }
    let mut last = 0;
    let mut last_progress = Instant::now();
    let mut last_probe = Instant::now();
    loop {
        let n = shared.answered.load(Ordering::SeqCst);
        if n >= events {
            break;
        }
        // Discord may ask for a heartbeat at any time (op 1); the bot answers when it reads the
        // request, so the time to its heartbeat is how far its gateway reading lags behind.
        if last_probe.elapsed() >= PROBE_EVERY {
            let mut probe = shared.probe.lock().unwrap();
            if probe.is_none() {
                if let Some(urgent) = shared.urgent.lock().unwrap().as_ref() {
                    *probe = Some(Instant::now());
                    let _ = urgent.send(json!({"op": 1, "d": null}).to_string());
                }
                last_probe = Instant::now();
            }
        }
        if n != last {
            last = n;
            last_progress = Instant::now();
        } else if last_progress.elapsed() > STALL {
            break;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let load_time = load_start.elapsed();
    let unanswered_probe = shared.probe.lock().unwrap().take().map(|p| p.elapsed());
    // Late duplicates, if any.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (after_rss, after_hwm) = memory(pid);
    let status = tokio::task::spawn_blocking(move || stop(child))
        .await
        .unwrap();

    // Figures.
    let answered = shared.answered.load(Ordering::SeqCst);
    let dispatched = shared
        .dispatched
        .iter()
        .filter(|d| d.load(Ordering::SeqCst) != 0)
        .count();
    let mut latencies: Vec<Duration> = shared
        .dispatched
        .iter()
        .zip(&shared.replied)
        .filter_map(|(d, r)| {
            let (d, r) = (d.load(Ordering::SeqCst), r.load(Ordering::SeqCst));
            (d != 0 && r != 0).then(|| Duration::from_nanos(r.saturating_sub(d)))
        })
        .collect();
    latencies.sort();
    let first_dispatch = shared
        .dispatched
        .iter()
        .map(|d| d.load(Ordering::SeqCst))
        .filter(|&d| d != 0)
        .min()
        .unwrap_or(0);
    let last_dispatch = shared
        .dispatched
        .iter()
        .map(|d| d.load(Ordering::SeqCst))
        .max()
        .unwrap_or(0);
    let last_reply = shared
        .replied
        .iter()
        .map(|d| d.load(Ordering::SeqCst))
        .max()
        .unwrap_or(0);
    let span = Duration::from_nanos(last_reply.saturating_sub(first_dispatch));
    let send_span = Duration::from_nanos(last_dispatch.saturating_sub(first_dispatch));
    let heartbeats = shared.heartbeats.lock().unwrap().clone();
    let max_unread = heartbeats.iter().map(|h| h.1).max().unwrap_or(0);
    let mut lags = shared.lags.lock().unwrap().clone();
    lags.sort();
    let heartbeats: Vec<Instant> = heartbeats.into_iter().map(|h| h.0).collect();
    let max_gap = heartbeats
        .windows(2)
        .map(|w| w[1] - w[0])
        .max()
        .unwrap_or_default();
    let during_load = heartbeats.len() - heartbeats_before;
    let acks = shared.acks.load(Ordering::SeqCst);
    let connections = shared.connections.load(Ordering::SeqCst);
    let identifies = shared.identifies.load(Ordering::SeqCst);
    let resumes = shared.resumes.load(Ordering::SeqCst);
    let duplicates = shared.duplicates.load(Ordering::SeqCst);
    let notices = shared.notice_count.load(Ordering::SeqCst);
    let unexpected = shared.unexpected.lock().unwrap().clone();
    // serenity checks its heartbeat after each event or after 500 ms without one.
    let allowed_gap = Duration::from_millis(heartbeat_ms) + Duration::from_millis(750);
    let missed = heartbeats
        .windows(2)
        .filter(|w| w[1] - w[0] > allowed_gap)
        .count();

    println!("discord_load: attache's bot against the fake Discord on 127.0.0.1");
    println!(
        "  questions        {events} ({} MESSAGE_CREATE mentions over {channels} channels, {} INTERACTION_CREATE /ask), {} of the {} phrasings of the real fact base",
        events.div_ceil(2),
        events / 2,
        pool.len().min(events.div_ceil(2)),
        pool.len(),
    );
    println!(
        "  dispatched       {dispatched} in {} (fake -> socket)",
        ms(send_span)
    );
    println!(
        "  answered         {answered}; dropped {}; duplicates {duplicates}; deferred {}; without an embed {notices}",
        events - answered,
        shared.deferred.load(Ordering::SeqCst),
    );
    if !latencies.is_empty() {
        println!(
            "  latency          p50 {}  p90 {}  p99 {}  max {}  (min {}, dispatch -> reply REST call)",
            ms(percentile(&latencies, 50.0)),
            ms(percentile(&latencies, 90.0)),
            ms(percentile(&latencies, 99.0)),
            ms(*latencies.last().unwrap()),
            ms(latencies[0]),
        );
        println!(
            "  throughput       {:.0} questions/s (first dispatch to last reply: {})",
            answered as f64 / span.as_secs_f64(),
            ms(span),
        );
    }
    println!(
        "  heartbeats       {} received, {acks} ACKed, {during_load} during the load ({:.1} s), interval {heartbeat_ms} ms, longest gap {}, missed {missed}",
        heartbeats.len(),
        load_time.as_secs_f64(),
        ms(max_gap),
    );
    if !lags.is_empty() {
        println!(
            "  gateway lag      {} heartbeat requests (op 1) during the load, answered after p50 {}  max {}{}",
            lags.len(),
            ms(percentile(&lags, 50.0)),
            ms(*lags.last().unwrap()),
            unanswered_probe.map_or(String::new(), |p| format!("; one unanswered after {}", ms(p))),
        );
    }
    println!(
        "  gateway backlog  at most {max_unread} dispatches written but not yet read by the bot when it heartbeated (its ACK waits behind them)"
    );
    println!(
        "  gateway          {connections} connection(s), {identifies} IDENTIFY, {resumes} RESUME"
    );
    println!(
        "  REST             {} requests on {} connections",
        shared.rest_requests.load(Ordering::SeqCst),
        shared.rest_connections.load(Ordering::SeqCst),
    );
    println!(
        "  memory (bot)     idle {}s after READY: VmRSS {} (VmHWM {}); after the load: VmRSS {} (VmHWM {})",
        idle.as_secs(),
        mb(idle_rss),
        mb(idle_hwm),
        mb(after_rss),
        mb(after_hwm),
    );
    println!(
        "  attache serve    release binary, idle {}s before its first request to Discord: VmRSS {} (VmHWM {})",
        idle.as_secs(),
        mb(serve_rss),
        mb(serve_hwm),
    );
    println!(
        "  bot process      database {}; ready in {}; stopped {}",
        if std::env::var_os(MEMORY_DATABASE).is_some() {
            "in memory"
        } else {
            "a file (WAL), as attache serve"
        },
        ms(ready_after),
        match status {
            Some(s) if s.success() => "cleanly".to_string(),
            Some(s) => format!("with {s}"),
            None => "only when killed".to_string(),
        }
    );

    let mut failures = Vec::new();
    if answered < events {
        let missing: Vec<usize> = shared
            .replied
            .iter()
            .enumerate()
            .filter(|(_, r)| r.load(Ordering::SeqCst) == 0)
            .map(|(i, _)| i)
            .take(10)
            .collect();
        failures.push(format!(
            "{} of {events} questions unanswered (first: {missing:?})",
            events - answered
        ));
    }
    if duplicates > 0 {
        failures.push(format!("{duplicates} questions answered twice"));
    }
    if notices > 0 {
        failures.push(format!(
            "{notices} replies without an answer embed, e.g. {:?}",
            shared.notices.lock().unwrap()
        ));
    }
    let worst_lag = lags
        .last()
        .copied()
        .max(unanswered_probe)
        .unwrap_or_default();
    if worst_lag >= Duration::from_millis(heartbeat_ms) {
        failures.push(format!(
            "the bot read a heartbeat request {} late: it would miss a heartbeat every {heartbeat_ms} ms",
            ms(worst_lag)
        ));
    }
    if missed > 0 || acks < heartbeats.len() {
        failures.push(format!(
            "heartbeats missed: {missed} gaps over {}",
            ms(allowed_gap)
        ));
    }
    if connections != 1 || identifies != 1 || resumes != 0 {
        failures.push("the gateway reconnected".to_string());
    }
    if !unexpected.is_empty() {
        failures.push(format!("unexpected REST calls: {unexpected:?}"));
    }
    let log = show_log();
    // poise reads a message that starts with the bot's mention as a prefix command, and the bot
    // logs the "unknown command" at ERROR: one line per mention question.
    let unknown = log
        .lines()
        .filter(|l| l.contains("unknown command"))
        .count();
    let errors = log.lines().filter(|l| l.contains(" ERROR ")).count();
    let warnings = log.lines().filter(|l| l.contains(" WARN ")).count();
    println!(
        "  bot log          {} lines: {errors} ERROR ({unknown} of them poise's \"unknown command\" for a mention), {warnings} WARN",
        log.lines().count()
    );
    if !failures.is_empty() {
        let tail: Vec<&str> = log
            .lines()
            .filter(|l| !l.contains("unknown command"))
            .rev()
            .take(30)
            .collect();
        let kept = tmp.keep();
        panic!(
            "discord_load failed:\n- {}\nthe bot's last log lines (but poise's \"unknown command\"; whole log in {}):\n{}",
            failures.join("\n- "),
            kept.join("bot.log").display(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
}
