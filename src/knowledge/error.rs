//! What can be wrong with a fact base or a locale directory, with the file, line and fact id.

use std::fmt;
use std::path::PathBuf;

/// One problem found while loading or checking, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in.
    pub file: PathBuf,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The fact the problem belongs to, when there is one.
    pub fact: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// The kinds of problems, each with the message a moderator reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The file or directory could not be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// The file is not UTF-8.
    #[error("not valid UTF-8 (save the file as UTF-8)")]
    NotUtf8,
    /// The file is larger than the loader accepts.
    #[error("file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is empty.
    #[error("file is empty")]
    Empty,
    /// TOML syntax or shape error.
    #[error("TOML: {0}")]
    Toml(String),
    /// Fluent syntax error.
    #[error("Fluent: {0}")]
    Fluent(String),
    /// Two facts share an id.
    #[error("duplicate fact id `{id}` (first defined at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first defined.
        first: String,
    },
    /// The id is not kebab-case.
    #[error("fact id `{0}` is not kebab-case (lower-case letters, digits and single dashes)")]
    BadId(String),
    /// A source quote is not in the brief.
    #[error("source quote not found verbatim in the brief: \"{0}\"")]
    QuoteNotInBrief(String),
    /// A fact has no source.
    #[error("fact has no source quote")]
    NoSource,
    /// A related id does not exist.
    #[error("related fact `{0}` does not exist")]
    UnknownRelated(String),
    /// Too few phrasings in a language.
    #[error("only {count} {lang} phrasing(s); at least {min} needed")]
    TooFewPhrasings {
        /// The language code.
        lang: String,
        /// How many there are.
        count: usize,
        /// How many are needed.
        min: usize,
    },
    /// An unknown language code in `questions`.
    #[error("unknown language `{0}` in questions (use en, es, fr, de, zh-CN, zh-TW, ja)")]
    UnknownLang(String),
    /// The same phrasing under two facts.
    #[error("phrasing \"{phrasing}\" is also a phrasing of `{other}`")]
    PhrasingCollision {
        /// The phrasing.
        phrasing: String,
        /// The other fact.
        other: String,
    },
    /// A fact has no answer in a locale.
    #[error("no `{message}` in locale {locale}")]
    MissingAnswer {
        /// The Fluent message id.
        message: String,
        /// The locale.
        locale: String,
    },
    /// A locale lacks a message that en-US has.
    #[error("message `{message}` is missing (en-US has it)")]
    MissingMessage {
        /// The Fluent message id.
        message: String,
    },
    /// The en-US locale, the source of all strings, is missing.
    #[error("the source locale en-US is missing")]
    NoSourceLocale,
    /// No facts at all.
    #[error("no facts found (expected *.toml files with [[fact]] tables)")]
    NoFacts,
    /// A row of an evaluation file is malformed.
    #[error("{0}")]
    BadRow(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(fact) = &self.fact {
            write!(f, "[{fact}] ")?;
        }
        write!(f, "{}", self.kind)
    }
}

impl Problem {
    /// A problem in a file, with no line or fact.
    pub fn file(file: impl Into<PathBuf>, kind: ProblemKind) -> Self {
        Problem {
            file: file.into(),
            line: None,
            fact: None,
            kind,
        }
    }

    /// A problem at a line of a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, kind: ProblemKind) -> Self {
        Problem {
            file: file.into(),
            line: Some(line),
            fact: None,
            kind,
        }
    }

    /// The same problem, attributed to a fact.
    pub fn for_fact(mut self, id: &str) -> Self {
        self.fact = Some(id.to_string());
        self
    }
}

/// A fact base or locale directory that did not load: every problem found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
pub struct Invalid(pub Vec<Problem>);

/// The line starts of a text, to find the line of many offsets in it: [`line_of`] counts newlines
/// from the start of the text at every call, which is quadratic when called for every fact id or
/// synonym of a file.
#[derive(Debug, Clone)]
pub struct Lines {
    /// The byte offset of every newline.
    newlines: Vec<usize>,
}

impl Lines {
    /// Indexes the newlines of `text`.
    pub fn new(text: &str) -> Lines {
        Lines {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line of byte offset `at`, as [`line_of`] gives it.
    pub fn line(&self, at: usize) -> usize {
        self.newlines.partition_point(|&n| n < at) + 1
    }
}

/// The 1-based line of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_like_compiler_errors() {
        let p =
            Problem::at("knowledge/facts/aims.toml", 12, ProblemKind::NoSource).for_fact("aims");
        assert_eq!(
            p.to_string(),
            "knowledge/facts/aims.toml:12: [aims] fact has no source quote"
        );
        let p = Problem::file("locales/de/facts.ftl", ProblemKind::Empty);
        assert_eq!(p.to_string(), "locales/de/facts.ftl: file is empty");
    }

    #[test]
    fn line_of_counts_newlines_before_offset() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }

    #[test]
    fn lines_agree_with_line_of() {
        let text = "a\nbb\n\nccc\n";
        let lines = Lines::new(text);
        for at in 0..text.len() + 3 {
            assert_eq!(lines.line(at), line_of(text, at), "offset {at}");
        }
    }
}
