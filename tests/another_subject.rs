//! A briefing on another subject than the bundled one (an invented
//! city-council dispute, `tests/fixtures/harbour-street`): it checks clean
//! and reads with its own five sides, their own letters and colours, on
//! keys 1–5.

use std::path::Path;
use std::process::Command;

use brief::app::App;
use brief::keymap::{Context, resolve};
use brief::model::Briefing;
use brief::ui::{self, theme::Theme};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Color;

mod common;

const DIR: &str = "tests/fixtures/harbour-street";

fn harbour_street() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    brief::cli::open(Some(&dir)).expect("the harbour-street fixture is valid")
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = resolve(key, &Context { focus: app.focus }) {
            app.update(action);
        }
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

/// The row of the screen that holds `text`, and the column it starts at.
fn find(terminal: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(text) {
            let x = row[..i].chars().count() as u16;
            return Some((y, x));
        }
    }
    None
}

#[test]
fn checks_clean_with_no_side_of_the_bundled_briefing() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", DIR])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout, format!("{DIR}: 0 error(s), 0 warning(s)\n"));
    let b = harbour_street();
    let sides: Vec<&str> = b.sides.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sides,
        ["council", "opposition", "residents", "chamber", "transit"]
    );
}

#[test]
fn its_sides_have_their_own_letters_and_colours() {
    let app = App::new(harbour_street(), Theme::new(true), Rect::new(0, 0, 100, 30));
    // The chamber set its letter; the others come from their names.
    assert_eq!(app.letters, ['C', 'O', 'R', 'B', 'T']);
    // The residents set their colour; no other side has it or any other's.
    let colours: Vec<Color> = (0..5)
        .map(|i| app.theme.side(Some(i)).fg.expect("a colour"))
        .collect();
    assert_eq!(colours[2], Color::Rgb(0xd0, 0xa0, 0xff));
    for (i, a) in colours.iter().enumerate() {
        for b in &colours[i + 1..] {
            assert_ne!(a, b, "{colours:?}");
        }
    }
}

#[test]
fn the_fourth_key_goes_to_the_fourth_side() {
    let mut app = App::new(harbour_street(), Theme::new(true), Rect::new(0, 0, 100, 30));
    press(&mut app, "4");
    let terminal = draw(&app);
    let (row, col) = find(&terminal, "B Chamber of Commerce  key 4").expect("the side's heading");
    // The heading is in the side's colour, which is the theme's for side 4.
    let cell = &terminal.backend().buffer()[(col, row)];
    assert_eq!(cell.fg, app.theme.side(Some(3)).fg.unwrap());
    assert!(
        find(&terminal, "Details · Actor").is_some(),
        "its first actor is current"
    );
    assert!(find(&terminal, "Lenhaven Chamber of Commerce").is_some());
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_names_this_briefings_sides_on_their_keys() {
    let mut app = App::new(harbour_street(), Theme::new(true), Rect::new(0, 0, 120, 60));
    press(&mut app, "?");
    let first_page = draw(&app).backend().to_string();
    assert!(
        first_page.contains("the briefing's first nine sides): 1 Counc"),
        "{first_page}"
    );
    // The whole help, as scrolling shows it.
    let screen: String = brief::ui::help::lines(&app, 116)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for words in [
        "Sides: C Council majority  O Opposition  R Residents of Old Quay",
        "B Chamber of Commerce  T Transit campaigners",
    ] {
        assert!(screen.contains(words), "{words:?} in {screen}");
    }
    for side in ["Kyiv", "Moscow", "Washington", "Coalition"] {
        assert!(!screen.contains(side), "{side} in {screen}");
    }
}

#[test]
fn opens_in_the_real_reader_and_key_five_reaches_the_fifth_side() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut s = common::Session::start(&["-b", &dir.display().to_string()], 30, 100);
    s.wait_for("The Harbour Street tram");
    s.press(b"5");
    s.wait_for("T Transit campaigners  key 5");
    s.wait_for("Ride Lenhaven");
    s.press(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}
