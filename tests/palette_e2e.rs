//! The palette end to end: the real binary in a pseudo-terminal, typing
//! "/zakharova troops", Enter, and her words highlighted in the article.

use std::process::Command;

mod common;

use common::Session;

/// Whether `word` shows somewhere with every cell in reverse video.
fn shown_reversed(s: &vt100::Screen, word: &str) -> bool {
    let (rows, cols) = (s.size().0.get(), s.size().1.get());
    let want: Vec<char> = word.chars().collect();
    (0..rows).any(|r| {
        let cells: Vec<(u16, String)> = (0..cols)
            .filter_map(|c| Some((c, s.cell(r, c)?.contents().to_string())))
            .collect();
        let chars: Vec<char> = cells
            .iter()
            .map(|(_, t)| t.chars().next().unwrap_or(' '))
            .collect();
        (0..chars.len().saturating_sub(want.len() - 1)).any(|x| {
            chars[x..x + want.len()] == want[..]
                && cells[x..x + want.len()]
                    .iter()
                    .all(|(c, _)| s.cell(r, *c).is_some_and(|cell| cell.inverse()))
        })
    })
}

#[test]
fn typing_zakharova_troops_and_enter_lands_on_her_words() {
    // What `brief search` ranks first is where Enter must land.
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["search", "-n", "1", "zakharova troops"])
        .output()
        .unwrap();
    let top = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = top.trim_end().split('\t').collect();
    assert_eq!(fields[0], "quote", "{top}");
    let (id, words) = (fields[1].to_string(), fields[2].to_string());
    let b = brief::cli::open(None).unwrap();
    assert_eq!(b.quote(&id).unwrap().speaker.as_str(), "zakharova");

    let mut s = Session::start(&[], 40, 120);
    s.wait_for("Timeline");
    s.press(b"/");
    s.wait_for("Search everything");
    s.press(b"zakharova troops");
    let first = words.split_whitespace().next().unwrap().to_string();
    s.wait_for(&first);
    s.press(b"\r");
    s.wait("the palette closed", |screen| {
        !screen.contents().contains("Search everything")
    });
    for word in words.split_whitespace() {
        s.wait(&format!("{word:?} highlighted"), |screen| {
            shown_reversed(screen, word)
        });
    }
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}

/// A left click at a screen cell (0-based), as an xterm sends it (SGR).
fn click(s: &mut Session, column: u16, row: u16) {
    let (x, y) = (column + 1, row + 1);
    s.press(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

#[test]
fn readline_keys_history_and_a_mouse_click() {
    let mut s = Session::start(&[], 40, 120);
    s.wait_for("Timeline");
    s.press(b"/");
    s.wait_for("Search everything");
    s.press(b"zakharova troops");
    s.wait_for("/ zakharova troops▏");
    // Ctrl-w deletes a word, Ctrl-a goes to the start, Ctrl-e to the end,
    // ← and → move, Ctrl-k deletes to the end, Ctrl-u to the start.
    s.press(b"\x17");
    s.wait_for("/ zakharova ▏");
    s.press(b"nato\x01'");
    s.wait_for("/ '▏zakharova nato");
    s.press(b"\x1b[C\x1b[C\x1b[D");
    s.wait_for("/ 'z▏akharova nato");
    s.press(b"\x0b");
    s.wait_for("/ 'z▏ ");
    s.press(b"\x05x\x15");
    s.wait_for("only quotes, events"); // the empty query shows the syntax
    s.press(b"backstop");
    s.wait_for("Willing to offer US support");
    s.press(b"\r");
    s.wait_until_gone("Search everything");
    // The last query comes back; typing replaces it.
    s.press(b"/");
    s.wait_for("/ backstop▏");
    s.press(b"alaska");
    s.wait_for("Trump–Putin summit in Alaska");
    s.press(b"\x1b");
    s.wait_until_gone("Search everything");
    s.press(b"/");
    s.wait_for("/ alaska▏");
    // Ctrl-r steps back to the query before.
    s.press(b"\x12");
    s.wait_for("/ backstop▏");
    s.wait_for("Willing to offer US support");
    // A click selects a row (reverse video), a second click goes there.
    let area = brief::ui::palette::area(ratatui::layout::Rect::new(0, 0, 120, 40));
    let (x, first) = (area.x + 2, area.y + 3);
    click(&mut s, x, first + 1);
    s.wait("the second row selected", |screen| {
        screen.cell(first + 1, x).is_some_and(|c| c.inverse())
            && !screen.cell(first, x).is_some_and(|c| c.inverse())
    });
    click(&mut s, x, first);
    click(&mut s, x, first);
    s.wait_until_gone("Search everything");
    s.wait("\"backstop\" highlighted", |screen| {
        shown_reversed(screen, "backstop")
    });
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
}
