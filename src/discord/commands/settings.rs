//! `/settings` (moderators): show and change the server's settings, one subcommand per setting
//! (Discord shows each with its own options and help).

use super::super::moderation;
use super::super::{Context, Error};
use super::language::LocaleChoice;
use crate::store::GuildSettings;
use poise::serenity_prelude as serenity;

/// A change to a server's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Unprompted answers in a channel, on or off.
    Channel(u64, bool),
    /// The default locale (`None`: Discord's server language).
    Language(Option<String>),
    /// The moderator role (`None`: Manage Server only).
    ModeratorRole(Option<u64>),
    /// The moderator log channel (`None`: no reports).
    LogChannel(Option<u64>),
}

/// Applies a change to the store.
pub fn apply(store: &crate::store::Store, guild: u64, change: &Change) -> crate::store::Result<()> {
    let mut s: GuildSettings = store.guild_settings(guild)?;
    match change {
        Change::Channel(channel, on) => return store.set_channel_enabled(guild, *channel, *on),
        Change::Language(l) => s.default_locale = l.clone(),
        Change::ModeratorRole(r) => s.moderator_role = *r,
        Change::LogChannel(c) => s.log_channel = *c,
    }
    store.set_guild_settings(guild, &s)
}

/// Checks the user, applies the change (if any) and shows the settings.
async fn run(ctx: Context<'_>, change: Option<Change>) -> Result<(), Error> {
    let Some(guild) = moderation::require(ctx).await? else {
        return Ok(());
    };
    let data = ctx.data();
    if let Some(c) = &change {
        apply(&data.store, guild, c)?;
        tracing::info!(guild, change = ?c, "server settings changed");
    }
    let settings = data.store.guild_settings(guild)?;
    let channels = data.store.enabled_channels(guild)?;
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let out = moderation::settings_out(
        &data.engine.snapshot().locales,
        &locale,
        &settings,
        &channels,
        data.config.message_content,
        change.is_some(),
    );
    ctx.send(out.fit().to_poise()).await?;
    Ok(())
}

/// This server's attache settings
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands(
        "show",
        "enable_channel",
        "disable_channel",
        "language",
        "moderator_role",
        "log_channel"
    ),
    subcommand_required
)]
pub async fn settings(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show this server's settings
#[poise::command(slash_command, guild_only)]
pub async fn show(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, None).await
}

/// Answer questions in a channel without being mentioned
#[poise::command(slash_command, guild_only, rename = "enable-channel")]
pub async fn enable_channel(
    ctx: Context<'_>,
    #[channel_types("Text", "News", "PublicThread", "PrivateThread", "NewsThread")]
    channel: serenity::ChannelId,
) -> Result<(), Error> {
    run(ctx, Some(Change::Channel(channel.get(), true))).await
}

/// Stop unprompted answers in a channel
#[poise::command(slash_command, guild_only, rename = "disable-channel")]
pub async fn disable_channel(
    ctx: Context<'_>,
    #[channel_types("Text", "News", "PublicThread", "PrivateThread", "NewsThread")]
    channel: serenity::ChannelId,
) -> Result<(), Error> {
    run(ctx, Some(Change::Channel(channel.get(), false))).await
}

/// The server's default answer language
#[poise::command(slash_command, guild_only)]
pub async fn language(ctx: Context<'_>, locale: LocaleChoice) -> Result<(), Error> {
    let code = locale.code().map(|c| {
        ctx.data()
            .engine
            .snapshot()
            .locales
            .negotiate(c)
            .to_string()
    });
    run(ctx, Some(Change::Language(code))).await
}

/// The role that may use the moderator commands
#[poise::command(slash_command, guild_only, rename = "moderator-role")]
pub async fn moderator_role(ctx: Context<'_>, role: Option<serenity::RoleId>) -> Result<(), Error> {
    run(ctx, Some(Change::ModeratorRole(role.map(|r| r.get())))).await
}

/// Where to report reloads
#[poise::command(slash_command, guild_only, rename = "log-channel")]
pub async fn log_channel(
    ctx: Context<'_>,
    #[channel_types("Text", "News")] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    run(ctx, Some(Change::LogChannel(channel.map(|c| c.get())))).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn changes_are_kept_one_setting_at_a_time() {
        let s = Store::open_in_memory().unwrap();
        apply(&s, 9, &Change::LogChannel(Some(5))).unwrap();
        apply(&s, 9, &Change::ModeratorRole(Some(6))).unwrap();
        apply(&s, 9, &Change::Language(Some("de".into()))).unwrap();
        apply(&s, 9, &Change::Channel(7, true)).unwrap();
        assert_eq!(
            s.guild_settings(9).unwrap(),
            GuildSettings {
                default_locale: Some("de".into()),
                moderator_role: Some(6),
                log_channel: Some(5)
            }
        );
        assert_eq!(s.enabled_channels(9).unwrap(), vec![7]);
        apply(&s, 9, &Change::ModeratorRole(None)).unwrap();
        apply(&s, 9, &Change::Channel(7, false)).unwrap();
        assert_eq!(s.guild_settings(9).unwrap().moderator_role, None);
        assert_eq!(s.guild_settings(9).unwrap().log_channel, Some(5));
        assert!(s.enabled_channels(9).unwrap().is_empty());
    }
}
