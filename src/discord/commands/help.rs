//! `/help`.

use super::super::reply::help_out;
use super::super::{Context, Error};

/// How to use attache
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let snap = data.engine.snapshot();
    let lines = super::command_lines(&snap.locales, &locale);
    ctx.send(help_out(&snap.locales, &locale, &lines).fit().to_poise())
        .await?;
    Ok(())
}
