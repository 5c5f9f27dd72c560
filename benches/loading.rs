//! Loading: reading and validating a fact base, building the index alone, and `Engine::reload()`.
//!
//! `cargo bench --bench loading`. Criterion measures the real fact base and a 1,000-fact synthetic one;
//! the 10,000-fact base (and 100,000 with `ATTACHE_BENCH_LARGE=1`) takes seconds per load, so it is
//! timed by a plain loop that also splits the load into its phases:
//! - `knowledge::load_dir`: read, parse and validate the TOML files (quotes, counts, collisions);
//! - `Locales::load_dir`: parse the Fluent files;
//! - `check_answers`: every fact answered in every locale;
//! - `IndexBuilder::from_facts`: analyse every phrasing (fold, tokens, stems);
//! - `IndexBuilder::build`: IDF, postings, the typo (deletion) index.

mod common;

use attache::engine::{check_answers, Engine, Snapshot};
use attache::i18n::Locales;
use attache::knowledge::load_dir;
use attache::matcher::IndexBuilder;
use common::*;
use criterion::Criterion;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn criterion_benches(c: &mut Criterion, label: &str, knowledge: &Path, locales: &Path) {
    let mut g = c.benchmark_group(format!("load/{label}"));
    g.bench_function("snapshot_load_and_validate", |b| {
        b.iter(|| black_box(Snapshot::load(knowledge, locales).expect("valid")))
    });
    let snap = Snapshot::load(knowledge, locales).expect("valid");
    g.bench_function("index_build", |b| {
        b.iter(|| black_box(IndexBuilder::from_facts(&snap.facts).build()))
    });
    let engine = Engine::load(knowledge, locales).expect("valid");
    g.bench_function("engine_reload", |b| {
        b.iter(|| black_box(engine.reload().expect("valid")))
    });
    g.finish();
}

/// One load split into its phases; returns the line to print.
fn phases(label: &str, knowledge: &Path, locales: &Path, runs: usize) -> String {
    let mut best: Option<[Duration; 6]> = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        let facts = load_dir(knowledge).expect("valid");
        let t1 = Instant::now();
        let loc = Locales::load_dir(locales).expect("valid");
        let t2 = Instant::now();
        assert!(check_answers(&facts, &loc, locales).is_empty());
        let t3 = Instant::now();
        let builder = IndexBuilder::from_facts(&facts);
        let t4 = Instant::now();
        let index = builder.build();
        let t5 = Instant::now();
        black_box((&facts, &loc, &index));
        let d = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0];
        best = Some(match best {
            None => d,
            Some(b) => std::array::from_fn(|i| b[i].min(d[i])),
        });
    }
    let d = best.expect("at least one run");
    let t = Instant::now();
    let engine = Engine::load(knowledge, locales).expect("valid");
    let load = t.elapsed();
    let t = Instant::now();
    engine.reload().expect("valid");
    let reload = t.elapsed();
    format!(
        "{label:<16} total {:>9} = facts load_dir {:>9} + locales {:>9} + check_answers {:>9} + index from_facts {:>9} + build {:>9}  | Engine::load {:>9}, Engine::reload {:>9} (best of {runs})",
        fmt(d[5]),
        fmt(d[0]),
        fmt(d[1]),
        fmt(d[2]),
        fmt(d[3]),
        fmt(d[4]),
        fmt(load),
        fmt(reload),
    )
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let mut report = Vec::new();

    let (k, l) = (root().join("knowledge"), root().join("locales"));
    criterion_benches(&mut c, "real", &k, &l);
    report.push(phases("real", &k, &l, 20));

    let small = SynthBase::new(1_000);
    criterion_benches(&mut c, "synthetic-1000", &small.knowledge, &small.locales);
    report.push(phases(
        "synthetic-1000",
        &small.knowledge,
        &small.locales,
        3,
    ));
    drop(small);

    for n in synthetic_sizes().into_iter().filter(|&n| n > 1_000) {
        let base = SynthBase::new(n);
        let line = phases(
            &format!("synthetic-{n}"),
            &base.knowledge,
            &base.locales,
            if n > 10_000 { 1 } else { 2 },
        );
        eprintln!("{line}");
        report.push(line);
    }
    if !large() {
        report.push("(100,000 facts skipped: set ATTACHE_BENCH_LARGE=1)".into());
    }

    c.final_summary();
    println!("\nLoad phases (wall time, single thread):");
    for line in &report {
        println!("{line}");
    }
}
