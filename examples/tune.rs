//! Grid search over the matcher's parameters on evaluation sets, to choose the named constants in
//! `src/matcher/score.rs` with evidence rather than by feel.
//!
//! `cargo run --release --example tune -- ../shared/eval/dev.tsv tests/fixtures/questions.tsv`
//! prints the best combinations (accuracy on answerable and unanswerable questions, and overall).

use attache::engine::Snapshot;
use attache::lang::detect;
use attache::matcher::Params;
use attache::normalise::{cap, fold};
use std::path::Path;

fn main() {
    let snap =
        Snapshot::load(Path::new("knowledge"), Path::new("locales")).expect("valid fact base");
    let mut cases = Vec::new();
    for f in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&f).expect("readable file");
        cases.extend(attache::eval::parse(Path::new(&f), &text).expect("valid eval file"));
    }
    let prepared: Vec<_> = cases
        .iter()
        .map(|c| {
            let q = cap(&c.question);
            let d = detect(q, &|w| snap.index.word_langs(w));
            (c, fold(q), d.lang)
        })
        .collect();
    let mut results = Vec::new();
    for a in [0.35f32, 0.5, 0.6] {
        for share in [0.5f32, 0.6, 0.75, 0.9] {
            for (unk, mode) in [(0.7f32, 0u8)] {
                for pen in [0.9f32] {
                    for conflict in [0.5f32, 0.7] {
                        for ev in [0.6f32, 0.9, 1.2] {
                            let p = Params {
                                question_coverage_weight: a,
                                best_phrasing_share: share,
                                unknown_word_factor: unk,
                                min_evidence_share: ev,
                                unknown_slot_penalty: pen,
                                typicality_exponent: conflict,
                                fact_coverage_mode: mode,
                                ..Params::DEFAULT
                            };
                            let scored: Vec<_> = prepared
                                .iter()
                                .map(|(c, q, l)| {
                                    (c, snap.index.score_with(q, *l, &p).first().copied())
                                })
                                .collect();
                            for t in 40..80 {
                                let t = t as f32 / 100.0;
                                let (mut ans, mut ans_ok, mut un, mut un_ok) = (0, 0, 0, 0);
                                for (c, best) in &scored {
                                    let got = best
                                        .filter(|b| b.score >= t)
                                        .map(|b| snap.index.fact_id(b.fact));
                                    if c.expected.is_empty() {
                                        un += 1;
                                        un_ok += usize::from(got.is_none());
                                    } else {
                                        ans += 1;
                                        ans_ok +=
                                            usize::from(got.is_some_and(|g| {
                                                c.expected.iter().any(|e| e == g)
                                            }));
                                    }
                                }
                                let ra = ans_ok as f32 / ans as f32;
                                let ru = un_ok as f32 / un.max(1) as f32;
                                results.push((
                                    (ra.min(ru / 0.95)
                                        + (ans_ok + un_ok) as f32 / (ans + un) as f32),
                                    ra,
                                    ru,
                                    a,
                                    share,
                                    (unk, mode),
                                    ev,
                                    (pen, conflict),
                                    t,
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    results.sort_by(|x, y| y.0.total_cmp(&x.0));
    println!("objective answerable unanswerable | alpha share unknown evidence penalty threshold");
    for r in results.iter().take(25) {
        println!(
            "{:.3} {:.3} {:.3} | {} {} {:?} {} {:?} {:.2}",
            r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8
        );
    }
    let d = Params::DEFAULT;
    println!("default: {d:?}");
}
