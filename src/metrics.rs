//! Prometheus metrics and a health endpoint for `attache serve --metrics-addr 127.0.0.1:9464`: plain
//! atomics recorded where things happen, rendered as Prometheus text on `GET /metrics`; `GET /healthz`
//! answers 200 or 503 from the same status as `attache healthcheck`.

use crate::answer::{Outcome, Reply};
use crate::lang::Lang;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds (seconds) of the match-latency histogram buckets: matching takes microseconds, so
/// the buckets start there.
pub const LATENCY_BUCKETS: [f64; 10] = [
    5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 5e-3, 2.5e-2,
];

/// The process's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    answered: AtomicU64,
    suggested: AtomicU64,
    declined: AtomicU64,
    per_lang: [AtomicU64; 7],
    latency_buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    latency_count: AtomicU64,
    latency_sum_ns: AtomicU64,
    reloads: AtomicU64,
    reloads_rejected: AtomicU64,
    gateway_latency_ms: Mutex<Vec<(u32, u64)>>,
}

/// The process-wide metrics.
pub fn global() -> &'static Metrics {
    static M: std::sync::OnceLock<Metrics> = std::sync::OnceLock::new();
    M.get_or_init(Metrics::default)
}

impl Metrics {
    /// Records one answered question and how long matching took.
    pub fn question(&self, reply: &Reply, took: Duration) {
        match reply.outcome {
            Outcome::Answer => &self.answered,
            Outcome::Suggest => &self.suggested,
            Outcome::Decline => &self.declined,
        }
        .fetch_add(1, Relaxed);
        self.per_lang[reply.question_lang as usize].fetch_add(1, Relaxed);
        let secs = took.as_secs_f64();
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            if secs <= *bound {
                self.latency_buckets[i].fetch_add(1, Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Relaxed);
        self.latency_sum_ns
            .fetch_add(took.as_nanos() as u64, Relaxed);
    }

    /// Records a reload.
    pub fn reload(&self, accepted: bool) {
        if accepted {
            &self.reloads
        } else {
            &self.reloads_rejected
        }
        .fetch_add(1, Relaxed);
    }

    /// Sets the gateway heartbeat latency of each shard.
    pub fn gateway_latency(&self, shards: Vec<(u32, Duration)>) {
        let mut g = self
            .gateway_latency_ms
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *g = shards
            .into_iter()
            .map(|(s, d)| (s, d.as_millis() as u64))
            .collect();
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let answered = self.answered.load(Relaxed);
        let suggested = self.suggested.load(Relaxed);
        let declined = self.declined.load(Relaxed);
        let _ = writeln!(out, "# HELP attache_questions_total Questions asked.\n# TYPE attache_questions_total counter");
        let _ = writeln!(
            out,
            "attache_questions_total {}",
            answered + suggested + declined
        );
        let _ = writeln!(out, "# HELP attache_answers_total Questions by outcome.\n# TYPE attache_answers_total counter");
        for (outcome, n) in [
            ("answered", answered),
            ("suggested", suggested),
            ("declined", declined),
        ] {
            let _ = writeln!(out, "attache_answers_total{{outcome=\"{outcome}\"}} {n}");
        }
        let _ = writeln!(out, "# HELP attache_questions_by_language_total Questions by detected language.\n# TYPE attache_questions_by_language_total counter");
        for lang in Lang::ALL {
            let _ = writeln!(
                out,
                "attache_questions_by_language_total{{lang=\"{}\"}} {}",
                lang.code(),
                self.per_lang[lang as usize].load(Relaxed)
            );
        }
        let _ = writeln!(out, "# HELP attache_match_seconds Time to match and render one question.\n# TYPE attache_match_seconds histogram");
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "attache_match_seconds_bucket{{le=\"{bound}\"}} {}",
                self.latency_buckets[i].load(Relaxed)
            );
        }
        let count = self.latency_count.load(Relaxed);
        let _ = writeln!(out, "attache_match_seconds_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(
            out,
            "attache_match_seconds_sum {}",
            self.latency_sum_ns.load(Relaxed) as f64 / 1e9
        );
        let _ = writeln!(out, "attache_match_seconds_count {count}");
        let _ = writeln!(
            out,
            "# HELP attache_reloads_total Fact base reloads.\n# TYPE attache_reloads_total counter"
        );
        let _ = writeln!(
            out,
            "attache_reloads_total{{result=\"accepted\"}} {}",
            self.reloads.load(Relaxed)
        );
        let _ = writeln!(
            out,
            "attache_reloads_total{{result=\"rejected\"}} {}",
            self.reloads_rejected.load(Relaxed)
        );
        let _ = writeln!(out, "# HELP attache_gateway_latency_seconds Heartbeat latency per shard.\n# TYPE attache_gateway_latency_seconds gauge");
        for (shard, ms) in self
            .gateway_latency_ms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "attache_gateway_latency_seconds{{shard=\"{shard}\"}} {}",
                *ms as f64 / 1000.0
            );
        }
        out
    }
}

/// Serves `/metrics` and `/healthz` on `listener` until the task is dropped. Any other path is 404.
pub async fn serve(listener: tokio::net::TcpListener, status_file: std::path::PathBuf) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        let status_file = status_file.clone();
        tokio::spawn(async move {
            // Read the request head (a client may send it in pieces), at most 8 KiB, for at most 5 s.
            let mut buf = Vec::with_capacity(1024);
            let mut chunk = [0u8; 1024];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 8192 {
                match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk)).await {
                    Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
                    _ => break,
                }
            }
            let request = String::from_utf8_lossy(&buf);
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let (status, content_type, body) = match path {
                "/metrics" => ("200 OK", "text/plain; version=0.0.4", global().render()),
                "/healthz" => match crate::health::check(
                    &status_file,
                    crate::health::now(),
                    crate::health::MAX_DISCONNECTED_SECS,
                ) {
                    Ok(_) => ("200 OK", "text/plain", "ok\n".to_string()),
                    Err(e) => ("503 Service Unavailable", "text/plain", format!("{e}\n")),
                },
                _ => ("404 Not Found", "text/plain", "not found\n".to_string()),
            };
            let response = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_render_as_prometheus_text() {
        let m = Metrics::default();
        m.reload(true);
        m.reload(false);
        m.gateway_latency(vec![(0, Duration::from_millis(42))]);
        let text = m.render();
        assert!(text.contains("attache_reloads_total{result=\"accepted\"} 1"));
        assert!(text.contains("attache_reloads_total{result=\"rejected\"} 1"));
        assert!(text.contains("attache_gateway_latency_seconds{shard=\"0\"} 0.042"));
        assert!(text.contains("attache_match_seconds_bucket{le=\"+Inf\"} 0"));
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "not a sample: {line}");
        }
    }
}
