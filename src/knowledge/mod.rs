//! The curated fact base: facts drawn from the brief, each quoting it verbatim.
//!
//! `knowledge/brief.md` is the single source of truth; `knowledge/**/*.toml` hold the facts (see
//! `knowledge/README.md` for the format). [`load_dir`] reads and validates a directory and reports every
//! problem with its file and line.

mod error;
mod fact;
mod load;
mod quick;
mod synonyms;

pub use error::{line_of, Invalid, Lines, Problem, ProblemKind};
pub(crate) use fact::text_hash;
pub use fact::{Fact, FactBase, Origin};
pub use load::{
    check_facts, files_with_ext, is_kebab, load_dir, parse_facts, read_text, MAX_FILE_BYTES,
    MIN_PHRASINGS_EN, MIN_PHRASINGS_OTHER,
};
pub use synonyms::{Synonyms, SYNONYMS_FILE};

/// Fewer items than this per thread are not worth a thread (spawning one costs tens of µs).
pub const PARALLEL_MIN_ITEMS: usize = 16;

/// Maps `f` over `items` on every available core (contiguous chunks under `std::thread::scope`),
/// keeping their order, so that the result is the same as a sequential map. Loading a large fact
/// base is mostly independent work per file and per phrasing.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    par_ranges(items.len(), |range| {
        items[range].iter().map(&f).collect::<Vec<R>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Calls `f` on contiguous ranges covering `0..n`, one per available core (none shorter than
/// [`PARALLEL_MIN_ITEMS`] unless there is only one), each on its own thread; the results are in
/// range order. For work that keeps state across the items of a range (the index builder's
/// per-thread vocabularies).
pub fn par_ranges<R: Send>(n: usize, f: impl Fn(std::ops::Range<usize>) -> R + Sync) -> Vec<R> {
    par_ranges_min(n, PARALLEL_MIN_ITEMS, f)
}

/// How many of `n` items each thread takes, one thread per available core and none with fewer
/// than `min` items (unless there is only one); `None` when one thread would do it all.
fn chunk_len(n: usize, min: usize) -> Option<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(n / min.max(1)).max(1);
    (threads > 1).then(|| n.div_ceil(threads))
}

/// [`par_ranges`] with ranges of at least `min` items (unless there is only one).
pub fn par_ranges_min<R: Send>(
    n: usize,
    min: usize,
    f: impl Fn(std::ops::Range<usize>) -> R + Sync,
) -> Vec<R> {
    let Some(chunk) = chunk_len(n, min) else {
        return vec![f(0..n)];
    };
    let f = &f;
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || f(start..(start + chunk).min(n))))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a loading thread panicked"))
            .collect()
    })
}

/// Calls `f` on every item of `items` in place, contiguous chunks on every core (none shorter
/// than [`PARALLEL_MIN_ITEMS`] unless there is only one): for independent updates of a large
/// array without making a new one (the index builder sorts each fact's terms and weighs each
/// of its slots).
pub fn par_for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    let Some(chunk) = chunk_len(items.len(), PARALLEL_MIN_ITEMS) else {
        items.iter_mut().for_each(f);
        return;
    };
    let f = &f;
    std::thread::scope(|s| {
        for c in items.chunks_mut(chunk) {
            s.spawn(move || c.iter_mut().for_each(f));
        }
    });
}
