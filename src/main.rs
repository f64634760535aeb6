use std::process::ExitCode;

fn main() -> ExitCode {
    match brief::cli::parse() {
        Ok(cli) => brief::cli::run(cli),
        Err(code) => code,
    }
}
