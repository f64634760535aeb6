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
