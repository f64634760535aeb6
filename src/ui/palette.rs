//! The `/` palette overlay and the find prompt. Matched characters are
//! highlighted whole grapheme by grapheme: the matcher's indices are chars,
//! and a grapheme (an accented letter, a flag, a family emoji) may be several.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::theme::{basis_symbol, stance_symbol};
use super::{fit, pad, pane_block, strings};
use crate::app::App;
use crate::app::palette::Palette;
// Every field drawn here is one line: tabs and line breaks show as spaces.
use crate::model::text::one_line as inert;
use crate::search::{FILTER_HELP, Hit, Item, Target};

/// Where the palette goes on a screen of `size`.
pub fn area(size: Rect) -> Rect {
    crate::layout::palette_area(size)
}

/// `text` in at most `width` columns with the chars at `marked` (char
/// indices, sorted) in `mark`, cut from the right with `…`. When the first
/// mark would fall outside, the start is cut (shown as `…`) so that the
/// match is in view.
pub fn highlighted(
    text: &str,
    marked: &[usize],
    base: Style,
    mark: Style,
    width: usize,
) -> Vec<Span<'static>> {
    cut(text, marked, base, mark, width, true)
}

/// The same, always from the start: for columns that must line up.
fn cut_right(
    text: &str,
    marked: &[usize],
    base: Style,
    mark: Style,
    width: usize,
) -> Vec<Span<'static>> {
    cut(text, marked, base, mark, width, false)
}

fn cut(
    text: &str,
    marked: &[usize],
    base: Style,
    mark: Style,
    width: usize,
    scroll: bool,
) -> Vec<Span<'static>> {
    let text = inert(text);
    // (grapheme, is marked)
    let mut graphemes: Vec<(&str, bool)> = Vec::new();
    let mut char_at = 0;
    for g in text.graphemes(true) {
        let n = g.chars().count();
        let hit = marked.iter().any(|&i| i >= char_at && i < char_at + n);
        graphemes.push((g, hit));
        char_at += n;
    }
    let mut start = 0;
    if scroll && let Some(first) = graphemes.iter().position(|g| g.1) {
        let before: usize = graphemes[..first].iter().map(|g| g.0.width()).sum();
        if before + 8 > width {
            start = first.saturating_sub(6);
        }
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    for (i, &(g, hit)) in graphemes.iter().enumerate().skip(start) {
        let w = g.width();
        let last = i + 1 == graphemes.len();
        if used + w + usize::from(!last) > width {
            spans.push(Span::styled("…", base));
            break;
        }
        used += w;
        let style = if hit { base.patch(mark) } else { base };
        match spans.last_mut() {
            Some(s) if s.style == style && s.content != "…" => s.content.to_mut().push_str(g),
            _ => spans.push(Span::styled(g.to_string(), style)),
        }
    }
    spans
}

/// The keys the palette's bottom border names.
const KEYS: &str = " ↑/↓ move · Enter go · Ctrl-r history · Ctrl-t all · Esc back ";

/// "12 shown · 40 hidden": the count beside the prompt.
fn count(p: &Palette) -> String {
    let (shown, total) = (p.results.shown(), p.results.total());
    let hidden = total - shown.min(total);
    match (hidden, p.all) {
        (0, _) => strings::results(total, total),
        (h, false) => format!("{shown} shown · {h} hidden (Ctrl-t)"),
        (h, true) => format!("{total} shown · {h} below the cut"),
    }
}

/// Widths of a row's columns: kind, label, who/where, date.
const KIND: usize = 12;
const DATE: usize = 15;

/// What a row shows beside its label, styled, with the matched chars of
/// a speaker marked: a stance and side for positions, a side and speaker
/// for quotes, outlet and title for sentences.
fn who(app: &App, item: &Item, hit: &Hit, base: Style, width: usize) -> Vec<Span<'static>> {
    let t = app.theme;
    let b = &app.briefing;
    let dim = base.patch(t.dim());
    let side_of = |actor: &str| {
        let side = b
            .actor_index(actor)
            .and_then(|a| b.side_index(&b.actors[a].side));
        let letter = side
            .and_then(|s| app.letters.get(s))
            .copied()
            .unwrap_or(' ');
        (side, letter)
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let speaker = |spans: &mut Vec<Span<'static>>, used: usize, actor: &str| {
        let (side, letter) = side_of(actor);
        spans.push(Span::styled(
            letter.to_string(),
            base.patch(t.side(side)).bold(),
        ));
        spans.push(Span::styled(" ", base));
        let name = item.speaker().unwrap_or_default();
        spans.extend(cut_right(
            name,
            hit.field_highlights(1),
            dim,
            t.matched(),
            width.saturating_sub(used + 2),
        ));
    };
    match &item.target {
        Target::Position(i) => {
            let pos = &b.positions[*i];
            // The stance and who holds that it is held (never colour alone).
            let stance = format!(
                "{} {} {} ",
                stance_symbol(pos.stance),
                pos.stance.word(),
                basis_symbol(pos.basis)
            );
            used += stance.width();
            spans.push(Span::styled(
                fit(&stance, width),
                base.patch(t.stance(pos.stance)),
            ));
            speaker(&mut spans, used, &pos.actor);
        }
        Target::Quote(i) => speaker(&mut spans, 0, &b.quotes[*i].speaker),
        Target::Sentence { source, .. } | Target::Source(source) => {
            let s = &b.sources[*source];
            let text = if matches!(item.target, Target::Source(_)) {
                s.outlet.clone()
            } else {
                format!("{} · {}", s.outlet, s.title)
            };
            spans.extend(cut_right(&text, &[], dim, t.matched(), width));
        }
        Target::Discrepancy(i) => {
            let n = b.discrepancies[*i].accounts.len();
            spans.extend(cut_right(
                &format!("{n} accounts"),
                &[],
                dim,
                t.matched(),
                width,
            ));
        }
        Target::Event(_) | Target::Actor(_) | Target::Issue(_) => {}
    }
    spans
}

fn row(app: &App, hit: &Hit, width: usize, selected: bool) -> Line<'static> {
    let t = app.theme;
    let Some(e) = &app.search.engine else {
        return Line::default();
    };
    let item = &e.corpus.items[hit.item];
    let base = if selected { t.selected() } else { Style::new() };
    let who_width = (width / 4).clamp(0, 36);
    let label_width = width.saturating_sub(KIND + who_width + DATE + 2);
    let mut spans = vec![Span::styled(
        pad(item.kind.word(), KIND),
        base.patch(t.key()),
    )];
    let label = highlighted(
        item.label(),
        hit.field_highlights(0),
        base,
        t.matched(),
        label_width,
    );
    let column = |spans: &mut Vec<Span<'static>>, upto: usize| {
        let used: usize = spans.iter().map(Span::width).sum();
        spans.push(Span::styled(" ".repeat(upto.saturating_sub(used)), base));
    };
    spans.extend(label);
    column(&mut spans, KIND + label_width + 2);
    spans.extend(who(app, item, hit, base, who_width));
    column(&mut spans, KIND + label_width + 2 + who_width);
    let date = item
        .date
        .as_ref()
        .map(|d| crate::model::When::of(d).label())
        .unwrap_or_default();
    let date = format!("{:>w$}", fit(&date, DATE), w = DATE);
    spans.push(Span::styled(date, base.patch(t.dim())));
    column(&mut spans, width);
    Line::from(spans)
}

/// The query line: the text with a cursor where it is, or all of it
/// selected when typing would replace it.
fn prompt(app: &App, p: &Palette) -> Vec<Span<'static>> {
    let t = app.theme;
    let input = inert(&p.input).into_owned();
    let mut spans = vec![Span::styled("/ ", t.title())];
    if p.replace {
        spans.push(Span::styled(input, t.title().reversed()));
        spans.push(Span::styled("▏", t.title()));
        return spans;
    }
    let at = input
        .char_indices()
        .nth(p.cursor)
        .map_or(input.len(), |(i, _)| i);
    spans.push(Span::styled(input[..at].to_string(), t.title()));
    spans.push(Span::styled("▏", t.title()));
    spans.push(Span::styled(input[at..].to_string(), t.title()));
    spans
}

fn lines(app: &App, p: &Palette, width: usize, rows: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let count = if app.indexing() {
        strings::INDEXING.to_string()
    } else if p.pending {
        strings::SEARCHING.to_string()
    } else if p.input.trim().is_empty() {
        String::new()
    } else {
        count(p)
    };
    let mut first = prompt(app, p);
    let used: usize = first.iter().map(Span::width).sum();
    first.push(Span::raw(
        " ".repeat(width.saturating_sub(used + count.width())),
    ));
    first.push(Span::styled(count, t.dim()));
    let mut out = vec![Line::from(first)];
    out.push(Line::styled("─".repeat(width), t.dim()));
    if p.input.trim().is_empty() {
        out.extend(FILTER_HELP.iter().map(|(k, d)| {
            Line::from(vec![
                Span::styled(pad(&format!("  {k}"), 26), t.key()),
                Span::raw(fit(d, width.saturating_sub(26))),
            ])
        }));
        return out;
    }
    let end = (p.offset + rows).min(p.hits.len()).min(p.listed());
    for (i, hit) in p.hits[p.offset.min(end)..end].iter().enumerate() {
        out.push(row(app, hit, width, p.offset + i == p.selected));
    }
    out
}

pub fn draw(frame: &mut Frame, size: Rect, app: &App) {
    let Some(p) = &app.search.palette else { return };
    let area = area(size);
    let block = pane_block(Line::from(format!(" {} ", strings::PALETTE)), true, app)
        .title_bottom(Line::from(KEYS).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let rows = inner.height.saturating_sub(2) as usize;
    frame.render_widget(
        Paragraph::new(lines(app, p, inner.width as usize, rows)),
        inner,
    );
}

/// The find prompt, in place of the footer while typing.
pub fn draw_find_prompt(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let prompt = format!(" {} {}▏", strings::FIND, inert(&app.search.find.input));
    let status = find_status(app).unwrap_or_default();
    let keys = strings::FIND_KEYS;
    let gap =
        (area.width as usize).saturating_sub(prompt.width() + status.width() + keys.width() + 2);
    let line = Line::from(vec![
        Span::styled(prompt, t.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(status, t.key()),
        Span::raw("  "),
        Span::styled(keys, t.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// "3/12" while matches are highlighted in the source.
pub fn find_status(app: &App) -> Option<String> {
    let typed = !app.search.find.input.is_empty();
    if !typed && !app.found_active() {
        return None;
    }
    Some(strings::found(
        app.source.found_current,
        app.source.found.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    /// The marked text of each run of marked spans.
    fn marked(text: &str, chars: &[usize], width: usize) -> Vec<String> {
        let mark = Style::new().add_modifier(Modifier::UNDERLINED);
        highlighted(text, chars, Style::new(), mark, width)
            .into_iter()
            .filter(|s| s.style == mark)
            .map(|s| s.content.into_owned())
            .collect()
    }

    #[test]
    fn marks_land_on_cyrillic_cjk_and_emoji() {
        let text = "Глава МИД 🇺🇦 东京 👩‍👩‍👧 end";
        let idx = |sub: &str| {
            let at = text.find(sub).unwrap();
            let first = text[..at].chars().count();
            (first..first + sub.chars().count()).collect::<Vec<_>>()
        };
        assert_eq!(marked(text, &idx("МИД"), 80), ["МИД"]);
        assert_eq!(marked(text, &idx("东京"), 80), ["东京"]);
        // One char of a flag or a family marks the whole grapheme.
        assert_eq!(marked(text, &idx("🇺🇦")[..1], 80), ["🇺🇦"]);
        assert_eq!(marked(text, &idx("👩‍👩‍👧")[2..3], 80), ["👩‍👩‍👧"]);
        assert_eq!(marked(text, &idx("end"), 80), ["end"]);
    }

    #[test]
    fn a_late_match_is_scrolled_into_view() {
        let text = format!("{} Zakharova", "word ".repeat(30));
        let first = text.find('Z').unwrap();
        let spans = highlighted(&text, &[first], Style::new(), Style::new().bold(), 20);
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(shown.starts_with('…') && shown.contains('Z'), "{shown}");
        assert!(shown.width() <= 20);
    }
}
