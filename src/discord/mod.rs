//! The Discord bot: the only module that imports serenity and poise. It turns Discord events into
//! calls of the core ([`crate::answer::answer`], [`crate::summary::summary`]) and the core's replies
//! into Discord messages ([`reply`]).
//!
//! `attache serve` calls [`serve`]; tests call [`run`] with an [`Http`] pointed at a fake Discord.

pub mod commands;
pub mod cooldown;
pub mod events;
pub mod localize;
pub mod logging;
pub mod moderation;
pub mod reply;

use crate::answer::{Outcome, Reply};
use crate::engine::Engine;
use crate::store::{Store, Unanswered, UnansweredReason};
use cooldown::{Cooldown, PerFact};
use poise::serenity_prelude as serenity;
use std::collections::VecDeque;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use serenity::Http;

/// The error type of commands and event handlers.
pub type Error = anyhow::Error;
/// The poise context of the bot's commands.
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Options of `attache serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Register the slash commands in this server only (they appear at once; global ones take a
    /// while), for quick iteration.
    #[arg(long, value_name = "ID", env = "ATTACHE_GUILD")]
    pub guild: Option<u64>,
    /// The bot's database: a SQLite file, or a PostgreSQL URL.
    #[command(flatten)]
    pub database: crate::store::DatabaseArgs,
    /// Ask for the privileged message-content intent (enable it in the Developer Portal too): the
    /// bot then also answers unprompted questions in the channels a server enables.
    #[arg(long, env = "ATTACHE_MESSAGE_CONTENT")]
    pub message_content: bool,
    /// Seconds a user waits between two questions.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 5,
        env = "ATTACHE_COOLDOWN"
    )]
    pub cooldown: u64,
    /// `auto` (Discord's recommended count) or a number of shards for this process.
    #[arg(long, value_name = "auto|N", env = "ATTACHE_SHARDS")]
    pub shards: Option<String>,
    /// Run only shards FIRST-LAST (inclusive) of --shard-total, to split a fleet across processes.
    #[arg(long, value_name = "FIRST-LAST", env = "ATTACHE_SHARD_RANGE")]
    pub shard_range: Option<String>,
    /// The number of shards of the whole fleet (with --shard-range).
    #[arg(long, value_name = "N", env = "ATTACHE_SHARD_TOTAL")]
    pub shard_total: Option<u32>,
    /// Serve Prometheus metrics on /metrics and a health check on /healthz at this address
    /// (for example 127.0.0.1:9464). Off by default.
    #[arg(long, value_name = "ADDR", env = "ATTACHE_METRICS_ADDR")]
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// Log lines as text, or one JSON object per line for log shippers.
    #[arg(long, value_enum, default_value_t = logging::LogFormat::Text, env = "ATTACHE_LOG_FORMAT")]
    pub log_format: logging::LogFormat,
}

/// The bot's token. Its `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// Wraps a token (trimmed; a leading `Bot ` is dropped).
    pub fn new(token: impl AsRef<str>) -> Token {
        let t = token.as_ref().trim();
        Token(t.strip_prefix("Bot ").unwrap_or(t).trim().to_string())
    }

    /// The token itself, for the HTTP client and the log redaction only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Reads `DISCORD_TOKEN`, else the file named by `DISCORD_TOKEN_FILE`.
    pub fn from_env() -> Result<Token, ServeError> {
        Self::from_vars(
            std::env::var("DISCORD_TOKEN").ok(),
            std::env::var_os("DISCORD_TOKEN_FILE").map(PathBuf::from),
        )
    }

    /// [`Token::from_env`] with the variables given.
    pub fn from_vars(token: Option<String>, file: Option<PathBuf>) -> Result<Token, ServeError> {
        if let Some(t) = token.filter(|t| !t.trim().is_empty()) {
            return Ok(Token::new(t));
        }
        if let Some(path) = file {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| ServeError::TokenFile(format!("{}: {e}", path.display())))?;
            let t = Token::new(text);
            if t.0.is_empty() {
                return Err(ServeError::TokenFile(format!(
                    "{} is empty",
                    path.display()
                )));
            }
            return Ok(t);
        }
        Err(ServeError::NoToken)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token([redacted])")
    }
}

/// Why `attache serve` stopped: each says what to do, in one line.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The shard options do not make sense.
    #[error("{0}")]
    Shards(#[from] crate::shards::ShardError),
    /// No token given.
    #[error("no Discord bot token: set DISCORD_TOKEN to your bot's token, or DISCORD_TOKEN_FILE to a file that holds it (Developer Portal > your application > Bot > Reset Token)")]
    NoToken,
    /// The token file cannot be read.
    #[error(
        "cannot read the token from DISCORD_TOKEN_FILE ({0}): check the path and its permissions"
    )]
    TokenFile(String),
    /// Discord rejected the token (401, or gateway close code 4004).
    #[error("Discord rejected the bot token (4004 authentication failed): copy a new one from the Developer Portal (your application > Bot > Reset Token) into DISCORD_TOKEN")]
    TokenRejected,
    /// Discord refused a privileged intent (close code 4014).
    #[error("Discord refused the message-content intent (4014 disallowed intents): enable \"Message Content Intent\" in the Developer Portal (your application > Bot > Privileged Gateway Intents), or run `attache serve` without --message-content")]
    IntentRefused,
    /// Close code 4013.
    #[error("Discord says the gateway intents are invalid (4013): this is a bug in attache, please report it")]
    InvalidIntents,
    /// The database cannot be opened.
    #[error("cannot open the database {path}: {error}; check the path (--database) or the URL (--database-url, ATTACHE_DATABASE_URL)")]
    Database {
        /// The file, or the URL with its password masked.
        path: String,
        /// What went wrong.
        error: String,
    },
    /// Discord cannot be reached.
    #[error(
        "cannot reach Discord ({0}): check the network connection, DNS, and any proxy or firewall"
    )]
    Unreachable(String),
    /// Anything else.
    #[error("the Discord connection failed: {0}")]
    Other(String),
}

/// Maps serenity's errors to one clear line.
pub fn map_error(e: serenity::Error) -> ServeError {
    use serenity::{GatewayError, HttpError};
    match &e {
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => ServeError::TokenRejected,
        serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents) => {
            ServeError::IntentRefused
        }
        serenity::Error::Gateway(GatewayError::InvalidGatewayIntents) => ServeError::InvalidIntents,
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401 =>
        {
            ServeError::TokenRejected
        }
        serenity::Error::Http(HttpError::InvalidHeader(_)) => ServeError::TokenRejected,
        serenity::Error::Http(HttpError::Request(_)) | serenity::Error::Tungstenite(_) => {
            ServeError::Unreachable(e.to_string())
        }
        _ => ServeError::Other(e.to_string()),
    }
}

/// The permissions the bot needs in a channel: View Channel, Send Messages, Embed Links, Read
/// Message History.
pub fn permissions() -> serenity::Permissions {
    serenity::Permissions::VIEW_CHANNEL
        | serenity::Permissions::SEND_MESSAGES
        | serenity::Permissions::EMBED_LINKS
        | serenity::Permissions::READ_MESSAGE_HISTORY
}

/// The link that adds the bot to a server: scopes `bot` and `applications.commands`, and
/// [`permissions`].
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot%20applications.commands&permissions={}",
        permissions().bits()
    )
}

/// How the bot behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// Register the commands in this server instead of globally.
    pub guild: Option<u64>,
    /// The privileged message-content intent: unprompted answers in enabled channels.
    pub message_content: bool,
    /// Between two questions of one user.
    pub cooldown: Duration,
    /// At most one unprompted answer per fact per channel in this time.
    pub unprompted_period: Duration,
    /// How long a cooldown notice in a channel stays before it is deleted.
    pub notice_lifetime: Duration,
    /// Watch the knowledge and locales directories and reload on every edit (hot reload), reporting
    /// each reload to the log and to the servers' moderator log channels.
    pub watch: bool,
    /// Which shards this process runs.
    pub shards: crate::shards::ShardPlan,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            guild: None,
            message_content: false,
            cooldown: Duration::from_secs(5),
            unprompted_period: Duration::from_secs(60),
            notice_lifetime: Duration::from_secs(10),
            watch: false,
            shards: crate::shards::ShardPlan::Auto,
        }
    }
}

impl Config {
    /// The gateway intents: guilds, guild messages, direct messages, and message content only when
    /// configured.
    pub fn intents(&self) -> serenity::GatewayIntents {
        let mut i = serenity::GatewayIntents::GUILDS
            | serenity::GatewayIntents::GUILD_MESSAGES
            | serenity::GatewayIntents::DIRECT_MESSAGES;
        if self.message_content {
            i |= serenity::GatewayIntents::MESSAGE_CONTENT;
        }
        i
    }
}

/// Questions recently answered, so that a 👎 can log the question it is about (without keeping it
/// in the message) and a user votes once per answer. Bounded; forgotten on restart.
#[derive(Debug, Default)]
pub struct Recent {
    next: u64,
    entries: VecDeque<(u64, Remembered)>,
}

#[derive(Debug)]
struct Remembered {
    question: String,
    lang: String,
    voters: Vec<u64>,
}

/// The outcome of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vote {
    /// Counted; the question and its language when still remembered.
    Counted(Option<(String, String)>),
    /// This user already voted on this answer.
    Already,
}

impl Recent {
    /// Answers remembered.
    pub const CAPACITY: usize = 5_000;

    /// Remembers a (normalised) question; returns its key.
    pub fn remember(&mut self, question: String, lang: String) -> String {
        self.next += 1;
        if self.entries.len() >= Self::CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back((
            self.next,
            Remembered {
                question,
                lang,
                voters: vec![],
            },
        ));
        format!("{:x}", self.next)
    }

    /// Records a user's vote on the answer `key`.
    pub fn vote(&mut self, key: Option<&str>, user: u64) -> Vote {
        let Some(k) = key.and_then(|k| u64::from_str_radix(k, 16).ok()) else {
            return Vote::Counted(None);
        };
        match self.entries.iter_mut().find(|(id, _)| *id == k) {
            None => Vote::Counted(None),
            Some((_, r)) if r.voters.contains(&user) => Vote::Already,
            Some((_, r)) => {
                r.voters.push(user);
                Vote::Counted(Some((r.question.clone(), r.lang.clone())))
            }
        }
    }
}

/// The bot's state, shared by every command and event.
pub struct Data {
    /// The fact base in service.
    pub engine: Arc<Engine>,
    /// The database.
    pub store: Arc<Store>,
    /// The configuration.
    pub config: Config,
    ask_cooldown: Mutex<Cooldown<u64>>,
    channel_cooldown: Mutex<Cooldown<u64>>,
    per_fact: Mutex<PerFact>,
    recent: Mutex<Recent>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Data {
    /// The state for a configuration.
    pub fn new(engine: Arc<Engine>, store: Arc<Store>, config: Config) -> Data {
        Data {
            ask_cooldown: Mutex::new(Cooldown::new(config.cooldown)),
            channel_cooldown: Mutex::new(Cooldown::new(config.cooldown)),
            per_fact: Mutex::new(PerFact::new(config.unprompted_period)),
            recent: Mutex::new(Recent::default()),
            engine,
            store,
            config,
        }
    }

    /// The `/ask` cooldown of a user.
    pub fn check_ask(&self, user: u64) -> cooldown::Check {
        lock(&self.ask_cooldown).check(user, std::time::Instant::now())
    }

    /// The channel-question cooldown of a user.
    pub fn check_channel(&self, user: u64) -> cooldown::Check {
        lock(&self.channel_cooldown).check(user, std::time::Instant::now())
    }

    /// The once-per-fact-per-channel limit of unprompted answers.
    pub fn allow_unprompted(&self, channel: u64, fact: &str) -> bool {
        lock(&self.per_fact).allow(channel, fact, std::time::Instant::now())
    }

    /// A user's `/language` choice (store errors are logged and ignored).
    pub fn forced_locale(&self, user: u64) -> Option<String> {
        self.store.user_locale(user).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "cannot read a user's language");
            None
        })
    }

    /// The server's locale: its setting in the database, else Discord's.
    pub fn guild_locale(&self, guild: Option<u64>, discord: Option<&str>) -> Option<String> {
        let set = guild.and_then(|g| match self.store.guild_settings(g) {
            Ok(s) => s.default_locale,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read server settings");
                None
            }
        });
        set.or_else(|| discord.map(str::to_string))
    }

    /// The language of interface text for a user: their choice, else their Discord locale.
    pub fn ui_locale(&self, user: u64, discord: Option<&str>) -> String {
        let snap = self.engine.snapshot();
        let wanted = self
            .forced_locale(user)
            .or_else(|| discord.map(str::to_string))
            .unwrap_or_else(|| crate::i18n::SOURCE_LOCALE.to_string());
        snap.locales.negotiate(&wanted).to_string()
    }

    /// Counts a reply and logs it in the unanswered log when it was not answered; returns the key
    /// of its feedback buttons.
    pub fn record(&self, reply: &Reply, guild: Option<u64>) -> Option<String> {
        let now = crate::store::now();
        let outcome = match reply.outcome {
            Outcome::Answer => "answer",
            Outcome::Suggest => "suggest",
            Outcome::Decline => "decline",
        };
        if reply.question.trim().is_empty() {
            return None;
        }
        if let Err(e) = self.store.count_question(guild, outcome, now) {
            tracing::warn!(error = %e, "cannot count a question");
        }
        let normalised = crate::normalise::fold(crate::normalise::cap(&reply.question));
        let lang = reply.question_lang.code().to_string();
        if let (Outcome::Answer, Some(fact)) = (reply.outcome, reply.fact.as_deref()) {
            if let Err(e) = self.store.count_answer(fact, guild, now) {
                tracing::warn!(error = %e, "cannot count an answer");
            }
        }
        if reply.outcome != Outcome::Answer {
            if let Err(e) = self.store.log_unanswered(&Unanswered {
                question: normalised,
                lang,
                asked_at: now,
                guild_id: guild,
                reason: UnansweredReason::Declined,
                fact: None,
            }) {
                tracing::warn!(error = %e, "cannot log an unanswered question");
            }
            return None;
        }
        Some(lock(&self.recent).remember(normalised, lang))
    }

    /// Records a 👍/👎; `false` when the user already voted on this answer.
    pub fn feedback(
        &self,
        fact: &str,
        key: Option<&str>,
        user: u64,
        guild: Option<u64>,
        helpful: bool,
    ) -> bool {
        let vote = lock(&self.recent).vote(key, user);
        let Vote::Counted(question) = vote else {
            return false;
        };
        let now = crate::store::now();
        if let Err(e) = self.store.record_feedback(fact, guild, helpful, now) {
            tracing::warn!(error = %e, "cannot record feedback");
        }
        if let (false, Some((q, lang))) = (helpful, question) {
            if let Err(e) = self.store.log_unanswered(&Unanswered {
                question: q,
                lang,
                asked_at: now,
                guild_id: guild,
                reason: UnansweredReason::NotHelpful,
                fact: Some(fact.to_string()),
            }) {
                tracing::warn!(error = %e, "cannot log a 👎");
            }
        }
        true
    }
}

/// Errors reach the user as a short localized ephemeral message; details go to the log.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Setup { error, .. } => {
            tracing::error!(error = %error, "setup failed");
        }
        poise::FrameworkError::EventHandler { error, event, .. } => {
            tracing::error!(error = %error, event = event.snake_case_name(), "event handler failed");
        }
        // A server-only command used in a direct message (Discord hides them there, but a client
        // may still send one).
        poise::FrameworkError::GuildOnly { ctx, .. } => {
            if let Err(e) = moderation::refuse(ctx, "guild-only").await {
                tracing::warn!(error = %e, "cannot refuse a command in a direct message");
            }
        }
        other => {
            if let Some(ctx) = other.ctx() {
                tracing::error!(error = %other, command = %ctx.command().qualified_name, "command failed");
                let data = ctx.data();
                let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
                let text = data
                    .engine
                    .snapshot()
                    .locales
                    .render(&locale, "error-generic", None);
                let out = reply::Out::notice(text, true).fit();
                if let Err(e) = ctx.send(out.to_poise()).await {
                    tracing::warn!(error = %e, "cannot tell the user about an error");
                }
            } else {
                tracing::error!(error = %other, "framework error");
            }
        }
    }
}

/// The poise framework with every command, localized, and the event handler.
pub fn framework(data: Data) -> poise::Framework<Data, Error> {
    let snap = data.engine.snapshot();
    let commands = commands::all(&snap.locales);
    let guild = data.config.guild;
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands,
            on_error: |e| Box::pin(on_error(e)),
            event_handler: |fw, event| Box::pin(events::handle(fw, event)),
            allowed_mentions: Some(reply::no_mentions()),
            // attache has slash commands only; mentions are questions (events.rs). Left on, poise
            // reads every "@attache …" as an unknown prefix command and reports an error.
            prefix_options: poise::PrefixFrameworkOptions {
                mention_as_prefix: false,
                ..Default::default()
            },
            ..Default::default()
        })
        .setup(move |ctx, ready, fw| {
            Box::pin(async move {
                tracing::info!(
                    user = %ready.user.name,
                    guilds = ready.guilds.len(),
                    invite = %invite_url(ready.application.id.get()),
                    "connected to Discord"
                );
                let list = poise::builtins::create_application_commands(&fw.options().commands);
                let result = match guild {
                    Some(g) => serenity::GuildId::new(g)
                        .set_commands(ctx, list)
                        .await
                        .map(|c| c.len()),
                    None => serenity::Command::set_global_commands(ctx, list)
                        .await
                        .map(|c| c.len()),
                };
                match result {
                    Ok(_) => tracing::info!(guild, "slash commands registered"),
                    // Still serve mentions and DMs; the commands may already be registered.
                    Err(e) => tracing::error!(error = %e, "cannot register the slash commands"),
                }
                Ok(data)
            })
        })
        .build()
}

/// Runs the bot until `shutdown` completes (then the shards close cleanly) or Discord ends the
/// connection. `http`: a client of its own (tests point one at a fake Discord); `None` builds one
/// for discord.com from `token`.
pub async fn run(
    token: Token,
    config: Config,
    engine: Arc<Engine>,
    store: Arc<Store>,
    http: Option<Http>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let intents = config.intents();
    let watch = config.watch;
    let config_shards = config.shards;
    let http = http.unwrap_or_else(|| Http::new(token.expose()));
    let framework = framework(Data::new(engine.clone(), store.clone(), config));
    let mut client = serenity::ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await
        .map_err(map_error)?;
    // Hot reload: stops when `_watch` is dropped, as `run` returns.
    let _watch = if watch {
        watch_and_report(engine, store, client.http.clone())
    } else {
        None
    };
    // Gateway latency per shard, for the metrics.
    let runners = client.shard_manager.runners.clone();
    let latency = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(15));
        loop {
            tick.tick().await;
            let shards = runners
                .lock()
                .await
                .iter()
                .filter_map(|(id, info)| info.latency.map(|l| (id.0, l)))
                .collect();
            crate::metrics::global().gateway_latency(shards);
        }
    });
    let manager = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        manager.shutdown_all().await;
    });
    // On a fatal gateway error the shard has already stopped (and `shutdown_all` would wait 5 s
    // for it): the caller's runtime ends the remaining tasks.
    let result = match config_shards {
        crate::shards::ShardPlan::Auto => client.start_autosharded().await,
        crate::shards::ShardPlan::Count(n) => client.start_shards(n).await,
        plan => {
            let (range, total) = plan.serenity_range().expect("a range plan");
            client.start_shard_range(range, total).await
        }
    };
    stopper.abort();
    latency.abort();
    result.map_err(map_error)
}

/// Watches the engine's directories; each reload is logged and reported to the servers' moderator
/// log channels ([`moderation::report_reload`]). `None` (and a warning) when watching fails.
fn watch_and_report(
    engine: Arc<Engine>,
    store: Arc<Store>,
    http: Arc<Http>,
) -> Option<crate::reload::Watch> {
    let runtime = tokio::runtime::Handle::current();
    let reloaded = engine.clone();
    let watching = crate::reload::watch(engine, move |event| {
        let (engine, store, http) = (reloaded.clone(), store.clone(), http.clone());
        runtime.spawn(async move {
            moderation::report_reload(&http, &store, &engine.snapshot(), &event).await;
        });
    });
    match watching {
        Ok(w) => {
            tracing::info!("watching the knowledge and locales directories for edits");
            Some(w)
        }
        Err(e) => {
            tracing::warn!(error = %e, "not watching for edits: reload with /reload");
            None
        }
    }
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// `attache serve`: reads the token, sets up logging (the token redacted), opens the database and
/// runs the bot until SIGINT or SIGTERM.
pub fn serve(engine: Engine, args: ServeArgs) -> Result<(), ServeError> {
    let shards = crate::shards::ShardPlan::from_args(
        args.shards.as_deref(),
        args.shard_range.as_deref(),
        args.shard_total,
    )?;
    let token = Token::from_env()?;
    logging::init(&token, args.database.url.as_deref(), args.log_format);
    let location = args.database.location();
    let store = Store::open_location(&location).map_err(|e| ServeError::Database {
        path: location.display(),
        error: e.to_string(),
    })?;
    tracing::info!(backend = store.backend(), database = %location.display(), "database open");
    let config = Config {
        guild: args.guild,
        message_content: args.message_content,
        cooldown: Duration::from_secs(args.cooldown),
        watch: true,
        shards,
        ..Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Other(e.to_string()))?;
    runtime.block_on(async move {
        if let Some(addr) = args.metrics_addr {
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
                ServeError::Other(format!("cannot listen for metrics on {addr}: {e}"))
            })?;
            tracing::info!("metrics on http://{addr}/metrics, health on http://{addr}/healthz");
            tokio::spawn(crate::metrics::serve(
                listener,
                crate::health::status_path(),
            ));
        }
        run(
            token,
            config,
            Arc::new(engine),
            Arc::new(store),
            None,
            shutdown_signal(),
        )
        .await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_from_the_variable_or_the_file_and_never_print() {
        assert!(matches!(
            Token::from_vars(None, None),
            Err(ServeError::NoToken)
        ));
        assert!(matches!(
            Token::from_vars(Some("  ".into()), None),
            Err(ServeError::NoToken)
        ));
        let t = Token::from_vars(Some("Bot abc.def\n".into()), None).unwrap();
        assert_eq!(t.expose(), "abc.def");
        assert!(!format!("{t:?}").contains("abc"));
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("token");
        std::fs::write(&f, "secret-token\n").unwrap();
        assert_eq!(
            Token::from_vars(None, Some(f.clone())).unwrap().expose(),
            "secret-token"
        );
        assert!(matches!(
            Token::from_vars(None, Some(dir.path().join("missing"))),
            Err(ServeError::TokenFile(_))
        ));
    }

    #[test]
    fn intents_ask_for_message_content_only_when_configured() {
        use poise::serenity_prelude::GatewayIntents as I;
        let c = Config::default();
        assert_eq!(
            c.intents(),
            I::GUILDS | I::GUILD_MESSAGES | I::DIRECT_MESSAGES
        );
        let c = Config {
            message_content: true,
            ..c
        };
        assert!(c.intents().contains(I::MESSAGE_CONTENT));
    }

    #[test]
    fn gateway_errors_become_one_clear_line() {
        use poise::serenity_prelude::GatewayError as G;
        let e = map_error(serenity::Error::Gateway(G::InvalidAuthentication));
        assert!(matches!(e, ServeError::TokenRejected));
        let e = map_error(serenity::Error::Gateway(G::DisallowedGatewayIntents));
        assert!(e.to_string().contains("Message Content Intent"));
        for e in [
            ServeError::NoToken,
            ServeError::TokenRejected,
            ServeError::IntentRefused,
        ] {
            assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn the_invite_asks_for_exactly_the_permissions_the_readme_lists() {
        assert_eq!(permissions().bits(), 84992);
        assert_eq!(
            invite_url(42),
            "https://discord.com/oauth2/authorize?client_id=42&scope=bot%20applications.commands&permissions=84992"
        );
    }

    #[test]
    fn votes_count_once_per_user_and_answer() {
        let mut r = Recent::default();
        let k = r.remember("when is it".into(), "en".into());
        assert_eq!(
            r.vote(Some(&k), 1),
            Vote::Counted(Some(("when is it".into(), "en".into())))
        );
        assert_eq!(r.vote(Some(&k), 1), Vote::Already);
        assert!(matches!(r.vote(Some(&k), 2), Vote::Counted(Some(_))));
        assert_eq!(r.vote(Some("ffff"), 1), Vote::Counted(None));
        assert_eq!(r.vote(None, 1), Vote::Counted(None));
    }
}
