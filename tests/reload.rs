//! Hot reload: every kind of bad edit is rejected with its file and line while the last good fact base
//! keeps serving; good edits are swapped in without any question failing.

#[path = "support/fs.rs"]
mod fs;

use attache::answer::{answer, Hints};
use attache::engine::Engine;
use attache::reload::{reload_now, watch, ReloadEvent};
use fs::copy_dir;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// A copy of the real fact base and locales in a temporary directory.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf, Engine) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let k = tmp.path().join("knowledge");
    let l = tmp.path().join("locales");
    copy_dir(&root.join("knowledge"), &k);
    copy_dir(&root.join("locales"), &l);
    let engine = Engine::load(&k, &l).expect("the shipped fact base is valid");
    (tmp, k, l, engine)
}

const DATES_Q: &str = "When is Blinken visiting China?";

fn dates_answer(engine: &Engine) -> String {
    let r = answer(&engine.snapshot(), DATES_Q, &Hints::default());
    assert_eq!(r.fact.as_deref(), Some("visit-dates"));
    r.text
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn rejected(engine: &Engine) -> String {
    match reload_now(engine) {
        ReloadEvent::Rejected(_) => {}
        ReloadEvent::Reloaded { summary, .. } => panic!("expected a rejection, got {summary}"),
    }
    let line = reload_now(engine).to_string();
    assert!(line.starts_with("reload rejected: "), "{line}");
    line
}

#[test]
fn a_valid_edit_to_an_answer_is_served() {
    let (_t, _k, l, engine) = setup();
    let before = dates_answer(&engine);
    edit(
        &l.join("en-US/facts.ftl"),
        "fact-visit-dates = ",
        "fact-visit-dates = Edited. ",
    );
    let line = reload_now(&engine).to_string();
    assert!(
        line.starts_with("reloaded: 14 facts (1 changed, 0 added, 0 removed), 7 locales"),
        "{line}"
    );
    let after = dates_answer(&engine);
    assert_ne!(before, after);
    assert!(after.starts_with("Edited. "));
}

#[test]
fn broken_toml_is_rejected_with_file_and_line_and_the_old_base_serves() {
    let (_t, k, _l, engine) = setup();
    let before = dates_answer(&engine);
    let file = k.join("facts/visit-dates.toml");
    edit(&file, "related = [", "related = [[[");
    let line = rejected(&engine);
    assert!(line.contains("visit-dates.toml:"), "{line}");
    assert!(line.contains("TOML"), "{line}");
    assert_eq!(dates_answer(&engine), before);
}

#[test]
fn broken_ftl_is_rejected_with_file_and_line() {
    let (_t, _k, l, engine) = setup();
    let before = dates_answer(&engine);
    std::fs::write(l.join("de/extra.ftl"), "ok = fine\nbroken = { $x\n").unwrap();
    let line = rejected(&engine);
    assert!(line.contains("de/extra.ftl:"), "{line}");
    assert_eq!(dates_answer(&engine), before);
}

#[test]
fn a_fact_missing_one_locale_answer_is_rejected() {
    let (_t, _k, l, engine) = setup();
    let file = l.join("ja/facts.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let kept: String = text
        .lines()
        .filter(|line| !line.starts_with("fact-aims ="))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&file, kept).unwrap();
    let line = rejected(&engine);
    assert!(line.contains("fact-aims"), "{line}");
    assert!(line.contains("ja"), "{line}");
}

#[test]
fn a_source_quote_not_in_the_brief_is_rejected() {
    let (_t, k, _l, engine) = setup();
    edit(
        &k.join("facts/visit-dates.toml"),
        "from June 18 to June 19",
        "from June 20 to June 21",
    );
    let line = rejected(&engine);
    assert!(line.contains("visit-dates.toml:"), "{line}");
    assert!(line.contains("not found verbatim in the brief"), "{line}");
}

#[test]
fn empty_non_utf8_huge_and_deeply_nested_files_are_clear_errors() {
    let (_t, k, _l, engine) = setup();
    let before = dates_answer(&engine);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.toml", vec![], "file is empty"),
        (
            "latin1.toml",
            b"[[fact]]\nid = \"caf\xe9\"\n".to_vec(),
            "not valid UTF-8",
        ),
        (
            "deep.toml",
            format!("x = {}1{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            "TOML",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = k.join(name);
        std::fs::write(&path, bytes).unwrap();
        let line = rejected(&engine);
        assert!(
            line.contains(name) && line.contains(expect),
            "{name}: {line}"
        );
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(reload_now(&engine), ReloadEvent::Reloaded { .. }));
        assert_eq!(dates_answer(&engine), before);
    }
    // A 50 MB file is refused by its size, without being read.
    let big = k.join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let line = rejected(&engine);
    assert!(
        line.contains("big.toml") && line.contains("limit"),
        "{line}"
    );
    assert_eq!(dates_answer(&engine), before);
}

#[test]
fn deleting_and_recreating_a_fact_file() {
    let (_t, k, _l, engine) = setup();
    let file = k.join("facts/taiwan.toml");
    let saved = std::fs::read(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    // Other facts name taiwan as related: removing it alone is invalid, and the old base serves.
    let line = rejected(&engine);
    assert!(
        line.contains("related fact `taiwan` does not exist"),
        "{line}"
    );
    assert!(engine.snapshot().facts.get("taiwan").is_some());
    std::fs::write(&file, saved).unwrap();
    let line = reload_now(&engine).to_string();
    assert!(line.starts_with("reloaded: 14 facts (0 changed"), "{line}");
}

fn next_event(rx: &mpsc::Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("a reload within 10 s")
}

#[test]
fn the_watcher_reloads_after_an_editor_style_atomic_save_and_debounces_bursts() {
    let (_t, _k, l, engine) = setup();
    let engine = Arc::new(engine);
    let (tx, rx) = mpsc::channel();
    let _watch = watch(engine.clone(), move |e| {
        let _ = tx.send(e.to_string());
    })
    .unwrap();
    std::thread::sleep(Duration::from_millis(100));

    // Editor-style save: write a temporary file next to the real one, then rename it over.
    let file = l.join("en-US/facts.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let tmp = l.join("en-US/.facts.ftl.swp");
    std::fs::write(
        &tmp,
        text.replacen("fact-visit-dates = ", "fact-visit-dates = Saved. ", 1),
    )
    .unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    let line = next_event(&rx);
    assert!(line.starts_with("reloaded: 14 facts (1 changed"), "{line}");
    assert!(dates_answer(&engine).starts_with("Saved. "));

    // Two edits well within the debounce window make one reload.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("Saved. ", "One. ", 1)).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("One. ", "Two. ", 1)).unwrap();
    let line = next_event(&rx);
    assert!(line.starts_with("reloaded:"), "{line}");
    assert!(
        rx.recv_timeout(Duration::from_millis(900)).is_err(),
        "a burst of two edits makes exactly one reload"
    );
    assert!(dates_answer(&engine).starts_with("Two. "));

    // A half-written file is rejected; finishing it is accepted.
    std::fs::write(&file, &text[..text.len() / 2]).unwrap();
    let line = next_event(&rx);
    assert!(line.starts_with("reload rejected"), "{line}");
    std::fs::write(&file, &text).unwrap();
    let line = next_event(&rx);
    assert!(line.starts_with("reloaded:"), "{line}");
}

#[test]
fn questions_never_fail_during_fifty_reloads() {
    let (_t, _k, l, engine) = setup();
    let engine = Arc::new(engine);
    let done = Arc::new(AtomicBool::new(false));
    let asker = {
        let (engine, done) = (engine.clone(), done.clone());
        std::thread::spawn(move || {
            let mut asked = 0u32;
            while !done.load(Ordering::Relaxed) {
                let r = answer(&engine.snapshot(), DATES_Q, &Hints::default());
                assert_eq!(
                    r.fact.as_deref(),
                    Some("visit-dates"),
                    "a question failed mid-reload"
                );
                assert!(!r.text.is_empty());
                asked += 1;
            }
            asked
        })
    };
    let file = l.join("en-US/facts.ftl");
    let original = std::fs::read_to_string(&file).unwrap();
    for i in 0..50 {
        let text = if i % 2 == 0 {
            original.replacen(
                "fact-visit-dates = ",
                &format!("fact-visit-dates = ({i}) "),
                1,
            )
        } else {
            original.clone()
        };
        std::fs::write(&file, text).unwrap();
        assert!(
            matches!(reload_now(&engine), ReloadEvent::Reloaded { .. }),
            "reload {i}"
        );
    }
    done.store(true, Ordering::Relaxed);
    let asked = asker.join().expect("the asking thread saw no failure");
    assert!(asked > 0);
}
