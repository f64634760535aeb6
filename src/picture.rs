//! A picture of a drawn screen: a ratatui [`Buffer`] as an SVG image, each
//! cell's symbol in its colours and modifiers, on a dark background. Pure:
//! it reads the buffer and returns the text of the image, nothing else.
//!
//! The README's picture of the reader is drawn with it
//! (`cargo run --example picture -- assets/reader.svg`); [`readme`] is the
//! frame that picture shows.
//!
//! The grid is exact whatever font the viewer has: every run of text is
//! given the width of its cells (`textLength`), so columns line up. A run
//! is cells of one style side by side; ASCII and other characters are kept
//! in runs apart (a fallback font for `“` or `∴` may be wider than the
//! ASCII one), and a wide character is a run of its own. Box-drawing and
//! block characters are drawn as lines and rectangles ([`shapes`]), as a
//! terminal draws them, so borders meet. Coordinates are whole or half
//! pixels, written without floating point, so the text is the same on
//! every machine.

use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub mod readme;
mod shapes;

/// The width and height of a cell, in pixels, and the font's size: a
/// monospace font's advance is 0.6 of its size, 9 px at 15 px.
const CELL_W: u32 = 9;
const CELL_H: u32 = 18;
const FONT_SIZE: u32 = 15;
/// From a cell's top to the baseline of its text.
const BASELINE: u32 = 14;
/// The margin around the screen.
const PAD: u32 = 12;
const FONT: &str = "ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace";

/// The terminal's own colours: its background and foreground, and the 16
/// named colours (a dark theme, as most terminals ship).
const BACKGROUND: Rgb = Rgb(0x16, 0x18, 0x1d);
const FOREGROUND: Rgb = Rgb(0xd4, 0xd4, 0xd4);
const ANSI: [Rgb; 16] = [
    Rgb(0x1e, 0x1e, 0x1e), // black
    Rgb(0xcd, 0x31, 0x31), // red
    Rgb(0x0d, 0xbc, 0x79), // green
    Rgb(0xe5, 0xe5, 0x10), // yellow
    Rgb(0x24, 0x72, 0xc8), // blue
    Rgb(0xbc, 0x3f, 0xbc), // magenta
    Rgb(0x11, 0xa8, 0xcd), // cyan
    Rgb(0xcc, 0xcc, 0xcc), // white (light grey)
    Rgb(0x66, 0x66, 0x66), // bright black (dark grey)
    Rgb(0xf1, 0x4c, 0x4c),
    Rgb(0x23, 0xd1, 0x8b),
    Rgb(0xf5, 0xf5, 0x43),
    Rgb(0x3b, 0x8e, 0xea),
    Rgb(0xd6, 0x70, 0xd6),
    Rgb(0x29, 0xb8, 0xdb),
    Rgb(0xf2, 0xf2, 0xf2),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rgb(u8, u8, u8);

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// A colour as the terminal would show it; `Reset` is `default`.
fn rgb(c: Color, default: Rgb) -> Rgb {
    match c {
        Color::Reset => default,
        Color::Black => ANSI[0],
        Color::Red => ANSI[1],
        Color::Green => ANSI[2],
        Color::Yellow => ANSI[3],
        Color::Blue => ANSI[4],
        Color::Magenta => ANSI[5],
        Color::Cyan => ANSI[6],
        Color::Gray => ANSI[7],
        Color::DarkGray => ANSI[8],
        Color::LightRed => ANSI[9],
        Color::LightGreen => ANSI[10],
        Color::LightYellow => ANSI[11],
        Color::LightBlue => ANSI[12],
        Color::LightMagenta => ANSI[13],
        Color::LightCyan => ANSI[14],
        Color::White => ANSI[15],
        Color::Rgb(r, g, b) => Rgb(r, g, b),
        Color::Indexed(i) => indexed(i),
    }
}

/// The xterm 256-colour palette.
fn indexed(i: u8) -> Rgb {
    match i {
        0..16 => ANSI[usize::from(i)],
        16..232 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let i = i - 16;
            Rgb(level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            Rgb(v, v, v)
        }
    }
}

/// How a cell's text is drawn: its colour and its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ink {
    fill: Rgb,
    bold: bool,
    italic: bool,
    underlined: bool,
    crossed: bool,
    dim: bool,
}

impl Ink {
    /// The CSS of a class of text with this ink.
    fn css(self) -> String {
        let mut css = format!("fill:{}", self.fill);
        if self.bold {
            css.push_str(";font-weight:bold");
        }
        if self.italic {
            css.push_str(";font-style:italic");
        }
        match (self.underlined, self.crossed) {
            (true, true) => css.push_str(";text-decoration:underline line-through"),
            (true, false) => css.push_str(";text-decoration:underline"),
            (false, true) => css.push_str(";text-decoration:line-through"),
            (false, false) => {}
        }
        if self.dim {
            css.push_str(";opacity:.6");
        }
        css
    }
}

/// A cell's background and ink, reverse video applied.
fn paint(cell: &Cell) -> (Rgb, Ink) {
    let m = cell.modifier;
    let mut fg = rgb(cell.fg, FOREGROUND);
    let mut bg = rgb(cell.bg, BACKGROUND);
    if m.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    let ink = Ink {
        fill: fg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        underlined: m.contains(Modifier::UNDERLINED),
        crossed: m.contains(Modifier::CROSSED_OUT),
        dim: m.contains(Modifier::DIM),
    };
    (bg, ink)
}

/// One glyph of a row: where it starts, how many cells it takes, what it is.
struct Glyph<'a> {
    x: u16,
    width: u16,
    symbol: &'a str,
    bg: Rgb,
    ink: Ink,
    hidden: bool,
}

/// The glyphs of row `y`, left to right; a wide glyph's hidden cells and
/// cells marked to be skipped are left out.
fn glyphs(buffer: &Buffer, y: u16) -> Vec<Glyph<'_>> {
    let area = buffer.area;
    let mut out = Vec::new();
    let mut x = area.left();
    while x < area.right() {
        let cell = &buffer[(x, y)];
        let symbol = cell.symbol();
        let width = u16::try_from(symbol.width())
            .unwrap_or(1)
            .clamp(1, area.right() - x);
        let (bg, ink) = paint(cell);
        out.push(Glyph {
            x: x - area.left(),
            width,
            symbol,
            bg,
            ink,
            hidden: cell.modifier.contains(Modifier::HIDDEN),
        });
        x += width;
    }
    out
}

/// `s` as XML character data or an attribute value: markup characters
/// escaped, and every character XML cannot hold (controls, noncharacters)
/// shown as U+FFFD; tabs and line breaks as spaces, as a cell shows them.
fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\0'..='\x1f' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// The classes of ink, in the order they are first met.
#[derive(Default)]
struct Classes(Vec<Ink>);

impl Classes {
    fn of(&mut self, ink: Ink) -> usize {
        match self.0.iter().position(|&i| i == ink) {
            Some(i) => i,
            None => {
                self.0.push(ink);
                self.0.len() - 1
            }
        }
    }
}

/// The buffer as an SVG image: a cell is 9 × 18 pixels, with a margin of
/// 12 around the screen.
pub fn svg(buffer: &Buffer) -> String {
    let area = buffer.area;
    let width = u32::from(area.width) * CELL_W + 2 * PAD;
    let height = u32::from(area.height) * CELL_H + 2 * PAD;
    let mut rects = String::new();
    let mut texts = String::new();
    let mut classes = Classes::default();
    let mut shapes = shapes::Shapes::default();
    for y in area.top()..area.bottom() {
        let top = u32::from(y - area.top()) * CELL_H + PAD;
        let row = glyphs(buffer, y);
        background(&row, top, &mut rects);
        for g in row.iter().filter(|g| !g.hidden) {
            let left = u32::from(g.x) * CELL_W + PAD;
            shapes.cell(g.symbol, left, top, g.ink.fill, g.ink.dim);
        }
        text(&row, top, &mut classes, &mut texts);
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" xml:space=\"preserve\">\n<style>\ntext{{font-family:{FONT};\
         font-size:{FONT_SIZE}px;white-space:pre}}\n"
    );
    for (i, ink) in classes.0.iter().enumerate() {
        let _ = writeln!(out, ".c{i}{{{}}}", ink.css());
    }
    let _ = writeln!(
        out,
        "</style>\n<rect width=\"{width}\" height=\"{height}\" rx=\"8\" fill=\"{BACKGROUND}\"/>"
    );
    out.push_str(&rects);
    shapes.write(&mut out);
    out.push_str(&texts);
    out.push_str("</svg>\n");
    out
}

/// The row's backgrounds that are not the terminal's, cells of one colour
/// side by side drawn as one rectangle.
fn background(row: &[Glyph], top: u32, out: &mut String) {
    let mut i = 0;
    while i < row.len() {
        let bg = row[i].bg;
        let start = row[i].x;
        let mut end = start + row[i].width;
        i += 1;
        while i < row.len() && row[i].bg == bg {
            end += row[i].width;
            i += 1;
        }
        if bg != BACKGROUND {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{top}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{bg}\"/>",
                u32::from(start) * CELL_W + PAD,
                u32::from(end - start) * CELL_W,
            );
        }
    }
}

/// Whether a glyph can be in a run with `prev`: the same ink, both one
/// cell wide, and both ASCII or both not.
fn joins(prev: &Glyph, next: &Glyph) -> bool {
    prev.ink == next.ink
        && prev.width == 1
        && next.width == 1
        && prev.symbol.is_ascii() == next.symbol.is_ascii()
}

/// The row's text, runs of glyphs that join as one `<text>` each, blank
/// cells at either end of a run left out.
fn text(row: &[Glyph], top: u32, classes: &mut Classes, out: &mut String) {
    let visible: Vec<&Glyph> = row
        .iter()
        .filter(|g| !g.hidden && !shapes::drawn(g.symbol))
        .collect();
    let blank = |g: &Glyph| g.symbol.trim().is_empty() && !g.ink.underlined && !g.ink.crossed;
    let mut i = 0;
    while i < visible.len() {
        let mut j = i + 1;
        while j < visible.len()
            && visible[j].x == visible[j - 1].x + visible[j - 1].width
            && joins(visible[j - 1], visible[j])
        {
            j += 1;
        }
        let mut run = &visible[i..j];
        while let [first, rest @ ..] = run
            && blank(first)
        {
            run = rest;
        }
        while let [rest @ .., last] = run
            && blank(last)
        {
            run = rest;
        }
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let cells = u32::from(last.x + last.width - first.x);
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" \
                 class=\"c{}\">",
                u32::from(first.x) * CELL_W + PAD,
                top + BASELINE,
                cells * CELL_W,
                classes.of(first.ink),
            );
            for g in run {
                escape(g.symbol, out);
            }
            out.push_str("</text>\n");
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn buffer(width: u16, height: u16) -> Buffer {
        Buffer::empty(Rect::new(0, 0, width, height))
    }

    fn texts(svg: &str) -> Vec<&str> {
        svg.lines().filter(|l| l.starts_with("<text")).collect()
    }

    #[test]
    fn an_empty_buffer_is_the_background_alone() {
        let svg = svg(&buffer(3, 2));
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"51\" height=\"60\" \
             viewBox=\"0 0 51 60\" xml:space=\"preserve\">\n"
        ));
        assert!(svg.contains("<rect width=\"51\" height=\"60\" rx=\"8\" fill=\"#16181d\"/>"));
        assert_eq!(svg.matches("<rect").count(), 1);
        assert!(texts(&svg).is_empty());
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn a_zero_sized_buffer_is_the_margin() {
        let svg = svg(&buffer(0, 0));
        assert!(svg.contains("width=\"24\" height=\"24\""));
        assert!(texts(&svg).is_empty());
    }

    #[test]
    fn markup_characters_are_escaped() {
        let mut b = buffer(12, 1);
        b.set_string(0, 0, "<a & \"b\"'>", Style::new());
        let svg = svg(&b);
        assert_eq!(
            texts(&svg),
            [
                "<text x=\"12\" y=\"26\" textLength=\"90\" lengthAdjust=\"spacingAndGlyphs\" \
                 class=\"c0\">&lt;a &amp; &quot;b&quot;&apos;&gt;</text>"
            ]
        );
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        let mut out = String::new();
        escape("a\u{1b}b\u{7}\u{85}\u{ffff}\tc", &mut out);
        assert_eq!(out, "a\u{fffd}b\u{fffd}\u{fffd}\u{fffd} c");
    }

    #[test]
    fn a_wide_character_takes_two_cells_and_the_next_is_skipped() {
        let mut b = buffer(6, 1);
        b.set_string(0, 0, "a界b", Style::new());
        let svg = svg(&b);
        let t = texts(&svg);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert!(t[0].starts_with("<text x=\"12\" y=\"26\" textLength=\"9\""));
        assert!(t[0].ends_with(">a</text>"));
        assert!(t[1].starts_with("<text x=\"21\" y=\"26\" textLength=\"18\""));
        assert!(t[1].ends_with(">界</text>"));
        // b is in the fourth cell, after the two of 界.
        assert!(t[2].starts_with("<text x=\"39\" y=\"26\" textLength=\"9\""));
        assert!(t[2].ends_with(">b</text>"));
    }

    #[test]
    fn a_wide_character_at_the_edge_is_cut_to_the_screen() {
        let mut b = buffer(3, 1);
        b.set_string(0, 0, "ab", Style::new());
        b[(2, 0)].set_symbol("界");
        let svg = svg(&b);
        let t = texts(&svg);
        assert!(
            t[1].starts_with("<text x=\"30\" y=\"26\" textLength=\"9\""),
            "{t:#?}"
        );
    }

    #[test]
    fn runs_of_one_style_are_one_text_and_blank_ends_are_dropped() {
        let mut b = buffer(20, 1);
        b.set_string(0, 0, "  one two ", Style::new().fg(Color::Rgb(1, 2, 3)));
        b.set_string(10, 0, "three", Style::new().bold());
        b.set_string(15, 0, "“∴", Style::new().bold());
        let svg = svg(&b);
        let t = texts(&svg);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert!(t[0].starts_with("<text x=\"30\" y=\"26\" textLength=\"63\""));
        assert!(t[0].ends_with("class=\"c0\">one two</text>"));
        assert!(t[1].ends_with("class=\"c1\">three</text>"));
        // Not ASCII: a run apart, in the same class.
        assert!(t[2].starts_with("<text x=\"147\" y=\"26\" textLength=\"18\""));
        assert!(t[2].ends_with("class=\"c1\">“∴</text>"));
        assert!(svg.contains(".c0{fill:#010203}\n"));
        assert!(svg.contains(".c1{fill:#d4d4d4;font-weight:bold}\n"));
    }

    #[test]
    fn colours_named_indexed_and_rgb() {
        assert_eq!(rgb(Color::Reset, FOREGROUND), FOREGROUND);
        assert_eq!(rgb(Color::Red, FOREGROUND), ANSI[1]);
        assert_eq!(rgb(Color::Indexed(9), FOREGROUND), ANSI[9]);
        assert_eq!(indexed(16), Rgb(0, 0, 0));
        assert_eq!(indexed(196), Rgb(255, 0, 0));
        assert_eq!(indexed(110), Rgb(135, 175, 215));
        assert_eq!(indexed(231), Rgb(255, 255, 255));
        assert_eq!(indexed(232), Rgb(8, 8, 8));
        assert_eq!(indexed(255), Rgb(238, 238, 238));
        assert_eq!(Rgb(0, 0x72, 0xb2).to_string(), "#0072b2");
    }

    #[test]
    fn backgrounds_are_merged_runs_and_reverse_swaps_the_colours() {
        let mut b = buffer(10, 2);
        b.set_string(2, 0, "abc", Style::new().bg(Color::Rgb(0, 0, 255)));
        b.set_string(5, 0, "d", Style::new().bg(Color::Rgb(0, 0, 255)).bold());
        b.set_string(
            0,
            1,
            "rev",
            Style::new().fg(Color::Rgb(255, 0, 0)).reversed(),
        );
        let svg = svg(&b);
        let rects: Vec<&str> = svg.lines().filter(|l| l.starts_with("<rect x")).collect();
        assert_eq!(
            rects,
            [
                "<rect x=\"30\" y=\"12\" width=\"36\" height=\"18\" fill=\"#0000ff\"/>",
                "<rect x=\"12\" y=\"30\" width=\"27\" height=\"18\" fill=\"#ff0000\"/>",
            ]
        );
        // Reversed text is drawn in the terminal's background colour.
        assert!(svg.contains(".c2{fill:#16181d}\n"), "{svg}");
    }

    #[test]
    fn modifiers_become_css() {
        let mut b = buffer(8, 1);
        b.set_string(0, 0, "i", Style::new().italic());
        b.set_string(1, 0, "u", Style::new().underlined());
        b.set_string(2, 0, "d", Style::new().dim());
        b.set_string(3, 0, "x", Style::new().crossed_out().underlined());
        b.set_string(4, 0, "h", Style::new().hidden());
        let svg = svg(&b);
        assert!(svg.contains(".c0{fill:#d4d4d4;font-style:italic}\n"));
        assert!(svg.contains(".c1{fill:#d4d4d4;text-decoration:underline}\n"));
        assert!(svg.contains(".c2{fill:#d4d4d4;opacity:.6}\n"));
        assert!(svg.contains(".c3{fill:#d4d4d4;text-decoration:underline line-through}\n"));
        assert!(!svg.contains(">h</text>"), "hidden text is not drawn");
    }

    #[test]
    fn box_drawing_is_lines_not_text() {
        let mut b = buffer(4, 1);
        b.set_string(0, 0, "─a─", Style::new().fg(Color::Rgb(9, 9, 9)));
        let svg = svg(&b);
        assert_eq!(texts(&svg).len(), 1);
        assert!(texts(&svg)[0].ends_with(">a</text>"));
        assert!(
            svg.contains("<path d=\"M12 21.5H21M30 21.5H39\" stroke=\"#090909\""),
            "{svg}"
        );
    }

    #[test]
    fn underlined_spaces_are_kept() {
        let mut b = buffer(4, 1);
        b.set_string(0, 0, "a  ", Style::new().underlined());
        let svg = svg(&b);
        assert!(texts(&svg)[0].ends_with(">a  </text>"));
    }
}
