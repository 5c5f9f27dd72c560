//! The running fact base: a [`Snapshot`] (facts, index, locales) that questions read, swapped
//! atomically by a reload so that questions in flight finish on the old one.

use crate::i18n::Locales;
use crate::knowledge::{load_dir, FactBase, Invalid, Problem, ProblemKind};
use crate::matcher::{Index, IndexBuilder};
use arc_swap::ArcSwap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Everything one question needs, immutable: the facts, their index and the locales.
#[derive(Debug)]
pub struct Snapshot {
    /// The fact base.
    pub facts: FactBase,
    /// The matcher's index over it.
    pub index: Index,
    /// The Fluent locales.
    pub locales: Locales,
}

impl Snapshot {
    /// Loads and validates both directories with every check of `attache check`: the fact files, the
    /// locales, and every fact answered in every locale.
    pub fn load(knowledge: &Path, locales: &Path) -> Result<Snapshot, Invalid> {
        // The locales do not depend on the facts: read them on a thread of their own meanwhile
        // (the fact loading's serial parts leave a core idle). Problems are still reported facts
        // first, then locales.
        let (facts, loc) = std::thread::scope(|s| {
            let loc = s.spawn(|| Locales::load_dir(locales));
            let facts = load_dir(knowledge);
            (
                facts,
                // A panic there is re-raised here as it was, as if on this thread.
                loc.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        });
        let (facts, loc) = match (facts, loc) {
            (Ok(f), Ok(l)) => (f, l),
            (f, l) => {
                let mut problems = f.err().map(|e| e.0).unwrap_or_default();
                problems.extend(l.err().map(|e| e.0).unwrap_or_default());
                return Err(Invalid(problems));
            }
        };
        let problems = check_answers(&facts, &loc, locales);
        if !problems.is_empty() {
            return Err(Invalid(problems));
        }
        Ok(Self::from_parts(facts, loc))
    }

    /// Builds the index for an already validated fact base.
    pub fn from_parts(facts: FactBase, locales: Locales) -> Snapshot {
        let index = IndexBuilder::from_facts(&facts).build();
        Snapshot {
            facts,
            index,
            locales,
        }
    }
}

/// Every fact must have `fact-<id>` and `fact-<id>-title` in every locale.
pub fn check_answers(facts: &FactBase, locales: &Locales, dir: &Path) -> Vec<Problem> {
    // Every name looked for, in the order problems are reported, written into one buffer (two
    // `format!`s per fact and locale were 140,000 allocations at 10,000 facts).
    const SUFFIXES: [&str; 2] = ["", "-title"];
    let mut text = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(SUFFIXES.len() * facts.facts.len());
    for fact in &facts.facts {
        for suffix in SUFFIXES {
            text.push_str("fact-");
            text.push_str(&fact.id);
            text.push_str(suffix);
            ends.push(text.len());
        }
    }
    let name = |i: usize| &text[i.checked_sub(1).map_or(0, |j| ends[j])..ends[i]];
    // The names in sorted order, once for every locale: each locale's message ids (sorted too)
    // are then walked along them, instead of a search of its 20,000-message tree per name (string
    // comparisons along a path of tree nodes, a few percent of loading 10,000 facts). Facts are
    // sorted by id, so the names nearly are: a stable sort finds the runs.
    let mut sorted: Vec<usize> = (0..ends.len()).collect();
    sorted.sort_by(|&a, &b| name(a).cmp(name(b)));
    // Locales on every core (in order).
    let codes: Vec<&str> = locales.codes();
    crate::knowledge::par_ranges_min(codes.len(), 1, |range| {
        let mut problems = Vec::new();
        let mut present = vec![false; ends.len()];
        for code in &codes[range] {
            let ids = locales.message_ids(code);
            let mut at = 0;
            for &i in &sorted {
                let want = name(i);
                while ids.get(at).is_some_and(|&id| id < want) {
                    at += 1;
                }
                present[i] = ids.get(at) == Some(&want);
            }
            for (i, fact) in facts.facts.iter().enumerate() {
                for k in 0..SUFFIXES.len() {
                    let n = i * SUFFIXES.len() + k;
                    if !present[n] {
                        problems.push(
                            Problem::file(
                                dir.join(code).join("facts.ftl"),
                                ProblemKind::MissingAnswer {
                                    message: name(n).to_string(),
                                    locale: code.to_string(),
                                },
                            )
                            .for_fact(&fact.id),
                        );
                    }
                }
            }
        }
        problems
    })
    .into_iter()
    .flatten()
    .collect()
}

/// What a reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadSummary {
    /// Facts now loaded.
    pub facts: usize,
    /// Facts whose content changed.
    pub changed: usize,
    /// Facts that are new.
    pub added: usize,
    /// Facts that are gone.
    pub removed: usize,
    /// Locales now loaded.
    pub locales: usize,
}

impl std::fmt::Display for ReloadSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "reloaded: {} facts ({} changed, {} added, {} removed), {} locales",
            self.facts, self.changed, self.added, self.removed, self.locales
        )
    }
}

/// Compares two snapshots fact by fact (content and answers in every locale).
pub fn diff(old: &Snapshot, new: &Snapshot) -> ReloadSummary {
    let (mut changed, mut added) = (0, 0);
    for fact in &new.facts.facts {
        match old.facts.get(&fact.id) {
            None => added += 1,
            Some(o) => {
                let same_fact = o.source == fact.source
                    && o.questions == fact.questions
                    && o.keywords == fact.keywords
                    && o.related == fact.related;
                let msg = format!("fact-{}", fact.id);
                let title = format!("fact-{}-title", fact.id);
                let same_answers = new.locales.codes().iter().all(|code| {
                    old.locales.try_render(code, &msg, None)
                        == new.locales.try_render(code, &msg, None)
                        && old.locales.try_render(code, &title, None)
                            == new.locales.try_render(code, &title, None)
                });
                if !(same_fact && same_answers) {
                    changed += 1;
                }
            }
        }
    }
    let removed = old
        .facts
        .facts
        .iter()
        .filter(|f| new.facts.get(&f.id).is_none())
        .count();
    ReloadSummary {
        facts: new.facts.len(),
        changed,
        added,
        removed,
        locales: new.locales.codes().len(),
    }
}

/// The fact base in service: read with [`Engine::snapshot`], replaced with [`Engine::reload`].
#[derive(Debug)]
pub struct Engine {
    current: ArcSwap<Snapshot>,
    knowledge: PathBuf,
    locales: PathBuf,
    reloading: Mutex<()>,
}

impl Engine {
    /// Loads the directories; fails when they are not valid.
    pub fn load(
        knowledge: impl Into<PathBuf>,
        locales: impl Into<PathBuf>,
    ) -> Result<Engine, Invalid> {
        let (knowledge, locales) = (knowledge.into(), locales.into());
        let snapshot = Snapshot::load(&knowledge, &locales)?;
        Ok(Engine {
            current: ArcSwap::from_pointee(snapshot),
            knowledge,
            locales,
            reloading: Mutex::new(()),
        })
    }

    /// The fact base now in service. Hold it for the length of one question.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// The knowledge directory.
    pub fn knowledge_dir(&self) -> &Path {
        &self.knowledge
    }

    /// The locales directory.
    pub fn locales_dir(&self) -> &Path {
        &self.locales
    }

    /// Loads and validates the directories again. Valid: the new fact base replaces the old one
    /// atomically. Invalid: the old one keeps serving and the problems are returned. Reloads never run
    /// two at once.
    pub fn reload(&self) -> Result<ReloadSummary, Invalid> {
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|e| e.into_inner());
        let new = Snapshot::load(&self.knowledge, &self.locales)?;
        let summary = diff(&self.current.load(), &new);
        self.current.store(Arc::new(new));
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check as it was: one locale after the other, two `format!`s per fact.
    fn check_answers_reference(facts: &FactBase, locales: &Locales, dir: &Path) -> Vec<Problem> {
        let mut problems = Vec::new();
        for code in locales.codes() {
            for fact in &facts.facts {
                for message in [
                    format!("fact-{}", fact.id),
                    format!("fact-{}-title", fact.id),
                ] {
                    if !locales.has(code, &message) {
                        problems.push(
                            Problem::file(
                                dir.join(code).join("facts.ftl"),
                                ProblemKind::MissingAnswer {
                                    message,
                                    locale: code.to_string(),
                                },
                            )
                            .for_fact(&fact.id),
                        );
                    }
                }
            }
        }
        problems
    }

    #[test]
    fn missing_answers_are_those_of_the_reference_in_its_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (k, l) = (root.join("knowledge"), root.join("locales"));
        let mut facts = load_dir(&k).expect("the real fact base");
        let locales = Locales::load_dir(&l).expect("the real locales");
        assert_eq!(check_answers(&facts, &locales, &l), vec![]);
        for (at, id) in [(0, "zz-missing"), (3, "aa-missing")] {
            let mut fact = facts.facts[at].clone();
            fact.id = id.into();
            facts.facts.insert(at, fact);
        }
        // A fact twice: its answers are there for both.
        let again = facts.facts[5].clone();
        facts.facts.push(again);
        let want = check_answers_reference(&facts, &locales, &l);
        assert_eq!(want.len(), 2 * 2 * locales.codes().len());
        assert_eq!(check_answers(&facts, &locales, &l), want);
    }
}
