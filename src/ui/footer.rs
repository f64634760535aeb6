//! The footer: the keys that matter in the focused pane, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::keymap::{Context, hints};

/// Hints left out first when the footer is too narrow; help and quit stay.
const DROP_FIRST: [&str; 8] = ["[/]", "f/F", "Tab", "j/k", "1-9", "r", "u", "n/N"];

fn width(hints: &[(&str, &str)]) -> usize {
    hints.iter().map(|(k, w)| k.width() + w.width() + 3).sum()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let mut shown = hints(&Context { focus: app.focus });
    // Esc only matters when there is somewhere to go back to, and x when
    // there is a filter to clear.
    shown.retain(|(keys, _)| *keys != "Esc" || !app.back.is_empty() || app.reading);
    shown.retain(|(keys, _)| *keys != "x" || !app.filter.is_empty());
    for drop in DROP_FIRST {
        if width(&shown) <= area.width as usize {
            break;
        }
        shown.retain(|(keys, _)| *keys != drop);
    }
    let spans: Vec<Span> = shown
        .iter()
        .flat_map(|(keys, words)| {
            [
                Span::styled(format!(" {keys}"), t.key()),
                Span::raw(format!(" {words} ")),
            ]
        })
        .collect();
    frame.render_widget(Line::from(spans), area);
}
