//! `/stats days:` (moderators): questions asked, answered and declined in this server, and per topic
//! the answers, 👍 and 👎.

use super::super::moderation;
use super::super::{Context, Error};
use crate::store::period_start;

/// Questions, answers and feedback over a period
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn stats(
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
    let since = period_start(crate::store::now(), days);
    let totals = data.store.stats_since(Some(guild), since)?;
    let facts = data.store.fact_stats_since(Some(guild), since)?;
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let out = moderation::stats_out(&data.engine.snapshot(), &locale, days, &totals, &facts);
    ctx.send(out.fit().to_poise()).await?;
    Ok(())
}
