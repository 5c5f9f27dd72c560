//! Every user-visible string, through Fluent: `locales/<locale>/*.ftl`, one directory per Discord
//! locale, `en-US` the source. Bidi isolation marks are off because Discord then fails to parse
//! mentions, timestamps and links.

use crate::knowledge::{files_with_ext, line_of, read_text, Invalid, Problem, ProblemKind};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentArgs;

/// The source locale: every other locale must have its messages, and it is the last fallback.
pub const SOURCE_LOCALE: &str = "en-US";

struct Bundle {
    code: String,
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    /// Message id -> its attribute names.
    messages: BTreeMap<String, BTreeSet<String>>,
    files: Vec<PathBuf>,
}

/// Message id -> its attribute names, in the order the files define them (then made a
/// `BTreeMap` at once): 20,000 messages a locale inserted one by one into a `BTreeMap` (a
/// descent comparing long ids that share their first characters) were a third of loading the
/// locales of 10,000 facts.
#[derive(Default)]
struct MessageTable {
    /// By id, its place in `list`.
    place: crate::matcher::FastMap<String, u32>,
    list: Vec<(String, BTreeSet<String>)>,
}

impl MessageTable {
    /// As `BTreeMap::insert`: a message defined again keeps its place and takes the new
    /// attributes; true when it was there already.
    fn insert(&mut self, id: String, attrs: BTreeSet<String>) -> bool {
        match self.place.get(&id) {
            Some(&at) => {
                self.list[at as usize].1 = attrs;
                true
            }
            None => {
                self.place.insert(id.clone(), self.list.len() as u32);
                self.list.push((id, attrs));
                false
            }
        }
    }

    /// The map (built from the list sorted: in one pass when the files define the messages
    /// in order, as generated ones do).
    fn into_map(self) -> BTreeMap<String, BTreeSet<String>> {
        let mut list = self.list;
        list.sort_by(|a, b| a.0.cmp(&b.0));
        list.into_iter().collect()
    }
}

/// The messages and attributes of `source` that `have` lacks (`message`, `message.attribute`),
/// in the order of `source`: both maps are walked once side by side, in place of a lookup in
/// `have` per message of `source`.
fn missing(
    source: &BTreeMap<String, BTreeSet<String>>,
    have: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut theirs = have.iter().peekable();
    for (msg, attrs) in source {
        while theirs.next_if(|(id, _)| *id < msg).is_some() {}
        match theirs.peek() {
            Some((id, have)) if *id == msg => {
                for a in attrs.difference(have) {
                    out.push(format!("{msg}.{a}"));
                }
            }
            _ => out.push(msg.clone()),
        }
    }
    out
}

/// The loaded locales, immutable once built.
pub struct Locales {
    bundles: Vec<Bundle>,
    ids: Vec<LanguageIdentifier>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("locales", &self.codes())
            .finish()
    }
}

impl Locales {
    /// Loads every `<dir>/<locale>/*.ftl`. Syntax errors are reported with file and line; a locale that
    /// lacks a message (or attribute) of en-US is an error too.
    pub fn load_dir(dir: &Path) -> Result<Locales, Invalid> {
        let mut problems = Vec::new();
        let mut bundles = Vec::new();
        let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| Invalid(vec![Problem::file(dir, ProblemKind::Io(e.to_string()))]))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_dir()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        subdirs.sort();
        for sub in subdirs {
            let code = sub
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let id: LanguageIdentifier = match code.parse() {
                Ok(id) => id,
                Err(_) => {
                    problems.push(Problem::file(
                        &sub,
                        ProblemKind::Io(format!("`{code}` is not a locale name")),
                    ));
                    continue;
                }
            };
            let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
            bundle.set_use_isolating(false);
            let mut messages = MessageTable::default();
            let files = match files_with_ext(&sub, "ftl") {
                Ok(f) => f,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            for file in &files {
                let text = match read_text(file) {
                    Ok(t) => t,
                    Err(p) => {
                        problems.push(p);
                        continue;
                    }
                };
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((_, errors)) => {
                        for e in errors {
                            problems.push(Problem::at(
                                file,
                                line_of(&text, e.pos.start),
                                ProblemKind::Fluent(e.kind.to_string()),
                            ));
                        }
                        continue;
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        let attrs = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                        if messages.insert(m.id.name.to_string(), attrs) {
                            problems.push(Problem::file(
                                file,
                                ProblemKind::Fluent(format!(
                                    "message `{}` is defined twice",
                                    m.id.name
                                )),
                            ));
                        }
                    }
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        problems.push(Problem::file(file, ProblemKind::Fluent(e.to_string())));
                    }
                }
            }
            bundles.push(Bundle {
                code,
                id,
                bundle,
                messages: messages.into_map(),
                files,
            });
        }
        let Some(source) = bundles.iter().find(|b| b.code == SOURCE_LOCALE) else {
            problems.push(Problem::file(dir, ProblemKind::NoSourceLocale));
            return Err(Invalid(problems));
        };
        for b in &bundles {
            let file = b
                .files
                .first()
                .cloned()
                .unwrap_or_else(|| dir.join(&b.code));
            for message in missing(&source.messages, &b.messages) {
                problems.push(Problem::file(
                    &file,
                    ProblemKind::MissingMessage { message },
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Invalid(problems));
        }
        let ids = bundles.iter().map(|b| b.id.clone()).collect();
        Ok(Locales { bundles, ids })
    }

    /// The locale codes, sorted (`de`, `en-US`, ...).
    pub fn codes(&self) -> Vec<&str> {
        self.bundles.iter().map(|b| b.code.as_str()).collect()
    }

    /// The message ids of a locale.
    pub fn message_ids(&self, locale: &str) -> Vec<&str> {
        self.find(locale)
            .map(|b| b.messages.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// True when `locale` has message `id`.
    pub fn has(&self, locale: &str, id: &str) -> bool {
        self.find(locale)
            .is_some_and(|b| b.messages.contains_key(id))
    }

    /// The best available locale for a requested one (`es-419 -> es-ES`, `en-GB -> en-US`,
    /// `zh-HK -> zh-TW`, `pt-BR -> en-US`).
    pub fn negotiate(&self, requested: &str) -> &str {
        if let Ok(lang) = requested.parse::<crate::lang::Lang>() {
            if matches!(lang, crate::lang::Lang::ZhCn | crate::lang::Lang::ZhTw) {
                if let Some(b) = self.find(lang.locale()) {
                    return &b.code;
                }
            }
        }
        let Ok(req) = requested.parse::<LanguageIdentifier>() else {
            return self.fallback();
        };
        let default = self.ids.iter().find(|i| i.to_string() == SOURCE_LOCALE);
        let got = negotiate_languages(&[req], &self.ids, default, NegotiationStrategy::Filtering);
        match got.first() {
            Some(id) => {
                let s = id.to_string();
                self.find(&s)
                    .map(|b| b.code.as_str())
                    .unwrap_or(self.fallback())
            }
            None => self.fallback(),
        }
    }

    fn fallback(&self) -> &str {
        self.find(SOURCE_LOCALE)
            .map(|b| b.code.as_str())
            .unwrap_or("en-US")
    }

    fn find(&self, locale: &str) -> Option<&Bundle> {
        self.bundles.iter().find(|b| b.code == locale)
    }

    /// Renders message `id` (or `id.attr`) in `locale`, or `None` when that locale lacks it.
    pub fn try_render(&self, locale: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let b = self.find(locale)?;
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let msg = b.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut errors = vec![];
        let text = b.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// Renders message `id` in `locale`, falling back to en-US, and to the id itself as a last resort
    /// (visible, but never a crash).
    pub fn render(&self, locale: &str, id: &str, args: Option<&FluentArgs>) -> String {
        self.try_render(locale, id, args)
            .or_else(|| self.try_render(SOURCE_LOCALE, id, args))
            .unwrap_or_else(|| id.to_string())
    }

    /// Renders with string arguments, the common case.
    pub fn render_with(&self, locale: &str, id: &str, args: &[(&str, String)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, FluentValue::from(v.clone()));
        }
        self.render(locale, id, Some(&fa))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, locale: &str, text: &str) {
        std::fs::create_dir_all(dir.join(locale)).unwrap();
        std::fs::write(dir.join(locale).join("main.ftl"), text).unwrap();
    }

    fn sample() -> (tempfile::TempDir, Locales) {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "en-US",
            "hello = Hello { $who }\ncmd = ask\n    .description = Ask\n",
        );
        write(
            dir.path(),
            "es-ES",
            "hello = Hola { $who }\ncmd = preguntar\n    .description = Preguntar\n",
        );
        write(
            dir.path(),
            "zh-TW",
            "hello = 你好 { $who }\ncmd = 問\n    .description = 問\n",
        );
        write(
            dir.path(),
            "zh-CN",
            "hello = 你好 { $who }\ncmd = 问\n    .description = 问\n",
        );
        let l = Locales::load_dir(dir.path()).unwrap();
        (dir, l)
    }

    #[test]
    fn renders_without_isolation_marks() {
        let (_d, l) = sample();
        let s = l.render_with("es-ES", "hello", &[("who", "<@123>".into())]);
        assert_eq!(s, "Hola <@123>");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(l.render("es-ES", "cmd.description", None), "Preguntar");
    }

    #[test]
    fn negotiation_falls_back_to_english() {
        let (_d, l) = sample();
        assert_eq!(l.negotiate("es-419"), "es-ES");
        assert_eq!(l.negotiate("es"), "es-ES");
        assert_eq!(l.negotiate("en-GB"), "en-US");
        assert_eq!(l.negotiate("pt-BR"), "en-US");
        assert_eq!(l.negotiate("zh-HK"), "zh-TW");
        assert_eq!(l.negotiate("zh"), "zh-CN");
        assert_eq!(l.negotiate("not a locale!"), "en-US");
    }

    #[test]
    fn missing_messages_fall_back_then_show_the_id() {
        let (_d, l) = sample();
        // A missing argument shows as its placeholder rather than failing.
        assert_eq!(l.render("fr", "hello", None), "Hello {$who}");
        assert_eq!(l.render("es-ES", "nope", None), "nope");
    }

    #[test]
    fn a_locale_missing_a_message_or_attribute_is_invalid() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "en-US", "a = A\nb = B\n    .x = X\n");
        write(dir.path(), "de", "a = A\nb = B\n");
        let err = Locales::load_dir(dir.path()).unwrap_err();
        assert!(err.to_string().contains("`b.x` is missing"), "{err}");
    }

    #[test]
    fn syntax_errors_carry_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "en-US", "a = A\nb = { $x\nc = C\n");
        let err = Locales::load_dir(dir.path()).unwrap_err();
        let p = &err.0[0];
        assert!(p.file.ends_with("en-US/main.ftl"));
        // The unterminated placeable on line 2 swallows the newline; Fluent reports the line where
        // it gave up, which is the next one.
        assert_eq!(p.line, Some(3), "{p}");
    }

    /// The message table keeps what a `BTreeMap` filled one message at a time keeps, and
    /// reports the same repeats; `missing` finds what a lookup per message does.
    #[test]
    fn message_table_and_missing_are_the_map_and_the_lookups() {
        fn next(rng: &mut u64, n: u64) -> u64 {
            *rng ^= *rng << 13;
            *rng ^= *rng >> 7;
            *rng ^= *rng << 17;
            *rng % n
        }
        fn random_map(rng: &mut u64, size: u64) -> BTreeMap<String, BTreeSet<String>> {
            let (mut table, mut map) = (MessageTable::default(), BTreeMap::new());
            for _ in 0..size {
                // Ids in order, out of order and repeated, sharing long prefixes.
                let id = format!("fact-synthetic-{:06}", next(rng, 40));
                let attrs: BTreeSet<String> = (0..next(rng, 3))
                    .map(|a| format!("a{}", next(rng, 4) + a))
                    .collect();
                assert_eq!(
                    table.insert(id.clone(), attrs.clone()),
                    map.insert(id, attrs).is_some()
                );
            }
            let table = table.into_map();
            assert_eq!(table, map);
            table
        }
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut reported = 0;
        for round in 0..200 {
            let size = next(&mut rng, 60);
            let source = random_map(&mut rng, size);
            let size = if round % 10 == 0 {
                0
            } else {
                next(&mut rng, 60)
            };
            let have = random_map(&mut rng, size);
            let mut want = Vec::new();
            for (msg, attrs) in &source {
                match have.get(msg) {
                    None => want.push(msg.clone()),
                    Some(h) => want.extend(attrs.difference(h).map(|a| format!("{msg}.{a}"))),
                }
            }
            assert_eq!(missing(&source, &have), want);
            reported += want.len();
        }
        assert!(reported > 100, "{reported}");
    }

    #[test]
    fn without_en_us_nothing_loads() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "de", "a = A\n");
        let err = Locales::load_dir(dir.path()).unwrap_err();
        assert_eq!(err.0[0].kind, ProblemKind::NoSourceLocale);
    }
}
