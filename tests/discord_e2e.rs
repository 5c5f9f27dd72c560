//! The Discord bot end to end: the real serenity/poise client against a fake Discord on 127.0.0.1
//! (see `support/`). Each test starts its own fake and bot, and fails rather than hangs.

mod support;

use attache::answer::{answer, Hints, Outcome};
use attache::discord::{commands, moderation, Config, ServeError};
use attache::engine::ReloadSummary;
use attache::lang::Lang;
use attache::reload::ReloadEvent;
use attache::store::{GuildSettings, Unanswered, UnansweredReason};
use serde_json::{json, Value};
use std::time::Duration;
use support::*;

fn phrasing(bot: &Bot, fact: &str, lang: Lang) -> String {
    bot.engine.snapshot().facts.get(fact).unwrap().questions[&lang][0].clone()
}

fn embed(body: &Value) -> &Value {
    &body["data"]["embeds"][0]
}

fn all_text(v: &Value) -> String {
    v.to_string()
}

/// 1. The registration body: every command, with localizations for all seven locales.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_has_every_command_in_all_seven_locales() {
    let bot = Bot::start(Config::default()).await;
    let put = bot.discord.wait_registered().await;
    assert_eq!(put.path, format!("/api/v10/applications/{BOT_ID}/commands"));
    let expected = commands::registration_json(&bot.engine.snapshot().locales);
    assert_eq!(
        put.body, expected,
        "the body is what `attache commands --json` prints"
    );
    let list = put.body.as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "ask",
            "summary",
            "facts",
            "language",
            "help",
            "reload",
            "unanswered",
            "stats",
            "settings"
        ]
    );
    // Moderator commands: Manage Server (0x20) by default, in servers only; the others for all.
    for c in list {
        let name = c["name"].as_str().unwrap();
        if commands::MODERATOR_COMMANDS.contains(&name) {
            assert_eq!(c["default_member_permissions"], "32", "{name}");
            assert_eq!(c["contexts"], json!([0]), "{name}");
        } else {
            assert!(c.get("default_member_permissions").is_none(), "{name}");
        }
    }
    let locales = ["en-US", "zh-CN", "zh-TW", "es-ES", "fr", "de", "ja"];
    fn check(item: &Value, locales: &[&str]) {
        for l in locales {
            assert!(
                item["name_localizations"][l].is_string(),
                "{} {l}",
                item["name"]
            );
            assert!(
                item["description_localizations"][l].is_string(),
                "{} {l}",
                item["name"]
            );
        }
        for o in item["options"].as_array().into_iter().flatten() {
            check(o, locales);
        }
    }
    for c in list {
        check(c, &locales);
    }
    // The identify asked for no privileged intent, and REST calls carry the token.
    let intents = bot.discord.identify().unwrap()["intents"].as_u64().unwrap();
    assert_eq!(
        intents & (1 << 15),
        0,
        "no message-content intent unless configured"
    );
    assert_eq!(
        put.authorization.as_deref(),
        Some(format!("Bot {TOKEN}").as_str())
    );
    bot.stop().await.expect("a clean shutdown");
}

/// 2. `/ask` from a `de` user: a German answer in the callback body, with the source.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_from_a_german_user_answers_in_german_with_the_source() {
    let bot = Bot::start(Config::default()).await;
    let q = phrasing(&bot, "visit-dates", Lang::De);
    let snap = bot.engine.snapshot();
    let expected = answer(
        &snap,
        &q,
        &Hints {
            user_locale: Some("de".into()),
            ..Hints::default()
        },
    );
    assert_eq!(expected.outcome, Outcome::Answer, "precondition: {q}");
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(77, "de", "ask", vec![string_option("question", &q)]);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["type"], 4, "an immediate answer");
    let e = embed(&body);
    assert_eq!(e["description"], expected.text.as_str());
    assert_eq!(expected.locale, "de");
    assert_eq!(
        e["fields"][0]["name"],
        snap.locales.render("de", "source-label", None)
    );
    assert!(e["fields"][0]["value"]
        .as_str()
        .unwrap()
        .contains(&expected.source[0]));
    let buttons = &body["data"]["components"][0]["components"];
    assert_eq!(
        buttons[0]["label"],
        snap.locales.render("de", "button-source", None)
    );
    assert_eq!(buttons[1]["emoji"]["name"], "👍");
    assert_eq!(buttons[2]["emoji"]["name"], "👎");
    assert_within_limits(&body["data"]);
    assert_pings_no_one(&body["data"]);

    // "Show source" answers with the brief's passage, only to the one who clicked.
    let fact = expected.fact.clone().unwrap();
    let skip = bot.discord.count();
    let click = bot
        .discord
        .component(78, "fr", &format!("attache:src:{fact}"));
    let body = callback(&bot.discord, skip, click).await;
    assert_eq!(body["data"]["flags"], 64, "ephemeral");
    assert!(all_text(&body).contains("**"));
    assert_eq!(
        embed(&body)["footer"]["text"],
        snap.locales.render("fr", "source-note", None)
    );

    // 👎 is counted once per user, and logs the question for moderators.
    let down = buttons[2]["custom_id"].as_str().unwrap().to_string();
    for _ in 0..2 {
        let skip = bot.discord.count();
        let click = bot.discord.component(79, "en-US", &down);
        callback(&bot.discord, skip, click).await;
    }
    let stats = bot.store.stats_since(Some(GUILD_ID), 0).unwrap();
    assert_eq!((stats.answered, stats.down), (1, 1));
    let log = bot.store.unanswered_since(Some(GUILD_ID), 0, 10).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].fact.as_deref(), Some(fact.as_str()));
    bot.stop().await.expect("a clean shutdown");
}

/// 3. `/ask` with a Spanish question from an `en-US` user: a Spanish answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spanish_question_from_an_english_user_gets_a_spanish_answer() {
    let bot = Bot::start(Config::default()).await;
    let q = phrasing(&bot, "visit-dates", Lang::Es);
    let expected = answer(
        &bot.engine.snapshot(),
        &q,
        &Hints {
            user_locale: Some("en-US".into()),
            ..Hints::default()
        },
    );
    assert_eq!(expected.locale, "es-ES");
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(80, "en-US", "ask", vec![string_option("question", &q)]);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(embed(&body)["description"], expected.text.as_str());
    // A /language choice wins over the question's language.
    bot.store.set_user_locale(81, Some("ja")).unwrap();
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(81, "en-US", "ask", vec![string_option("question", &q)]);
    let body = callback(&bot.discord, skip, id).await;
    let ja = answer(
        &bot.engine.snapshot(),
        &q,
        &Hints {
            forced_locale: Some("ja".into()),
            ..Hints::default()
        },
    );
    assert_eq!(embed(&body)["description"], ja.text.as_str());
    bot.stop().await.expect("a clean shutdown");
}

/// 4. `/summary`: within embed limits, short and full, in every locale.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn summary_fits_in_discords_limits() {
    let bot = Bot::start(Config::default()).await;
    let snap = bot.engine.snapshot();
    for (i, locale) in ["en-US", "zh-CN", "zh-TW", "es-ES", "fr", "de", "ja"]
        .into_iter()
        .enumerate()
    {
        for (choice, length) in [
            (0, attache::summary::Length::Short),
            (1, attache::summary::Length::Full),
        ] {
            let skip = bot.discord.count();
            let id = bot.discord.slash(
                100 + i as u64,
                locale,
                "summary",
                vec![int_option("length", choice)],
            );
            let body = callback(&bot.discord, skip, id).await;
            assert_within_limits(&body["data"]);
            assert_pings_no_one(&body["data"]);
            let s = attache::summary::summary(&snap, locale, length);
            assert_eq!(embed(&body)["title"], s.title.as_str());
        }
    }
    bot.stop().await.expect("a clean shutdown");
}

/// 5. A message that mentions the bot in Chinese: a Chinese reply in the same channel, pinging no one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_in_chinese_gets_a_chinese_reply_in_the_same_channel() {
    let bot = Bot::start(Config::default()).await;
    let q = phrasing(&bot, "visit-dates", Lang::ZhCn);
    let expected = answer(&bot.engine.snapshot(), &q, &Hints::default());
    assert_eq!(expected.locale, "zh-CN");
    let skip = bot.discord.count();
    let mid = bot.discord.message(
        human(90),
        CHANNEL_ID,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> {q}"),
        vec![bot_user()],
    );
    let sent = bot
        .discord
        .wait_for(skip, "the channel reply", |r| {
            r.method == "POST" && r.path.contains("/messages")
        })
        .await;
    assert_eq!(
        sent.path,
        format!("/api/v10/channels/{CHANNEL_ID}/messages")
    );
    let b = &sent.body;
    assert_eq!(b["embeds"][0]["description"], expected.text.as_str());
    assert_eq!(b["message_reference"]["message_id"], mid.to_string());
    assert_eq!(b["allowed_mentions"]["parse"], json!([]));
    assert_pings_no_one(b);
    assert_within_limits(b);
    bot.stop().await.expect("a clean shutdown");
}

/// 6. A message from another bot, and one without a mention in a channel that is not enabled: no
/// request at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bots_and_unmentioned_messages_get_nothing() {
    let bot = Bot::start(Config {
        message_content: true,
        ..Config::default()
    })
    .await;
    let q = phrasing(&bot, "visit-dates", Lang::En);
    let skip = bot.discord.count();
    bot.discord.message(
        other_bot(91),
        CHANNEL_ID,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> {q}"),
        vec![bot_user()],
    );
    bot.discord
        .message(human(92), CHANNEL_ID, Some(GUILD_ID), &q, vec![]);
    // Its own messages too.
    bot.discord
        .message(bot_user(), CHANNEL_ID, None, &q, vec![]);
    // A sentinel that is answered, in another channel: once its reply is there, the messages
    // before it have been handled.
    let other = CHANNEL_ID + 1;
    bot.discord.message(
        human(93),
        other,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> {q}"),
        vec![bot_user()],
    );
    bot.discord
        .wait_for(skip, "the sentinel's reply", |r| {
            r.path.contains(&other.to_string())
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after: Vec<_> = bot.discord.requests().into_iter().skip(skip).collect();
    assert_eq!(after.len(), 1, "only the sentinel: {after:#?}");
    bot.stop().await.expect("a clean shutdown");
}

/// Unprompted answers: only questions, only confident matches, only in enabled channels, at most
/// once per fact per channel per minute.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unprompted_answers_in_enabled_channels() {
    let bot = Bot::start(Config {
        message_content: true,
        ..Config::default()
    })
    .await;
    let intents = bot.discord.identify().unwrap()["intents"].as_u64().unwrap();
    assert_ne!(
        intents & (1 << 15),
        0,
        "message-content intent when configured"
    );
    let enabled = CHANNEL_ID + 7;
    bot.store
        .set_channel_enabled(GUILD_ID, enabled, true)
        .unwrap();
    let q = phrasing(&bot, "visit-dates", Lang::En);
    let expected = answer(
        &bot.engine.snapshot(),
        &q,
        &Hints {
            unprompted: true,
            ..Hints::default()
        },
    );
    assert_eq!(expected.outcome, Outcome::Answer, "precondition: {q}");
    let skip = bot.discord.count();
    bot.discord.message(
        human(94),
        enabled,
        Some(GUILD_ID),
        "good morning everyone",
        vec![],
    );
    bot.discord
        .message(human(95), enabled, Some(GUILD_ID), &q, vec![]);
    let sent = bot
        .discord
        .wait_for(skip, "the unprompted answer", |r| {
            r.path.contains("/messages")
        })
        .await;
    assert_eq!(
        sent.body["embeds"][0]["description"],
        expected.text.as_str()
    );
    // The same fact again in the same minute, by someone else: nothing.
    let skip = bot.discord.count();
    bot.discord
        .message(human(96), enabled, Some(GUILD_ID), &q, vec![]);
    bot.discord.message(
        human(97),
        CHANNEL_ID + 8,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> {q}"),
        vec![bot_user()],
    );
    bot.discord
        .wait_for(skip, "the sentinel's reply", |r| {
            r.path.contains(&(CHANNEL_ID + 8).to_string())
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        bot.discord.count() - skip,
        1,
        "no second answer to the same fact"
    );
    bot.stop().await.expect("a clean shutdown");
}

/// 7. A question containing `@everyone` and `<@&123>`: the reply pings no one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_and_role_mentions_ping_no_one() {
    let bot = Bot::start(Config::default()).await;
    let q = format!(
        "@everyone <@&123> <@{BOT_ID}> {} @here",
        phrasing(&bot, "visit-dates", Lang::En)
    );
    let skip = bot.discord.count();
    bot.discord
        .message(human(98), CHANNEL_ID, Some(GUILD_ID), &q, vec![bot_user()]);
    let sent = bot
        .discord
        .wait_for(skip, "the channel reply", |r| r.path.contains("/messages"))
        .await;
    assert_pings_no_one(&sent.body);
    let text = all_text(&sent.body);
    assert!(
        !text.contains("@everyone") && !text.contains("@here") && !text.contains("<@&123>"),
        "{text}"
    );
    // The same through /ask.
    let skip = bot.discord.count();
    let id = bot.discord.slash(
        99,
        "en-US",
        "ask",
        vec![string_option(
            "question",
            "@everyone <@&123> <@42> who is visiting china?",
        )],
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_pings_no_one(&body["data"]);
    assert!(!all_text(&body).contains("@everyone"));
    bot.stop().await.expect("a clean shutdown");
}

/// 8. A 4000-character question and an unknown question: a localized decline, within the limits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_and_unknown_questions_get_a_localized_decline() {
    let bot = Bot::start(Config::default()).await;
    let snap = bot.engine.snapshot();
    let long: String = "Quel temps fera-t-il demain sur la planète Mars ? "
        .chars()
        .cycle()
        .take(4000)
        .collect();
    let expected = answer(
        &snap,
        &long,
        &Hints {
            user_locale: Some("fr".into()),
            ..Hints::default()
        },
    );
    assert_eq!(expected.outcome, Outcome::Decline, "precondition");
    assert_eq!(expected.locale, "fr");
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(110, "fr", "ask", vec![string_option("question", &long)]);
    let body = callback(&bot.discord, skip, id).await;
    assert_within_limits(&body["data"]);
    let d = embed(&body)["description"].as_str().unwrap().to_string();
    assert!(
        d.starts_with(&snap.locales.render("fr", "decline", None)),
        "{d}"
    );
    assert!(embed(&body)["footer"]["text"]
        .as_str()
        .unwrap()
        .ends_with('…'));

    // An unknown question in a channel, in German.
    let q = "Wie wird das Wetter morgen auf dem Mars?";
    let expected = answer(&snap, q, &Hints::default());
    assert_eq!(expected.outcome, Outcome::Decline, "precondition");
    let skip = bot.discord.count();
    bot.discord.message(
        human(111),
        CHANNEL_ID,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> {q}"),
        vec![bot_user()],
    );
    let sent = bot
        .discord
        .wait_for(skip, "the decline", |r| r.path.contains("/messages"))
        .await;
    assert_within_limits(&sent.body);
    assert_eq!(
        sent.body["embeds"][0]["description"],
        expected.text.as_str()
    );
    assert!(expected
        .text
        .starts_with(&snap.locales.render("de", "decline", None)));
    // Suggestions come as buttons; both declines were logged (normalised, without user ids).
    assert!(sent.body["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap()
        .starts_with("attache:fact:"));
    let log = bot.store.unanswered_since(Some(GUILD_ID), 0, 10).unwrap();
    assert_eq!(log.len(), 2);
    assert!(log
        .iter()
        .any(|u| u.lang == "de" && u.question.contains("mars")));
    bot.stop().await.expect("a clean shutdown");
}

/// 9. Two `/ask` in a burst from one user beyond the cooldown: the second gets the cooldown notice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_ask_hits_the_cooldown() {
    let bot = Bot::start(Config {
        cooldown: Duration::from_secs(30),
        notice_lifetime: Duration::from_millis(100),
        ..Config::default()
    })
    .await;
    let snap = bot.engine.snapshot();
    let q = phrasing(&bot, "aims", Lang::En);
    let skip = bot.discord.count();
    let first = bot
        .discord
        .slash(120, "es-ES", "ask", vec![string_option("question", &q)]);
    callback(&bot.discord, skip, first).await;
    let second = bot
        .discord
        .slash(120, "es-ES", "ask", vec![string_option("question", &q)]);
    let body = callback(&bot.discord, skip, second).await;
    assert_eq!(body["data"]["flags"], 64, "the notice is ephemeral");
    let content = body["data"]["content"].as_str().unwrap();
    let notice = attache::discord::reply::cooldown_text(&snap.locales, "es-ES", 30);
    let prefix: String = notice.chars().take(10).collect();
    assert!(content.starts_with(&prefix), "{content} / {notice}");
    // Another user is not held up.
    let skip = bot.discord.count();
    let other = bot
        .discord
        .slash(121, "es-ES", "ask", vec![string_option("question", &q)]);
    let body = callback(&bot.discord, skip, other).await;
    assert!(body["data"]["embeds"][0].is_object());

    // Channel questions too: the second gets a notice (once), which deletes itself.
    let ask = format!("<@{BOT_ID}> {q}");
    let skip = bot.discord.count();
    bot.discord.message(
        human(122),
        CHANNEL_ID,
        Some(GUILD_ID),
        &ask,
        vec![bot_user()],
    );
    bot.discord
        .wait_for(skip, "the answer", |r| r.path.contains("/messages"))
        .await;
    let skip = bot.discord.count();
    bot.discord.message(
        human(122),
        CHANNEL_ID,
        Some(GUILD_ID),
        &ask,
        vec![bot_user()],
    );
    let notice = bot
        .discord
        .wait_for(skip, "the cooldown notice", |r| r.method == "POST")
        .await;
    assert_pings_no_one(&notice.body);
    let text = notice.body["content"].as_str().unwrap();
    let en = attache::discord::reply::cooldown_text(&snap.locales, "en-US", 30);
    assert_eq!(
        text.split_whitespace().next(),
        en.split_whitespace().next(),
        "{text}"
    );
    bot.discord
        .wait_for(skip, "the notice's deletion", |r| r.method == "DELETE")
        .await;
    bot.stop().await.expect("a clean shutdown");
}

/// Autocomplete on `question` offers known phrasings that match what is typed (at most 25).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_known_phrasings() {
    let bot = Bot::start(Config::default()).await;
    let skip = bot.discord.count();
    let id = bot.discord.autocomplete(
        140,
        "en-US",
        "ask",
        vec![json!({"name": "question", "type": 3, "value": "blinken", "focused": true})],
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["type"], 8, "an autocomplete result");
    let choices = body["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25);
    for c in choices {
        let name = c["name"].as_str().unwrap();
        assert!(name.to_lowercase().contains("blinken"), "{name}");
        assert!(name.chars().count() <= 100);
    }
    bot.stop().await.expect("a clean shutdown");
}

/// The other commands answer, localized, within the limits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facts_language_and_help() {
    let bot = Bot::start(Config::default()).await;
    let snap = bot.engine.snapshot();
    let skip = bot.discord.count();
    let id = bot.discord.slash(
        130,
        "zh-TW",
        "facts",
        vec![json!({"name": "list", "type": 1, "options": []})],
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(
        embed(&body)["title"],
        snap.locales.render("zh-TW", "facts-title", None)
    );
    assert_within_limits(&body["data"]);
    let skip = bot.discord.count();
    let id = bot.discord.slash(
        130,
        "zh-TW",
        "facts",
        vec![json!({"name": "show", "type": 1, "options": [string_option("id", "taiwan")]})],
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(
        embed(&body)["description"],
        snap.locales.render("zh-TW", "fact-taiwan", None)
    );
    // /language de (choice 6), then the answers and the interface are German.
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(131, "en-US", "language", vec![int_option("locale", 6)]);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(bot.store.user_locale(131).unwrap().as_deref(), Some("de"));
    let skip = bot.discord.count();
    let id = bot.discord.slash(131, "en-US", "help", vec![]);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(
        embed(&body)["title"],
        snap.locales.render("de", "help-title", None)
    );
    assert!(all_text(&body).contains("/frage"));
    assert!(
        !all_text(&body).contains(&snap.locales.render("de", "help-moderator-commands", None)),
        "a member sees no moderator commands"
    );
    assert_within_limits(&body["data"]);
    // A moderator's /help lists the moderator commands too.
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash_as(&Who::manager(), 132, "en-US", "help", vec![], Value::Null);
    let body = callback(&bot.discord, skip, id).await;
    let fields = &embed(&body)["fields"];
    assert_eq!(fields[1]["name"], "Moderator commands", "{body}");
    for name in ["/reload", "/unanswered", "/stats", "/settings"] {
        assert!(
            fields[1]["value"].as_str().unwrap().contains(name),
            "{body}"
        );
    }
    assert_within_limits(&body["data"]);
    bot.stop().await.expect("a clean shutdown");
}

/// Close code 4004: one clear line about the token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_stops_with_one_clear_line() {
    let bot = Bot::launch(Config::default(), Gateway::Close(4004)).await;
    let err = bot.finish().await.unwrap_err();
    assert!(matches!(err, ServeError::TokenRejected), "{err}");
    let line = err.to_string();
    assert!(
        line.contains("DISCORD_TOKEN") && !line.contains('\n'),
        "{line}"
    );
    assert!(!line.contains(TOKEN));
}

/// Close code 4014: one clear line about the intent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_intent_stops_with_one_clear_line() {
    let config = Config {
        message_content: true,
        ..Config::default()
    };
    let bot = Bot::launch(config, Gateway::Close(4014)).await;
    let err = bot.finish().await.unwrap_err();
    assert!(matches!(err, ServeError::IntentRefused), "{err}");
    assert!(err.to_string().contains("--message-content"));
}

/// Without a token, `attache serve` exits with one line that says what to do.
#[test]
fn serve_without_a_token_says_what_to_do() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attache"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("serve")
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_TOKEN_FILE")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("DISCORD_TOKEN"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attache"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("serve")
        .env_remove("DISCORD_TOKEN")
        .env("DISCORD_TOKEN_FILE", dir.path().join("missing"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("DISCORD_TOKEN_FILE"), "{err}");
}

/// `attache commands --json` prints the registration body without any network.
#[test]
fn commands_json_is_the_registration_body() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attache"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["commands", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = commands::registration_json(&engine().snapshot().locales);
    assert_eq!(printed, expected);
}

/// The moderator log channel of the test server.
const LOG_CHANNEL: u64 = CHANNEL_ID + 50;
/// A moderator role of the test server.
const MOD_ROLE: u64 = 4_000_000_000_000_000_001;

fn log_to(bot: &Bot, channel: Option<u64>, role: Option<u64>) {
    bot.store
        .set_guild_settings(
            GUILD_ID,
            &GuildSettings {
                default_locale: None,
                moderator_role: role,
                log_channel: channel,
            },
        )
        .unwrap();
}

fn ok_line(bot: &Bot, locale: &str) -> String {
    let snap = bot.engine.snapshot();
    let event = ReloadEvent::Reloaded {
        summary: ReloadSummary {
            facts: snap.facts.len(),
            changed: 0,
            added: 0,
            removed: 0,
            locales: snap.locales.codes().len(),
        },
        regression_warning: None,
    };
    moderation::reload_text(&snap.locales, locale, &event)
}

/// `/reload`: refused (ephemeral, localized) to a member without Manage Server, even though a server
/// may show it to them, and in a direct message; a moderator gets the result line, and the server's
/// moderator log channel gets it too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_for_moderators_only() {
    let (dir, engine) = engine_copy();
    let bot = Bot::start_with(Config::default(), engine).await;
    let snap = bot.engine.snapshot();
    log_to(&bot, Some(LOG_CHANNEL), Some(MOD_ROLE));

    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash_as(&Who::member(), 200, "fr", "reload", vec![], Value::Null);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["type"], 4, "answered at once, not deferred");
    assert_eq!(body["data"]["flags"], 64, "ephemeral");
    assert_eq!(
        body["data"]["content"],
        snap.locales.render("fr", "moderator-only", None)
    );
    assert_pings_no_one(&body["data"]);

    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash_as(&Who::dm(), 201, "de", "reload", vec![], Value::Null);
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["data"]["flags"], 64, "ephemeral");
    assert_eq!(
        body["data"]["content"],
        snap.locales.render("de", "guild-only", None)
    );
    // Neither reloaded nor reported anything.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        bot.discord.count(),
        skip + 1,
        "{:#?}",
        bot.discord.requests()
    );

    // A member with Manage Server: deferred (ephemeral), then the result line.
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash_as(&Who::manager(), 202, "en-US", "reload", vec![], Value::Null);
    let deferred = callback(&bot.discord, skip, id).await;
    assert_eq!(deferred["type"], 5, "deferred");
    assert_eq!(deferred["data"]["flags"], 64, "ephemeral");
    let reply = followup(&bot.discord, skip, id).await;
    assert_eq!(reply["flags"], 64, "ephemeral");
    let line = ok_line(&bot, "en-US");
    let content = reply["content"].as_str().unwrap();
    assert!(content.starts_with(&line), "{content}");
    assert!(content.starts_with("Reloaded: "), "{content}");
    assert_pings_no_one(&reply);
    // The log channel: the same, as a normal message that pings no one.
    let log = bot
        .discord
        .wait_for(skip, "the log channel report", |r| {
            r.method == "POST" && r.path == format!("/api/v10/channels/{LOG_CHANNEL}/messages")
        })
        .await;
    assert_eq!(log.body["content"].as_str().unwrap(), content);
    assert!(
        log.body.get("flags").is_none_or(|f| f == 0),
        "not ephemeral"
    );
    assert_pings_no_one(&log.body);
    assert_within_limits(&log.body);

    // A member with the server's moderator role, after a bad edit: the rejection with its file and
    // line, in Japanese; the previous fact base keeps serving.
    let facts = dir.path().join("knowledge").join("facts");
    let file = std::fs::read_dir(&facts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n[[[ this is not toml\n");
    std::fs::write(&file, text).unwrap();
    let skip = bot.discord.count();
    let id = bot.discord.slash_as(
        &Who::with_roles(&[MOD_ROLE]),
        203,
        "ja",
        "reload",
        vec![],
        Value::Null,
    );
    let reply = followup(&bot.discord, skip, id).await;
    let content = reply["content"].as_str().unwrap();
    assert!(
        content.starts_with(&snap.locales.render("ja", "reload-rejected", None)),
        "{content}"
    );
    let name = file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace('_', "\\_");
    assert!(content.contains(&format!("{name}:")), "{content}");
    assert_within_limits(&reply);
    let log = bot
        .discord
        .wait_for(skip, "the log channel report", |r| {
            r.path == format!("/api/v10/channels/{LOG_CHANNEL}/messages")
        })
        .await;
    assert!(log.body["content"]
        .as_str()
        .unwrap()
        .starts_with(&snap.locales.render("en-US", "reload-rejected", None)));
    assert_eq!(bot.engine.snapshot().facts.len(), snap.facts.len());
    bot.stop().await.expect("a clean shutdown");
}

/// Hot reload while serving: an edit is picked up by itself and reported to the log channel.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_are_reloaded_and_reported_while_serving() {
    let (dir, engine) = engine_copy();
    let bot = Bot::start_with(
        Config {
            watch: true,
            ..Config::default()
        },
        engine,
    )
    .await;
    log_to(&bot, Some(LOG_CHANNEL), None);
    let skip = bot.discord.count();
    let facts = dir.path().join("locales").join("en-US").join("facts.ftl");
    let text = std::fs::read_to_string(&facts).unwrap();
    let old = bot
        .engine
        .snapshot()
        .locales
        .render("en-US", "fact-visit-dates", None);
    let first_line = old.lines().next().unwrap().to_string();
    assert!(text.contains(&first_line));
    std::fs::write(
        &facts,
        text.replacen(&first_line, &format!("{first_line} (edited)"), 1),
    )
    .unwrap();
    let log = bot
        .discord
        .wait_for(skip, "the hot reload's report", |r| {
            r.path == format!("/api/v10/channels/{LOG_CHANNEL}/messages")
        })
        .await;
    let content = log.body["content"].as_str().unwrap();
    assert!(
        content.starts_with("Reloaded: ") && content.contains("(1 changed"),
        "{content}"
    );
    assert_pings_no_one(&log.body);
    assert!(bot
        .engine
        .snapshot()
        .locales
        .render("en-US", "fact-visit-dates", None)
        .contains("(edited)"));
    bot.stop().await.expect("a clean shutdown");
}

/// `/unanswered` and `/stats` for a moderator; `/settings` changes the server's settings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_stats_and_settings() {
    let bot = Bot::start(Config::default()).await;
    let snap = bot.engine.snapshot();
    let now = attache::store::now();
    // `days:3` means whole UTC days, today included, as `/stats` counts them: a question asked
    // the second before is out although it is less than 3 × 24 h old.
    let start = attache::store::period_start(now, 3);
    bot.store
        .log_unanswered(&Unanswered {
            question: "who is the french president".into(),
            lang: "en".into(),
            asked_at: start - 1,
            guild_id: Some(GUILD_ID),
            reason: UnansweredReason::Declined,
            fact: None,
        })
        .unwrap();
    for (q, lang, reason) in [
        (
            "when is xi visiting the us",
            "en",
            UnansweredReason::Declined,
        ),
        (
            "when will xi visit the us",
            "en",
            UnansweredReason::Declined,
        ),
        ("wann besucht xi die usa", "de", UnansweredReason::Declined),
        (
            "who won the football match",
            "en",
            UnansweredReason::NotHelpful,
        ),
    ] {
        bot.store
            .log_unanswered(&Unanswered {
                question: q.into(),
                lang: lang.into(),
                asked_at: now,
                guild_id: Some(GUILD_ID),
                reason,
                fact: None,
            })
            .unwrap();
    }
    let skip = bot.discord.count();
    let id = bot.discord.slash_as(
        &Who::manager(),
        210,
        "en-US",
        "unanswered",
        vec![int_option("days", 3)],
        Value::Null,
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["data"]["flags"], 64);
    let e = embed(&body);
    assert_eq!(e["title"], "Questions I could not answer (last 3 days)");
    let d = e["description"].as_str().unwrap();
    // Near-duplicates are one group, across languages too (through the synonym groups).
    assert!(d.starts_with("**3×** "), "{d}");
    assert!(d.lines().next().unwrap().ends_with(" · en 2, de"), "{d}");
    assert!(d.contains("when will xi visit the us") || d.contains("when is xi visiting the us"));
    assert!(d.contains("who won the football match · en · 👎 1"), "{d}");
    assert!(!d.contains("french"), "{d}");
    assert_within_limits(&body["data"]);

    // /stats counts what was asked through the bot.
    let q = phrasing(&bot, "visit-dates", Lang::En);
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash(211, "en-US", "ask", vec![string_option("question", &q)]);
    callback(&bot.discord, skip, id).await;
    let skip = bot.discord.count();
    let id = bot
        .discord
        .slash_as(&Who::manager(), 212, "de", "stats", vec![], Value::Null);
    let body = callback(&bot.discord, skip, id).await;
    let e = embed(&body);
    assert_eq!(e["title"], "Statistik (letzte 7 Tage)");
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .starts_with("1 Frage, davon 1 beantwortet"),
        "{e}"
    );
    let title = snap.locales.render("de", "fact-visit-dates-title", None);
    assert!(
        e["fields"][0]["value"].as_str().unwrap().contains(&title),
        "{e}"
    );

    // /settings: a member without Manage Server is refused; a moderator sets the log channel and
    // enables a channel.
    let skip = bot.discord.count();
    let sub =
        |name: &str, options: Vec<Value>| json!({"name": name, "type": 1, "options": options});
    let id = bot.discord.slash_as(
        &Who::member(),
        213,
        "es-ES",
        "settings",
        vec![sub("show", vec![])],
        Value::Null,
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(
        body["data"]["content"],
        snap.locales.render("es-ES", "moderator-only", None)
    );
    let skip = bot.discord.count();
    let id = bot.discord.slash_as(
        &Who::manager(),
        214,
        "en-US",
        "settings",
        vec![sub(
            "log-channel",
            vec![option("channel", 7, json!(LOG_CHANNEL.to_string()))],
        )],
        json!({"channels": {LOG_CHANNEL.to_string(): resolved_channel(LOG_CHANNEL)}}),
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["data"]["content"], "Settings saved.");
    assert!(all_text(&body).contains(&format!("<#{LOG_CHANNEL}>")));
    assert_pings_no_one(&body["data"]);
    assert_eq!(
        bot.store.guild_settings(GUILD_ID).unwrap().log_channel,
        Some(LOG_CHANNEL)
    );
    let skip = bot.discord.count();
    let id = bot.discord.slash_as(
        &Who::manager(),
        215,
        "en-US",
        "settings",
        vec![sub(
            "moderator-role",
            vec![option("role", 8, json!(MOD_ROLE.to_string()))],
        )],
        json!({"roles": {MOD_ROLE.to_string(): resolved_role(MOD_ROLE)}}),
    );
    let body = callback(&bot.discord, skip, id).await;
    assert!(all_text(&body).contains(&format!("<@&{MOD_ROLE}>")));
    // The role now lets a member in.
    let skip = bot.discord.count();
    let id = bot.discord.slash_as(
        &Who::with_roles(&[MOD_ROLE]),
        216,
        "en-US",
        "settings",
        vec![sub(
            "enable-channel",
            vec![option("channel", 7, json!((CHANNEL_ID + 9).to_string()))],
        )],
        json!({"channels": {(CHANNEL_ID + 9).to_string(): resolved_channel(CHANNEL_ID + 9)}}),
    );
    let body = callback(&bot.discord, skip, id).await;
    assert_eq!(body["data"]["content"], "Settings saved.");
    assert!(bot.store.is_channel_enabled(CHANNEL_ID + 9).unwrap());
    bot.stop().await.expect("a clean shutdown");
}
