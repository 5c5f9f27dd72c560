//! `/unanswered days:` (moderators): the questions the bot declined or got 👎 on in this server,
//! near-duplicates grouped ([`crate::unanswered::group`]), most frequent first.

use super::super::moderation;
use super::super::{Context, Error};

/// Questions I could not answer, grouped
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn unanswered(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 365]
    days: Option<u32>,
) -> Result<(), Error> {
    let Some(guild) = moderation::require(ctx).await? else {
        return Ok(());
    };
    let data = ctx.data();
    let days = moderation::days(days);
    // Whole UTC days, today included, as `/stats` counts them: the two commands cover the same
    // questions for the same `days`.
    let since = crate::store::period_start(crate::store::now(), days);
    let log = data
        .store
        .unanswered_since(Some(guild), since, crate::unanswered::READ_MAX)?;
    let snap = data.engine.snapshot();
    let groups = crate::unanswered::group_log(&log, &snap.facts.synonyms);
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let out = moderation::unanswered_out(&snap.locales, &locale, days, log.len(), &groups);
    ctx.send(out.fit().to_poise()).await?;
    Ok(())
}
