//! `brief export --format markdown` with pins, filters and -o.

use std::process::Command;

use brief::app::current::Item;
use brief::notes::{Notes, Store};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reader");

fn brief(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_remove("BRIEF_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn pinned_notes_and_output_file() {
    let b = brief::cli::open(Some(std::path::Path::new(FIXTURE))).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut notes = Notes::new();
    let i = notes.pin(&b, &Item::Quote(0)).unwrap();
    notes.entries[i].note = "Open with this".into();
    Store::new(data.path(), b.meta.id.as_str())
        .save(&notes)
        .unwrap();
    let out_file = data.path().join("out.md");
    let dir = data.path().to_str().unwrap();
    let out = brief(&[
        "-b",
        FIXTURE,
        "--data-dir",
        dir,
        "export",
        "--format",
        "markdown",
        "--pinned",
        "--notes",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let md = std::fs::read_to_string(&out_file).unwrap();
    let pinned = &md[md.find("## Pinned").unwrap()..md.find("## Stances").unwrap()];
    assert!(pinned.contains("*Note:* Open with this"), "{pinned}");
    // Without --pinned, no pins.
    let out = brief(&[
        "-b",
        FIXTURE,
        "--data-dir",
        dir,
        "export",
        "--format",
        "markdown",
    ]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.contains("## Pinned"));
    assert!(!md.contains("Open with this"));
}

#[test]
fn an_unknown_id_or_date_is_a_usage_error() {
    for args in [
        &["--actor", "nobody"][..],
        &["--side", "nowhere"][..],
        &["--issue", "nothing"][..],
        &["--since", "not a date"][..],
    ] {
        let mut all = vec!["-b", FIXTURE, "export", "--format", "markdown"];
        all.extend_from_slice(args);
        let out = brief(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn since_and_until_narrow_the_timeline() {
    let out = brief(&[
        "-b",
        FIXTURE,
        "export",
        "--format",
        "markdown",
        "--since",
        "1 sep 2025",
        "--until",
        "30 sep 2025",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    let timeline = &md[md.find("## Timeline").unwrap()..];
    assert!(timeline.contains("Coalition meets in Paris"));
    assert!(!timeline.contains("Russia open to talks"), "{timeline}");
}
