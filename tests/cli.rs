//! The `attache` binary as a process: the CLI contract other tools rely on.

#[path = "support/fs.rs"]
mod fs;

use fs::copy_dir;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn attache(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attache"));
    cmd.args(args)
        .current_dir(root())
        .env_remove("ATTACHE_KNOWLEDGE")
        .env_remove("ATTACHE_LOCALES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn ask_answers_with_the_source() {
    let o = attache(&["ask", "When is Blinken visiting China?"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("June 18"), "{out}");
    assert!(out.contains("From the brief"), "{out}");
}

#[test]
fn ask_json_has_the_exact_fields() {
    let o = attache(&["ask", "--json", "¿Cuándo es la visita de Blinken?"], None);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let obj = v.as_object().unwrap();
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["answer", "fact", "lang", "question", "score", "suggestions"]
    );
    assert_eq!(v["fact"], "visit-dates");
    assert_eq!(v["lang"], "es-ES");
    assert!(v["score"].as_f64().unwrap() > 0.0);
    assert!(v["suggestions"].is_array());
}

#[test]
fn ask_reads_stdin_one_question_per_line_in_order() {
    let o = attache(
        &["ask", "--json"],
        Some("Who is visiting China?\n\nWhat is the tallest building in the world?\n訪問はいつですか？\n"),
    );
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["fact"], "visitor");
    assert!(
        lines[1]["fact"].is_null(),
        "unanswerable questions get null"
    );
    assert_eq!(lines[2]["lang"], "ja");
    assert_eq!(lines[2]["fact"], "visit-dates");
}

#[test]
fn lang_flag_overrides_the_question_language() {
    let o = attache(
        &["ask", "--json", "--lang", "de", "When is the visit?"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["lang"], "de");
    let o = attache(
        &["ask", "--json", "--lang", "es-419", "When is the visit?"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["lang"], "es-ES");
}

#[test]
fn check_passes_on_the_shipped_fact_base() {
    let o = attache(&["check"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).starts_with("ok: 14 facts"));
}

#[test]
fn check_reports_broken_files_with_file_and_line_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let k = tmp.path().join("knowledge");
    copy_dir(&root().join("knowledge"), &k);
    let f = k.join("facts/aims.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        text.replacen("id = \"aims\"", "id = \"aims\"\nid = \"again\"", 1),
    )
    .unwrap();
    let o = attache(&["check", "--knowledge", k.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("aims.toml:3"), "{err}");
    // The same directory through the environment variable.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attache"));
    let o = cmd
        .arg("check")
        .current_dir(root())
        .env("ATTACHE_KNOWLEDGE", &k)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn eval_reports_and_thresholds_exit_1() {
    let set = root().join("tests/fixtures/questions.tsv");
    let o = attache(&["eval", set.to_str().unwrap()], None);
    assert!(o.status.success());
    let out = stdout(&o);
    for part in ["overall", "answerable", "unanswerable", "zh-TW", "misses:"] {
        assert!(out.contains(part), "{part} missing from:\n{out}");
    }
    let o = attache(
        &["eval", set.to_str().unwrap(), "--min-overall", "0.999"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("below threshold: overall"));
}

#[test]
fn facts_json_has_ids_sources_questions_and_answers() {
    let o = attache(&["facts", "--json"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let facts = v.as_array().unwrap();
    assert_eq!(facts.len(), 14);
    let dates = facts.iter().find(|f| f["id"] == "visit-dates").unwrap();
    assert!(dates["source"][0].as_str().unwrap().contains("June 18"));
    assert!(dates["questions"]["en"].as_array().unwrap().len() >= 6);
    assert!(dates["questions"]["zh-TW"].as_array().unwrap().len() >= 4);
    assert!(dates["answers"]["ja"].as_str().unwrap().contains('6'));
}

#[test]
fn summaries_short_and_full() {
    let o = attache(&["summary"], None);
    let short = stdout(&o);
    let points = short.lines().filter(|l| l.starts_with('•')).count();
    assert!((3..=5).contains(&points), "{short}");
    let o = attache(&["summary", "--length", "full", "--lang", "de"], None);
    let full = stdout(&o);
    for heading in ["Wer", "Wann", "Wo", "Warum"] {
        assert!(
            full.lines().any(|l| l.trim() == heading),
            "{heading} missing:\n{full}"
        );
    }
}

#[test]
fn chat_answers_and_takes_commands() {
    let o = attache(
        &["chat"],
        Some("When is Blinken visiting China?\n/lang fr\nWho is visiting?\n/lang xx\n/summary\n/facts\n/quit\nnot reached\n"),
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("June 18"), "{out}");
    assert!(out.contains("Antony Blinken"));
    assert!(
        out.contains("Français"),
        "the /lang confirmation names the language: {out}"
    );
    assert!(out.contains("visit-dates"), "/facts lists ids: {out}");
    assert!(!out.contains("not reached"));
}

#[test]
fn unknown_directory_is_one_clear_error() {
    let o = attache(&["ask", "--knowledge", "/nonexistent", "hello"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error: cannot load the fact base"), "{err}");
    assert!(err.contains("attache check"));
}

#[test]
fn configuration_layers_defaults_file_env_flags_and_masks_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attache"));
        cmd.args(args).current_dir(dir.path());
        for k in [
            "ATTACHE_KNOWLEDGE",
            "ATTACHE_LOCALES",
            "ATTACHE_CONFIG",
            "ATTACHE_DATABASE_URL",
            "DISCORD_TOKEN",
            "ATTACHE_COOLDOWN",
        ] {
            cmd.env_remove(k);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    let k = root().join("knowledge");
    let l = root().join("locales");
    std::fs::write(
        dir.path().join("attache.toml"),
        format!(
            "knowledge = \"/nonexistent\"\nlocales = \"{}\"\ncooldown = 9\ndiscord_token = \"hunter2-secret\"\n",
            l.display()
        ),
    )
    .unwrap();
    // The file's bogus knowledge directory is used...
    let o = run(&["ask", "When is the visit?"], &[]);
    assert_eq!(o.status.code(), Some(1), "the file's value applies");
    // ...the environment overrides the file...
    let o = run(
        &["ask", "When is the visit?"],
        &[("ATTACHE_KNOWLEDGE", k.to_str().unwrap())],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // ...and a flag overrides the environment.
    let o = run(
        &[
            "ask",
            "--knowledge",
            k.to_str().unwrap(),
            "When is the visit?",
        ],
        &[("ATTACHE_KNOWLEDGE", "/also/nonexistent")],
    );
    assert!(o.status.success());
    let o = run(
        &["config"],
        &[
            ("ATTACHE_COOLDOWN", "3"),
            (
                "ATTACHE_DATABASE_URL",
                "postgres://attache:pg-pass-123@db:5432/attache",
            ),
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("postgres://attache:********@db:5432/attache"),
        "the database URL is shown, its password masked: {out}"
    );
    assert!(!out.contains("pg-pass-123"), "{out}");
    assert!(out.contains("cooldown             = 3"), "{out}");
    assert!(out.contains("Env"), "{out}");
    assert!(out.contains("File"), "{out}");
    assert!(!out.contains("hunter2"), "the token is masked: {out}");
    assert!(out.contains("********"));
    // An unknown key is a clear error.
    std::fs::write(dir.path().join("attache.toml"), "colour = \"red\"\n").unwrap();
    let o = run(&["config"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown key `colour`"));
}

#[test]
fn serve_refuses_a_shard_range_without_a_total_before_anything_else() {
    let o = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["serve", "--shard-range", "0-3"])
        .current_dir(root())
        .env("DISCORD_TOKEN", "not-a-real-token")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--shard-total"), "{err}");
    assert!(!err.contains("not-a-real-token"));
}

#[path = "support/postgres.rs"]
mod pg;

#[test]
fn unanswered_reads_a_postgres_database_named_by_url() {
    let Some(db) = pg::TestDatabase::create("cli_unanswered") else {
        return;
    };
    let store = attache::store::Store::connect(&db.url).unwrap();
    store
        .log_unanswered(&attache::store::Unanswered {
            question: "who won the chess match".into(),
            lang: "en".into(),
            asked_at: attache::store::now(),
            guild_id: Some(1),
            reason: attache::store::UnansweredReason::Declined,
            fact: None,
        })
        .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args([
            "unanswered",
            "--json",
            "--database",
            "/nonexistent/attache.db",
        ])
        .env("ATTACHE_DATABASE_URL", &db.url)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("who won the chess match"), "{out}");
    // A server that is not there: one clear line, the password masked.
    let o = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["unanswered"])
        .env(
            "ATTACHE_DATABASE_URL",
            "postgres://attache:hunter2@127.0.0.1:1/attache",
        )
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("postgres://attache:********@127.0.0.1:1/attache"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
}
