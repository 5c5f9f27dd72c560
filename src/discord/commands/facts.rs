//! `/facts list` and `/facts show id:`. (Discord does not let a command with subcommands be run on
//! its own, so listing is `/facts list`.)

use super::super::reply::{self, Out};
use super::super::{localize, Context, Error};
use crate::engine::Snapshot;
use crate::normalise::fold;
use poise::serenity_prelude as serenity;

/// The topics I can answer
#[poise::command(slash_command, subcommands("list", "show"), subcommand_required)]
pub async fn facts(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// List the topics I can answer
#[poise::command(slash_command)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let snap = data.engine.snapshot();
    let show = localize::slash_name(&snap.locales, &locale, &["facts", "show"]);
    ctx.send(reply::facts_out(&snap, &locale, &show).fit().to_poise())
        .await?;
    Ok(())
}

/// Fact ids whose id or title (in `locale`) contains what is typed; at most 25.
pub fn matching_ids(snap: &Snapshot, locale: &str, partial: &str) -> Vec<(String, String)> {
    let typed = fold(partial);
    snap.facts
        .facts
        .iter()
        .map(|f| {
            let title = snap
                .locales
                .render(locale, &format!("fact-{}-title", f.id), None);
            (f.id.clone(), title)
        })
        .filter(|(id, title)| {
            typed.is_empty() || id.contains(&typed) || fold(title).contains(&typed)
        })
        .take(25)
        .collect()
}

async fn autocomplete_id(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let choices = matching_ids(&data.engine.snapshot(), &locale, partial)
        .into_iter()
        .map(|(id, title)| serenity::AutocompleteChoice::new(reply::cut(&title, 100), id))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// What to send for `/facts show id:`.
pub fn show_out(snap: &Snapshot, locale: &str, id: &str) -> Out {
    match reply::fact_reply(snap, id.trim(), locale) {
        Some(r) => reply::reply_out(&snap.locales, &r, None),
        None => Out::notice(
            snap.locales
                .render_with(locale, "facts-unknown", &[("id", reply::cut(id, 100))]),
            true,
        ),
    }
}

/// Show what I know about one topic
#[poise::command(slash_command)]
pub async fn show(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_id"] id: String,
) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let snap = data.engine.snapshot();
    ctx.send(show_out(&snap, &locale, &id).fit().to_poise())
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_by_id_or_title_and_unknown_ones_are_declined() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let s = Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap();
        assert_eq!(matching_ids(&s, "en-US", "").len(), s.facts.len().min(25));
        assert!(matching_ids(&s, "en-US", "taiw")
            .iter()
            .any(|(id, _)| id == "taiwan"));
        let out = show_out(&s, "fr", "taiwan");
        assert!(!out.ephemeral && out.embeds.len() == 1);
        let out = show_out(&s, "fr", "<@&1> nope");
        assert!(out.ephemeral && out.content.unwrap().contains("nope"));
    }
}
