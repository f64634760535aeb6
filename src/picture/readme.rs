//! The frame the README shows: the reader on the bundled briefing, with a
//! stance selected and the words it rests on highlighted in its source,
//! reached as a person would: `2` (the second side, Moscow), then `j` `j`
//! onto Russia ruling out foreign troops in Ukraine, in its own words.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{Action, App};
use crate::model::Briefing;
use crate::theme::Theme;

/// The size of the picture, in cells.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 36;

/// Where the picture is kept, from the repository's root.
pub const PATH: &str = "assets/reader.svg";

/// The command that draws it again.
pub const COMMAND: &str = "cargo run --example picture -- assets/reader.svg";

/// What is done after opening the reader, in order.
pub const ACTIONS: &[Action] = &[Action::Side(1), Action::Down, Action::Down];

/// The reader on `briefing` after [`ACTIONS`], drawn at [`WIDTH`] ×
/// [`HEIGHT`] in 24-bit colour on a dark background, whatever the terminal.
pub fn frame(briefing: Briefing) -> Buffer {
    let size = Rect::new(0, 0, WIDTH, HEIGHT);
    let mut app = App::new(briefing, Theme::new(true), size);
    for &action in ACTIONS {
        app.update(action);
    }
    let mut terminal =
        Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test backend never fails");
    terminal
        .draw(|frame| crate::ui::draw(frame, &app))
        .expect("a test backend never fails");
    terminal.backend().buffer().clone()
}
