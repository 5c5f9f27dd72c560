//! What the bot keeps across restarts, behind one interface ([`StoreBackend`]) with two backends:
//! embedded SQLite ([`SqliteStore`], one file, the default) and PostgreSQL ([`PostgresStore`], chosen
//! with `ATTACHE_DATABASE_URL=postgres://…`, shared by every process of a sharded fleet).
//!
//! It keeps users' answer languages, server settings (enabled channels, default locale, moderator
//! role and log channel), the questions the bot could not answer, and counts (questions per outcome,
//! answers and 👍/👎 per fact). It never stores user ids next to questions, nor any user names: the
//! only user ids it holds are those of users who chose a language with `/language`, and only with
//! that choice.
//!
//! Both backends migrate their schema at start-up, step by step, with the same version numbers, and
//! refuse a database written by a newer attache. The API is synchronous and small: every call is one
//! short query. [`Store`] is what the rest of the bot holds.

mod postgres;
mod sqlite;

pub use self::postgres::{PostgresStore, MIGRATIONS as POSTGRES_MIGRATIONS};
pub use self::sqlite::{migrate, SqliteStore, MIGRATIONS};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The default database file.
pub const DEFAULT_PATH: &str = "attache.db";

/// A store error: the database's, a bad database URL, or a database written by a newer attache.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed (cannot connect, or a query failed).
    #[error("PostgreSQL error: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// `ATTACHE_DATABASE_URL` is not a PostgreSQL URL attache can use.
    #[error("bad database URL {url}: {reason}")]
    Url {
        /// The URL, its password masked.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The file's schema is newer than this build knows.
    #[error("the database has schema version {found}, newer than this attache knows ({known}); use a newer attache or another --database")]
    TooNew {
        /// The file's version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
}

/// Result of store calls.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A server's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuildSettings {
    /// The locale for channel answers when a question's language is unclear.
    pub default_locale: Option<String>,
    /// The role allowed to run moderation commands.
    pub moderator_role: Option<u64>,
    /// The channel moderation events are reported to.
    pub log_channel: Option<u64>,
}

/// Why a question went into the unanswered log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnansweredReason {
    /// The bot declined it (or could only suggest).
    Declined,
    /// Someone marked the answer 👎.
    NotHelpful,
}

impl UnansweredReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            UnansweredReason::Declined => "declined",
            UnansweredReason::NotHelpful => "not-helpful",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "not-helpful" => UnansweredReason::NotHelpful,
            _ => UnansweredReason::Declined,
        }
    }
}

/// One entry of the unanswered log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    /// The question, normalised (folded, capped).
    pub question: String,
    /// Its detected language code (`en`, `zh-CN`, ...).
    pub lang: String,
    /// Unix seconds.
    pub asked_at: i64,
    /// The server, or `None` for a direct message.
    pub guild_id: Option<u64>,
    /// Declined or not helpful.
    pub reason: UnansweredReason,
    /// The fact that was answered, for a 👎.
    pub fact: Option<String>,
}

/// Question and feedback counts over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Questions answered.
    pub answered: u64,
    /// Questions that got "did you mean".
    pub suggested: u64,
    /// Questions declined.
    pub declined: u64,
    /// 👍 given.
    pub up: u64,
    /// 👎 given.
    pub down: u64,
}

/// Answers and feedback of one fact over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactStats {
    /// The fact id.
    pub fact: String,
    /// Questions answered with it.
    pub answered: u64,
    /// 👍 given.
    pub up: u64,
    /// 👎 given.
    pub down: u64,
}

/// A server's moderator log channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogChannel {
    /// The server.
    pub guild_id: u64,
    /// The channel.
    pub channel_id: u64,
    /// The server's default locale, if set.
    pub locale: Option<String>,
}

/// The first second of the period "the last `days` days": today and the `days - 1` days before it
/// (days are UTC days, as the counts are kept).
pub fn period_start(now: i64, days: u32) -> i64 {
    (day(now) - i64::from(days.max(1)) + 1) * 86_400
}

impl Stats {
    /// All questions.
    pub fn asked(&self) -> u64 {
        self.answered + self.suggested + self.declined
    }
}

/// Now, in unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

pub(crate) fn day(t: i64) -> i64 {
    t.div_euclid(86_400)
}

/// The store interface: what the bot reads and writes, whichever database holds it.
///
/// Implementations must be safe to call from any thread, including from inside a tokio runtime
/// (the Discord handlers call them directly); a call blocks for one short query.
pub trait StoreBackend: Send + Sync + std::fmt::Debug {
    /// `sqlite` or `postgres`, for logs and `attache config`.
    fn backend(&self) -> &'static str;

    /// The schema version of the open database.
    fn schema_version(&self) -> Result<u32>;

    /// A user's chosen answer locale.
    fn user_locale(&self, user: u64) -> Result<Option<String>>;

    /// Sets (`Some`) or forgets (`None`) a user's answer locale.
    fn set_user_locale(&self, user: u64, locale: Option<&str>) -> Result<()>;

    /// A server's settings (defaults when it has none).
    fn guild_settings(&self, guild: u64) -> Result<GuildSettings>;

    /// Replaces a server's settings.
    fn set_guild_settings(&self, guild: u64, s: &GuildSettings) -> Result<()>;

    /// Enables or disables unprompted answers in a channel.
    fn set_channel_enabled(&self, guild: u64, channel: u64, enabled: bool) -> Result<()>;

    /// True when unprompted answers are enabled in the channel.
    fn is_channel_enabled(&self, channel: u64) -> Result<bool>;

    /// The channels of a server with unprompted answers, in id order.
    fn enabled_channels(&self, guild: u64) -> Result<Vec<u64>>;

    /// Counts one question by outcome (`answer`, `suggest`, `decline`).
    fn count_question(&self, guild: Option<u64>, outcome: &str, at: i64) -> Result<()>;

    /// Counts one answer with `fact`.
    fn count_answer(&self, fact: &str, guild: Option<u64>, at: i64) -> Result<()>;

    /// Answers, 👍 and 👎 per fact for a server (`None`: direct messages) from the day of `since`
    /// on; most answered first, then by id.
    fn fact_stats_since(&self, guild: Option<u64>, since: i64) -> Result<Vec<FactStats>>;

    /// Every server's moderator log channel, by server id.
    fn log_channels(&self) -> Result<Vec<LogChannel>>;

    /// Logs a question the bot could not answer well. `question` must already be normalised.
    fn log_unanswered(&self, u: &Unanswered) -> Result<()>;

    /// The unanswered log of a server (`None`: direct messages) since `since`, newest first.
    fn unanswered_since(
        &self,
        guild: Option<u64>,
        since: i64,
        limit: usize,
    ) -> Result<Vec<Unanswered>>;

    /// The unanswered log of every server and of direct messages since `since`, newest first.
    fn unanswered_everywhere_since(&self, since: i64, limit: usize) -> Result<Vec<Unanswered>>;

    /// Counts a 👍 (`helpful`) or 👎 for a fact.
    fn record_feedback(&self, fact: &str, guild: Option<u64>, helpful: bool, at: i64)
        -> Result<()>;

    /// 👍 and 👎 per fact, all servers and all time, by fact id.
    fn feedback_totals(&self) -> Result<Vec<(String, u64, u64)>>;

    /// Counts for a server (`None`: direct messages) from the day of `since` on.
    fn stats_since(&self, guild: Option<u64>, since: i64) -> Result<Stats>;
}

/// The bot's database, whichever backend holds it. Derefs to [`StoreBackend`], so
/// `store.user_locale(id)` works on either.
#[derive(Debug)]
pub struct Store {
    inner: Box<dyn StoreBackend>,
}

impl std::ops::Deref for Store {
    type Target = dyn StoreBackend;

    fn deref(&self) -> &Self::Target {
        self.inner.as_ref()
    }
}

/// Where the database is: a SQLite file, or a PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file (created when missing).
    Sqlite(PathBuf),
    /// A `postgres://` (or `postgresql://`) URL.
    Postgres(String),
}

impl Location {
    /// PostgreSQL when `url` is set (and not empty), else the SQLite file `path`.
    pub fn new(path: &Path, url: Option<&str>) -> Location {
        match url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) => Location::Postgres(u.to_string()),
            None => Location::Sqlite(path.to_path_buf()),
        }
    }

    /// The location for messages and logs: the file, or the URL with its password masked.
    pub fn display(&self) -> String {
        match self {
            Location::Sqlite(p) => p.display().to_string(),
            Location::Postgres(u) => mask_password(u),
        }
    }
}

/// The command-line options that choose the database, shared by `attache serve` and
/// `attache unanswered`.
#[derive(Debug, Clone, clap::Args)]
pub struct DatabaseArgs {
    /// The SQLite database file (user languages, server settings, unanswered questions).
    #[arg(
        long = "database",
        value_name = "PATH",
        env = "ATTACHE_DATABASE",
        default_value = DEFAULT_PATH
    )]
    pub path: PathBuf,
    /// A PostgreSQL database instead of the SQLite file (`postgres://user:password@host/db`),
    /// shared by every process of a sharded fleet.
    #[arg(
        long = "database-url",
        value_name = "URL",
        env = "ATTACHE_DATABASE_URL",
        hide_env_values = true
    )]
    pub url: Option<String>,
}

impl DatabaseArgs {
    /// PostgreSQL when a URL is given, else the SQLite file.
    pub fn location(&self) -> Location {
        Location::new(&self.path, self.url.as_deref())
    }
}

impl Store {
    /// Wraps a backend.
    pub fn new(backend: impl StoreBackend + 'static) -> Store {
        Store {
            inner: Box::new(backend),
        }
    }

    /// Opens (or creates) a SQLite database file and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store::new(SqliteStore::open(path)?))
    }

    /// A SQLite database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store::new(SqliteStore::open_in_memory()?))
    }

    /// Connects to a PostgreSQL database and migrates it.
    pub fn connect(url: &str) -> Result<Store> {
        Ok(Store::new(PostgresStore::connect(url)?))
    }

    /// Opens the database at `location`.
    pub fn open_location(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Store::open(path),
            Location::Postgres(url) => Store::connect(url),
        }
    }
}

/// The byte range of the password in `url` (`scheme://user:password@host/…`), if it has one.
fn password_range(url: &str) -> Option<std::ops::Range<usize>> {
    let scheme_end = url.find("://")? + 3;
    let rest = &url[scheme_end..];
    // The userinfo ends at the last `@` before the path (passwords may contain `@` unescaped).
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let at = rest[..authority_end].rfind('@')?;
    let colon = rest[..at].find(':')?;
    Some(scheme_end + colon + 1..scheme_end + at)
}

/// The password in a database URL, if any: a secret for the log redaction.
pub fn url_password(url: &str) -> Option<&str> {
    password_range(url)
        .map(|r| &url[r])
        .filter(|p| !p.is_empty())
}

/// `url` with the password (if any) replaced by `********`, safe to print and log.
pub fn mask_password(url: &str) -> String {
    match password_range(url) {
        Some(r) => format!("{}********{}", &url[..r.start], &url[r.end..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_masked_and_nothing_else_changes() {
        assert_eq!(
            mask_password("postgres://attache:s3cret@db:5432/attache"),
            "postgres://attache:********@db:5432/attache"
        );
        assert_eq!(
            mask_password("postgresql://u:p@ss@host/db?sslmode=disable"),
            "postgresql://u:********@host/db?sslmode=disable"
        );
        assert_eq!(
            mask_password("postgres://attache@db/attache"),
            "postgres://attache@db/attache"
        );
        assert_eq!(
            mask_password("postgres://db/attache"),
            "postgres://db/attache"
        );
        assert_eq!(mask_password("attache.db"), "attache.db");
        assert_eq!(url_password("postgresql://u:p@ss@host/db"), Some("p@ss"));
        assert_eq!(url_password("postgres://u@host/db"), None);
        assert_eq!(url_password("postgres://u:@host/db"), None);
    }

    #[test]
    fn a_url_chooses_postgres_and_an_empty_one_sqlite() {
        let p = Path::new("x.db");
        assert_eq!(Location::new(p, None), Location::Sqlite(p.into()));
        assert_eq!(Location::new(p, Some(" ")), Location::Sqlite(p.into()));
        assert_eq!(
            Location::new(p, Some("postgres://u:pw@h/d")),
            Location::Postgres("postgres://u:pw@h/d".into())
        );
        assert_eq!(
            Location::new(p, Some("postgres://u:pw@h/d")).display(),
            "postgres://u:********@h/d"
        );
    }

    #[test]
    fn both_backends_have_the_same_schema_versions() {
        assert_eq!(MIGRATIONS.len(), POSTGRES_MIGRATIONS.len());
    }

    #[test]
    fn the_period_is_today_and_the_days_before_it() {
        let t = 1_700_000_000;
        assert_eq!(period_start(t, 1), day(t) * 86_400);
        assert_eq!(period_start(t, 7), (day(t) - 6) * 86_400);
        assert_eq!(period_start(t, 0), period_start(t, 1));
    }
}
