//! The footer: the keys that matter in the focused pane, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::{Action, Pane};
use crate::keymap::{Context, Hint, Keymap};
use crate::model::text::inert;

/// Hints left out first when the footer is too narrow; help and quit stay.
/// The views' keys go before the moving ones, which a new user needs most.
const DROP_FIRST: [Action; 13] = [
    Action::NextSource,
    Action::FilterActor,
    Action::ToggleMentions,
    Action::OpenView(Pane::Disagreements),
    Action::OpenView(Pane::Matrix),
    Action::ToggleReading,
    Action::NextHighlight,
    Action::OpenFind,
    Action::Back,
    Action::FocusNext,
    Action::Side(0),
    Action::Down,
    Action::Open,
];

fn width(hints: &[Hint]) -> usize {
    hints
        .iter()
        .map(|h| h.keys.width() + h.words.width() + 3)
        .sum()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, keymap: &Keymap) {
    let t = app.theme;
    if app.editing_note() {
        let line = Line::styled(format!(" {}", crate::strings::EDITOR_KEYS), t.key());
        return frame.render_widget(line, area);
    }
    if let Some(message) = &app.prep.message {
        let line = Line::styled(format!(" {}", inert(message)), t.filter());
        return frame.render_widget(line, area);
    }
    let mut shown = keymap.hints(&Context { focus: app.focus });
    // Back only matters when there is somewhere to go back to, and
    // clearing the filters when there is a filter to clear.
    shown.retain(|h| h.action != Action::Back || !app.back.is_empty() || app.reading);
    shown.retain(|h| h.action != Action::ClearFilters || !app.filter.is_empty());
    for drop in DROP_FIRST {
        if width(&shown) <= area.width as usize {
            break;
        }
        shown.retain(|h| h.action != drop);
    }
    let spans: Vec<Span> = shown
        .iter()
        .flat_map(|h| {
            [
                Span::styled(format!(" {}", h.keys), t.key()),
                Span::raw(format!(" {} ", h.words)),
            ]
        })
        .collect();
    frame.render_widget(Line::from(spans), area);
}
