//! Colours, symbols and text styles in one place. Colour is never the only
//! signal: every highlight also carries bold, underline or reverse, and
//! every side and stance a letter or symbol, so `NO_COLOR` and
//! colour-blind readers lose nothing. Side colours are the Okabe–Ito palette.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Briefing, Stance};

/// Okabe–Ito: distinguishable under the common colour-vision deficiencies.
const OKABE_ITO: [Color; 7] = [
    Color::Rgb(86, 180, 233),  // sky blue
    Color::Rgb(213, 94, 0),    // vermillion
    Color::Rgb(0, 158, 115),   // bluish green
    Color::Rgb(230, 159, 0),   // orange
    Color::Rgb(204, 121, 167), // reddish purple
    Color::Rgb(240, 228, 66),  // yellow
    Color::Rgb(0, 114, 178),   // blue
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The colour of the side at `index` in the briefing's order.
    pub fn side(self, index: Option<usize>) -> Style {
        match index {
            Some(i) => self.fg(OKABE_ITO[i % OKABE_ITO.len()]),
            None => self.dim(),
        }
    }

    pub fn stance(self, s: Stance) -> Style {
        let c = match s {
            Stance::Supports => OKABE_ITO[2],
            Stance::Opposes | Stance::RulesOut => OKABE_ITO[1],
            Stance::Demands => OKABE_ITO[3],
            Stance::Conditional => OKABE_ITO[0],
            Stance::Open => OKABE_ITO[6],
            Stance::Ambiguous => OKABE_ITO[4],
            Stance::Expects | Stance::Doubts => OKABE_ITO[5],
        };
        let style = self.fg(c);
        if matches!(s, Stance::RulesOut | Stance::Demands) {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    /// The border of the focused pane.
    pub fn focused(self) -> Style {
        self.fg(OKABE_ITO[5]).add_modifier(Modifier::BOLD)
    }
    /// The selected row of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// The excerpt or quote behind the current selection.
    pub fn current(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Other evidence of the current selection in this source.
    pub fn evidence(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A quote, in its speaker's side colour.
    pub fn quote(self, side: Option<usize>) -> Style {
        self.side(side).add_modifier(Modifier::BOLD)
    }
    /// A mention of an actor.
    pub fn mention(self, side: Option<usize>) -> Style {
        self.side(side).add_modifier(Modifier::UNDERLINED)
    }
    pub fn filter(self) -> Style {
        self.fg(OKABE_ITO[3])
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
    /// The characters a search matched, in a palette row.
    pub fn matched(self) -> Style {
        self.fg(OKABE_ITO[5])
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A find match in the source.
    pub fn found(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            s.fg(Color::Black).bg(OKABE_ITO[5])
        } else {
            s
        }
    }
    /// The find match n/N is on.
    pub fn found_current(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn key(self) -> Style {
        self.fg(OKABE_ITO[0]).add_modifier(Modifier::BOLD)
    }
}

/// A stance's symbol; the word comes from [`Stance::word`].
pub fn stance_symbol(s: Stance) -> &'static str {
    match s {
        Stance::Supports => "✓",
        Stance::Opposes => "✗",
        Stance::Demands => "!",
        Stance::RulesOut => "⊘",
        Stance::Conditional => "◐",
        Stance::Open => "○",
        Stance::Ambiguous => "±",
        Stance::Expects => "↗",
        Stance::Doubts => "↘",
    }
}

/// Who holds that an actor holds a position: a glyph, beside the word.
/// “ their own words; ↳ a source reports it; ∴ an author's assessment.
pub fn basis_symbol(b: crate::model::Basis) -> &'static str {
    match b {
        crate::model::Basis::Stated => "“",
        crate::model::Basis::Reported => "↳",
        crate::model::Basis::Assessed => "∴",
    }
}

/// One letter per side (K, M, W, C, …): the first free letter of its name,
/// else a digit.
pub fn side_letters(b: &Briefing) -> Vec<char> {
    let mut taken: Vec<char> = Vec::new();
    for (i, side) in b.sides.iter().enumerate() {
        let letter = side
            .name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_uppercase)
            .find(|c| c.is_ascii() && !taken.contains(c))
            .unwrap_or_else(|| char::from_digit((i % 10) as u32, 10).unwrap_or('?'));
        taken.push(letter);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_modifiers_and_drops_colours() {
        let t = Theme { color: false };
        assert_eq!(t.side(Some(1)).fg, None);
        assert!(t.current().add_modifier.contains(Modifier::REVERSED));
        assert!(t.quote(Some(0)).add_modifier.contains(Modifier::BOLD));
        assert!(
            t.mention(Some(0))
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }

    #[test]
    fn every_stance_has_its_own_symbol() {
        let mut symbols: Vec<_> = Stance::ALL.iter().map(|&s| stance_symbol(s)).collect();
        symbols.sort();
        symbols.dedup();
        assert_eq!(symbols.len(), Stance::ALL.len());
    }
}
