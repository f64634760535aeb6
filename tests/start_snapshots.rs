//! Whole screens of the picker, drawn with ratatui's TestBackend.

use std::time::{Duration, Instant};

use brief::app::start::Startup;
use brief::theme::Theme;
use ratatui::{Terminal, backend::TestBackend};

fn picker() -> Startup {
    // Relative, so the paths shown are the same on every machine.
    let mut s = Startup::pick(brief::library::candidates(
        None,
        Some(std::path::Path::new("tests/fixtures")),
    ));
    let until = Instant::now() + Duration::from_secs(60);
    while s.busy() {
        s.tick();
        assert!(Instant::now() < until, "the picker's lines never arrived");
        std::thread::sleep(Duration::from_millis(5));
    }
    s
}

fn screen(s: &Startup, width: u16, height: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    let hints = vec![("↓/j".to_string(), "down"), ("Enter".to_string(), "open")];
    t.draw(|f| brief::ui::start::draw(f, s, Theme::new(false), &hints))
        .unwrap();
    t.backend().to_string()
}

#[test]
fn the_picker_lists_every_briefing_with_its_title_subject_and_counts() {
    let mut s = picker();
    insta::assert_snapshot!("picker_100x30", screen(&s, 100, 30));
    // Far down the list, the selected briefing stays in view.
    for _ in 0..8 {
        s.update(brief::app::Action::Down);
    }
    let at = screen(&s, 80, 24);
    assert!(at.contains('▶'), "{at}");
    insta::assert_snapshot!("picker_80x24_scrolled", at);
}
