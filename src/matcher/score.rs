//! Scoring a question against every fact: soft, IDF-weighted overlap between the question's terms
//! and each phrasing's, with typo tolerance. The thresholds that turn a score into an answer, a
//! suggestion or a decline are the named constants below.

use super::analyse::{analyse_folded, Class, Term};
use super::index::{deletions, max_edits, other_stems, Index, TermId};
use crate::lang::Lang;

/// A fact scoring at least this is the answer.
///
/// Below it, something the question says is missing from every phrasing of the best fact: an
/// unknown name ("Nixon"), a topic the brief lacks ("weather"), or a mix of two facts' words.
pub const ANSWER_THRESHOLD: f32 = 0.56;

/// Facts scoring at least this (but less than [`ANSWER_THRESHOLD`]) are offered as "did you mean".
pub const SUGGEST_THRESHOLD: f32 = 0.38;

/// In channels where the bot answers unprompted, a fact must score at least this: a wrong
/// unsolicited answer is worse than silence.
pub const UNPROMPTED_THRESHOLD: f32 = 0.72;

/// How much the question's coverage counts against the phrasing's (the rest).
///
/// What the user wrote must be understood (an unknown word is a strong sign the brief does not
/// cover it); a phrasing may carry extra words the user left out ("When is Blinken visiting China?"
/// vs "When?").
pub const QUESTION_COVERAGE_WEIGHT: f32 = 0.7;

/// The share of a fact's score that comes from its best single phrasing; the rest comes from how much of
/// the question the fact's whole vocabulary (all phrasings and keywords) covers.
pub const BEST_PHRASING_SHARE: f32 = 0.75;

/// A typo-tolerant match must be at least this similar (1 - edits / length): "chna" ~ "china" is 0.8,
/// "wen" ~ "when" 0.75, "wer" ~ "wen" 0.67 (rejected).
pub const FUZZY_MIN_SIMILARITY: f32 = 0.7;

/// A word found only through another language's stemmer counts this much.
pub const OTHER_STEM_SIMILARITY: f32 = 0.9;

/// Unknown CJK pairs weigh this share of an unknown word: pairs that straddle two words are
/// unavoidable noise in unsegmented text, unlike an unknown word in a spaced language.
pub const UNKNOWN_PAIR_SHARE: f32 = 0.35;

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
    candidates: Vec<(TermId, f32)>,
}

fn similarity(a: &str, b: &str) -> f32 {
    let d = strsim::damerau_levenshtein(a, b);
    let len = a.chars().count().max(b.chars().count()).max(1);
    1.0 - d as f32 / len as f32
}

impl Index {
    fn candidates(&self, term: &Term, lang: Lang) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        let push = |id: TermId, sim: f32, out: &mut Vec<(TermId, f32)>| match out
            .iter_mut()
            .find(|(t, _)| *t == id)
        {
            Some(e) => e.1 = e.1.max(sim),
            None => out.push((id, sim)),
        };
        if let Some(id) = self.term(&term.key) {
            push(id, 1.0, &mut out);
        }
        if term.class != Class::Word {
            return out;
        }
        if let Some(id) = self.term(&term.raw) {
            push(id, 1.0, &mut out);
        }
        if out.is_empty() {
            for s in other_stems(&term.raw, lang) {
                if let Some(id) = self.term(&s) {
                    push(id, OTHER_STEM_SIMILARITY, &mut out);
                }
            }
        }
        // Typos: look up the word's deletions in the deletion index, then verify the real distance.
        let len = term.raw.chars().count();
        if len + 1 >= super::index::FUZZY_MIN_LEN {
            let edits = max_edits(len).max(1);
            for d in deletions(&term.raw, edits) {
                if let Some(ids) = self.deletes.get(&d) {
                    for &id in ids {
                        let key = &self.keys[id as usize];
                        let sim = similarity(&term.raw, key);
                        if sim >= FUZZY_MIN_SIMILARITY && sim < 1.0 {
                            push(id, sim, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    fn query_terms(&self, terms: &[Term], lang: Lang) -> Vec<QueryTerm> {
        let mut seen = std::collections::HashSet::new();
        terms
            .iter()
            .filter(|t| seen.insert(t.key.clone()))
            .map(|t| {
                let candidates = self.candidates(t, lang);
                let weight = match candidates.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
                    Some(&(id, _)) => self.idf[id as usize],
                    None => match t.class {
                        Class::Word => self.unknown_idf,
                        _ => self.unknown_idf * UNKNOWN_PAIR_SHARE * t.class.factor(),
                    },
                };
                QueryTerm { weight, candidates }
            })
            .collect()
    }

    /// Scores a folded question written in `lang` against every fact that shares a term with it,
    /// best first.
    pub fn score(&self, folded: &str, lang: Lang) -> Vec<Scored> {
        let terms = analyse_folded(folded, lang);
        let qterms = self.query_terms(&terms, lang);
        let total: f32 = qterms.iter().map(|q| q.weight).sum();
        if total <= 0.0 || self.fact_ids.is_empty() {
            return Vec::new();
        }
        // The best similarity with which the question reaches each index term.
        let mut reach: std::collections::HashMap<TermId, f32> = std::collections::HashMap::new();
        for q in &qterms {
            for &(id, sim) in &q.candidates {
                let e = reach.entry(id).or_insert(0.0);
                *e = e.max(sim);
            }
        }
        let mut touched: Vec<u32> = reach
            .keys()
            .flat_map(|&id| self.postings[id as usize].iter().copied())
            .collect();
        touched.sort_unstable();
        touched.dedup();

        let mut best_phrasing = vec![0f32; self.fact_ids.len()];
        for p in touched {
            let phrasing = &self.phrasings[p as usize];
            let contains = |id: TermId| {
                phrasing
                    .terms
                    .binary_search_by_key(&id, |&(t, _)| t)
                    .is_ok()
            };
            let q_matched: f32 = qterms
                .iter()
                .map(|q| {
                    let best = q
                        .candidates
                        .iter()
                        .filter(|(id, _)| contains(*id))
                        .map(|&(_, s)| s)
                        .fold(0f32, f32::max);
                    q.weight * best
                })
                .sum();
            let p_matched: f32 = phrasing
                .terms
                .iter()
                .map(|(id, w)| w * reach.get(id).copied().unwrap_or(0.0))
                .sum();
            let cq = q_matched / total;
            let cp = if phrasing.weight > 0.0 {
                p_matched / phrasing.weight
            } else {
                0.0
            };
            let s = cq.powf(QUESTION_COVERAGE_WEIGHT) * cp.powf(1.0 - QUESTION_COVERAGE_WEIGHT);
            let f = phrasing.fact as usize;
            best_phrasing[f] = best_phrasing[f].max(s);
        }

        let mut out: Vec<Scored> = Vec::new();
        for (f, &bp) in best_phrasing.iter().enumerate() {
            if bp <= 0.0 {
                continue;
            }
            let covered: f32 = qterms
                .iter()
                .map(|q| {
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
                    q.weight * best
                })
                .sum();
            let score = BEST_PHRASING_SHARE * bp + (1.0 - BEST_PHRASING_SHARE) * (covered / total);
            out.push(Scored {
                fact: f as u32,
                score,
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
        out
    }
}
