//! `brief check` never panics and always points inside the file: the valid
//! fixture, mutated thousands of ways (truncation, deletion, insertion of
//! quotes, brackets, control characters and multibyte text).

use std::path::{Path, PathBuf};

use brief::model::{Origin, load};

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INSERTS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\n",
    "[[actors]]\n",
    "id = \"x\"\n",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{85}",
    "Zürich",
    "Київ",
    "北京",
    "🇺🇦",
    "\\u001b",
    "2025-02-30",
    "\"\"\"",
    "#",
    ",",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 => chars.truncate(at),
            1 => {
                let end = (at + 1 + rng.below(20)).min(chars.len());
                if at < end {
                    chars.drain(at..end);
                }
            }
            _ => {
                let ins = INSERTS[rng.below(INSERTS.len())];
                chars.splice(at.min(chars.len())..at.min(chars.len()), ins.chars());
            }
        }
    }
    chars.into_iter().collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest)
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn mutated_briefings_never_panic_and_spans_stay_in_their_files() {
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let work: PathBuf = std::env::temp_dir().join(format!("brief-robust-{}", std::process::id()));
    let files = [
        "briefing.toml",
        "sources.toml",
        "actors.toml",
        "issues.toml",
        "events.toml",
        "quotes.toml",
        "positions.toml",
        "sources/article.txt",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut with_problems = 0;
    for round in 0..400 {
        let _ = std::fs::remove_dir_all(&work);
        copy_dir(&valid, &work);
        let file = files[round % files.len()];
        let original = std::fs::read_to_string(valid.join(file)).unwrap();
        std::fs::write(work.join(file), mutate(&original, &mut rng)).unwrap();

        let loaded =
            load(&Origin::Dir(work.clone())).unwrap_or_else(|e| panic!("round {round}: {e}"));
        if !loaded.diagnostics.is_empty() {
            with_problems += 1;
        }
        for d in &loaded.diagnostics {
            let text = loaded
                .text(&d.file)
                .unwrap_or_else(|| panic!("round {round}: {} was read", d.file));
            if let Some(span) = &d.span {
                assert!(
                    span.start <= text.len(),
                    "round {round}: {d:?} points past the end"
                );
            }
            // Rendering with a caret must not panic either.
            let _ = d.render(Some(text));
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    assert!(
        with_problems > 100,
        "mutations should mostly break the briefing ({with_problems}/400)"
    );
}
