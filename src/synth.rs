//! `attache synth`: writes a valid synthetic fact base of any size, for benchmarks and scale tests.
//!
//! The output is a directory with `knowledge/` (a generated `brief.md` and `facts/*.toml`) and
//! `locales/` (the real locales copied, plus generated `facts-synth*.ftl` answers), which passes
//! `attache check`. Facts are `synthetic-000000`, `synthetic-000001`, ...; each quotes one sentence of
//! the generated brief and has 6 English phrasings and 4 in each other language (the loader's
//! minimums).
//!
//! Phrasings are drawn from a seeded xorshift generator (same seed, same bytes) over realistic news
//! vocabulary in each language, picked with a Zipf distribution (a few words are everywhere, most are
//! rare), plus generated names (`Karvello`, `卡维罗`, `カヴェロ`) that play the part of "Blinken": a name
//! is shared by one or two facts, so the vocabulary grows with the fact base as real text does.
//! No phrasing appears under two facts, and no two phrasings share the same set of content words.

use crate::knowledge::files_with_ext;
use crate::lang::Lang;
use crate::normalise::fold;
use anyhow::{bail, Context, Result};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Options of `attache synth`.
#[derive(Debug, Clone, clap::Args)]
pub struct SynthArgs {
    /// How many facts to generate.
    #[arg(long)]
    pub facts: usize,
    /// The output directory; `knowledge/` and `locales/` are written inside it.
    #[arg(long)]
    pub out: PathBuf,
    /// The seed of the generator: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Facts per TOML file (the loader refuses files over 4 MiB).
    #[arg(long, default_value_t = 100)]
    pub per_file: usize,
    /// Replace the output of an earlier `attache synth` in the same directory.
    #[arg(long)]
    pub force: bool,
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many facts.
    pub facts: usize,
    /// The generator's seed.
    pub seed: u64,
    /// Facts per TOML file.
    pub per_file: usize,
}

impl Options {
    /// `facts` facts, seed 1, 100 facts per file.
    pub fn new(facts: usize) -> Self {
        Options {
            facts,
            seed: 1,
            per_file: 100,
        }
    }
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Facts written.
    pub facts: usize,
    /// Phrasings written (all languages).
    pub phrasings: usize,
    /// Sentences in the generated brief.
    pub sentences: usize,
    /// The knowledge directory.
    pub knowledge: PathBuf,
    /// The locales directory.
    pub locales: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
}

/// The file that marks a knowledge directory as generated, so that `--force` never deletes a real one.
pub const MARKER: &str = ".attache-synth";

/// Facts per generated Fluent file (7 locales × 2 messages each; well under the 4 MiB file limit).
pub const FTL_CHUNK: usize = 5_000;

/// The brief has at most this many sentences; facts beyond it quote sentences again. A bigger fact
/// base does not need a bigger brief, and the quote check scans the brief once per quote.
pub const MAX_SENTENCES: usize = 1_000;

/// English phrasings per fact.
pub const PHRASINGS_EN: usize = crate::knowledge::MIN_PHRASINGS_EN;
/// Phrasings per fact in every other language.
pub const PHRASINGS_OTHER: usize = crate::knowledge::MIN_PHRASINGS_OTHER;

/// Runs `attache synth`: the locales are copied from `locales_src`.
pub fn run(args: &SynthArgs, locales_src: &Path) -> Result<ExitCode> {
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
    if same(locales_src, &args.out.join("locales")) {
        bail!(
            "--out must not hold the locales being copied ({})",
            locales_src.display()
        );
    }
    prepare_out(&args.out, args.force)?;
    let opts = Options {
        facts: args.facts,
        seed: args.seed,
        per_file: args.per_file,
    };
    let s = generate(&opts, locales_src, &args.out)?;
    println!(
        "wrote {} facts ({} phrasings, brief of {} sentences) in {:.2}s\ncheck it with: attache check --knowledge {} --locales {}",
        s.facts,
        s.phrasings,
        s.sentences,
        s.elapsed.as_secs_f64(),
        s.knowledge.display(),
        s.locales.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Refuses to write over anything but an earlier `attache synth` output (and that only with `force`).
fn prepare_out(out: &Path, force: bool) -> Result<()> {
    let k = out.join("knowledge");
    let l = out.join("locales");
    let non_empty = |d: &Path| std::fs::read_dir(d).is_ok_and(|mut e| e.next().is_some());
    if non_empty(&k) || non_empty(&l) {
        if !force {
            bail!(
                "{} already holds a knowledge/ or locales/ directory; choose an empty directory (or pass --force to replace an earlier `attache synth` output)",
                out.display()
            );
        }
        if !k.join(MARKER).exists() {
            bail!(
                "{} was not written by `attache synth` (no {MARKER}); refusing to replace it",
                k.display()
            );
        }
        std::fs::remove_dir_all(&k).with_context(|| format!("removing {}", k.display()))?;
        if l.exists() {
            std::fs::remove_dir_all(&l).with_context(|| format!("removing {}", l.display()))?;
        }
    }
    Ok(())
}

/// For tests: a synthetic base of `facts` facts written by [`generate`] into a new temporary
/// directory, which lasts as long as the returned `TempDir`, with the repository's locales.
#[cfg(test)]
pub(crate) fn generate_for_test(facts: usize) -> (tempfile::TempDir, Summary) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = generate(&Options::new(facts), &root.join("locales"), dir.path())
        .expect("synthetic base written");
    (dir, s)
}

/// Writes a synthetic fact base of `opts.facts` facts into `out/knowledge` and `out/locales`, copying
/// the `.ftl` files of every locale under `locales_src`. `out` should be empty.
pub fn generate(opts: &Options, locales_src: &Path, out: &Path) -> Result<Summary> {
    let started = Instant::now();
    if opts.facts == 0 || opts.facts > 999_999 {
        bail!("--facts must be between 1 and 999999");
    }
    let per_file = opts.per_file.max(1);
    let knowledge = out.join("knowledge");
    let facts_dir = knowledge.join("facts");
    let locales = out.join("locales");
    std::fs::create_dir_all(&facts_dir)
        .with_context(|| format!("creating {}", facts_dir.display()))?;
    std::fs::write(
        knowledge.join(MARKER),
        format!(
            "attache synth --facts {} --seed {}\n",
            opts.facts, opts.seed
        ),
    )?;

    // The locales: every subdirectory of the source, its .ftl files copied.
    let mut codes = Vec::new();
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(locales_src)
        .with_context(|| format!("reading the locales in {}", locales_src.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    subdirs.sort();
    for sub in &subdirs {
        let code = sub
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let dest = locales.join(&code);
        std::fs::create_dir_all(&dest)?;
        for f in files_with_ext(sub, "ftl").map_err(|p| anyhow::anyhow!("{p}"))? {
            let rel = f.strip_prefix(sub).unwrap_or(&f);
            let to = dest.join(rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(&f, &to).with_context(|| format!("copying {}", f.display()))?;
        }
        codes.push(code);
    }
    if codes.is_empty() {
        bail!("no locales found in {}", locales_src.display());
    }

    let gen = Generator::new(opts.seed, opts.facts);

    // The brief: one sentence per fact up to MAX_SENTENCES, each about the fact's first name.
    let sentences: Vec<String> = (0..opts.facts.min(MAX_SENTENCES))
        .map(|j| gen.sentence(j))
        .collect();
    let mut brief = format!(
        "# Synthetic brief ({} facts, seed {})\n\nGenerated by `attache synth` for benchmarks; it reports nothing real.\n\n",
        opts.facts, opts.seed
    );
    for (j, s) in sentences.iter().enumerate() {
        brief.push_str(s);
        brief.push_str(if j % 5 == 4 { ".\n\n" } else { ". " });
    }
    brief.push('\n');
    std::fs::write(knowledge.join("brief.md"), &brief)?;

    let mut seen = Seen::default();
    let mut phrasings = 0;
    let mut toml = String::new();
    let mut ftl: Vec<String> = vec![String::new(); codes.len()];
    let chunked_ftl = opts.facts > FTL_CHUNK;
    for i in 0..opts.facts {
        let fact = gen.fact(i, &mut seen);
        phrasings += fact.phrasings.iter().map(|(_, p)| p.len()).sum::<usize>();
        fact.write_toml(&mut toml, &sentences[i % sentences.len()], opts.facts);
        for (c, code) in codes.iter().enumerate() {
            let lang = code.parse::<Lang>().unwrap_or(Lang::En);
            let (answer, title) = gen.answer(&fact, lang, &sentences[i % sentences.len()]);
            let _ = writeln!(
                ftl[c],
                "fact-{} = {answer}\nfact-{}-title = {title}",
                fact.id, fact.id
            );
        }
        if (i + 1) % per_file == 0 || i + 1 == opts.facts {
            let first = i + 1 - ((i % per_file) + 1);
            let path = facts_dir.join(format!("synthetic-{first:06}.toml"));
            std::fs::write(&path, &toml).with_context(|| format!("writing {}", path.display()))?;
            toml.clear();
        }
        if (i + 1) % FTL_CHUNK == 0 || i + 1 == opts.facts {
            let name = if chunked_ftl {
                format!("facts-synth-{:03}.ftl", i / FTL_CHUNK)
            } else {
                "facts-synth.ftl".to_string()
            };
            for (c, code) in codes.iter().enumerate() {
                let path = locales.join(code).join(&name);
                let header = "# Generated by `attache synth`: answers of the synthetic facts.\n\n";
                std::fs::write(&path, format!("{header}{}", ftl[c]))
                    .with_context(|| format!("writing {}", path.display()))?;
                ftl[c].clear();
            }
        }
    }
    Ok(Summary {
        facts: opts.facts,
        phrasings,
        sentences: sentences.len(),
        knowledge,
        locales,
        elapsed: started.elapsed(),
    })
}

/// xorshift64*: small, fast, and the same everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` and a stream number (mixed with splitmix64, so nearby seeds diverge).
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut z = seed
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(stream.wrapping_mul(0xD1B5_4A32_D192_ED03))
            .wrapping_add(0x2545_F491_4F6C_DD1D);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(z | 1)
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Shuffles `v` in place.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// Picks ranks 0..n with probability proportional to 1 / (rank + 1): Zipf's law, as in real text.
#[derive(Debug, Clone)]
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Self {
        let mut acc = 0.0;
        Zipf(
            (0..n)
                .map(|r| {
                    acc += 1.0 / (r as f64 + 1.0);
                    acc
                })
                .collect(),
        )
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit() * self.0.last().copied().unwrap_or(0.0);
        self.0.partition_point(|&c| c <= u).min(self.0.len() - 1)
    }
}

/// One language's material.
struct Vocab {
    lang: Lang,
    /// Content words, most frequent first (Latin lists are cut to one word per stem).
    words: Vec<&'static str>,
    zipf: Zipf,
    questions: &'static [&'static str],
    qzipf: Zipf,
    fillers: &'static [&'static str],
}

impl Vocab {
    fn new(lang: Lang) -> Self {
        let (words, questions, fillers): (&[&str], &[&str], &[&str]) = match lang {
            Lang::En => (EN_WORDS, EN_Q, EN_FILL),
            Lang::Es => (ES_WORDS, ES_Q, ES_FILL),
            Lang::Fr => (FR_WORDS, FR_Q, FR_FILL),
            Lang::De => (DE_WORDS, DE_Q, DE_FILL),
            Lang::ZhCn | Lang::ZhTw => (&[], &[], ZH_FILL),
            Lang::Ja => (JA_WORDS, JA_Q, JA_FILL),
        };
        let (words, questions): (Vec<&'static str>, &'static [&'static str]) = match lang {
            Lang::ZhCn => (ZH_WORDS.iter().map(|p| p.0).collect(), ZH_CN_Q),
            Lang::ZhTw => (ZH_WORDS.iter().map(|p| p.1).collect(), ZH_TW_Q),
            _ => (words.to_vec(), questions),
        };
        // One word per matching key, so that two different word sets never read the same.
        let none = crate::knowledge::Synonyms::default();
        let mut keys = HashSet::new();
        let words: Vec<&'static str> = words
            .into_iter()
            .filter(|w| {
                if lang.stemmer().is_none() {
                    return keys.insert(w.to_string());
                }
                let slots = crate::matcher::analyse(w, lang, &none);
                slots.len() == 1
                    && keys.insert(
                        slots[0]
                            .keys
                            .last()
                            .map(|k| k.0.clone())
                            .unwrap_or_default(),
                    )
            })
            .collect();
        Vocab {
            lang,
            zipf: Zipf::new(words.len()),
            words,
            questions,
            qzipf: Zipf::new(questions.len()),
            fillers,
        }
    }
}

/// A generated name in every script.
#[derive(Debug, Clone)]
struct Name {
    latin: String,
    cn: String,
    tw: String,
    ja: String,
}

impl Name {
    fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.cn,
            Lang::ZhTw => &self.tw,
            Lang::Ja => &self.ja,
            _ => &self.latin,
        }
    }
}

/// A generated fact, before it is written.
struct SynthFact {
    id: String,
    index: usize,
    names: Vec<(u64, Name)>,
    /// Per language (in [`Lang::ALL`] order), the fact's topic words (indices into the vocabulary).
    topics: Vec<Vec<usize>>,
    phrasings: Vec<(Lang, Vec<String>)>,
}

/// Phrasings already used, by folded text (what the loader checks) and by set of content words (what
/// the matcher sees).
#[derive(Default)]
struct Seen {
    folded: HashSet<u64>,
    content: HashSet<u64>,
}

fn hash_of<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// The generator: vocabularies and the seed.
struct Generator {
    seed: u64,
    facts: usize,
    vocab: Vec<Vocab>,
}

const TOPICS_PER_FACT: usize = 4;

impl Generator {
    fn new(seed: u64, facts: usize) -> Self {
        Generator {
            seed,
            facts,
            vocab: Lang::ALL.iter().map(|&l| Vocab::new(l)).collect(),
        }
    }

    fn vocab(&self, lang: Lang) -> &Vocab {
        &self.vocab[lang as usize]
    }

    /// The size of the pool of names: most names belong to one or two facts.
    fn names_pool(&self) -> u64 {
        (self.facts as u64 * 2 / 3).max(16)
    }

    /// The first name of fact `i`.
    fn first_name(&self, i: usize) -> u64 {
        Rng::new(self.seed, 0x4E41_4D45_0000_0000 ^ i as u64).below(self.names_pool() as usize)
            as u64
    }

    fn name(&self, n: u64) -> Name {
        let mut rng = Rng::new(self.seed ^ 0x5EED, n.wrapping_add(1 << 40));
        let syllables = 2 + usize::from(rng.chance(0.45));
        let mut latin = String::new();
        let (mut cn, mut tw, mut ja) = (String::new(), String::new(), String::new());
        for s in 0..syllables {
            let o = rng.below(ONSETS.len());
            let v = rng.below(VOWELS.len());
            let coda = if s + 1 == syllables || rng.chance(0.2) {
                rng.below(CODAS.len())
            } else {
                0
            };
            latin.push_str(ONSETS[o]);
            latin.push_str(VOWELS[v]);
            latin.push_str(CODAS[coda]);
            let t = TRANSLIT[(o * VOWELS.len() + v) % TRANSLIT.len()];
            cn.push_str(t.0);
            tw.push_str(t.1);
            ja.push_str(KATAKANA[(o * VOWELS.len() + v) % KATAKANA.len()]);
            if coda > 0 {
                let c = CODA_TRANSLIT[coda - 1];
                cn.push_str(c.0);
                tw.push_str(c.1);
                ja.push_str(c.2);
            }
        }
        let mut chars = latin.chars();
        let latin = match chars.next() {
            Some(f) => f.to_uppercase().chain(chars).collect(),
            None => latin,
        };
        Name { latin, cn, tw, ja }
    }

    /// Sentence `j` of the brief, about fact `j`'s first name.
    fn sentence(&self, j: usize) -> String {
        let mut rng = Rng::new(self.seed, 0x4252_4945_4600_0000 ^ j as u64);
        let name = self.name(self.first_name(j)).latin;
        let en = self.vocab(Lang::En);
        let mut w = || en.words[en.zipf.sample(&mut rng)];
        let (a, b, c, d, e) = (w(), w(), w(), w(), w());
        let templates = [
            format!("{name} is set to discuss {a} and {b} with senior {c} officials"),
            format!("The {a} talks led by {name} will address {b}, {c} and {d}"),
            format!("{name} said the {a} {b} would likely shape {c} in the {d} term"),
            format!("Officials expect {name} to raise {a} {b} during the {c} {d} {e} meeting"),
        ];
        templates[rng.below(templates.len())].clone()
    }

    /// Fact `i`, its phrasings unique against `seen`.
    fn fact(&self, i: usize, seen: &mut Seen) -> SynthFact {
        let mut rng = Rng::new(self.seed, i as u64);
        let first = self.first_name(i);
        let mut names = vec![(first, self.name(first))];
        if rng.chance(0.25) {
            let n = rng.below(self.names_pool() as usize) as u64;
            if n != first {
                names.push((n, self.name(n)));
            }
        }
        let topics: Vec<Vec<usize>> = self
            .vocab
            .iter()
            .map(|v| {
                let mut t: Vec<usize> = Vec::with_capacity(TOPICS_PER_FACT);
                let mut guard = 0;
                while t.len() < TOPICS_PER_FACT.min(v.words.len()) && guard < 1000 {
                    let w = v.zipf.sample(&mut rng);
                    if !t.contains(&w) {
                        t.push(w);
                    }
                    guard += 1;
                }
                t
            })
            .collect();
        let mut fact = SynthFact {
            id: format!("synthetic-{i:06}"),
            index: i,
            names,
            topics,
            phrasings: Vec::new(),
        };
        for lang in Lang::ALL {
            let count = if lang == Lang::En {
                PHRASINGS_EN
            } else {
                PHRASINGS_OTHER
            };
            let v = self.vocab(lang);
            // The fact's usual question word in this language ("when" for a dates fact).
            let usual = v.qzipf.sample(&mut rng);
            let mut list = Vec::with_capacity(count);
            for k in 0..count {
                let mut attempt = 0;
                loop {
                    let (text, content) = self.phrasing(&fact, v, usual, k, attempt, &mut rng);
                    let f = hash_of(&fold(&text));
                    let c = hash_of(&content);
                    if !seen.folded.contains(&f) && !seen.content.contains(&c) {
                        seen.folded.insert(f);
                        seen.content.insert(c);
                        list.push(text);
                        break;
                    }
                    attempt += 1;
                }
            }
            fact.phrasings.push((lang, list));
        }
        fact
    }

    /// One phrasing and the sorted set of its content words (as ids). Later attempts add more words,
    /// so that a unique phrasing is always found.
    fn phrasing(
        &self,
        fact: &SynthFact,
        v: &Vocab,
        usual: usize,
        k: usize,
        attempt: usize,
        rng: &mut Rng,
    ) -> (String, Vec<u64>) {
        let lang = v.lang;
        let tag = (lang as u64) << 56;
        let mut content: Vec<u64> = Vec::new();
        // Content pieces: names and words, in an order to be shuffled.
        let mut pieces: Vec<String> = Vec::new();
        let with_name = k == 0 || rng.chance(0.55) || attempt > 2;
        if with_name {
            let (id, name) = &fact.names[0];
            pieces.push(name.get(lang).to_string());
            content.push((1 << 63) | *id);
        }
        if fact.names.len() > 1 && rng.chance(0.3) {
            let (id, name) = &fact.names[1];
            pieces.push(name.get(lang).to_string());
            content.push((1 << 63) | *id);
        }
        let topics = &fact.topics[lang as usize];
        let mut pick: Vec<usize> = topics.clone();
        rng.shuffle(&mut pick);
        let n_topics = 1 + rng.below(3.min(pick.len()).max(1));
        let mut words: Vec<usize> = pick.into_iter().take(n_topics).collect();
        let extra = usize::from(rng.chance(0.25)) + attempt / 4;
        for _ in 0..extra {
            words.push(v.zipf.sample(rng));
        }
        words.sort_unstable();
        words.dedup();
        for &w in &words {
            pieces.push(v.words[w].to_string());
            content.push(tag | w as u64);
        }
        rng.shuffle(&mut pieces);
        let question = if rng.chance(0.7) {
            Some(usual)
        } else if rng.chance(0.5) {
            Some(v.qzipf.sample(rng))
        } else {
            None
        };
        if let Some(q) = question {
            content.push(tag | (1 << 40) | q as u64);
        }
        content.sort_unstable();
        content.dedup();
        let text = match lang {
            Lang::ZhCn | Lang::ZhTw => {
                let mut s = String::new();
                let q = question.map(|q| v.questions[q]);
                let q_first = rng.chance(0.3);
                if let (Some(q), true) = (q, q_first) {
                    s.push_str(q);
                }
                for (n, p) in pieces.iter().enumerate() {
                    if n > 0 && rng.chance(0.4) {
                        s.push_str(v.fillers[rng.below(v.fillers.len())]);
                    }
                    s.push_str(p);
                }
                if let (Some(q), false) = (q, q_first) {
                    if rng.chance(0.5) {
                        s.push('是');
                    }
                    s.push_str(q);
                }
                s.push_str(if rng.chance(0.7) { "？" } else { "" });
                s
            }
            Lang::Ja => {
                let mut s = String::new();
                for (n, p) in pieces.iter().enumerate() {
                    if n > 0 {
                        s.push_str(v.fillers[rng.below(v.fillers.len())]);
                    }
                    s.push_str(p);
                }
                if let Some(q) = question {
                    s.push('は');
                    s.push_str(v.questions[q]);
                }
                s.push_str(JA_END[rng.below(JA_END.len())]);
                s
            }
            _ => {
                let mut parts: Vec<&str> = Vec::new();
                if let Some(q) = question {
                    parts.push(v.questions[q]);
                }
                for p in &pieces {
                    if !parts.is_empty() && rng.chance(0.45) {
                        parts.push(v.fillers[rng.below(v.fillers.len())]);
                    }
                    parts.push(p);
                }
                let mut s = parts.join(" ");
                if let Some(c) = s.chars().next() {
                    if rng.chance(0.6) {
                        let upper: String = c.to_uppercase().collect();
                        s.replace_range(..c.len_utf8(), &upper);
                    }
                }
                if rng.chance(0.7) {
                    s.push_str(if lang == Lang::Fr { " ?" } else { "?" });
                }
                if lang == Lang::Es && s.ends_with('?') && rng.chance(0.5) {
                    s.insert(0, '¿');
                }
                s
            }
        };
        (text, content)
    }

    /// The answer and title of a fact in a locale's language.
    fn answer(&self, fact: &SynthFact, lang: Lang, sentence: &str) -> (String, String) {
        let v = self.vocab(lang);
        let t: Vec<&str> = fact.topics[lang as usize]
            .iter()
            .map(|&w| v.words[w])
            .collect();
        let name = fact.names[0].1.get(lang);
        let n = fact.index;
        match lang {
            Lang::En => (
                format!(
                    "{sentence}. (Synthetic fact {n}: {name}, {}.)",
                    t.join(", ")
                ),
                format!("{name}: {}", t[0]),
            ),
            Lang::ZhCn | Lang::ZhTw | Lang::Ja => (
                format!("{name}：{}。（{n}）", t.join("、")),
                format!("{name}：{}", t[0]),
            ),
            _ => (
                format!("{name}: {}. ({n})", t.join(", ")),
                format!("{name}: {}", t[0]),
            ),
        }
    }
}

impl SynthFact {
    fn write_toml(&self, out: &mut String, quote: &str, facts: usize) {
        let q = toml_str;
        let _ = writeln!(
            out,
            "[[fact]]\nid = {}\nsource = [{}]",
            q(&self.id),
            q(quote)
        );
        if facts > 1 {
            let _ = writeln!(
                out,
                "related = [{}]",
                q(&format!("synthetic-{:06}", (self.index + 1) % facts))
            );
        }
        let _ = writeln!(
            out,
            "keywords = [{}]\n\n[fact.questions]",
            q(&self.names[0].1.latin.to_lowercase())
        );
        for (lang, list) in &self.phrasings {
            let items: Vec<String> = list.iter().map(|p| q(p)).collect();
            let _ = writeln!(out, "{} = [\n  {},\n]", q(lang.code()), items.join(",\n  "));
        }
        out.push('\n');
    }
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

// ---- Vocabulary. Lists are ordered roughly from common to rare; the Zipf draw follows that order. ----

#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
    "gr", "kr", "st", "tr", "ch", "sh",
];

const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ei", "ia", "ou"];

const CODAS: &[&str] = &["", "n", "r", "l", "s", "k"];

/// Transliteration characters (Simplified, Traditional), as in 布林肯.
#[rustfmt::skip]
const TRANSLIT: &[(&str, &str)] = &[
    ("阿", "阿"), ("巴", "巴"), ("贝", "貝"), ("比", "比"), ("布", "布"), ("卡", "卡"), ("克", "克"), ("拉", "拉"),
    ("莱", "萊"), ("利", "利"), ("罗", "羅"), ("马", "馬"), ("米", "米"), ("莫", "莫"), ("纳", "納"), ("尼", "尼"),
    ("诺", "諾"), ("帕", "帕"), ("皮", "皮"), ("普", "普"), ("萨", "薩"), ("塞", "塞"), ("斯", "斯"), ("塔", "塔"),
    ("特", "特"), ("托", "托"), ("瓦", "瓦"), ("维", "維"), ("沃", "沃"), ("扎", "扎"), ("泽", "澤"), ("德", "德"),
    ("多", "多"), ("菲", "菲"), ("弗", "弗"), ("格", "格"), ("戈", "戈"), ("哈", "哈"), ("赫", "赫"), ("霍", "霍"),
    ("基", "基"), ("杰", "傑"), ("金", "金"), ("库", "庫"), ("兰", "蘭"), ("林", "林"), ("伦", "倫"), ("洛", "洛"),
    ("曼", "曼"), ("梅", "梅"), ("蒙", "蒙"), ("穆", "穆"), ("奈", "奈"), ("宁", "寧"), ("奥", "奧"), ("佩", "佩"),
    ("乔", "喬"), ("琼", "瓊"), ("瑞", "瑞"), ("森", "森"), ("沙", "沙"), ("舍", "舍"), ("什", "什"), ("苏", "蘇"),
    ("索", "索"), ("泰", "泰"), ("汤", "湯"), ("图", "圖"), ("威", "威"), ("温", "溫"), ("西", "西"), ("希", "希"),
    ("谢", "謝"), ("辛", "辛"), ("亚", "亞"), ("伊", "伊"), ("尤", "尤"), ("约", "約"), ("詹", "詹"), ("芝", "芝"),
    ("丹", "丹"), ("迪", "迪"), ("加", "加"), ("凯", "凱"),
];

/// Codas n, r, l, s, k: (Simplified, Traditional, katakana).
#[rustfmt::skip]
const CODA_TRANSLIT: &[(&str, &str, &str)] = &[
    ("恩", "恩", "ン"), ("尔", "爾", "ル"), ("尔", "爾", "ル"), ("斯", "斯", "ス"), ("克", "克", "ク"),
];

#[rustfmt::skip]
const KATAKANA: &[&str] = &[
    "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ",
    "ワ", "ガ", "ギ", "グ", "ゲ", "ゴ", "ザ", "ジ", "ズ", "ゼ", "ゾ", "ダ", "デ", "ド", "バ", "ビ", "ブ", "ベ", "ボ",
    "パ", "ピ", "プ", "ペ", "ポ", "ヴァ", "ティ", "ディ", "シェ", "チェ", "ジェ", "ファ", "フィ", "ウィ", "ウェ",
];

const EN_Q: &[&str] = &["when", "what", "who", "where", "why", "how", "which"];

#[rustfmt::skip]
const EN_FILL: &[&str] = &[
    "the", "is", "of", "in", "to", "for", "does", "did", "on", "with", "about", "a",
];

#[rustfmt::skip]
const EN_WORDS: &[&str] = &[
    "visit", "talks", "china", "meeting", "trade", "security", "relations", "president", "minister",
    "summit", "economy", "agreement", "policy", "military", "government", "election", "tariffs",
    "sanctions", "climate", "energy", "border", "dialogue", "beijing", "washington", "taiwan",
    "region", "crisis", "conflict", "alliance", "treaty", "negotiations", "delegation", "embassy",
    "ambassador", "diplomat", "secretary", "officials", "leaders", "congress", "parliament",
    "budget", "inflation", "markets", "exports", "imports", "investment", "technology", "chips",
    "supply", "cooperation", "competition", "tension", "peace", "war", "army", "navy", "missiles",
    "nuclear", "rights", "media", "news", "report", "statement", "journalists", "spokesperson",
    "conference", "forum", "nations", "europe", "asia", "japan", "korea", "russia", "india",
    "premier", "chairman", "country", "people", "companies", "banks", "currency", "growth",
    "recession", "jobs", "workers", "farming", "food", "oil", "gas", "electricity", "transport",
    "railway", "ports", "airport", "flights", "travel", "schedule", "dates", "time", "purpose",
    "goals", "results", "impact", "outlook", "history", "future", "plan", "reform", "law", "court",
    "police", "migration", "refugees", "pandemic", "vaccines", "hospitals", "education", "students",
    "universities", "culture", "sports", "tourism", "environment", "pollution", "emissions",
    "internet", "data", "intelligence", "satellites", "space", "exercises", "patrols", "fleet",
    "territory", "sovereignty", "voters", "parties", "communist", "democracy", "protests",
    "strikes", "taxes", "debt", "aid", "fund", "ministry", "cabinet", "senate", "governor", "mayor",
    "capital", "province", "island", "strait", "ocean", "coast", "harbor", "factory", "industry",
    "agriculture", "minerals", "steel", "semiconductors", "software", "cyber", "hackers",
    "espionage", "balloon", "drones", "weapons", "arms", "defense", "deterrence", "escalation",
    "ceasefire", "hostility", "stability", "partnership", "rivalry", "bilateral", "multilateral",
    "regional", "global", "strategic", "economic", "diplomatic", "official", "senior", "historic",
    "first", "years", "months", "weeks", "june", "july", "monday", "tuesday", "morning", "evening",
    "dinner", "visitors", "hosts", "counterpart", "foreign", "domestic", "administration", "term",
    "reelection", "campaign", "candidate", "opposition", "coalition", "referendum", "constitution",
    "judges", "verdict", "prison", "corruption", "scandal", "investigation", "hearing", "vote",
    "legislation", "regulation", "subsidies", "loans", "bonds", "shares", "profits", "losses",
    "prices", "wages", "housing", "rents", "fisheries", "forests", "wildfires", "floods", "drought",
    "earthquake", "storm", "heatwave", "harvest", "shipping", "containers", "logistics",
];

const ES_Q: &[&str] = &[
    "cuándo", "quién", "dónde", "cuál", "cómo", "cuánto", "qué", "por qué",
];

#[rustfmt::skip]
const ES_FILL: &[&str] = &[
    "el", "la", "los", "las", "de", "en", "es", "del", "por", "para", "con", "se",
];

#[rustfmt::skip]
const ES_WORDS: &[&str] = &[
    "visita", "conversaciones", "china", "reunión", "comercio", "seguridad", "relaciones",
    "presidente", "ministro", "cumbre", "economía", "acuerdo", "política", "militar", "gobierno",
    "elecciones", "aranceles", "sanciones", "clima", "energía", "frontera", "diálogo", "pekín",
    "washington", "taiwán", "región", "crisis", "conflicto", "alianza", "tratado", "negociaciones",
    "delegación", "embajada", "embajador", "diplomático", "secretario", "funcionarios", "líderes",
    "congreso", "parlamento", "presupuesto", "inflación", "mercados", "exportaciones",
    "importaciones", "inversión", "tecnología", "chips", "suministro", "cooperación", "competencia",
    "tensión", "paz", "guerra", "ejército", "armada", "misiles", "nuclear", "derechos", "medios",
    "noticias", "informe", "declaración", "periodistas", "portavoz", "conferencia", "foro",
    "naciones", "europa", "asia", "japón", "corea", "rusia", "india", "primer", "país", "pueblo",
    "empresas", "bancos", "moneda", "crecimiento", "recesión", "empleo", "trabajadores",
    "agricultura", "alimentos", "petróleo", "electricidad", "transporte", "ferrocarril", "puertos",
    "aeropuerto", "vuelos", "viaje", "calendario", "fechas", "tiempo", "propósito", "objetivos",
    "resultados", "impacto", "perspectivas", "historia", "futuro", "plan", "reforma", "ley",
    "tribunal", "policía", "migración", "refugiados", "pandemia", "vacunas", "hospitales",
    "educación", "estudiantes", "universidades", "cultura", "deportes", "turismo", "ambiente",
    "contaminación", "emisiones", "internet", "datos", "inteligencia", "satélites", "espacio",
    "ejercicios", "patrullas", "flota", "territorio", "soberanía", "votantes", "partidos",
    "comunista", "democracia", "protestas", "huelgas", "impuestos", "deuda", "ayuda", "fondo",
    "ministerio", "gabinete", "senado", "gobernador", "alcalde", "capital", "provincia", "isla",
    "estrecho", "océano", "costa", "fábrica", "industria", "minerales", "acero", "semiconductores",
    "software", "piratas", "espionaje", "globo", "drones", "armas", "defensa", "disuasión",
    "escalada", "hostilidad", "estabilidad", "asociación", "rivalidad", "bilateral", "regional",
    "mundial", "estratégico", "económico", "oficial", "histórico", "años", "meses", "semanas",
    "junio", "julio", "lunes", "mañana", "cena", "anfitriones", "homólogo", "exterior", "interior",
    "administración", "mandato", "reelección", "campaña", "candidato", "oposición", "coalición",
    "referéndum", "constitución", "jueces", "veredicto", "prisión", "corrupción", "escándalo",
    "investigación", "audiencia", "votación", "legislación", "subsidios", "préstamos", "bonos",
    "acciones", "beneficios", "pérdidas", "precios", "salarios", "vivienda", "alquileres", "pesca",
    "bosques", "incendios", "inundaciones", "sequía", "terremoto", "tormenta", "cosecha",
];

#[rustfmt::skip]
const FR_Q: &[&str] = &[
    "quand", "qui", "pourquoi", "quel", "quelle", "combien", "comment", "quels",
];

#[rustfmt::skip]
const FR_FILL: &[&str] = &[
    "le", "la", "les", "de", "du", "des", "en", "est", "il", "dans", "au", "sur",
];

#[rustfmt::skip]
const FR_WORDS: &[&str] = &[
    "visite", "pourparlers", "chine", "réunion", "commerce", "sécurité", "relations", "président",
    "ministre", "sommet", "économie", "accord", "politique", "militaire", "gouvernement",
    "élections", "droits", "sanctions", "climat", "énergie", "frontière", "dialogue", "pékin",
    "washington", "taïwan", "région", "crise", "conflit", "alliance", "traité", "négociations",
    "délégation", "ambassade", "ambassadeur", "diplomate", "secrétaire", "responsables",
    "dirigeants", "congrès", "parlement", "budget", "inflation", "marchés", "exportations",
    "importations", "investissement", "technologie", "puces", "approvisionnement", "coopération",
    "concurrence", "tensions", "paix", "guerre", "armée", "marine", "missiles", "nucléaire",
    "médias", "nouvelles", "rapport", "déclaration", "journalistes", "porte-parole", "conférence",
    "forum", "nations", "europe", "asie", "japon", "corée", "russie", "inde", "premier", "pays",
    "peuple", "entreprises", "banques", "monnaie", "croissance", "récession", "emplois",
    "travailleurs", "agriculture", "alimentation", "pétrole", "électricité", "transports", "chemin",
    "ports", "aéroport", "vols", "voyage", "calendrier", "dates", "temps", "objectif", "buts",
    "résultats", "impact", "perspectives", "histoire", "avenir", "plan", "réforme", "loi",
    "tribunal", "police", "migration", "réfugiés", "pandémie", "vaccins", "hôpitaux", "éducation",
    "étudiants", "universités", "culture", "sports", "tourisme", "environnement", "pollution",
    "émissions", "internet", "données", "renseignement", "satellites", "espace", "exercices",
    "patrouilles", "flotte", "territoire", "souveraineté", "électeurs", "partis", "communiste",
    "démocratie", "manifestations", "grèves", "impôts", "dette", "aide", "fonds", "ministère",
    "cabinet", "sénat", "gouverneur", "maire", "capitale", "province", "île", "détroit", "océan",
    "côte", "usine", "industrie", "minerais", "acier", "semi-conducteurs", "logiciels", "pirates",
    "espionnage", "ballon", "drones", "armes", "défense", "dissuasion", "escalade", "cessez-le-feu",
    "hostilité", "stabilité", "partenariat", "rivalité", "bilatéral", "régional", "mondial",
    "stratégique", "économique", "officiel", "historique", "années", "mois", "semaines", "juin",
    "juillet", "lundi", "matin", "soir", "dîner", "hôtes", "homologue", "étranger", "intérieur",
    "administration", "mandat", "réélection", "campagne", "candidat", "opposition", "coalition",
    "référendum", "constitution", "juges", "verdict", "prison", "corruption", "scandale", "enquête",
    "audience", "vote", "législation", "subventions", "prêts", "obligations", "actions",
    "bénéfices", "pertes", "prix", "salaires", "logement", "loyers", "pêche", "forêts", "incendies",
    "inondations", "sécheresse", "séisme", "tempête", "récolte",
];

const DE_Q: &[&str] = &["wann", "wer", "wo", "warum", "welche", "wie", "was", "wen"];

#[rustfmt::skip]
const DE_FILL: &[&str] = &[
    "der", "die", "das", "den", "ist", "von", "zu", "im", "und", "am", "auf", "des",
];

#[rustfmt::skip]
const DE_WORDS: &[&str] = &[
    "Besuch", "Gespräche", "China", "Treffen", "Handel", "Sicherheit", "Beziehungen", "Präsident",
    "Minister", "Gipfel", "Wirtschaft", "Abkommen", "Politik", "Militär", "Regierung", "Wahlen",
    "Zölle", "Sanktionen", "Klima", "Energie", "Grenze", "Dialog", "Peking", "Washington", "Taiwan",
    "Region", "Krise", "Konflikt", "Bündnis", "Vertrag", "Verhandlungen", "Delegation", "Botschaft",
    "Botschafter", "Diplomat", "Außenminister", "Beamte", "Führung", "Kongress", "Parlament",
    "Haushalt", "Inflation", "Märkte", "Exporte", "Importe", "Investitionen", "Technologie",
    "Halbleiter", "Lieferketten", "Zusammenarbeit", "Wettbewerb", "Spannungen", "Frieden", "Krieg",
    "Armee", "Marine", "Raketen", "Atomwaffen", "Menschenrechte", "Medien", "Nachrichten",
    "Bericht", "Erklärung", "Journalisten", "Sprecher", "Konferenz", "Forum", "Nationen", "Europa",
    "Asien", "Japan", "Korea", "Russland", "Indien", "Premier", "Land", "Volk", "Unternehmen",
    "Banken", "Währung", "Wachstum", "Rezession", "Arbeitsplätze", "Arbeiter", "Landwirtschaft",
    "Lebensmittel", "Öl", "Strom", "Verkehr", "Eisenbahn", "Häfen", "Flughafen", "Flüge", "Reise",
    "Zeitplan", "Termine", "Zeit", "Zweck", "Ziele", "Ergebnisse", "Auswirkungen", "Ausblick",
    "Geschichte", "Zukunft", "Plan", "Reform", "Gesetz", "Gericht", "Polizei", "Migration",
    "Flüchtlinge", "Pandemie", "Impfstoffe", "Krankenhäuser", "Bildung", "Studenten",
    "Universitäten", "Kultur", "Sport", "Tourismus", "Umwelt", "Verschmutzung", "Emissionen",
    "Internet", "Daten", "Geheimdienst", "Satelliten", "Weltraum", "Manöver", "Patrouillen",
    "Flotte", "Territorium", "Souveränität", "Wähler", "Parteien", "Kommunisten", "Demokratie",
    "Proteste", "Streiks", "Steuern", "Schulden", "Hilfe", "Fonds", "Ministerium", "Kabinett",
    "Senat", "Gouverneur", "Bürgermeister", "Hauptstadt", "Provinz", "Insel", "Meerenge", "Ozean",
    "Küste", "Fabrik", "Industrie", "Rohstoffe", "Stahl", "Software", "Hacker", "Spionage",
    "Ballon", "Drohnen", "Waffen", "Verteidigung", "Abschreckung", "Eskalation", "Waffenruhe",
    "Feindseligkeit", "Stabilität", "Partnerschaft", "Rivalität", "bilateral", "regional",
    "weltweit", "strategisch", "wirtschaftlich", "offiziell", "historisch", "Jahre", "Monate",
    "Wochen", "Juni", "Juli", "Montag", "Morgen", "Abend", "Abendessen", "Gastgeber", "Amtskollege",
    "Ausland", "Inland", "Verwaltung", "Amtszeit", "Wiederwahl", "Wahlkampf", "Kandidat",
    "Opposition", "Koalition", "Referendum", "Verfassung", "Richter", "Urteil", "Gefängnis",
    "Korruption", "Skandal", "Ermittlungen", "Anhörung", "Abstimmung", "Gesetzgebung",
    "Subventionen", "Kredite", "Anleihen", "Aktien", "Gewinne", "Verluste", "Preise", "Löhne",
    "Wohnungen", "Mieten", "Fischerei", "Wälder", "Waldbrände", "Überschwemmungen", "Dürre",
    "Erdbeben", "Sturm", "Ernte",
];

/// Chinese news words, (Simplified, Traditional).
#[rustfmt::skip]
const ZH_WORDS: &[(&str, &str)] = &[
    ("访问", "訪問"), ("会谈", "會談"), ("中国", "中國"), ("会议", "會議"), ("贸易", "貿易"), ("安全", "安全"),
    ("关系", "關係"), ("总统", "總統"), ("部长", "部長"), ("峰会", "峰會"), ("经济", "經濟"), ("协议", "協議"),
    ("政策", "政策"), ("军事", "軍事"), ("政府", "政府"), ("选举", "選舉"), ("关税", "關稅"), ("制裁", "制裁"),
    ("气候", "氣候"), ("能源", "能源"), ("边境", "邊境"), ("对话", "對話"), ("北京", "北京"), ("华盛顿", "華盛頓"),
    ("台湾", "台灣"), ("地区", "地區"), ("危机", "危機"), ("冲突", "衝突"), ("联盟", "聯盟"), ("条约", "條約"),
    ("谈判", "談判"), ("代表团", "代表團"), ("大使馆", "大使館"), ("大使", "大使"), ("外交官", "外交官"), ("国务卿", "國務卿"),
    ("官员", "官員"), ("领导人", "領導人"), ("国会", "國會"), ("议会", "議會"), ("预算", "預算"), ("通胀", "通膨"),
    ("市场", "市場"), ("出口", "出口"), ("进口", "進口"), ("投资", "投資"), ("科技", "科技"), ("芯片", "晶片"),
    ("供应链", "供應鏈"), ("合作", "合作"), ("竞争", "競爭"), ("紧张", "緊張"), ("局势", "局勢"), ("和平", "和平"),
    ("战争", "戰爭"), ("军队", "軍隊"), ("海军", "海軍"), ("导弹", "導彈"), ("核武", "核武"), ("人权", "人權"),
    ("媒体", "媒體"), ("新闻", "新聞"), ("报道", "報導"), ("声明", "聲明"), ("记者", "記者"), ("发言人", "發言人"),
    ("论坛", "論壇"), ("联合国", "聯合國"), ("欧洲", "歐洲"), ("亚洲", "亞洲"), ("日本", "日本"), ("韩国", "韓國"),
    ("俄罗斯", "俄羅斯"), ("印度", "印度"), ("美国", "美國"), ("总理", "總理"), ("主席", "主席"), ("国家", "國家"),
    ("人民", "人民"), ("公司", "公司"), ("银行", "銀行"), ("货币", "貨幣"), ("汇率", "匯率"), ("增长", "增長"),
    ("衰退", "衰退"), ("就业", "就業"), ("工人", "工人"), ("农业", "農業"), ("粮食", "糧食"), ("石油", "石油"),
    ("天然气", "天然氣"), ("电力", "電力"), ("交通", "交通"), ("铁路", "鐵路"), ("港口", "港口"), ("机场", "機場"),
    ("航班", "航班"), ("旅行", "旅行"), ("行程", "行程"), ("日期", "日期"), ("时间", "時間"), ("目的", "目的"),
    ("目标", "目標"), ("结果", "結果"), ("影响", "影響"), ("前景", "前景"), ("历史", "歷史"), ("未来", "未來"),
    ("计划", "計畫"), ("改革", "改革"), ("法律", "法律"), ("法院", "法院"), ("警察", "警察"), ("边界", "邊界"),
    ("移民", "移民"), ("难民", "難民"), ("疫情", "疫情"), ("疫苗", "疫苗"), ("医院", "醫院"), ("教育", "教育"),
    ("学生", "學生"), ("大学", "大學"), ("文化", "文化"), ("体育", "體育"), ("比赛", "比賽"), ("旅游", "旅遊"),
    ("环境", "環境"), ("污染", "污染"), ("排放", "排放"), ("网络", "網路"), ("数据", "數據"), ("人工智能", "人工智慧"),
    ("卫星", "衛星"), ("太空", "太空"), ("演习", "演習"), ("巡逻", "巡邏"), ("舰队", "艦隊"), ("领土", "領土"),
    ("主权", "主權"), ("选民", "選民"), ("政党", "政黨"), ("共产党", "共產黨"), ("民主", "民主"), ("抗议", "抗議"),
    ("罢工", "罷工"), ("税收", "稅收"), ("债务", "債務"), ("援助", "援助"), ("基金", "基金"), ("内阁", "內閣"),
    ("参议院", "參議院"), ("州长", "州長"), ("首都", "首都"), ("省份", "省份"), ("岛屿", "島嶼"), ("海峡", "海峽"),
    ("海洋", "海洋"), ("工厂", "工廠"), ("钢铁", "鋼鐵"), ("软件", "軟體"), ("黑客", "駭客"), ("间谍", "間諜"),
    ("气球", "氣球"), ("无人机", "無人機"), ("武器", "武器"), ("国防", "國防"), ("威慑", "威懾"), ("升级", "升級"),
    ("停火", "停火"), ("敌意", "敵意"), ("稳定", "穩定"), ("伙伴", "夥伴"), ("对手", "對手"), ("双边", "雙邊"),
    ("全球", "全球"), ("战略", "戰略"), ("历史性", "歷史性"), ("六月", "六月"), ("晚宴", "晚宴"), ("任期", "任期"),
    ("连任", "連任"), ("竞选", "競選"), ("候选人", "候選人"), ("反对党", "反對黨"), ("宪法", "憲法"), ("法官", "法官"),
    ("判决", "判決"), ("监狱", "監獄"), ("腐败", "腐敗"), ("丑闻", "醜聞"), ("调查", "調查"), ("听证会", "聽證會"),
    ("投票", "投票"), ("立法", "立法"), ("补贴", "補貼"), ("贷款", "貸款"), ("债券", "債券"), ("股票", "股票"),
    ("利润", "利潤"), ("价格", "價格"), ("工资", "工資"), ("住房", "住房"), ("渔业", "漁業"), ("森林", "森林"),
    ("洪水", "洪水"), ("干旱", "乾旱"), ("地震", "地震"), ("台风", "颱風"), ("收成", "收成"),
];

const ZH_CN_Q: &[&str] = &[
    "什么时候",
    "什么",
    "谁",
    "哪里",
    "为什么",
    "怎么",
    "多久",
    "哪天",
    "哪些",
];

const ZH_TW_Q: &[&str] = &[
    "什麼時候",
    "什麼",
    "誰",
    "哪裡",
    "為什麼",
    "怎麼",
    "多久",
    "哪天",
    "哪些",
];

const ZH_FILL: &[&str] = &["的", "和", "与", "在", "的", "了"];

const JA_Q: &[&str] = &[
    "いつ",
    "何",
    "誰",
    "どこ",
    "なぜ",
    "どう",
    "どのくらい",
    "どれ",
];

const JA_FILL: &[&str] = &["の", "と", "の", "で", "に関する", "や"];

const JA_END: &[&str] = &["ですか？", "？", "ですか", "なの？", "でしょうか"];

#[rustfmt::skip]
const JA_WORDS: &[&str] = &[
    "訪問", "会談", "中国", "会議", "貿易", "安全保障", "関係", "大統領", "大臣", "首脳会議", "経済", "合意", "政策", "軍事", "政府",
    "選挙", "関税", "制裁", "気候", "エネルギー", "国境", "対話", "北京", "ワシントン", "台湾", "地域", "危機", "紛争", "同盟", "条約",
    "交渉", "代表団", "大使館", "大使", "外交官", "国務長官", "当局者", "指導者", "議会", "予算", "インフレ", "市場", "輸出", "輸入",
    "投資", "技術", "半導体", "供給網", "協力", "競争", "緊張", "情勢", "平和", "戦争", "軍隊", "海軍", "ミサイル", "核兵器", "人権",
    "メディア", "ニュース", "報道", "声明", "記者", "報道官", "フォーラム", "国連", "欧州", "アジア", "日本", "韓国", "ロシア", "インド",
    "米国", "首相", "主席", "国家", "国民", "企業", "銀行", "通貨", "為替", "成長", "景気後退", "雇用", "労働者", "農業", "食料",
    "石油", "天然ガス", "電力", "交通", "鉄道", "港湾", "空港", "航空便", "旅行", "日程", "日付", "時間", "目的", "目標", "結果",
    "影響", "見通し", "歴史", "将来", "計画", "改革", "法律", "裁判所", "警察", "移民", "難民", "感染症", "ワクチン", "病院", "教育",
    "学生", "大学", "文化", "スポーツ", "試合", "観光", "環境", "汚染", "排出", "ネットワーク", "データ", "人工知能", "衛星", "宇宙",
    "演習", "巡回", "艦隊", "領土", "主権", "有権者", "政党", "共産党", "民主主義", "抗議", "ストライキ", "税金", "債務", "援助", "基金",
    "内閣", "上院", "知事", "首都", "州", "島", "海峡", "海洋", "工場", "鉄鋼", "ソフトウェア", "ハッカー", "スパイ", "気球", "ドローン",
    "武器", "防衛", "抑止", "緊張激化", "停戦", "敵意", "安定", "パートナー", "対立", "二国間", "世界", "戦略", "歴史的", "六月",
    "夕食会", "任期", "再選", "選挙戦", "候補者", "野党", "憲法", "裁判官", "判決", "刑務所", "汚職", "スキャンダル", "捜査", "公聴会",
    "投票", "立法", "補助金", "融資", "債券", "株式", "利益", "価格", "賃金", "住宅", "漁業", "森林", "洪水", "干ばつ", "地震",
    "台風", "収穫",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{answer, Hints};
    use crate::engine::Snapshot;

    fn locales_src() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
    }

    #[test]
    fn a_small_synthetic_base_is_valid_and_answers_its_own_phrasings() {
        let dir = tempfile::tempdir().unwrap();
        let s = generate(
            &Options {
                per_file: 7,
                ..Options::new(40)
            },
            &locales_src(),
            dir.path(),
        )
        .unwrap();
        assert_eq!(s.facts, 40);
        assert_eq!(s.phrasings, 40 * (PHRASINGS_EN + 6 * PHRASINGS_OTHER));
        let snap =
            Snapshot::load(&s.knowledge, &s.locales).unwrap_or_else(|e| panic!("invalid: {e}"));
        assert_eq!(snap.facts.len(), 40);
        assert_eq!(snap.index.phrasings(), s.phrasings);
        assert!(
            snap.facts.regression.is_empty(),
            "no questions.tsv is written"
        );
        let fact = snap
            .facts
            .get("synthetic-000007")
            .expect("ids are zero-padded");
        assert_eq!(fact.questions[&Lang::En].len(), PHRASINGS_EN);
        assert_eq!(fact.questions[&Lang::Ja].len(), PHRASINGS_OTHER);

        // The first English phrasing of a fact names it: it must be answered with that fact.
        let q = &fact.questions[&Lang::En][0];
        let r = answer(&snap, q, &Hints::default());
        assert_eq!(r.fact.as_deref(), Some("synthetic-000007"), "{q}");
        assert!(r.text.contains("Synthetic fact 7"), "{}", r.text);

        // Nearly every phrasing, in every language, finds its own fact.
        let (mut total, mut right) = (0, 0);
        for f in &snap.facts.facts {
            for p in f.questions.values().flatten() {
                total += 1;
                right += usize::from(
                    answer(&snap, p, &Hints::default()).fact.as_deref() == Some(f.id.as_str()),
                );
            }
        }
        assert!(
            right * 100 >= total * 90,
            "{right}/{total} phrasings answered with their own fact"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_files() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let opts = Options::new(12);
        generate(&opts, &locales_src(), a.path()).unwrap();
        generate(&opts, &locales_src(), b.path()).unwrap();
        for rel in [
            "knowledge/brief.md",
            "knowledge/facts/synthetic-000000.toml",
            "locales/ja/facts-synth.ftl",
        ] {
            let (x, y) = (
                std::fs::read(a.path().join(rel)).unwrap(),
                std::fs::read(b.path().join(rel)).unwrap(),
            );
            assert_eq!(x, y, "{rel}");
        }
        let other = tempfile::tempdir().unwrap();
        generate(&Options { seed: 2, ..opts }, &locales_src(), other.path()).unwrap();
        assert_ne!(
            std::fs::read(a.path().join("knowledge/brief.md")).unwrap(),
            std::fs::read(other.path().join("knowledge/brief.md")).unwrap()
        );
    }

    #[test]
    fn force_replaces_only_generated_output() {
        let dir = tempfile::tempdir().unwrap();
        generate(&Options::new(3), &locales_src(), dir.path()).unwrap();
        assert!(
            prepare_out(dir.path(), false).is_err(),
            "not without --force"
        );
        prepare_out(dir.path(), true).unwrap();
        assert!(!dir.path().join("knowledge").exists());

        let real = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(real.path().join("knowledge")).unwrap();
        std::fs::write(real.path().join("knowledge/brief.md"), "a real brief").unwrap();
        assert!(
            prepare_out(real.path(), true).is_err(),
            "a real fact base is never deleted"
        );
        assert!(real.path().join("knowledge/brief.md").exists());
    }

    #[test]
    fn zipf_prefers_low_ranks_and_rng_is_deterministic() {
        let z = Zipf::new(100);
        let mut rng = Rng::new(7, 0);
        let draws: Vec<usize> = (0..10_000).map(|_| z.sample(&mut rng)).collect();
        let low = draws.iter().filter(|&&d| d < 10).count();
        assert!(low > 4_000 && low < 7_000, "{low}");
        assert!(draws.iter().all(|&d| d < 100));
        assert_eq!(Rng::new(7, 0).next_u64(), Rng::new(7, 0).next_u64());
        assert_ne!(Rng::new(7, 0).next_u64(), Rng::new(7, 1).next_u64());
    }
}
