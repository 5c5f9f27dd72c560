//! attache answers questions about one news brief, US Secretary of State Antony Blinken's visit to
//! China, politely and in the asker's language, and says so when the brief does not cover a question.
//!
//! The data flows one way: `question -> normalise -> lang -> matcher -> i18n -> Reply`.
//!
//! ```
//! use attache::answer::{answer, Hints};
//! use attache::engine::Snapshot;
//!
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
//! let snap = Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap();
//! let reply = answer(&snap, "wann besucht blinken china?", &Hints::default());
//! assert_eq!(reply.fact.as_deref(), Some("visit-dates"));
//! assert_eq!(reply.locale, "de");
//! ```

pub mod answer;
pub mod cli;
pub mod config;
pub mod discord;
pub mod engine;
pub mod eval;
pub mod health;
pub mod i18n;
pub mod knowledge;
pub mod lang;
pub mod matcher;
pub mod metrics;
pub mod normalise;
pub mod reload;
pub mod shards;
pub mod store;
pub mod summary;
pub mod synth;
pub mod unanswered;
