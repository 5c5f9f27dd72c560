//! Synonym groups (`knowledge/synonyms.toml`): words, in any language, that matching treats as one,
//! so that "Verhältnis" finds phrasings that say "Beziehungen" or "relations".

use super::error::{line_of, Lines, Problem, ProblemKind};
use crate::lang::{to_simplified, Lang};
use crate::normalise::fold;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use toml::Spanned;

/// The file name, in the knowledge directory.
pub const SYNONYMS_FILE: &str = "synonyms.toml";

/// Word -> group key. Every word is stored folded, and Latin words also as their stem in each
/// stemmed language, so an inflected form finds its group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synonyms {
    /// FxHash: looked up twice per word of every phrasing and question, with keys from the
    /// curated file only.
    map: crate::matcher::FastMap<String, String>,
    groups: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    words: Vec<Spanned<String>>,
}

impl Synonyms {
    /// Builds the map from groups of words; a group's key is `=` and its first word, folded.
    pub fn from_groups(groups: &[Vec<String>]) -> Self {
        let mut map = crate::matcher::FastMap::default();
        let mut count = 0;
        for words in groups {
            let Some(first) = words.first() else { continue };
            count += 1;
            let key = format!("={}", fold(first));
            for w in words {
                let folded: String = fold(w).chars().map(to_simplified).collect();
                if folded.is_empty() {
                    continue;
                }
                if folded.chars().any(crate::normalise::is_cjk) {
                    map.entry(folded).or_insert_with(|| key.clone());
                } else {
                    for lang in [Lang::En, Lang::Es, Lang::Fr, Lang::De] {
                        let s = crate::matcher::stem(lang, &folded);
                        if s.chars().count() >= 3 {
                            map.entry(s).or_insert_with(|| key.clone());
                        }
                    }
                    map.insert(folded, key.clone());
                }
            }
        }
        Synonyms { map, groups: count }
    }

    /// Reads `synonyms.toml`; problems carry the file and line. A missing file is no synonyms.
    pub fn load(path: &Path) -> Result<Self, Vec<Problem>> {
        if !path.exists() {
            return Ok(Self::default());
        }
        let text = super::read_text(path).map_err(|p| vec![p])?;
        let file: File = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| line_of(&text, s.start)).unwrap_or(1);
            vec![Problem::at(
                path,
                line,
                ProblemKind::Toml(e.message().trim().to_string()),
            )]
        })?;
        let mut problems = Vec::new();
        // Word -> (group number, line). The same word twice in one group is harmless (accents fold:
        // "Pékin" and "Pekin"); in two groups it is ambiguous.
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        let lines = Lines::new(&text);
        for (gi, g) in file.group.iter().enumerate() {
            for w in &g.words {
                let line = lines.line(w.span().start);
                let folded = fold(w.get_ref());
                if folded.contains(' ') || folded.is_empty() {
                    problems.push(Problem::at(
                        path,
                        line,
                        ProblemKind::BadRow(format!(
                            "synonym \"{}\" must be one word",
                            w.get_ref()
                        )),
                    ));
                } else if let Some(&(_, first)) =
                    seen.get(&folded).filter(|(other, _)| *other != gi)
                {
                    problems.push(Problem::at(
                        path,
                        line,
                        ProblemKind::BadRow(format!(
                            "synonym \"{}\" is already in a group (line {first})",
                            w.get_ref()
                        )),
                    ));
                } else {
                    seen.insert(folded, (gi, line));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let groups: Vec<Vec<String>> = file
            .group
            .into_iter()
            .map(|g| g.words.into_iter().map(Spanned::into_inner).collect())
            .collect();
        Ok(Self::from_groups(&groups))
    }

    /// The group key of a folded word (or stem, or CJK pair), if it is in a group.
    pub fn group_of(&self, word: &str) -> Option<&str> {
        self.map.get(word).map(String::as_str)
    }

    /// The number of groups.
    pub fn groups(&self) -> usize {
        self.groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stems_and_both_chinese_forms_find_their_group() {
        let s =
            Synonyms::from_groups(&[vec!["relations".into(), "Verhältnis".into(), "關係".into()]]);
        assert_eq!(s.group_of("relations"), Some("=relations"));
        assert_eq!(s.group_of("verhaltnis"), Some("=relations"));
        assert_eq!(s.group_of("relat"), Some("=relations"), "the English stem");
        assert_eq!(
            s.group_of("关系"),
            Some("=relations"),
            "stored in Simplified form"
        );
        assert_eq!(s.group_of("trip"), None);
        assert_eq!(s.groups(), 1);
    }

    #[test]
    fn a_word_in_two_groups_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SYNONYMS_FILE);
        std::fs::write(
            &path,
            "[[group]]\nwords = [\"trip\", \"visit\"]\n[[group]]\nwords = [\"Trip\"]\n",
        )
        .unwrap();
        let problems = Synonyms::load(&path).unwrap_err();
        assert_eq!(problems[0].line, Some(4));
        assert!(problems[0]
            .to_string()
            .contains("already in a group (line 2)"));
    }

    #[test]
    fn a_missing_file_is_no_synonyms() {
        let s = Synonyms::load(Path::new("/nonexistent/synonyms.toml")).unwrap();
        assert_eq!(s.groups(), 0);
    }
}
