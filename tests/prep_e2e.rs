//! Briefing prep in a real terminal: copying through OSC 52.

mod common;

use base64::Engine;
use common::{Session, fixture};

/// The text of every OSC 52 sequence brief wrote, decoded.
fn copied(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    for part in raw.split("\x1b]52;c;").skip(1) {
        let end = part.find(['\x1b', '\x07']).unwrap_or(part.len());
        let data = base64::engine::general_purpose::STANDARD
            .decode(&part[..end])
            .expect("OSC 52 holds base64");
        out.push(String::from_utf8(data).expect("UTF-8 text"));
    }
    out
}

#[test]
fn y_copies_the_current_quote_with_its_citation_through_osc52() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 30, 100);
    s.wait_for("Details · Event");
    s.press(b"/zakharova troops");
    s.wait_for("unacceptable");
    s.press(b"\r");
    s.wait_for("Details · Quote");
    s.press(b"y");
    s.wait_for("copied as text");
    let texts = copied(&s.raw.lock().unwrap());
    assert_eq!(texts.len(), 1, "{texts:?}");
    let t = &texts[0];
    assert!(t.starts_with("“unacceptable foreign intervention”"), "{t}");
    assert!(t.contains(" — Maria Zakharova"), "{t}");
    assert!(
        t.contains("(Example Wire, “Talks in Paris”, 5 Sep 2025)"),
        "{t}"
    );
    // Y: the same as Markdown.
    s.press(b"Y");
    s.wait_for("copied as Markdown");
    let texts = copied(&s.raw.lock().unwrap());
    assert_eq!(texts.len(), 2);
    assert!(
        texts[1].starts_with("> “unacceptable foreign intervention”"),
        "{}",
        texts[1]
    );
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

/// The source pane's "lines a–b" status (the last on the screen, below
/// Details'), the reading position.
fn lines_status(screen: &str) -> Option<String> {
    let at = screen.rfind("lines ")?;
    Some(screen[at..].split(" of").next()?.to_string())
}

#[test]
fn pin_six_write_two_notes_export_quit_and_reopen() {
    let fixture = fixture();
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap().to_string();
    let env = [("BRIEF_DATA_DIR", data_dir.as_str())];
    let mut s = Session::start_with(&["-b", &fixture], 30, 120, &env);
    s.wait_for("Details · Event");
    // Four events from the timeline.
    for n in 1..=4 {
        if n > 1 {
            s.press(b"j");
        }
        s.press(b"p");
        s.wait_for(&format!("pinned ({n} in the brief"));
    }
    // Zakharova's quote, from the search, with a note.
    s.press(b"/zakharova troops");
    s.wait_for("unacceptable");
    s.press(b"\r");
    s.wait_for("Details · Quote");
    s.press(b"p");
    s.wait_for("pinned (5 in the brief");
    s.press(b"a");
    s.wait_for("Enter keeps");
    s.press(b"Lead with this");
    s.press(b"\r");
    s.wait_for("note saved");
    // A stance of Moscow's, with a note.
    s.press(b"2");
    s.press(b"j");
    s.wait_for("Details · Position");
    s.press(b"p");
    s.wait_for("pinned (6 in the brief");
    s.press(b"a");
    s.wait_for("Enter keeps");
    s.press(b"Moscow's line");
    s.press(b"\r");
    s.wait_for("note saved");
    // Read on in the source: the reading position to come back to.
    s.press(b"\t\t");
    s.wait_for("Enter quote");
    let first = |status: Option<String>| -> Option<usize> {
        status?
            .strip_prefix("lines ")?
            .split('–')
            .next()?
            .parse()
            .ok()
    };
    let before = first(lines_status(&s.contents())).expect("a source status");
    s.press(b"jjj");
    s.wait("the source three lines on", |screen| {
        first(lines_status(&screen.contents())) == Some(before + 3)
    });
    let place = lines_status(&s.contents()).unwrap();
    // Export from the reader.
    s.press(b"e");
    s.wait_for("briefing written to");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);

    // The file holds the six pins in order, with the notes and citations.
    let dir = data.path().join("reader");
    let md = std::fs::read_to_string(dir.join("briefing.md")).unwrap();
    let notes = brief::notes::Store::new(data.path(), "reader").open();
    assert_eq!(notes.warning, None);
    let entries = &notes.notes.entries;
    assert_eq!(entries.len(), 6, "{entries:?}");
    assert_eq!(entries[4].note, "Lead with this");
    assert_eq!(entries[5].note, "Moscow's line");
    let pinned =
        &md[md.find("## Pinned").expect("a pinned section")..md.find("## Stances").unwrap()];
    let mut at = 0;
    for e in entries {
        let words = brief::md::escape(e.excerpt.trim());
        let words = words
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let found = pinned[at..]
            .find(&words)
            .unwrap_or_else(|| panic!("{words:?} in order in\n{pinned}"));
        at += found + words.len();
    }
    assert!(pinned.contains("*Note:* Lead with this"), "{pinned}");
    assert!(pinned.contains("*Note:* Moscow's line"), "{pinned}");
    assert!(
        pinned.contains("— Maria Zakharova, 4 Sep 2025 [1]"),
        "{pinned}"
    );
    assert!(md.contains("## Sources\n\n1. *Talks in Paris*, Example Wire, 5 Sep 2025."));

    // Reopen: the same item and reading position, and the brief.
    let mut s = Session::start_with(&["-b", &fixture], 30, 120, &env);
    s.wait_for("Details · Position");
    s.wait(&format!("the source at {place}"), |screen| {
        lines_status(&screen.contents()).as_deref() == Some(place.as_str())
    });
    s.press(b"B");
    s.wait_for("Brief · 6 pinned");
    s.wait_for("✎ Lead with this");
    s.wait_for("✎ Moscow's line");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn capital_e_edits_the_note_in_editor_and_the_reader_comes_back() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = fixture();
    let data = tempfile::tempdir().unwrap();
    // An "editor" that appends a line to the file it is given.
    let editor = data.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'written in the editor\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let data_dir = data.path().join("data");
    let env = [
        ("BRIEF_DATA_DIR", data_dir.to_str().unwrap()),
        ("EDITOR", editor.to_str().unwrap()),
        ("VISUAL", ""),
    ];
    let mut s = Session::start_with(&["-b", &fixture], 30, 120, &env);
    s.wait_for("Details · Event");
    s.press(b"E");
    s.wait_for("note saved");
    // Back in the reader, redrawn, with the note in Details.
    s.wait_for("✎ written in the editor");
    s.wait_for("Timeline · 4");
    let notes = brief::notes::Store::new(&data_dir, "reader").open().notes;
    assert_eq!(notes.entries.len(), 1);
    assert_eq!(notes.entries[0].note, "written in the editor");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}
