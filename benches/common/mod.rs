//! Helpers shared by the benchmarks: the real fact base, synthetic ones built with `attache::synth`,
//! question mixes, and a per-question latency loop that reports percentiles (criterion reports the
//! mean of batches, not the tail of single questions).
#![allow(dead_code)]

use attache::engine::Snapshot;
use attache::lang::Lang;
use attache::synth::{generate, Options, Rng};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The benchmarks measure with the allocator the `attache` binary ships with (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// True when the 100,000-fact base is wanted (`ATTACHE_BENCH_LARGE=1`): generating it takes about
/// 20 s, loading it about 100 s, and it holds about 4 GB of heap.
pub fn large() -> bool {
    std::env::var("ATTACHE_BENCH_LARGE").is_ok_and(|v| v == "1")
}

/// The synthetic sizes to benchmark.
pub fn synthetic_sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if large() {
        sizes.push(100_000);
    }
    sizes
}

/// The shipped fact base.
pub fn real_snapshot() -> Snapshot {
    Snapshot::load(&root().join("knowledge"), &root().join("locales"))
        .expect("the shipped fact base is valid")
}

/// A generated fact base of `facts` facts in a temporary directory (deleted when the guard drops).
pub struct SynthBase {
    pub dir: tempfile::TempDir,
    pub knowledge: PathBuf,
    pub locales: PathBuf,
    pub facts: usize,
}

impl SynthBase {
    pub fn new(facts: usize) -> SynthBase {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let t = Instant::now();
        let s = generate(&Options::new(facts), &root().join("locales"), dir.path())
            .expect("synthetic base written");
        eprintln!(
            "[setup] generated {facts} synthetic facts in {:.1}s",
            t.elapsed().as_secs_f64()
        );
        SynthBase {
            knowledge: s.knowledge,
            locales: s.locales,
            facts,
            dir,
        }
    }

    pub fn load(&self) -> Snapshot {
        let t = Instant::now();
        let snap =
            Snapshot::load(&self.knowledge, &self.locales).expect("the synthetic base is valid");
        eprintln!(
            "[setup] loaded {} synthetic facts in {:.1}s",
            self.facts,
            t.elapsed().as_secs_f64()
        );
        snap
    }
}

/// About 50 questions on the real brief: answerable ones in seven languages, near misses and
/// off-topic questions the bot must decline, and typos.
pub const REAL_QUESTIONS: &[&str] = &[
    // Answerable, as phrased in the fact files or close to it.
    "When is Blinken visiting China?",
    "Who is visiting China?",
    "Which country is Blinken heading to?",
    "Who will he be speaking with in Beijing?",
    "What does the US want out of this trip?",
    "Is this Blinken's first time in China as Secretary of State?",
    "How important is this trip?",
    "How is the Taiwanese president's US trip connected?",
    "Will this trip repair relations quickly?",
    "Could this pave the way for further negotiations?",
    "Do domestic pressures explain the visit?",
    "When did Xi begin his third term?",
    "Does Biden face an election next year?",
    "Is there a chance of armed conflict?",
    "¿Cuándo viaja Blinken a China?",
    "¿A dónde viaja el secretario de Estado?",
    "¿Mejorará la relación a corto plazo?",
    "Dans quel but Blinken va-t-il à Pékin ?",
    "Quel avenir pour le dialogue entre les deux pays ?",
    "Qui sont les officiels chinois qu'il va voir ?",
    "Von wann bis wann ist Blinken in China?",
    "Ist der Besuch ein Wendepunkt?",
    "Seit wann hat Xi seine dritte Amtszeit?",
    "布林肯要见中共哪些领导？",
    "两国国内政治对这次访问有何影响？",
    "這是幾年來第一位訪華的國務卿嗎？",
    "布林肯哪天出發去北京？",
    "中国を訪れるのはどなたですか？",
    "台湾とこの訪問の関係は？",
    "両国は戦争を避けたいのですか？",
    // Typos and casual spellings.
    "wen is blinkn going to chna",
    "wat are the red lnes",
    "la visite va t elle relancer le dialoge",
    "wer trift blinken in peking",
    "cuando viaja blinkn a chinna",
    "whos the secratary of state",
    // Must be declined: near misses and off-topic questions.
    "When did Nixon visit China?",
    "What's the weather in Beijing in June?",
    "When will Xi visit the United States?",
    "Who won the Taiwanese election?",
    "How old is Antony Blinken?",
    "Which hotel is Blinken staying at in Beijing?",
    "¿Cuántos habitantes tiene China?",
    "Quel temps fait-il à Pékin en juin ?",
    "Wer hat die Wahl in Taiwan gewonnen?",
    "尼克松什么时候访问中国？",
    "台灣總統叫什麼名字？",
    "ブリンケンの年齢は？",
    "whats the best pizza topping",
    "hi",
];

/// Questions no synthetic base answers.
pub const OFF_TOPIC: &[&str] = &[
    "What's the weather in Paris tomorrow?",
    "Who won the 2018 World Cup?",
    "how do I bake sourdough bread",
    "¿Cuál es la receta de la paella?",
    "Quelle heure est-il à Tokyo ?",
    "Wie spät ist es in Berlin?",
    "东京现在几点？",
    "滷肉飯怎麼做？",
    "今日の天気はどうですか？",
    "hello, how are you?",
];

/// The base an example names on its command line, `real` (or nothing) or a number of synthetic
/// facts, with the benchmarks' questions for it: the real base's mix, or 50 perturbed questions as
/// in `benches/matching.rs`. The [`SynthBase`] keeps a synthetic base's directory while it is used.
pub fn named_base(arg: Option<&str>) -> (Snapshot, Vec<String>, Option<SynthBase>) {
    match arg {
        Some("real") | None => {
            let q = REAL_QUESTIONS.iter().map(|s| s.to_string()).collect();
            (real_snapshot(), q, None)
        }
        Some(n) => {
            let base = SynthBase::new(n.parse().expect("a number of facts, or `real`"));
            let snap = base.load();
            let q = perturbed_questions(&snap, 50, 7)
                .into_iter()
                .map(|(q, _)| q)
                .collect();
            (snap, q, Some(base))
        }
    }
}

/// `n` questions for a fact base: its own phrasings, most of them perturbed (a word dropped, a typo, two
/// words swapped), plus about one in ten off-topic. Deterministic for a seed. Each answerable
/// question carries the id of the fact it came from.
pub fn perturbed_questions(snap: &Snapshot, n: usize, seed: u64) -> Vec<(String, Option<String>)> {
    let mut rng = Rng::new(seed, 0xBE4C);
    let facts = &snap.facts.facts;
    (0..n)
        .map(|i| {
            if i % 10 == 9 {
                return (OFF_TOPIC[rng.below(OFF_TOPIC.len())].to_string(), None);
            }
            let f = &facts[rng.below(facts.len())];
            let lang = Lang::ALL[rng.below(Lang::ALL.len())];
            let list = &f.questions[&lang];
            let p = &list[rng.below(list.len())];
            (perturb(p, &mut rng), Some(f.id.clone()))
        })
        .collect()
}

/// One small change a user might make: none, a word (or CJK character) dropped, a typo, or two
/// words swapped.
pub fn perturb(text: &str, rng: &mut Rng) -> String {
    let cjk = text.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
    if cjk {
        let mut chars: Vec<char> = text.chars().collect();
        match rng.below(3) {
            0 => {}
            1 if chars.len() > 3 => {
                chars.remove(rng.below(chars.len()));
            }
            _ if chars.len() > 3 => {
                let i = rng.below(chars.len() - 1);
                chars.swap(i, i + 1);
            }
            _ => {}
        }
        return chars.into_iter().collect();
    }
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    match rng.below(4) {
        0 => {}
        1 if words.len() > 2 => {
            words.remove(rng.below(words.len()));
        }
        2 => {
            let long: Vec<usize> = (0..words.len())
                .filter(|&i| words[i].chars().count() >= 5)
                .collect();
            if !long.is_empty() {
                let w = long[rng.below(long.len())];
                let mut chars: Vec<char> = words[w].chars().collect();
                let i = 1 + rng.below(chars.len() - 2);
                match rng.below(3) {
                    0 => chars.swap(i, i + 1),
                    1 => {
                        chars.remove(i);
                    }
                    _ => chars[i] = (b'a' + rng.below(26) as u8) as char,
                }
                words[w] = chars.into_iter().collect();
            }
        }
        _ if words.len() > 1 => {
            let i = rng.below(words.len() - 1);
            words.swap(i, i + 1);
        }
        _ => {}
    }
    words.join(" ")
}

/// Latency of single questions: every question timed on its own, `rounds` times, after one warm-up.
pub struct Latency {
    pub samples: Vec<Duration>,
    pub slowest: Vec<(Duration, String)>,
}

impl Latency {
    pub fn measure<F: FnMut(&str)>(questions: &[String], rounds: usize, mut f: F) -> Latency {
        for q in questions {
            f(q);
        }
        let mut samples = Vec::with_capacity(questions.len() * rounds);
        let mut per_q = vec![Duration::ZERO; questions.len()];
        for _ in 0..rounds {
            for (i, q) in questions.iter().enumerate() {
                let t = Instant::now();
                f(black_box(q));
                let d = t.elapsed();
                samples.push(d);
                per_q[i] = per_q[i].max(d);
            }
        }
        samples.sort_unstable();
        let mut slowest: Vec<(Duration, String)> =
            per_q.into_iter().zip(questions.iter().cloned()).collect();
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        slowest.truncate(3);
        Latency { samples, slowest }
    }

    pub fn quantile(&self, q: f64) -> Duration {
        let i = ((self.samples.len() as f64 - 1.0) * q).round() as usize;
        self.samples[i]
    }

    pub fn mean(&self) -> Duration {
        self.samples.iter().sum::<Duration>() / self.samples.len().max(1) as u32
    }

    /// One line: median, p90, p99, max, mean.
    pub fn line(&self) -> String {
        format!(
            "median {:>9}  p90 {:>9}  p99 {:>9}  max {:>9}  mean {:>9}  ({} timings)",
            fmt(self.quantile(0.5)),
            fmt(self.quantile(0.9)),
            fmt(self.quantile(0.99)),
            fmt(*self.samples.last().unwrap_or(&Duration::ZERO)),
            fmt(self.mean()),
            self.samples.len()
        )
    }
}

/// A duration in the unit that suits it.
pub fn fmt(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.1} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}
