//! File helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::Path;

/// Copies the directory `from` to `to`, recursively (the fact base or the locales, say, so a test
/// can edit its own copy).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}
