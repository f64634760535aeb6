//! The details pane: the whole record of the current item, built by the
//! app when the item changes; here it is only drawn, scrolled.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{fit, focused, pane_block, strings};
use crate::app::{App, Pane};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.details;
    let title = if view.title.is_empty() {
        format!(" {} ", strings::DETAILS)
    } else {
        format!(" {} · {} ", strings::DETAILS, view.title)
    };
    let height = area.height.saturating_sub(2) as usize;
    let total = view.lines.len();
    let scroll = view.scroll.min(total.saturating_sub(height));
    let room = (area.width as usize).saturating_sub(4);
    let mut block = pane_block(
        Line::from(fit(&title, room)),
        focused(app, Pane::Details),
        app,
    );
    if total > height {
        let status = format!(
            " {} ",
            strings::lines_shown(scroll + 1, (scroll + height).min(total), total)
        );
        block = block.title_bottom(Line::from(fit(&status, room)).alignment(Alignment::Right));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible: Vec<Line> = view
        .lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    super::scrollbar(frame, area, total, height, scroll);
}
