//! Matching latency per question, single thread: on the real fact base with a mix of ~50 questions
//! (answerable, unanswerable, typos, seven languages), and on synthetic bases of 1,000 and 10,000
//! facts (and 100,000 with `ATTACHE_BENCH_LARGE=1`) written by `attache::synth`.
//!
//! `cargo bench --bench matching` (add `-- real` or `-- 10000` to run one base). For each base:
//! - criterion `match/<base>/rank`: `attache::answer::rank` (language detection + `Index::score`),
//!   one question per iteration, cycling through the mix: the time shown is the mean per question;
//! - criterion `match/<base>/answer`: the whole `answer()` (ranking + choosing and rendering the reply);
//! - a latency table, printed at the end: every question timed on its own, to give the median and
//!   the tail (p90, p99, max), which criterion does not report.

mod common;

use attache::answer::{answer, rank, Hints};
use attache::engine::Snapshot;
use common::*;
use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Criterion options that take a value (so that their value is not taken for a filter).
const VALUED: &[&str] = &[
    "--save-baseline",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--profile-time",
    "--color",
    "--output-format",
    "--plotting-backend",
    "--format",
];

/// The benchmark filter given on the command line, if any.
fn filter() -> Option<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if VALUED.contains(&a.as_str()) {
            i += 2;
            continue;
        }
        if !a.starts_with('-') {
            return Some(a.clone());
        }
        i += 1;
    }
    None
}

fn wanted(label: &str) -> bool {
    filter().is_none_or(|f| format!("match/{label}/rank match/{label}/answer").contains(&f))
}

fn bench_base(
    c: &mut Criterion,
    label: &str,
    snap: &Snapshot,
    questions: &[String],
    report: &mut Vec<String>,
) {
    let mut g = c.benchmark_group(format!("match/{label}"));
    if snap.facts.len() >= 100_000 {
        // Questions take up to seconds each here: criterion's minimum.
        g.sample_size(10);
    }
    // The question counter lives outside the routine, which criterion calls once per sample: every
    // sample continues through the mix instead of starting again at its first question.
    let mut i = 0;
    g.bench_function("rank", |b| {
        b.iter(|| {
            let q = &questions[i % questions.len()];
            i += 1;
            black_box(rank(snap, black_box(q), &Hints::default()))
        })
    });
    g.bench_function("answer", |b| {
        let hints = Hints::default();
        b.iter(|| {
            let q = &questions[i % questions.len()];
            i += 1;
            black_box(answer(snap, black_box(q), &hints))
        })
    });
    g.finish();

    // The tail: time each question on its own, for about two seconds.
    let t = Instant::now();
    for q in questions {
        black_box(rank(snap, q, &Hints::default()));
    }
    let pass = t.elapsed().max(Duration::from_micros(1));
    let rounds = ((2.0 / pass.as_secs_f64()) as usize).clamp(3, 400);
    let lat = Latency::measure(questions, rounds, |q| {
        black_box(rank(snap, q, &Hints::default()));
    });
    let hints = Hints::default();
    let end_to_end = Latency::measure(questions, rounds.div_ceil(2), |q| {
        black_box(answer(snap, q, &hints));
    });
    let line = format!(
        "{label:<16} {:>7} facts {:>8} phrasings {:>3} questions\n    rank():   {}\n    answer(): {}\n    slowest (rank): {}",
        snap.facts.len(),
        snap.index.phrasings(),
        questions.len(),
        lat.line(),
        end_to_end.line(),
        lat.slowest
            .iter()
            .map(|(d, q)| format!("{} {q:?}", fmt(*d)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    eprintln!("{line}");
    report.push(line);
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut report = Vec::new();

    if wanted("real") {
        let snap = real_snapshot();
        let questions: Vec<String> = REAL_QUESTIONS.iter().map(|q| q.to_string()).collect();
        bench_base(&mut c, "real", &snap, &questions, &mut report);
    }
    for n in synthetic_sizes() {
        let label = format!("synthetic-{n}");
        if !wanted(&label) {
            continue;
        }
        let base = SynthBase::new(n);
        let snap = base.load();
        let questions: Vec<String> = perturbed_questions(&snap, 50, 7)
            .into_iter()
            .map(|(q, _)| q)
            .collect();
        bench_base(&mut c, &label, &snap, &questions, &mut report);
    }
    if !large() {
        report.push("(100,000 facts skipped: set ATTACHE_BENCH_LARGE=1; about 2 minutes to build and 4 GB of heap)".into());
    }

    c.final_summary();
    println!("\nPer-question latency, single thread (each question timed alone):");
    for line in &report {
        println!("{line}");
    }
}
