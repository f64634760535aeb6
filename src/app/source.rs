//! The source pane's state: which words the selection rests on, the
//! highlights of the open source, and its styled, wrapped rows, built when
//! the selection or the width changes and never while drawing.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::wrap::{self, shown};
use crate::model::Briefing;
use crate::theme::Theme;

/// Words in a source that the selection rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub source: usize,
    pub range: Range<usize>,
    pub quote: Option<usize>,
}

/// A highlight in the open source: a quote, evidence of the selection, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub quote: Option<usize>,
    pub link: bool,
}

/// How the source is drawn: the colours, whether actors' names are
/// underlined, and whether paragraphs are kept apart by an empty row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub theme: Theme,
    pub mentions: bool,
    pub apart: bool,
}

#[derive(Debug, Clone, Default)]
pub struct SourceView {
    pub links: Vec<Link>,
    pub link: usize,
    pub source: Option<usize>,
    pub marks: Vec<Mark>,
    /// The strongly highlighted mark.
    pub current: Option<usize>,
    /// Byte ranges of the wrapped rows, and their styled text.
    pub rows: Vec<Range<usize>>,
    pub lines: Vec<Line<'static>>,
    pub scroll: usize,
    /// The reading place: the first byte the reader chose to see. Wrapping
    /// anew keeps it; only scrolling and new words move it.
    pub anchor: usize,
    pub width: usize,
    /// Matches of find-in-source or of the palette, highlighted above all.
    pub found: Vec<Range<usize>>,
    pub found_current: Option<usize>,
}

pub fn quote_link(b: &Briefing, q: usize) -> Option<Link> {
    let quote = &b.quotes[q];
    Some(Link {
        source: b.source_index(&quote.source)?,
        range: quote.range.clone()?,
        quote: Some(q),
    })
}

fn excerpt_links<'a>(
    b: &'a Briefing,
    xs: &'a [crate::model::Excerpt],
) -> impl Iterator<Item = Link> + 'a {
    xs.iter().filter_map(|x| {
        Some(Link {
            source: b.source_index(&x.source)?,
            range: x.range.clone()?,
            quote: None,
        })
    })
}

/// An event's evidence, then the quotes spoken at it.
pub fn event_links(b: &Briefing, e: usize) -> Vec<Link> {
    let ev = &b.events[e];
    let quotes = (0..b.quotes.len()).filter(|&q| b.quotes[q].event.as_ref() == Some(&ev.id));
    excerpt_links(b, &ev.evidence)
        .chain(quotes.filter_map(|q| quote_link(b, q)))
        .collect()
}

/// Each account of a discrepancy, in the order the file gives them.
pub fn discrepancy_links(b: &Briefing, d: usize) -> Vec<Link> {
    b.discrepancies[d]
        .accounts
        .iter()
        .filter_map(|a| {
            Some(Link {
                source: b.source_index(&a.source)?,
                range: a.range.clone()?,
                quote: None,
            })
        })
        .collect()
}

/// A position's quotes, then its evidence.
pub fn position_links(b: &Briefing, p: usize) -> Vec<Link> {
    let pos = &b.positions[p];
    let quotes = pos
        .quotes
        .iter()
        .filter_map(|q| b.quote_index(q))
        .filter_map(|q| quote_link(b, q));
    quotes.chain(excerpt_links(b, &pos.evidence)).collect()
}

impl SourceView {
    /// Shows a new selection's words, opening the source of link `at`.
    pub fn show(
        &mut self,
        b: &Briefing,
        look: Look,
        links: Vec<Link>,
        at: usize,
        width: usize,
        height: usize,
    ) {
        self.links = links;
        self.source = None;
        self.go_link(b, look, at, width, height);
    }

    fn go_link(&mut self, b: &Briefing, look: Look, at: usize, width: usize, height: usize) {
        self.link = at;
        let Some(link) = self.links.get(at).cloned() else {
            self.current = None;
            return;
        };
        if self.source != Some(link.source) {
            self.source = Some(link.source);
            (self.found, self.found_current) = (Vec::new(), None);
            self.marks = marks(b, link.source, &self.links);
            self.rows = wrap::wrap(&b.sources[link.source].text, width, look.apart);
            self.width = width;
            self.scroll = 0;
            self.anchor = 0;
        }
        self.current = self.marks.iter().position(|m| m.range == link.range);
        self.restyle(b, look);
        self.scroll_to_current(height);
    }

    /// `[` and `]`: the previous or next source of the selection.
    pub fn step_source(
        &mut self,
        b: &Briefing,
        look: Look,
        delta: isize,
        width: usize,
        height: usize,
    ) {
        let mut sources: Vec<usize> = Vec::new();
        for l in &self.links {
            if !sources.contains(&l.source) {
                sources.push(l.source);
            }
        }
        let Some(here) = self
            .source
            .and_then(|s| sources.iter().position(|&x| x == s))
        else {
            return;
        };
        let to = sources[(here as isize + delta).rem_euclid(sources.len() as isize) as usize];
        if let Some(at) = self.links.iter().position(|l| l.source == to) {
            self.go_link(b, look, at, width, height);
        }
    }

    /// n and N: the next or previous highlight in this source, wrapping.
    pub fn step_mark(
        &mut self,
        b: &Briefing,
        look: Look,
        delta: isize,
        width: usize,
        height: usize,
    ) {
        if self.marks.is_empty() {
            return;
        }
        let n = self.marks.len() as isize;
        let next = match self.current {
            Some(c) => (c as isize + delta).rem_euclid(n) as usize,
            // With nothing current, start from what is on screen.
            None => {
                let top = self.rows.get(self.scroll).map_or(0, |r| r.start);
                let after = self
                    .marks
                    .iter()
                    .position(|m| m.range.start >= top)
                    .unwrap_or(0);
                if delta > 0 {
                    after
                } else {
                    (after as isize - 1).rem_euclid(n) as usize
                }
            }
        };
        self.current = Some(next);
        if self.width != width {
            self.relayout(b, look, width, height);
        }
        self.restyle(b, look);
        self.scroll_to_current(height);
    }

    /// Highlights `found` (byte ranges of the open source) and scrolls the
    /// current one a third of the way down.
    pub fn set_found(
        &mut self,
        b: &Briefing,
        look: Look,
        found: Vec<Range<usize>>,
        current: Option<usize>,
        height: usize,
    ) {
        self.found = found;
        self.found_current = current.filter(|&c| c < self.found.len());
        self.restyle(b, look);
        if let Some(r) = self.found_current.map(|c| &self.found[c]) {
            let row = wrap::row_of(&self.rows, r.start);
            self.scroll_to_row(row.saturating_sub(height / 3), height);
        }
    }

    pub fn current_quote(&self) -> Option<usize> {
        self.marks.get(self.current?)?.quote
    }

    /// Re-wraps for a new width or look, keeping the reading place: the
    /// first character the reader chose to see stays at the top (as near
    /// as the end of the text allows).
    pub fn relayout(&mut self, b: &Briefing, look: Look, width: usize, height: usize) {
        let Some(s) = self.source else { return };
        self.rows = wrap::wrap(&b.sources[s].text, width, look.apart);
        self.width = width;
        self.restyle(b, look);
        self.scroll = wrap::row_of(&self.rows, self.anchor).min(self.max_scroll(height));
    }

    /// The byte offset of the reading place.
    pub fn anchor(&self) -> usize {
        self.anchor
    }

    /// Scrolls so that the row holding byte `anchor` is the top row.
    pub fn scroll_to_anchor(&mut self, anchor: usize, height: usize) {
        self.scroll = wrap::row_of(&self.rows, anchor).min(self.max_scroll(height));
        self.anchor = anchor;
    }

    fn max_scroll(&self, height: usize) -> usize {
        self.rows.len().saturating_sub(height)
    }

    /// Scrolls to `row` (kept within the text) and makes it the reading place.
    fn scroll_to_row(&mut self, row: usize, height: usize) {
        self.scroll = row.min(self.max_scroll(height));
        self.anchor = self.rows.get(self.scroll).map_or(0, |r| r.start);
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll_to_row(self.scroll.saturating_add_signed(delta), height);
    }

    /// Puts the current highlight a third of the way down the pane.
    fn scroll_to_current(&mut self, height: usize) {
        if let Some(m) = self.current.and_then(|c| self.marks.get(c)) {
            let row = wrap::row_of(&self.rows, m.range.start);
            self.scroll_to_row(row.saturating_sub(height / 3), height);
        }
    }

    fn restyle(&mut self, b: &Briefing, look: Look) {
        let Some(s) = self.source else { return };
        let found = (self.found.as_slice(), self.found_current);
        self.lines = styled_rows(b, look, s, &self.rows, &self.marks, self.current, found);
    }
}

/// The quotes of a source and the selection's words in it, in text order.
fn marks(b: &Briefing, source: usize, links: &[Link]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = b
        .source_quotes(source)
        .iter()
        .filter_map(|&q| {
            Some(Mark {
                range: b.quotes[q].range.clone()?,
                quote: Some(q),
                link: false,
            })
        })
        .collect();
    for l in links.iter().filter(|l| l.source == source) {
        match marks.iter_mut().find(|m| m.range == l.range) {
            Some(m) => m.link = true,
            None => marks.push(Mark {
                range: l.range.clone(),
                quote: l.quote,
                link: true,
            }),
        }
    }
    marks.sort_by_key(|m| (m.range.start, m.range.end));
    marks
}

/// The source's rows as styled lines: mentions < quotes < the selection's
/// words < the current highlight.
fn styled_rows(
    b: &Briefing,
    look: Look,
    source: usize,
    rows: &[Range<usize>],
    marks: &[Mark],
    current: Option<usize>,
    (found, found_current): (&[Range<usize>], Option<usize>),
) -> Vec<Line<'static>> {
    let theme = look.theme;
    let text = &b.sources[source].text;
    let mut palette: Vec<Style> = vec![Style::default()];
    let mut paint = vec![(0u8, 0u16); text.len()];
    let mut layer = |range: Range<usize>, prio: u8, style: Style, paint: &mut Vec<(u8, u16)>| {
        let id = palette.iter().position(|s| *s == style).unwrap_or_else(|| {
            palette.push(style);
            palette.len() - 1
        }) as u16;
        for cell in &mut paint[range.start.min(text.len())..range.end.min(text.len())] {
            if prio >= cell.0 {
                *cell = (prio, id);
            }
        }
    };
    // Every actor's names in one pass; painted in actor order, so that
    // where names overlap the later actor's style wins, as it always has.
    if look.mentions {
        let mut found = b.mentions().find(text);
        found.sort_by_key(|m| m.actor);
        for m in found {
            let side = b.side_index(&b.actors[m.actor].side);
            layer(m.range, 1, theme.mention(side), &mut paint);
        }
    }
    for (i, m) in marks.iter().enumerate() {
        let side = m
            .quote
            .and_then(|q| b.actor(&b.quotes[q].speaker))
            .and_then(|a| b.side_index(&a.side));
        let (prio, style) = match (Some(i) == current, m.link, m.quote) {
            (true, ..) => (4, theme.current()),
            (false, true, _) if side.is_some() => (3, theme.evidence().patch(theme.side(side))),
            (false, true, _) => (3, theme.evidence()),
            (false, false, _) => (2, theme.quote(side)),
        };
        layer(m.range.clone(), prio, style, &mut paint);
    }
    for (i, r) in found.iter().enumerate() {
        let (prio, style) = if Some(i) == found_current {
            (6, theme.found_current())
        } else {
            (5, theme.found())
        };
        layer(r.clone(), prio, style, &mut paint);
    }
    rows.iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut run = String::new();
            let mut run_style = None;
            // Spaces at a break are not shown, so no highlight trails off the row.
            let shown_text = text[row.clone()].trim_end_matches([' ', '\t']);
            for (i, c) in shown_text.char_indices() {
                let id = paint[row.start + i].1;
                if run_style.is_some_and(|s| s != id) {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        palette[run_style.unwrap_or(0) as usize],
                    ));
                }
                run_style = Some(id);
                run.push(shown(c));
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, palette[run_style.unwrap_or(0) as usize]));
            }
            Line::from(spans)
        })
        .collect()
}
