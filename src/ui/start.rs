//! The screens before a briefing is open: the picker and the loading gauge.
//! Both are drawn at once, whatever the size of what is being read.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Gauge, Paragraph};

use super::{fit, strings};
use crate::app::start::{Loading, Picker, Slot, Startup};
use crate::model::text::one_line as inert;
use crate::theme::Theme;

/// A footer hint: the keys, as the keymap in force names them, and what they do.
pub type Hint = (String, &'static str);

/// Draws whichever screen starting up is on; `hints` go in the last row.
pub fn draw(frame: &mut Frame, s: &Startup, theme: Theme, hints: &[Hint]) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let [body, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match (&s.loading, &s.picker) {
        (Some(l), _) => loading(frame, body, l, theme),
        (None, Some(p)) => picker(frame, body, p, theme),
        (None, None) => {}
    }
    let mut spans = Vec::new();
    for (keys, words) in hints {
        spans.push(Span::styled(format!(" {keys}"), theme.title()));
        spans.push(Span::styled(format!(" {words} "), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), foot);
}

fn loading(frame: &mut Frame, area: Rect, l: &Loading, theme: Theme) {
    let width = area.width.clamp(1, 60);
    let box_ = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(5) / 2,
        width,
        height: area.height.min(5),
    };
    let title = format!(" {} {} ", strings::LOADING, inert(&l.name));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focused())
        .title(Span::styled(
            fit(&title, width.saturating_sub(2) as usize),
            theme.title(),
        ));
    let inner = block.inner(box_);
    frame.render_widget(block, box_);
    let ratio = l.progress.ratio();
    let label = format!("{:.0}% · {}", ratio * 100.0, l.progress.stage());
    let [_, gauge, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.focused())
            .ratio(ratio)
            .label(fit(&label, inner.width as usize)),
        gauge,
    );
}

fn picker(frame: &mut Frame, area: Rect, p: &Picker, theme: Theme) {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focused())
        .title(Span::styled(
            format!(
                " {} · {} of {} ",
                strings::PICKER,
                p.selected + 1,
                p.slots.len()
            ),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, message] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    // Three lines a briefing and one between; the selected one stays in view.
    let per = 4usize;
    let fits = ((list.height as usize + 1) / per).max(1);
    let first = p.selected.saturating_sub(fits - 1);
    let width = list.width as usize;
    let name_width = p
        .slots
        .iter()
        .map(|s| s.candidate.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let mut lines = Vec::new();
    for (i, slot) in p.slots.iter().enumerate().skip(first).take(fits) {
        let selected = i == p.selected;
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        for (n, text) in slot_lines(slot, name_width).into_iter().enumerate() {
            let marker = match (selected, n) {
                (true, 0) => "▶ ",
                _ => "  ",
            };
            let line_style = if n == 0 {
                style.add_modifier(Modifier::BOLD)
            } else if selected {
                style
            } else {
                theme.dim()
            };
            let text = fit(&format!("{marker}{text}"), width);
            lines.push(Line::styled(format!("{text:width$}"), line_style));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(m) = &p.message {
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&inert(m), width), theme.title()))
                .alignment(Alignment::Left),
            message,
        );
    }
}

/// A briefing's three lines: name, as of and title; its subject; its
/// counts (or errors) and where it is.
fn slot_lines(slot: &Slot, name_width: usize) -> [String; 3] {
    let name = inert(&slot.candidate.name);
    let place = match &slot.candidate.path {
        Some(p) => inert(&p.display().to_string()).into_owned(),
        None => "built in".to_string(),
    };
    let pad = " ".repeat(name_width);
    let Some(e) = &slot.entry else {
        return [
            format!("{name:name_width$}  {}", strings::PICKER_READING),
            String::new(),
            format!("{pad}  {place}"),
        ];
    };
    let state = match e.errors {
        0 => format!("{} · {place}", e.state()),
        _ => e.state(),
    };
    [
        format!(
            "{name:name_width$}  {:12}  {}",
            inert(&e.as_of),
            inert(&e.title)
        ),
        format!("{pad}  {}", inert(&e.subject)),
        format!("{pad}  {state}"),
    ]
}
