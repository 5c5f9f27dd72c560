//! Health of a running bot, for `attache healthcheck` (the container's HEALTHCHECK): `serve` writes a
//! small status file whenever the gateway connects or drops, and the check reads it. No shell, curl
//! or open port is needed.

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where `serve` writes its status unless told otherwise.
pub const DEFAULT_STATUS_FILE: &str = "attache.health.json";

/// The status file: `ATTACHE_STATUS_FILE`, or [`DEFAULT_STATUS_FILE`] in the working directory.
pub fn status_path() -> std::path::PathBuf {
    std::env::var_os("ATTACHE_STATUS_FILE")
        .map(Into::into)
        .unwrap_or_else(|| DEFAULT_STATUS_FILE.into())
}

/// The bot is unhealthy when its gateway has been disconnected for longer than this: Discord's own
/// reconnects take seconds, so a minute of silence means something is wrong.
pub const MAX_DISCONNECTED_SECS: u64 = 60;

/// What `serve` records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// True while at least one shard's gateway is connected.
    pub connected: bool,
    /// Unix seconds when `connected` last changed.
    pub since: u64,
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes the status atomically (a temporary file renamed over the old one), so that a check never
/// reads half a file.
pub fn write(path: &Path, connected: bool) -> std::io::Result<()> {
    let status = Status {
        connected,
        since: now(),
    };
    let tmp = path.with_extension("tmp");
    std::fs::write(
        &tmp,
        serde_json::to_vec(&status).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(tmp, path)
}

/// Why the bot is unhealthy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unhealthy {
    /// No status file: `serve` is not running (or has not started yet).
    #[error("no status file at {0}: is `attache serve` running?")]
    NoStatus(String),
    /// The file is not a status.
    #[error("unreadable status file {0}")]
    Unreadable(String),
    /// Disconnected for too long.
    #[error("the gateway has been disconnected for {0} s (limit {1} s)")]
    Disconnected(u64, u64),
}

/// Checks the status file at `now`: healthy when connected, or disconnected for at most `max_secs`.
pub fn check(path: &Path, now: u64, max_secs: u64) -> Result<Status, Unhealthy> {
    let text = std::fs::read(path).map_err(|_| Unhealthy::NoStatus(path.display().to_string()))?;
    let status: Status = serde_json::from_slice(&text)
        .map_err(|_| Unhealthy::Unreadable(path.display().to_string()))?;
    let down_for = now.saturating_sub(status.since);
    if !status.connected && down_for > max_secs {
        return Err(Unhealthy::Disconnected(down_for, max_secs));
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connected_is_healthy_and_a_long_disconnect_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.json");
        assert!(matches!(
            check(&path, now(), 60),
            Err(Unhealthy::NoStatus(_))
        ));
        write(&path, true).unwrap();
        assert!(check(&path, now() + 3600, 60).unwrap().connected);
        write(&path, false).unwrap();
        assert!(
            check(&path, now() + 30, 60).is_ok(),
            "a short reconnect is fine"
        );
        assert_eq!(
            check(&path, now() + 120, 60),
            Err(Unhealthy::Disconnected(120, 60))
        );
        std::fs::write(&path, "garbage").unwrap();
        assert!(matches!(
            check(&path, now(), 60),
            Err(Unhealthy::Unreadable(_))
        ));
    }
}
