//! The Brief view: the analyst's pins, notes and headings in their order,
//! and the inline note editor over any view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{fit, pane_block, strings};
use crate::app::App;
use crate::app::current::Item;
use crate::clipboard::one_line;
use crate::notes::{Entry, Kind};

/// How a pin reads in the list: its kind and words.
pub fn entry_label(app: &App, e: &Entry) -> (String, String) {
    let b = &app.briefing;
    let kind = match e.kind {
        Kind::Event => "event",
        Kind::Actor => "actor",
        Kind::Position => "position",
        Kind::Quote => "quote",
        Kind::Issue => "issue",
        Kind::Discrepancy => "disagreement",
        Kind::Source => "source",
        Kind::Passage => "passage",
        Kind::Heading => "",
    };
    let words = match e.resolve(b) {
        Some(Item::Quote(q)) => {
            let quote = &b.quotes[q];
            let who = b
                .actor(&quote.speaker)
                .map_or(quote.speaker.as_str(), |a| a.name.as_str());
            format!("“{}” — {who}", quote.text.trim())
        }
        Some(Item::Event(ev)) => format!(
            "{} {}",
            b.event_when(ev).label(),
            b.events[ev].title.as_str()
        ),
        Some(Item::Position(p)) => {
            let pos = &b.positions[p];
            let who = b.actor(&pos.actor).map_or("", |a| a.name.as_str());
            format!("{who}: {} — {}", pos.stance.word(), pos.summary.trim())
        }
        Some(Item::Passage { source, .. }) => {
            format!("“{}” — {}", e.excerpt, b.sources[source].name())
        }
        Some(_) => e.excerpt.clone(),
        None if e.is_heading() => e.excerpt.clone(),
        None => format!("{} — {}", strings::ORPHANED, e.excerpt),
    };
    (kind.to_string(), one_line(&words))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let entries = &app.prep.notes.entries;
    let pins = entries.iter().filter(|e| !e.is_heading()).count();
    let title = format!(" {} · {pins} pinned ", strings::BRIEF);
    frame.render_widget(Clear, area);
    let width = area.width.saturating_sub(4) as usize;
    let block = pane_block(Line::from(fit(&title, width)), true, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    if entries.is_empty() {
        lines.push(Line::styled(fit(strings::NO_PINS, width), t.dim()));
    }
    let sel = app.prep.selected.min(entries.len().saturating_sub(1));
    for (i, e) in entries.iter().enumerate().skip(app.prep.offset) {
        if lines.len() >= inner.height as usize {
            break;
        }
        let mark = if i == sel { "› " } else { "  " };
        let mut line = if e.is_heading() {
            Line::from(vec![
                Span::raw(mark),
                Span::styled(
                    fit(&one_line(&e.excerpt), width.saturating_sub(2)),
                    t.title()
                        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ),
            ])
        } else {
            let (kind, words) = entry_label(app, e);
            let orphan = e.resolve(&app.briefing).is_none();
            let kind = format!("{kind:<12} ");
            let room = width.saturating_sub(2 + kind.chars().count());
            Line::from(vec![
                Span::raw(mark),
                Span::styled(kind, t.dim()),
                Span::styled(
                    fit(&words, room),
                    if orphan {
                        t.dim().add_modifier(Modifier::ITALIC)
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
            ])
        };
        if i == sel {
            line = line.style(t.selected());
        }
        lines.push(line);
        if !e.is_heading() && !e.note.is_empty() {
            lines.push(Line::from(vec![
                Span::raw("    ✎ "),
                Span::styled(fit(&one_line(&e.note), width.saturating_sub(6)), t.key()),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The inline note editor, a box at the foot of the screen.
pub fn draw_editor(frame: &mut Frame, body: Rect, app: &App) {
    let Some(editor) = &app.prep.editor else {
        return;
    };
    let t = app.theme;
    let height = body.height.min(7);
    let area = Rect {
        y: body.y + body.height.saturating_sub(height),
        height,
        ..body
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(t.focused())
        .title(Line::styled(format!(" {} ", strings::NOTE), t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.area, inner);
}
