//! Scoring a question against every fact: soft, IDF-weighted overlap between the question's terms
//! and each phrasing's, with typo tolerance. The thresholds that turn a score into an answer, a
//! suggestion or a decline are the named constants below.

use super::analyse::{analyse_into, Class, SlotSink, QUESTION_WORD_BOOST};
use super::index::{
    for_each_deletion, max_edits, other_stems, slot_weight, Index, Phrasing, TermId,
};
use crate::lang::Lang;

/// A fact scoring at least this is the answer.
///
/// Below it, something the question says is missing from every phrasing of the best fact: an
/// unknown name ("Nixon"), a topic the brief lacks ("weather"), or a mix of two facts' words.
pub const ANSWER_THRESHOLD: f32 = 0.53;

/// Facts scoring at least this (but less than [`ANSWER_THRESHOLD`]) are offered as "did you mean".
pub const SUGGEST_THRESHOLD: f32 = 0.38;

/// In channels where the bot answers unprompted, a fact must score at least this: a wrong
/// unsolicited answer is worse than silence.
pub const UNPROMPTED_THRESHOLD: f32 = 0.7;

/// How much the question's coverage counts against the phrasing's (the rest).
///
/// What the user wrote must be understood (an unknown word is a strong sign the brief does not
/// cover it); a phrasing may carry extra words the user left out ("When is Blinken visiting China?"
/// vs "When?").
pub const QUESTION_COVERAGE_WEIGHT: f32 = 0.6;

/// The share of a fact's score that comes from its best single phrasing; the rest comes from how much of
/// the question the fact's whole vocabulary (all phrasings and keywords) covers.
pub const BEST_PHRASING_SHARE: f32 = 0.6;

/// A typo-tolerant match must be at least this similar (1 - edits / length): "chna" ~ "china" is 0.8,
/// "wen" ~ "when" 0.75, "wer" ~ "wen" 0.67 (rejected).
pub const FUZZY_MIN_SIMILARITY: f32 = 0.7;

/// A phrasing that asks with another question word than the question ("wo" against "wann") scores
/// this share: the question word names the kind of answer wanted.
pub const QUESTION_CONFLICT_PENALTY: f32 = 0.85;

/// How a fact's whole vocabulary joins its best phrasing's score: 0 adds it
/// (`share * best + (1 - share) * coverage`), 1 multiplies them
/// (`best^share * coverage^(1 - share)`). Adding rewards questions that mix words of several
/// phrasings; multiplying lets a weak best phrasing keep the score low.
pub const FACT_COVERAGE_MODE: u8 = 0;

/// How strongly the fact's *typicality* for the question's words counts: for each word, how typical
/// it is of this fact (the share of the fact's phrasings using it) compared with the fact where it
/// is most typical. A question whose weighty words are typical of different facts ("When will Xi
/// visit the US?": "when" is typical of the dates, "Xi" of his third term) is a question about
/// something else, and scores lower. 0 turns it off.
pub const TYPICALITY_EXPONENT: f32 = 0.5;

/// Words of at most this many letters must keep their first letter to count as a typo of a known word.
pub const SHORT_WORD_LEN: usize = 4;

/// A short word of the question that only other languages' phrasings use counts this much as itself
/// (its typo readings in the question's language are tried too).
pub const FALSE_FRIEND_SIMILARITY: f32 = 0.6;

/// A word found only through another language's stemmer counts this much.
pub const OTHER_STEM_SIMILARITY: f32 = 0.9;

/// Unknown CJK pairs weigh this share of an unknown word: pairs that straddle two words are
/// unavoidable noise in unsegmented text, unlike an unknown word in a spaced language.
pub const UNKNOWN_PAIR_SHARE: f32 = 0.35;

/// Unknown words (in no phrasing or keyword, not even with a typo) weigh this many times the rarest
/// known word: a name or topic the brief never mentions ("Nixon", "Japan", "weather") is the
/// strongest sign that the question is not about the brief.
pub const UNKNOWN_WORD_FACTOR: f32 = 0.7;

/// A question must carry at least this share of the rarest word's weight in matched terms to be
/// answered at full score: "how?" alone, or "hi, how are you", is too little to stand on.
pub const MIN_EVIDENCE_SHARE: f32 = 0.6;

/// Each content word (or CJK character) of the question that nothing in the fact base knows, not even
/// with a typo, multiplies the score by this: the unknown word is usually the point of the question
/// ("When did *Nixon* visit China?", "How long did Blinken stay in *Japan*?").
pub const UNKNOWN_SLOT_PENALTY: f32 = 0.9;

/// A fact that lacks more of the question's content than it has is scored down by this factor:
/// the weight of the question's content terms (not question words) it has none of, known or
/// unknown, outweighs the weight of those it has (at their similarity). "When did Blinken visit
/// *Russia*?" shares "when", "Blinken" and "visit" with the visit's dates, but "Russia" weighs
/// more than "Blinken" and "visit" together, which nearly every fact has: the question is about
/// something else. On the evaluation sets the condition holds for the best fact of almost only
/// unanswerable questions (and of answerable ones already under the answer threshold); at 0.8
/// a near miss scoring up to 0.66 falls under it.
pub const OFF_TOPIC_PENALTY: f32 = 0.8;

/// Question words count this share of their weight as evidence: "when is the visit?" asks about
/// something ("when" and "visit"), "hi, how are you" hardly does.
pub const QUESTION_EVIDENCE_SHARE: f32 = 0.5;

/// The tunable numbers of scoring, gathered so that tests and the tuning example can vary them;
/// [`Params::DEFAULT`] holds the named constants above.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// See [`QUESTION_COVERAGE_WEIGHT`].
    pub question_coverage_weight: f32,
    /// See [`BEST_PHRASING_SHARE`].
    pub best_phrasing_share: f32,
    /// See [`UNKNOWN_WORD_FACTOR`].
    pub unknown_word_factor: f32,
    /// See [`UNKNOWN_PAIR_SHARE`].
    pub unknown_pair_share: f32,
    /// See [`MIN_EVIDENCE_SHARE`].
    pub min_evidence_share: f32,
    /// See [`UNKNOWN_SLOT_PENALTY`].
    pub unknown_slot_penalty: f32,
    /// See [`QUESTION_CONFLICT_PENALTY`].
    pub question_conflict_penalty: f32,
    /// See [`FACT_COVERAGE_MODE`].
    pub fact_coverage_mode: u8,
    /// See [`TYPICALITY_EXPONENT`].
    pub typicality_exponent: f32,
    /// See [`OFF_TOPIC_PENALTY`].
    pub off_topic_penalty: f32,
}

impl Params {
    /// The parameters in use.
    pub const DEFAULT: Params = Params {
        question_coverage_weight: QUESTION_COVERAGE_WEIGHT,
        best_phrasing_share: BEST_PHRASING_SHARE,
        unknown_word_factor: UNKNOWN_WORD_FACTOR,
        unknown_pair_share: UNKNOWN_PAIR_SHARE,
        min_evidence_share: MIN_EVIDENCE_SHARE,
        unknown_slot_penalty: UNKNOWN_SLOT_PENALTY,
        question_conflict_penalty: QUESTION_CONFLICT_PENALTY,
        fact_coverage_mode: FACT_COVERAGE_MODE,
        typicality_exponent: TYPICALITY_EXPONENT,
        off_topic_penalty: OFF_TOPIC_PENALTY,
    };
}

impl Default for Params {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Per-thread scratch space for scoring, sized to the largest index seen and left all zero (the
/// lists empty) between questions: per term (`reach`, `entry`), per fact (`fact_current` to
/// `fact_seen`), per question term (`qmax`); the lists are kept for their capacity, so that a
/// question allocates nothing here once the thread has scored a few.
#[derive(Default)]
struct Scratch {
    /// The best similarity with which the question reaches each term.
    reach: Vec<f32>,
    /// Per term, 1 + the position in `entries` of its first entry; 0 if the question does not
    /// reach it.
    entry: Vec<u32>,
    /// Every (term, question term, similarity) of the question, sorted by term.
    entries: Vec<(TermId, u32, f32)>,
    /// Per question term, the best similarity among some of its candidates.
    qmax: Vec<f32>,
    /// Per question term, its best similarity times typicality among a fact's terms.
    qtyp: Vec<f32>,
    /// Per question term, the least similarity among its candidates.
    qmin: Vec<f32>,
    /// Each question term's candidates, most similar first: those of question term `i` end at
    /// `qcand_end[i]`.
    qcands: Vec<(TermId, f32)>,
    /// See `qcands`.
    qcand_end: Vec<u32>,
    /// Per phrasing of the fact being scored, the weight of the question it covers so far and how
    /// many of the question's question words it has.
    pmatched: Vec<f32>,
    /// See `pmatched`.
    pquestions: Vec<u32>,
    /// Bits of the fact's phrasings reached by some question term (`any`), by the current one
    /// (`seen`).
    any: Vec<u64>,
    /// See `any`.
    seen: Vec<u64>,
    /// Per fact, what the walk gathers (see [`FactWalk`]).
    walk: Vec<FactWalk>,
    /// The facts the question reaches, in the order first reached, whose `walk` records are reset
    /// after it. In [`Index::score_top`], a fact the walk goes on for ([`WALK_ON_RATIO`]) is listed
    /// again when it is bounded: resetting a record twice is harmless.
    fact_touched: Vec<u32>,
    /// The facts the current question term reaches (in [`Index::score_top`], those first reached
    /// by the terms being walked).
    this_term: Vec<u32>,
    /// The facts [`Index::score_top`] may have to score, with the most each can score.
    bounds: Vec<(f32, u32)>,
    /// The facts the terms walked reach for the first time, with the rough bound of
    /// [`Index::rough_upper`] (see [`TIGHT_FIRST`]).
    rough: Vec<(f32, u32)>,
    /// The question's distinct terms with the length of their fact postings, rarest first.
    by_len: Vec<(u32, TermId)>,
    /// The phrasings of the fact being scored that cover some of the question: number, question
    /// coverage, and whether one of the question's question words is missing from it.
    covering: Vec<(u32, f32, bool)>,
    /// In [`Index::score_top`], the question terms reaching the index term being walked.
    walk_entries: Vec<WalkEntry>,
    /// See [`Index::rest_discounts`].
    rest_disc: Vec<(f32, f32)>,
    /// See [`Index::rest_discounts`].
    rest_exact: Vec<RestTerm>,
    /// In [`Index::score_top`], per question term, its place in [`FactWalk::best`], or
    /// [`NO_SLOT`] if the walk does not keep its best similarity.
    qslot: Vec<usize>,
    /// See [`Index::rest_discounts`].
    rest_loose: (f32, f32),
    /// For fact `found_fact`, the question's candidates among its terms, in the order of
    /// `qcands`: question term, similarity, position among the fact's terms. Found by
    /// [`Index::fact_bounds`] and read again by [`Index::best_phrasing`]: each bisection made
    /// once, and the candidates a fact lacks skipped.
    found: Vec<(u32, f32, u32)>,
    /// See `found`; `usize::MAX` for none.
    found_fact: usize,
}

impl Scratch {
    fn fit(&mut self, terms: usize, facts: usize, qterms: usize) {
        if self.reach.len() < terms {
            self.reach.resize(terms, 0.0);
            self.entry.resize(terms, 0);
        }
        if self.walk.len() < facts {
            self.walk.resize(facts, FactWalk::default());
        }
        if self.qmax.len() < qterms {
            self.qmax.resize(qterms, 0.0);
            self.qtyp.resize(qterms, 0.0);
            self.qmin.resize(qterms, 0.0);
        }
    }
}

/// What walking the question's postings gathers for one fact. One record per fact, not an array
/// per field: a posting walked reads and writes all of them, and at 10,000 facts six arrays meant
/// six cache lines per posting. One cache line: the per-question-term maxima fill it up.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct FactWalk {
    /// Which of the question's first 64 terms the terms walked so far reach it through (in
    /// [`Index::score_top`]): a question term without a place in `best` reached again through
    /// another index term adds only what its similarity can exceed its least one.
    qmask: u64,
    /// In [`Index::score_top`], for each of the question's first [`WALK_EXACT_TERMS`] terms with
    /// more than one candidate (see [`Scratch::qslot`]), its best similarity among the terms
    /// walked so far that reach the fact ([`quantise`]d, never above it): a question term reached
    /// again adds only what its similarity exceeds that, and the walk counts it at its best
    /// similarity, as [`Index::fact_score`] does.
    best: [u8; WALK_EXACT_TERMS],
    /// The same for its similarity times the index term's typicality for the fact: typicality
    /// reached through a unigram and two bigrams of one character counts once, not three times.
    best_typ: [u8; WALK_EXACT_TERMS],
    /// The weight of the question its vocabulary covers (in [`Index::score_top`], of the terms
    /// walked so far, an upper bound).
    covered: f32,
    /// The same counting question words at [`QUESTION_EVIDENCE_SHARE`].
    topical: f32,
    /// In [`Index::score_top`], an upper bound of its typicality weight ([`Index::fact_score`]'s
    /// `typical`) from the terms walked so far.
    typical: f32,
    /// The similarity with which the current question term reaches it ([`Index::touch_facts`]);
    /// in [`Index::score_top`], 1 while it waits in `this_term` to be bounded.
    current: f32,
    /// Reached by the question already (in [`Index::score_top`]: bounded already).
    seen: bool,
}

/// How many of the question's terms (the first ones with more than one candidate) [`FactWalk`]
/// keeps the best similarity of, so that the walk bounds a fact's coverage and typicality by each
/// question term's best similarity instead of adding up every index term reaching it (a CJK
/// character is reached through itself and the bigrams around it). Sized to fill [`FactWalk`]'s
/// cache line: only speed depends on it (the later terms are bounded more loosely): the tests run
/// with 0, 1 and this.
const WALK_EXACT_TERMS: usize = 16;

/// See [`Scratch::qslot`].
const NO_SLOT: usize = usize::MAX;

/// `x` (in [0, 1]) on a byte, rounded down; [`dequantise`] reads it back at most `x`.
fn quantise(x: f32) -> u8 {
    // Truncating and saturating: 1 and above give 255, NaN 0.
    (x * 255.0) as u8
}

/// What [`quantise`] stored, at most the value it was given: the product's rounding is paid for
/// by a relative margin well above it.
fn dequantise(n: u8) -> f32 {
    f32::from(n) * ((1.0 / 255.0) * (1.0 - 1e-6))
}

/// A question term with a place in [`FactWalk::best`] that the index terms not walked yet reach
/// ([`Index::rest_discounts`]).
#[derive(Clone, Copy)]
struct RestTerm {
    /// Its place in [`FactWalk::best`].
    slot: usize,
    weight: f32,
    share: f32,
    /// Its best similarity among the index terms not walked.
    best: f32,
}

/// One question term reaching the index term [`Index::score_top`] walks.
#[derive(Clone, Copy)]
struct WalkEntry {
    /// The question term's place in [`FactWalk::best`] ([`NO_SLOT`] for none).
    slot: usize,
    /// Its bit in [`FactWalk::qmask`] (0 past the 64th).
    bit: u64,
    /// Its weight.
    weight: f32,
    /// Its similarity to the index term, and that [`quantise`]d.
    sim: f32,
    quantised: u8,
    /// Its weight times its similarity, and times what that exceeds its least similarity.
    full: f32,
    again: f32,
    /// Its evidence share ([`evidence_share`]).
    share: f32,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Relative slack on every pruning bound of [`Index::score_top`]: a bound is compared with
/// `bar * (1 - BOUND_MARGIN)`, so that float rounding in the bound (computed in another order than
/// the score itself) never skips a fact the exact computation would have ranked.
pub const BOUND_MARGIN: f32 = 1e-3;

/// How many facts [`Index::score_top`] scores first, those that could score most: their scores set
/// the bar the other facts must be able to clear. A handful suffice for the right fact to be among
/// them (its bound is among the highest); more would only cost time. Any number gives the same
/// result, see the tests.
pub const SEED_FACTS: usize = 4;

/// How many fact postings [`Index::score_top`] reads first, those of the question's rarest terms
/// (at least one term's): the facts they reach, which the answer is usually among (a name is in
/// one or two facts), set the bar. The postings of the commonest terms (什么, "visit": most facts)
/// are then read only if the facts they alone reach could still clear it. Any number gives the
/// same result, see the tests; a few dozen read the rare terms (names, in one or two facts each)
/// and stop before the common ones, whose postings are read only if the bar asks for them.
pub const SEED_POSTINGS: usize = 64;

/// A fact with at most this many times as many terms as the question has candidate terms is
/// bounded by looking each of its terms up in the question's dense table, one load each; a fact
/// with more (a real fact has hundreds of phrasings) by bisecting its terms for each candidate,
/// about log2(terms) steps each. Only speed depends on it: the tests run with 0, this and
/// `usize::MAX`.
const FACT_SCAN_RATIO: usize = 6;

/// How many of the facts that a round of [`Index::rank_top`]'s walk reaches first, those with the
/// highest rough bounds, are bounded tightly ([`Index::walk_bound`]: a loop over the question's
/// terms and two `powf`) and scored before the others: the bar they set drops most of the others
/// on their rough bound alone. On "quand vols en chien" at 10,000 facts the walk's second round
/// reaches 4,946 facts under a bar of 0.08, and the answer, at 0.87, is among the first few. Only
/// speed depends on it: the tests run with 0, this and `usize::MAX`.
const TIGHT_FIRST: usize = 64;

/// When, after the first [`TIGHT_FIRST`] facts of a round of [`Index::rank_top`]'s walk are
/// scored, many others can still clear the bar, the round walks on: the next terms, as many as
/// have at most this many postings per such fact in all, before any of them is bounded tightly.
/// Walking a posting costs a few dozen instructions; bounding and scoring a fact, hundreds to
/// thousands (its terms bisected, its phrasings scored), and the walk makes the bounds tighter: on
/// "滷肉飯怎麼做？" at 10,000 facts the first term reaches 1,826 facts with a best score of 0.01, and
/// walking the second (1,826 postings) before scoring them halves the cost. Only speed depends on
/// it: the tests run with 0 (never), this and `usize::MAX` (as long as any is left).
const WALK_ON_RATIO: usize = 4;

/// How many facts [`Index::score_bounded`] sorts by their bounds at first, doubling each time
/// the bar has not stopped it: only speed depends on it.
const BOUNDS_CHUNK: usize = 64;

/// What a reply reads of a ranking, for [`Index::score_top`]: the best fact whatever its score,
/// then up to `k` facts in all among those scoring at least a floor that depends on the best score.
/// A reply that answers reads only the answered fact; one that suggests, only the suggestions; one
/// that declines, the facts related enough to offer. The higher the best score, the less the
/// ranking must find, and the more facts it can skip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wanted {
    /// At most this many facts in all.
    pub k: usize,
    /// Besides the best, facts scoring at least this ...
    pub floor: f32,
    /// ... or at least this, once the best scores this much (a "did you mean" lists only
    /// facts that score this).
    pub suggest: f32,
    /// Once the best scores this much, the best fact alone (an answer reads no other).
    pub alone: f32,
}

impl Wanted {
    /// The best fact, then up to `k` in all scoring at least `floor`, whatever the best's score.
    pub const fn head(k: usize, floor: f32) -> Wanted {
        Wanted {
            k,
            floor,
            suggest: floor,
            alone: f32::INFINITY,
        }
    }

    /// The least score besides the best's that is wanted when the best fact scores `best`
    /// (infinite: none).
    fn floor_for(&self, best: f32) -> f32 {
        if best >= self.alone {
            f32::INFINITY
        } else if best >= self.suggest {
            self.suggest.max(self.floor)
        } else {
            self.floor
        }
    }
}

/// What [`Index::score_top`] must return ([`Wanted`]); `seeds`, `postings`, `scan_ratio`,
/// `exact_terms`, `tight_first` and `walk_on` are [`SEED_FACTS`], [`SEED_POSTINGS`],
/// [`FACT_SCAN_RATIO`], [`WALK_EXACT_TERMS`], [`TIGHT_FIRST`] and [`WALK_ON_RATIO`] but for tests
/// (`exact_terms` at most [`WALK_EXACT_TERMS`]).
#[derive(Debug, Clone, Copy)]
struct Top {
    want: Wanted,
    seeds: usize,
    postings: usize,
    scan_ratio: usize,
    exact_terms: usize,
    tight_first: usize,
    walk_on: usize,
}

/// The sums of the weight and evidence discounts ([`Index::rest_discounts`]) of the question terms
/// whose bits are set in `mask`, in the order of their bits.
fn discounts(rest_disc: &[(f32, f32)], mask: u64) -> (f32, f32) {
    let (mut less, mut less_topical) = (0f32, 0f32);
    let mut m = mask;
    while m != 0 {
        let (d, e) = rest_disc[m.trailing_zeros() as usize];
        m &= m - 1;
        less += d;
        less_topical += e;
    }
    (less, less_topical)
}

/// How much of the question's content (its terms but question words) a fact has, each term's
/// weight at its best similarity, and how much it has none of: for [`OFF_TOPIC_PENALTY`].
#[derive(Default)]
struct Content {
    has: f32,
    lacks: f32,
}

impl Content {
    /// Counts question term `q`, which the fact has at similarity `best` (0: not at all).
    fn add(&mut self, q: &QueryTerm, best: f32) {
        if q.question {
            return;
        }
        if best > 0.0 {
            self.has += q.weight * best;
        } else {
            self.lacks += q.weight;
        }
    }

    /// The factor of [`OFF_TOPIC_PENALTY`]: the penalty if the fact lacks more than it has.
    fn off_topic(&self, params: &Params) -> f32 {
        if self.lacks > self.has {
            params.off_topic_penalty
        } else {
            1.0
        }
    }
}

/// The share of a question term's weight that counts as evidence ([`QUESTION_EVIDENCE_SHARE`] for
/// question words).
fn evidence_share(q: &QueryTerm) -> f32 {
    if q.question {
        QUESTION_EVIDENCE_SHARE
    } else {
        1.0
    }
}

/// The best scores seen so far, per fact (lower bounds of their final scores), and the bar they set:
/// a fact scoring under it cannot be returned by [`Index::score_top`].
struct Bar {
    top: Top,
    best: Vec<(u32, f32)>,
}

impl Bar {
    fn new(top: Top) -> Bar {
        Bar {
            top,
            best: Vec::with_capacity(top.want.k + 1),
        }
    }

    fn offer(&mut self, fact: u32, score: f32) {
        match self.best.iter_mut().find(|e| e.0 == fact) {
            Some(e) => e.1 = e.1.max(score),
            None => self.best.push((fact, score)),
        }
        self.best.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.best.truncate(self.top.want.k);
    }

    /// Under the k-th best score nothing is returned; under both the floor and the best score,
    /// neither. The floor rises with the best score ([`Wanted::floor_for`]), up to the best score
    /// itself once only the best fact is wanted. The best score only grows, so the level never
    /// falls: a fact skipped under it stays out of the result.
    fn level(&self) -> f32 {
        let want = &self.top.want;
        let first = self.best.first().map_or(0.0, |e| e.1);
        let kth = if self.best.len() >= want.k {
            self.best[want.k - 1].1
        } else {
            0.0
        };
        kth.max(first.min(want.floor_for(first)))
    }
}

/// At least `x^e` for `x` in 0..=1 and `e` > 0, from square roots only (`x^e` falls as `e` grows):
/// a cheap bound where `powf` would be the largest cost of bounding a fact.
fn pow_above(x: f32, e: f32) -> f32 {
    if e >= 1.0 {
        x
    } else if e >= 0.5 {
        x.sqrt()
    } else if e >= 0.25 {
        x.sqrt().sqrt()
    } else {
        1.0
    }
}

/// `x^e` for a bound, not a score: a square root for the default exponent of a half, within an
/// ulp of `powf` (far inside [`BOUND_MARGIN`]) at a fraction of its cost.
fn pow_bound(x: f32, e: f32) -> f32 {
    if e == 0.5 {
        x.sqrt()
    } else {
        x.powf(e)
    }
}

/// Best first; equal scores by fact number.
fn by_score(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact))
}

/// Joins a fact's best phrasing score with its coverage of the question ([`FACT_COVERAGE_MODE`]).
fn combine(bp: f32, coverage: f32, params: &Params) -> f32 {
    let share = params.best_phrasing_share;
    if params.fact_coverage_mode == 0 {
        share * bp + (1.0 - share) * coverage
    } else {
        bp.powf(share) * coverage.powf(1.0 - share)
    }
}

/// The least best-phrasing score with which a fact covering `coverage` of the question combines
/// ([`combine`]) to at least `level`; 0 or less when any will do.
fn min_best_phrasing(level: f32, coverage: f32, params: &Params) -> f32 {
    let share = params.best_phrasing_share;
    if share <= 0.0 {
        return 0.0;
    }
    if params.fact_coverage_mode == 0 {
        (level - (1.0 - share) * coverage) / share
    } else if coverage > 0.0 {
        (level / coverage.powf(1.0 - share)).powf(1.0 / share)
    } else {
        f32::INFINITY
    }
}

/// A fact and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The fact's number in the index.
    pub fact: u32,
    /// Its score, 0 to 1.
    pub score: f32,
}

/// A question as the scorer reads it: its terms, their total weight, the penalty for its unknown
/// words and how many question words it has.
struct Query<'a> {
    terms: &'a [QueryTerm],
    total: f32,
    penalty: f32,
    n_questions: u32,
    params: &'a Params,
    /// [`FACT_SCAN_RATIO`] but for tests.
    scan_ratio: usize,
}

/// A question term with the index terms it may stand for.
#[derive(Debug)]
struct QueryTerm {
    weight: f32,
    /// A question word: it says what kind of answer is wanted, but is no evidence of a topic.
    question: bool,
    /// Nothing in the index covers it, and it is content (a word, or a Han/katakana character).
    unknown: bool,
    candidates: Vec<(TermId, f32)>,
}

/// A question's slots (see [`super::analyse::Slot`]) in three flat lists, kept from one question
/// to the next for their capacity: no `String` or `Vec` per slot or key (they were most of a
/// question's allocations).
#[derive(Default)]
struct QuestionSlots {
    /// Every slot's keys and raw form, end to end.
    text: String,
    /// Each key: its byte range in `text`, its cover.
    keys: Vec<(u32, u32, f32)>,
    /// Each slot: where its keys end in `keys`, the byte range of its raw form in `text`, its
    /// class, whether it is a question word.
    slots: Vec<(u32, u32, u32, Class, bool)>,
}

impl QuestionSlots {
    fn clear(&mut self) {
        self.text.clear();
        self.keys.clear();
        self.slots.clear();
    }

    fn iter(&self) -> impl Iterator<Item = SlotView<'_>> + '_ {
        let mut from = 0;
        self.slots.iter().map(move |&(end, a, b, class, question)| {
            let keys = &self.keys[from..end as usize];
            from = end as usize;
            SlotView {
                text: &self.text,
                keys,
                raw: &self.text[a as usize..b as usize],
                class,
                question,
            }
        })
    }
}

impl SlotSink for QuestionSlots {
    fn slot(&mut self, keys: &[(&str, f32)], raw: &str, class: Class, question: bool) {
        for &(k, c) in keys {
            let a = self.text.len() as u32;
            self.text.push_str(k);
            self.keys.push((a, self.text.len() as u32, c));
        }
        let a = self.text.len() as u32;
        self.text.push_str(raw);
        self.slots.push((
            self.keys.len() as u32,
            a,
            self.text.len() as u32,
            class,
            question,
        ));
    }
}

/// One slot of [`QuestionSlots`].
#[derive(Clone, Copy)]
struct SlotView<'a> {
    text: &'a str,
    keys: &'a [(u32, u32, f32)],
    raw: &'a str,
    class: Class,
    question: bool,
}

impl<'a> SlotView<'a> {
    /// The slot's keys with their cover.
    fn keys(&self) -> impl Iterator<Item = (&'a str, f32)> + 'a {
        let text = self.text;
        self.keys
            .iter()
            .map(move |&(a, b, c)| (&text[a as usize..b as usize], c))
    }
}

thread_local! {
    static QUESTION_SLOTS: std::cell::RefCell<QuestionSlots> =
        std::cell::RefCell::new(QuestionSlots::default());
}

fn similarity(a: &str, b: &str) -> f32 {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let d = if la.max(lb) <= SHORT_DL_CHARS {
        damerau_levenshtein_short(a, b, lb)
    } else {
        strsim::damerau_levenshtein(a, b)
    };
    let len = la.max(lb).max(1);
    1.0 - d as f32 / len as f32
}

/// Words up to this many characters get [`damerau_levenshtein_short`]; longer ones `strsim`'s.
const SHORT_DL_CHARS: usize = 32;

/// `strsim::damerau_levenshtein` (the same algorithm, Zhao and Sahni's linear-space one, hence the
/// same distances: a test compares them) for words of at most [`SHORT_DL_CHARS`] characters, on
/// the stack: `strsim` allocates three rows and a hash map per call, which made it most of the
/// cost of a typo.
fn damerau_levenshtein_short(a: &str, b: &str, len2: usize) -> usize {
    const N: usize = SHORT_DL_CHARS + 2;
    let mut s2 = ['\0'; SHORT_DL_CHARS];
    for (slot, c) in s2.iter_mut().zip(b.chars()) {
        *slot = c;
    }
    let max_val = a.chars().count().max(len2) as isize + 1;
    // The last row (1-based) of each character of `a` seen so far, -1 for none: ASCII ones by
    // code, the others in a short list.
    let mut ascii_row = [-1isize; 128];
    let mut last_row: [(char, isize); SHORT_DL_CHARS] = [('\0', -1); SHORT_DL_CHARS];
    let mut seen = 0;
    let size = len2 + 2;
    let mut fr = [max_val; N];
    let mut r1 = [max_val; N];
    let mut r = [0isize; N];
    r[0] = max_val;
    for (j, v) in r.iter_mut().enumerate().take(size).skip(1) {
        *v = j as isize - 1;
    }
    for (i, ch1) in a.chars().enumerate().map(|(i, c)| (i + 1, c)) {
        std::mem::swap(&mut r, &mut r1);
        let mut last_col: isize = -1;
        let mut last_i2l1 = r[1];
        r[1] = i as isize;
        let mut t = max_val;
        for (j, &ch2) in s2[..len2].iter().enumerate().map(|(j, c)| (j + 1, c)) {
            let diag = r1[j] + isize::from(ch1 != ch2);
            let left = r[j] + 1;
            let up = r1[j + 1] + 1;
            let mut temp = diag.min(left.min(up));
            if ch1 == ch2 {
                last_col = j as isize;
                fr[j + 1] = r1[j - 1];
                t = last_i2l1;
            } else {
                let k = if ch2.is_ascii() {
                    ascii_row[ch2 as usize]
                } else {
                    last_row[..seen]
                        .iter()
                        .find(|e| e.0 == ch2)
                        .map_or(-1, |e| e.1)
                };
                let l = last_col;
                if j as isize - l == 1 {
                    temp = temp.min(fr[j + 1] + (i as isize - k));
                } else if i as isize - k == 1 {
                    temp = temp.min(t + (j as isize - l));
                }
            }
            last_i2l1 = r[j + 1];
            r[j + 1] = temp;
        }
        if ch1.is_ascii() {
            ascii_row[ch1 as usize] = i as isize;
        } else {
            match last_row[..seen].iter_mut().find(|e| e.0 == ch1) {
                Some(e) => e.1 = i as isize,
                None => {
                    last_row[seen] = (ch1, i as isize);
                    seen += 1;
                }
            }
        }
    }
    r[len2 + 1] as usize
}

impl Index {
    fn candidates(&self, slot: SlotView, lang: Lang) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        let push = |id: TermId, sim: f32, out: &mut Vec<(TermId, f32)>| match out
            .iter_mut()
            .find(|(t, _)| *t == id)
        {
            Some(e) => e.1 = e.1.max(sim),
            None => out.push((id, sim)),
        };
        for (key, cover) in slot.keys() {
            if let Some(id) = self.term(key) {
                push(id, cover, &mut out);
            }
        }
        if slot.class != Class::Word {
            return out;
        }
        if let Some(id) = self.term(slot.raw) {
            push(id, 1.0, &mut out);
        }
        if out.is_empty() {
            for s in other_stems(slot.raw, lang) {
                if let Some(id) = self.term(&s) {
                    push(id, OTHER_STEM_SIMILARITY, &mut out);
                }
            }
        }
        let len = slot.raw.chars().count();
        // A short word that only other languages' phrasings use is probably a typo in this one:
        // in an English question "wen" is "when" misspelt, not German "whom".
        let langs = self.word_langs(slot.raw);
        let false_friend = len <= SHORT_WORD_LEN && langs != 0 && langs & lang.bit() == 0;
        if false_friend {
            for e in out.iter_mut() {
                e.1 *= FALSE_FRIEND_SIMILARITY;
            }
        }
        // Typos: look up the word's deletions in the deletion index, then verify the real distance.
        // Only for words the index does not know (or knows in other languages only): a known word is
        // not a typo ("wer" in a German question is German, not a misspelt "where").
        if (out.is_empty() || false_friend) && len + 1 >= super::index::FUZZY_MIN_LEN {
            let edits = max_edits(len).max(1);
            // A word reached through several deletions is measured once: pushing it again
            // would change nothing.
            let mut tried: Vec<*const (String, TermId)> = Vec::new();
            for_each_deletion(slot.raw, edits, &mut |d| {
                for entry in self.typo_words(d) {
                    if tried.contains(&std::ptr::from_ref(entry)) {
                        continue;
                    }
                    tried.push(entry);
                    let (word, id) = entry;
                    // Short words keep their first letter when mistyped far more often than not;
                    // without this rule "age" would be a typo of "tage".
                    let same_start =
                        len > SHORT_WORD_LEN || slot.raw.chars().next() == word.chars().next();
                    if !same_start {
                        continue;
                    }
                    let sim = similarity(slot.raw, word);
                    if (FUZZY_MIN_SIMILARITY..1.0).contains(&sim) {
                        push(*id, sim, &mut out);
                        // A typo of a word in a synonym group belongs to the group too.
                        if let Some(g) = self.synonyms.group_of(word).and_then(|g| self.term(g)) {
                            push(g, sim, &mut out);
                        }
                    }
                }
            });
        }
        out
    }

    fn query_terms(&self, slots: &QuestionSlots, lang: Lang, params: &Params) -> Vec<QueryTerm> {
        // Repeated slots (same text, same keys) count once. A question has a few dozen slots at
        // most: a linear scan of those kept is cheaper than hashing a copy of each slot's text.
        let mut seen: Vec<(&str, usize)> = Vec::with_capacity(slots.slots.len());
        let mut own_terms: Vec<(TermId, f32)> = Vec::new();
        slots
            .iter()
            .filter(|s| {
                let k = (s.raw, s.keys.len());
                let new = !seen.contains(&k);
                if new {
                    seen.push(k);
                }
                new
            })
            .map(|s| {
                let candidates = self.candidates(s, lang);
                // The slot weighs what its own key weighs; a typo weighs what the word it stands for does.
                own_terms.clear();
                own_terms.extend(s.keys().filter_map(|(k, c)| self.term(k).map(|t| (t, c))));
                let own = own_terms.first().map(|t| t.0);
                // Among equally close typo readings, the commonest word weighs: it is the likelier one.
                let weight = match own.or_else(|| {
                    candidates
                        .iter()
                        .max_by(|a, b| {
                            a.1.total_cmp(&b.1)
                                .then(self.idf[b.0 as usize].total_cmp(&self.idf[a.0 as usize]))
                        })
                        .map(|&(id, _)| id)
                }) {
                    Some(id) if s.class == Class::Word || own.is_some() => self.idf[id as usize],
                    _ => match s.class {
                        Class::Word => self.unknown_idf * params.unknown_word_factor,
                        c => self.unknown_idf * params.unknown_pair_share * c.factor(),
                    },
                };
                let weight = if s.question && !own_terms.is_empty() {
                    slot_weight(&self.idf, QUESTION_WORD_BOOST, &own_terms)
                } else if s.question {
                    weight * QUESTION_WORD_BOOST
                } else {
                    weight
                };
                let unknown = candidates.is_empty() && s.class != Class::Hiragana;
                QueryTerm {
                    weight,
                    question: s.question,
                    unknown,
                    candidates,
                }
            })
            .collect()
    }

    /// Scores a folded question written in `lang` against every fact that shares a term with it,
    /// best first. Every fact is scored: for the whole ranking (`eval`, `--explain`, tuning); to
    /// answer, [`Index::score_top`] gives the same top facts much faster.
    pub fn score(&self, folded: &str, lang: Lang) -> Vec<Scored> {
        self.score_with(folded, lang, &Params::DEFAULT)
    }

    /// [`Index::score`] with other parameters.
    pub fn score_with(&self, folded: &str, lang: Lang, params: &Params) -> Vec<Scored> {
        self.score_impl(folded, lang, params, None)
    }

    /// The facts a reply can use ([`Wanted`]), with the same scores as [`Index::score`] gives
    /// them: the best fact whatever its score, then the next ones, up to `k` in all, that score at
    /// least the floor for the best's score.
    ///
    /// Facts and phrasings that provably cannot make that list are skipped (the pruning is exact,
    /// see [`BOUND_MARGIN`]): on a large fact base most phrasings share only a common word ("when",
    /// 什么) with the question, and skipping them is most of the work saved.
    pub fn score_top(&self, folded: &str, lang: Lang, want: Wanted) -> Vec<Scored> {
        self.score_impl(
            folded,
            lang,
            &Params::DEFAULT,
            Some(Top {
                want: Wanted {
                    k: want.k.max(1),
                    ..want
                },
                seeds: SEED_FACTS,
                postings: SEED_POSTINGS,
                scan_ratio: FACT_SCAN_RATIO,
                exact_terms: WALK_EXACT_TERMS,
                tight_first: TIGHT_FIRST,
                walk_on: WALK_ON_RATIO,
            }),
        )
    }

    fn score_impl(
        &self,
        folded: &str,
        lang: Lang,
        params: &Params,
        top: Option<Top>,
    ) -> Vec<Scored> {
        let qterms = QUESTION_SLOTS.with(|cell| {
            let mut slots = cell.borrow_mut();
            slots.clear();
            analyse_into(folded, lang, &self.synonyms, &mut *slots);
            self.query_terms(&slots, lang, params)
        });
        let total: f32 = qterms.iter().map(|q| q.weight).sum();
        if total <= 0.0 || self.fact_ids.is_empty() {
            return Vec::new();
        }
        let n_questions = qterms.iter().filter(|q| q.question).count() as u32;
        let unknown = qterms.iter().filter(|q| q.unknown).count() as i32;
        let penalty = params.unknown_slot_penalty.powi(unknown);
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let sc = &mut *guard;
            sc.fit(self.keys.len(), self.fact_ids.len(), qterms.len());
            // The best similarity with which the question reaches each index term (`reach`), and
            // which question terms reach it with which similarity (`entry`, `entries`): dense
            // arrays indexed by term, one load per term of a phrasing.
            sc.entries.clear();
            for (qi, q) in qterms.iter().enumerate() {
                for &(id, sim) in &q.candidates {
                    sc.entries.push((id, qi as u32, sim));
                    let r = &mut sc.reach[id as usize];
                    *r = r.max(sim);
                }
            }
            sc.entries.sort_unstable_by_key(|e| (e.0, e.1));
            for (i, e) in sc.entries.iter().enumerate().rev() {
                sc.entry[e.0 as usize] = i as u32 + 1;
            }
            if top.is_none() {
                self.touch_facts(&qterms, sc);
            }
            sc.qcands.clear();
            sc.found_fact = usize::MAX;
            sc.qcand_end.clear();
            for q in &qterms {
                let from = sc.qcands.len();
                sc.qcands.extend_from_slice(&q.candidates);
                sc.qcands[from..].sort_unstable_by(|x, y| y.1.total_cmp(&x.1));
                sc.qcand_end.push(sc.qcands.len() as u32);
                let least = sc.qcands[from..].last().map_or(0.0, |c| c.1);
                sc.qmin[sc.qcand_end.len() - 1] = least;
            }
            let query = Query {
                terms: &qterms,
                total,
                penalty,
                n_questions,
                params,
                scan_ratio: top.map_or(FACT_SCAN_RATIO, |t| t.scan_ratio),
            };
            let out = match top {
                None => self.rank_all(&query, sc),
                Some(top) => self.rank_top(&query, sc, top),
            };
            for &f in &sc.fact_touched {
                sc.walk[f as usize] = FactWalk::default();
            }
            sc.fact_touched.clear();
            for e in &sc.entries {
                sc.reach[e.0 as usize] = 0.0;
                sc.entry[e.0 as usize] = 0;
            }
            sc.entries.clear();
            out
        })
    }

    /// Each fact's coverage of the question and its evidence, accumulated term-at-a-time from the
    /// facts' postings (a fraction of the phrasings' postings) into `sc.walk`,
    /// summed in question order as [`Index::fact_score`] sums them; the facts reached go to
    /// `sc.fact_touched`. With them, a fact's score is bounded before any phrasing is looked at,
    /// and a fact that shares only "when" with the question is ruled out.
    fn touch_facts(&self, qterms: &[QueryTerm], sc: &mut Scratch) {
        for q in qterms {
            for &(id, sim) in &q.candidates {
                for &f in &self.fact_postings[id as usize] {
                    let c = &mut sc.walk[f as usize].current;
                    if *c == 0.0 {
                        sc.this_term.push(f);
                    }
                    *c = c.max(sim);
                }
            }
            let evidence_share = if q.question {
                QUESTION_EVIDENCE_SHARE
            } else {
                1.0
            };
            for &f in &sc.this_term {
                let w = &mut sc.walk[f as usize];
                if !w.seen {
                    w.seen = true;
                    sc.fact_touched.push(f);
                }
                w.covered += q.weight * w.current;
                w.topical += q.weight * w.current * evidence_share;
                w.current = 0.0;
            }
            sc.this_term.clear();
        }
    }

    /// The best score of fact `f`'s phrasings ([`Index::phrasing_score`]), 0 if none shares a term
    /// with the question.
    ///
    /// Each phrasing's question coverage is accumulated question term by question term from the
    /// fact's per-term phrasing bits (`Index::fact_bits`, one bisection per index term the
    /// question reaches), each question term at its best similarity (candidates are taken most
    /// similar first), summed in question order. Phrasings covering less than `prune` are skipped
    /// (the caller knows they cannot lift the fact over its bar), and so are those that cannot
    /// beat the best so far: a phrasing scores at most cq^a (cp <= 1). The one covering most is
    /// scored first.
    ///
    /// With `skim`, phrasings that provably score no more than the best so far may be skipped
    /// by bounds ([`Index::phrasing_score`]); the full ranking ([`Index::score`]) scores every
    /// one, so that the tests comparing it with [`Index::score_top`] check those bounds too.
    fn best_phrasing(&self, f: usize, prune: f32, skim: bool, q: &Query, sc: &mut Scratch) -> f32 {
        let ids = self.phrasings_of(f);
        let words = ids.len().div_ceil(64);
        let terms = &self.fact_terms[self.fact_term_start[f]..self.fact_term_start[f + 1]];
        let bits = &self.fact_bits[self.fact_bits_start[f]..self.fact_bits_start[f + 1]];
        if sc.pmatched.len() < ids.len() {
            sc.pmatched.resize(ids.len(), 0.0);
            sc.pquestions.resize(ids.len(), 0);
        }
        if sc.any.len() < words {
            sc.any.resize(words, 0);
            sc.seen.resize(words, 0);
        }
        // The question's candidates among the fact's terms: `fact_bounds` may just have found
        // them for this fact.
        if sc.found_fact != f {
            sc.found.clear();
            let mut from = 0;
            for qi in 0..q.terms.len() {
                let to = sc.qcand_end[qi] as usize;
                for &(t, sim) in &sc.qcands[from..to] {
                    if let Ok(k) = terms.binary_search(&t) {
                        sc.found.push((qi as u32, sim, k as u32));
                    }
                }
                from = to;
            }
        }
        let mut current = u32::MAX;
        for &(qi, sim, k) in &sc.found {
            if qi != current {
                sc.seen[..words].fill(0);
                current = qi;
            }
            let qt = &q.terms[qi as usize];
            let k = k as usize;
            for w in 0..words {
                let mut b = bits[k * words + w] & !sc.seen[w];
                sc.seen[w] |= b;
                sc.any[w] |= b;
                while b != 0 {
                    let local = w * 64 + b.trailing_zeros() as usize;
                    b &= b - 1;
                    sc.pmatched[local] += qt.weight * sim;
                    sc.pquestions[local] += u32::from(qt.question);
                }
            }
        }
        let mut covering = std::mem::take(&mut sc.covering);
        covering.clear();
        let mut first = 0;
        for w in 0..words {
            let mut b = sc.any[w];
            sc.any[w] = 0;
            while b != 0 {
                let local = w * 64 + b.trailing_zeros() as usize;
                b &= b - 1;
                let cq = sc.pmatched[local] / q.total;
                let missed = sc.pquestions[local] < q.n_questions;
                sc.pmatched[local] = 0.0;
                sc.pquestions[local] = 0;
                if cq > 0.0 && cq >= prune {
                    if !covering.is_empty() && cq > covering[first].1 {
                        first = covering.len();
                    }
                    covering.push((ids[local], cq, missed));
                }
            }
        }
        let a = q.params.question_coverage_weight;
        let (mut best, mut needed) = (0f32, 0f32);
        if !covering.is_empty() {
            covering.swap(0, first);
        }
        for &(p, cq, missed) in &covering {
            if cq <= needed {
                continue;
            }
            let s = self.phrasing_score(
                &self.phrasings[p as usize],
                cq,
                missed,
                if skim { best } else { 0.0 },
                &sc.reach,
                q.params,
            );
            if s > best {
                best = s;
                // With a margin: cq <= best^(1/a) must imply cq^a <= best despite rounding.
                needed = if a > 0.0 {
                    s.powf(1.0 / a) * (1.0 - BOUND_MARGIN)
                } else {
                    0.0
                };
            }
        }
        sc.covering = covering;
        best
    }

    /// Scores one phrasing: how much of the question it covers (`cq`, to the power
    /// [`QUESTION_COVERAGE_WEIGHT`]) times how much of itself the question covers. A phrasing
    /// that provably cannot score more than `beat` may get 0 instead of its score.
    fn phrasing_score(
        &self,
        phrasing: &Phrasing,
        cq: f32,
        q_question_missed: bool,
        beat: f32,
        reach: &[f32],
        params: &Params,
    ) -> f32 {
        let a = params.question_coverage_weight;
        let (mut p_matched, mut p_question_missed) = (0f32, false);
        for (slot, terms) in self.slots_with_terms(phrasing) {
            let best = terms
                .iter()
                .map(|&(id, cover)| cover * reach[id as usize])
                .fold(0f32, f32::max);
            p_matched += slot.weight * best;
            p_question_missed |= slot.question && best == 0.0;
        }
        let cp = if phrasing.weight > 0.0 {
            p_matched / phrasing.weight
        } else {
            0.0
        };
        // Most phrasings of a fact score less than its best one: they are told by square roots
        // (bounds of both powers, see `pow_above`) before the two `powf`.
        if beat > 0.0 && pow_above(cq, a) * pow_above(cp, 1.0 - a) < beat * (1.0 - BOUND_MARGIN) {
            return 0.0;
        }
        let mut s = cq.powf(a) * cp.powf(1.0 - a);
        if q_question_missed && p_question_missed {
            s *= params.question_conflict_penalty;
        }
        s
    }

    /// A fact's score from its best phrasing's (`bp`): joined with how much of the question the
    /// fact's whole vocabulary covers, times evidence, the unknown-word penalty and typicality.
    fn fact_score(
        &self,
        f: usize,
        bp: f32,
        qterms: &[QueryTerm],
        total: f32,
        penalty: f32,
        params: &Params,
    ) -> f32 {
        let (mut covered, mut topical, mut typical) = (0f32, 0f32, 0f32);
        let mut content = Content::default();
        for q in qterms {
            // One bisection of the postings per candidate: whether the fact has it, and the
            // typicality beside it.
            let (mut best, mut t) = (0f32, 0f32);
            for &(id, sim) in &q.candidates {
                if let Ok(i) = self.fact_postings[id as usize].binary_search(&(f as u32)) {
                    best = best.max(sim);
                    t = t.max(sim * self.posting_typ[id as usize][i]);
                }
            }
            if params.typicality_exponent > 0.0 {
                typical += q.weight * t;
            }
            content.add(q, best);
            covered += q.weight * best;
            topical += q.weight * best * evidence_share(q);
        }
        self.fact_score_of(
            bp,
            covered / total,
            topical,
            typical / total,
            penalty * content.off_topic(params),
            params,
        )
    }

    /// [`Index::fact_score`] from the fact's coverage of the question, its evidence (`topical`)
    /// and its typicality weight over the question's (`typicality`), as [`Index::fact_bounds`]
    /// finds them too.
    fn fact_score_of(
        &self,
        bp: f32,
        coverage: f32,
        topical: f32,
        typicality: f32,
        penalty: f32,
        params: &Params,
    ) -> f32 {
        let evidence = (topical / (params.min_evidence_share * self.max_idf)).min(1.0);
        let combined = combine(bp, coverage, params);
        let typicality = if params.typicality_exponent > 0.0 {
            typicality.powf(params.typicality_exponent)
        } else {
            1.0
        };
        combined * evidence * penalty * typicality
    }

    /// Scores every fact whose phrasings share a term with the question, best first.
    fn rank_all(&self, q: &Query, sc: &mut Scratch) -> Vec<Scored> {
        let touched = std::mem::take(&mut sc.fact_touched);
        let mut out: Vec<Scored> = Vec::new();
        for &f in &touched {
            let bp = self.best_phrasing(f as usize, 0.0, false, q, sc);
            if bp > 0.0 {
                out.push(Scored {
                    fact: f,
                    score: self.fact_score(f as usize, bp, q.terms, q.total, q.penalty, q.params),
                });
            }
        }
        sc.fact_touched = touched;
        out.sort_by(by_score);
        out
    }

    /// [`Index::score_top`], fact-at-a-time with bounds (MaxScore). The question's terms are taken
    /// rarest first (shortest fact postings). The facts reached by the rarest ones (up to
    /// [`SEED_POSTINGS`] postings) are bounded from the weight of the terms that reach them plus
    /// that of every term not walked; the [`Top::seeds`] with the highest bounds are scored
    /// first, their scores set a bar, then the others in order of their bounds, until a bound
    /// falls under the bar. A fact that none of the walked terms reaches scores at most what all
    /// the other terms together allow: while that can clear the bar, the next rarest terms are
    /// walked in turn; once it cannot, the postings of the commonest terms are never read.
    ///
    /// Only the phrasings of the facts scored are looked at, and of those only the ones that can
    /// lift their fact over the bar are scored.
    fn rank_top(&self, q: &Query, sc: &mut Scratch, top: Top) -> Vec<Scored> {
        // The question's distinct terms, rarest first.
        let mut by_len = std::mem::take(&mut sc.by_len);
        by_len.clear();
        for e in &sc.entries {
            if by_len.last().map(|b: &(u32, TermId)| b.1) != Some(e.0) {
                by_len.push((self.fact_postings[e.0 as usize].len() as u32, e.0));
            }
        }
        by_len.sort_unstable();
        let rest = self.rest_bounds(q, &by_len, sc);
        let mut bar = Bar::new(top);
        // The question terms whose best similarity the walk keeps per fact: the first ones with
        // more than one candidate (one reached through a single index term is counted once
        // anyway). `loose` has the bits of the others.
        let exact = top.exact_terms.min(WALK_EXACT_TERMS);
        let (mut slots, mut loose) = (0, 0u64);
        sc.qslot.clear();
        let mut from = 0;
        for (qi, &to) in sc.qcand_end.iter().enumerate() {
            if to as usize - from > 1 && slots < exact {
                sc.qslot.push(slots);
                slots += 1;
            } else {
                sc.qslot.push(NO_SLOT);
                if qi < 64 {
                    loose |= 1 << qi;
                }
            }
            from = to as usize;
        }
        let mut out: Vec<Scored> = Vec::new();
        let mut bounds = std::mem::take(&mut sc.bounds);
        let mut rough = std::mem::take(&mut sc.rough);
        let mut fresh = std::mem::take(&mut sc.this_term);
        let (mut walked, mut end, mut postings) = (0, 0, 0usize);
        while end < by_len.len() && (end == 0 || postings + by_len[end].0 as usize <= top.postings)
        {
            postings += by_len[end].0 as usize;
            end += 1;
        }
        loop {
            // Walk the postings of by_len[walked..end]; the facts they reach for the first time
            // gather the weight of the question terms reaching them (an upper bound: see below).
            for &(_, t) in &by_len[walked..end] {
                let first = sc.entry[t as usize] as usize - 1;
                let mine = sc.entries[first..].iter().take_while(|e| e.0 == t);
                // The question terms reaching it. Each with a slot adds what its similarity (times
                // typicality) exceeds its best so far for the fact; one without, all of its weight
                // for a fact it did not reach yet, only what its similarity exceeds its least one
                // for a fact it reached already (an upper bound).
                let (mut mask, mut fresh_w, mut fresh_e) = (0u64, 0f32, 0f32);
                let mut each = std::mem::take(&mut sc.walk_entries);
                each.clear();
                for &(_, qi, sim) in mine {
                    let qt = &q.terms[qi as usize];
                    let bit = if qi < 64 { 1u64 << qi } else { 0 };
                    let again = if bit != 0 {
                        sim - sc.qmin[qi as usize]
                    } else {
                        sim
                    };
                    mask |= bit;
                    fresh_w += qt.weight * sim;
                    fresh_e += qt.weight * sim * evidence_share(qt);
                    each.push(WalkEntry {
                        slot: sc.qslot[qi as usize],
                        bit,
                        weight: qt.weight,
                        sim,
                        quantised: quantise(sim),
                        full: qt.weight * sim,
                        again: qt.weight * again,
                        share: evidence_share(qt),
                    });
                }
                // Each posting with the term's typicality for its fact (0 if only a keyword uses
                // it).
                let postings = &self.fact_postings[t as usize];
                let typ = &self.posting_typ[t as usize];
                for (&f, &ty) in postings.iter().zip(typ) {
                    let w = &mut sc.walk[f as usize];
                    if w.seen {
                        continue;
                    }
                    if w.current == 0.0 {
                        w.current = 1.0;
                        fresh.push(f);
                    }
                    if w.qmask & mask == 0 {
                        // None of them reached the fact yet (the common case): all of their
                        // weight, and their first best similarities.
                        for e in &each {
                            if e.slot != NO_SLOT {
                                w.best[e.slot] = e.quantised;
                                w.best_typ[e.slot] = quantise(e.sim * ty);
                            }
                        }
                        w.qmask |= mask;
                        w.covered += fresh_w;
                        w.topical += fresh_e;
                        w.typical += fresh_w * ty;
                        continue;
                    }
                    let (mut add_w, mut add_e, mut add_y) = (0f32, 0f32, 0f32);
                    for e in &each {
                        if e.slot != NO_SLOT {
                            let (best, best_typ) = (&mut w.best[e.slot], &mut w.best_typ[e.slot]);
                            let add = e.weight * (e.sim - dequantise(*best)).max(0.0);
                            add_w += add;
                            add_e += add * e.share;
                            *best = (*best).max(e.quantised);
                            let y = e.sim * ty;
                            add_y += e.weight * (y - dequantise(*best_typ)).max(0.0);
                            *best_typ = (*best_typ).max(quantise(y));
                        } else {
                            let add = if w.qmask & e.bit != 0 {
                                e.again
                            } else {
                                e.full
                            };
                            add_w += add;
                            add_e += add * e.share;
                            add_y += e.full * ty;
                        }
                    }
                    w.qmask |= mask;
                    w.covered += add_w;
                    w.topical += add_e;
                    w.typical += add_y;
                }
                sc.walk_entries = each;
            }
            self.rest_discounts(q, &by_len[end..], sc);
            let (rest_covered, rest_topical) = rest[end];
            // A fact whose bound falls under the bar of the moment never will be considered: it
            // is dropped on a bound without `powf` first.
            let level = bar.level() * (1.0 - BOUND_MARGIN);
            rough.clear();
            // With no bar yet and few facts, all are bounded tightly first: no rough bound needed.
            let needed = level > 0.0 || fresh.len() > top.tight_first;
            for &f in &fresh {
                let w = &mut sc.walk[f as usize];
                w.seen = true;
                w.current = 0.0;
                let w = *w;
                sc.fact_touched.push(f);
                if !needed {
                    rough.push((f32::INFINITY, f));
                    continue;
                }
                // The terms not walked add at most their weight, less what the walk counted
                // already of the question terms it reached the fact through: at least their least
                // similarity. Most facts are dropped on this.
                let (less, less_topical) = discounts(&sc.rest_disc, w.qmask);
                let covered = (w.covered + rest_covered - less).max(0.0);
                // Typicality is at most 1 for each question term: the typicality weight is at
                // most the coverage.
                let typical = (w.typical + rest_covered).min(covered);
                let topical = w.topical + rest_topical - less_topical;
                let most = self.rough_upper(q, covered / q.total, topical, typical);
                if most >= level {
                    rough.push((most, f));
                }
            }
            fresh.clear();
            // The facts with the highest rough bounds are bounded tightly and scored first: the
            // bar they set drops most of the others on their rough bound alone.
            let first = top.tight_first.min(rough.len());
            if first < rough.len() {
                rough.select_nth_unstable_by(first, |x, y| y.0.total_cmp(&x.0));
            }
            bounds.clear();
            for &(_, f) in &rough[..first] {
                bounds.push((self.walk_bound(q, sc, f, loose), f));
            }
            self.score_bounded(&mut bounds, q, sc, top, &mut bar, &mut out);
            let level = bar.level() * (1.0 - BOUND_MARGIN);
            // The others that the bar leaves in: when they are many for the postings of the next
            // terms, they wait for those to be walked first (their bounds get tighter), as facts
            // not reached yet do.
            let mut k = 0;
            rough.retain(|r| {
                k += 1;
                k > first && r.0 >= level
            });
            let budget = top.walk_on.saturating_mul(rough.len());
            let (mut more, mut postings) = (end, 0usize);
            while more < by_len.len() && postings + by_len[more].0 as usize <= budget {
                postings += by_len[more].0 as usize;
                more += 1;
            }
            if more > end {
                for &(_, f) in &rough {
                    let w = &mut sc.walk[f as usize];
                    w.seen = false;
                    w.current = 1.0;
                    fresh.push(f);
                }
                (walked, end) = (end, more);
                continue;
            }
            bounds.clear();
            for &(_, f) in &rough {
                bounds.push((self.walk_bound(q, sc, f, loose), f));
            }
            self.score_bounded(&mut bounds, q, sc, top, &mut bar, &mut out);
            // The fewest more terms to walk for the facts none of them reaches to be out of reach.
            let level = bar.level() * (1.0 - BOUND_MARGIN);
            let mut next = end;
            while next < by_len.len()
                && self.upper(q, rest[next].0 / q.total, rest[next].1) >= level
            {
                next += 1;
            }
            if next == end {
                break;
            }
            (walked, end) = (end, next);
        }
        sc.by_len = by_len;
        sc.bounds = bounds;
        sc.rough = rough;
        sc.this_term = fresh;
        out.sort_by(by_score);
        let floor = top.want.floor_for(out.first().map_or(0.0, |s| s.score));
        let mut kept = 0;
        out.retain(|s| {
            kept += 1;
            kept == 1 || (kept <= top.want.k && s.score >= floor)
        });
        out
    }

    /// The most fact `f`, reached by the terms walked so far, can score: each question term with a
    /// slot ([`Scratch::qslot`]) raises the fact's best similarity for it (and typicality) to at
    /// most its best among the terms not walked ([`Index::rest_discounts`]); the others (`loose`
    /// has their bits) add at most their weight at their best similarity among those, less what
    /// the walk counted of them already. Tighter than the rough bound of [`Index::rank_top`], at
    /// the cost of a loop over the question's terms and two `powf`.
    fn walk_bound(&self, q: &Query, sc: &Scratch, f: u32, loose: u64) -> f32 {
        let w = &sc.walk[f as usize];
        let (loose_covered, loose_topical) = sc.rest_loose;
        let (mut more, mut more_topical, mut more_typical) =
            (loose_covered, loose_topical, loose_covered);
        for r in &sc.rest_exact {
            let add = r.weight * (r.best - dequantise(w.best[r.slot])).max(0.0);
            more += add;
            more_topical += add * r.share;
            more_typical += r.weight * (r.best - dequantise(w.best_typ[r.slot])).max(0.0);
        }
        let (less, less_topical) = discounts(&sc.rest_disc, w.qmask & loose);
        let covered = (w.covered + more - less).max(0.0);
        let typical = (w.typical + more_typical).min(covered);
        let topical = w.topical + more_topical - less_topical;
        self.upper(q, covered / q.total, topical) * self.typicality_bound(q, typical)
    }

    /// What the question terms reached by `rest` (the index terms not walked) can add to a fact
    /// the walk reached: for each with a place in [`FactWalk::best`] ([`Scratch::qslot`]), its
    /// best similarity among them (`sc.rest_exact`); for the others, their weight
    /// and evidence at that similarity (`sc.rest_loose`), and per term among the first 64
    /// (`sc.rest_disc`), what a fact that the walked terms already reach it through need not
    /// count again of that: the walk counted the term at least at its least similarity, so the
    /// rest adds at most what its best similarity among them exceeds that.
    fn rest_discounts(&self, q: &Query, rest: &[(u32, TermId)], sc: &mut Scratch) {
        let n = q.terms.len().min(64);
        sc.rest_disc.clear();
        sc.rest_disc.resize(n, (0.0, 0.0));
        sc.rest_exact.clear();
        sc.rest_loose = (0.0, 0.0);
        let best = &mut sc.qmax;
        for &(_, t) in rest {
            let first = sc.entry[t as usize] as usize - 1;
            for &(_, qi, sim) in sc.entries[first..].iter().take_while(|e| e.0 == t) {
                let m = &mut best[qi as usize];
                *m = m.max(sim);
            }
        }
        for (qi, qt) in q.terms.iter().enumerate() {
            let share = evidence_share(qt);
            if qi < n {
                let d = qt.weight * best[qi].min(sc.qmin[qi]);
                sc.rest_disc[qi] = (d, d * share);
            }
            let slot = sc.qslot[qi];
            if slot != NO_SLOT {
                if best[qi] > 0.0 {
                    sc.rest_exact.push(RestTerm {
                        slot,
                        weight: qt.weight,
                        share,
                        best: best[qi],
                    });
                }
                continue;
            }
            let all = qt.weight * best[qi];
            sc.rest_loose.0 += all;
            sc.rest_loose.1 += all * share;
        }
        best[..q.terms.len()].fill(0.0);
    }

    /// For each `j`, the most weight and evidence a fact can gather from the question terms
    /// `by_len[j..]` alone: each question term at its best similarity among them (`j` up to and
    /// including `by_len.len()`, where there is none).
    fn rest_bounds(
        &self,
        q: &Query,
        by_len: &[(u32, TermId)],
        sc: &mut Scratch,
    ) -> Vec<(f32, f32)> {
        let mut rest = vec![(0f32, 0f32); by_len.len() + 1];
        let best = &mut sc.qmax;
        for j in (0..by_len.len()).rev() {
            let t = by_len[j].1;
            let first = sc.entry[t as usize] as usize - 1;
            for &(_, qi, sim) in sc.entries[first..].iter().take_while(|e| e.0 == t) {
                let m = &mut best[qi as usize];
                *m = m.max(sim);
            }
            let (mut weight, mut evidence) = (0f32, 0f32);
            for (qt, &m) in q.terms.iter().zip(best.iter()) {
                weight += qt.weight * m;
                evidence += qt.weight * m * evidence_share(qt);
            }
            rest[j] = (weight, evidence);
        }
        best[..q.terms.len()].fill(0.0);
        rest
    }

    /// The most a fact covering `coverage` of the question with `topical` evidence can score: its
    /// best phrasing covers at most as much (and scores at most coverage^a), typicality is at most 1.
    fn upper(&self, q: &Query, coverage: f32, topical: f32) -> f32 {
        let a = q.params.question_coverage_weight;
        let bp = if a > 0.0 {
            coverage.min(1.0).powf(a).min(1.0)
        } else {
            1.0
        };
        combine(bp, coverage, q.params) * self.headroom(q, topical)
    }

    /// A fact's coverage of the question, its evidence (`topical`), the typicality weight of the
    /// question for it (`typical`) and its [`Content::off_topic`] factor, as
    /// [`Index::fact_score`] computes them, from the fact's own sorted terms (one bisection per
    /// index term the question reaches).
    fn fact_bounds(&self, f: usize, q: &Query, sc: &mut Scratch) -> (f32, f32, f32, f32) {
        let range = self.fact_term_start[f]..self.fact_term_start[f + 1];
        let (terms, typ) = (&self.fact_terms[range.clone()], &self.fact_typ[range]);
        let (mut covered, mut topical, mut typical) = (0f32, 0f32, 0f32);
        let mut content = Content::default();
        sc.found_fact = usize::MAX;
        if terms.len() <= q.scan_ratio.saturating_mul(sc.qcands.len()) {
            // Few terms: look each up in the question's dense table instead of bisecting.
            for (&t, &ty) in terms.iter().zip(typ) {
                let e = sc.entry[t as usize];
                if e == 0 {
                    continue;
                }
                for &(id, qi, sim) in &sc.entries[e as usize - 1..] {
                    if id != t {
                        break;
                    }
                    let (best, most) = (&mut sc.qmax[qi as usize], &mut sc.qtyp[qi as usize]);
                    *best = best.max(sim);
                    *most = most.max(sim * ty);
                }
            }
            for (qt, (best, t)) in q.terms.iter().zip(sc.qmax.iter_mut().zip(&mut sc.qtyp)) {
                typical += qt.weight * *t;
                covered += qt.weight * *best;
                topical += qt.weight * *best * evidence_share(qt);
                content.add(qt, *best);
                (*best, *t) = (0.0, 0.0);
            }
            return (
                covered / q.total,
                topical,
                typical,
                content.off_topic(q.params),
            );
        }
        sc.found.clear();
        sc.found_fact = f;
        let mut from = 0;
        for (qi, qt) in q.terms.iter().enumerate() {
            let to = sc.qcand_end[qi] as usize;
            let (mut best, mut t) = (0f32, 0f32);
            for &(id, sim) in &sc.qcands[from..to] {
                if let Ok(k) = terms.binary_search(&id) {
                    sc.found.push((qi as u32, sim, k as u32));
                    best = best.max(sim);
                    t = t.max(sim * typ[k]);
                }
            }
            from = to;
            typical += qt.weight * t;
            covered += qt.weight * best;
            topical += qt.weight * best * evidence_share(qt);
            content.add(qt, best);
        }
        (
            covered / q.total,
            topical,
            typical,
            content.off_topic(q.params),
        )
    }

    /// Scores the facts of `bounds` (each with the most it can score) that can clear the bar: the
    /// [`Top::seeds`] with the highest bounds first, then the others in order of their bounds
    /// until one falls under the bar.
    fn score_bounded(
        &self,
        bounds: &mut Vec<(f32, u32)>,
        q: &Query,
        sc: &mut Scratch,
        top: Top,
        bar: &mut Bar,
        out: &mut Vec<Scored>,
    ) {
        let seeds = top.seeds.min(bounds.len());
        if seeds < bounds.len() {
            bounds.select_nth_unstable_by(seeds, |x, y| y.0.total_cmp(&x.0));
        }
        for &(most, f) in &bounds[..seeds] {
            self.consider(f, most, q, sc, bar, out);
        }
        // The rest in order of their bounds, a growing chunk at a time: the bar usually stops the
        // walk long before the end, and sorting only the chunks reached (each picked out of the
        // rest by selection) costs much less than sorting them all.
        let mut from = seeds;
        let mut chunk = BOUNDS_CHUNK;
        loop {
            let level = bar.level() * (1.0 - BOUND_MARGIN);
            let mut end = from;
            for k in from..bounds.len() {
                if bounds[k].0 >= level {
                    bounds.swap(end, k);
                    end += 1;
                }
            }
            let rest = &mut bounds[from..end];
            if rest.is_empty() {
                return;
            }
            let n = chunk.min(rest.len());
            if n < rest.len() {
                rest.select_nth_unstable_by(n - 1, |x, y| y.0.total_cmp(&x.0));
            }
            rest[..n].sort_unstable_by(|x, y| y.0.total_cmp(&x.0));
            for &(most, f) in &rest[..n] {
                if most < bar.level() * (1.0 - BOUND_MARGIN) {
                    return;
                }
                self.consider(f, most, q, sc, bar, out);
            }
            bounds.truncate(end);
            from += n;
            chunk = chunk.saturating_mul(2);
        }
    }

    /// At least [`Index::upper`] times [`Index::typicality_bound`] for the same weights, with
    /// square roots instead of `powf` ([`pow_above`]).
    fn rough_upper(&self, q: &Query, coverage: f32, topical: f32, typical: f32) -> f32 {
        let params = q.params;
        let a = params.question_coverage_weight;
        let bp = if a > 0.0 {
            pow_above(coverage.clamp(0.0, 1.0), a)
        } else {
            1.0
        };
        let e = params.typicality_exponent;
        let typicality = if e > 0.0 {
            pow_above((typical / q.total).clamp(0.0, 1.0), e)
        } else {
            1.0
        };
        combine(bp, coverage, params) * self.headroom(q, topical) * typicality
    }

    /// The most a fact's typicality factor can be for a typicality weight of at most `typical`
    /// (each question term's weight times the typicality of the terms reaching it; a term not
    /// walked counts as fully typical).
    fn typicality_bound(&self, q: &Query, typical: f32) -> f32 {
        let e = q.params.typicality_exponent;
        if e > 0.0 {
            pow_bound((typical / q.total).min(1.0), e)
        } else {
            1.0
        }
    }

    /// The most a fact's score can be for a combined score ([`combine`]) of 1: its evidence
    /// (`topical` weight) times the unknown-word penalty (typicality is at most 1).
    fn headroom(&self, q: &Query, topical: f32) -> f32 {
        q.penalty * (topical / (q.params.min_evidence_share * self.max_idf)).min(1.0)
    }

    /// Scores fact `f`, which can score at most `most`, if that can clear the bar: only its
    /// phrasings that can lift it over the bar, and its score only if its best phrasing does. A
    /// fact scored is offered to the bar and added to `out`.
    ///
    /// A fact whose best phrasing was skipped scores, exactly, under the bar of the moment, so it
    /// never survives the cut of [`Index::rank_top`] even with the lower score found here.
    fn consider(
        &self,
        f: u32,
        most: f32,
        q: &Query,
        sc: &mut Scratch,
        bar: &mut Bar,
        out: &mut Vec<Scored>,
    ) {
        let params = q.params;
        let level = bar.level() * (1.0 - BOUND_MARGIN);
        if most < level {
            return;
        }
        let i = f as usize;
        let (coverage, topical, typical, off) = self.fact_bounds(i, q, sc);
        // Most facts stop here: first without `powf`.
        if self.rough_upper(q, coverage, topical, typical) * off < level {
            return;
        }
        let typicality = if params.typicality_exponent > 0.0 {
            pow_bound(typical / q.total, params.typicality_exponent)
        } else {
            1.0
        };
        let headroom = self.headroom(q, topical) * typicality * off;
        if self.upper(q, coverage, topical) * typicality * off < level {
            return;
        }
        // The least question coverage a phrasing needs to lift the fact over the bar.
        let a = params.question_coverage_weight;
        let mut prune = 0.0;
        if level > 0.0 && a > 0.0 {
            let bp = if headroom > 0.0 {
                min_best_phrasing(level / headroom, coverage, params)
            } else {
                f32::INFINITY
            };
            if bp > 0.0 {
                prune = bp.powf(1.0 / a) * (1.0 - BOUND_MARGIN);
            }
        }
        let bp = self.best_phrasing(i, prune, true, q, sc);
        if bp <= 0.0 || combine(bp, coverage, params) * headroom < level {
            return;
        }
        // `fact_bounds` summed the fact's coverage, evidence and typicality as `fact_score`
        // does, in the same order: they are exact, not bounds.
        let s = self.fact_score_of(
            bp,
            coverage,
            topical,
            typical / q.total,
            q.penalty * off,
            params,
        );
        bar.offer(f, s);
        out.push(Scored { fact: f, score: s });
    }

    /// A human-readable account of how a question was read: each term, its weight and what it matched.
    /// For `attache ask --explain`, so moderators can see why a question went where it did.
    pub fn explain(&self, folded: &str, lang: Lang) -> String {
        let mut slots = QuestionSlots::default();
        analyse_into(folded, lang, &self.synonyms, &mut slots);
        let qterms = self.query_terms(&slots, lang, &Params::DEFAULT);
        let mut out = format!("language {lang}; terms:\n");
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<SlotView> = slots
            .iter()
            .filter(|s| seen.insert((s.raw, s.keys.len())))
            .collect();
        for (t, q) in unique.iter().zip(&qterms) {
            let cands: Vec<String> = q
                .candidates
                .iter()
                .map(|(id, s)| format!("{}~{:.2}", self.keys[*id as usize], s))
                .collect();
            out.push_str(&format!(
                "  {:<14} w={:.2} -> {}\n",
                t.raw,
                q.weight,
                cands.join(" ")
            ));
        }
        for s in self.score(folded, lang).iter().take(3) {
            out.push_str(&format!("  {:<20} {:.3}\n", self.fact_id(s.fact), s.score));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{wanted, Hints, MAX_SUGGESTIONS, RELATED_FLOOR};
    use crate::engine::Snapshot;
    use crate::lang::detect_folded;
    use crate::matcher::IndexBuilder;
    use crate::normalise::{cap, fold};
    use std::path::Path;

    /// The stack version gives `strsim`'s distances: every pair of a list of words with typos,
    /// transpositions, repeats and non-Latin characters, both ways round.
    #[test]
    fn short_damerau_levenshtein_is_strsims() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "bca",
            "china",
            "chna",
            "cihna",
            "hcina",
            "chinaa",
            "blinken",
            "blinkne",
            "lbinken",
            "blnkn",
            "mississippi",
            "missisippi",
            "misisipi",
            "secretary",
            "secertary",
            "secratery",
            "gespräche",
            "gesprache",
            "訪問中国",
            "访问中国",
            "中国访问",
            "abcabcabc",
            "cbacbacba",
            "aaaa",
            "aaab",
            "abab",
            "baba",
            "cuándo",
            "cuando",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzy",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    damerau_levenshtein_short(a, b, b.chars().count()),
                    strsim::damerau_levenshtein(a, b),
                    "{a} {b}"
                );
            }
        }
    }

    /// The deletions visited are those `deletions` lists, as a set.
    #[test]
    fn each_deletion_is_visited() {
        for w in [
            "",
            "a",
            "ab",
            "aab",
            "aaaa",
            "chna",
            "blinken",
            "mississippi",
            "訪問中国",
        ] {
            for e in 0..=3 {
                let mut seen = Vec::new();
                for_each_deletion(w, e, &mut |d| seen.push(d.to_string()));
                seen.sort();
                seen.dedup();
                let mut want = super::super::index::deletions(w, e);
                want.sort();
                assert_eq!(seen, want, "{w} {e}");
            }
        }
    }

    /// What `want` reads of the full ranking, computed independently of the pruning: the best
    /// fact, then the next ones up to `k` that score at least the floor for the best's score.
    fn head(all: &[Scored], want: Wanted) -> Vec<Scored> {
        let best = all.first().map_or(0.0, |s| s.score);
        let floor = if best >= want.alone {
            f32::INFINITY
        } else if best >= want.suggest {
            want.suggest.max(want.floor)
        } else {
            want.floor
        };
        all.iter()
            .enumerate()
            .filter(|(i, s)| *i == 0 || (*i < want.k && s.score >= floor))
            .map(|(_, s)| *s)
            .collect()
    }

    /// What the pruning must be exact for: the whole head a reply can read, the cuts of prompted
    /// and unprompted replies (an answer reads one fact), and cuts that bite on any base: the best
    /// fact alone whatever its score, and suggestions from a low threshold.
    fn wants() -> Vec<Wanted> {
        vec![
            Wanted::head(MAX_SUGGESTIONS, RELATED_FLOOR),
            wanted(&Hints::default()),
            wanted(&Hints {
                unprompted: true,
                ..Hints::default()
            }),
            Wanted {
                alone: 0.0,
                ..Wanted::head(MAX_SUGGESTIONS, RELATED_FLOOR)
            },
            Wanted {
                k: 2,
                floor: 0.1,
                suggest: 0.3,
                alone: 0.6,
            },
        ]
    }

    /// The settings the pruning must be exact with: seed facts none (the bar comes from the facts
    /// in order of their bounds only), one, the default, and every fact; seed postings those of
    /// the rarest term only, the default, and every term's; facts' bounds always bisected, by
    /// [`FACT_SCAN_RATIO`], always scanned; the walk's per-fact best similarities kept for no
    /// question term, the first one only (the others bounded the loose way) or
    /// [`WALK_EXACT_TERMS`]; the facts bounded tightly first none, [`TIGHT_FIRST`] or all; the walk
    /// going on for the facts left never, by [`WALK_ON_RATIO`] or always. All of them for the whole
    /// head, the corners for the other cuts of [`wants`].
    fn tops() -> Vec<Top> {
        let mut out = Vec::new();
        for (n, want) in wants().into_iter().enumerate() {
            let corners = n > 0;
            for seeds in [0, 1, SEED_FACTS, usize::MAX] {
                for postings in [0, SEED_POSTINGS, usize::MAX] {
                    for scan_ratio in [0, FACT_SCAN_RATIO, usize::MAX] {
                        if corners && (seeds == 1 || postings == SEED_POSTINGS || scan_ratio == 0) {
                            continue;
                        }
                        for exact_terms in [0, 1, WALK_EXACT_TERMS] {
                            if (corners || scan_ratio != FACT_SCAN_RATIO)
                                && exact_terms != WALK_EXACT_TERMS
                            {
                                continue;
                            }
                            let every = !corners
                                && scan_ratio == FACT_SCAN_RATIO
                                && exact_terms == WALK_EXACT_TERMS;
                            let tight = if every {
                                &[0, TIGHT_FIRST, usize::MAX][..]
                            } else {
                                &[TIGHT_FIRST][..]
                            };
                            let walk_ons = if every {
                                &[0, WALK_ON_RATIO, usize::MAX][..]
                            } else {
                                &[WALK_ON_RATIO][..]
                            };
                            for &tight_first in tight {
                                for &walk_on in walk_ons {
                                    out.push(Top {
                                        want,
                                        seeds,
                                        postings,
                                        scan_ratio,
                                        exact_terms,
                                        tight_first,
                                        walk_on,
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Checks `score_top` against the full ranking for a question, with every seed count and
    /// every cut of [`wants`]; returns the whole head.
    fn check_top(index: &Index, question: &str, lang: Lang) -> Vec<Scored> {
        let folded = fold(question);
        let all = index.score(&folded, lang);
        for top in tops() {
            let got = index.score_impl(&folded, lang, &Params::DEFAULT, Some(top));
            assert_eq!(got, head(&all, top.want), "{question} ({top:?})");
        }
        head(&all, Wanted::head(MAX_SUGGESTIONS, RELATED_FLOOR))
    }

    /// The walk's per-fact best similarities never read back more than was stored (its bounds
    /// would miss what a term adds), and the fact record stays one cache line.
    #[test]
    fn quantised_similarities_are_never_read_back_higher() {
        for k in 0..=100_000u32 {
            let x = k as f32 / 100_000.0;
            assert!(dequantise(quantise(x)) <= x, "{x}");
        }
        for x in [0.6f32, 0.8, 1.0, 1.5, f32::MIN_POSITIVE, f32::EPSILON] {
            assert!(dequantise(quantise(x)) <= x, "{x}");
        }
        assert_eq!(quantise(f32::NAN), 0);
        assert_eq!(std::mem::size_of::<FactWalk>(), 64);
    }

    /// The seeds only raise the bar early: the result is the same for any number of seed facts or
    /// postings (the other tests check it), and there are at least as many seed facts as a reply
    /// uses, so that they can set the bar alone.
    #[test]
    fn seed_facts_can_fill_a_reply() {
        const { assert!(SEED_FACTS >= MAX_SUGGESTIONS) };
    }

    /// OFF_TOPIC_PENALTY: a fact lacking more of the question's content than it has is scored
    /// down by the factor, exactly and in both rankings; one that has the content is not.
    #[test]
    fn a_fact_lacking_most_of_the_question_is_off_topic() {
        let mut b = IndexBuilder::new();
        let dates = b.add_fact("dates");
        b.add_phrasing(dates, Lang::En, "When does Blinken visit China?");
        b.add_phrasing(dates, Lang::En, "When is the visit?");
        // Blinken and the visit in every fact: they weigh little, as in the brief.
        for (i, text) in [
            "Why does Blinken visit China?",
            "Who will Blinken meet during the visit?",
            "What will the visit of Blinken achieve?",
        ]
        .iter()
        .enumerate()
        {
            let f = b.add_fact(&format!("other-{i}"));
            b.add_phrasing(f, Lang::En, text);
        }
        let index = b.build();
        let off = Params {
            off_topic_penalty: 1.0,
            ..Params::DEFAULT
        };
        let score_of = |question: &str, params: &Params| {
            index
                .score_with(&fold(question), Lang::En, params)
                .into_iter()
                .find(|s| index.fact_id(s.fact) == "dates")
                .map(|s| s.score)
                .expect("the dates fact is scored")
        };
        // "Russia", unknown, outweighs "Blinken" and "visit", which the fact has.
        let russia = "When did Blinken visit Russia?";
        let (with, without) = (score_of(russia, &Params::DEFAULT), score_of(russia, &off));
        assert!(with < without, "{with} against {without}");
        assert!(
            (with - without * OFF_TOPIC_PENALTY).abs() <= 1e-6 * without,
            "{with} against {without}"
        );
        // The fact has all of it: no penalty.
        let china = "When does Blinken visit China?";
        assert_eq!(score_of(china, &Params::DEFAULT), score_of(china, &off));
        // score_top finds the same scores, with the penalty in its bounds.
        check_top(&index, russia, Lang::En);
        check_top(&index, china, Lang::En);
    }

    /// A fact reached only through common words ("when", "visit") must win over facts that share
    /// the question's rarest word, whose bounds are high: pruning by bounds must not drop it.
    #[test]
    fn a_fact_of_common_words_is_not_pruned() {
        let mut b = IndexBuilder::new();
        let summit = b.add_fact("summit");
        b.add_phrasing(summit, Lang::En, "When is the summit visit?");
        b.add_phrasing(summit, Lang::En, "When does the summit visit start?");
        for (i, text) in ["Zorblat tariffs?", "Zorblat trade deal", "Who is Zorblat?"]
            .iter()
            .enumerate()
        {
            let f = b.add_fact(&format!("zorblat-{i}"));
            b.add_phrasing(f, Lang::En, text);
        }
        for name in [
            "Abel", "Borin", "Cato", "Dunmore", "Edda", "Falk", "Gorm", "Hale",
        ] {
            let f = b.add_fact(&format!("visit-{name}"));
            b.add_phrasing(f, Lang::En, &format!("When is the visit of {name}?"));
            b.add_phrasing(f, Lang::En, &format!("When does {name} visit?"));
        }
        let index = b.build();
        let got = check_top(
            &index,
            "when does the summit visit of zorblat start",
            Lang::En,
        );
        assert_eq!(index.fact_id(got[0].fact), "summit");
        check_top(&index, "when is the visit", Lang::En);
        check_top(&index, "zorblat", Lang::En);
        check_top(&index, "when is hale visiting the summit", Lang::En);
    }

    /// The walk of [`Index::rank_top`] counts a question term reached again through another
    /// index term (a CJK character and the pairs holding it, a stem and its raw form) only for
    /// what its similarity can exceed its least one, and bounds typicality from the walked terms:
    /// facts that share characters and pairs with the question in different amounts, and with
    /// different typicality, must still come out exactly as in the full ranking.
    #[test]
    fn terms_reached_twice_are_bounded_exactly() {
        let mut b = IndexBuilder::new();
        let phrasings: [&[&str]; 6] = [
            &["会议什么时候开始？", "会议在哪里？"],
            &["国会什么时候开会？", "国会议员是谁？", "议会在哪里？"],
            &["会谈什么时候？", "什么会谈？"],
            &["访问什么时候开始？", "访问会议的时间"],
            &[
                "开会的时间",
                "会议的时间",
                "开会在什么时候？",
                "什么时候开会议？",
            ],
            &["When do the talks start?", "When are the talks talking?"],
        ];
        for (n, texts) in phrasings.iter().enumerate() {
            let f = b.add_fact(&format!("fact-{n}"));
            for t in *texts {
                let lang = if t.is_ascii() { Lang::En } else { Lang::ZhCn };
                b.add_phrasing(f, lang, t);
            }
        }
        let index = b.build();
        for (q, lang) in [
            ("会议什么时候开始", Lang::ZhCn),
            ("国会开会的时间", Lang::ZhCn),
            ("什么时候会谈", Lang::ZhCn),
            ("议会会议", Lang::ZhCn),
            ("访问会", Lang::ZhCn),
            ("when do the talks talk", Lang::En),
            ("when talking", Lang::En),
        ] {
            check_top(&index, q, lang);
        }
    }

    /// On a synthetic base of 300 facts (shared common words, names in ~1.5 facts each), for
    /// questions made from its phrasings with a word dropped, the pruned ranking is the head of
    /// the full one, with any number of seeds.
    #[test]
    fn score_top_is_exact_on_a_synthetic_base() {
        let (_dir, s) = crate::synth::generate_for_test(300);
        let snap = Snapshot::load(&s.knowledge, &s.locales).expect("a valid synthetic base");
        let mut checked = 0;
        for (n, fact) in snap.facts.facts.iter().enumerate().step_by(7) {
            for (&lang, phrasings) in &fact.questions {
                let p = &phrasings[n % phrasings.len()];
                let words: Vec<&str> = p.split_whitespace().collect();
                let dropped = if words.len() > 2 {
                    let mut w = words.clone();
                    w.remove(n % words.len());
                    w.join(" ")
                } else {
                    p.chars().skip(1).collect()
                };
                for q in [p.as_str(), dropped.as_str()] {
                    check_top(&snap.index, q, lang);
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "{checked}");
    }

    /// `score_top` must return exactly what a reply reads of the full ranking: the best fact, then
    /// the next ones up to `k` that score at least the floor for the best's score, with
    /// bit-identical scores.
    #[test]
    fn score_top_is_the_head_of_the_full_ranking() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let snap = Snapshot::load(&root.join("knowledge"), &root.join("locales"))
            .expect("the shipped fact base is valid");
        let file = root.join("tests/fixtures/questions.tsv");
        let text = std::fs::read_to_string(&file).expect("the fixture questions");
        let cases = crate::eval::parse(&file, &text).expect("valid questions");
        assert!(cases.len() > 100);
        for case in cases {
            let q = cap(&case.question);
            let folded = fold(q);
            let lang = detect_folded(q, &folded, &|w| snap.index.word_langs(w)).lang;
            let all = snap.index.score(&folded, lang);
            for want in wants() {
                let got = snap.index.score_top(&folded, lang, want);
                assert_eq!(got, head(&all, want), "{} ({want:?})", case.question);
            }
            for top in tops() {
                let got = snap
                    .index
                    .score_impl(&folded, lang, &Params::DEFAULT, Some(top));
                assert_eq!(got, head(&all, top.want), "{} ({top:?})", case.question);
            }
        }
    }
}
