//! The Dockerfile's runtime commands, run as written against the built binary (no container engine
//! runs here): ENTRYPOINT + CMD, the HEALTHCHECK, and a question through the entrypoint.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The JSON array of a Dockerfile instruction (`ENTRYPOINT ["attache"]`), from the runtime stage.
fn exec_form(dockerfile: &str, instruction: &str) -> Vec<String> {
    let runtime = dockerfile
        .split("AS runtime")
        .nth(1)
        .expect("a runtime stage");
    let line = runtime
        .lines()
        .find(|l| l.starts_with(instruction))
        .unwrap_or_else(|| panic!("no {instruction} in the runtime stage"));
    let json = &line[line.find('[').expect("exec form")..];
    serde_json::from_str(json).expect("a JSON array")
}

/// Runs an exec-form command with the image's binary name mapped to the built binary.
fn run(argv: &[String], env: &[(&str, PathBuf)]) -> std::process::Output {
    assert_eq!(argv[0], "attache", "the image calls the binary by name");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attache"));
    cmd.args(&argv[1..])
        .current_dir(root())
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_TOKEN_FILE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn the_images_commands_work_as_written() {
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    assert!(
        dockerfile.contains("USER attache"),
        "the runtime runs as a non-root user"
    );
    let entrypoint = exec_form(&dockerfile, "ENTRYPOINT");
    let cmd = exec_form(&dockerfile, "CMD");
    let health_line = dockerfile
        .lines()
        .find(|l| l.starts_with("HEALTHCHECK"))
        .unwrap();
    let health: Vec<String> =
        serde_json::from_str(&health_line[health_line.find('[').unwrap()..]).unwrap();

    let data = tempfile::tempdir().unwrap();
    let status = data.path().join("attache.health.json");
    let env = [
        ("ATTACHE_KNOWLEDGE", root().join("knowledge")),
        ("ATTACHE_LOCALES", root().join("locales")),
        ("ATTACHE_DATABASE", data.path().join("attache.db")),
        ("ATTACHE_STATUS_FILE", status.clone()),
    ];

    // A question through the entrypoint, the way `docker run attache ask ...` runs it.
    let mut ask = entrypoint.clone();
    ask.extend([
        "ask".to_string(),
        "When is Blinken visiting China?".to_string(),
    ]);
    let o = run(&ask, &env);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("June 18"));

    // The default command without a token: one clear line, exit 1.
    let mut serve = entrypoint.clone();
    serve.extend(cmd);
    let o = run(&serve, &env);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("DISCORD_TOKEN"), "{err}");

    // The healthcheck: unhealthy with no status, healthy once serve has recorded a connection.
    let o = run(&health, &env);
    assert_eq!(o.status.code(), Some(1));
    attache::health::write(&status, true).unwrap();
    let o = run(&health, &env);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
