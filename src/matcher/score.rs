//! Scoring a question against every fact: soft, IDF-weighted overlap between the question's terms
//! and each phrasing's, with typo tolerance. The thresholds that turn a score into an answer, a
//! suggestion or a decline are the named constants below.

use super::analyse::{analyse_folded, Class, Slot, QUESTION_WORD_BOOST};
use super::index::{deletions, max_edits, other_stems, slot_weight, Index, Phrasing, TermId};
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
    };
}

impl Default for Params {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Per-thread scratch space for scoring, sized to the largest index seen and left all zero between
/// questions: per phrasing (`current` to `seen`), per term (`reach`) and per fact (`best`, `needed`).
#[derive(Default)]
struct Scratch {
    current: Vec<f32>,
    matched: Vec<f32>,
    questions: Vec<u16>,
    seen: Vec<bool>,
    /// The best similarity with which the question reaches each term.
    reach: Vec<f32>,
    /// Each fact's best phrasing score so far.
    best: Vec<f32>,
    /// The question coverage a phrasing of each fact needs to beat its best one.
    needed: Vec<f32>,
    /// The question coverage a phrasing of each fact needs to lift it over the bar of
    /// [`Index::score_top`].
    prune: Vec<f32>,
    /// Per fact, the similarity with which the current question term reaches it.
    fact_current: Vec<f32>,
    /// Per fact, the weight of the question its vocabulary covers.
    covered: Vec<f32>,
    /// Per fact, the same counting question words at [`QUESTION_EVIDENCE_SHARE`].
    topical: Vec<f32>,
    fact_seen: Vec<bool>,
}

impl Scratch {
    fn fit(&mut self, phrasings: usize, terms: usize, facts: usize) {
        if self.current.len() < phrasings {
            self.current.resize(phrasings, 0.0);
            self.matched.resize(phrasings, 0.0);
            self.questions.resize(phrasings, 0);
            self.seen.resize(phrasings, false);
        }
        if self.reach.len() < terms {
            self.reach.resize(terms, 0.0);
        }
        if self.best.len() < facts {
            self.best.resize(facts, 0.0);
            self.needed.resize(facts, 0.0);
            self.prune.resize(facts, 0.0);
            self.fact_current.resize(facts, 0.0);
            self.covered.resize(facts, 0.0);
            self.topical.resize(facts, 0.0);
            self.fact_seen.resize(facts, false);
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Relative slack on every pruning bound of [`Index::score_top`]: a bound is compared with
/// `bar * (1 - BOUND_MARGIN)`, so that float rounding in the bound (computed in another order than
/// the score itself) never skips a fact the exact computation would have ranked.
pub const BOUND_MARGIN: f32 = 1e-3;

/// How many phrasings [`Index::score_top`] scores first, those covering most of the question: their
/// facts' scores set the bar the other phrasings must be able to clear. A few dozen suffice for the
/// right fact to be among them; more would only cost time.
pub const SEED_PHRASINGS: usize = 32;

/// What [`Index::score_top`] must return: the best fact, then up to `k` in all scoring `floor`.
#[derive(Debug, Clone, Copy)]
struct Top {
    k: usize,
    floor: f32,
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
            best: Vec::with_capacity(top.k + 1),
        }
    }

    fn offer(&mut self, fact: u32, score: f32) {
        match self.best.iter_mut().find(|e| e.0 == fact) {
            Some(e) => e.1 = e.1.max(score),
            None => self.best.push((fact, score)),
        }
        self.best.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.best.truncate(self.top.k);
    }

    /// Under the k-th best score nothing is returned; under both the floor and the best score,
    /// neither.
    fn level(&self) -> f32 {
        let first = self.best.first().map_or(0.0, |e| e.1);
        let kth = if self.best.len() >= self.top.k {
            self.best[self.top.k - 1].1
        } else {
            0.0
        };
        kth.max(first.min(self.top.floor))
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

fn similarity(a: &str, b: &str) -> f32 {
    let d = strsim::damerau_levenshtein(a, b);
    let len = a.chars().count().max(b.chars().count()).max(1);
    1.0 - d as f32 / len as f32
}

impl Index {
    fn candidates(&self, slot: &Slot, lang: Lang) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        let push = |id: TermId, sim: f32, out: &mut Vec<(TermId, f32)>| match out
            .iter_mut()
            .find(|(t, _)| *t == id)
        {
            Some(e) => e.1 = e.1.max(sim),
            None => out.push((id, sim)),
        };
        for (key, cover) in &slot.keys {
            if let Some(id) = self.term(key) {
                push(id, *cover, &mut out);
            }
        }
        if slot.class != Class::Word {
            return out;
        }
        if let Some(id) = self.term(&slot.raw) {
            push(id, 1.0, &mut out);
        }
        if out.is_empty() {
            for s in other_stems(&slot.raw, lang) {
                if let Some(id) = self.term(&s) {
                    push(id, OTHER_STEM_SIMILARITY, &mut out);
                }
            }
        }
        let len = slot.raw.chars().count();
        // A short word that only other languages' phrasings use is probably a typo in this one:
        // in an English question "wen" is "when" misspelt, not German "whom".
        let langs = self.word_langs(&slot.raw);
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
            for d in deletions(&slot.raw, edits) {
                for (word, id) in self.typo_words(&d) {
                    let sim = similarity(&slot.raw, word);
                    // Short words keep their first letter when mistyped far more often than not;
                    // without this rule "age" would be a typo of "tage".
                    let same_start =
                        len > SHORT_WORD_LEN || slot.raw.chars().next() == word.chars().next();
                    if same_start && (FUZZY_MIN_SIMILARITY..1.0).contains(&sim) {
                        push(*id, sim, &mut out);
                        // A typo of a word in a synonym group belongs to the group too.
                        if let Some(g) = self.synonyms.group_of(word).and_then(|g| self.term(g)) {
                            push(g, sim, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    fn query_terms(&self, slots: &[Slot], lang: Lang, params: &Params) -> Vec<QueryTerm> {
        // Repeated slots (same text, same keys) count once. A question has a few dozen slots at
        // most: a linear scan of those kept is cheaper than hashing a copy of each slot's text.
        let mut seen: Vec<(&str, usize)> = Vec::with_capacity(slots.len());
        slots
            .iter()
            .filter(|s| {
                let k = (s.raw.as_str(), s.keys.len());
                let new = !seen.contains(&k);
                if new {
                    seen.push(k);
                }
                new
            })
            .map(|s| {
                let candidates = self.candidates(s, lang);
                // The slot weighs what its own key weighs; a typo weighs what the word it stands for does.
                let own_terms: Vec<(TermId, f32)> = s
                    .keys
                    .iter()
                    .filter_map(|(k, c)| self.term(k).map(|t| (t, *c)))
                    .collect();
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

    /// The facts an answer can use, with the same scores as [`Index::score`] gives them: the best
    /// fact whatever its score, then the next ones, up to `k` in all, that score at least `floor`.
    ///
    /// Facts and phrasings that provably cannot make that list are skipped (the pruning is exact,
    /// see [`BOUND_MARGIN`]): on a large fact base most phrasings share only a common word ("when",
    /// 什么) with the question, and skipping them is most of the work saved.
    pub fn score_top(&self, folded: &str, lang: Lang, k: usize, floor: f32) -> Vec<Scored> {
        self.score_impl(
            folded,
            lang,
            &Params::DEFAULT,
            Some(Top { k: k.max(1), floor }),
        )
    }

    fn score_impl(
        &self,
        folded: &str,
        lang: Lang,
        params: &Params,
        top: Option<Top>,
    ) -> Vec<Scored> {
        let slots = analyse_folded(folded, lang, &self.synonyms);
        let qterms = self.query_terms(&slots, lang, params);
        let total: f32 = qterms.iter().map(|q| q.weight).sum();
        if total <= 0.0 || self.fact_ids.is_empty() {
            return Vec::new();
        }
        let n_questions = qterms.iter().filter(|q| q.question).count() as u16;
        let unknown = qterms.iter().filter(|q| q.unknown).count() as i32;
        let penalty = params.unknown_slot_penalty.powi(unknown);
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let sc = &mut *guard;
            sc.fit(self.phrasings.len(), self.keys.len(), self.fact_ids.len());
            // The best similarity with which the question reaches each index term, in a dense
            // array indexed by term (one load per lookup in the per-phrasing loop).
            let mut reach_ids: Vec<TermId> = Vec::new();
            for q in &qterms {
                for &(id, sim) in &q.candidates {
                    let r = &mut sc.reach[id as usize];
                    if *r == 0.0 {
                        reach_ids.push(id);
                    }
                    *r = r.max(sim);
                }
            }
            // How much of the question each phrasing covers, accumulated from the postings of the
            // question's terms (work in proportion to the matches, not to the number of phrasings).
            let mut touched: Vec<(u32, f32, bool)> = Vec::new();
            let mut this_term: Vec<u32> = Vec::new();
            for q in &qterms {
                for &(id, sim) in &q.candidates {
                    for &p in &self.postings[id as usize] {
                        let c = &mut sc.current[p as usize];
                        if *c == 0.0 {
                            this_term.push(p);
                        }
                        *c = c.max(sim);
                    }
                }
                for &p in &this_term {
                    let i = p as usize;
                    if !sc.seen[i] {
                        sc.seen[i] = true;
                        touched.push((p, 0.0, false));
                    }
                    sc.matched[i] += q.weight * sc.current[i];
                    if q.question {
                        sc.questions[i] += 1;
                    }
                    sc.current[i] = 0.0;
                }
                this_term.clear();
            }
            for t in touched.iter_mut() {
                let i = t.0 as usize;
                *t = (t.0, sc.matched[i], sc.questions[i] < n_questions);
                sc.matched[i] = 0.0;
                sc.questions[i] = 0;
                sc.seen[i] = false;
            }
            let mut facts: Vec<u32> = Vec::new();
            let out = match top {
                None => self.rank_all(touched, &qterms, total, penalty, params, sc, &mut facts),
                Some(top) => self.rank_top(
                    touched, &qterms, total, penalty, params, sc, &mut facts, top,
                ),
            };
            for &f in &facts {
                sc.best[f as usize] = 0.0;
                sc.needed[f as usize] = 0.0;
            }
            for &id in &reach_ids {
                sc.reach[id as usize] = 0.0;
            }
            out
        })
    }

    /// Scores one phrasing: how much of the question it covers (`cq`, to the power
    /// [`QUESTION_COVERAGE_WEIGHT`]) times how much of itself the question covers.
    fn phrasing_score(
        &self,
        phrasing: &Phrasing,
        cq: f32,
        q_question_missed: bool,
        reach: &[f32],
        params: &Params,
    ) -> f32 {
        let a = params.question_coverage_weight;
        let (mut p_matched, mut p_question_missed) = (0f32, false);
        for slot in &phrasing.slots {
            let best = slot
                .terms
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
        let mut s = cq.powf(a) * cp.powf(1.0 - a);
        if q_question_missed && p_question_missed {
            s *= params.question_conflict_penalty;
        }
        s
    }

    /// Visits a touched phrasing: raises its fact's best phrasing score. A phrasing scores at most
    /// cq^a (cp <= 1): below best^(1/a) of its fact it cannot win, and is not scored.
    #[allow(clippy::too_many_arguments)]
    fn visit(
        &self,
        (p, q_matched, q_question_missed): (u32, f32, bool),
        total: f32,
        params: &Params,
        sc: &mut Scratch,
        facts: &mut Vec<u32>,
    ) {
        let phrasing = &self.phrasings[p as usize];
        let f = phrasing.fact as usize;
        let cq = q_matched / total;
        if cq <= sc.needed[f] || cq < sc.prune[f] {
            return;
        }
        let s = self.phrasing_score(phrasing, cq, q_question_missed, &sc.reach, params);
        if s > sc.best[f] {
            if sc.best[f] == 0.0 {
                facts.push(f as u32);
            }
            sc.best[f] = s;
            let a = params.question_coverage_weight;
            sc.needed[f] = if a > 0.0 { s.powf(1.0 / a) } else { 0.0 };
        }
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
        for q in qterms {
            if params.typicality_exponent > 0.0 {
                let t = q
                    .candidates
                    .iter()
                    .filter_map(|&(id, sim)| {
                        let list = &self.typicality[id as usize];
                        list.binary_search_by_key(&(f as u32), |&(g, _)| g)
                            .ok()
                            .map(|i| sim * list[i].1)
                    })
                    .fold(0f32, f32::max);
                typical += q.weight * t;
            }
            let best = q
                .candidates
                .iter()
                .filter(|(id, _)| {
                    self.fact_postings[*id as usize]
                        .binary_search(&(f as u32))
                        .is_ok()
                })
                .map(|&(_, s)| s)
                .fold(0f32, f32::max);
            covered += q.weight * best;
            topical += q.weight
                * best
                * if q.question {
                    QUESTION_EVIDENCE_SHARE
                } else {
                    1.0
                };
        }
        let evidence = (topical / (params.min_evidence_share * self.max_idf)).min(1.0);
        let coverage = covered / total;
        let combined = combine(bp, coverage, params);
        let typicality = if params.typicality_exponent > 0.0 {
            (typical / total).powf(params.typicality_exponent)
        } else {
            1.0
        };
        combined * evidence * penalty * typicality
    }

    /// Scores every fact a touched phrasing belongs to, best first.
    #[allow(clippy::too_many_arguments)]
    fn rank_all(
        &self,
        mut touched: Vec<(u32, f32, bool)>,
        qterms: &[QueryTerm],
        total: f32,
        penalty: f32,
        params: &Params,
        sc: &mut Scratch,
        facts: &mut Vec<u32>,
    ) -> Vec<Scored> {
        touched.sort_unstable_by_key(|t| t.0);
        for t in touched {
            self.visit(t, total, params, sc, facts);
        }
        let mut out: Vec<Scored> = facts
            .iter()
            .map(|&f| Scored {
                fact: f,
                score: self.fact_score(
                    f as usize,
                    sc.best[f as usize],
                    qterms,
                    total,
                    penalty,
                    params,
                ),
            })
            .collect();
        out.sort_by(by_score);
        out
    }

    /// [`Index::score_top`]: first the [`SEED_PHRASINGS`] phrasings covering most of the question,
    /// whose facts' scores set a bar; then only the phrasings and facts that can still clear it.
    #[allow(clippy::too_many_arguments)]
    fn rank_top(
        &self,
        mut touched: Vec<(u32, f32, bool)>,
        qterms: &[QueryTerm],
        total: f32,
        penalty: f32,
        params: &Params,
        sc: &mut Scratch,
        facts: &mut Vec<u32>,
        top: Top,
    ) -> Vec<Scored> {
        // Each fact's coverage of the question and its evidence, from the facts' postings (a
        // fraction of the phrasings' postings): with them, a fact's score is bounded by its best
        // phrasing's alone, and a fact that shares only "when" with the question is ruled out.
        let mut fact_touched: Vec<u32> = Vec::new();
        let mut this_term: Vec<u32> = Vec::new();
        for q in qterms {
            for &(id, sim) in &q.candidates {
                for &f in &self.fact_postings[id as usize] {
                    let c = &mut sc.fact_current[f as usize];
                    if *c == 0.0 {
                        this_term.push(f);
                    }
                    *c = c.max(sim);
                }
            }
            let evidence_share = if q.question {
                QUESTION_EVIDENCE_SHARE
            } else {
                1.0
            };
            for &f in &this_term {
                let i = f as usize;
                if !sc.fact_seen[i] {
                    sc.fact_seen[i] = true;
                    fact_touched.push(f);
                }
                sc.covered[i] += q.weight * sc.fact_current[i];
                sc.topical[i] += q.weight * sc.fact_current[i] * evidence_share;
                sc.fact_current[i] = 0.0;
            }
            this_term.clear();
        }
        // The most fact `i` can score with a best phrasing scoring `bp` (typicality is at most 1).
        let coverage = |sc: &Scratch, i: usize| sc.covered[i] / total;
        let headroom = |sc: &Scratch, i: usize| {
            penalty * (sc.topical[i] / (params.min_evidence_share * self.max_idf)).min(1.0)
        };
        let seeds = SEED_PHRASINGS.min(touched.len());
        if seeds < touched.len() {
            touched.select_nth_unstable_by(seeds, |a, b| b.1.total_cmp(&a.1));
        }
        for &t in &touched[..seeds] {
            self.visit(t, total, params, sc, facts);
        }
        // Lower bounds of the seeds' facts' scores (their best phrasing may still improve).
        let mut bar = Bar::new(top);
        for &f in facts.iter() {
            let s = self.fact_score(
                f as usize,
                sc.best[f as usize],
                qterms,
                total,
                penalty,
                params,
            );
            bar.offer(f, s);
        }
        // The least question coverage a phrasing needs to lift its fact over the bar.
        let level = bar.level() * (1.0 - BOUND_MARGIN);
        let a = params.question_coverage_weight;
        if level > 0.0 && a > 0.0 {
            for &f in &fact_touched {
                let i = f as usize;
                let most = headroom(sc, i);
                let bp = if most > 0.0 {
                    min_best_phrasing(level / most, coverage(sc, i), params)
                } else {
                    f32::INFINITY
                };
                sc.prune[i] = if bp > 0.0 {
                    bp.powf(1.0 / a) * (1.0 - BOUND_MARGIN)
                } else {
                    0.0
                };
            }
        }
        for &t in &touched[seeds..] {
            self.visit(t, total, params, sc, facts);
        }
        let mut out: Vec<Scored> = Vec::new();
        // The seeds' facts first: their scores raise the bar before the others are looked at.
        for &f in facts.iter() {
            let i = f as usize;
            let bp = sc.best[i];
            let most = combine(bp, coverage(sc, i), params) * headroom(sc, i);
            if most < bar.level() * (1.0 - BOUND_MARGIN) {
                continue;
            }
            let s = self.fact_score(i, bp, qterms, total, penalty, params);
            bar.offer(f, s);
            out.push(Scored { fact: f, score: s });
        }
        for &f in &fact_touched {
            let i = f as usize;
            sc.covered[i] = 0.0;
            sc.topical[i] = 0.0;
            sc.fact_seen[i] = false;
            sc.prune[i] = 0.0;
        }
        out.sort_by(by_score);
        let mut kept = 0;
        out.retain(|s| {
            kept += 1;
            kept == 1 || (kept <= top.k && s.score >= top.floor)
        });
        out
    }

    /// A human-readable account of how a question was read: each term, its weight and what it matched.
    /// For `attache ask --explain`, so moderators can see why a question went where it did.
    pub fn explain(&self, folded: &str, lang: Lang) -> String {
        let slots = analyse_folded(folded, lang, &self.synonyms);
        let qterms = self.query_terms(&slots, lang, &Params::DEFAULT);
        let mut out = format!("language {lang}; terms:\n");
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<&Slot> = slots
            .iter()
            .filter(|s| seen.insert((s.raw.clone(), s.keys.len())))
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
    use crate::answer::{MAX_SUGGESTIONS, RELATED_FLOOR};
    use crate::engine::Snapshot;
    use crate::lang::detect_folded;
    use crate::normalise::{cap, fold};
    use std::path::Path;

    /// `score_top` must return exactly what a reply reads of the full ranking: the best fact, then
    /// the next ones up to `k` that score at least the floor, with bit-identical scores.
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
            let want: Vec<_> = all
                .iter()
                .enumerate()
                .filter(|(i, s)| *i == 0 || (*i < MAX_SUGGESTIONS && s.score >= RELATED_FLOOR))
                .map(|(_, s)| *s)
                .collect();
            let got = snap
                .index
                .score_top(&folded, lang, MAX_SUGGESTIONS, RELATED_FLOOR);
            assert_eq!(got, want, "{}", case.question);
        }
    }
}
