//! Matching on the shipped fact base: the project's own question set, the public dev set, the
//! moderators' regression set, and the examples that explain each threshold.

use attache::answer::{answer, Hints, Outcome};
use attache::engine::Snapshot;
use attache::eval;
use attache::matcher::{ANSWER_THRESHOLD, SUGGEST_THRESHOLD, UNPROMPTED_THRESHOLD};
use std::path::Path;
use std::sync::OnceLock;

fn snap() -> &'static Snapshot {
    static SNAP: OnceLock<Snapshot> = OnceLock::new();
    SNAP.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Snapshot::load(&root.join("knowledge"), &root.join("locales"))
            .expect("the shipped fact base is valid")
    })
}

fn report(path: &Path) -> eval::Report {
    let text = std::fs::read_to_string(path).unwrap();
    let cases = eval::parse(path, &text).unwrap();
    eval::run(snap(), &cases)
}

fn ask(q: &str) -> attache::answer::Reply {
    answer(snap(), q, &Hints::default())
}

/// Our own question set (tests/fixtures/questions.tsv): 322 questions in seven languages, 81 of them
/// unanswerable, written independently of the phrasings. The floors sit a little under today's
/// figures (overall 93%, answerable 95%, declined 89%) so that a regression fails the build.
#[test]
fn own_question_set_meets_its_floors() {
    let r = report(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questions.tsv"));
    println!("{r}");
    assert!(r.overall.total >= 200);
    assert!(r.unanswerable.total >= 50);
    assert_eq!(r.per_lang.len(), 7, "all seven languages are present");
    assert!(r.overall.rate() >= 0.91, "overall {:.3}", r.overall.rate());
    assert!(
        r.answerable.rate() >= 0.93,
        "answerable {:.3}",
        r.answerable.rate()
    );
    assert!(
        r.unanswerable.rate() >= 0.86,
        "declined {:.3}",
        r.unanswerable.rate()
    );
    assert!(
        r.answer_language.rate() >= 0.98,
        "answer language {:.3}",
        r.answer_language.rate()
    );
    for (lang, t) in &r.per_lang {
        assert!(t.rate() >= 0.84, "{lang}: {:.3}", t.rate());
    }
}

/// The public dev set, when `../shared` is there (it is for developers and CI): at least 97%.
#[test]
fn dev_set_reaches_97_percent() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.tsv");
    if !dev.exists() {
        eprintln!("skipped: {} is not here", dev.display());
        return;
    }
    let r = report(&dev);
    println!("{r}");
    assert!(r.overall.rate() >= 0.97, "{r}");
}

/// The moderators' regression set is what `attache check` runs; it must pass its own threshold.
#[test]
fn regression_set_passes_check() {
    let r = eval::run(snap(), &snap().facts.regression);
    assert!(r.overall.total >= 40);
    assert!(
        r.overall.rate() >= attache::cli::REGRESSION_MIN_OVERALL,
        "{r}"
    );
}

/// ANSWER_THRESHOLD: a question worded like a phrasing, typos included, clears it.
#[test]
fn answer_threshold_admits_paraphrases_and_typos() {
    for (q, fact) in [
        ("When is Blinken visiting China?", "visit-dates"),
        ("wen is blinkin visting chna", "visit-dates"),
        ("waht are the goals of teh trip", "aims"),
        ("Wann besucht Blinkn China?", "visit-dates"),
        ("布林肯什么时候访问中国？", "visit-dates"),
        ("ブリンケン氏は誰と会いますか？", "counterparts"),
        ("Did Xi win a third term?", "xi-third-term"),
    ] {
        let r = ask(q);
        assert_eq!(r.fact.as_deref(), Some(fact), "{q}: score {}", r.score);
        assert!(r.score >= ANSWER_THRESHOLD);
    }
}

/// Below ANSWER_THRESHOLD: questions that share words with a fact but ask what the brief does not
/// say. An unknown name or topic ("Nixon", "weather") is what keeps them out.
#[test]
fn near_misses_stay_below_the_answer_threshold() {
    for q in [
        "When did Nixon visit China?",
        "What's the weather in Beijing in June?",
        "How do I cook rice?",
        "hi how are you",
        "Who won the Taiwanese election?",
        "尼克松什么时候访问中国？",
        "Wie spät ist es in Berlin?",
    ] {
        let r = ask(q);
        assert_eq!(
            r.fact, None,
            "{q} was answered with {:?} ({})",
            r.fact, r.score
        );
        assert!(r.score < ANSWER_THRESHOLD);
    }
}

/// OFF_TOPIC_PENALTY: a question with the brief's names and question words about something the
/// brief does not cover ("Russia", an ambassador, a birthplace) is not answered: the fact it
/// shares words with lacks more of its content than it has. The same words about the brief are.
#[test]
fn off_topic_questions_are_not_answered() {
    for q in [
        "When did Blinken visit Russia?",
        "Who is the US ambassador to China?",
        "Qui est l'ambassadeur américain en Chine ?",
        "¿Dónde nació Blinken?",
        "When did Nixon go to China?",
    ] {
        let r = ask(q);
        assert_eq!(
            r.fact, None,
            "{q} was answered with {:?} ({})",
            r.fact, r.score
        );
    }
    for (q, fact) in [
        ("When did Blinken visit China?", "visit-dates"),
        ("Who is visiting China?", "visitor"),
        ("¿Dónde está Blinken?", "destination"),
        ("Who will Blinken talk to?", "counterparts"),
    ] {
        assert_eq!(ask(q).fact.as_deref(), Some(fact), "{q}");
    }
}

/// Two harder sets of tests/fixtures, with floors a little under today's figures: near misses
/// (near_misses.tsv, overall 78%: answerable 96%, declined 62%) and answerable questions padded
/// with words no phrasing has (long_paraphrases.tsv, 53%).
#[test]
fn harder_sets_keep_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let near = report(&root.join("tests/fixtures/near_misses.tsv"));
    assert!(near.answerable.total >= 20 && near.unanswerable.total >= 20);
    assert!(near.answerable.rate() >= 0.9, "{near}");
    assert!(near.unanswerable.rate() >= 0.6, "{near}");
    let long = report(&root.join("tests/fixtures/long_paraphrases.tsv"));
    assert!(long.answerable.total >= 25);
    assert!(long.answerable.rate() >= 0.5, "{long}");
}

/// SUGGEST_THRESHOLD: between it and the answer threshold the bot offers "did you mean"; below it,
/// it declines with general topics.
#[test]
fn close_questions_get_suggestions_and_far_ones_a_decline() {
    let far = ask("How do I cook rice?");
    assert_eq!(far.outcome, Outcome::Decline);
    assert!(far.score < SUGGEST_THRESHOLD);
    assert!(
        !far.suggestions.is_empty(),
        "a decline still offers what the bot can answer"
    );
    let close = ask("When did Nixon visit China?");
    assert!(close.score < ANSWER_THRESHOLD);
    if close.score >= SUGGEST_THRESHOLD {
        assert_eq!(close.outcome, Outcome::Suggest);
        assert!(close.suggestions.iter().any(|s| s.id == "visit-dates"));
    }
}

/// UNPROMPTED_THRESHOLD is stricter: a clear question still passes it, a vague one does not.
#[test]
fn unprompted_answers_need_more_confidence() {
    let strict = Hints {
        unprompted: true,
        ..Hints::default()
    };
    let clear = answer(snap(), "When is Blinken visiting China?", &strict);
    assert_eq!(clear.fact.as_deref(), Some("visit-dates"));
    assert!(clear.score >= UNPROMPTED_THRESHOLD);
    let vague = ask("what about the trip?");
    if vague.score < UNPROMPTED_THRESHOLD {
        assert_eq!(answer(snap(), "what about the trip?", &strict).fact, None);
    }
}

#[test]
fn answers_are_in_the_question_language_unless_forced() {
    assert_eq!(ask("¿Cuándo visita Blinken China?").locale, "es-ES");
    assert_eq!(ask("訪問日期是哪天？").locale, "zh-TW");
    assert_eq!(ask("访问日期是哪天？").locale, "zh-CN");
    assert_eq!(ask("訪問はいつですか？").locale, "ja");
    let forced = Hints {
        forced_locale: Some("de".into()),
        ..Hints::default()
    };
    assert_eq!(answer(snap(), "When is the visit?", &forced).locale, "de");
    // A bare name says nothing of the language: the user's locale decides.
    let user = Hints {
        user_locale: Some("fr".into()),
        ..Hints::default()
    };
    assert_eq!(answer(snap(), "Blinken?", &user).locale, "fr");
}

#[test]
fn answers_spell_antony_correctly_and_quote_the_brief() {
    let r = ask("Who is visiting China?");
    assert_eq!(r.fact.as_deref(), Some("visitor"));
    assert!(r.text.contains("Antony Blinken"));
    assert!(!r.text.contains("Anthony"));
    for quote in &r.source {
        assert!(snap().facts.brief.contains(quote.as_str()));
    }
    assert_eq!(
        ask("Who is Anthony Blinken?").fact.as_deref(),
        Some("visitor")
    );
}

#[test]
fn a_huge_question_is_capped_not_refused() {
    let q = format!("When is Blinken visiting China? {}", "blah ".repeat(2000));
    let r = ask(&q);
    assert!(r.question.chars().count() <= attache::normalise::MAX_QUESTION_CHARS);
}

#[test]
fn every_locale_has_every_message_of_en_us() {
    let loc = &snap().locales;
    let source = loc.message_ids("en-US");
    assert!(!source.is_empty());
    assert_eq!(loc.codes().len(), 7);
    for code in loc.codes() {
        let ids = loc.message_ids(code);
        for id in &source {
            assert!(ids.contains(id), "{code} lacks {id}");
        }
    }
}
