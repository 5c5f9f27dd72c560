//! `answer()`: a question in, a [`Reply`] out. The one function the CLI, the console and Discord share.

use crate::engine::Snapshot;
use crate::lang::{detect_folded, Lang};
use crate::matcher::{Scored, Wanted, ANSWER_THRESHOLD, SUGGEST_THRESHOLD, UNPROMPTED_THRESHOLD};
use crate::normalise::{cap, fold};
use serde::Serialize;

/// At most this many "did you mean" suggestions (Discord shows them as buttons).
pub const MAX_SUGGESTIONS: usize = 3;

/// Declines offer facts scoring at least this as "here is what I can answer" (they share something
/// with the question); below it, the general topics of [`DEFAULT_SUGGESTIONS`] are offered.
pub const RELATED_FLOOR: f32 = 0.25;

/// What a decline offers when nothing in the question is close to a fact.
pub const DEFAULT_SUGGESTIONS: [&str; 3] = ["visit-dates", "aims", "counterparts"];

/// What the caller knows besides the question.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// A language chosen by the user (`--lang`, `/language`): wins over everything.
    pub forced_locale: Option<String>,
    /// The user's Discord locale.
    pub user_locale: Option<String>,
    /// The server's default locale.
    pub guild_locale: Option<String>,
    /// Unprompted channel answer: use the stricter [`UNPROMPTED_THRESHOLD`].
    pub unprompted: bool,
}

/// What the bot does with a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A confident match: the fact's answer.
    Answer,
    /// Close but unsure: "did you mean" with suggestions.
    Suggest,
    /// The brief does not cover it.
    Decline,
}

/// A fact offered as a suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The fact id.
    pub id: String,
    /// Its localized title.
    pub title: String,
}

/// The bot's reply, ready to print or to turn into a Discord message.
#[derive(Debug, Clone, Serialize)]
pub struct Reply {
    /// The question as asked (capped).
    pub question: String,
    /// Answer, suggest or decline.
    pub outcome: Outcome,
    /// The answered fact, when the outcome is [`Outcome::Answer`].
    pub fact: Option<String>,
    /// The best fact's score (0 to 1).
    pub score: f32,
    /// The language the question was detected in.
    pub question_lang: Lang,
    /// The locale of the answer (`en-US`, `es-ES`, ...).
    pub locale: String,
    /// The answer, or the localized decline or "did you mean" text.
    pub text: String,
    /// The answered fact's localized title.
    pub title: Option<String>,
    /// The brief's sentences the answer rests on (English, verbatim).
    pub source: Vec<String>,
    /// Suggested facts.
    pub suggestions: Vec<Suggestion>,
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Picks the answer locale: a forced choice, else the question's language when it is clear, else the
/// user's locale, else the server's, else the best guess at the question's language.
pub fn choose_locale(
    snapshot: &Snapshot,
    detected: crate::lang::Detected,
    hints: &Hints,
) -> String {
    let loc = &snapshot.locales;
    if let Some(f) = &hints.forced_locale {
        return loc.negotiate(f).to_string();
    }
    if detected.confident {
        return loc.negotiate(detected.lang.locale()).to_string();
    }
    if let Some(u) = hints.user_locale.as_ref().or(hints.guild_locale.as_ref()) {
        return loc.negotiate(u).to_string();
    }
    loc.negotiate(detected.lang.locale()).to_string()
}

/// The least score with which the best fact is answered: [`UNPROMPTED_THRESHOLD`] for an
/// unprompted channel answer, [`ANSWER_THRESHOLD`] otherwise.
pub fn answer_threshold(hints: &Hints) -> f32 {
    if hints.unprompted {
        UNPROMPTED_THRESHOLD
    } else {
        ANSWER_THRESHOLD
    }
}

/// What a reply reads of the ranking, for questions asked with `hints`: the answered fact alone
/// when the best scores [`answer_threshold`]; else up to [`MAX_SUGGESTIONS`] facts scoring
/// [`SUGGEST_THRESHOLD`] when the best does; else the best fact and up to [`MAX_SUGGESTIONS`] in all
/// scoring at least [`RELATED_FLOOR`].
pub fn wanted(hints: &Hints) -> Wanted {
    Wanted {
        k: MAX_SUGGESTIONS,
        floor: RELATED_FLOOR,
        suggest: SUGGEST_THRESHOLD,
        alone: answer_threshold(hints),
    }
}

/// Ranks the facts for a question asked with `hints`: its detected language and the facts the
/// reply reads ([`wanted`]), best first, with the scores [`crate::matcher::Index::score`] gives
/// them (it ranks every fact). An answered question gets its best fact alone: the facts that only
/// could come second are never scored, which on a large fact base is most of the work.
pub fn rank(
    snapshot: &Snapshot,
    question: &str,
    hints: &Hints,
) -> (crate::lang::Detected, Vec<Scored>) {
    rank_wanted(snapshot, question, wanted(hints))
}

/// [`rank`] for another [`Wanted`] ([`Wanted::head`] for the head of the whole ranking whatever the
/// best's score, as `examples/rankdump` prints it).
pub fn rank_wanted(
    snapshot: &Snapshot,
    question: &str,
    want: Wanted,
) -> (crate::lang::Detected, Vec<Scored>) {
    const { assert!(RELATED_FLOOR <= SUGGEST_THRESHOLD && SUGGEST_THRESHOLD <= ANSWER_THRESHOLD) };
    const { assert!(ANSWER_THRESHOLD <= UNPROMPTED_THRESHOLD) };
    let question = cap(question);
    let index = &snapshot.index;
    let folded = fold(question);
    let detected = detect_folded(question, &folded, &|w| index.word_langs(w));
    let scored = index.score_top(&folded, detected.lang, want);
    (detected, scored)
}

/// Answers one question, and counts it in [`crate::metrics`].
pub fn answer(snapshot: &Snapshot, question: &str, hints: &Hints) -> Reply {
    let started = std::time::Instant::now();
    let reply = compose(snapshot, question, hints);
    crate::metrics::global().question(&reply, started.elapsed());
    reply
}

fn compose(snapshot: &Snapshot, question: &str, hints: &Hints) -> Reply {
    let question = cap(question).trim();
    let (detected, scored) = rank(snapshot, question, hints);
    reply_from(snapshot, question, hints, detected, &scored)
}

/// The reply to `question` (capped and trimmed) from its ranking, `scored`.
fn reply_from(
    snapshot: &Snapshot,
    question: &str,
    hints: &Hints,
    detected: crate::lang::Detected,
    scored: &[Scored],
) -> Reply {
    let locale = choose_locale(snapshot, detected, hints);
    let loc = &snapshot.locales;
    let index = &snapshot.index;
    let title = |id: &str| loc.render(&locale, &format!("fact-{id}-title"), None);
    let best = scored.first().copied();
    let score = best.map_or(0.0, |b| b.score);
    let threshold = answer_threshold(hints);
    let mut reply = Reply {
        question: question.to_string(),
        outcome: Outcome::Decline,
        fact: None,
        score,
        question_lang: detected.lang,
        locale: locale.clone(),
        text: String::new(),
        title: None,
        source: vec![],
        suggestions: vec![],
    };
    if question.is_empty() {
        reply.text = loc.render(&locale, "empty-question", None);
        return reply;
    }
    match best {
        Some(b) if b.score >= threshold => {
            let id = index.fact_id(b.fact).to_string();
            reply.outcome = Outcome::Answer;
            reply.text = loc.render(&locale, &format!("fact-{id}"), None);
            reply.title = Some(title(&id));
            reply.source = snapshot
                .facts
                .get(&id)
                .map(|f| f.source.clone())
                .unwrap_or_default();
            reply.suggestions = snapshot
                .facts
                .get(&id)
                .map(|f| {
                    f.related
                        .iter()
                        .take(MAX_SUGGESTIONS)
                        .map(|r| Suggestion {
                            id: r.clone(),
                            title: title(r),
                        })
                        .collect()
                })
                .unwrap_or_default();
            reply.fact = Some(id);
        }
        Some(b) if b.score >= SUGGEST_THRESHOLD => {
            reply.outcome = Outcome::Suggest;
            reply.suggestions = scored
                .iter()
                .filter(|s| s.score >= SUGGEST_THRESHOLD)
                .take(MAX_SUGGESTIONS)
                .map(|s| {
                    let id = index.fact_id(s.fact);
                    Suggestion {
                        id: id.to_string(),
                        title: title(id),
                    }
                })
                .collect();
            reply.text = with_list(
                loc.render(&locale, "suggest-intro", None),
                &reply.suggestions,
            );
        }
        _ => {
            let mut ids: Vec<String> = scored
                .iter()
                .filter(|s| s.score >= RELATED_FLOOR)
                .take(MAX_SUGGESTIONS)
                .map(|s| index.fact_id(s.fact).to_string())
                .collect();
            for d in DEFAULT_SUGGESTIONS {
                if ids.len() < MAX_SUGGESTIONS
                    && !ids.iter().any(|i| i == d)
                    && snapshot.facts.get(d).is_some()
                {
                    ids.push(d.to_string());
                }
            }
            reply.suggestions = ids
                .into_iter()
                .map(|id| Suggestion {
                    title: title(&id),
                    id,
                })
                .collect();
            let intro = format!(
                "{}\n{}",
                loc.render(&locale, "decline", None),
                loc.render(&locale, "decline-suggestions-intro", None)
            );
            reply.text = with_list(intro, &reply.suggestions);
        }
    }
    reply
}

fn with_list(intro: String, suggestions: &[Suggestion]) -> String {
    let mut s = intro;
    for sug in suggestions {
        s.push_str("\n• ");
        s.push_str(&sug.title);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// `rank()` stops at what the reply reads (an answer, one fact): for every question of the
    /// fixtures and of the dev set, prompted and unprompted, the reply is the one the head of the
    /// whole ranking gives, and the answered questions were ranked down to their fact alone.
    #[test]
    fn the_reply_is_the_one_the_whole_head_gives() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let snap = Snapshot::load(&root.join("knowledge"), &root.join("locales"))
            .expect("the shipped fact base is valid");
        let mut questions = Vec::new();
        for file in [
            root.join("tests/fixtures/questions.tsv"),
            root.join("knowledge/questions.tsv"),
        ] {
            let text = std::fs::read_to_string(&file).expect("the fixture questions");
            let cases = crate::eval::parse(&file, &text).expect("valid questions");
            questions.extend(cases.into_iter().map(|c| c.question));
        }
        assert!(questions.len() > 200, "{}", questions.len());
        let (mut alone, mut more) = (0, 0);
        for unprompted in [false, true] {
            let hints = Hints {
                unprompted,
                ..Hints::default()
            };
            for q in &questions {
                let q = cap(q).trim();
                let (detected, cut) = rank(&snap, q, &hints);
                let whole = Wanted::head(MAX_SUGGESTIONS, RELATED_FLOOR);
                let (_, head) = rank_wanted(&snap, q, whole);
                let want = format!("{:?}", reply_from(&snap, q, &hints, detected, &head));
                let got = format!("{:?}", reply_from(&snap, q, &hints, detected, &cut));
                assert_eq!(got, want, "{q} (unprompted: {unprompted})");
                assert_eq!(got, format!("{:?}", compose(&snap, q, &hints)));
                if head
                    .first()
                    .is_some_and(|b| b.score >= answer_threshold(&hints))
                {
                    assert_eq!(cut.len(), 1, "{q}");
                    alone += usize::from(head.len() > 1);
                } else {
                    more += 1;
                }
            }
        }
        // Both kinds of reply are exercised: answers whose runners-up were skipped, and others.
        assert!(alone > 50 && more > 20, "{alone} {more}");
    }
}
