//! Prints one line per searchable entry of a briefing (the bundled one, or
//! the directory given), its texts joined: the same lines `fzf --filter`
//! is compared on.
//!
//!     cargo run --release --example lines > /tmp/bundled-lines.txt

use std::io::Write;

fn main() -> std::process::ExitCode {
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let b = match brief::cli::open(path.as_deref()) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let corpus = brief::search::Corpus::new(&b);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for item in &corpus.items {
        let texts: Vec<&str> = item.fields.iter().map(|f| &*f.text).collect();
        if writeln!(out, "{}", texts.join(" | ")).is_err() {
            break;
        }
    }
    std::process::ExitCode::SUCCESS
}
