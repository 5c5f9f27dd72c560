//! The fact type and the fact base it lives in.

use crate::lang::Lang;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Where something was read from: a file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file, as given to the loader (relative paths stay relative).
    pub file: PathBuf,
    /// The 1-based line number.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

/// One fact of the brief: what it answers (by its id), the brief's words it rests on, and how people
/// ask for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Stable kebab-case id; answers are `fact-<id>` in the Fluent files.
    pub id: String,
    /// Verbatim quotes of the brief.
    pub source: Vec<String>,
    /// Phrasings of the question, per language.
    pub questions: BTreeMap<Lang, Vec<String>>,
    /// Words or short phrases, any language, that point to this fact.
    pub keywords: Vec<String>,
    /// Other fact ids worth suggesting next to this one.
    pub related: Vec<String>,
    /// Where the fact's `id` line is.
    pub origin: Origin,
}

/// The whole fact base: the brief, its facts in a stable order, and the moderators' regression set.
#[derive(Debug, Clone, Default)]
pub struct FactBase {
    /// The brief's text (`knowledge/brief.md`).
    pub brief: String,
    /// The facts, sorted by id.
    pub facts: Vec<Fact>,
    /// `knowledge/questions.tsv`, when present.
    pub regression: Vec<crate::eval::Case>,
    /// Synonym groups for matching (`knowledge/synonyms.toml`).
    pub synonyms: super::Synonyms,
    by_id: HashMap<String, usize>,
    /// The phrasings as validation folded them, for the index builder to take instead of folding
    /// each phrasing a second time.
    pub(crate) folded: PreFolded,
}

/// Every fact's phrasings (in `questions` order), folded, each with the [`text_hash`] of the text
/// it was folded from: [`crate::matcher::IndexBuilder::from_facts`] takes them once and uses an
/// entry only if its phrasing still hashes the same, so a fact base changed after loading is
/// folded afresh rather than indexed wrongly.
#[derive(Debug, Default)]
pub(crate) struct PreFolded(std::sync::Mutex<Vec<Vec<(u64, String)>>>);

impl PreFolded {
    /// Holds `folded`, one list per fact.
    pub(crate) fn new(folded: Vec<Vec<(u64, String)>>) -> Self {
        PreFolded(std::sync::Mutex::new(folded))
    }

    /// Takes what is held, leaving nothing (the index is built once per load).
    pub(crate) fn take(&self) -> Vec<Vec<(u64, String)>> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Clone for PreFolded {
    fn clone(&self) -> Self {
        PreFolded::new(self.0.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }
}

/// A 64-bit hash of a phrasing's text, to tell whether a [`PreFolded`] entry is still its fold.
pub(crate) fn text_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::matcher::FxHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

impl FactBase {
    /// Builds a fact base; facts are sorted by id so that every load gives the same order.
    pub fn new(brief: String, mut facts: Vec<Fact>, regression: Vec<crate::eval::Case>) -> Self {
        facts.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        FactBase {
            brief,
            facts,
            regression,
            synonyms: super::Synonyms::default(),
            by_id,
            folded: PreFolded::default(),
        }
    }

    /// The fact with this id.
    pub fn get(&self, id: &str) -> Option<&Fact> {
        self.by_id.get(id).map(|&i| &self.facts[i])
    }

    /// The number of facts.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// True when there are no facts.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str) -> Fact {
        Fact {
            id: id.into(),
            source: vec![],
            questions: BTreeMap::new(),
            keywords: vec![],
            related: vec![],
            origin: Origin::default(),
        }
    }

    #[test]
    fn facts_are_sorted_and_found_by_id() {
        let base = FactBase::new(String::new(), vec![fact("b"), fact("a")], vec![]);
        assert_eq!(base.facts[0].id, "a");
        assert_eq!(base.get("b").map(|f| f.id.as_str()), Some("b"));
        assert!(base.get("c").is_none());
        assert_eq!(base.len(), 2);
    }
}
