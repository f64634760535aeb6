//! Draws the README's picture of the reader: the real reader on the
//! bundled briefing, one frame, as SVG (see `brief::picture::readme`).
//!
//!     cargo run --example picture -- assets/reader.svg
//!
//! With no path, the SVG goes to standard output. `tests/readme_picture.rs`
//! fails when the committed picture is not what this draws.

use std::process::ExitCode;

use brief::picture::{readme, svg};

fn main() -> ExitCode {
    let briefing = match brief::cli::open(None) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let picture = svg(&readme::frame(briefing));
    match std::env::args_os().nth(1) {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, picture) {
                eprintln!("picture: {}: {e}", path.to_string_lossy());
                return ExitCode::FAILURE;
            }
        }
        None => print!("{picture}"),
    }
    ExitCode::SUCCESS
}
