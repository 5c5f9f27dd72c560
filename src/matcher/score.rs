//! Scoring a question against every fact: soft, IDF-weighted overlap between the question's terms
//! and each phrasing's, with typo tolerance. The thresholds that turn a score into an answer, a
//! suggestion or a decline are the named constants below.

use super::analyse::{analyse_folded, Class, Slot, QUESTION_WORD_BOOST};
use super::index::{deletions, max_edits, other_stems, slot_weight, Index, TermId};
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
/// questions.
#[derive(Default)]
struct Scratch {
    current: Vec<f32>,
    matched: Vec<f32>,
    questions: Vec<u16>,
    seen: Vec<bool>,
}

impl Scratch {
    fn fit(&mut self, n: usize) {
        if self.current.len() < n {
            self.current.resize(n, 0.0);
            self.matched.resize(n, 0.0);
            self.questions.resize(n, 0);
            self.seen.resize(n, false);
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
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
                if let Some(words) = self.deletes.get(&d) {
                    for &w in words {
                        let (word, id) = &self.words[w as usize];
                        let sim = similarity(&slot.raw, word);
                        // Short words keep their first letter when mistyped far more often than not;
                        // without this rule "age" would be a typo of "tage".
                        let same_start =
                            len > SHORT_WORD_LEN || slot.raw.chars().next() == word.chars().next();
                        if same_start && (FUZZY_MIN_SIMILARITY..1.0).contains(&sim) {
                            push(*id, sim, &mut out);
                            // A typo of a word in a synonym group belongs to the group too.
                            if let Some(g) = self.synonyms.group_of(word).and_then(|g| self.term(g))
                            {
                                push(g, sim, &mut out);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    fn query_terms(&self, slots: &[Slot], lang: Lang, params: &Params) -> Vec<QueryTerm> {
        let mut seen = std::collections::HashSet::new();
        slots
            .iter()
            .filter(|s| seen.insert((s.raw.clone(), s.keys.len())))
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
    /// best first.
    pub fn score(&self, folded: &str, lang: Lang) -> Vec<Scored> {
        self.score_with(folded, lang, &Params::DEFAULT)
    }

    /// [`Index::score`] with other parameters.
    pub fn score_with(&self, folded: &str, lang: Lang, params: &Params) -> Vec<Scored> {
        let slots = analyse_folded(folded, lang, &self.synonyms);
        let qterms = self.query_terms(&slots, lang, params);
        let total: f32 = qterms.iter().map(|q| q.weight).sum();
        if total <= 0.0 || self.fact_ids.is_empty() {
            return Vec::new();
        }
        // The best similarity with which the question reaches each index term, sorted by term: a
        // few dozen entries, searched by bisection (cheaper than hashing at this size).
        let mut reach: Vec<(TermId, f32)> = qterms
            .iter()
            .flat_map(|q| q.candidates.iter().copied())
            .collect();
        reach.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        reach.dedup_by_key(|e| e.0);
        let reached = |id: TermId| match reach.binary_search_by_key(&id, |e| e.0) {
            Ok(i) => reach[i].1,
            Err(_) => 0.0,
        };
        // How much of the question each phrasing covers, accumulated from the postings of the
        // question's terms (work in proportion to the matches, not to the number of phrasings), in
        // scratch space kept per thread and cleared after use.
        let n_questions = qterms.iter().filter(|q| q.question).count() as u16;
        let touched = SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let sc = &mut *guard;
            sc.fit(self.phrasings.len());
            let mut touched: Vec<u32> = Vec::new();
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
                        touched.push(p);
                    }
                    sc.matched[i] += q.weight * sc.current[i];
                    if q.question {
                        sc.questions[i] += 1;
                    }
                    sc.current[i] = 0.0;
                }
                this_term.clear();
            }
            touched.sort_unstable();
            let out: Vec<(u32, f32, bool)> = touched
                .iter()
                .map(|&p| {
                    let i = p as usize;
                    let r = (p, sc.matched[i], sc.questions[i] < n_questions);
                    sc.matched[i] = 0.0;
                    sc.questions[i] = 0;
                    sc.seen[i] = false;
                    r
                })
                .collect();
            out
        });

        let a = params.question_coverage_weight;
        let mut best_phrasing = vec![0f32; self.fact_ids.len()];
        // A phrasing scores at most cq^a (cp <= 1): below best^(1/a) of its fact it cannot win, and
        // its cp (and two powf) need not be computed.
        let mut needed_cq = vec![0f32; self.fact_ids.len()];
        for (p, q_matched, q_question_missed) in touched {
            let phrasing = &self.phrasings[p as usize];
            let f = phrasing.fact as usize;
            let cq = q_matched / total;
            if cq <= needed_cq[f] {
                continue;
            }
            let (mut p_matched, mut p_question_missed) = (0f32, false);
            for slot in &phrasing.slots {
                let best = slot
                    .terms
                    .iter()
                    .map(|&(id, cover)| cover * reached(id))
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
            if s > best_phrasing[f] {
                best_phrasing[f] = s;
                needed_cq[f] = if a > 0.0 { s.powf(1.0 / a) } else { 0.0 };
            }
        }

        let unknown = qterms.iter().filter(|q| q.unknown).count() as i32;
        let penalty = params.unknown_slot_penalty.powi(unknown);
        let mut out: Vec<Scored> = Vec::new();
        for (f, &bp) in best_phrasing.iter().enumerate() {
            if bp <= 0.0 {
                continue;
            }
            let (mut covered, mut topical, mut typical) = (0f32, 0f32, 0f32);
            for q in &qterms {
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
            let share = params.best_phrasing_share;
            let evidence = (topical / (params.min_evidence_share * self.max_idf)).min(1.0);
            let coverage = covered / total;
            let combined = if params.fact_coverage_mode == 0 {
                share * bp + (1.0 - share) * coverage
            } else {
                bp.powf(share) * coverage.powf(1.0 - share)
            };
            let typicality = if params.typicality_exponent > 0.0 {
                (typical / total).powf(params.typicality_exponent)
            } else {
                1.0
            };
            let score = combined * evidence * penalty * typicality;
            out.push(Scored {
                fact: f as u32,
                score,
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
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
