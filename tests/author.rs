//! The authoring commands as a curator uses them: `brief new`, then
//! `brief check` is clean; `brief anchor` on a phrase; `brief add-source`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("brief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-author-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_new_briefing_checks_clean_and_has_every_kind_of_entry() {
    let dir = scratch("new");
    let out = brief(&["new", "city-budget", "--dir", s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let root = dir.join("city-budget");
    assert!(stdout(&out).contains(&format!("brief check {}", root.display())));

    let check = brief(&["check", s(&root)]);
    assert_eq!(
        stdout(&check),
        format!("{}: 0 error(s), 0 warning(s)\n", root.display())
    );
    assert_eq!(check.status.code(), Some(0));

    // Every kind of item is there to copy, and the briefing is its own.
    let stats = brief(&["check", "--stats", "--format", "json", s(&root)]);
    let json: serde_json::Value = serde_json::from_str(stdout(&stats).trim()).unwrap();
    let st = &json["stats"];
    for kind in [
        "sources",
        "actors",
        "issues",
        "events",
        "quotes",
        "positions",
        "discrepancies",
    ] {
        let n = st[kind]
            .as_u64()
            .or_else(|| st[kind]["items"].as_u64())
            .or_else(|| st[kind]["total"].as_u64());
        assert!(n.is_some_and(|n| n > 0), "{kind}: {st}");
    }
    let meta = std::fs::read_to_string(root.join("briefing.toml")).unwrap();
    assert!(meta.contains("id = \"city-budget\""), "{meta}");
    // Each file explains its fields in comments.
    for f in [
        "actors.toml",
        "events.toml",
        "quotes.toml",
        "positions.toml",
    ] {
        let text = std::fs::read_to_string(root.join(f)).unwrap();
        assert!(text.starts_with('#'), "{f} starts with its explanation");
        assert!(text.contains("# optional"), "{f} marks its optional fields");
    }
}

#[test]
fn new_never_overwrites_and_wants_an_id_for_a_name() {
    let dir = scratch("new-twice");
    assert_eq!(
        brief(&["new", "b", "--dir", s(&dir)]).status.code(),
        Some(0)
    );
    let again = brief(&["new", "b", "--dir", s(&dir)]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let bad = brief(&["new", "City Budget", "--dir", s(&dir)]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "brief: `City Budget` can't be a briefing's name: it is also its id, lower-case letters, digits and `-`, e.g. `city-budget`\n"
    );
}

const FIXTURE: &str = "tests/fixtures/harbour-street";

#[test]
fn anchor_finds_every_occurrence_and_what_picks_each_out() {
    let out = brief(&["-b", FIXTURE, "anchor", "ledger", "the closure"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "`the closure` occurs 3 times in sources/ledger-2026-03-11.txt (ledger); add a prefix or suffix to pick one:"
    );
    assert!(lines[1].starts_with("  1. at 7:123: "), "{text}");
    assert_eq!(lines[2], "     suffix = \"was\"");
    assert_eq!(lines[4], "     prefix = \"fight\"");
    assert_eq!(lines[6], "     prefix = \"that\"");

    // What it suggests is what check accepts.
    let picked = brief(&[
        "-b",
        FIXTURE,
        "anchor",
        "ledger",
        "the closure",
        "--prefix",
        "fight",
    ]);
    assert_eq!(picked.status.code(), Some(0));
    assert!(
        stdout(&picked).contains("once, at 9:94"),
        "{}",
        stdout(&picked)
    );
}

#[test]
fn anchor_on_a_file_and_on_words_that_are_not_there() {
    let file = format!("{FIXTURE}/sources/ledger-2026-03-11.txt");
    let once = brief(&["anchor", &file, "Close the street"]);
    assert_eq!(once.status.code(), Some(0));
    assert!(stdout(&once).ends_with("  text = \"Close the street\"\n"));

    let not = brief(&["anchor", &file, "a promise kept to each family"]);
    assert_eq!(not.status.code(), Some(1));
    let text = stdout(&not);
    assert!(text.contains("is not verbatim"), "{text}");
    assert!(text.contains("[a promise kept to every family]"), "{text}");
    assert!(
        text.contains("it has `every` where the words here have `each`"),
        "{text}"
    );

    let empty = brief(&["-b", FIXTURE, "anchor", "ledger", " "]);
    assert_eq!(empty.status.code(), Some(2));

    let unknown = brief(&["-b", FIXTURE, "anchor", "ledgr", "x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        stderr(&unknown),
        "brief: `ledgr` is neither a file nor a source id of the briefing; did you mean `ledger`?\n"
    );
}

#[test]
fn add_source_copies_the_text_and_appends_an_entry_that_checks_clean() {
    let dir = scratch("add");
    assert_eq!(
        brief(&["new", "b", "--dir", s(&dir)]).status.code(),
        Some(0)
    );
    let root = dir.join("b");
    let article = dir.join("Council Minutes.txt");
    std::fs::write(&article, "The minutes say \"yes\".\n").unwrap();
    let out = brief(&[
        "-b",
        s(&root),
        "add-source",
        s(&article),
        "--title",
        "Minutes of the \"special\" session",
        "--outlet",
        "Town hall",
        "--published",
        "2026-03",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(root.join("sources/council-minutes.txt")).unwrap(),
        "The minutes say \"yes\".\n"
    );
    let toml = std::fs::read_to_string(root.join("sources.toml")).unwrap();
    assert!(
        toml.ends_with(
            "\n\n[[sources]]\nid = \"council-minutes\"\ntitle = 'Minutes of the \"special\" session'\noutlet = \"Town hall\"\npublished = \"2026-03\"\nlanguage = \"en\"\nfile = \"sources/council-minutes.txt\"\n"
        ),
        "{toml}"
    );
    let check = brief(&["check", s(&root)]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // The new text is there for `anchor` at once.
    let found = brief(&["-b", s(&root), "anchor", "council-minutes", "say \"yes\""]);
    assert_eq!(found.status.code(), Some(0), "{}", stdout(&found));

    // Twice is refused, and so is a bad date; nothing changes.
    let before = std::fs::read_to_string(root.join("sources.toml")).unwrap();
    let again = brief(&[
        "-b",
        s(&root),
        "add-source",
        s(&article),
        "--title",
        "t",
        "--outlet",
        "o",
        "--published",
        "2026",
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("a source `council-minutes` is already there"));
    let bad_date = brief(&[
        "-b",
        s(&root),
        "add-source",
        s(&article),
        "--id",
        "other",
        "--title",
        "t",
        "--outlet",
        "o",
        "--published",
        "2026-02-30",
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert_eq!(
        stderr(&bad_date),
        "brief: --published: `2026-02-30` does not exist: Feb 2026 has no day 30\n"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("sources.toml")).unwrap(),
        before
    );
    assert!(!root.join("sources/other.txt").exists());

    // A text already in sources/ is registered where it is.
    std::fs::write(root.join("sources/in-place.txt"), "Words in place.\n").unwrap();
    let in_place = root.join("sources/in-place.txt");
    let out = brief(&[
        "-b",
        s(&root),
        "add-source",
        s(&in_place),
        "--title",
        "t",
        "--outlet",
        "o",
        "--published",
        "unknown",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&in_place).unwrap(),
        "Words in place.\n"
    );
    assert!(
        std::fs::read_to_string(root.join("sources.toml"))
            .unwrap()
            .contains("file = \"sources/in-place.txt\"")
    );
    assert_eq!(brief(&["check", s(&root)]).status.code(), Some(0));
}

#[test]
fn a_new_briefing_opens_in_the_reader() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    let dir = scratch("new-read");
    assert_eq!(
        brief(&["new", "bridge", "--dir", s(&dir)]).status.code(),
        Some(0)
    );
    let b = brief::cli::open(Some(&dir.join("bridge"))).expect("it loads without errors");
    let app = brief::app::App::new(b, brief::theme::Theme::new(true), Rect::new(0, 0, 100, 30));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| brief::ui::draw(frame, &app)).unwrap();
    let screen = terminal.backend().to_string();
    for words in [
        "bridge · as of 4 Mar 2026",
        "T Town council  key 1",
        "C Critics of the bridge  key 2",
        "The council debates the bridge",
    ] {
        assert!(screen.contains(words), "{words:?} in {screen}");
    }
}
