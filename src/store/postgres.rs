//! The shared backend: PostgreSQL, chosen with `ATTACHE_DATABASE_URL=postgres://…`.
//!
//! Every process of a sharded fleet points at the same database, so a setting changed through one
//! shard's `/settings` is seen by the others, and counts from every shard add up (increments are
//! single `INSERT … ON CONFLICT DO UPDATE` statements, atomic in PostgreSQL).
//!
//! The client is the synchronous `postgres` crate. It runs its own small tokio runtime per
//! connection, which must not be entered from inside another runtime's worker, so every call goes
//! through [`blocking`]. Connections are a small pool, opened on first use and reopened when the
//! server dropped them (a PostgreSQL restart costs the calls made while it is down, not the bot).
//! The schema is migrated at start-up under an advisory lock, so processes starting together do
//! not race.

use super::{
    day, now, FactStats, GuildSettings, LogChannel, Result, Stats, StoreBackend, StoreError,
};
use super::{mask_password, Unanswered, UnansweredReason};
use postgres::{Client, NoTls, Row, Statement};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Schema steps, with the same version numbers and tables as [`super::sqlite::MIGRATIONS`]: entry
/// `i` takes the database from version `i` to `i + 1`. Append, never edit.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE user_prefs (
        user_id    BIGINT PRIMARY KEY,
        locale     TEXT NOT NULL,
        updated_at BIGINT NOT NULL
    );
    CREATE TABLE guild_settings (
        guild_id        BIGINT PRIMARY KEY,
        default_locale  TEXT,
        moderator_role  BIGINT,
        log_channel     BIGINT,
        updated_at      BIGINT NOT NULL
    );
    CREATE TABLE enabled_channels (
        channel_id BIGINT PRIMARY KEY,
        guild_id   BIGINT NOT NULL,
        enabled_at BIGINT NOT NULL
    );
    CREATE INDEX enabled_channels_guild ON enabled_channels (guild_id);
    CREATE TABLE unanswered (
        id       BIGSERIAL PRIMARY KEY,
        question TEXT NOT NULL,
        lang     TEXT NOT NULL,
        asked_at BIGINT NOT NULL,
        guild_id BIGINT,
        reason   TEXT NOT NULL,
        fact     TEXT
    );
    CREATE INDEX unanswered_time ON unanswered (guild_id, asked_at);
    CREATE TABLE feedback (
        fact     TEXT NOT NULL,
        guild_id BIGINT NOT NULL,
        day      BIGINT NOT NULL,
        up       BIGINT NOT NULL DEFAULT 0,
        down     BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (fact, guild_id, day)
    );
    CREATE TABLE question_counts (
        guild_id BIGINT NOT NULL,
        day      BIGINT NOT NULL,
        outcome  TEXT NOT NULL,
        count    BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (guild_id, day, outcome)
    );
    ",
    // 2: answers per fact, per server (0 for direct messages) and per day, for `/stats`.
    "
    CREATE TABLE answer_counts (
        fact     TEXT NOT NULL,
        guild_id BIGINT NOT NULL,
        day      BIGINT NOT NULL,
        count    BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (fact, guild_id, day)
    );
    ",
];

/// Connections per process. The bot's calls are short and mostly reads; a few connections keep one
/// slow query from holding up every handler without loading the server with idle sessions.
pub const POOL_SIZE: usize = 4;

/// How long to wait for the server when connecting, so a wrong host fails start-up quickly.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The advisory lock key taken while migrating ("attache" in ASCII), so that processes of a fleet
/// starting at once migrate one after the other.
const MIGRATION_LOCK: i64 = 0x61_74_74_61_63_68_65;

/// Runs a blocking call from any context: directly on a plain thread, through `block_in_place` on
/// a multi-threaded tokio runtime, and on a scoped thread under a current-thread runtime (where
/// `block_in_place` is not allowed).
pub fn blocking<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        Ok(_) => std::thread::scope(|s| {
            s.spawn(f)
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
        }),
        Err(_) => f(),
    }
}

/// One connection and its prepared statements.
struct Connection {
    client: Client,
    statements: HashMap<&'static str, Statement>,
}

impl Connection {
    fn statement(&mut self, sql: &'static str) -> std::result::Result<Statement, postgres::Error> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        self.statements.insert(sql, s.clone());
        Ok(s)
    }

    fn query(
        &mut self,
        sql: &'static str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> std::result::Result<Vec<Row>, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.query(&s, params)
    }

    fn execute(
        &mut self,
        sql: &'static str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> std::result::Result<u64, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.execute(&s, params)
    }
}

/// The PostgreSQL store: a small pool of connections to one database.
pub struct PostgresStore {
    config: postgres::Config,
    /// For messages: the URL with its password masked.
    shown: String,
    pool: Vec<Mutex<Option<Connection>>>,
    next: AtomicUsize,
}

impl std::fmt::Debug for PostgresStore {
    // Never the config: it holds the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &self.shown)
            .field("pool", &self.pool.len())
            .finish()
    }
}

impl Drop for PostgresStore {
    // Closing a connection blocks on its runtime, which panics inside an async task: close them
    // where blocking is allowed.
    fn drop(&mut self) {
        let connections: Vec<Connection> = self
            .pool
            .iter_mut()
            .filter_map(|slot| slot.get_mut().unwrap_or_else(|e| e.into_inner()).take())
            .collect();
        if !connections.is_empty() {
            blocking(move || drop(connections));
        }
    }
}

// Discord ids are below 2^63, so they fit BIGINT; store them bit for bit to be safe, as SQLite does.
fn id_in(v: u64) -> i64 {
    v as i64
}

fn id_out(v: i64) -> u64 {
    v as u64
}

fn count(v: i64) -> u64 {
    v.max(0) as u64
}

fn unanswered_row(r: &Row) -> Unanswered {
    Unanswered {
        question: r.get(0),
        lang: r.get(1),
        asked_at: r.get(2),
        guild_id: r.get::<_, Option<i64>>(3).map(id_out),
        reason: UnansweredReason::parse(r.get(4)),
        fact: r.get(5),
    }
}

/// Brings the database up to the newest schema of `migrations`, in one transaction holding
/// [`MIGRATION_LOCK`]; returns the version.
pub fn migrate(client: &mut Client, migrations: &[&str]) -> Result<u32> {
    let known = migrations.len() as u32;
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS attache_schema (version INTEGER NOT NULL)")?;
    let row = tx.query_opt("SELECT version FROM attache_schema", &[])?;
    let mut version = match row {
        Some(r) => r.get::<_, i32>(0) as u32,
        None => {
            tx.execute("INSERT INTO attache_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    if version > known {
        return Err(StoreError::TooNew {
            found: version,
            known,
        });
    }
    while version < known {
        tx.batch_execute(migrations[version as usize])?;
        version += 1;
        tx.execute(
            "UPDATE attache_schema SET version = $1",
            &[&(version as i32)],
        )?;
        tracing::info!(version, "PostgreSQL schema migrated");
    }
    tx.commit()?;
    Ok(version)
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`), migrates the schema, and
    /// keeps the connection as the first of the pool. TLS is not supported: run PostgreSQL on the
    /// same host or a private network.
    pub fn connect(url: &str) -> Result<PostgresStore> {
        Self::connect_with(url, MIGRATIONS)
    }

    /// [`Self::connect`] with other migrations, for tests of the migration itself.
    pub fn connect_with(url: &str, migrations: &[&str]) -> Result<PostgresStore> {
        let shown = mask_password(url);
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(StoreError::Url {
                url: shown,
                reason: "it must start with postgres:// or postgresql://".into(),
            });
        }
        let mut config: postgres::Config =
            url.parse().map_err(|e: postgres::Error| StoreError::Url {
                url: shown.clone(),
                reason: e.to_string(),
            })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("attache");
        let store = PostgresStore {
            config,
            shown,
            pool: (0..POOL_SIZE).map(|_| Mutex::new(None)).collect(),
            next: AtomicUsize::new(0),
        };
        let mut first = store.open_connection()?;
        blocking(|| migrate(&mut first.client, migrations))?;
        *store.pool[0].lock().unwrap_or_else(|e| e.into_inner()) = Some(first);
        Ok(store)
    }

    /// The URL, its password masked.
    pub fn url(&self) -> &str {
        &self.shown
    }

    fn open_connection(&self) -> Result<Connection> {
        let client = blocking(|| self.config.connect(NoTls))?;
        Ok(Connection {
            client,
            statements: HashMap::new(),
        })
    }

    /// Runs `f` on a pooled connection: a free one if any, else waits for one in turn. Reconnects
    /// when the connection was closed (server restart), and drops it when `f` leaves it closed.
    fn with<R: Send>(
        &self,
        f: impl FnOnce(&mut Connection) -> std::result::Result<R, postgres::Error> + Send,
    ) -> Result<R> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.pool.len();
        let mut slot = (0..n)
            .find_map(|i| self.pool[(start + i) % n].try_lock().ok())
            .unwrap_or_else(|| {
                self.pool[start % n]
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
            });
        if slot.as_ref().is_some_and(|c| c.client.is_closed()) {
            let dead = slot.take();
            blocking(move || drop(dead));
        }
        if slot.is_none() {
            *slot = Some(self.open_connection()?);
        }
        let conn = slot.as_mut().expect("connected above");
        let result = blocking(|| f(conn));
        if conn.client.is_closed() {
            let dead = slot.take();
            blocking(move || drop(dead));
        }
        Ok(result?)
    }
}

impl StoreBackend for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn schema_version(&self) -> Result<u32> {
        self.with(|c| {
            let rows = c.query("SELECT version FROM attache_schema", &[])?;
            Ok(rows.first().map_or(0, |r| r.get::<_, i32>(0) as u32))
        })
    }

    fn user_locale(&self, user: u64) -> Result<Option<String>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT locale FROM user_prefs WHERE user_id = $1",
                &[&id_in(user)],
            )?;
            Ok(rows.first().map(|r| r.get(0)))
        })
    }

    fn set_user_locale(&self, user: u64, locale: Option<&str>) -> Result<()> {
        self.with(|c| {
            match locale {
                Some(l) => c.execute(
                    "INSERT INTO user_prefs (user_id, locale, updated_at) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id) DO UPDATE
                     SET locale = EXCLUDED.locale, updated_at = EXCLUDED.updated_at",
                    &[&id_in(user), &l, &now()],
                )?,
                None => c.execute("DELETE FROM user_prefs WHERE user_id = $1", &[&id_in(user)])?,
            };
            Ok(())
        })
    }

    fn guild_settings(&self, guild: u64) -> Result<GuildSettings> {
        self.with(|c| {
            let rows = c.query(
                "SELECT default_locale, moderator_role, log_channel FROM guild_settings
                 WHERE guild_id = $1",
                &[&id_in(guild)],
            )?;
            Ok(rows
                .first()
                .map(|r| GuildSettings {
                    default_locale: r.get(0),
                    moderator_role: r.get::<_, Option<i64>>(1).map(id_out),
                    log_channel: r.get::<_, Option<i64>>(2).map(id_out),
                })
                .unwrap_or_default())
        })
    }

    fn set_guild_settings(&self, guild: u64, s: &GuildSettings) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO guild_settings
                     (guild_id, default_locale, moderator_role, log_channel, updated_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (guild_id) DO UPDATE SET default_locale = EXCLUDED.default_locale,
                     moderator_role = EXCLUDED.moderator_role,
                     log_channel = EXCLUDED.log_channel, updated_at = EXCLUDED.updated_at",
                &[
                    &id_in(guild),
                    &s.default_locale,
                    &s.moderator_role.map(id_in),
                    &s.log_channel.map(id_in),
                    &now(),
                ],
            )?;
            Ok(())
        })
    }

    fn set_channel_enabled(&self, guild: u64, channel: u64, enabled: bool) -> Result<()> {
        self.with(|c| {
            if enabled {
                c.execute(
                    "INSERT INTO enabled_channels (channel_id, guild_id, enabled_at)
                     VALUES ($1, $2, $3) ON CONFLICT (channel_id) DO NOTHING",
                    &[&id_in(channel), &id_in(guild), &now()],
                )?;
            } else {
                c.execute(
                    "DELETE FROM enabled_channels WHERE channel_id = $1",
                    &[&id_in(channel)],
                )?;
            }
            Ok(())
        })
    }

    fn is_channel_enabled(&self, channel: u64) -> Result<bool> {
        self.with(|c| {
            let rows = c.query(
                "SELECT 1 FROM enabled_channels WHERE channel_id = $1",
                &[&id_in(channel)],
            )?;
            Ok(!rows.is_empty())
        })
    }

    fn enabled_channels(&self, guild: u64) -> Result<Vec<u64>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT channel_id FROM enabled_channels WHERE guild_id = $1 ORDER BY channel_id",
                &[&id_in(guild)],
            )?;
            Ok(rows.iter().map(|r| id_out(r.get(0))).collect())
        })
    }

    fn count_question(&self, guild: Option<u64>, outcome: &str, at: i64) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO question_counts (guild_id, day, outcome, count) VALUES ($1, $2, $3, 1)
                 ON CONFLICT (guild_id, day, outcome)
                 DO UPDATE SET count = question_counts.count + 1",
                &[&id_in(guild.unwrap_or(0)), &day(at), &outcome],
            )?;
            Ok(())
        })
    }

    fn count_answer(&self, fact: &str, guild: Option<u64>, at: i64) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO answer_counts (fact, guild_id, day, count) VALUES ($1, $2, $3, 1)
                 ON CONFLICT (fact, guild_id, day) DO UPDATE SET count = answer_counts.count + 1",
                &[&fact, &id_in(guild.unwrap_or(0)), &day(at)],
            )?;
            Ok(())
        })
    }

    fn fact_stats_since(&self, guild: Option<u64>, since: i64) -> Result<Vec<FactStats>> {
        // SUM of BIGINT is NUMERIC in PostgreSQL: cast back. `COLLATE "C"` orders ids bytewise,
        // as SQLite does, whatever the database's locale.
        self.with(|c| {
            let rows = c.query(
                "SELECT fact, SUM(a)::BIGINT, SUM(u)::BIGINT, SUM(d)::BIGINT FROM (
                     SELECT fact, count AS a, 0::BIGINT AS u, 0::BIGINT AS d FROM answer_counts
                     WHERE guild_id = $1 AND day >= $2
                     UNION ALL
                     SELECT fact, 0::BIGINT, up, down FROM feedback
                     WHERE guild_id = $1 AND day >= $2
                 ) AS per_fact GROUP BY fact ORDER BY SUM(a) DESC, fact COLLATE \"C\"",
                &[&id_in(guild.unwrap_or(0)), &day(since)],
            )?;
            Ok(rows
                .iter()
                .map(|r| FactStats {
                    fact: r.get(0),
                    answered: count(r.get(1)),
                    up: count(r.get(2)),
                    down: count(r.get(3)),
                })
                .collect())
        })
    }

    fn log_channels(&self) -> Result<Vec<LogChannel>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT guild_id, log_channel, default_locale FROM guild_settings
                 WHERE log_channel IS NOT NULL ORDER BY guild_id",
                &[],
            )?;
            Ok(rows
                .iter()
                .map(|r| LogChannel {
                    guild_id: id_out(r.get(0)),
                    channel_id: id_out(r.get(1)),
                    locale: r.get(2),
                })
                .collect())
        })
    }

    fn log_unanswered(&self, u: &Unanswered) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO unanswered (question, lang, asked_at, guild_id, reason, fact)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &u.question,
                    &u.lang,
                    &u.asked_at,
                    &u.guild_id.map(id_in),
                    &u.reason.as_str(),
                    &u.fact,
                ],
            )?;
            Ok(())
        })
    }

    fn unanswered_since(
        &self,
        guild: Option<u64>,
        since: i64,
        limit: usize,
    ) -> Result<Vec<Unanswered>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT question, lang, asked_at, guild_id, reason, fact FROM unanswered
                 WHERE guild_id IS NOT DISTINCT FROM $1 AND asked_at >= $2
                 ORDER BY asked_at DESC, id DESC LIMIT $3",
                &[&guild.map(id_in), &since, &(limit as i64)],
            )?;
            Ok(rows.iter().map(unanswered_row).collect())
        })
    }

    fn unanswered_everywhere_since(&self, since: i64, limit: usize) -> Result<Vec<Unanswered>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT question, lang, asked_at, guild_id, reason, fact FROM unanswered
                 WHERE asked_at >= $1 ORDER BY asked_at DESC, id DESC LIMIT $2",
                &[&since, &(limit as i64)],
            )?;
            Ok(rows.iter().map(unanswered_row).collect())
        })
    }

    fn record_feedback(
        &self,
        fact: &str,
        guild: Option<u64>,
        helpful: bool,
        at: i64,
    ) -> Result<()> {
        let (up, down): (i64, i64) = if helpful { (1, 0) } else { (0, 1) };
        self.with(|c| {
            c.execute(
                "INSERT INTO feedback (fact, guild_id, day, up, down) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (fact, guild_id, day) DO UPDATE
                 SET up = feedback.up + EXCLUDED.up, down = feedback.down + EXCLUDED.down",
                &[&fact, &id_in(guild.unwrap_or(0)), &day(at), &up, &down],
            )?;
            Ok(())
        })
    }

    fn feedback_totals(&self) -> Result<Vec<(String, u64, u64)>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT fact, SUM(up)::BIGINT, SUM(down)::BIGINT FROM feedback
                 GROUP BY fact ORDER BY fact COLLATE \"C\"",
                &[],
            )?;
            Ok(rows
                .iter()
                .map(|r| (r.get(0), count(r.get(1)), count(r.get(2))))
                .collect())
        })
    }

    fn stats_since(&self, guild: Option<u64>, since: i64) -> Result<Stats> {
        let g = id_in(guild.unwrap_or(0));
        let d = day(since);
        self.with(|c| {
            let mut stats = Stats::default();
            for r in c.query(
                "SELECT outcome, SUM(count)::BIGINT FROM question_counts
                 WHERE guild_id = $1 AND day >= $2 GROUP BY outcome",
                &[&g, &d],
            )? {
                let n = count(r.get(1));
                match r.get::<_, &str>(0) {
                    "answer" => stats.answered += n,
                    "suggest" => stats.suggested += n,
                    _ => stats.declined += n,
                }
            }
            let rows = c.query(
                "SELECT COALESCE(SUM(up), 0)::BIGINT, COALESCE(SUM(down), 0)::BIGINT FROM feedback
                 WHERE guild_id = $1 AND day >= $2",
                &[&g, &d],
            )?;
            if let Some(r) = rows.first() {
                stats.up = count(r.get(0));
                stats.down = count(r.get(1));
            }
            Ok(stats)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_that_is_not_postgres_is_refused_with_its_password_masked() {
        let err = PostgresStore::connect("mysql://u:hunter2@h/d").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("postgres://"), "{msg}");
        assert!(!msg.contains("hunter2"), "{msg}");
        let err = PostgresStore::connect("postgres://u:hunter2@h:notaport/d").unwrap_err();
        assert!(matches!(err, StoreError::Url { .. }), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn blocking_runs_in_every_context() {
        assert_eq!(blocking(|| 1), 1);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        assert_eq!(rt.block_on(async { blocking(|| 2) }), 2);
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        assert_eq!(
            rt.block_on(async { tokio::spawn(async { blocking(|| 3) }).await.unwrap() }),
            3
        );
    }
}
