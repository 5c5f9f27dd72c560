//! The store's behaviour, the same tests on both backends: SQLite (a file in a temporary directory)
//! and PostgreSQL (a fresh database on the server of `ATTACHE_TEST_POSTGRES_URL`; see
//! `tests/support/postgres.rs`). Each test gets `open`, which opens another handle on the same
//! database, as a second process of a fleet would.

#[path = "support/postgres.rs"]
mod pg;

use attache::store::{
    period_start, FactStats, GuildSettings, LogChannel, PostgresStore, Stats, Store, StoreError,
    Unanswered, UnansweredReason, MIGRATIONS, POSTGRES_MIGRATIONS,
};

/// Opens one more handle on the test's database.
type Open = dyn Fn() -> Store + Sync;

/// Runs `test` on SQLite and, when a server is configured, on PostgreSQL.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(mod $name {
            #[test]
            fn sqlite() {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("attache.db");
                super::$name(&move || attache::store::Store::open(&path).unwrap());
            }

            #[test]
            fn postgres() {
                if let Some(db) = super::pg::TestDatabase::create(stringify!($name)) {
                    let url = db.url.clone();
                    super::$name(&move || attache::store::Store::connect(&url).unwrap());
                }
            }
        })*
    };
}

on_both_backends!(
    user_locales_are_set_replaced_and_forgotten,
    guild_settings_and_channels,
    unanswered_log_and_stats,
    answers_per_fact_feedback_and_log_channels,
    a_second_handle_sees_the_first_ones_writes,
    counts_from_concurrent_handles_add_up,
    calls_work_inside_tokio_runtimes_of_both_flavors,
    a_database_is_migrated_once_and_reports_its_backend,
);

fn user_locales_are_set_replaced_and_forgotten(open: &Open) {
    let s = open();
    assert_eq!(s.user_locale(1).unwrap(), None);
    s.set_user_locale(1, Some("de")).unwrap();
    s.set_user_locale(1, Some("ja")).unwrap();
    s.set_user_locale(u64::MAX, Some("fr")).unwrap();
    assert_eq!(s.user_locale(1).unwrap().as_deref(), Some("ja"));
    assert_eq!(s.user_locale(u64::MAX).unwrap().as_deref(), Some("fr"));
    s.set_user_locale(1, None).unwrap();
    assert_eq!(s.user_locale(1).unwrap(), None);
}

fn guild_settings_and_channels(open: &Open) {
    let s = open();
    assert_eq!(s.guild_settings(7).unwrap(), GuildSettings::default());
    let g = GuildSettings {
        default_locale: Some("es-ES".into()),
        moderator_role: Some(1_234_567_890_123_456_789),
        log_channel: Some(42),
    };
    s.set_guild_settings(7, &g).unwrap();
    assert_eq!(s.guild_settings(7).unwrap(), g);
    s.set_channel_enabled(7, 100, true).unwrap();
    s.set_channel_enabled(7, 100, true).unwrap();
    s.set_channel_enabled(7, 50, true).unwrap();
    s.set_channel_enabled(8, 60, true).unwrap();
    assert_eq!(s.enabled_channels(7).unwrap(), vec![50, 100]);
    assert!(s.is_channel_enabled(100).unwrap());
    s.set_channel_enabled(7, 100, false).unwrap();
    assert!(!s.is_channel_enabled(100).unwrap());
    assert_eq!(s.enabled_channels(7).unwrap(), vec![50]);
}

fn unanswered_log_and_stats(open: &Open) {
    let s = open();
    let t = 1_700_000_000;
    for (i, q) in ["what about mars", "who won the match"].iter().enumerate() {
        s.log_unanswered(&Unanswered {
            question: q.to_string(),
            lang: "en".into(),
            asked_at: t + i as i64,
            guild_id: Some(9),
            reason: UnansweredReason::Declined,
            fact: None,
        })
        .unwrap();
        s.count_question(Some(9), "decline", t).unwrap();
    }
    s.count_question(Some(9), "answer", t).unwrap();
    s.count_question(None, "answer", t).unwrap();
    s.record_feedback("aims", Some(9), true, t).unwrap();
    s.record_feedback("aims", Some(9), false, t).unwrap();
    s.record_feedback("aims", Some(9), false, t).unwrap();
    let log = s.unanswered_since(Some(9), t, 10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].question, "who won the match");
    assert!(s.unanswered_since(None, t, 10).unwrap().is_empty());
    let st = s.stats_since(Some(9), t).unwrap();
    assert_eq!(
        st,
        Stats {
            answered: 1,
            suggested: 0,
            declined: 2,
            up: 1,
            down: 2
        }
    );
    assert_eq!(st.asked(), 3);
    assert_eq!(
        s.stats_since(Some(9), t + 86_400).unwrap(),
        Stats::default()
    );
    assert_eq!(
        s.feedback_totals().unwrap(),
        vec![("aims".to_string(), 1, 2)]
    );
}

fn answers_per_fact_feedback_and_log_channels(open: &Open) {
    let s = open();
    let t = 1_700_000_000;
    for _ in 0..3 {
        s.count_answer("visit-dates", Some(9), t).unwrap();
    }
    s.count_answer("aims", Some(9), t).unwrap();
    s.count_answer("aims", Some(8), t).unwrap();
    s.count_answer("aims", Some(9), t - 10 * 86_400).unwrap();
    s.record_feedback("aims", Some(9), false, t).unwrap();
    s.record_feedback("taiwan", Some(9), true, t).unwrap();
    let since = period_start(t, 7);
    assert_eq!(
        s.fact_stats_since(Some(9), since).unwrap(),
        vec![
            FactStats {
                fact: "visit-dates".into(),
                answered: 3,
                up: 0,
                down: 0
            },
            FactStats {
                fact: "aims".into(),
                answered: 1,
                up: 0,
                down: 1
            },
            FactStats {
                fact: "taiwan".into(),
                answered: 0,
                up: 1,
                down: 0
            },
        ]
    );
    assert!(s.fact_stats_since(None, since).unwrap().is_empty());

    assert!(s.log_channels().unwrap().is_empty());
    s.set_guild_settings(
        9,
        &GuildSettings {
            default_locale: Some("fr".into()),
            moderator_role: None,
            log_channel: Some(77),
        },
    )
    .unwrap();
    s.set_guild_settings(8, &GuildSettings::default()).unwrap();
    assert_eq!(
        s.log_channels().unwrap(),
        vec![LogChannel {
            guild_id: 9,
            channel_id: 77,
            locale: Some("fr".into())
        }]
    );

    for (g, q) in [(Some(9), "a"), (None, "b"), (Some(8), "c")] {
        s.log_unanswered(&Unanswered {
            question: q.into(),
            lang: "en".into(),
            asked_at: t,
            guild_id: g,
            reason: UnansweredReason::NotHelpful,
            fact: Some("aims".into()),
        })
        .unwrap();
    }
    let all = s.unanswered_everywhere_since(t, 10).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].question, "c");
    assert_eq!(all[0].reason, UnansweredReason::NotHelpful);
    assert_eq!(s.unanswered_everywhere_since(t, 2).unwrap().len(), 2);
}

fn a_second_handle_sees_the_first_ones_writes(open: &Open) {
    // Two processes of a fleet: what one writes, the other reads at once.
    let a = open();
    let b = open();
    a.set_channel_enabled(1, 10, true).unwrap();
    a.set_user_locale(5, Some("de")).unwrap();
    a.set_guild_settings(
        1,
        &GuildSettings {
            default_locale: Some("ja".into()),
            moderator_role: Some(3),
            log_channel: None,
        },
    )
    .unwrap();
    assert!(b.is_channel_enabled(10).unwrap());
    assert_eq!(b.user_locale(5).unwrap().as_deref(), Some("de"));
    assert_eq!(
        b.guild_settings(1).unwrap().default_locale.as_deref(),
        Some("ja")
    );
    b.set_channel_enabled(1, 10, false).unwrap();
    assert!(!a.is_channel_enabled(10).unwrap());
}

fn counts_from_concurrent_handles_add_up(open: &Open) {
    // Shards answering at once must not lose increments.
    const THREADS: u64 = 4;
    const EACH: u64 = 25;
    let t = 1_700_000_000;
    std::thread::scope(|scope| {
        for i in 0..THREADS {
            scope.spawn(move || {
                let s = open();
                for _ in 0..EACH {
                    s.count_question(Some(9), "answer", t).unwrap();
                    s.count_answer("aims", Some(9), t).unwrap();
                    s.record_feedback("aims", Some(9), i % 2 == 0, t).unwrap();
                }
            });
        }
    });
    let s = open();
    let st = s.stats_since(Some(9), t).unwrap();
    assert_eq!(st.answered, THREADS * EACH);
    assert_eq!(st.up + st.down, THREADS * EACH);
    assert_eq!(st.up, THREADS / 2 * EACH);
    assert_eq!(
        s.fact_stats_since(Some(9), t).unwrap()[0].answered,
        THREADS * EACH
    );
}

fn calls_work_inside_tokio_runtimes_of_both_flavors(open: &Open) {
    // The Discord handlers call the store from async code: on the bot's multi-threaded runtime,
    // and on a current-thread one in some tests.
    let s = std::sync::Arc::new(open());
    let multi = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let s2 = s.clone();
    multi.block_on(async move {
        let tasks: Vec<_> = (0..8u64)
            .map(|i| {
                let s = s2.clone();
                tokio::spawn(async move {
                    s.set_user_locale(i, Some("fr")).unwrap();
                    s.user_locale(i).unwrap()
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap().as_deref(), Some("fr"));
        }
    });
    let current = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    current.block_on(async {
        s.set_user_locale(100, Some("es-ES")).unwrap();
        assert_eq!(s.user_locale(100).unwrap().as_deref(), Some("es-ES"));
    });
}

fn a_database_is_migrated_once_and_reports_its_backend(open: &Open) {
    let a = open();
    let b = open();
    assert_eq!(a.schema_version().unwrap(), MIGRATIONS.len() as u32);
    assert_eq!(b.schema_version().unwrap(), MIGRATIONS.len() as u32);
    assert!(["sqlite", "postgres"].contains(&a.backend()));
}

// PostgreSQL only: its own migrations, and what a shared server adds.

#[test]
fn postgres_processes_starting_together_migrate_once() {
    let Some(db) = pg::TestDatabase::create("migrate_together") else {
        return;
    };
    let versions: Vec<u32> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| Store::connect(&db.url).unwrap().schema_version().unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(versions, vec![MIGRATIONS.len() as u32; 4]);
    let rows = db
        .client()
        .query("SELECT version FROM attache_schema", &[])
        .unwrap();
    assert_eq!(rows.len(), 1, "one version row");
}

#[test]
fn postgres_first_schema_is_migrated_and_keeps_its_data() {
    let Some(db) = pg::TestDatabase::create("first_schema") else {
        return;
    };
    let t: i64 = 1_700_000_000;
    let day = t / 86_400;
    {
        let old = PostgresStore::connect_with(&db.url, &POSTGRES_MIGRATIONS[..1]).unwrap();
        drop(old);
        db.client()
            .batch_execute(&format!(
                "INSERT INTO user_prefs VALUES (5, 'zh-TW', {t});
                 INSERT INTO guild_settings VALUES (9, 'de', 11, 12, {t});
                 INSERT INTO enabled_channels VALUES (13, 9, {t});
                 INSERT INTO unanswered (question, lang, asked_at, guild_id, reason, fact)
                     VALUES ('what about mars', 'en', {t}, 9, 'declined', NULL);
                 INSERT INTO feedback VALUES ('aims', 9, {day}, 2, 1);
                 INSERT INTO question_counts VALUES (9, {day}, 'answer', 4);"
            ))
            .unwrap();
    }
    let s = Store::connect(&db.url).unwrap();
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as u32);
    assert_eq!(s.user_locale(5).unwrap().as_deref(), Some("zh-TW"));
    assert_eq!(s.enabled_channels(9).unwrap(), vec![13]);
    assert_eq!(s.unanswered_since(Some(9), t, 10).unwrap().len(), 1);
    let st = s.stats_since(Some(9), t).unwrap();
    assert_eq!((st.answered, st.up, st.down), (4, 2, 1));
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
    // A newer database is refused rather than damaged.
    let err = PostgresStore::connect_with(&db.url, &POSTGRES_MIGRATIONS[..1]).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 2, known: 1 }),
        "{err}"
    );
}

#[test]
fn postgres_a_dropped_connection_is_reopened() {
    let Some(db) = pg::TestDatabase::create("reconnect") else {
        return;
    };
    let s = Store::connect(&db.url).unwrap();
    s.set_user_locale(1, Some("de")).unwrap();
    // What a server restart does to the bot's sessions.
    let ended = db
        .admin()
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = $1 AND application_name = 'attache'",
            &[&db.name()],
        )
        .unwrap();
    assert!(!ended.is_empty(), "the store's session was found");
    // The call that meets the dead session may fail; the bot keeps going and the next one works.
    let first = s.user_locale(1);
    let again = s.user_locale(1).unwrap();
    assert_eq!(again.as_deref(), Some("de"), "first attempt: {first:?}");
}

#[test]
fn postgres_an_unreachable_server_is_a_clear_error_without_the_password() {
    // A port nothing listens on (the test server's port + 1 is unlikely to be used).
    let err = Store::connect("postgres://attache:hunter2@127.0.0.1:1/attache").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("PostgreSQL"), "{msg}");
    assert!(!msg.contains("hunter2"), "{msg}");
}
