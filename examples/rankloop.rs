//! Ranks the benchmarks' questions `REPS` times over, for instruction counts that a shared machine
//! does not disturb: `perf stat -e instructions:u` (or callgrind) of `rankloop BASE REPS` minus
//! that of `rankloop BASE 0`, divided by `REPS` and the number of questions, is the cost of one
//! `rank()`. BASE is `real` (the shipped base and the benchmarks' mix) or a number of synthetic
//! facts (50 perturbed questions, as in `benches/matching.rs`). A third argument keeps only the
//! questions that contain it, to profile one slow question: `rankloop 10000 20 安全在長`. With
//! `RANKLOOP_LIST=1` it first prints the questions, one per line, on stdout.

#[path = "../benches/common/mod.rs"]
mod common;

use attache::answer::{rank, Hints};
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reps: usize = args
        .get(1)
        .map_or(10, |r| r.parse().expect("a number of repetitions"));
    let (snap, mut questions, _base) = common::named_base(args.first().map(String::as_str));
    if let Some(only) = args.get(2) {
        questions.retain(|q| q.contains(only.as_str()));
    }
    // For scripts/instructions_per_question.sh, which names each callgrind dump by its question.
    if std::env::var_os("RANKLOOP_LIST").is_some() {
        for q in &questions {
            println!("{q}");
        }
    }
    let t = std::time::Instant::now();
    for _ in 0..reps {
        for q in &questions {
            black_box(rank(&snap, black_box(q), &Hints::default()));
        }
    }
    let n = (reps * questions.len()).max(1);
    eprintln!(
        "{} questions, {:.1} µs each",
        reps * questions.len(),
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
