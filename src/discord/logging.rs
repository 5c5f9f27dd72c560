//! Logging for `attache serve`: `RUST_LOG` as usual, and the bot token kept out of every line, at
//! every level (`RUST_LOG=trace` included).
//!
//! Two layers. tungstenite logs every websocket frame at trace level, the IDENTIFY (which carries the
//! token) included, as hex and as a list of byte values: its frame logging
//! ([`CAPPED_TARGETS`]) is capped at debug whatever `RUST_LOG` says. And every formatted line passes
//! through [`Redacting`], which replaces the token, in plain text, hex and byte-list form, before
//! anything is written.

use super::Token;
use std::io::Write;
use std::sync::Arc;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// The filter when `RUST_LOG` is not set.
pub const DEFAULT_FILTER: &str = "info,serenity=warn,poise=warn,tungstenite=warn,tokio_tungstenite=warn,rustls=warn,hyper=warn,hyper_util=warn,reqwest=warn";

/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// Targets that log raw websocket payloads at trace level: never more than debug.
pub const CAPPED_TARGETS: [&str; 2] = ["tungstenite::protocol", "tokio_tungstenite"];

/// The forms a secret can take in a log line: as is, in hex (both cases), and as the list of its
/// byte values (`Debug` of a `Vec<u8>`).
pub fn encodings(secret: &str) -> Vec<Vec<u8>> {
    let b = secret.as_bytes();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    let list = b.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
    vec![
        b.to_vec(),
        hex.clone().into_bytes(),
        hex.to_uppercase().into_bytes(),
        list.into_bytes(),
    ]
}

/// A [`MakeWriter`] whose writers replace secrets before anything reaches `inner`.
#[derive(Clone)]
pub struct Redacting<M> {
    inner: M,
    secrets: Arc<Vec<Vec<u8>>>,
}

impl<M> Redacting<M> {
    /// Redacts `secrets` (in every form of [`encodings`]; empty ones are ignored) from what `inner`
    /// writes.
    pub fn new(inner: M, secrets: &[&str]) -> Self {
        Redacting {
            inner,
            secrets: Arc::new(
                secrets
                    .iter()
                    .filter(|s| !s.is_empty())
                    .flat_map(|s| encodings(s))
                    .collect(),
            ),
        }
    }
}

/// Replaces every occurrence of every secret in `bytes`.
pub fn redact(bytes: &[u8], secrets: &[Vec<u8>]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for s in secrets {
        let mut result = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            if out[i..].starts_with(s) {
                result.extend_from_slice(REDACTED.as_bytes());
                i += s.len();
            } else {
                result.push(out[i]);
                i += 1;
            }
        }
        out = result;
    }
    out
}

/// One event's writer: buffers the line, redacts it, writes it when dropped (or flushed).
pub struct RedactingWriter<W: Write> {
    inner: W,
    secrets: Arc<Vec<Vec<u8>>>,
    buf: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn drain(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let clean = redact(&self.buf, &self.secrets);
        self.buf.clear();
        self.inner.write_all(&clean)
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.drain();
    }
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.inner.make_writer(),
            secrets: self.secrets.clone(),
            buf: Vec::new(),
        }
    }
}

/// `filter` (a `RUST_LOG` directive) with the chatty transport targets capped at debug.
fn env_filter(filter: &str) -> EnvFilter {
    let mut env = EnvFilter::new(filter);
    for target in CAPPED_TARGETS {
        if let Ok(d) = format!("{target}=debug").parse() {
            env = env.add_directive(d);
        }
    }
    env
}

/// The subscriber `attache serve` uses: `filter` (a `RUST_LOG` directive), lines written through
/// [`Redacting`] to `writer`, with every one of `secrets` (the token, a database password) masked.
pub fn subscriber<W>(
    secrets: &[&str],
    filter: &str,
    writer: W,
    ansi: bool,
) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .with_env_filter(env_filter(filter))
        .with_writer(Redacting::new(writer, secrets))
        .with_ansi(ansi)
        .finish()
}

/// The log line format of `attache serve --log-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// [`subscriber`] in either format; JSON lines go through the same redaction.
pub fn subscriber_in<W>(
    secrets: &[&str],
    filter: &str,
    writer: W,
    ansi: bool,
    format: LogFormat,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    match format {
        LogFormat::Text => Box::new(subscriber(secrets, filter, writer, ansi)),
        LogFormat::Json => Box::new(
            tracing_subscriber::fmt()
                .json()
                .with_env_filter(env_filter(filter))
                .with_writer(Redacting::new(writer, secrets))
                .finish(),
        ),
    }
}

/// Makes `subscriber` the global one, and sends the `log` crate's records (reqwest, tungstenite)
/// through it too, so that they are filtered and redacted the same way.
pub fn install(
    subscriber: impl tracing::Subscriber + Send + Sync + 'static,
) -> Result<(), tracing_subscriber::util::TryInitError> {
    use tracing_subscriber::util::SubscriberInitExt;
    subscriber.try_init()
}

/// Installs the subscriber for `attache serve`, writing to stderr, with the token and the database
/// URL's password (if any) redacted.
pub fn init(token: &Token, database_url: Option<&str>, format: LogFormat) {
    use std::io::IsTerminal;
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_FILTER.to_string());
    let ansi = std::io::stderr().is_terminal() && format == LogFormat::Text;
    let mut secrets = vec![token.expose()];
    secrets.extend(database_url.and_then(crate::store::url_password));
    let _ = install(subscriber_in(
        &secrets,
        &filter,
        std::io::stderr,
        ansi,
        format,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Clone, Default)]
    struct Buf(Arc<Mutex<Vec<u8>>>);

    impl Write for Buf {
        fn write(&mut self, d: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(d);
            Ok(d.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn secrets_are_replaced() {
        let s = vec![b"abc".to_vec()];
        assert_eq!(redact(b"x abcabc y", &s), b"x [redacted][redacted] y");
        assert_eq!(redact(b"ab c", &s), b"ab c");
    }

    #[test]
    fn hex_and_byte_lists_are_replaced_too() {
        let secret = "Ab.c";
        let s = encodings(secret);
        let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
        let list = format!("{:?}", secret.as_bytes());
        let line = format!(
            "payload: 0x7b{hex}7d [{}] {}",
            &list[1..list.len() - 1],
            hex.to_uppercase()
        );
        let clean = String::from_utf8(redact(line.as_bytes(), &s)).unwrap();
        assert_eq!(clean, "payload: 0x7b[redacted]7d [[redacted]] [redacted]");
    }

    #[test]
    fn websocket_frames_are_never_traced() {
        let token = Token::new("tok");
        let buf = Buf::default();
        let b2 = buf.clone();
        let sub = subscriber(
            &[token.expose()],
            "trace,tungstenite=trace",
            move || b2.clone(),
            false,
        );
        tracing::subscriber::with_default(sub, || {
            tracing::trace!(target: "tungstenite::protocol", "frame payload");
            tracing::trace!(target: "tungstenite::handshake", "handshake");
            tracing::debug!(target: "tungstenite::protocol", "closing");
        });
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        assert!(!text.contains("frame payload"), "{text}");
        assert!(
            text.contains("handshake") && text.contains("closing"),
            "{text}"
        );
    }

    #[test]
    fn the_token_never_reaches_the_log() {
        let token = Token::new("MTIz.secret.token");
        let buf = Buf::default();
        let b2 = buf.clone();
        let sub = subscriber(&[token.expose()], "trace", move || b2.clone(), false);
        tracing::subscriber::with_default(sub, || {
            tracing::trace!(header = %format!("Bot {}", token.expose()), "sending");
            tracing::info!("identify {{\"token\":\"{}\"}}", token.expose());
        });
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        assert!(
            text.contains("sending") && text.contains("identify"),
            "{text}"
        );
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(text.matches(REDACTED).count(), 2);
    }

    #[test]
    fn a_database_password_is_redacted_like_the_token() {
        let url = "postgres://attache:pg-s3cret@db/attache";
        let buf = Buf::default();
        let b2 = buf.clone();
        let secrets: Vec<&str> = crate::store::url_password(url).into_iter().collect();
        let sub = subscriber(&secrets, "debug", move || b2.clone(), false);
        tracing::subscriber::with_default(sub, || {
            tracing::warn!("cannot connect to {url}");
        });
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        assert!(
            text.contains("cannot connect to postgres://attache:"),
            "{text}"
        );
        assert!(!text.contains("pg-s3cret"), "{text}");
    }

    #[test]
    fn json_lines_are_redacted_too() {
        let captured = std::sync::Arc::new(Mutex::new(Vec::<u8>::new()));
        let sink = captured.clone();
        let writer = move || Capture(sink.clone());
        let token = Token::new("super-secret-token-value");
        let sub = subscriber_in(&[token.expose()], "trace", writer, false, LogFormat::Json);
        tracing::subscriber::with_default(sub, || {
            tracing::info!(token = "super-secret-token-value", "identify");
        });
        let out = String::from_utf8(captured.lock().unwrap().clone()).unwrap();
        assert!(out.starts_with('{'), "{out}");
        assert!(out.contains("identify"));
        assert!(!out.contains("super-secret-token-value"), "{out}");
    }

    struct Capture(std::sync::Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Capture {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
