use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    brief::cli::run(brief::cli::Cli::parse())
}
