//! The actors pane: actors grouped by side with their roles; under the
//! selected actor, their stances on each issue, earlier ones first, then
//! what they said.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::{basis_symbol, stance_symbol};
use super::{fit, focused, pane_block, strings};
use crate::app::lists::{ActorRow, Standing, actor_rows};
use crate::app::{App, Pane};
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let b = &app.briefing;
    let t = app.theme;
    let is_focused = focused(app, Pane::Actors);
    let block = pane_block(
        Line::from(format!(" {} ", strings::ACTORS)),
        is_focused,
        app,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;

    let rows = actor_rows(app);
    let mut lines = Vec::new();
    for row in rows
        .iter()
        .skip(app.actors_offset)
        .take(inner.height as usize)
    {
        // The cursor's row reads as selected when it is the current item.
        let selected = row.sel() == Some(app.actor) && app.current.actor_row() == Some(app.actor);
        let line = match *row {
            ActorRow::Side(s) => {
                let style = t.side(Some(s)).add_modifier(Modifier::BOLD);
                // The first nine sides have a key of their own; say which.
                let key = if s < 9 {
                    strings::side_key(s)
                } else {
                    String::new()
                };
                let name = fit(
                    &inert(&b.sides[s].name),
                    width.saturating_sub(2 + key.width()),
                );
                Line::from(vec![
                    Span::styled(format!("{} ", app.letters[s]), style),
                    Span::styled(name, style.add_modifier(Modifier::UNDERLINED)),
                    Span::styled(key, t.dim()),
                ])
            }
            ActorRow::Actor(a) => {
                let actor = &b.actors[a];
                let name = fit(&inert(&actor.name), width.saturating_sub(2));
                let role = fit(&inert(&actor.role), width.saturating_sub(name.width() + 5));
                let mut spans = vec![
                    Span::raw(if selected { "› " } else { "  " }),
                    Span::styled(name, Style::new().add_modifier(Modifier::BOLD)),
                ];
                if !role.is_empty() {
                    spans.push(Span::styled(format!(" · {role}"), t.dim()));
                }
                Line::from(spans)
            }
            ActorRow::Issue(i) => {
                let title = b
                    .issues
                    .get(i)
                    .map_or("?".into(), |x| inert(&x.title).into_owned());
                Line::from(Span::styled(
                    fit(&format!("    {title}"), width),
                    Style::new().add_modifier(Modifier::ITALIC),
                ))
            }
            ActorRow::Position(p, standing) => {
                let pos = &b.positions[p];
                let style = t.stance(pos.stance);
                // The stance, who holds it (basis) and how many sources say so.
                let support = b.position_support(p).count();
                let stance = format!(
                    "{} {} {}×{support}",
                    stance_symbol(pos.stance),
                    pos.stance.word(),
                    basis_symbol(pos.basis)
                );
                let note = match standing {
                    Standing::Current => String::new(),
                    Standing::Earlier => format!(" ({})", strings::EARLIER),
                    Standing::Undated => format!(" ({})", strings::UNDATED),
                };
                let room = width.saturating_sub(6 + stance.width() + note.width() + 3);
                let spans = vec![
                    Span::raw(if selected { "    › " } else { "      " }),
                    Span::styled(stance, style),
                    Span::styled(note, t.dim()),
                    Span::styled(
                        format!(" · {}", fit(&b.position_when(p).label(), room)),
                        t.dim(),
                    ),
                ];
                Line::from(spans)
            }
            ActorRow::Quotes => Line::from(Span::styled(
                fit(&format!("    {}", strings::QUOTES), width),
                Style::new().add_modifier(Modifier::ITALIC),
            )),
            ActorRow::Quote(q) => {
                let quote = &b.quotes[q];
                let when = format!(" · {}", b.quote_when(q).label());
                // The words come first: the date gets at most a third of the row.
                let when = fit(&when, (width / 3).max(8));
                let room = width.saturating_sub(6 + when.width());
                let text = fit(&format!("“{}”", inert(quote.text.trim())), room);
                Line::from(vec![
                    Span::raw(if selected { "    › " } else { "      " }),
                    Span::raw(text),
                    Span::styled(when, t.dim()),
                ])
            }
        };
        lines.push(if selected {
            line.style(if is_focused {
                t.selected()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            })
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
