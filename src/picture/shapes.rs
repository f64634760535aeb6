//! Box-drawing and block characters drawn as lines and rectangles, the way
//! a terminal draws them, so that borders meet from cell to cell whatever
//! font the viewer has (a font's `│` is seldom exactly one line high).
//!
//! Lengths here are in half pixels, so that a line one pixel wide can sit
//! on the middle of a pixel and stay sharp.

use std::fmt::Write;

use super::{CELL_H, CELL_W, Rgb};

/// The arms of each character from U+2500 to U+257F, from the cell's
/// middle: up, right, down, left, each 0 (none), 1 (light), 2 (heavy) or
/// 3 (double); `-` for the dashed and diagonal ones, left to the font.
const ARMS: [&str; 8] = [
    // U+2500 ─ ━ │ ┃ ┄ ┅ ┆ ┇ ┈ ┉ ┊ ┋ ┌ ┍ ┎ ┏
    "0101 0202 1010 2020 ---- ---- ---- ---- ---- ---- ---- ---- 0110 0210 0120 0220",
    // U+2510 ┐ ┑ ┒ ┓ └ ┕ ┖ ┗ ┘ ┙ ┚ ┛ ├ ┝ ┞ ┟
    "0011 0012 0021 0022 1100 1200 2100 2200 1001 1002 2001 2002 1110 1210 2110 1120",
    // U+2520 ┠ ┡ ┢ ┣ ┤ ┥ ┦ ┧ ┨ ┩ ┪ ┫ ┬ ┭ ┮ ┯
    "2120 2210 1220 2220 1011 1012 2011 1021 2021 2012 1022 2022 0111 0112 0211 0212",
    // U+2530 ┰ ┱ ┲ ┳ ┴ ┵ ┶ ┷ ┸ ┹ ┺ ┻ ┼ ┽ ┾ ┿
    "0121 0122 0221 0222 1101 1102 1201 1202 2101 2102 2201 2202 1111 1112 1211 1212",
    // U+2540 ╀ ╁ ╂ ╃ ╄ ╅ ╆ ╇ ╈ ╉ ╊ ╋ ╌ ╍ ╎ ╏
    "2111 1121 2121 2112 2211 1122 1221 2212 1222 2122 2221 2222 ---- ---- ---- ----",
    // U+2550 ═ ║ ╒ ╓ ╔ ╕ ╖ ╗ ╘ ╙ ╚ ╛ ╜ ╝ ╞ ╟
    "0303 3030 0310 0130 0330 0013 0031 0033 1300 3100 3300 1003 3001 3003 1310 3130",
    // U+2560 ╠ ╡ ╢ ╣ ╤ ╥ ╦ ╧ ╨ ╩ ╪ ╫ ╬ ╭ ╮ ╯
    "3330 1013 3031 3033 0313 0131 0333 1303 3101 3303 1313 3131 3333 0110 0011 1001",
    // U+2570 ╰ ╱ ╲ ╳ ╴ ╵ ╶ ╷ ╸ ╹ ╺ ╻ ╼ ╽ ╾ ╿
    "1100 ---- ---- ---- 0001 1000 0100 0010 0002 2000 0200 0020 0201 1020 0102 2010",
];

/// The arms of a box-drawing character, if it is one drawn here.
fn arms(symbol: &str) -> Option<[u8; 4]> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    let i = usize::try_from(u32::from(c).checked_sub(0x2500)?).ok()?;
    if chars.next().is_some() || i >= 0x80 {
        return None;
    }
    let code = ARMS[i / 16].split(' ').nth(i % 16)?.as_bytes();
    if code[0] == b'-' {
        return None;
    }
    Some(std::array::from_fn(|k| code[k] - b'0'))
}

/// The part of the cell a block character fills, in eighths of its width
/// and height (left, top, right, bottom), and how opaque (in quarters).
fn block(symbol: &str) -> Option<([u32; 4], u8)> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '▀' => ([0, 0, 8, 4], 4),
        '▁'..='█' => ([0, 8 - (u32::from(c) - 0x2580), 8, 8], 4),
        '▉'..='▏' => ([0, 0, 8 - (u32::from(c) - 0x2588), 8], 4),
        '▐' => ([4, 0, 8, 8], 4),
        '░' => ([0, 0, 8, 8], 1),
        '▒' => ([0, 0, 8, 8], 2),
        '▓' => ([0, 0, 8, 8], 3),
        '▔' => ([0, 0, 8, 1], 4),
        '▕' => ([7, 0, 8, 8], 4),
        _ => return None,
    })
}

/// Whether the symbol is drawn here rather than as text.
pub fn drawn(symbol: &str) -> bool {
    arms(symbol).is_some() || block(symbol).is_some()
}

/// How a line is drawn: colour, width in pixels, dim or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pen {
    color: (u8, u8, u8),
    width: u8,
    dim: bool,
}

/// A straight line: horizontal at height `at` from `from` to `to`, or
/// vertical at `at`; in half pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Segment {
    pen: Pen,
    vertical: bool,
    at: u32,
    from: u32,
    to: u32,
}

/// The lines and blocks of a screen, gathered cell by cell, then written
/// with touching lines of one pen joined.
#[derive(Default)]
pub struct Shapes {
    segments: Vec<Segment>,
    blocks: String,
}

impl Shapes {
    /// Draws `symbol` in the cell whose top left corner is at (`x`, `y`)
    /// pixels, if it is a character drawn here.
    pub fn cell(&mut self, symbol: &str, x: u32, y: u32, color: Rgb, dim: bool) {
        if let Some(arms) = arms(symbol) {
            self.lines(arms, x, y, color, dim);
        } else if let Some(([l, t, r, b], quarters)) = block(symbol) {
            let eighth = |n: u32, of: u32| (n * of + 4) / 8;
            let _ = write!(
                self.blocks,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\"",
                x + eighth(l, CELL_W),
                y + eighth(t, CELL_H),
                eighth(r, CELL_W) - eighth(l, CELL_W),
                eighth(b, CELL_H) - eighth(t, CELL_H),
            );
            let opacity = match (quarters, dim) {
                (4, false) => "",
                (4, true) => " opacity=\".6\"",
                (1, _) => " opacity=\".25\"",
                (2, _) => " opacity=\".5\"",
                _ => " opacity=\".75\"",
            };
            let _ = writeln!(self.blocks, "{opacity}/>");
        }
    }

    fn lines(&mut self, arms: [u8; 4], x: u32, y: u32, color: Rgb, dim: bool) {
        // The middle of the cell, on the middle of a pixel.
        let (left, top) = (2 * x, 2 * y);
        let (right, bottom) = (left + 2 * CELL_W, top + 2 * CELL_H);
        let (cx, cy) = (left + CELL_W, top + CELL_H + 1);
        let pen = |weight: u8| Pen {
            color: (color.0, color.1, color.2),
            width: if weight == 2 { 3 } else { 1 },
            dim,
        };
        for (arm, &weight) in arms.iter().enumerate() {
            if weight == 0 {
                continue;
            }
            let vertical = arm % 2 == 0;
            let (at, from, to) = match arm {
                0 => (cx, top, cy),
                1 => (cy, cx, right),
                2 => (cx, cy, bottom),
                _ => (cy, left, cx),
            };
            // A double line is two light ones, two pixels either side.
            let offsets: &[i32] = if weight == 3 { &[-4, 4] } else { &[0] };
            for &d in offsets {
                self.segments.push(Segment {
                    pen: pen(weight),
                    vertical,
                    at: at.saturating_add_signed(d),
                    from,
                    to,
                });
            }
        }
    }

    /// The blocks, then one path for each pen, lines that touch joined.
    pub fn write(mut self, out: &mut String) {
        out.push_str(&self.blocks);
        self.segments.sort_unstable();
        let mut merged: Vec<Segment> = Vec::new();
        for s in self.segments {
            match merged.last_mut() {
                Some(m)
                    if (m.pen, m.vertical, m.at) == (s.pen, s.vertical, s.at) && s.from <= m.to =>
                {
                    m.to = m.to.max(s.to);
                }
                _ => merged.push(s),
            }
        }
        let mut i = 0;
        while i < merged.len() {
            let pen = merged[i].pen;
            let (r, g, b) = pen.color;
            let _ = write!(out, "<path d=\"");
            while i < merged.len() && merged[i].pen == pen {
                let s = merged[i];
                let (at, from, to) = (half(s.at), half(s.from), half(s.to));
                let _ = if s.vertical {
                    write!(out, "M{at} {from}V{to}")
                } else {
                    write!(out, "M{from} {at}H{to}")
                };
                i += 1;
            }
            let _ = write!(
                out,
                "\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"square\" fill=\"none\"",
                Rgb(r, g, b),
                pen.width
            );
            if pen.dim {
                out.push_str(" opacity=\".6\"");
            }
            out.push_str("/>\n");
        }
    }
}

/// Half pixels as pixels: `7` is `3.5`.
fn half(h: u32) -> String {
    if h.is_multiple_of(2) {
        (h / 2).to_string()
    } else {
        format!("{}.5", h / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_as_unicode_names_it() {
        assert_eq!(arms("─"), Some([0, 1, 0, 1]));
        assert_eq!(arms("┃"), Some([2, 0, 2, 0]));
        assert_eq!(arms("┏"), Some([0, 2, 2, 0]));
        assert_eq!(arms("┘"), Some([1, 0, 0, 1]));
        assert_eq!(arms("┼"), Some([1, 1, 1, 1]));
        assert_eq!(arms("╋"), Some([2, 2, 2, 2]));
        assert_eq!(arms("║"), Some([3, 0, 3, 0]));
        assert_eq!(arms("╝"), Some([3, 0, 0, 3]));
        assert_eq!(arms("╰"), Some([1, 1, 0, 0]));
        assert_eq!(arms("╿"), Some([2, 0, 1, 0]));
        assert_eq!(arms("┄"), None, "dashes are left to the font");
        assert_eq!(arms("a"), None);
        assert_eq!(arms("─a"), None);
        assert_eq!(arms("▀"), None);
    }

    #[test]
    fn every_code_in_the_table_has_four_arms() {
        for row in ARMS {
            let codes: Vec<&str> = row.split(' ').collect();
            assert_eq!(codes.len(), 16, "{row}");
            for code in codes {
                assert!(
                    code == "----"
                        || (code.len() == 4 && code.bytes().all(|b| b"0123".contains(&b))),
                    "{code}"
                );
            }
        }
    }

    #[test]
    fn blocks_fill_their_part_of_the_cell() {
        assert_eq!(block("█"), Some(([0, 0, 8, 8], 4)));
        assert_eq!(block("▄"), Some(([0, 4, 8, 8], 4)));
        assert_eq!(block("▁"), Some(([0, 7, 8, 8], 4)));
        assert_eq!(block("▏"), Some(([0, 0, 1, 8], 4)));
        assert_eq!(block("▌"), Some(([0, 0, 4, 8], 4)));
        assert_eq!(block("▒"), Some(([0, 0, 8, 8], 2)));
        assert_eq!(block("▖"), None);
    }

    #[test]
    fn a_border_is_one_line_for_each_side() {
        // ┌─┐ over │ │ over └─┘, cells at the origin.
        let mut s = Shapes::default();
        let grey = Rgb(1, 2, 3);
        for (row, line) in ["┌─┐", "│ │", "└─┘"].iter().enumerate() {
            for (col, c) in line.chars().enumerate() {
                let (x, y) = (col as u32 * CELL_W, row as u32 * CELL_H);
                s.cell(&c.to_string(), x, y, grey, false);
            }
        }
        let mut out = String::new();
        s.write(&mut out);
        assert_eq!(
            out,
            "<path d=\"M4.5 9.5H22.5M4.5 45.5H22.5M4.5 9.5V45.5M22.5 9.5V45.5\" \
             stroke=\"#010203\" stroke-width=\"1\" stroke-linecap=\"square\" fill=\"none\"/>\n"
        );
    }

    #[test]
    fn heavy_double_and_dim_lines_have_pens_of_their_own() {
        let mut s = Shapes::default();
        let c = Rgb(0, 0, 0);
        s.cell("━", 0, 0, c, false);
        s.cell("║", 0, 0, c, true);
        let mut out = String::new();
        s.write(&mut out);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "<path d=\"M2.5 0V18M6.5 0V18\" stroke=\"#000000\" stroke-width=\"1\" stroke-linecap=\"square\" fill=\"none\" opacity=\".6\"/>",
                "<path d=\"M0 9.5H9\" stroke=\"#000000\" stroke-width=\"3\" \
                 stroke-linecap=\"square\" fill=\"none\"/>",
            ]
        );
    }

    #[test]
    fn a_block_is_a_rectangle() {
        let mut s = Shapes::default();
        s.cell("▄", 9, 18, Rgb(255, 0, 0), false);
        s.cell("░", 0, 0, Rgb(255, 0, 0), false);
        let mut out = String::new();
        s.write(&mut out);
        assert_eq!(
            out,
            "<rect x=\"9\" y=\"27\" width=\"9\" height=\"9\" fill=\"#ff0000\"/>\n\
             <rect x=\"0\" y=\"0\" width=\"9\" height=\"18\" fill=\"#ff0000\" opacity=\".25\"/>\n"
        );
    }
}
