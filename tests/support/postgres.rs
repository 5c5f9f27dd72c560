//! A fresh PostgreSQL database per test, on the server named by `ATTACHE_TEST_POSTGRES_URL`
//! (`.ci/postgres start` starts one and prints its URL; `.ci/run` does both).
//!
//! Without the variable the PostgreSQL tests are skipped with a note, unless
//! `ATTACHE_REQUIRE_POSTGRES` is set (as `.ci/run` does), where a missing server is a failure.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable naming the test server (an admin URL: the role may create databases).
pub const URL_VAR: &str = "ATTACHE_TEST_POSTGRES_URL";

/// A database created for one test and dropped after it.
pub struct TestDatabase {
    /// The URL of the test's database.
    pub url: String,
    admin: String,
    name: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl TestDatabase {
    /// Creates an empty database, or `None` (with a note) when no server is configured.
    pub fn create(tag: &str) -> Option<TestDatabase> {
        let admin = match std::env::var(URL_VAR) {
            Ok(u) if !u.trim().is_empty() => u,
            _ => {
                assert!(
                    std::env::var_os("ATTACHE_REQUIRE_POSTGRES").is_none(),
                    "ATTACHE_REQUIRE_POSTGRES is set but {URL_VAR} is not: start a server with \
                     `.ci/postgres start`"
                );
                eprintln!("skipped: set {URL_VAR} (`.ci/postgres start` prints one) to run {tag} on PostgreSQL");
                return None;
            }
        };
        let name = format!(
            "attache_test_{}_{}_{}",
            tag.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .take(30)
                .collect::<String>()
                .to_ascii_lowercase(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL ({URL_VAR}): {e}"));
        // One statement per call: DROP and CREATE DATABASE cannot run inside a transaction block.
        client
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .expect("the test role may drop its databases");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("the test role may create databases");
        let url = with_database(&admin, &name);
        Some(TestDatabase { url, admin, name })
    }

    /// A plain client on the test's database, to look under the store.
    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).unwrap()
    }

    /// A client on the admin database (to end other sessions, say).
    pub fn admin(&self) -> postgres::Client {
        postgres::Client::connect(&self.admin, postgres::NoTls).unwrap()
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `url` with its database (the path) replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.find('?') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    format!("{base}/{name}{query}")
}

#[test]
fn database_names_replace_the_path_only() {
    assert_eq!(
        with_database("postgres://a:b@127.0.0.1:5/postgres", "t"),
        "postgres://a:b@127.0.0.1:5/t"
    );
    assert_eq!(
        with_database("postgres://a@h/postgres?sslmode=disable", "t"),
        "postgres://a@h/t?sslmode=disable"
    );
    assert_eq!(with_database("postgres://h", "t"), "postgres://h/t");
}
