//! Two bot processes of one fleet sharing a PostgreSQL database, end to end: each is the real
//! serenity/poise client on its own fake Discord (as two processes running different shards would
//! be), and what a moderator sets through one is obeyed by the other.
//!
//! Needs `ATTACHE_TEST_POSTGRES_URL` (see `tests/support/postgres.rs`); skipped without it.

#[path = "support/postgres.rs"]
mod pg;
mod support;

use attache::discord::Config;
use attache::lang::Lang;
use attache::store::Store;
use serde_json::{json, Value};
use std::sync::Arc;
use support::*;

#[test]
fn a_channel_enabled_through_one_process_is_answered_by_the_other() {
    // The test database is made and dropped outside the runtime: its plain client blocks.
    let Some(db) = pg::TestDatabase::create("fleet") else {
        return;
    };
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(two_processes(&db.url));
}

async fn two_processes(url: &str) {
    let config = || Config {
        message_content: true,
        ..Config::default()
    };
    let store_a = Arc::new(Store::connect(url).unwrap());
    let store_b = Arc::new(Store::connect(url).unwrap());
    assert_eq!(store_a.backend(), "postgres");
    let a = Bot::start_with_store(config(), store_a).await;
    let b = Bot::start_with_store(config(), store_b).await;
    let channel = CHANNEL_ID + 21;

    // A moderator enables a channel through process A.
    let skip = a.discord.count();
    let id = a.discord.slash_as(
        &Who::manager(),
        301,
        "en-US",
        "settings",
        vec![json!({"name": "enable-channel", "type": 1, "options": [
            option("channel", 7, json!(channel.to_string()))
        ]})],
        json!({"channels": {channel.to_string(): resolved_channel(channel)}}),
    );
    let body = callback(&a.discord, skip, id).await;
    assert_eq!(body["data"]["content"], "Settings saved.");

    // Process B, which never saw the command, answers unprompted in that channel.
    let q = b
        .engine
        .snapshot()
        .facts
        .get("visit-dates")
        .unwrap()
        .questions[&Lang::En][0]
        .clone();
    let skip = b.discord.count();
    b.discord
        .message(human(311), channel, Some(GUILD_ID), &q, vec![]);
    let sent = b
        .discord
        .wait_for(skip, "process B's unprompted answer", |r| {
            r.method == "POST" && r.path.contains(&format!("/channels/{channel}/messages"))
        })
        .await;
    assert!(sent.body["embeds"][0]["description"].is_string());

    // What B answered shows in the statistics A reports.
    let skip = b.discord.count();
    let id = b
        .discord
        .slash(312, "en-US", "ask", vec![string_option("question", &q)]);
    callback(&b.discord, skip, id).await;
    let skip = a.discord.count();
    let id = a
        .discord
        .slash_as(&Who::manager(), 313, "en-US", "stats", vec![], Value::Null);
    let body = callback(&a.discord, skip, id).await;
    let description = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        description.starts_with("2 questions, 2 answered"),
        "process A counts process B's answers: {description}"
    );
    a.stop().await.expect("a clean shutdown");
    b.stop().await.expect("a clean shutdown");
}
