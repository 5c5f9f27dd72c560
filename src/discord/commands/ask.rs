//! `/ask question:`: the answer in an embed, with the brief's sentence and buttons.

use super::super::cooldown::Check;
use super::super::events::clean_question;
use super::super::reply::{self, Out};
use super::super::{Context, Error};
use crate::answer::{answer, Hints, Reply};
use crate::engine::Snapshot;
use crate::lang::Lang;
use crate::normalise::fold;
use poise::serenity_prelude as serenity;
use std::sync::Arc;
use std::time::Duration;

/// At most this many autocomplete choices (Discord's limit).
pub const AUTOCOMPLETE_MAX: usize = 25;

/// Answering takes milliseconds; should it ever take longer than this, the interaction is deferred
/// so that Discord's 3-second limit is kept.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// The hints for a slash command: the user's `/language` choice, their Discord locale, the server's.
pub fn hints(forced: Option<String>, user: &str, guild: Option<String>) -> Hints {
    Hints {
        forced_locale: forced,
        user_locale: Some(user.to_string()),
        guild_locale: guild,
        unprompted: false,
    }
}

/// Known phrasings that match what is typed: those containing it (folded), the user's language
/// first; with nothing typed, one phrasing per fact. At most [`AUTOCOMPLETE_MAX`], each at most 100
/// characters.
pub fn phrasings(snap: &Snapshot, partial: &str, lang: Option<Lang>) -> Vec<String> {
    let typed = fold(partial);
    let words: Vec<&str> = typed.split_whitespace().collect();
    let mut own = Vec::new();
    let mut other = Vec::new();
    for fact in &snap.facts.facts {
        for (l, qs) in &fact.questions {
            for (i, q) in qs.iter().enumerate() {
                if q.chars().count() > 100 {
                    continue;
                }
                let hit = if words.is_empty() {
                    i == 0
                } else {
                    let f = fold(q);
                    words.iter().all(|w| f.contains(w))
                };
                if hit {
                    if Some(*l) == lang {
                        own.push(q.clone());
                    } else {
                        other.push(q.clone());
                    }
                }
            }
        }
    }
    if words.is_empty() && !own.is_empty() {
        other.clear();
    }
    let mut out = Vec::new();
    for q in own.into_iter().chain(other) {
        if !out.contains(&q) {
            out.push(q);
        }
        if out.len() == AUTOCOMPLETE_MAX {
            break;
        }
    }
    out
}

async fn autocomplete_question(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let lang = locale.parse::<Lang>().ok();
    let choices = phrasings(&data.engine.snapshot(), partial, lang)
        .into_iter()
        .map(|q| serenity::AutocompleteChoice::new(q.clone(), q))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Answers on a blocking thread; defers the interaction if that takes long.
async fn answer_in_time(
    ctx: Context<'_>,
    snap: Arc<Snapshot>,
    question: String,
    hints: Hints,
) -> Result<Reply, Error> {
    let mut task = tokio::task::spawn_blocking(move || answer(&snap, &question, &hints));
    match tokio::time::timeout(DEFER_AFTER, &mut task).await {
        Ok(r) => Ok(r?),
        Err(_) => {
            ctx.defer().await?;
            Ok(task.await?)
        }
    }
}

/// Ask a question about Antony Blinken's visit to China
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_question"] question: String,
) -> Result<(), Error> {
    let data = ctx.data();
    let user = ctx.author().id.get();
    let guild = ctx.guild_id().map(|g| g.get());
    let discord_guild_locale = match ctx {
        poise::Context::Application(a) => a.interaction.guild_locale.clone(),
        poise::Context::Prefix(_) => None,
    };
    let forced = data.forced_locale(user);
    let user_locale = ctx.locale().unwrap_or(crate::i18n::SOURCE_LOCALE);
    let snap = data.engine.snapshot();
    if let wait @ Check::Wait { .. } = data.check_ask(user) {
        let locale = snap
            .locales
            .negotiate(forced.as_deref().unwrap_or(user_locale))
            .to_string();
        let text = reply::cooldown_text(&snap.locales, &locale, wait.seconds());
        ctx.send(Out::notice(text, true).fit().to_poise()).await?;
        return Ok(());
    }
    let h = hints(
        forced,
        user_locale,
        data.guild_locale(guild, discord_guild_locale.as_deref()),
    );
    let r = answer_in_time(ctx, snap.clone(), clean_question(&question), h).await?;
    let key = data.record(&r, guild);
    let out = reply::reply_out(&snap.locales, &r, key.as_deref()).fit();
    ctx.send(out.to_poise()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Outcome;

    fn snap() -> Snapshot {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap()
    }

    #[test]
    fn autocomplete_offers_matching_phrasings() {
        let s = snap();
        let all = phrasings(&s, "", Some(Lang::De));
        assert!(!all.is_empty() && all.len() <= AUTOCOMPLETE_MAX);
        let some = phrasings(&s, "blinken", Some(Lang::En));
        assert!(!some.is_empty() && some.len() <= AUTOCOMPLETE_MAX);
        assert!(some.iter().all(|q| fold(q).contains("blinken")));
        assert!(phrasings(&s, "zzzzqqq", None).is_empty());
    }

    #[test]
    fn a_question_in_another_language_is_answered_in_it() {
        let s = snap();
        let f = s.facts.get("visit-dates").unwrap();
        let es = &f.questions[&Lang::Es][0];
        let r = answer(&s, es, &hints(None, "en-US", None));
        assert_eq!(r.locale, "es-ES");
        let de = &f.questions[&Lang::De][0];
        let r = answer(&s, de, &hints(Some("ja".into()), "en-US", None));
        assert_eq!(r.locale, "ja", "a /language choice wins");
        let r = answer(&s, "???", &hints(None, "de", None));
        assert_eq!(r.outcome, Outcome::Decline);
        assert_eq!(r.locale, "de", "unclear language: the user's locale");
    }
}
