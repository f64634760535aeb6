//! The real binary in a pseudo-terminal: the colours it writes follow what
//! the terminal says it can show.

mod common;

use common::{Session, fixture};

/// Every foreground and background colour on the screen.
fn colours(s: &Session) -> Vec<vt100::Color> {
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            if let Some(cell) = screen.cell(r, c) {
                out.extend([cell.fgcolor(), cell.bgcolor()]);
            }
        }
    }
    out.retain(|c| *c != vt100::Color::Default);
    out
}

fn screen_with(env: &[(&str, &str)]) -> Vec<vt100::Color> {
    let fixture = fixture();
    let mut s = Session::start_with(&["-b", &fixture], 24, 80, env);
    s.wait_for("Timeline");
    s.wait_for("? help");
    let seen = colours(&s);
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    seen
}

#[test]
fn colour_depth_follows_colorterm_term_and_the_setting() {
    let rgb = |c: &vt100::Color| matches!(c, vt100::Color::Rgb(..));
    // TERM=xterm-256color (the session's) and no COLORTERM: 256 colours.
    let seen = screen_with(&[("COLORTERM", ""), ("BRIEF_COLORS", "")]);
    assert!(!seen.is_empty(), "some colour");
    assert!(!seen.iter().any(rgb), "{seen:?}");
    // COLORTERM=truecolor: 24-bit.
    let seen = screen_with(&[("COLORTERM", "truecolor"), ("BRIEF_COLORS", "")]);
    assert!(seen.iter().any(rgb), "{seen:?}");
    // Forced down to 16 colours.
    let seen = screen_with(&[("COLORTERM", "truecolor"), ("BRIEF_COLORS", "16")]);
    assert!(!seen.is_empty());
    assert!(
        seen.iter()
            .all(|c| matches!(c, vt100::Color::Idx(i) if *i < 16)),
        "{seen:?}"
    );
}
