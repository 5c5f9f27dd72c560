//! The `attache` binary: parse the command line and hand over to [`attache::cli::run`].

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = attache::cli::Cli::parse();
    match attache::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
