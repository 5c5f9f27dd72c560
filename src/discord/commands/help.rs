//! `/help`: the commands, in the user's language; moderators also see the moderator commands.

use super::super::moderation::{moderator_access, Access};
use super::super::reply::help_out;
use super::super::{Context, Error};

/// How to use attache
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let snap = data.engine.snapshot();
    let lines = super::command_lines(&snap.locales, &locale);
    let moderator_lines = match moderator_access(ctx).0 {
        Access::Allowed => super::moderator_lines(&snap.locales, &locale),
        _ => Vec::new(),
    };
    let out = help_out(&snap.locales, &locale, &lines, &moderator_lines);
    ctx.send(out.fit().to_poise()).await?;
    Ok(())
}
