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

    // 2: Moscow. The timeline is filtered, and the filter is shown.
    s.press(b"2");
    s.wait_for("filter: Russia");
    s.wait_for("Timeline · 2 of 4");
    // j j: onto Russia's current stance on foreign troops.
    s.press(b"jj");
    s.wait_for("› ⊘ rules out");
    // The words are highlighted (reverse video) in the source pane.
    s.wait("the words highlighted", |screen| {
        reversed(screen).contains("unacceptable")
    });

    // Help opens and Esc closes it; Esc again clears the filter.
    s.press(b"?");
    s.wait_for("Help — keys");
    s.press(b"\x1b");
    s.wait_until_gone("Help — keys");
    s.press(b"\x1b");
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
    s.wait_for("filter: Russia");
    s.wait_for("○ open");
    // A click on the source focuses it (g then goes to its top); the wheel
    // over it scrolls it down.
    s.press(b"\x1b[<0;50;12M\x1b[<0;50;12mg");
    s.wait_for("line 1/");
    s.press(b"\x1b[<65;50;15M");
    s.wait_for("line 4/");
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
