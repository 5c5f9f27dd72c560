//! The questions the bot declined or whose answer got 👎, grouped for moderators: near-duplicates
//! ("when is xi visiting the us", "When will Xi visit the US?") count as one question, so that the
//! most asked gaps of the fact base come first.
//!
//! Pure: [`group`] takes the log's entries and the synonym groups and returns the groups. `/unanswered`
//! and `attache unanswered` print its result.
//!
//! Two questions are near-duplicates when the sets of their content terms (stop words and punctuation
//! dropped, words stemmed and mapped to their synonym group, CJK characters one by one, as the matcher
//! reads them) overlap by at least [`SIMILARITY`] (Jaccard: shared terms over all terms). Each group is
//! compared through its most frequent wording only, so groups never chain into one another.

use crate::knowledge::Synonyms;
use crate::lang::Lang;
use crate::matcher::analyse_folded;
use crate::normalise::fold;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Two wordings whose content terms overlap at least this much (Jaccard) are one question.
pub const SIMILARITY: f64 = 0.5;

/// At most this many log entries are read for one report.
pub const READ_MAX: usize = 10_000;

/// One entry of the log, as [`group`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked<'a> {
    /// The question (normalised or not: it is folded again).
    pub question: &'a str,
    /// Its language code (`en`, `zh-CN`, ...).
    pub lang: &'a str,
    /// An answer marked 👎 (else: declined).
    pub not_helpful: bool,
}

/// Near-duplicate questions, counted together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The most frequent wording (folded).
    pub question: String,
    /// The other wordings, most frequent first.
    pub variants: Vec<String>,
    /// How many times the group was asked.
    pub count: usize,
    /// How many of those were answers marked 👎 (the others were declined).
    pub not_helpful: usize,
    /// Language codes with their counts, most frequent first.
    pub langs: Vec<(String, usize)>,
}

/// The content terms of a question, as the matcher reads it in `lang` (English when the code is
/// unknown): stop words and punctuation dropped, words stemmed and mapped to their synonym group,
/// CJK text one term per content character.
pub fn terms(question: &str, lang: &str, synonyms: &Synonyms) -> BTreeSet<String> {
    let lang = lang.parse::<Lang>().unwrap_or(Lang::En);
    analyse_folded(&fold(question), lang, synonyms)
        .into_iter()
        .filter_map(|slot| slot.keys.into_iter().next().map(|(key, _)| key))
        .collect()
}

/// Shared terms over all terms; 0 when both are empty.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// True when two term sets are near-duplicates.
pub fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    jaccard(a, b) >= SIMILARITY
}

/// One wording, with everything counted for it.
struct Wording {
    text: String,
    count: usize,
    not_helpful: usize,
    langs: BTreeMap<String, usize>,
    terms: BTreeSet<String>,
    first: usize,
}

/// Groups near-duplicate questions; the most asked group first (ties: alphabetical).
pub fn group(entries: &[Asked<'_>], synonyms: &Synonyms) -> Vec<Group> {
    // 1. Identical wordings (after folding).
    let mut wordings: Vec<Wording> = Vec::new();
    let mut by_text: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let text = fold(e.question);
        if text.is_empty() {
            continue;
        }
        let w = match by_text.get(&text) {
            Some(&w) => w,
            None => {
                by_text.insert(text.clone(), wordings.len());
                wordings.push(Wording {
                    terms: terms(&text, e.lang, synonyms),
                    text,
                    count: 0,
                    not_helpful: 0,
                    langs: BTreeMap::new(),
                    first: i,
                });
                wordings.len() - 1
            }
        };
        let w = &mut wordings[w];
        w.count += 1;
        w.not_helpful += usize::from(e.not_helpful);
        *w.langs.entry(e.lang.to_string()).or_default() += 1;
    }
    // 2. Most frequent wordings first (ties: those in the most common language, then the first
    //    seen): each becomes a group of its own, or joins the group whose first (most frequent)
    //    wording it is most similar to.
    let mut lang_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries {
        *lang_counts.entry(e.lang).or_default() += 1;
    }
    let main_lang = |w: &Wording| {
        w.langs
            .keys()
            .map(|l| lang_counts.get(l.as_str()).copied().unwrap_or(0))
            .max()
            .unwrap_or(0)
    };
    wordings.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(main_lang(b).cmp(&main_lang(a)))
            .then(a.first.cmp(&b.first))
    });
    let mut groups: Vec<(BTreeSet<String>, Group, BTreeMap<String, usize>)> = Vec::new();
    for w in wordings {
        let best = groups
            .iter()
            .enumerate()
            .map(|(i, (t, _, _))| (i, jaccard(t, &w.terms)))
            .filter(|&(_, s)| s >= SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((i, _)) => {
                let (_, g, langs) = &mut groups[i];
                g.count += w.count;
                g.not_helpful += w.not_helpful;
                g.variants.push(w.text);
                for (l, n) in w.langs {
                    *langs.entry(l).or_default() += n;
                }
            }
            None => groups.push((
                w.terms,
                Group {
                    question: w.text,
                    variants: vec![],
                    count: w.count,
                    not_helpful: w.not_helpful,
                    langs: vec![],
                },
                w.langs,
            )),
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|(_, mut g, langs)| {
            let mut langs: Vec<(String, usize)> = langs.into_iter().collect();
            langs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            g.langs = langs;
            g
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.question.cmp(&b.question)));
    out
}

/// The languages of a group, `en 3, de 1` (the count only when above 1).
pub fn langs_line(g: &Group) -> String {
    g.langs
        .iter()
        .map(|(l, n)| {
            if *n > 1 {
                format!("{l} {n}")
            } else {
                l.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// [`group`] over store entries.
pub fn group_log(log: &[crate::store::Unanswered], synonyms: &Synonyms) -> Vec<Group> {
    let entries: Vec<Asked<'_>> = log
        .iter()
        .map(|u| Asked {
            question: &u.question,
            lang: &u.lang,
            not_helpful: u.reason == crate::store::UnansweredReason::NotHelpful,
        })
        .collect();
    group(&entries, synonyms)
}

/// Options of `attache unanswered`.
#[derive(Debug, Clone, clap::Args)]
pub struct UnansweredArgs {
    /// The period: the last N days (today included).
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub days: u32,
    /// The bot's database: the one `attache serve` uses.
    #[command(flatten)]
    pub database: crate::store::DatabaseArgs,
    /// One JSON array of the groups.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    days: u32,
    questions: usize,
    groups: &'a [Group],
}

/// `attache unanswered`: the questions of every server (and of direct messages) over the period,
/// grouped, most frequent first. Synonyms come from `<knowledge>/synonyms.toml` when it loads.
pub fn run(
    args: &UnansweredArgs,
    knowledge: &Path,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let location = args.database.location();
    if let crate::store::Location::Sqlite(path) = &location {
        if !path.exists() {
            anyhow::bail!(
                "no database at {}: pass the one `attache serve` uses with --database",
                path.display()
            );
        }
    }
    let store = crate::store::Store::open_location(&location)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", location.display()))?;
    let synonyms =
        crate::knowledge::Synonyms::load(&knowledge.join(crate::knowledge::SYNONYMS_FILE))
            .unwrap_or_default();
    // The same period as `/stats` and `/unanswered`: whole UTC days, today included.
    let since = crate::store::period_start(crate::store::now(), args.days);
    let log = store.unanswered_everywhere_since(since, READ_MAX)?;
    let groups = group_log(&log, &synonyms);
    write_report(args.days, log.len(), &groups, args.json, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The text (or JSON) report of `attache unanswered`.
pub fn write_report(
    days: u32,
    questions: usize,
    groups: &[Group],
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    if json {
        let r = Report {
            days,
            questions,
            groups,
        };
        return writeln!(out, "{}", serde_json::to_string(&r).expect("serialises"));
    }
    let period = if days == 1 {
        "the last day".to_string()
    } else {
        format!("the last {days} days")
    };
    if groups.is_empty() {
        return writeln!(out, "No unanswered questions in {period}.");
    }
    writeln!(
        out,
        "Unanswered questions in {period}: {questions} in {} group(s), most frequent first.",
        groups.len()
    )?;
    for g in groups {
        let mut line = format!("{:>5}  {}  [{}]", g.count, g.question, langs_line(g));
        if g.not_helpful > 0 {
            line.push_str(&format!("  (👎 {})", g.not_helpful));
        }
        writeln!(out, "{line}")?;
        for v in &g.variants {
            writeln!(out, "         also: {v}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked<'a>(question: &'a str, lang: &'a str) -> Asked<'a> {
        Asked {
            question,
            lang,
            not_helpful: false,
        }
    }

    fn shipped_synonyms() -> Synonyms {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        Synonyms::load(&dir.join(crate::knowledge::SYNONYMS_FILE)).unwrap_or_default()
    }

    #[test]
    fn near_duplicates_are_one_group() {
        for synonyms in [Synonyms::default(), shipped_synonyms()] {
            let a = terms("when is xi visiting the us", "en", &synonyms);
            let b = terms("When will Xi visit the US?", "en", &synonyms);
            assert!(similar(&a, &b), "{a:?} / {b:?}");
            let groups = group(
                &[
                    asked("when is xi visiting the us", "en"),
                    asked("When will Xi visit the US?", "en"),
                    asked("when is xi visiting the us", "en"),
                ],
                &synonyms,
            );
            assert_eq!(groups.len(), 1, "{groups:#?}");
            let g = &groups[0];
            assert_eq!(g.count, 3);
            assert_eq!(g.question, "when is xi visiting the us");
            assert_eq!(g.variants, ["when will xi visit the us"]);
            assert_eq!(g.langs, [("en".to_string(), 3)]);
        }
    }

    #[test]
    fn unrelated_questions_stay_apart() {
        let synonyms = shipped_synonyms();
        let groups = group(
            &[
                asked("When will Xi visit the US?", "en"),
                asked("What will the weather be like on Mars?", "en"),
                asked("Who won the football match yesterday?", "en"),
                asked("When is Blinken visiting China?", "en"),
                asked("Wie wird das Wetter morgen?", "de"),
                asked("习近平什么时候访问美国？", "zh-CN"),
                asked("天气怎么样？", "zh-CN"),
            ],
            &synonyms,
        );
        assert_eq!(groups.len(), 7, "{groups:#?}");
        assert!(groups.iter().all(|g| g.count == 1 && g.variants.is_empty()));
    }

    #[test]
    fn the_most_asked_come_first_with_their_languages() {
        let synonyms = Synonyms::default();
        let mut entries = vec![asked("who won the match", "en")];
        for _ in 0..2 {
            entries.push(asked("wann besucht xi die usa", "de"));
        }
        entries.push(Asked {
            question: "Wann besucht Xi die USA?",
            lang: "de",
            not_helpful: true,
        });
        entries.push(asked("wann besucht xi die usa", "en"));
        entries.push(asked("   ", "en"));
        let groups = group(&entries, &synonyms);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].question, fold("wann besucht xi die usa"));
        assert_eq!(groups[0].count, 4);
        assert_eq!(groups[0].not_helpful, 1);
        assert_eq!(
            groups[0].langs,
            [("de".to_string(), 3), ("en".to_string(), 1)]
        );
        assert_eq!(langs_line(&groups[0]), "de 3, en");
        assert_eq!(groups[1].question, "who won the match");
    }

    #[test]
    fn questions_without_content_words_group_only_when_identical() {
        let s = Synonyms::default();
        let groups = group(
            &[
                asked("is it", "en"),
                asked("is it", "en"),
                asked("was it", "en"),
            ],
            &s,
        );
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].count, 2);
    }

    #[test]
    fn the_command_reads_every_server_over_the_period() {
        use crate::store::{Store, Unanswered, UnansweredReason};
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("attache.db");
        let args = UnansweredArgs {
            days: 7,
            database: crate::store::DatabaseArgs {
                path: db.clone(),
                url: None,
            },
            json: false,
        };
        let knowledge = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let err = run(&args, &knowledge, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("--database"), "{err}");
        assert!(!db.exists(), "a missing database is not created");
        let store = Store::open(&db).unwrap();
        let now = crate::store::now();
        // "The last 7 days" are whole UTC days, today included, as `/stats` counts them: the
        // second before that period is out even though it is less than 7 × 24 h ago. (The
        // question inside is a day into the period, so that midnight passing between `now` here
        // and in `run` cannot move it out.)
        let start = crate::store::period_start(now, 7);
        for (q, guild, at) in [
            ("when is xi visiting the us", Some(1), now),
            ("When will Xi visit the US?", None, now - 86_400),
            ("when does xi visit the us", Some(3), start + 86_400),
            ("who is the french president", Some(3), start - 1),
            ("who won the match", Some(2), now - 30 * 86_400),
        ] {
            store
                .log_unanswered(&Unanswered {
                    question: fold(q),
                    lang: "en".into(),
                    asked_at: at,
                    guild_id: guild,
                    reason: UnansweredReason::Declined,
                    fact: None,
                })
                .unwrap();
        }
        drop(store);
        let mut out = Vec::new();
        run(&args, &knowledge, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("3 in 1 group(s)"), "{text}");
        assert!(!text.contains("match"), "{text}");
        assert!(!text.contains("french"), "{text}");
        let mut out = Vec::new();
        let all = UnansweredArgs {
            days: 60,
            json: true,
            ..args
        };
        run(&all, &knowledge, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["questions"], 5);
        assert_eq!(v["groups"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn the_report_lists_groups_and_variants() {
        let groups = group(
            &[
                asked("when is xi visiting the us", "en"),
                asked("When will Xi visit the US?", "en"),
            ],
            &Synonyms::default(),
        );
        let mut text = Vec::new();
        write_report(7, 2, &groups, false, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains("    2  when is xi visiting the us  [en 2]"),
            "{text}"
        );
        assert!(text.contains("also: when will xi visit the us"), "{text}");
        let mut json = Vec::new();
        write_report(7, 2, &groups, true, &mut json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["groups"][0]["count"], 2);
        assert_eq!(v["groups"][0]["langs"][0], serde_json::json!(["en", 2]));
        let mut empty = Vec::new();
        write_report(1, 0, &[], false, &mut empty).unwrap();
        assert_eq!(
            String::from_utf8(empty).unwrap(),
            "No unanswered questions in the last day.\n"
        );
    }
}
