//! Summaries of the visit, composed from the facts' own answers: a short one of key points and a full
//! one structured as who, when, where, why, context and outlook.

use crate::engine::Snapshot;
use serde::Serialize;

/// How long a summary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Length {
    /// Key points only.
    #[default]
    Short,
    /// Every fact, under section headings.
    Full,
}

/// The facts of the short summary, in order; missing ones are skipped.
pub const KEY_POINTS: [&str; 5] = [
    "visit-dates",
    "counterparts",
    "aims",
    "firsts",
    "outlook-short-term",
];

/// The full summary's sections (Fluent message `summary-section-<name>`) and their facts. Facts in
/// none of them (added later by moderators) go to "context".
pub const SECTIONS: [(&str, &[&str]); 6] = [
    ("who", &["visitor", "counterparts"]),
    ("when", &["visit-dates"]),
    ("where", &["destination"]),
    ("why", &["aims"]),
    (
        "context",
        &[
            "significance",
            "firsts",
            "taiwan",
            "domestic-context",
            "xi-third-term",
            "biden-reelection",
            "red-lines",
        ],
    ),
    ("outlook", &["outlook-short-term", "outlook-medium-term"]),
];

/// A summary: a title and sections of paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The locale it is written in.
    pub locale: String,
    /// The title.
    pub title: String,
    /// Headed sections; a short summary has one.
    pub sections: Vec<Section>,
}

/// One section of a summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// Paragraphs, one per fact.
    pub points: Vec<String>,
}

/// Composes the summary in `locale` (negotiated).
pub fn summary(snapshot: &Snapshot, locale: &str, length: Length) -> Summary {
    let loc = &snapshot.locales;
    let locale = loc.negotiate(locale).to_string();
    let answer = |id: &str| loc.render(&locale, &format!("fact-{id}"), None);
    let exists = |id: &&&str| snapshot.facts.get(id).is_some();
    let sections = match length {
        Length::Short => vec![Section {
            heading: loc.render(&locale, "summary-short-intro", None),
            points: KEY_POINTS
                .iter()
                .filter(exists)
                .map(|id| answer(id))
                .collect(),
        }],
        Length::Full => {
            let listed: Vec<&str> = SECTIONS
                .iter()
                .flat_map(|(_, ids)| ids.iter().copied())
                .collect();
            SECTIONS
                .iter()
                .map(|(name, ids)| {
                    let mut points: Vec<String> =
                        ids.iter().filter(exists).map(|id| answer(id)).collect();
                    if *name == "context" {
                        for f in &snapshot.facts.facts {
                            if !listed.contains(&f.id.as_str()) {
                                points.push(answer(&f.id));
                            }
                        }
                    }
                    Section {
                        heading: loc.render(&locale, &format!("summary-section-{name}"), None),
                        points,
                    }
                })
                .filter(|s| !s.points.is_empty())
                .collect()
        }
    };
    Summary {
        title: loc.render(&locale, "summary-title", None),
        locale,
        sections,
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", self.title)?;
        for s in &self.sections {
            writeln!(f, "\n{}", s.heading)?;
            for p in &s.points {
                writeln!(f, "• {p}")?;
            }
        }
        Ok(())
    }
}
