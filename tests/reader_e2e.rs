//! The real binary in a pseudo-terminal, used as a person would: keys in,
//! screen out (through vt100), then quit and check the terminal is restored.

use std::process::{Command, Stdio};

mod common;

use common::{Session, fixture};

#[test]
fn find_what_moscow_said_about_foreign_troops_then_quit() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    assert!(
        s.screen.lock().unwrap().screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.wait_for("? help");

    // 2: Moscow; f filters the timeline to Russia, and the filter is shown.
    s.press(b"2f");
    s.wait_for("filter: Russia");
    s.wait_for("Timeline · 2 of 4");
    // j j: onto Russia's current stance on foreign troops.
    s.press(b"jj");
    s.wait_for("› ⊘ rules out");
    // The words are highlighted (reverse video) in the source pane.
    s.wait("the words highlighted", |screen| {
        reversed(screen).contains("unacceptable")
    });

    // Help opens and Esc closes it; x clears the filter.
    s.press(b"?");
    s.wait_for("Help — keys");
    s.press(b"\x1b");
    s.wait_until_gone("Help — keys");
    s.wait_for("filter: Russia");
    s.press(b"x");
    s.wait_until_gone("filter: Russia");
    s.wait_for("all events");

    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    // The actors pane starts on row 13 (1-based): its border, Kyiv,
    // Zelensky, Moscow, then Russia on row 17. SGR mouse reports are 1-based.
    s.press(b"\x1b[<0;6;17M\x1b[<0;6;17m");
    s.wait_for("Details · Actor");
    s.wait_for("○ open");
    assert!(!s.contents().contains("filter:"), "a click sets no filter");
    // A click on the source focuses it (g then goes to its top); the wheel
    // over it scrolls it down.
    s.press(b"\x1b[<0;50;14M\x1b[<0;50;14mg");
    s.wait_for("lines 1–");
    s.press(b"\x1b[<65;50;15M");
    s.wait_for("lines 4–");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// The issue's path: a palette jump, and every pane agrees; back returns;
/// a resize keeps the reading place.
#[test]
fn a_jump_agrees_everywhere_back_returns_and_a_resize_keeps_the_place() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 30, 100);
    s.wait_for("Details · Event");
    s.press(b"/zakharova troops");
    s.wait_for("unacceptable");
    s.press(b"\r");
    // Details, the actors pane and the timeline all show her quote.
    s.wait_for("Details · Quote");
    s.wait_for("“unacceptable foreign intervention”");
    s.wait("the quote selected under Zakharova", |screen| {
        screen.contents().contains("› “unacceptable")
    });
    // Esc: back to the first event, as it was.
    s.press(b"\x1b");
    s.wait_for("Details · Event");
    s.wait_until_gone("Details · Quote");

    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);

    // Read a long article of the bundled briefing full screen, move down,
    // and note the first line.
    let mut s = Session::start(&[], 30, 100);
    s.wait_for("Details · Event");
    s.press(b"r");
    s.wait("the reading mode", |screen| {
        screen.contents().contains("lines ")
    });
    let status = |text: String| {
        let at = text.find("lines ").unwrap_or(0);
        text[at..]
            .split(" of")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let before = status(s.contents());
    s.press(b"b");
    s.wait("a page back", |screen| status(screen.contents()) != before);
    s.settle();
    // The text of the top row, without the box around it.
    let first = s
        .row(2)
        .trim_matches(|c: char| c.is_whitespace() || "┃║█".contains(c))
        .to_string();
    assert!(!first.is_empty());
    let words: String = first
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    for (rows, cols) in [(40, 140), (24, 80), (30, 100)] {
        s.resize(rows, cols);
        s.settle();
        // The first words are on the top row, which may now start a little
        // earlier, or run on to the next.
        s.wait(
            &format!("the same first words at {cols}×{rows}"),
            |screen| {
                let top: Vec<String> = (2..4)
                    .map(|r| screen.contents_between(r, 0, r, cols).trim().to_string())
                    .collect();
                top[0].contains(words.split(' ').next().unwrap_or_default())
                    && top.join(" ").contains(&words)
            },
        );
    }
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 24, 80);
    s.wait_for("Timeline");
    s.press(b"\t\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_reports_it() {
    let fixture = fixture();
    let mut s = Session::start_with(
        &["-b", &fixture],
        24,
        80,
        &[("BRIEF_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    assert_ne!(s.wait_exit(), 0);
    s.assert_restored();
    s.wait_for("deliberate panic (BRIEF_TEST_PANIC)");
}

#[test]
fn a_small_terminal_says_so() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 10, 40);
    s.wait_for("terminal too small (need 60×16)");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn without_a_terminal_brief_suggests_export_and_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["-b", &fixture()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("brief export"),
        "{err}"
    );
}

/// The text of every cell shown in reverse video, in reading order.
fn reversed(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let mut text = String::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            if let Some(cell) = screen.cell(r, c)
                && cell.inverse()
            {
                text.push_str(cell.contents());
            }
        }
    }
    text
}

/// The matrix in a real terminal: open it, step the date, see a cell
/// change; Enter opens the cell's history, Enter again the words in the
/// source; Esc returns to the matrix as it was.
#[test]
fn the_matrix_steps_through_time_and_opens_the_words() {
    let fixture = fixture();
    let mut s = Session::start(&["-b", &fixture], 30, 120);
    s.wait_for("Details · Event");
    s.press(b"m");
    s.wait_for("Stances as of 1 Mar 2025");
    s.wait_for("○“ open?");
    // Russia is the second row, foreign troops the first column.
    s.press(b"j");
    s.press(b">>>>>>");
    s.wait_for("Stances as of 4 Sep 2025");
    s.wait_for("⊘“ rules out*");
    s.press(b"\r");
    s.wait_for("› ○ open");
    s.press(b"j\r");
    s.wait_for("Details · Position");
    s.wait_for("Any Western troop presence would be foreign intervention.");
    s.press(b"\x1b");
    s.wait_for("Stances as of 4 Sep 2025");
    s.press(b"\x1b");
    s.wait_for("Details · Event");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}
