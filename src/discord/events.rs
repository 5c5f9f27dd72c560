//! Gateway events other than slash commands: channel messages (mention, reply, DM, or unprompted in
//! an enabled channel) and button clicks.
//!
//! The decisions are pure functions at the top ([`trigger`], [`clean_question`],
//! [`looks_like_question`]), tested below; the handlers only gather their inputs and send.

use super::reply::{self, Action, Out};
use super::{cooldown::Check, Data, Error};
use crate::answer::{answer, Hints, Outcome};
use poise::serenity_prelude as serenity;

/// Why the bot answers a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// It was asked: mentioned, replied to, or in a DM.
    Direct,
    /// An unprompted question in an enabled channel (stricter threshold, rate-limited).
    Unprompted,
}

/// What decides whether a message gets an answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Sent by a bot (or a webhook).
    pub from_bot: bool,
    /// Sent by this bot.
    pub from_me: bool,
    /// Not a plain message or reply (joins, pins, ...).
    pub system: bool,
    /// A direct message.
    pub dm: bool,
    /// Mentions this bot.
    pub mentions_me: bool,
    /// Replies to one of this bot's messages.
    pub replies_to_me: bool,
    /// The bot has the message-content intent.
    pub message_content: bool,
}

/// Whether to answer a message, and how. `channel_enabled` is asked only when it matters (it reads
/// the database).
pub fn trigger(m: &Incoming, channel_enabled: impl FnOnce() -> bool) -> Option<Trigger> {
    if m.from_bot || m.from_me || m.system {
        return None;
    }
    if m.dm || m.mentions_me || m.replies_to_me {
        return Some(Trigger::Direct);
    }
    if m.message_content && channel_enabled() {
        return Some(Trigger::Unprompted);
    }
    None
}

/// The question in a message: mentions (users, roles, channels, `@everyone`, `@here`) removed,
/// white space collapsed.
pub fn clean_question(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find('>');
        let is_mention = end.is_some_and(|e| {
            let inner = &tail[1..e];
            let body = inner
                .strip_prefix("@&")
                .or_else(|| inner.strip_prefix("@!"))
                .or_else(|| inner.strip_prefix('@'))
                .or_else(|| inner.strip_prefix('#'));
            body.is_some_and(|b| !b.is_empty() && b.chars().all(|c| c.is_ascii_digit()))
        });
        if is_mention {
            out.push(' ');
            rest = &tail[end.unwrap_or(0) + 1..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
            !w.eq_ignore_ascii_case("@everyone") && !w.eq_ignore_ascii_case("@here")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that start a question in the Latin-script languages (folded: lower case, no accents).
const QUESTION_WORDS: &[&str] = &[
    // English
    "who", "whom", "whose", "what", "whats", "when", "where", "why", "how", "which", "is", "are",
    "was", "were", "do", "does", "did", "will", "would", "can", "could", "should", "has", "have",
    // Spanish
    "que", "quien", "quienes", "cuando", "donde", "adonde", "por", "como", "cual", "cuales",
    "cuanto", "cuantos", "cuanta", "cuantas", // French
    "qui", "quoi", "quand", "pourquoi", "comment", "quel", "quelle", "quels", "quelles", "combien",
    "est", "qu", // German
    "wer", "wen", "wem", "wessen", "was", "wann", "wo", "wohin", "warum", "wieso", "weshalb",
    "wie", "welche", "welcher", "welches", "welchen", "ist", "sind", "hat", "haben", "wird",
    "werden", "gibt", "kann",
];

/// Chinese and Japanese question markers.
const CJK_MARKERS: &[&str] = &[
    "吗",
    "嗎",
    "什么",
    "什麼",
    "谁",
    "誰",
    "哪",
    "为什么",
    "為什麼",
    "为何",
    "為何",
    "何时",
    "何時",
    "怎么",
    "怎麼",
    "怎样",
    "怎樣",
    "多少",
    "几",
    "幾",
    "いつ",
    "どこ",
    "なぜ",
    "何",
    "どう",
    "どの",
    "どんな",
    "だれ",
];

/// True when a message reads as a question: a question mark, a question word first (English,
/// Spanish, French, German), or a Chinese or Japanese question marker.
pub fn looks_like_question(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let trimmed_end = t.trim_end_matches(|c: char| !c.is_alphanumeric() && !"?？؟".contains(c));
    if trimmed_end.ends_with(['?', '？', '؟']) || t.starts_with('¿') {
        return true;
    }
    let folded = crate::normalise::fold(t);
    if let Some(first) = folded.split_whitespace().next() {
        if QUESTION_WORDS.contains(&first) {
            return true;
        }
    }
    if CJK_MARKERS.iter().any(|m| t.contains(m)) {
        return true;
    }
    // Japanese sentence-final か / かな / の.
    let end = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    end.ends_with('か') || end.ends_with("かな")
}

fn record_health(connected: bool) {
    let path = crate::health::status_path();
    if let Err(e) = crate::health::write(&path, connected) {
        tracing::warn!("cannot write the health status to {}: {e}", path.display());
    }
}

/// Every event the bot handles besides slash commands.
pub async fn handle(
    fw: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    match event {
        serenity::FullEvent::Message { new_message } => {
            on_message(fw.serenity_context, fw.user_data, fw.bot_id(), new_message).await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(c),
        } => on_component(fw.serenity_context, fw.user_data, c).await,
        // The container's HEALTHCHECK (`attache healthcheck`) reads what these write.
        serenity::FullEvent::Ready { .. } => {
            record_health(true);
            Ok(())
        }
        serenity::FullEvent::ShardStageUpdate { event } => {
            record_health(event.new == serenity::ConnectionStage::Connected);
            Ok(())
        }
        _ => Ok(()),
    }
}

async fn on_message(
    ctx: &serenity::Context,
    data: &Data,
    me: serenity::UserId,
    msg: &serenity::Message,
) -> Result<(), Error> {
    let incoming = Incoming {
        from_bot: msg.author.bot || msg.webhook_id.is_some(),
        from_me: msg.author.id == me,
        system: !matches!(
            msg.kind,
            serenity::MessageType::Regular | serenity::MessageType::InlineReply
        ),
        dm: msg.guild_id.is_none(),
        mentions_me: msg.mentions_user_id(me),
        replies_to_me: msg
            .referenced_message
            .as_ref()
            .is_some_and(|r| r.author.id == me),
        message_content: data.config.message_content,
    };
    let channel = msg.channel_id.get();
    let Some(how) = trigger(&incoming, || {
        data.store.is_channel_enabled(channel).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "cannot read enabled channels");
            false
        })
    }) else {
        return Ok(());
    };
    let question = clean_question(&msg.content);
    if how == Trigger::Unprompted && !looks_like_question(&question) {
        return Ok(());
    }
    let guild = msg.guild_id.map(|g| g.get());
    let discord_guild_locale = msg
        .guild_id
        .and_then(|g| ctx.cache.guild(g).map(|g| g.preferred_locale.clone()));
    let hints = Hints {
        forced_locale: data.forced_locale(msg.author.id.get()),
        user_locale: None,
        guild_locale: data.guild_locale(guild, discord_guild_locale.as_deref()),
        unprompted: how == Trigger::Unprompted,
    };
    let snap = data.engine.snapshot();
    let r = answer(&snap, &question, &hints);
    if how == Trigger::Unprompted {
        // Only confident answers, once per fact per channel per period; nothing is logged.
        let Some(fact) = r.fact.as_deref().filter(|_| r.outcome == Outcome::Answer) else {
            return Ok(());
        };
        if !data.allow_unprompted(channel, fact) {
            return Ok(());
        }
    }
    let reply_to = Some((msg.channel_id, msg.id));
    match data.check_channel(msg.author.id.get()) {
        Check::Go => {}
        wait @ Check::Wait { first, .. } => {
            if how == Trigger::Direct && first {
                let text = reply::cooldown_text(&snap.locales, &r.locale, wait.seconds());
                let notice = Out::notice(text, false).fit();
                let sent = msg
                    .channel_id
                    .send_message(ctx, notice.to_message(reply_to))
                    .await?;
                // Channels have no ephemeral messages: the notice removes itself.
                let http = ctx.http.clone();
                let lifetime = data.config.notice_lifetime;
                tokio::spawn(async move {
                    tokio::time::sleep(lifetime).await;
                    if let Err(e) = sent.delete(&http).await {
                        tracing::debug!(error = %e, "cannot delete a cooldown notice");
                    }
                });
            }
            return Ok(());
        }
    }
    let key = data.record(&r, guild);
    let out = reply::reply_out(&snap.locales, &r, key.as_deref()).fit();
    msg.channel_id
        .send_message(ctx, out.to_message(reply_to))
        .await?;
    Ok(())
}

async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    c: &serenity::ComponentInteraction,
) -> Result<(), Error> {
    let Some((action, fact, key)) = reply::parse_custom_id(&c.data.custom_id) else {
        return Ok(());
    };
    let snap = data.engine.snapshot();
    let user = c.user.id.get();
    let locale = data.ui_locale(user, Some(&c.locale));
    let loc = &snap.locales;
    let out = match action {
        Action::Source => reply::source_out(&snap, &locale, fact),
        Action::Fact => reply::fact_reply(&snap, fact, &locale).map(|r| {
            let mut out = reply::reply_out(loc, &r, None);
            out.ephemeral = true;
            out
        }),
        Action::Helpful | Action::NotHelpful => {
            let guild = c.guild_id.map(|g| g.get());
            let counted = data.feedback(fact, key, user, guild, action == Action::Helpful);
            let id = if counted {
                "feedback-thanks"
            } else {
                "feedback-already"
            };
            Some(Out::notice(loc.render(&locale, id, None), true))
        }
    };
    let out = out.unwrap_or_else(|| {
        Out::notice(
            loc.render_with(&locale, "facts-unknown", &[("id", fact.to_string())]),
            true,
        )
    });
    c.create_response(
        ctx,
        serenity::CreateInteractionResponse::Message(out.fit().to_interaction()),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_gets_an_answer() {
        let plain = Incoming::default();
        assert_eq!(trigger(&plain, || true), None, "no intent, no mention");
        let dm = Incoming { dm: true, ..plain };
        assert_eq!(trigger(&dm, || false), Some(Trigger::Direct));
        let mention = Incoming {
            mentions_me: true,
            ..plain
        };
        assert_eq!(trigger(&mention, || false), Some(Trigger::Direct));
        let reply = Incoming {
            replies_to_me: true,
            ..plain
        };
        assert_eq!(trigger(&reply, || false), Some(Trigger::Direct));
        let content = Incoming {
            message_content: true,
            ..plain
        };
        assert_eq!(trigger(&content, || true), Some(Trigger::Unprompted));
        assert_eq!(trigger(&content, || false), None);
        for never in [
            Incoming {
                from_bot: true,
                ..mention
            },
            Incoming {
                from_me: true,
                ..dm
            },
            Incoming {
                system: true,
                ..mention
            },
        ] {
            assert_eq!(trigger(&never, || true), None);
        }
        // The database is not read when it does not matter.
        assert_eq!(
            trigger(&mention, || panic!("not needed")),
            Some(Trigger::Direct)
        );
    }

    #[test]
    fn mentions_are_removed_from_questions() {
        assert_eq!(
            clean_question("<@123> @everyone <@&456> when does <#7> he go? @here"),
            "when does he go?"
        );
        assert_eq!(
            clean_question("<@!99>布林肯什么时候访问中国？"),
            "布林肯什么时候访问中国？"
        );
        assert_eq!(clean_question("a < b > c <@x>"), "a < b > c <@x>");
        assert_eq!(clean_question("   "), "");
    }

    #[test]
    fn questions_are_told_from_chatter() {
        for q in [
            "when does blinken go to china?",
            "who is visiting",
            "¿Cuándo visita Blinken China",
            "Pourquoi cette visite",
            "Wann besucht Blinken China",
            "布林肯什么时候访问中国",
            "布林肯會見誰",
            "ブリンケン氏はいつ訪中しますか",
            "is it his first visit?!",
        ] {
            assert!(looks_like_question(q), "{q}");
        }
        for s in [
            "good morning everyone",
            "Blinken visits China next week.",
            "lol",
            "",
            "我觉得这很好。",
            "ありがとうございます",
        ] {
            assert!(!looks_like_question(s), "{s}");
        }
    }
}
