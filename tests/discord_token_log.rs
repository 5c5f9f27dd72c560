//! The bot token never appears in the log, at any level: the whole fake-Discord flow (REST with the
//! `Authorization` header, the gateway IDENTIFY, a slash command, a channel reply) runs under the
//! subscriber `attache serve` installs, at `trace` for every crate. A test binary of its own,
//! because the subscriber is global.

mod support;

use attache::discord::{logging, Config, Token};
use std::io::Write;
use std::sync::{Arc, Mutex};
use support::*;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, d: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(d);
        Ok(d.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_in_a_trace_log() {
    let captured = Captured::default();
    let sink = captured.clone();
    logging::install(logging::subscriber(
        &[Token::new(TOKEN).expose()],
        "trace",
        move || sink.clone(),
        false,
    ))
    .unwrap();

    let bot = Bot::start(Config::default()).await;
    let skip = bot.discord.count();
    let id = bot.discord.slash(
        1,
        "de",
        "ask",
        vec![string_option("question", "Wann besucht Blinken China?")],
    );
    callback(&bot.discord, skip, id).await;
    let skip = bot.discord.count();
    bot.discord.message(
        human(2),
        CHANNEL_ID,
        Some(GUILD_ID),
        &format!("<@{BOT_ID}> when does blinken visit china?"),
        vec![bot_user()],
    );
    bot.discord
        .wait_for(skip, "the channel reply", |r| r.path.contains("/messages"))
        .await;
    // The token did reach the (fake) Discord, in the IDENTIFY and in the REST header.
    let identify = bot.discord.identify().unwrap();
    assert!(identify["token"].as_str().unwrap().ends_with(TOKEN));
    let header = bot.discord.requests()[0].authorization.clone().unwrap();
    assert!(header.ends_with(TOKEN));
    bot.stop().await.unwrap();

    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(log.lines().count() > 50, "a trace log was written:\n{log}");
    assert!(log.contains("TRACE"), "trace level is on");
    let secret = TOKEN.split('.').nth(2).unwrap();
    assert!(!log.contains(secret), "the token is in the log");
    // Nor in the forms websocket and byte-buffer logging use: hex, and lists of byte values.
    for form in logging::encodings(secret) {
        let form = String::from_utf8(form).unwrap();
        assert!(!log.contains(&form), "the token is in the log as {form}");
    }
    assert!(
        log.contains("tungstenite::handshake"),
        "websocket logging is on"
    );
    // Answering a mention is not an error (poise once read it as an unknown prefix command).
    let errors: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).collect();
    assert!(errors.is_empty(), "error lines: {errors:#?}");
    if std::env::var_os("SHOW_LOG").is_some() {
        eprintln!("{log}");
    }
    eprintln!(
        "{} log lines, {} redactions",
        log.lines().count(),
        log.matches(logging::REDACTED).count()
    );
}
