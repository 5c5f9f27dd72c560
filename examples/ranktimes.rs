//! Times each of the benchmarks' questions on its own (median of `REPS` runs of `rank()`) and
//! prints them slowest first, with the reply's outcome, to see which questions make the tail.
//!
//! `cargo run --release --example ranktimes -- BASE [REPS] [MODE]`, BASE `real` or a number of
//! synthetic facts (50 perturbed questions, as in `benches/matching.rs`). MODE `head` times the
//! head of the whole ranking ([`Wanted::head`], what `rank()` returned before it was cut to what
//! the reply reads); MODE `cjk` ranks only the questions written in CJK characters, `REPS` times,
//! without timing them, for callgrind (`--toggle-collect='attache::answer::rank_wanted'`).

#[path = "../benches/common/mod.rs"]
mod common;

use attache::answer::{answer, rank_wanted, wanted, Hints, MAX_SUGGESTIONS, RELATED_FLOOR};
use attache::matcher::Wanted;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reps: usize = args
        .get(1)
        .map_or(21, |r| r.parse().expect("a number of repetitions"))
        .max(1);
    let mode = args.get(2).map(String::as_str);
    let (snap, questions, _base) = common::named_base(args.first().map(String::as_str));
    let want = match mode {
        Some("head") => Wanted::head(MAX_SUGGESTIONS, RELATED_FLOOR),
        _ => wanted(&Hints::default()),
    };
    if mode == Some("cjk") {
        let cjk: Vec<&String> = questions
            .iter()
            .filter(|q| q.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)))
            .collect();
        for _ in 0..reps {
            for q in &cjk {
                black_box(rank_wanted(&snap, black_box(q), want));
            }
        }
        eprintln!("{} CJK questions, {reps} times", cjk.len());
        return;
    }
    let mut rows = Vec::new();
    for q in &questions {
        let mut times: Vec<f64> = (0..reps)
            .map(|_| {
                let t = Instant::now();
                black_box(rank_wanted(&snap, black_box(q), want));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let outcome = answer(&snap, q, &Hints::default()).outcome;
        rows.push((times[reps / 2], outcome, q.clone()));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, outcome, q) in &rows {
        println!("{t:9.1} µs  {outcome:<8?} {q}");
    }
    let mut t: Vec<f64> = rows.iter().map(|r| r.0).collect();
    t.sort_by(f64::total_cmp);
    println!(
        "median of the medians {:.1} µs, slowest {:.1} µs",
        t[t.len() / 2],
        t[t.len() - 1]
    );
}
