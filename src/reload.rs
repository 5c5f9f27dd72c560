//! Hot reload: watch the knowledge and locales directories, wait for a burst of edits to settle,
//! then validate a complete new fact base and swap it in, or keep the old one and report why.
//!
//! Directories are watched, not files: editors save by writing a temporary file and renaming it over
//! the old one, which a watch on the old file would miss.

use crate::engine::{Engine, ReloadSummary};
use crate::eval;
use crate::knowledge::Invalid;
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// How long the directories must stay quiet before a reload: a save is often several events (write a
/// temporary file, rename it, touch metadata), and a `git pull` touches many files.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// The outcome of one reload.
#[derive(Debug, Clone)]
pub enum ReloadEvent {
    /// The new fact base is in service.
    Reloaded {
        /// What changed.
        summary: ReloadSummary,
        /// The regression set's misses when it fell below [`crate::cli::REGRESSION_MIN_OVERALL`].
        regression_warning: Option<String>,
    },
    /// The new files are invalid; the previous fact base keeps serving.
    Rejected(Invalid),
}

impl std::fmt::Display for ReloadEvent {
    /// One line for `chat`'s stderr and the log: `reloaded: …` or `reload rejected: file:line: …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReloadEvent::Reloaded {
                summary,
                regression_warning,
            } => {
                write!(f, "{summary}")?;
                if let Some(w) = regression_warning {
                    write!(f, "\nwarning: {w}")?;
                }
                Ok(())
            }
            ReloadEvent::Rejected(invalid) => {
                let problems: Vec<String> = invalid.0.iter().map(ToString::to_string).collect();
                write!(f, "reload rejected: {}", problems.join("; "))
            }
        }
    }
}

/// Reloads `engine` now, and checks the regression set of the new fact base.
pub fn reload_now(engine: &Engine) -> ReloadEvent {
    let result = engine.reload();
    crate::metrics::global().reload(result.is_ok());
    match result {
        Ok(summary) => ReloadEvent::Reloaded {
            summary,
            regression_warning: regression_warning(engine),
        },
        Err(invalid) => ReloadEvent::Rejected(invalid),
    }
}

/// The regression set's misses, when it falls below the threshold: the fact base is valid and serves,
/// but moderators should know what it now gets wrong.
pub fn regression_warning(engine: &Engine) -> Option<String> {
    let snap = engine.snapshot();
    if snap.facts.regression.is_empty() {
        return None;
    }
    let report = eval::run(&snap, &snap.facts.regression);
    if report.overall.rate() >= crate::cli::REGRESSION_MIN_OVERALL {
        return None;
    }
    let misses: Vec<String> = report
        .misses
        .iter()
        .map(|m| {
            format!(
                "questions.tsv:{} expected {} got {}: {}",
                m.line, m.expected, m.got, m.question
            )
        })
        .collect();
    Some(format!(
        "regression set at {:.1}% ({}/{}): {}",
        100.0 * report.overall.rate(),
        report.overall.right,
        report.overall.total,
        misses.join("; ")
    ))
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
    stop: mpsc::Sender<()>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.stop.send(());
    }
}

/// Watches the engine's directories and reloads after each burst of edits, calling `report` with the
/// outcome (from a background thread).
pub fn watch(
    engine: Arc<Engine>,
    report: impl Fn(ReloadEvent) + Send + 'static,
) -> notify::Result<Watch> {
    let (tx, rx) = mpsc::channel::<()>();
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if matters(&event.kind) {
                let _ = tx.send(());
            }
        }
    })?;
    let dirs: Vec<PathBuf> = vec![
        engine.knowledge_dir().to_path_buf(),
        engine.locales_dir().to_path_buf(),
    ];
    for d in &dirs {
        watcher.watch(d, RecursiveMode::Recursive)?;
    }
    std::thread::Builder::new()
        .name("attache-reload".into())
        .spawn(move || loop {
            if stop_rx.try_recv().is_ok() {
                return;
            }
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(()) => {
                    // Debounce: wait until no event has arrived for DEBOUNCE.
                    while rx.recv_timeout(DEBOUNCE).is_ok() {}
                    report(reload_now(&engine));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        })
        .map_err(notify::Error::io)?;
    Ok(Watch {
        _watcher: watcher,
        stop: stop_tx,
    })
}

/// Reads do not change anything; everything else (create, write, rename, remove) may.
fn matters(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind};

    #[test]
    fn reads_do_not_trigger_reloads() {
        assert!(!matters(&EventKind::Access(AccessKind::Any)));
        assert!(matters(&EventKind::Create(CreateKind::File)));
    }
}
