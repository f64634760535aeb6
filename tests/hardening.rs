//! Hostile input, as issue 8 found it: each case here once hung, leaked or
//! broke the terminal. `brief` must answer each with a clear message.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/ukraine-security-guarantees")
}

/// A fresh copy of the bundled briefing in a directory of its own.
fn copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-hardening-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("sources")).unwrap();
    for entry in walk(&bundled()) {
        let rel = entry.strip_prefix(bundled()).unwrap();
        fs::copy(&entry, dir.join(rel)).unwrap();
    }
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn append(path: &Path, text: &str) {
    let mut s = fs::read_to_string(path).unwrap();
    s.push_str(text);
    fs::write(path, s).unwrap();
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No C0 (but tab and newline), DEL or C1 character: nothing a terminal
/// would act on.
fn assert_inert(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| brief::model::text::is_unsafe(c)) {
        panic!("{what} holds {c:?}:\n{s}");
    }
}

#[test]
fn many_problems_of_one_kind_are_counted_after_the_first_few() {
    let dir = copy("many-errors");
    let mut quotes = String::new();
    for i in 0..3_000 {
        quotes.push_str(&format!(
            "\n[[quotes]]\nid = \"q-{i}\"\nspeaker = \"nobody-{i}\"\ntext = \"fight on.\"\n\
             source = \"intellinews-2025-08-20\"\nprefix = \"told Zelenskiy to “\"\n"
        ));
    }
    append(&dir.join("quotes.toml"), &quotes);
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let shown = text.matches("error: unknown actor `nobody-").count();
    assert_eq!(shown, brief::cli::SHOWN_PER_KIND, "{text}");
    // The first ones, in file order, each with its line and column.
    assert!(text.contains("quotes.toml:") && text.contains("unknown actor `nobody-0`"));
    let more = 3_000 - brief::cli::SHOWN_PER_KIND;
    assert!(
        text.contains(&format!("… and {more} more errors like “unknown actor `…`”")),
        "{text}"
    );
    assert!(text.contains(": 3000 error(s), 0 warning(s)"), "{text}");
    let _ = fs::remove_dir_all(dir);
}
