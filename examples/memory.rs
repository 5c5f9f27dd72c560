//! Heap held by a loaded fact base, measured with a counting global allocator: the facts, the
//! locales and the matcher's index separately, per fact and per phrasing.
//!
//! `cargo run --release --example memory` (real base, 1,000 and 10,000 synthetic facts);
//! `cargo run --release --example memory -- 100000` adds other sizes (100,000 needs about 5 GB).

use attache::engine::check_answers;
use attache::i18n::Locales;
use attache::knowledge::load_dir;
use attache::matcher::IndexBuilder;
use attache::synth::{generate, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn now() -> usize {
    CURRENT.load(Relaxed)
}

fn reset_peak() {
    PEAK.store(now(), Relaxed);
}

fn mb(b: usize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn measure(label: &str, knowledge: &Path, locales: &Path) {
    let before = now();
    reset_peak();
    let facts = load_dir(knowledge).expect("valid fact base");
    let after_facts = now();
    let loc = Locales::load_dir(locales).expect("valid locales");
    let after_locales = now();
    assert!(check_answers(&facts, &loc, locales).is_empty());
    let index = IndexBuilder::from_facts(&facts).build();
    let after_index = now();
    let peak = PEAK.load(Relaxed) - before;
    let n = facts.len();
    let phrasings = index.phrasings();
    let total = after_index - before;
    println!(
        "{label:<16} {n:>7} facts {phrasings:>8} phrasings {:>7} terms | facts {:>9}  locales {:>9}  index {:>9}  total {:>9} | {:>6} B/fact (index {:>6} B/fact, {:>4} B/phrasing) | peak while loading {:>9}",
        index.vocabulary(),
        mb(after_facts - before),
        mb(after_locales - after_facts),
        mb(after_index - after_locales),
        mb(total),
        total / n,
        (after_index - after_locales) / n,
        (after_index - after_locales) / phrasings.max(1),
        mb(peak),
    );
    drop((index, loc, facts));
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (k, l) = (root.join("knowledge"), root.join("locales"));
    // Warm up the lazily built tables (stemmers, stop words) so that they are not charged to a base.
    drop(attache::engine::Snapshot::load(&k, &l).expect("the shipped fact base is valid"));

    let mut sizes: Vec<usize> = vec![1_000, 10_000];
    sizes.extend(
        std::env::args()
            .skip(1)
            .filter_map(|a| a.parse::<usize>().ok()),
    );
    println!("Heap held after loading (counting allocator; live bytes requested, not counting allocator overhead):");
    measure("real", &k, &l);
    for n in sizes {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let s = generate(&Options::new(n), &l, dir.path()).expect("synthetic base written");
        measure(&format!("synthetic-{n}"), &s.knowledge, &s.locales);
    }
}
