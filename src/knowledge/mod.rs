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

/// [`par_ranges`] with ranges of at least `min` items (unless there is only one).
pub fn par_ranges_min<R: Send>(
    n: usize,
    min: usize,
    f: impl Fn(std::ops::Range<usize>) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(n / min.max(1)).max(1);
    if threads <= 1 {
        return vec![f(0..n)];
    }
    let chunk = n.div_ceil(threads);
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
/// array without making a new one (the index builder weighs each of its slots).
pub fn par_for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / PARALLEL_MIN_ITEMS).max(1);
    if threads <= 1 {
        items.iter_mut().for_each(f);
        return;
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        for c in items.chunks_mut(chunk) {
            s.spawn(move || c.iter_mut().for_each(f));
        }
    });
}

/// [`par_map`] for owned items, each moved into `f` (the index builder sorts each fact's terms
/// in their own `Vec`, without copying them).
pub fn par_map_owned<T: Send, R: Send>(mut items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / PARALLEL_MIN_ITEMS).max(1);
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut chunks = Vec::with_capacity(threads);
    while items.len() > chunk {
        let rest = items.split_off(chunk);
        chunks.push(std::mem::replace(&mut items, rest));
    }
    chunks.push(items);
    let f = &f;
    std::thread::scope(|s| {
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a loading thread panicked"))
            .collect()
    })
}
