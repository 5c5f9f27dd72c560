//! The slash commands, one file each. They are thin: they gather the user's locale and settings,
//! call a pure function of the core or of [`super::reply`], and send what it returns.

pub mod ask;
pub mod facts;
pub mod help;
pub mod language;
pub mod reload;
pub mod settings;
pub mod stats;
pub mod summary;
pub mod unanswered;

use super::{localize, Data, Error};
use crate::engine::Snapshot;
use crate::i18n::Locales;
use poise::serenity_prelude as serenity;
use std::io::Write;

/// Every command path, in the order `/help` lists them.
pub const PATHS: [&[&str]; 6] = [
    &["ask"],
    &["summary"],
    &["facts", "list"],
    &["facts", "show"],
    &["language"],
    &["help"],
];

/// The moderator commands' paths (guild-only, Manage Server by default, checked again when run).
pub const MODERATOR_PATHS: [&[&str]; 9] = [
    &["reload"],
    &["unanswered"],
    &["stats"],
    &["settings", "show"],
    &["settings", "enable-channel"],
    &["settings", "disable-channel"],
    &["settings", "language"],
    &["settings", "moderator-role"],
    &["settings", "log-channel"],
];

/// The names of the moderator commands.
pub const MODERATOR_COMMANDS: [&str; 4] = ["reload", "unanswered", "stats", "settings"];

/// Every command, localized from the Fluent files.
pub fn all(loc: &Locales) -> Vec<poise::Command<Data, Error>> {
    let mut commands = vec![
        ask::ask(),
        summary::summary(),
        facts::facts(),
        language::language(),
        help::help(),
        reload::reload(),
        unanswered::unanswered(),
        stats::stats(),
        settings::settings(),
    ];
    localize::apply(loc, &mut commands);
    commands
}

/// What the bot sends to `PUT /applications/{id}/commands`.
pub fn registration(loc: &Locales) -> Vec<serenity::CreateCommand> {
    poise::builtins::create_application_commands(&all(loc))
}

/// [`registration`] as JSON (object keys sorted, so the output is stable).
pub fn registration_json(loc: &Locales) -> serde_json::Value {
    serde_json::to_value(registration(loc)).expect("commands always serialise")
}

/// `/name – description` for every command, in `locale`.
pub fn command_lines(loc: &Locales, locale: &str) -> Vec<(String, String)> {
    PATHS
        .iter()
        .map(|p| {
            (
                localize::slash_name(loc, locale, p),
                localize::description(loc, locale, p),
            )
        })
        .collect()
}

/// `/name – description` for every moderator command, in `locale`.
pub fn moderator_lines(loc: &Locales, locale: &str) -> Vec<(String, String)> {
    MODERATOR_PATHS
        .iter()
        .map(|p| {
            (
                localize::slash_name(loc, locale, p),
                localize::description(loc, locale, p),
            )
        })
        .collect()
}

/// `attache commands`: the registration JSON (`--json`), or the commands in every locale (the
/// moderator commands after the others).
pub fn print(snap: &Snapshot, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let loc = &snap.locales;
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&registration_json(loc))?
        )?;
        return Ok(());
    }
    for code in loc.codes() {
        writeln!(out, "{code}")?;
        for (name, description) in command_lines(loc, code)
            .into_iter()
            .chain(moderator_lines(loc, code))
        {
            writeln!(out, "  {name:<36} {description}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn snap() -> Snapshot {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap()
    }

    /// Checks names and descriptions of a command or option, and its localizations.
    fn check(item: &Value, codes: &[&str], what: &str) {
        let name = item["name"].as_str().unwrap();
        assert!(localize::valid_name(name), "{what}: {name}");
        let d = item["description"].as_str().unwrap_or("");
        assert!(localize::valid_description(d), "{what}: description {d:?}");
        for code in codes {
            let n = item["name_localizations"][code].as_str();
            let n = n.unwrap_or_else(|| panic!("{what}: no {code} name"));
            assert!(localize::valid_name(n), "{what} {code}: {n}");
            let d = item["description_localizations"][code].as_str();
            let d = d.unwrap_or_else(|| panic!("{what}: no {code} description"));
            assert!(localize::valid_description(d), "{what} {code}: {d}");
        }
        for (i, o) in item["options"].as_array().into_iter().flatten().enumerate() {
            check(o, codes, &format!("{what}/{i}"));
            for c in o["choices"].as_array().into_iter().flatten() {
                let n = c["name"].as_str().unwrap();
                assert!((1..=100).contains(&n.chars().count()));
                for code in codes {
                    assert!(
                        c["name_localizations"][code].is_string(),
                        "{what}: choice {n} {code}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_command_and_option_is_localized_in_every_locale() {
        let s = snap();
        let codes = s.locales.codes();
        assert_eq!(codes.len(), 7);
        let v = registration_json(&s.locales);
        let list = v.as_array().unwrap();
        let names: Vec<&str> = list.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "ask",
                "summary",
                "facts",
                "language",
                "help",
                "reload",
                "unanswered",
                "stats",
                "settings"
            ]
        );
        for c in list {
            check(c, &codes, c["name"].as_str().unwrap());
            // Moderator commands: Manage Server by default, servers only; the others for everyone.
            let name = c["name"].as_str().unwrap();
            if MODERATOR_COMMANDS.contains(&name) {
                assert_eq!(c["default_member_permissions"], "32", "{name}");
                assert_eq!(c["contexts"], serde_json::json!([0]), "{name}");
            } else {
                assert!(c.get("default_member_permissions").is_none(), "{name}");
            }
        }
        // Names are unique per locale at each level, as Discord requires.
        for code in &codes {
            let mut seen: Vec<&str> = list
                .iter()
                .map(|c| c["name_localizations"][code].as_str().unwrap())
                .collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), list.len(), "{code}");
        }
        // Aliases for Discord locales without a directory of their own.
        assert_eq!(list[0]["name_localizations"]["es-419"], "preguntar");
    }

    #[test]
    fn en_us_names_match_the_code() {
        let s = snap();
        for path in PATHS
            .iter()
            .chain(MODERATOR_PATHS.iter())
            .chain([&["settings"][..]].iter())
        {
            let id = localize::message_id(path);
            assert_eq!(
                s.locales.render("en-US", &id, None),
                *path.last().unwrap(),
                "{id}"
            );
        }
        for (path, option) in [
            (&["ask"][..], "question"),
            (&["summary"][..], "length"),
            (&["facts", "show"][..], "id"),
            (&["language"][..], "locale"),
            (&["unanswered"][..], "days"),
            (&["stats"][..], "days"),
            (&["settings", "enable-channel"][..], "channel"),
            (&["settings", "disable-channel"][..], "channel"),
            (&["settings", "language"][..], "locale"),
            (&["settings", "moderator-role"][..], "role"),
            (&["settings", "log-channel"][..], "channel"),
        ] {
            let id = localize::message_id(&[path, &[option]].concat());
            assert_eq!(s.locales.render("en-US", &id, None), option, "{id}");
        }
    }

    #[test]
    fn help_lists_commands_in_the_users_language() {
        let s = snap();
        let lines = command_lines(&s.locales, "de");
        assert_eq!(lines[0].0, "/frage");
        assert_eq!(lines[3].0, "/themen anzeigen");
        assert!(lines.iter().all(|(_, d)| !d.is_empty()));
    }
}
