//! `/reload` (moderators): reloads the fact base and the locales now, and says how it went.

use super::super::moderation;
use super::super::reply::Out;
use super::super::{Context, Error};
use crate::reload::reload_now;

/// Reload the fact base and the translations now
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn reload(ctx: Context<'_>) -> Result<(), Error> {
    if moderation::require(ctx).await?.is_none() {
        return Ok(());
    }
    // Loading and checking the regression set take about a second: answer within Discord's three.
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let engine = data.engine.clone();
    let event = tokio::task::spawn_blocking(move || reload_now(&engine)).await?;
    let snap = data.engine.snapshot();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let text = moderation::reload_text(&snap.locales, &locale, &event);
    ctx.send(Out::notice(text, true).fit().to_poise()).await?;
    moderation::report_reload(&ctx.serenity_context().http, &data.store, &snap, &event).await;
    Ok(())
}
