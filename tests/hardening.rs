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
        text.contains(&format!(
            "… and {more} more errors like “unknown actor `…`”"
        )),
        "{text}"
    );
    assert!(text.contains(": 3000 error(s), 0 warning(s)"), "{text}");
    let _ = fs::remove_dir_all(dir);
}

/// `brief check` and `brief export` on `dir`, which must both refuse it
/// with `message` and export nothing.
fn assert_refused(dir: &Path, message: &str) {
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains(message), "{}", stdout(&out));
    let out = brief(&["export", "-b", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn a_source_symlinked_outside_the_briefing_is_refused() {
    let dir = copy("symlink-out");
    let outside = dir.with_extension("outside.txt");
    fs::write(&outside, "secret words from outside the briefing\n").unwrap();
    let src = dir.join("sources/sme-2025-08-20.txt");
    fs::remove_file(&src).unwrap();
    std::os::unix::fs::symlink(&outside, &src).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert!(stdout(&out).contains("sources.toml:"), "{}", stdout(&out));
    // A symlink that stays inside the briefing is fine.
    fs::remove_file(&src).unwrap();
    fs::copy(
        bundled().join("sources/sme-2025-08-20.txt"),
        dir.join("sme.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../sme.txt", &src).unwrap();
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_file(outside);
}

#[cfg(unix)]
#[test]
fn a_symlinked_sources_directory_is_refused() {
    let dir = copy("symlink-dir");
    let outside = dir.with_extension("sources");
    let _ = fs::remove_dir_all(&outside);
    fs::rename(dir.join("sources"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("sources")).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(outside);
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_huge_files_are_refused_without_reading_them() {
    let dir = copy("special");
    let src = dir.join("sources/sme-2025-08-20.txt");
    fs::remove_file(&src).unwrap();
    // /dev/zero, reached through a symlink inside the briefing: outside.
    std::os::unix::fs::symlink("/dev/zero", &src).unwrap();
    assert_refused(&dir, "outside the briefing directory");
    fs::remove_file(&src).unwrap();
    // A FIFO with no writer: reading it would wait forever.
    let made = Command::new("mkfifo").arg(&src).status().unwrap();
    assert!(made.success());
    assert_refused(&dir, "not a regular file");
    fs::remove_file(&src).unwrap();
    // A (sparse) file over the cap.
    let f = fs::File::create(&src).unwrap();
    f.set_len(brief::model::load::MAX_SOURCE_BYTES + 1).unwrap();
    drop(f);
    assert_refused(&dir, "larger than 32 MiB");
    // A TOML file that is a FIFO: an I/O error, exit 2, no hang.
    fs::remove_file(dir.join("issues.toml")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(dir.join("issues.toml"))
            .status()
            .unwrap()
            .success()
    );
    let out = brief(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("issues.toml: is a device, FIFO or socket, not a regular file"),
        "{}",
        stderr(&out)
    );
    let _ = fs::remove_dir_all(&dir);
}
