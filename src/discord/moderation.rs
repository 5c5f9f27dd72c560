//! Moderators: who may run the moderator commands, and what those commands and the reload reports
//! say.
//!
//! The commands are registered with `default_member_permissions` = Manage Server, but a server's
//! admins can change who sees a command in Discord's settings, so every moderator command checks
//! again when it runs: [`access`] (pure) decides from the interaction's member permissions and roles
//! and the server's moderator role.
//!
//! Everything that builds a message here is pure and tested below; [`require`] and [`report_reload`]
//! only gather their inputs and send.

use super::reply::{self, Embed, Field, Out};
use super::{Context, Error};
use crate::engine::Snapshot;
use crate::i18n::{FluentArgs, Locales};
use crate::reload::ReloadEvent;
use crate::store::{FactStats, GuildSettings, Stats, Store};
use crate::unanswered::Group;
use poise::serenity_prelude as serenity;

/// Discord's Manage Server permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;
/// Discord's Administrator permission bit (every permission).
pub const ADMINISTRATOR: u64 = 1 << 3;

/// The days a moderator command looks back when not told.
pub const DEFAULT_DAYS: u32 = 7;
/// The most days a moderator command looks back.
pub const MAX_DAYS: u32 = 365;
/// At most this many groups in `/unanswered`.
pub const UNANSWERED_SHOWN: usize = 25;
/// At most this many topics in `/stats`.
pub const STATS_FACTS_SHOWN: usize = 25;
/// How many error lines of a rejected reload are shown (the message is cut to 2000 anyway).
pub const REJECTED_LINES_MAX: usize = 20;

/// May this member run a moderator command?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Yes.
    Allowed,
    /// Not in a server (a direct message).
    GuildOnly,
    /// Neither Manage Server nor the server's moderator role.
    ModeratorOnly,
}

/// True for a moderator: Manage Server (or Administrator) in `permissions`, or the server's
/// `moderator_role` among `roles`.
pub fn is_moderator(permissions: u64, roles: &[u64], moderator_role: Option<u64>) -> bool {
    permissions & (MANAGE_GUILD | ADMINISTRATOR) != 0
        || moderator_role.is_some_and(|r| roles.contains(&r))
}

/// The decision for a moderator command: `guild` is false in a direct message; `permissions` are the
/// member's permissions as the interaction carries them (`None`: not sent, never a moderator by
/// permission).
pub fn access(
    guild: bool,
    permissions: Option<u64>,
    roles: &[u64],
    moderator_role: Option<u64>,
) -> Access {
    if !guild {
        return Access::GuildOnly;
    }
    if is_moderator(permissions.unwrap_or(0), roles, moderator_role) {
        Access::Allowed
    } else {
        Access::ModeratorOnly
    }
}

/// The access of the command's user to moderator commands, and the server's id (if any). Reads the
/// member's permissions as the interaction carries them, and the server's moderator role.
pub fn moderator_access(ctx: Context<'_>) -> (Access, Option<u64>) {
    let data = ctx.data();
    let (guild, permissions, roles) = match ctx {
        poise::Context::Application(a) => {
            let i = a.interaction;
            let member = i.member.as_deref();
            (
                i.guild_id.map(|g| g.get()),
                member.and_then(|m| m.permissions).map(|p| p.bits()),
                member
                    .map(|m| m.roles.iter().map(|r| r.get()).collect::<Vec<_>>())
                    .unwrap_or_default(),
            )
        }
        poise::Context::Prefix(_) => (None, None, vec![]),
    };
    let moderator_role = guild.and_then(|g| match data.store.guild_settings(g) {
        Ok(s) => s.moderator_role,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read server settings");
            None
        }
    });
    (
        access(guild.is_some(), permissions, &roles, moderator_role),
        guild,
    )
}

/// Checks that the command runs in a server and that its user is a moderator; otherwise sends the
/// localized ephemeral refusal. Returns the server's id when allowed.
pub async fn require(ctx: Context<'_>) -> Result<Option<u64>, Error> {
    let (access, guild) = moderator_access(ctx);
    let id = match access {
        Access::Allowed => return Ok(guild),
        Access::GuildOnly => "guild-only",
        Access::ModeratorOnly => "moderator-only",
    };
    tracing::info!(command = %ctx.command().qualified_name, refusal = id, "moderator command refused");
    refuse(ctx, id).await?;
    Ok(None)
}

/// Sends the localized refusal `id` (`guild-only`, `moderator-only`), ephemeral.
pub async fn refuse(ctx: Context<'_>, id: &str) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let text = data.engine.snapshot().locales.render(&locale, id, None);
    ctx.send(Out::notice(text, true).fit().to_poise()).await?;
    Ok(())
}

/// `days`, defaulted and kept within 1 and [`MAX_DAYS`].
pub fn days(days: Option<u32>) -> u32 {
    days.unwrap_or(DEFAULT_DAYS).clamp(1, MAX_DAYS)
}

/// Escapes Discord markdown, so that file names and error messages show as written.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn number_args(pairs: &[(&str, u64)]) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (k, v) in pairs {
        args.set(k.to_string(), *v as i64);
    }
    args
}

/// The result of a reload, in `locale`: `reload-ok` with its numbers (and the regression set's
/// warning, if any), or `reload-rejected` followed by one line per problem (`file:line: …`). At most
/// 2000 characters, cut with "…".
pub fn reload_text(loc: &Locales, locale: &str, event: &ReloadEvent) -> String {
    let text = match event {
        ReloadEvent::Reloaded {
            summary,
            regression_warning,
        } => {
            let args = number_args(&[
                ("facts", summary.facts as u64),
                ("changed", summary.changed as u64),
                ("added", summary.added as u64),
                ("removed", summary.removed as u64),
                ("locales", summary.locales as u64),
            ]);
            let mut t = loc.render(locale, "reload-ok", Some(&args));
            if let Some(w) = regression_warning {
                t.push_str(&format!("\n⚠️ {}", escape_markdown(w)));
            }
            t
        }
        ReloadEvent::Rejected(invalid) => {
            let mut lines = vec![loc.render(locale, "reload-rejected", None)];
            for p in invalid.0.iter().take(REJECTED_LINES_MAX) {
                lines.push(format!("• {}", escape_markdown(&p.to_string())));
            }
            if invalid.0.len() > REJECTED_LINES_MAX {
                lines.push(format!("• … (+{})", invalid.0.len() - REJECTED_LINES_MAX));
            }
            lines.join("\n")
        }
    };
    reply::cut(&text, reply::CONTENT_MAX)
}

/// Logs a reload (info when reloaded, warn when rejected) and reports it to every server's moderator
/// log channel, in that server's language, as a plain message that pings no one.
pub async fn report_reload(
    http: &serenity::Http,
    store: &Store,
    snap: &Snapshot,
    event: &ReloadEvent,
) {
    match event {
        ReloadEvent::Reloaded {
            regression_warning, ..
        } => {
            tracing::info!("{event}");
            if regression_warning.is_some() {
                tracing::warn!("the regression set is below its threshold after the reload");
            }
        }
        ReloadEvent::Rejected(_) => tracing::warn!("{event}"),
    }
    let channels = match store.log_channels() {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the moderator log channels");
            return;
        }
    };
    for c in channels {
        let locale = snap
            .locales
            .negotiate(c.locale.as_deref().unwrap_or(crate::i18n::SOURCE_LOCALE))
            .to_string();
        let out = Out::notice(reload_text(&snap.locales, &locale, event), false).fit();
        let sent = serenity::ChannelId::new(c.channel_id)
            .send_message(http, out.to_message(None))
            .await;
        if let Err(e) = sent {
            tracing::warn!(error = %e, guild = c.guild_id, channel = c.channel_id, "cannot report a reload to the moderator log channel");
        }
    }
}

/// `/unanswered`: the groups, most frequent first, in an ephemeral embed.
pub fn unanswered_out(
    loc: &Locales,
    locale: &str,
    days: u32,
    questions: usize,
    groups: &[Group],
) -> Out {
    let title = loc.render(
        locale,
        "unanswered-title",
        Some(&number_args(&[("days", days.into())])),
    );
    if groups.is_empty() {
        return Out {
            embeds: vec![Embed {
                title: Some(title),
                description: Some(loc.render(locale, "unanswered-empty", None)),
                ..Embed::default()
            }],
            ephemeral: true,
            ..Out::default()
        };
    }
    let mut lines = Vec::new();
    for g in groups.iter().take(UNANSWERED_SHOWN) {
        let mut line = format!(
            "**{}×** {} · {}",
            g.count,
            escape_markdown(&reply::cut(&g.question, 200)),
            crate::unanswered::langs_line(g)
        );
        if g.not_helpful > 0 {
            line.push_str(&format!(" · 👎 {}", g.not_helpful));
        }
        if let Some(v) = g.variants.first() {
            line.push_str(&format!("\n  ↳ {}", escape_markdown(&reply::cut(v, 120))));
            if g.variants.len() > 1 {
                line.push_str(&format!(" (+{})", g.variants.len() - 1));
            }
        }
        lines.push(line);
    }
    let mut description = String::new();
    for l in &lines {
        if reply::len(&description) + reply::len(l) + 2 > reply::DESCRIPTION_MAX - 2 {
            description.push('…');
            break;
        }
        description.push_str(l);
        description.push('\n');
    }
    let footer = loc.render(
        locale,
        "unanswered-footer",
        Some(&number_args(&[
            ("questions", questions as u64),
            ("groups", groups.len() as u64),
        ])),
    );
    Out {
        embeds: vec![Embed {
            title: Some(title),
            description: Some(description.trim_end().to_string()),
            fields: vec![],
            footer: Some(footer),
        }],
        ephemeral: true,
        ..Out::default()
    }
}

/// `/stats`: the counts, and per topic the answers, 👍 and 👎, in an ephemeral embed.
pub fn stats_out(
    snap: &Snapshot,
    locale: &str,
    days: u32,
    stats: &Stats,
    facts: &[FactStats],
) -> Out {
    let loc = &snap.locales;
    let title = loc.render(
        locale,
        "stats-title",
        Some(&number_args(&[("days", days.into())])),
    );
    let body = loc.render(
        locale,
        "stats-body",
        Some(&number_args(&[
            ("asked", stats.asked()),
            ("answered", stats.answered),
            // "Did you mean" is not an answer: it counts as declined, as in the unanswered log.
            ("declined", stats.declined + stats.suggested),
            ("up", stats.up),
            ("down", stats.down),
        ])),
    );
    let lines: Vec<String> = facts
        .iter()
        .take(STATS_FACTS_SHOWN)
        .map(|f| {
            let title_id = format!("fact-{}-title", f.fact);
            let name = loc
                .try_render(locale, &title_id, None)
                .unwrap_or_else(|| f.fact.clone());
            let counts = loc.render(
                locale,
                "stats-fact",
                Some(&number_args(&[
                    ("answered", f.answered),
                    ("up", f.up),
                    ("down", f.down),
                ])),
            );
            format!("• {} (`{}`): {counts}", escape_markdown(&name), f.fact)
        })
        .collect();
    let value = if lines.is_empty() {
        loc.render(locale, "stats-no-facts", None)
    } else {
        let mut v = lines.join("\n");
        if facts.len() > STATS_FACTS_SHOWN {
            v.push_str(&format!("\n… (+{})", facts.len() - STATS_FACTS_SHOWN));
        }
        v
    };
    let fields = reply::split(&value, reply::FIELD_VALUE_MAX)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| Field {
            name: if i == 0 {
                loc.render(locale, "stats-by-fact", None)
            } else {
                "\u{200b}".into()
            },
            value: piece,
        })
        .collect();
    Out {
        embeds: vec![Embed {
            title: Some(title),
            description: Some(body),
            fields,
            footer: None,
        }],
        ephemeral: true,
        ..Out::default()
    }
}

/// `/settings`: the server's settings (after a change, with `settings-saved` first), ephemeral.
/// Channels and roles are shown as mentions, which ping no one (allowed mentions are empty).
pub fn settings_out(
    loc: &Locales,
    locale: &str,
    settings: &GuildSettings,
    channels: &[u64],
    message_content: bool,
    saved: bool,
) -> Out {
    let none = || loc.render(locale, "settings-none", None);
    let channel_list = if channels.is_empty() {
        none()
    } else {
        channels
            .iter()
            .map(|c| format!("<#{c}>"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let language = match &settings.default_locale {
        Some(code) => loc.render(loc.negotiate(code), "language-name", None),
        None => loc.render(locale, "settings-language-auto", None),
    };
    let role = match settings.moderator_role {
        Some(r) => format!("<@&{r}>"),
        None => loc.render(locale, "settings-moderator-role-none", None),
    };
    let log = match settings.log_channel {
        Some(c) => format!("<#{c}>"),
        None => none(),
    };
    let mut fields = vec![
        Field {
            name: loc.render(locale, "settings-channels", None),
            value: channel_list,
        },
        Field {
            name: loc.render(locale, "settings-language", None),
            value: language,
        },
        Field {
            name: loc.render(locale, "settings-moderator-role", None),
            value: role,
        },
        Field {
            name: loc.render(locale, "settings-log-channel", None),
            value: log,
        },
    ];
    if !channels.is_empty() && !message_content {
        fields[0].value.push_str(&format!(
            "\n⚠️ {}",
            loc.render(locale, "settings-intent-off", None)
        ));
    }
    Out {
        content: saved.then(|| loc.render(locale, "settings-saved", None)),
        embeds: vec![Embed {
            title: Some(loc.render(locale, "settings-title", None)),
            description: None,
            fields,
            footer: None,
        }],
        ephemeral: true,
        ..Out::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ReloadSummary;
    use crate::knowledge::{Invalid, Problem, ProblemKind};

    fn snap() -> Snapshot {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap()
    }

    fn within_limits(out: &Out) {
        let v = serde_json::to_value(out.clone().fit().to_message(None)).unwrap();
        reply::tests::assert_within_limits(&v);
    }

    #[test]
    fn moderators_have_manage_server_or_the_moderator_role() {
        const ROLE: u64 = 1_234_567_890_123_456_789;
        // Manage Server, or Administrator (which implies it).
        assert!(is_moderator(MANAGE_GUILD, &[], None));
        assert!(is_moderator(ADMINISTRATOR, &[], None));
        assert!(is_moderator(MANAGE_GUILD | 0x400, &[7], Some(ROLE)));
        // The configured role, without the permission.
        assert!(is_moderator(0x400, &[7, ROLE], Some(ROLE)));
        // Neither.
        assert!(!is_moderator(0, &[], None));
        assert!(!is_moderator(0x400 | 0x800, &[7, 8], Some(ROLE)));
        assert!(!is_moderator(2_248_473_465_835_073, &[ROLE], None));
        assert!(!is_moderator(0, &[ROLE + 1], Some(ROLE)));

        assert_eq!(access(true, Some(MANAGE_GUILD), &[], None), Access::Allowed);
        assert_eq!(access(true, Some(0), &[ROLE], Some(ROLE)), Access::Allowed);
        assert_eq!(access(true, None, &[ROLE], Some(ROLE)), Access::Allowed);
        assert_eq!(access(true, Some(0x400), &[], None), Access::ModeratorOnly);
        assert_eq!(access(true, None, &[], Some(ROLE)), Access::ModeratorOnly);
        // A direct message is refused whatever the permissions say.
        assert_eq!(
            access(false, Some(ADMINISTRATOR), &[ROLE], Some(ROLE)),
            Access::GuildOnly
        );
    }

    #[test]
    fn days_default_and_stay_in_range() {
        assert_eq!(days(None), 7);
        assert_eq!(days(Some(0)), 1);
        assert_eq!(days(Some(30)), 30);
        assert_eq!(days(Some(100_000)), MAX_DAYS);
    }

    #[test]
    fn reload_results_are_localized_and_fit() {
        let s = snap();
        let ok = ReloadEvent::Reloaded {
            summary: ReloadSummary {
                facts: 14,
                changed: 1,
                added: 0,
                removed: 0,
                locales: 7,
            },
            regression_warning: None,
        };
        assert_eq!(
            reload_text(&s.locales, "en-US", &ok),
            "Reloaded: 14 facts (1 changed, 0 added, 0 removed), 7 locales."
        );
        assert!(reload_text(&s.locales, "de", &ok).starts_with("Neu geladen: 14 Fakten"));
        let problems: Vec<Problem> = (0..100)
            .map(|i| {
                Problem::at(
                    std::path::Path::new("knowledge/facts/aims_1.toml"),
                    i + 1,
                    ProblemKind::Io("x".repeat(80)),
                )
            })
            .collect();
        let rejected = ReloadEvent::Rejected(Invalid(problems));
        for code in s.locales.codes() {
            let t = reload_text(&s.locales, code, &rejected);
            assert!(reply::len(&t) <= reply::CONTENT_MAX, "{code}");
            assert!(t.starts_with(&s.locales.render(code, "reload-rejected", None)));
            assert!(t.contains("aims\\_1.toml:1:"), "{t}");
        }
    }

    #[test]
    fn unanswered_stats_and_settings_fit_in_every_locale() {
        let s = snap();
        let groups: Vec<Group> = (0..40)
            .map(|i| Group {
                question: format!("question {i} ").repeat(40),
                variants: vec!["v".repeat(300), "w".into()],
                count: 40 - i,
                not_helpful: i % 2,
                langs: vec![("en".into(), 3), ("de".into(), 1)],
            })
            .collect();
        let facts: Vec<FactStats> = s
            .facts
            .facts
            .iter()
            .map(|f| FactStats {
                fact: f.id.clone(),
                answered: 3,
                up: 1,
                down: 1,
            })
            .chain((0..50).map(|i| FactStats {
                fact: format!("gone-{i}"),
                answered: 1,
                up: 0,
                down: 0,
            }))
            .collect();
        let stats = Stats {
            answered: 5,
            suggested: 1,
            declined: 2,
            up: 3,
            down: 1,
        };
        let settings = GuildSettings {
            default_locale: Some("es-ES".into()),
            moderator_role: Some(42),
            log_channel: Some(43),
        };
        for code in s.locales.codes() {
            let out = unanswered_out(&s.locales, code, 7, 100, &groups);
            assert!(out.ephemeral);
            within_limits(&out);
            let empty = unanswered_out(&s.locales, code, 1, 0, &[]);
            assert_eq!(
                empty.embeds[0].description.as_deref(),
                Some(s.locales.render(code, "unanswered-empty", None).as_str())
            );
            let out = stats_out(&s, code, 7, &stats, &facts);
            within_limits(&out);
            let out = stats_out(&s, code, 1, &Stats::default(), &[]);
            within_limits(&out);
            let out = settings_out(&s.locales, code, &settings, &[1, 2], false, true);
            within_limits(&out);
        }
        let out = stats_out(&s, "en-US", 7, &stats, &facts[..1]);
        let e = &out.embeds[0];
        assert_eq!(
            e.description.as_deref(),
            Some("8 questions, 5 answered, 3 declined, 3 👍, 1 👎")
        );
        assert!(e.fields[0].value.contains("3 answers, 1 👍, 1 👎"), "{e:?}");
        let out = settings_out(&s.locales, "en-US", &settings, &[1, 2], false, true);
        let text = format!("{out:?}");
        assert!(text.contains("<#1>, <#2>") && text.contains("<@&42>") && text.contains("Español"));
        assert!(text.contains("--message-content"), "{text}");
        assert_eq!(out.content.as_deref(), Some("Settings saved."));
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape_markdown("a_b*c`d"), "a\\_b\\*c\\`d");
    }
}
