//! The `attache` binary: parse the command line and hand over to [`attache::cli::run`].

use clap::Parser;
use std::process::ExitCode;

// Loading a large fact base makes millions of small allocations, which mimalloc serves faster than
// glibc (docs/performance.md, round 7). It is built without transparent huge pages: with them an
// idle `attache serve` held twice the memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // attache.toml fills in the environment before clap reads it: defaults < file < env < flags.
    let args: Vec<String> = std::env::args().collect();
    let file = match attache::config::apply(&args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    attache::cli::CONFIG_FILE.set(file).ok();
    let cli = attache::cli::Cli::parse();
    match attache::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
