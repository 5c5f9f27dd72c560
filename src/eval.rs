//! Evaluation sets (`lang<TAB>expected<TAB>question`, as in `shared/eval/dev.tsv`) and the report
//! of how well the matcher does on one.

use crate::answer::{answer, Hints};
use crate::engine::Snapshot;
use crate::knowledge::{Problem, ProblemKind};
use crate::lang::Lang;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One question of an evaluation set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The language the question is written in.
    pub lang: Lang,
    /// The fact ids that count as right; empty when the bot must decline.
    pub expected: Vec<String>,
    /// The question.
    pub question: String,
    /// The 1-based line in its file.
    pub line: usize,
}

impl Case {
    /// True when the bot must decline this question.
    pub fn unanswerable(&self) -> bool {
        self.expected.is_empty()
    }
}

/// Parses an evaluation file. `#` lines and the `lang expected question` header are skipped.
pub fn parse(file: &Path, text: &str) -> Result<Vec<Case>, Problem> {
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("lang\t") {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(lang), Some(expected), Some(question)) = (cols.next(), cols.next(), cols.next())
        else {
            return Err(Problem::at(
                file,
                n,
                ProblemKind::BadRow(
                    "expected three tab-separated columns: lang, expected, question".into(),
                ),
            ));
        };
        let lang = lang
            .parse::<Lang>()
            .map_err(|e| Problem::at(file, n, ProblemKind::BadRow(e.to_string())))?;
        let expected = if expected.trim() == "none" {
            vec![]
        } else {
            expected.split('|').map(|s| s.trim().to_string()).collect()
        };
        cases.push(Case {
            lang,
            expected,
            question: question.trim().to_string(),
            line: n,
        });
    }
    Ok(cases)
}

/// One question the bot got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// The line in the evaluation file.
    pub line: usize,
    /// The question's language code.
    pub lang: String,
    /// The question.
    pub question: String,
    /// What was expected (`none` for a decline).
    pub expected: String,
    /// What the bot answered (`none` for a decline).
    pub got: String,
    /// The match score.
    pub score: f32,
}

/// Right answers out of questions.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Tally {
    /// Questions answered right.
    pub right: usize,
    /// Questions.
    pub total: usize,
}

impl Tally {
    /// The share of right answers, 1.0 for an empty tally.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }

    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
}

/// The results of an evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every question.
    pub overall: Tally,
    /// Questions with an expected fact: matched to one of them.
    pub answerable: Tally,
    /// Questions with `none`: declined.
    pub unanswerable: Tally,
    /// Per language code.
    pub per_lang: BTreeMap<String, Tally>,
    /// Answers in the question's language (the answer locale belongs to the question's language).
    pub answer_language: Tally,
    /// The questions that went wrong.
    pub misses: Vec<Miss>,
}

/// Runs every case through the same [`answer`] the bot and the CLI use.
pub fn run(snapshot: &Snapshot, cases: &[Case]) -> Report {
    let mut report = Report::default();
    for case in cases {
        let reply = answer(snapshot, &case.question, &Hints::default());
        let got = reply.fact.clone();
        let right = match &got {
            None => case.unanswerable(),
            Some(id) => case.expected.iter().any(|e| e == id),
        };
        report.overall.add(right);
        if case.unanswerable() {
            report.unanswerable.add(right);
        } else {
            report.answerable.add(right);
        }
        report
            .per_lang
            .entry(case.lang.code().to_string())
            .or_default()
            .add(right);
        report
            .answer_language
            .add(reply.locale == case.lang.locale());
        if !right {
            report.misses.push(Miss {
                line: case.line,
                lang: case.lang.code().into(),
                question: case.question.clone(),
                expected: if case.unanswerable() {
                    "none".into()
                } else {
                    case.expected.join("|")
                },
                got: got.unwrap_or_else(|| "none".into()),
                score: reply.score,
            });
        }
    }
    report
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |t: &Tally| format!("{:5.1}% ({}/{})", 100.0 * t.rate(), t.right, t.total);
        writeln!(f, "overall          {}", pct(&self.overall))?;
        writeln!(f, "answerable       {}", pct(&self.answerable))?;
        writeln!(f, "unanswerable     {}", pct(&self.unanswerable))?;
        writeln!(f, "answer language  {}", pct(&self.answer_language))?;
        for (lang, t) in &self.per_lang {
            writeln!(f, "  {lang:<6}         {}", pct(t))?;
        }
        if !self.misses.is_empty() {
            writeln!(f, "misses:")?;
            for m in &self.misses {
                writeln!(
                    f,
                    "  line {:>3} [{}] expected {} got {} ({:.2}): {}",
                    m.line, m.lang, m.expected, m.got, m.score, m.question
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_alternatives_and_none() {
        let text = "# comment\nlang\texpected\tquestion\nen\tvisit-dates\tWhen?\nzh-TW\ta|b\t哪天？\nde\tnone\tWie spät?\n";
        let cases = parse(Path::new("x.tsv"), text).unwrap();
        assert_eq!(cases.len(), 3);
        assert_eq!(cases[0].line, 3);
        assert_eq!(cases[1].lang, Lang::ZhTw);
        assert_eq!(cases[1].expected, vec!["a", "b"]);
        assert!(cases[2].unanswerable());
    }

    #[test]
    fn bad_rows_name_their_line() {
        let err = parse(Path::new("x.tsv"), "en\tvisit-dates\tok\nen only two\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = parse(Path::new("x.tsv"), "pt\tnone\tOlá\n").unwrap_err();
        assert!(err.to_string().contains("unknown language"));
    }

    #[test]
    fn tally_rates() {
        let mut t = Tally::default();
        assert_eq!(t.rate(), 1.0);
        t.add(true);
        t.add(false);
        assert_eq!(t.rate(), 0.5);
    }
}
