//! The metrics endpoint over loopback: questions and reloads show up in /metrics, /healthz follows
//! the health status.

use attache::answer::{answer, Hints};
use attache::engine::Engine;
use std::io::{Read, Write};
use std::path::Path;

fn get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn sample(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no sample {name} in\n{text}"))
}

#[test]
fn metrics_and_healthz_over_loopback() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("health.json");
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(attache::metrics::serve(listener, status.clone()));

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = Engine::load(root.join("knowledge"), root.join("locales")).unwrap();
    let before = get(addr, "/metrics");
    let asked_before = sample(&before, "attache_questions_total");
    answer(
        &engine.snapshot(),
        "When is Blinken visiting China?",
        &Hints::default(),
    );
    answer(&engine.snapshot(), "How do I cook rice?", &Hints::default());
    attache::reload::reload_now(&engine);

    let after = get(addr, "/metrics");
    assert!(after.starts_with("HTTP/1.1 200 OK"));
    assert!(after.contains("Content-Type: text/plain; version=0.0.4"));
    assert!(sample(&after, "attache_questions_total") >= asked_before + 2.0);
    assert!(sample(&after, "attache_answers_total{outcome=\"answered\"}") >= 1.0);
    assert!(sample(&after, "attache_answers_total{outcome=\"declined\"}") >= 1.0);
    assert!(sample(&after, "attache_questions_by_language_total{lang=\"en\"}") >= 2.0);
    assert!(sample(&after, "attache_match_seconds_count") >= 2.0);
    assert!(sample(&after, "attache_reloads_total{result=\"accepted\"}") >= 1.0);

    assert!(get(addr, "/healthz").starts_with("HTTP/1.1 503"));
    attache::health::write(&status, true).unwrap();
    assert!(get(addr, "/healthz").starts_with("HTTP/1.1 200"));
    assert!(get(addr, "/nope").starts_with("HTTP/1.1 404"));
}
