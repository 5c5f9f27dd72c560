//! One layered configuration: built-in defaults, then `attache.toml`, then `ATTACHE_*` environment
//! variables, then command-line flags, each layer overriding the one before.
//!
//! The file is applied by filling in the environment variables it names that are not already set,
//! before the command line is parsed; clap then gives flags precedence over the environment. Every key
//! is documented in `attache.example.toml`.

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file read when no `--config` or `ATTACHE_CONFIG` names one (only if it exists).
pub const DEFAULT_FILE: &str = "attache.toml";

/// How `attache config` shows a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// As it is.
    None,
    /// Never: `********` when set (a token).
    Whole,
    /// A URL with its password replaced by `********` (a database URL).
    Password,
}

/// A configuration key: its name in `attache.toml`, its environment variable, its default, and
/// how much of it may be printed.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The key in `attache.toml`.
    pub name: &'static str,
    /// The environment variable.
    pub env: &'static str,
    /// The built-in default, if any.
    pub default: Option<&'static str>,
    /// Printed masked, whole or its password only.
    pub mask: Mask,
}

/// Every key. Keep in step with `attache.example.toml` (a test checks).
pub const KEYS: &[Key] = &[
    Key {
        name: "knowledge",
        env: "ATTACHE_KNOWLEDGE",
        default: Some("knowledge"),
        mask: Mask::None,
    },
    Key {
        name: "locales",
        env: "ATTACHE_LOCALES",
        default: Some("locales"),
        mask: Mask::None,
    },
    Key {
        name: "database",
        env: "ATTACHE_DATABASE",
        default: Some("attache.db"),
        mask: Mask::None,
    },
    Key {
        name: "database_url",
        env: "ATTACHE_DATABASE_URL",
        default: None,
        mask: Mask::Password,
    },
    Key {
        name: "status_file",
        env: "ATTACHE_STATUS_FILE",
        default: Some("attache.health.json"),
        mask: Mask::None,
    },
    Key {
        name: "guild",
        env: "ATTACHE_GUILD",
        default: None,
        mask: Mask::None,
    },
    Key {
        name: "message_content",
        env: "ATTACHE_MESSAGE_CONTENT",
        default: Some("false"),
        mask: Mask::None,
    },
    Key {
        name: "cooldown",
        env: "ATTACHE_COOLDOWN",
        default: Some("5"),
        mask: Mask::None,
    },
    Key {
        name: "shards",
        env: "ATTACHE_SHARDS",
        default: Some("auto"),
        mask: Mask::None,
    },
    Key {
        name: "shard_range",
        env: "ATTACHE_SHARD_RANGE",
        default: None,
        mask: Mask::None,
    },
    Key {
        name: "shard_total",
        env: "ATTACHE_SHARD_TOTAL",
        default: None,
        mask: Mask::None,
    },
    Key {
        name: "metrics_addr",
        env: "ATTACHE_METRICS_ADDR",
        default: None,
        mask: Mask::None,
    },
    Key {
        name: "log_format",
        env: "ATTACHE_LOG_FORMAT",
        default: Some("text"),
        mask: Mask::None,
    },
    Key {
        name: "log",
        env: "RUST_LOG",
        default: Some("info"),
        mask: Mask::None,
    },
    Key {
        name: "discord_token",
        env: "DISCORD_TOKEN",
        default: None,
        mask: Mask::Whole,
    },
    Key {
        name: "discord_token_file",
        env: "DISCORD_TOKEN_FILE",
        default: None,
        mask: Mask::None,
    },
];

/// A problem with the configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Unreadable file.
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// Not TOML, or a key of the wrong type.
    #[error("{0}:{1}: {2}")]
    Toml(PathBuf, usize, String),
    /// A key attache does not know.
    #[error("{0}: unknown key `{1}` (known: {2})")]
    UnknownKey(PathBuf, String, String),
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Built in.
    Default,
    /// `attache.toml`.
    File,
    /// The environment (or a flag, which clap reads after it).
    Env,
    /// Nowhere: unset.
    Unset,
}

/// The configuration file's values, by key.
#[derive(Debug, Clone, Default)]
pub struct FileValues {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// Key -> value, as strings (booleans and numbers as written).
    pub values: BTreeMap<String, String>,
}

/// Reads a configuration file: a flat table of the [`KEYS`].
pub fn read(path: &Path) -> Result<FileValues, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io(path.into(), e))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| crate::knowledge::line_of(&text, s.start))
            .unwrap_or(1);
        ConfigError::Toml(path.into(), line, e.message().to_string())
    })?;
    let mut values = BTreeMap::new();
    for (k, v) in table {
        if !KEYS.iter().any(|key| key.name == k) {
            let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
            return Err(ConfigError::UnknownKey(path.into(), k, known.join(", ")));
        }
        let value = match v {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        values.insert(k, value);
    }
    Ok(FileValues {
        path: Some(path.into()),
        values,
    })
}

/// The file to read: `--config PATH` among `args`, else `ATTACHE_CONFIG`, else `attache.toml` when
/// it exists.
pub fn file_to_read(args: &[String]) -> Option<PathBuf> {
    if let Some(i) = args.iter().position(|a| a == "--config") {
        return args.get(i + 1).map(PathBuf::from);
    }
    if let Some(a) = args.iter().find_map(|a| a.strip_prefix("--config=")) {
        return Some(a.into());
    }
    if let Some(p) = std::env::var_os("ATTACHE_CONFIG") {
        return Some(p.into());
    }
    Path::new(DEFAULT_FILE)
        .exists()
        .then(|| DEFAULT_FILE.into())
}

/// Puts the file's values into the environment where the environment has none, and returns them.
/// Call before any thread starts (it sets environment variables).
pub fn apply(args: &[String]) -> Result<FileValues, ConfigError> {
    let Some(path) = file_to_read(args) else {
        return Ok(FileValues::default());
    };
    let file = read(&path)?;
    for key in KEYS {
        if let Some(v) = file.values.get(key.name) {
            if std::env::var_os(key.env).is_none() {
                std::env::set_var(key.env, v);
            }
        }
    }
    Ok(file)
}

/// One line of `attache config`.
#[derive(Debug, Clone, Serialize)]
pub struct Effective {
    /// The key.
    pub key: &'static str,
    /// The environment variable.
    pub env: &'static str,
    /// The value; `********` for a set token, a database URL with its password masked.
    pub value: Option<String>,
    /// Where it came from.
    pub source: Source,
}

/// The effective configuration, secrets masked. `file` is what [`apply`] returned; a value equal to the
/// file's and present in the environment is attributed to the file.
pub fn effective(file: &FileValues) -> Vec<Effective> {
    KEYS.iter()
        .map(|key| {
            let env = std::env::var(key.env).ok();
            let (value, source) = match (env, file.values.get(key.name)) {
                (Some(v), Some(f)) if &v == f => (Some(v), Source::File),
                (Some(v), _) => (Some(v), Source::Env),
                (None, _) => match key.default {
                    Some(d) => (Some(d.to_string()), Source::Default),
                    None => (None, Source::Unset),
                },
            };
            let value = match key.mask {
                Mask::None => value,
                Mask::Whole => value.map(|_| "********".to_string()),
                Mask::Password => value.map(|v| crate::store::mask_password(&v)),
            };
            Effective {
                key: key.name,
                env: key.env,
                value,
                source,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_documents_every_key_and_reads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("attache.example.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        for key in KEYS {
            assert!(
                text.lines().any(|l| l
                    .trim_start_matches("# ")
                    .starts_with(&format!("{} =", key.name))),
                "attache.example.toml does not document `{}`",
                key.name
            );
        }
        read(&path).expect("the example is valid");
    }

    #[test]
    fn unknown_keys_and_bad_toml_are_errors_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "knowledge = \"k\"\ncolour = \"red\"\n").unwrap();
        assert!(matches!(read(&p), Err(ConfigError::UnknownKey(_, k, _)) if k == "colour"));
        std::fs::write(&p, "knowledge = \"k\"\ncooldown = = 3\n").unwrap();
        assert!(matches!(read(&p), Err(ConfigError::Toml(_, 2, _))));
    }

    #[test]
    fn config_flag_is_found_in_the_arguments() {
        let args: Vec<String> = ["attache", "--config", "x.toml", "ask"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(file_to_read(&args), Some(PathBuf::from("x.toml")));
        let args: Vec<String> = ["attache", "--config=y.toml"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(file_to_read(&args), Some(PathBuf::from("y.toml")));
    }
}
