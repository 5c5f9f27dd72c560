//! Fuzzy matching of a free-text question to the fact it asks about, or to none.
//!
//! [`IndexBuilder`] turns a fact base into an immutable [`Index`]; [`Index::score`] ranks facts for a
//! folded question. Typos are tolerated through a deletion index (SymSpell) verified with
//! Damerau-Levenshtein distance; words are weighted by how rare they are across facts (IDF), so a
//! question that says something no phrasing says ("Nixon", "weather") scores low.

mod analyse;
mod index;
mod score;

pub use analyse::{
    analyse, analyse_folded, stem, Class, Slot, HIRAGANA_FACTOR, QUESTION_WORD_BOOST,
    SINGLE_CHARACTER_COVER,
};
pub use index::{
    deletions, max_edits, FastMap, FxHasher, Index, IndexBuilder, Phrasing, TermId, FUZZY_MIN_LEN,
    FUZZY_TWO_EDITS_LEN,
};
pub use score::{
    Params, Scored, Wanted, ANSWER_THRESHOLD, BEST_PHRASING_SHARE, FACT_COVERAGE_MODE,
    FUZZY_MIN_SIMILARITY, MIN_EVIDENCE_SHARE, OFF_TOPIC_PENALTY, OTHER_STEM_SIMILARITY,
    QUESTION_CONFLICT_PENALTY, QUESTION_COVERAGE_WEIGHT, QUESTION_EVIDENCE_SHARE, SHORT_WORD_LEN,
    SUGGEST_THRESHOLD, TYPICALITY_EXPONENT, UNKNOWN_PAIR_SHARE, UNKNOWN_SLOT_PENALTY,
    UNKNOWN_WORD_FACTOR, UNPROMPTED_THRESHOLD,
};
