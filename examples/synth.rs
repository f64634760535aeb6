//! Writes a generated briefing to a directory, and one line per searchable
//! entry (its texts joined) to `DIR/lines.txt`, for comparing with
//! `fzf --filter` over the same lines.
//!
//!     cargo run --release --example synth -- 100000 /tmp/brief-100k

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let items: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/brief-synth".into()));
    let b = brief::synth::generate(items, 1);
    brief::synth::write_dir(&b, &dir)?;
    let start = std::time::Instant::now();
    let corpus = brief::search::Corpus::new(&b);
    let built = start.elapsed();
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("lines.txt"))?);
    for item in &corpus.items {
        let texts: Vec<&str> = item.fields.iter().map(|f| &*f.text).collect();
        writeln!(out, "{}", texts.join(" | "))?;
    }
    out.flush()?;
    eprintln!(
        "{items} items, {} lines, in {}; search index built in {built:.2?}",
        corpus.items.len(),
        dir.display()
    );
    Ok(())
}
