//! Prints, for a set of questions, what `answer()` and the ranking decide, with full-precision
//! scores: the reply (outcome, fact, score, suggestions) and the first [`SHOWN`] ranked facts. Diffing two
//! dumps shows whether a matcher change altered any decision or score, which the rounded figures
//! of `attache eval` and `attache ask --json` could hide.
//!
//! `cargo run --release --example rankdump -- real FILE.tsv...` (the shipped base, the questions of
//! the evaluation files plus the benchmarks' mix), or `-- N` (a synthetic base of N facts and 300
//! perturbed questions, as in the benchmarks).

#[path = "../benches/common/mod.rs"]
mod common;

use attache::answer::{answer, rank_wanted, Hints, RELATED_FLOOR};
use attache::engine::Snapshot;
use attache::matcher::Wanted;
use std::path::Path;

/// Ranked facts printed per question: as many as `answer()` ever looks at.
const SHOWN: usize = attache::answer::MAX_SUGGESTIONS;

fn dump(snap: &Snapshot, questions: &[String]) {
    for q in questions {
        let reply = answer(snap, q, &Hints::default());
        // The head of the whole ranking, not only what the reply reads (an answer reads one fact):
        // the scores of the runners-up show changes that the reply would hide.
        let (detected, ranked) = rank_wanted(snap, q, Wanted::head(SHOWN, RELATED_FLOOR));
        let top: Vec<String> = ranked
            .iter()
            .take(SHOWN)
            .map(|s| format!("{}={:?}", snap.index.fact_id(s.fact), s.score))
            .collect();
        let sugg: Vec<&str> = reply.suggestions.iter().map(|s| s.id.as_str()).collect();
        println!(
            "{q}\t{}\t{:?}\t{:?}\t{:?}\t{}\t{}",
            detected.lang,
            reply.outcome,
            reply.fact,
            reply.score,
            sugg.join(","),
            top.join(" ")
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("real") => {
            let snap = common::real_snapshot();
            let mut questions: Vec<String> = common::REAL_QUESTIONS
                .iter()
                .map(|s| s.to_string())
                .collect();
            for f in &args[1..] {
                let text = std::fs::read_to_string(f).expect("readable file");
                let cases = attache::eval::parse(Path::new(f), &text).expect("valid eval file");
                questions.extend(cases.into_iter().map(|c| c.question));
            }
            dump(&snap, &questions);
        }
        Some(n) => {
            let n: usize = n.parse().expect("a number of facts, or `real`");
            let base = common::SynthBase::new(n);
            let snap = base.load();
            let questions: Vec<String> = common::perturbed_questions(&snap, 300, 7)
                .into_iter()
                .map(|(q, _)| q)
                .collect();
            dump(&snap, &questions);
        }
        None => eprintln!("usage: rankdump real FILE.tsv... | rankdump N"),
    }
}
