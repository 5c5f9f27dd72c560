//! Reading `knowledge/`: the brief, the fact files (TOML) and the regression set, with every problem
//! reported with its file and line.

use super::error::{line_of, Invalid, Lines, Problem, ProblemKind};
use super::fact::{Fact, FactBase, Origin};
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Fact files larger than this are refused: a real fact file is a few kilobytes, and a 50 MB file is
/// a mistake (or an attack) that must not stall a reload.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// At least this many English phrasings per fact: English is the source language and the fallback.
pub const MIN_PHRASINGS_EN: usize = 6;
/// At least this many phrasings per fact in every other language.
pub const MIN_PHRASINGS_OTHER: usize = 4;

/// A fact file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FactFile {
    #[serde(default)]
    pub(super) fact: Vec<RawFact>,
}

/// A fact as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFact {
    pub(super) id: Spanned<String>,
    #[serde(default)]
    pub(super) source: Vec<Spanned<String>>,
    #[serde(default)]
    // The phrasings' and related ids' own spans are never reported (problems with them point at
    // the fact's id line): plain strings are cheaper to deserialize than `Spanned` ones.
    pub(super) questions: BTreeMap<Spanned<String>, Vec<String>>,
    #[serde(default)]
    pub(super) keywords: Vec<String>,
    #[serde(default)]
    pub(super) related: Vec<String>,
}

/// Reads a file as UTF-8 text within [`MAX_FILE_BYTES`], or says why not.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let meta =
        std::fs::metadata(path).map_err(|e| Problem::file(path, ProblemKind::Io(e.to_string())))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::file(
            path,
            ProblemKind::TooLarge {
                size: meta.len(),
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Problem::file(path, ProblemKind::Io(e.to_string())))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..at]).into_owned();
        Problem::at(path, line_of(&text, at), ProblemKind::NotUtf8)
    })
}

/// Lists the files under `dir` whose name ends in `.ext`, sorted, skipping hidden files and editor
/// temporaries (`.#x`, `x~`, `x.swp`), which appear and vanish while someone saves.
pub fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Problem> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| Problem::file(&d, ProblemKind::Io(e.to_string())))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Loads and validates `dir` (a `knowledge/` directory): `brief.md`, every `*.toml`, and
/// `questions.tsv` when present. Returns every problem found, not just the first.
pub fn load_dir(dir: &Path) -> Result<FactBase, Invalid> {
    let mut problems = Vec::new();
    let brief_path = dir.join("brief.md");
    let brief = match read_text(&brief_path) {
        Ok(b) => b,
        Err(p) => return Err(Invalid(vec![p])),
    };
    let files: Vec<PathBuf> = files_with_ext(dir, "toml")
        .map_err(|p| Invalid(vec![p]))?
        .into_iter()
        .filter(|f| !f.ends_with(super::SYNONYMS_FILE))
        .collect();
    let synonyms = match super::Synonyms::load(&dir.join(super::SYNONYMS_FILE)) {
        Ok(s) => s,
        Err(p) => {
            problems.extend(p);
            super::Synonyms::default()
        }
    };
    // Files are read and parsed on every core, then joined in file order: the same facts and
    // problems, in the same order, as one after the other.
    let quotes = QuoteIndex::new(&brief);
    let parsed = super::par_map(&files, |file| {
        let (mut facts, mut problems) = (Vec::new(), Vec::new());
        match read_text(file) {
            Ok(text) => parse_facts_in(file, &text, &quotes, &mut facts, &mut problems),
            Err(p) => problems.push(p),
        }
        (facts, problems)
    });
    let mut facts = Vec::new();
    for (f, p) in parsed {
        facts.extend(f);
        problems.extend(p);
    }
    if facts.is_empty() && problems.is_empty() {
        problems.push(Problem::file(dir, ProblemKind::NoFacts));
    }
    let folded = check_facts_folded(&facts, &mut problems);
    let questions = dir.join("questions.tsv");
    let regression = if questions.exists() {
        match read_text(&questions).and_then(|t| crate::eval::parse(&questions, &t)) {
            Ok(cases) => cases,
            Err(p) => {
                problems.push(p);
                vec![]
            }
        }
    } else {
        vec![]
    };
    if problems.is_empty() {
        // `FactBase::new` sorts the facts by id (stably): sort them here, with their folded
        // phrasings, so that each list stays with its fact.
        let mut pairs: Vec<(Fact, Vec<(u64, String)>)> = facts.into_iter().zip(folded).collect();
        pairs.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        let (facts, folded): (Vec<Fact>, Vec<_>) = pairs.into_iter().unzip();
        let mut base = FactBase::new(brief, facts, regression);
        base.synonyms = synonyms;
        base.folded = super::fact::PreFolded::new(folded);
        Ok(base)
    } else {
        Err(Invalid(problems))
    }
}

/// Parses one fact file, checking what can be checked within it (quotes against the brief, language
/// codes, phrasing counts).
pub fn parse_facts(
    file: &Path,
    text: &str,
    brief: &str,
    facts: &mut Vec<Fact>,
    problems: &mut Vec<Problem>,
) {
    parse_facts_in(file, text, &QuoteIndex::new(brief), facts, problems);
}

/// Finds quotes in the brief without scanning all of it per quote: `brief.contains(quote)` for
/// every quoted sentence was a tenth of loading 1,000 facts (a 1,000-sentence brief, 1,000 quotes)
/// and grows with both. Every character position of the brief is listed by the first 8 bytes
/// from it, sorted; a quote is looked for only at the positions that start like it.
pub struct QuoteIndex<'a> {
    brief: &'a str,
    /// (the 8 bytes from a position, big-endian, zero-padded past the end; the position), sorted.
    starts: Vec<(u64, u32)>,
}

/// How many leading bytes of a quote [`QuoteIndex`] compares at once.
const QUOTE_PREFIX: usize = 8;

impl<'a> QuoteIndex<'a> {
    /// Lists the positions of `brief`.
    pub fn new(brief: &'a str) -> Self {
        let bytes = brief.as_bytes();
        let mut starts: Vec<(u64, u32)> = brief
            .char_indices()
            .map(|(i, _)| (prefix_key(&bytes[i..]), i as u32))
            .collect();
        starts.sort_unstable();
        QuoteIndex { brief, starts }
    }

    /// True when `quote` occurs in the brief: exactly `brief.contains(quote)`.
    pub fn contains(&self, quote: &str) -> bool {
        // Short quotes (and briefs beyond 4 GiB, which no file can be) take the plain search.
        if quote.len() < QUOTE_PREFIX || self.brief.len() > u32::MAX as usize {
            return self.brief.contains(quote);
        }
        let key = prefix_key(quote.as_bytes());
        let from = self.starts.partition_point(|&(k, _)| k < key);
        self.starts[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .any(|&(_, at)| self.brief.as_bytes()[at as usize..].starts_with(quote.as_bytes()))
    }
}

/// The first [`QUOTE_PREFIX`] bytes of `bytes` as a number, zero-padded.
fn prefix_key(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; QUOTE_PREFIX];
    let n = bytes.len().min(QUOTE_PREFIX);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(buf)
}

/// [`parse_facts`] with the brief's [`QuoteIndex`], made once per load.
fn parse_facts_in(
    file: &Path,
    text: &str,
    quotes: &QuoteIndex,
    facts: &mut Vec<Fact>,
    problems: &mut Vec<Problem>,
) {
    if text.trim().is_empty() {
        problems.push(Problem::file(file, ProblemKind::Empty));
        return;
    }
    // The common shape is read quickly; anything else, errors included, by `toml`.
    let parsed = match super::quick::fact_file(text).map_or_else(|| toml::from_str(text), Ok) {
        Ok(p) => p,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            problems.push(Problem::at(
                file,
                line,
                ProblemKind::Toml(e.message().trim().to_string()),
            ));
            return;
        }
    };
    if parsed.fact.is_empty() {
        problems.push(Problem::file(file, ProblemKind::NoFacts));
    }
    let lines = Lines::new(text);
    let at = |span: std::ops::Range<usize>| lines.line(span.start);
    for raw in parsed.fact {
        let id = raw.id.get_ref().clone();
        let id_line = at(raw.id.span());
        if !is_kebab(&id) {
            problems.push(Problem::at(file, id_line, ProblemKind::BadId(id.clone())));
        }
        if raw.source.is_empty() {
            problems.push(Problem::at(file, id_line, ProblemKind::NoSource).for_fact(&id));
        }
        for quote in &raw.source {
            if quote.get_ref().trim().is_empty() || !quotes.contains(quote.get_ref().as_str()) {
                problems.push(
                    Problem::at(
                        file,
                        at(quote.span()),
                        ProblemKind::QuoteNotInBrief(quote.get_ref().clone()),
                    )
                    .for_fact(&id),
                );
            }
        }
        let mut questions = BTreeMap::new();
        for (lang, phrasings) in raw.questions {
            match lang_of_code(lang.get_ref()) {
                Some(l) => {
                    questions.insert(l, phrasings);
                }
                None => problems.push(
                    Problem::at(
                        file,
                        at(lang.span()),
                        ProblemKind::UnknownLang(lang.get_ref().clone()),
                    )
                    .for_fact(&id),
                ),
            }
        }
        for lang in Lang::ALL {
            let count = questions.get(&lang).map_or(0, Vec::len);
            let min = if lang == Lang::En {
                MIN_PHRASINGS_EN
            } else {
                MIN_PHRASINGS_OTHER
            };
            if count < min {
                problems.push(
                    Problem::at(
                        file,
                        id_line,
                        ProblemKind::TooFewPhrasings {
                            lang: lang.code().into(),
                            count,
                            min,
                        },
                    )
                    .for_fact(&id),
                );
            }
        }
        facts.push(Fact {
            id,
            source: raw.source.into_iter().map(Spanned::into_inner).collect(),
            questions,
            keywords: raw.keywords,
            related: raw.related,
            origin: Origin {
                file: file.to_path_buf(),
                line: id_line,
            },
        });
    }
}

/// The language whose code (`en`, `zh-CN`) is `code` exactly: what parsing `code` gives when the
/// language parsed has that code, without parsing (which lower-cases into a new `String`: 70,000
/// of them at 10,000 facts).
fn lang_of_code(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == code)
}

/// Checks across facts: unique ids, related ids that exist, and no phrasing under two facts.
pub fn check_facts(facts: &[Fact], problems: &mut Vec<Problem>) {
    check_facts_folded(facts, problems);
}

/// [`check_facts`], returning every fact's phrasings folded (in `questions` order, with the
/// [`super::fact::text_hash`] of each), which the index builder would otherwise fold again.
fn check_facts_folded(facts: &[Fact], problems: &mut Vec<Problem>) -> Vec<Vec<(u64, String)>> {
    let mut ids: HashMap<&str, &Fact> = HashMap::new();
    for fact in facts {
        if let Some(first) = ids.get(fact.id.as_str()) {
            problems.push(Problem::at(
                &fact.origin.file,
                fact.origin.line,
                ProblemKind::DuplicateId {
                    id: fact.id.clone(),
                    first: first.origin.to_string(),
                },
            ));
        } else {
            ids.insert(&fact.id, fact);
        }
    }
    for fact in facts {
        for rel in &fact.related {
            if !ids.contains_key(rel.as_str()) {
                problems.push(
                    Problem::at(
                        &fact.origin.file,
                        fact.origin.line,
                        ProblemKind::UnknownRelated(rel.clone()),
                    )
                    .for_fact(&fact.id),
                );
            }
        }
    }
    // Folding every phrasing is most of this check: done on every core first, with a hash of
    // each fold for finding the repeats.
    let (folded, hashes): (Vec<_>, Vec<_>) = super::par_map(facts, |fact| {
        let folded: Vec<(u64, String)> = fact
            .questions
            .values()
            .flatten()
            .map(|p| (super::fact::text_hash(p), crate::normalise::fold(p)))
            .collect();
        let hashes = folded
            .iter()
            .map(|(_, f)| super::fact::text_hash(f))
            .collect::<Vec<u64>>();
        (folded, hashes)
    })
    .into_iter()
    .unzip();
    problems.extend(collisions(facts, &folded, &hashes));
    folded
}

/// The phrasings folded like one listed under an earlier fact, in fact and phrasing order, each
/// reported against the first fact that has it. `hashes` are the hashes of the `folded` texts:
/// sorting (hash, position) pairs finds the repeats without a map of 300,000 strings (that map,
/// whose every probe read a string from somewhere in the heap, was a twentieth of loading
/// 10,000 facts on one core); texts are compared only within runs of one hash.
fn collisions(facts: &[Fact], folded: &[Vec<(u64, String)>], hashes: &[Vec<u64>]) -> Vec<Problem> {
    let mut keyed: Vec<(u64, u32, u32)> = Vec::with_capacity(hashes.iter().map(Vec::len).sum());
    for (f, list) in hashes.iter().enumerate() {
        keyed.extend(
            list.iter()
                .enumerate()
                .map(|(j, &h)| (h, f as u32, j as u32)),
        );
    }
    // By hash, then position: each run of one hash lists its phrasings in order.
    keyed.sort_unstable();
    let text = |&(_, f, j): &(u64, u32, u32)| folded[f as usize][j as usize].1.as_str();
    let mut found: Vec<(u32, u32, Problem)> = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        for (i, this) in run.iter().enumerate() {
            // The first phrasing folded the same (itself, if none before) owns the text.
            let first = run[..i]
                .iter()
                .find(|other| text(other) == text(this))
                .unwrap_or(this);
            let (fact, other) = (&facts[this.1 as usize], &facts[first.1 as usize]);
            if other.id != fact.id {
                let phrasing = fact.questions.values().flatten().nth(this.2 as usize);
                found.push((
                    this.1,
                    this.2,
                    Problem::at(
                        &fact.origin.file,
                        fact.origin.line,
                        ProblemKind::PhrasingCollision {
                            phrasing: phrasing.expect("a phrasing of the fact").clone(),
                            other: other.id.clone(),
                        },
                    )
                    .for_fact(&fact.id),
                ));
            }
        }
    }
    found.sort_unstable_by_key(|&(f, j, _)| (f, j));
    found.into_iter().map(|(_, _, p)| p).collect()
}

/// Kebab case: lower-case ASCII letters and digits in words joined by single dashes.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIEF: &str = "Blinken is set to visit China from June 18 to June 19.\n";

    fn fact_toml(id: &str, quote: &str) -> String {
        let mut s = format!("[[fact]]\nid = \"{id}\"\nsource = [\"{quote}\"]\n[fact.questions]\n");
        s.push_str("en = [\"a1\", \"a2\", \"a3\", \"a4\", \"a5\", \"a6\"]\n");
        for l in ["es", "fr", "de", "zh-CN", "zh-TW", "ja"] {
            s.push_str(&format!(
                "\"{l}\" = [\"{l}1 {id}\", \"{l}2 {id}\", \"{l}3 {id}\", \"{l}4 {id}\"]\n"
            ));
        }
        s
    }

    fn parse(text: &str) -> (Vec<Fact>, Vec<Problem>) {
        let (mut facts, mut problems) = (vec![], vec![]);
        parse_facts(Path::new("f.toml"), text, BRIEF, &mut facts, &mut problems);
        (facts, problems)
    }

    #[test]
    fn a_valid_fact_loads() {
        let (facts, problems) = parse(&fact_toml("visit-dates", "from June 18 to June 19"));
        assert_eq!(problems, vec![]);
        assert_eq!(facts[0].id, "visit-dates");
        assert_eq!(facts[0].origin.line, 2);
        assert_eq!(facts[0].questions[&Lang::ZhTw].len(), 4);
    }

    #[test]
    fn a_quote_not_in_the_brief_is_reported_at_its_line() {
        let (_, problems) = parse(&fact_toml("visit-dates", "from June 20"));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(problems[0].fact.as_deref(), Some("visit-dates"));
        assert!(matches!(problems[0].kind, ProblemKind::QuoteNotInBrief(_)));
    }

    #[test]
    fn the_quote_index_agrees_with_contains() {
        let brief =
            "Blinken is set to visit China. Blinken is set to meet Xi.\n访问中国 on June 18.\n";
        let index = QuoteIndex::new(brief);
        let mut quotes: Vec<String> = vec![
            "".into(),
            "Bl".into(),
            "Blinken is set to meet Xi.".into(),
            "Blinken is set to meet Wang".into(),
            "访问中国 on June".into(),
            "中国 on June 18.\n".into(),
            "June 18.\n and more".into(),
        ];
        for i in 0..brief.len() {
            for j in i..=brief.len() {
                if brief.is_char_boundary(i) && brief.is_char_boundary(j) {
                    quotes.push(brief[i..j].to_string());
                    quotes.push(format!("{}x", &brief[i..j]));
                }
            }
        }
        for q in &quotes {
            assert_eq!(index.contains(q), brief.contains(q.as_str()), "{q:?}");
        }
    }

    #[test]
    fn toml_syntax_errors_carry_the_line() {
        let (_, problems) = parse("[[fact]]\nid = \"x\"\nsource = [\"unterminated]\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3), "{}", problems[0]);
        assert!(matches!(problems[0].kind, ProblemKind::Toml(_)));
    }

    #[test]
    fn a_phrasing_or_related_id_of_the_wrong_type_is_reported_at_its_line() {
        // Phrasings and related ids are read as plain strings (not `Spanned`): the TOML error
        // still carries the value's own line and the same message.
        let text = fact_toml("a", "Blinken").replace("\"a3\", ", "\n17, ");
        let (_, p) = parse(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(6), "{}", p[0]);
        assert_eq!(
            p[0].kind,
            ProblemKind::Toml("invalid type: integer `17`, expected a string".into())
        );
        let text = fact_toml("a", "Blinken")
            .replace("[fact.questions]", "related = [\n5]\n[fact.questions]");
        let (_, p) = parse(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(5), "{}", p[0]);
        assert_eq!(
            p[0].kind,
            ProblemKind::Toml("invalid type: integer `5`, expected a string".into())
        );
    }

    #[test]
    fn unknown_fields_and_languages_are_errors() {
        let (_, p) = parse(&format!("{}color = \"red\"\n", fact_toml("a", "Blinken")));
        assert!(matches!(p[0].kind, ProblemKind::Toml(_)), "{p:?}");
        let text = fact_toml("a", "Blinken").replace("\"ja\" =", "\"jp\" =");
        let (_, p) = parse(&text);
        assert!(p
            .iter()
            .any(|p| p.kind == ProblemKind::UnknownLang("jp".into())));
        assert!(p
            .iter()
            .any(|p| matches!(&p.kind, ProblemKind::TooFewPhrasings { lang, .. } if lang == "ja")));
    }

    #[test]
    fn empty_and_deeply_nested_files_are_errors_not_panics() {
        let (_, p) = parse("  \n");
        assert_eq!(p[0].kind, ProblemKind::Empty);
        let deep = format!("x = {}1{}", "[".repeat(5000), "]".repeat(5000));
        let (_, p) = parse(&deep);
        assert!(matches!(p[0].kind, ProblemKind::Toml(_)));
    }

    #[test]
    fn cross_fact_checks() {
        let (mut facts, _) = parse(&fact_toml("a", "Blinken"));
        let (b, _) = parse(&fact_toml("a", "Blinken"));
        facts.extend(b);
        facts[0].related.push("nope".into());
        let mut problems = vec![];
        check_facts(&facts, &mut problems);
        assert!(problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::DuplicateId { .. })));
        assert!(problems
            .iter()
            .any(|p| p.kind == ProblemKind::UnknownRelated("nope".into())));
    }

    #[test]
    fn the_same_phrasing_under_two_facts_collides() {
        let (mut facts, _) = parse(&fact_toml("a", "Blinken"));
        let (b, _) = parse(&fact_toml("b", "Blinken"));
        facts.extend(b);
        let mut problems = vec![];
        check_facts(&facts, &mut problems);
        // Both facts list "a1".."a6" in English.
        assert!(problems.iter().any(
            |p| matches!(&p.kind, ProblemKind::PhrasingCollision { other, .. } if other == "a")
        ));
    }

    /// The collision check as it was: a map from each folded text to the first fact with it.
    fn collisions_reference(facts: &[Fact], folded: &[Vec<(u64, String)>]) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (fact, keys) in facts.iter().zip(folded) {
            for (phrasing, (_, key)) in fact.questions.values().flatten().zip(keys) {
                match seen.get(key.as_str()) {
                    Some(&other) if other != fact.id => problems.push(
                        Problem::at(
                            &fact.origin.file,
                            fact.origin.line,
                            ProblemKind::PhrasingCollision {
                                phrasing: phrasing.clone(),
                                other: other.to_string(),
                            },
                        )
                        .for_fact(&fact.id),
                    ),
                    Some(_) => {}
                    None => {
                        seen.insert(key, &fact.id);
                    }
                }
            }
        }
        problems
    }

    #[test]
    fn collisions_are_those_of_the_reference() {
        // Facts sharing phrasings in several ways: "a1".."a6" in every fact, the same text in two
        // languages of one fact, a repeated id, texts folded alike ("A1?" and "a1").
        let mut facts = Vec::new();
        for (id, extra) in [
            ("a", ""),
            ("b", "A1?"),
            ("c", "es1 a"),
            ("a", "zh-CN1 b"),
            ("d", "x"),
        ] {
            let text = fact_toml(id, "Blinken").replace("\"de1 ", &format!("\"{extra}\", \"de1 "));
            let (f, p) = parse(&text);
            assert_eq!(p, vec![], "{text}");
            facts.extend(f);
        }
        let folded: Vec<Vec<(u64, String)>> = facts
            .iter()
            .map(|f| {
                f.questions
                    .values()
                    .flatten()
                    .map(|p| (0, crate::normalise::fold(p)))
                    .collect()
            })
            .collect();
        let want = collisions_reference(&facts, &folded);
        assert!(want.len() > 12, "{want:?}");
        let hashes = |h: &dyn Fn(&str) -> u64| -> Vec<Vec<u64>> {
            folded
                .iter()
                .map(|l| l.iter().map(|(_, t)| h(t)).collect())
                .collect()
        };
        assert_eq!(
            collisions(
                &facts,
                &folded,
                &hashes(&|t| crate::knowledge::text_hash(t))
            ),
            want
        );
        // Hashes that collide (all alike, or by length) change nothing: texts are compared.
        assert_eq!(collisions(&facts, &folded, &hashes(&|_| 7)), want);
        assert_eq!(
            collisions(&facts, &folded, &hashes(&|t| t.len() as u64)),
            want
        );
    }

    #[test]
    fn languages_are_their_codes_as_parsed() {
        let mut codes: Vec<String> = Lang::ALL.iter().map(|l| l.code().to_string()).collect();
        for c in codes.clone() {
            codes.extend([c.to_uppercase(), c.to_lowercase(), c.replace('-', "_")]);
            codes.extend([format!(" {c}"), format!("{c}-US"), c[..1].to_string()]);
        }
        codes.extend(
            ["", "jp", "en-US", "zh-Hant", "zh-HK", "zh", "es-419", "cn"].map(String::from),
        );
        codes.sort();
        codes.dedup();
        let mut found = 0;
        for c in &codes {
            let parsed = match c.parse::<Lang>() {
                Ok(l) if l.code() == c => Some(l),
                _ => None,
            };
            assert_eq!(lang_of_code(c), parsed, "{c:?}");
            found += usize::from(parsed.is_some());
        }
        assert_eq!(found, Lang::ALL.len());
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("outlook-short-term"));
        assert!(is_kebab("xi-third-term"));
        assert!(!is_kebab("Visit_dates"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("-a"));
        assert!(!is_kebab(""));
    }

    #[test]
    fn oversized_and_non_utf8_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(matches!(
            read_text(&big).unwrap_err().kind,
            ProblemKind::TooLarge { .. }
        ));
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, b"id = 1\n\xff\xfe").unwrap();
        let p = read_text(&bad).unwrap_err();
        assert_eq!((p.kind, p.line), (ProblemKind::NotUtf8, Some(2)));
    }
}
