//! The embedded backend: SQLite through rusqlite (bundled), one file, `./attache.db` by default.
//!
//! The schema is migrated at start-up through `PRAGMA user_version`, one step per entry of
//! [`MIGRATIONS`], so an older database file opens and keeps its data. The connection sits behind a
//! mutex: SQLite serialises writers anyway, and every call is a few microseconds.

use super::{
    day, now, FactStats, GuildSettings, LogChannel, Result, Stats, StoreBackend, StoreError,
};
use super::{Unanswered, UnansweredReason};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::sync::Mutex;

/// Schema steps: entry `i` takes the database from version `i` to `i + 1`. Append, never edit; keep in
/// step with [`super::postgres::MIGRATIONS`] (same version, same tables).
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE user_prefs (
        user_id    INTEGER PRIMARY KEY,
        locale     TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE TABLE guild_settings (
        guild_id        INTEGER PRIMARY KEY,
        default_locale  TEXT,
        moderator_role  INTEGER,
        log_channel     INTEGER,
        updated_at      INTEGER NOT NULL
    );
    CREATE TABLE enabled_channels (
        channel_id INTEGER PRIMARY KEY,
        guild_id   INTEGER NOT NULL,
        enabled_at INTEGER NOT NULL
    );
    CREATE INDEX enabled_channels_guild ON enabled_channels (guild_id);
    -- Questions the bot declined, or whose answer someone marked as not helpful.
    -- Normalised text only; never who asked.
    CREATE TABLE unanswered (
        id       INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        lang     TEXT NOT NULL,
        asked_at INTEGER NOT NULL,
        guild_id INTEGER,
        reason   TEXT NOT NULL,
        fact     TEXT
    );
    CREATE INDEX unanswered_time ON unanswered (guild_id, asked_at);
    -- 👍/👎 per fact, per server (0 for direct messages) and per day (unix days).
    CREATE TABLE feedback (
        fact     TEXT NOT NULL,
        guild_id INTEGER NOT NULL,
        day      INTEGER NOT NULL,
        up       INTEGER NOT NULL DEFAULT 0,
        down     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (fact, guild_id, day)
    );
    -- Questions per outcome, per server (0 for direct messages) and per day.
    CREATE TABLE question_counts (
        guild_id INTEGER NOT NULL,
        day      INTEGER NOT NULL,
        outcome  TEXT NOT NULL,
        count    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (guild_id, day, outcome)
    );
    ",
    // 2: answers per fact, per server (0 for direct messages) and per day, for `/stats`.
    "
    CREATE TABLE answer_counts (
        fact     TEXT NOT NULL,
        guild_id INTEGER NOT NULL,
        day      INTEGER NOT NULL,
        count    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (fact, guild_id, day)
    );
    ",
];

/// The embedded SQLite database.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

// SQLite integers are signed: Discord ids (< 2^63) fit; store them bit for bit to be safe.
fn id_in(v: u64) -> i64 {
    v as i64
}

fn id_out(v: i64) -> u64 {
    v as u64
}

fn unanswered_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Unanswered> {
    Ok(Unanswered {
        question: r.get(0)?,
        lang: r.get(1)?,
        asked_at: r.get(2)?,
        guild_id: r.get::<_, Option<i64>>(3)?.map(id_out),
        reason: UnansweredReason::parse(&r.get::<_, String>(4)?),
        fact: r.get(5)?,
    })
}

/// Brings a connection up to the newest schema of `migrations`, one transaction per step.
///
/// Each step takes the write lock first (`BEGIN IMMEDIATE`) and reads the version under it, so
/// processes opening a new file at the same moment migrate it once, one after the other.
pub fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<u32> {
    let known = migrations.len() as u32;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > known {
            return Err(StoreError::TooNew {
                found: version,
                known,
            });
        }
        if version == known {
            return Ok(version);
        }
        tx.execute_batch(migrations[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
        tracing::info!(version = version + 1, "database schema migrated");
    }
}

impl SqliteStore {
    /// Opens (or creates) the database file and migrates it.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL keeps readers and the writer out of each other's way; not available everywhere.
        let wal = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .is_ok_and(|mode| mode.eq_ignore_ascii_case("wal"));
        if wal {
            // Every answer writes counters. With WAL, NORMAL syncs at checkpoints instead of at
            // every commit: still consistent after a crash, and it may lose only the last counts
            // on power loss. FULL made each question wait for the disk (benches/discord_load.rs:
            // about 7× fewer questions per second).
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Self::with_connection(conn)
    }

    /// A database in memory, for tests.
    pub fn open_in_memory() -> Result<SqliteStore> {
        Self::with_connection(Connection::open_in_memory()?)
    }

    fn with_connection(mut conn: Connection) -> Result<SqliteStore> {
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate(&mut conn, MIGRATIONS)?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl StoreBackend for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    /// The schema version of the open database.
    fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A user's chosen answer locale.
    fn user_locale(&self, user: u64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT locale FROM user_prefs WHERE user_id = ?1",
                [id_in(user)],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets (`Some`) or forgets (`None`) a user's answer locale.
    fn set_user_locale(&self, user: u64, locale: Option<&str>) -> Result<()> {
        let conn = self.conn();
        match locale {
            Some(l) => conn.execute(
                "INSERT INTO user_prefs (user_id, locale, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (user_id) DO UPDATE SET locale = ?2, updated_at = ?3",
                params![id_in(user), l, now()],
            )?,
            None => conn.execute("DELETE FROM user_prefs WHERE user_id = ?1", [id_in(user)])?,
        };
        Ok(())
    }

    /// A server's settings (defaults when it has none).
    fn guild_settings(&self, guild: u64) -> Result<GuildSettings> {
        Ok(self
            .conn()
            .query_row(
                "SELECT default_locale, moderator_role, log_channel FROM guild_settings
                 WHERE guild_id = ?1",
                [id_in(guild)],
                |r| {
                    Ok(GuildSettings {
                        default_locale: r.get(0)?,
                        moderator_role: r.get::<_, Option<i64>>(1)?.map(id_out),
                        log_channel: r.get::<_, Option<i64>>(2)?.map(id_out),
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Replaces a server's settings.
    fn set_guild_settings(&self, guild: u64, s: &GuildSettings) -> Result<()> {
        self.conn().execute(
            "INSERT INTO guild_settings (guild_id, default_locale, moderator_role, log_channel, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (guild_id) DO UPDATE SET default_locale = ?2, moderator_role = ?3,
                 log_channel = ?4, updated_at = ?5",
            params![
                id_in(guild),
                s.default_locale,
                s.moderator_role.map(id_in),
                s.log_channel.map(id_in),
                now()
            ],
        )?;
        Ok(())
    }

    /// Enables or disables unprompted answers in a channel.
    fn set_channel_enabled(&self, guild: u64, channel: u64, enabled: bool) -> Result<()> {
        let conn = self.conn();
        if enabled {
            conn.execute(
                "INSERT INTO enabled_channels (channel_id, guild_id, enabled_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (channel_id) DO NOTHING",
                params![id_in(channel), id_in(guild), now()],
            )?;
        } else {
            conn.execute(
                "DELETE FROM enabled_channels WHERE channel_id = ?1",
                [id_in(channel)],
            )?;
        }
        Ok(())
    }

    /// True when unprompted answers are enabled in the channel.
    fn is_channel_enabled(&self, channel: u64) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT 1 FROM enabled_channels WHERE channel_id = ?1",
                [id_in(channel)],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The channels of a server with unprompted answers, in id order.
    fn enabled_channels(&self, guild: u64) -> Result<Vec<u64>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT channel_id FROM enabled_channels WHERE guild_id = ?1 ORDER BY channel_id",
        )?;
        let rows = stmt.query_map([id_in(guild)], |r| r.get::<_, i64>(0))?;
        Ok(rows
            .map(|r| r.map(id_out))
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Counts one question by outcome (`answer`, `suggest`, `decline`).
    fn count_question(&self, guild: Option<u64>, outcome: &str, at: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO question_counts (guild_id, day, outcome, count) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (guild_id, day, outcome) DO UPDATE SET count = count + 1",
            params![id_in(guild.unwrap_or(0)), day(at), outcome],
        )?;
        Ok(())
    }

    /// Counts one answer with `fact`.
    fn count_answer(&self, fact: &str, guild: Option<u64>, at: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO answer_counts (fact, guild_id, day, count) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (fact, guild_id, day) DO UPDATE SET count = count + 1",
            params![fact, id_in(guild.unwrap_or(0)), day(at)],
        )?;
        Ok(())
    }

    /// Answers, 👍 and 👎 per fact for a server (`None`: direct messages) from the day of `since`
    /// on; most answered first, then by id.
    fn fact_stats_since(&self, guild: Option<u64>, since: i64) -> Result<Vec<FactStats>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT fact, SUM(a), SUM(u), SUM(d) FROM (
                 SELECT fact, count AS a, 0 AS u, 0 AS d FROM answer_counts
                 WHERE guild_id = ?1 AND day >= ?2
                 UNION ALL
                 SELECT fact, 0, up, down FROM feedback WHERE guild_id = ?1 AND day >= ?2
             ) GROUP BY fact ORDER BY SUM(a) DESC, fact",
        )?;
        let rows = stmt.query_map(params![id_in(guild.unwrap_or(0)), day(since)], |r| {
            Ok(FactStats {
                fact: r.get(0)?,
                answered: r.get::<_, i64>(1)? as u64,
                up: r.get::<_, i64>(2)? as u64,
                down: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every server's moderator log channel, by server id.
    fn log_channels(&self) -> Result<Vec<LogChannel>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT guild_id, log_channel, default_locale FROM guild_settings
             WHERE log_channel IS NOT NULL ORDER BY guild_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LogChannel {
                guild_id: id_out(r.get(0)?),
                channel_id: id_out(r.get(1)?),
                locale: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Logs a question the bot could not answer well. `question` must already be normalised.
    fn log_unanswered(&self, u: &Unanswered) -> Result<()> {
        self.conn().execute(
            "INSERT INTO unanswered (question, lang, asked_at, guild_id, reason, fact)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                u.question,
                u.lang,
                u.asked_at,
                u.guild_id.map(id_in),
                u.reason.as_str(),
                u.fact
            ],
        )?;
        Ok(())
    }

    /// The unanswered log of a server (`None`: direct messages) since `since`, newest first.
    fn unanswered_since(
        &self,
        guild: Option<u64>,
        since: i64,
        limit: usize,
    ) -> Result<Vec<Unanswered>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT question, lang, asked_at, guild_id, reason, fact FROM unanswered
             WHERE guild_id IS ?1 AND asked_at >= ?2 ORDER BY asked_at DESC, id DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            params![guild.map(id_in), since, limit as i64],
            unanswered_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The unanswered log of every server and of direct messages since `since`, newest first.
    fn unanswered_everywhere_since(&self, since: i64, limit: usize) -> Result<Vec<Unanswered>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT question, lang, asked_at, guild_id, reason, fact FROM unanswered
             WHERE asked_at >= ?1 ORDER BY asked_at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![since, limit as i64], unanswered_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts a 👍 (`helpful`) or 👎 for a fact.
    fn record_feedback(
        &self,
        fact: &str,
        guild: Option<u64>,
        helpful: bool,
        at: i64,
    ) -> Result<()> {
        let (up, down) = if helpful { (1, 0) } else { (0, 1) };
        self.conn().execute(
            "INSERT INTO feedback (fact, guild_id, day, up, down) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (fact, guild_id, day) DO UPDATE SET up = up + ?4, down = down + ?5",
            params![fact, id_in(guild.unwrap_or(0)), day(at), up, down],
        )?;
        Ok(())
    }

    /// 👍 and 👎 per fact, all servers and all time, by fact id.
    fn feedback_totals(&self) -> Result<Vec<(String, u64, u64)>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT fact, SUM(up), SUM(down) FROM feedback GROUP BY fact ORDER BY fact")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts for a server (`None`: direct messages) from the day of `since` on.
    fn stats_since(&self, guild: Option<u64>, since: i64) -> Result<Stats> {
        let conn = self.conn();
        let g = id_in(guild.unwrap_or(0));
        let mut stats = Stats::default();
        let mut stmt = conn.prepare(
            "SELECT outcome, SUM(count) FROM question_counts WHERE guild_id = ?1 AND day >= ?2
             GROUP BY outcome",
        )?;
        let rows = stmt.query_map(params![g, day(since)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        for row in rows {
            let (outcome, n) = row?;
            match outcome.as_str() {
                "answer" => stats.answered += n,
                "suggest" => stats.suggested += n,
                _ => stats.declined += n,
            }
        }
        let (up, down): (i64, i64) = conn.query_row(
            "SELECT COALESCE(SUM(up), 0), COALESCE(SUM(down), 0) FROM feedback
             WHERE guild_id = ?1 AND day >= ?2",
            params![g, day(since)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        stats.up = up as u64;
        stats.down = down as u64;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, MIGRATIONS};

    #[test]
    fn a_file_is_opened_in_wal_mode_with_normal_sync() {
        let dir = tempfile::tempdir().unwrap();
        let s = SqliteStore::open(&dir.path().join("attache.db")).unwrap();
        let c = s.conn();
        let mode: String = c
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        assert_eq!((mode.as_str(), sync), ("wal", 1), "1 is NORMAL");
    }

    #[test]
    fn a_file_keeps_its_data_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attache.db");
        {
            let s = Store::open(&path).unwrap();
            s.set_user_locale(5, Some("zh-TW")).unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as u32);
        assert_eq!(s.user_locale(5).unwrap().as_deref(), Some("zh-TW"));
    }

    #[test]
    fn a_file_of_the_first_schema_opens_and_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let t = 1_700_000_000;
        {
            // A database written by the attache of schema version 1.
            let mut c = Connection::open(&path).unwrap();
            assert_eq!(migrate(&mut c, &MIGRATIONS[..1]).unwrap(), 1);
            c.execute_batch(&format!(
                "INSERT INTO user_prefs VALUES (5, 'zh-TW', {t});
                 INSERT INTO guild_settings VALUES (9, 'de', 11, 12, {t});
                 INSERT INTO enabled_channels VALUES (13, 9, {t});
                 INSERT INTO unanswered (question, lang, asked_at, guild_id, reason, fact)
                     VALUES ('what about mars', 'en', {t}, 9, 'declined', NULL);
                 INSERT INTO feedback VALUES ('aims', 9, {}, 2, 1);
                 INSERT INTO question_counts VALUES (9, {}, 'answer', 4);",
                day(t),
                day(t)
            ))
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as u32);
        assert!(MIGRATIONS.len() >= 2);
        assert_eq!(s.user_locale(5).unwrap().as_deref(), Some("zh-TW"));
        assert_eq!(
            s.guild_settings(9).unwrap(),
            GuildSettings {
                default_locale: Some("de".into()),
                moderator_role: Some(11),
                log_channel: Some(12)
            }
        );
        assert_eq!(s.enabled_channels(9).unwrap(), vec![13]);
        assert_eq!(s.unanswered_since(Some(9), t, 10).unwrap().len(), 1);
        let st = s.stats_since(Some(9), t).unwrap();
        assert_eq!((st.answered, st.up, st.down), (4, 2, 1));
        // The new table works, next to the old feedback.
        s.count_answer("aims", Some(9), t).unwrap();
        assert_eq!(
            s.fact_stats_since(Some(9), t).unwrap(),
            vec![FactStats {
                fact: "aims".into(),
                answered: 1,
                up: 2,
                down: 1
            }]
        );
    }

    #[test]
    fn an_older_schema_is_migrated_and_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let v1 = "CREATE TABLE t (a TEXT);";
        let v2 = "ALTER TABLE t ADD COLUMN b INTEGER NOT NULL DEFAULT 7;";
        {
            let mut c = Connection::open(&path).unwrap();
            assert_eq!(migrate(&mut c, &[v1]).unwrap(), 1);
            c.execute("INSERT INTO t (a) VALUES ('kept')", []).unwrap();
        }
        let mut c = Connection::open(&path).unwrap();
        assert_eq!(migrate(&mut c, &[v1, v2]).unwrap(), 2);
        let (a, b): (String, i64) = c
            .query_row("SELECT a, b FROM t", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        assert_eq!((a.as_str(), b), ("kept", 7));
        // A newer file is refused rather than damaged.
        let err = migrate(&mut c, &[v1]).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 2, known: 1 }));
    }
}
