//! The help overlay, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::theme::{basis_symbol, stance_symbol};
use super::{fit, pad, pane_block, strings};
use crate::app::{Action, App, Pane};
use crate::keymap::{Keymap, SCOPES, Scope, key_name, short_name};
// Drawn as Lines: tabs and line breaks show as spaces, not deleted.
use crate::model::text::one_line as inert;
use crate::model::{Basis, Stance};

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Everywhere => "Everywhere",
        Scope::In(Pane::Timeline) => "In the timeline",
        Scope::In(Pane::Actors) => "In actors and stances",
        Scope::In(Pane::Details) => "In details",
        Scope::In(Pane::Matrix) => "In the stance matrix (m)",
        Scope::In(Pane::Changes) => "In what changed (c)",
        Scope::In(Pane::IssueView) => "In one issue across the sides (i)",
        Scope::In(Pane::Disagreements) => "Where the sources disagree (d)",
        Scope::In(Pane::Source) => "In the source",
        Scope::In(Pane::Brief) => "In the brief (B): your pins and notes",
        Scope::Typing => "In the search palette (/) and find (Ctrl-f)",
    }
}

/// The help's lines with the default keys.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    lines_with(app, Keymap::builtin(), width)
}

/// The help's lines: how to start, every binding in force by scope, and a
/// legend.
pub fn lines_with(app: &App, keymap: &Keymap, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let b = &app.briefing;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let named = |action: Action| short_name(keymap.keys_of(action, Scope::Everywhere));
    let mut lines: Vec<Line> = strings::help_intro(
        &named(Action::Side(0)),
        &named(Action::Down),
        &named(Action::Back),
    )
    .into_iter()
    .map(Line::from)
    .collect();
    lines.push(Line::raw(""));
    for (_, scope) in SCOPES {
        lines.push(Line::styled(
            scope_name(scope),
            bold.add_modifier(Modifier::UNDERLINED),
        ));
        for binding in keymap.in_scope(scope) {
            // A binding the settings took every key from is not shown.
            if binding.keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = binding.keys.iter().map(key_name).collect();
            let mut desc = binding.desc.to_string();
            if let Action::Side(_) = binding.action {
                let names: Vec<String> = b
                    .sides
                    .iter()
                    .zip(&binding.keys)
                    .map(|(s, key)| format!("{} {}", key_name(key), inert(&s.name)))
                    .collect();
                desc = format!("{desc}: {}", names.join(", "));
            }
            lines.push(Line::from(vec![
                Span::styled(pad(&format!("  {}", keys.join(" ")), 16), t.key()),
                Span::raw(fit(&desc, width.saturating_sub(16))),
            ]));
        }
        if scope == Scope::Typing {
            search_filters(&mut lines, app, width);
        }
    }
    lines.push(Line::raw(""));
    lines.extend(strings::help_mouse(&named(Action::ToggleMouse)).map(Line::from));
    lines.extend(strings::help_editor(&named(Action::Annotate)).map(Line::from));
    lines.push(Line::raw(""));
    let mut sides = vec![Span::styled("Sides: ", bold)];
    for (i, s) in b.sides.iter().enumerate() {
        sides.push(Span::styled(
            format!("{} {}  ", app.letters[i], inert(&s.name)),
            t.side(Some(i)).add_modifier(Modifier::BOLD),
        ));
    }
    lines.extend(flow(sides, width));
    let mut stances = vec![Span::styled("Stances: ", bold)];
    for &s in Stance::ALL.iter() {
        stances.push(Span::styled(
            format!("{} {}  ", stance_symbol(s), s.word()),
            t.stance(s),
        ));
    }
    lines.extend(flow(stances, width));
    let mut bases = vec![Span::styled("Basis: ", bold)];
    for (b, meaning) in [
        (Basis::Stated, "stated: the actor's own words"),
        (
            Basis::Reported,
            "reported: a source reports it as their position",
        ),
        (
            Basis::Assessed,
            "assessed: an author infers it (A hides these)",
        ),
    ] {
        bases.push(Span::raw(format!("{} {meaning}  ", basis_symbol(b))));
    }
    bases.push(Span::raw("×N: how many sources support it"));
    lines.extend(flow(bases, width));
    for (name, legend) in [
        ("Dates: ", strings::HELP_DATES),
        ("Matrix: ", strings::HELP_MATRIX),
    ] {
        let mut spans = vec![Span::styled(name, bold)];
        spans.extend(
            legend
                .split(" · ")
                .map(|part| Span::raw(format!("{part} · "))),
        );
        lines.extend(flow(spans, width));
    }
    lines.push(Line::from(vec![
        Span::styled("In the source: ", bold),
        Span::styled("current", t.current()),
        Span::raw("  "),
        Span::styled("evidence", t.evidence()),
        Span::raw("  "),
        Span::styled("a quote", t.quote(Some(1))),
        Span::raw("  "),
        Span::styled("a mention", t.mention(Some(0))),
    ]));
    let close: Vec<String> = [Action::Back, Action::Help]
        .iter()
        .map(|a| crate::keymap::short_name(keymap.keys_of(*a, Scope::Everywhere)))
        .filter(|k| !k.is_empty())
        .collect();
    lines.push(Line::styled(strings::help_close(&close), t.dim()));
    lines
}

/// What a search query may hold, under the palette's keys.
fn search_filters(lines: &mut Vec<Line<'static>>, app: &App, width: usize) {
    for (keys, desc) in crate::search::FILTER_HELP {
        lines.push(Line::from(vec![
            Span::styled(pad(&format!("  {keys}"), 24), app.theme.key()),
            Span::raw(fit(desc, width.saturating_sub(24))),
        ]));
    }
}

/// Where the help goes on a screen of `area`, for `lines` lines of help.
fn place(area: Rect, lines: usize) -> Rect {
    let width = help_width(area);
    let height = (lines as u16)
        .saturating_add(2)
        .min(area.height.saturating_sub(2));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    Rect {
        x,
        y,
        width,
        height,
    }
}

fn help_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(90)
}

/// A legend's spans over as many rows as `width` needs (0: one row).
fn flow(spans: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if width > 0 && used + w > width && used > 0 {
            lines.push(Line::from("  "));
            used = 2;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push_span(span);
        }
    }
    lines
}

/// How far the help can scroll at the app's size (lines are cut, not
/// wrapped, so one line is one row).
pub fn max_scroll(app: &App) -> usize {
    let n = lines(app, help_width(app.size).saturating_sub(2) as usize).len();
    n.saturating_sub(place(app.size, n).height.saturating_sub(2) as usize)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, keymap: &Keymap) {
    let lines = lines_with(app, keymap, help_width(area).saturating_sub(2) as usize);
    let n = lines.len();
    let r = place(area, n);
    frame.render_widget(Clear, r);
    let scroll = app
        .help_scroll
        .min(n.saturating_sub(r.height.saturating_sub(2) as usize));
    let mut block = pane_block(Line::from(format!(" {} ", strings::HELP)), true, app);
    if n > r.height.saturating_sub(2) as usize {
        let scroll: Vec<String> = [Action::Down, Action::Up]
            .iter()
            .map(|a| crate::keymap::short_name(keymap.keys_of(*a, Scope::Everywhere)))
            .filter(|k| !k.is_empty())
            .collect();
        let more = strings::help_more(&scroll.join("/"));
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(block),
        r,
    );
}
