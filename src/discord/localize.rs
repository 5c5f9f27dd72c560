//! Slash command names and descriptions from the Fluent files (`locales/<locale>/commands.ftl`), as
//! in poise's `fluent_localization` example: every command, subcommand, option and choice gets
//! `name_localizations`/`description_localizations` for every locale, en-US being the default.
//!
//! Message ids follow the command path: `cmd-facts-show` (the `show` subcommand of `facts`),
//! `cmd-facts-show-id` (its `id` option), `cmd-summary-length-short` (a choice). Names are the
//! message values, descriptions their `.description` attributes.

use crate::i18n::{Locales, SOURCE_LOCALE};
use std::borrow::Cow;

/// Discord locales without a directory of their own, and the locale they are given.
pub const LOCALE_ALIASES: [(&str, &str); 2] = [("en-GB", "en-US"), ("es-419", "es-ES")];

/// Longest command or option name.
pub const NAME_MAX: usize = 32;
/// Longest command or option description.
pub const DESCRIPTION_MAX: usize = 100;
/// Longest choice label.
pub const CHOICE_MAX: usize = 100;

/// The Fluent message id of a command path (`["facts", "show", "id"]` -> `cmd-facts-show-id`).
pub fn message_id(path: &[&str]) -> String {
    format!("cmd-{}", path.join("-"))
}

/// True for a name Discord accepts: `^[-_'\p{L}\p{N}]{1,32}$`, in lower case.
pub fn valid_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=NAME_MAX).contains(&n)
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c == '\'' || c.is_alphanumeric())
        && name.to_lowercase() == name
}

/// True for a description Discord accepts (1 to 100 characters).
pub fn valid_description(d: &str) -> bool {
    (1..=DESCRIPTION_MAX).contains(&d.chars().count())
}

/// The Discord locales to localize for, each with the Fluent locale that serves it: every loaded
/// locale, plus [`LOCALE_ALIASES`] whose target is loaded.
pub fn discord_locales(loc: &Locales) -> Vec<(String, String)> {
    let codes = loc.codes();
    let mut out: Vec<(String, String)> = codes
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    for (alias, target) in LOCALE_ALIASES {
        if codes.contains(&target) && !codes.contains(&alias) {
            out.push((alias.to_string(), target.to_string()));
        }
    }
    out
}

fn name_in(loc: &Locales, locale: &str, id: &str) -> Option<String> {
    let n = loc.try_render(locale, id, None)?;
    let n = n.trim().to_string();
    if valid_name(&n) {
        Some(n)
    } else {
        tracing::warn!(locale, id, name = %n, "not a valid Discord command name; left out");
        None
    }
}

fn description_in(loc: &Locales, locale: &str, id: &str) -> Option<String> {
    let d = loc.try_render(locale, &format!("{id}.description"), None)?;
    let d = super::reply::cut(d.trim(), DESCRIPTION_MAX);
    (!d.is_empty()).then_some(d)
}

/// The label of a choice in a locale: its own message, else, for a choice named after a locale
/// (`de`), that locale's `language-name`.
fn choice_label(loc: &Locales, locale: &str, id: &str, choice: &str) -> Option<String> {
    loc.try_render(locale, id, None)
        .or_else(|| {
            loc.codes()
                .contains(&choice)
                .then(|| loc.render(choice, "language-name", None))
        })
        .map(|l| super::reply::cut(l.trim(), CHOICE_MAX))
}

/// Localizes `commands` (and, recursively, their subcommands) in place. The default (en-US) names
/// stay those of the code, because Discord sends them back in interactions.
pub fn apply<U, E>(loc: &Locales, commands: &mut [poise::Command<U, E>]) {
    for command in commands {
        apply_one(loc, &[], command);
    }
}

fn apply_one<U, E>(loc: &Locales, parent: &[&str], command: &mut poise::Command<U, E>) {
    let name = command.name.to_string();
    let mut path: Vec<&str> = parent.to_vec();
    path.push(&name);
    let id = message_id(&path);
    let locales = discord_locales(loc);
    if let Some(en) = loc.try_render(SOURCE_LOCALE, &id, None) {
        if en.trim() != name {
            tracing::warn!(id, en = en.trim(), code = %name, "the en-US command name must match the code; keeping the code's");
        }
    }
    let (mut names, mut descriptions) = (Vec::new(), Vec::new());
    for (discord, ours) in &locales {
        if let Some(n) = name_in(loc, ours, &id) {
            names.push((Cow::Owned(discord.clone()), Cow::Owned(n)));
        }
        if let Some(d) = description_in(loc, ours, &id) {
            descriptions.push((Cow::Owned(discord.clone()), Cow::Owned(d)));
        }
    }
    command.name_localizations = Cow::Owned(names);
    command.description_localizations = Cow::Owned(descriptions);
    if let Some(d) = description_in(loc, SOURCE_LOCALE, &id) {
        command.description = Some(Cow::Owned(d));
    }
    for param in &mut command.parameters {
        let pname = param.name.to_string();
        let mut ppath = path.clone();
        ppath.push(&pname);
        let pid = message_id(&ppath);
        let (mut names, mut descriptions) = (Vec::new(), Vec::new());
        for (discord, ours) in &locales {
            if let Some(n) = name_in(loc, ours, &pid) {
                names.push((Cow::Owned(discord.clone()), Cow::Owned(n)));
            }
            if let Some(d) = description_in(loc, ours, &pid) {
                descriptions.push((Cow::Owned(discord.clone()), Cow::Owned(d)));
            }
        }
        param.name_localizations = Cow::Owned(names);
        param.description_localizations = Cow::Owned(descriptions);
        if let Some(d) = description_in(loc, SOURCE_LOCALE, &pid) {
            param.description = Some(Cow::Owned(d));
        }
        for choice in param.choices.to_mut().iter_mut() {
            let cname = choice.name.to_string();
            let cid = message_id(&[ppath.as_slice(), &[cname.as_str()]].concat());
            let mut labels = Vec::new();
            for (discord, ours) in &locales {
                if let Some(l) = choice_label(loc, ours, &cid, &cname) {
                    labels.push((Cow::Owned(discord.clone()), Cow::Owned(l)));
                }
            }
            if let Some(l) = choice_label(loc, SOURCE_LOCALE, &cid, &cname) {
                choice.name = Cow::Owned(l);
            }
            choice.localizations = Cow::Owned(labels);
        }
    }
    for sub in &mut command.subcommands {
        apply_one(loc, &path, sub);
    }
}

/// `/name` of a command path in a locale (`["facts", "show"]` -> `/themen anzeigen` in German),
/// falling back to the code's names.
pub fn slash_name(loc: &Locales, locale: &str, path: &[&str]) -> String {
    let mut parts = Vec::new();
    for i in 0..path.len() {
        let id = message_id(&path[..=i]);
        parts.push(name_in(loc, locale, &id).unwrap_or_else(|| path[i].to_string()));
    }
    format!("/{}", parts.join(" "))
}

/// The description of a command path in a locale.
pub fn description(loc: &Locales, locale: &str, path: &[&str]) -> String {
    let id = message_id(path);
    description_in(loc, locale, &id)
        .or_else(|| description_in(loc, SOURCE_LOCALE, &id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_names() {
        for ok in [
            "ask",
            "zusammenfassung",
            "résumé",
            "提问",
            "ヘルプ",
            "facts-show",
            "it's",
        ] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in ["", "Ask", "two words", "ask!", &"a".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
        assert!(valid_description("Ask a question"));
        assert!(!valid_description(""));
        assert!(!valid_description(&"x".repeat(101)));
    }

    #[test]
    fn message_ids_follow_the_path() {
        assert_eq!(message_id(&["ask"]), "cmd-ask");
        assert_eq!(message_id(&["facts", "show", "id"]), "cmd-facts-show-id");
    }
}
