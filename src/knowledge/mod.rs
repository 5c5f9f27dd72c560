//! The curated fact base: facts drawn from the brief, each quoting it verbatim.
//!
//! `knowledge/brief.md` is the single source of truth; `knowledge/**/*.toml` hold the facts (see
//! `knowledge/README.md` for the format). [`load_dir`] reads and validates a directory and reports every
//! problem with its file and line.

mod error;
mod fact;
mod load;
mod synonyms;

pub use error::{line_of, Invalid, Problem, ProblemKind};
pub use fact::{Fact, FactBase, Origin};
pub use load::{
    check_facts, files_with_ext, is_kebab, load_dir, parse_facts, read_text, MAX_FILE_BYTES,
    MIN_PHRASINGS_EN, MIN_PHRASINGS_OTHER,
};
pub use synonyms::{Synonyms, SYNONYMS_FILE};
