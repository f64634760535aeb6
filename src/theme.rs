//! Colours, symbols and text styles in one place. Colour is never the only
//! signal: every highlight also carries bold, underline or reverse, and
//! every side and stance a letter or symbol, so `NO_COLOR` and
//! colour-blind readers lose nothing.
//!
//! Stances are coloured by what they say: green for, vermillion against,
//! and no colour for the words that are neither (`ambiguous`, and the
//! forecasts `expects` and `doubts`). Sides take their colours from the
//! palette's, whose hues keep clear of those two, so a side is never read
//! as a stance. The default colours are data: `assets/theme.toml`, read
//! once into a [`Palette`].

use ratatui::style::{Color, Modifier, Style};

use crate::model::sides::parse_color;
use crate::model::{Briefing, Stance};

pub mod term;
pub use term::{Depth, Terminal};

use crate::config::{Colors, Config, MAX_SIDES};

/// The default colours' text.
pub const DEFAULT_TOML: &str = include_str!("../assets/theme.toml");

/// How many default side colours there are, in either palette.
pub const PALETTE_SIDES: usize = 10;

/// The default colours, as `assets/theme.toml` gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub focus: Color,
    pub key: Color,
    pub filter: Color,
    /// A stance for, a weaker one (`open`, `conditional`), one against.
    pub for_: Color,
    pub for_weak: Color,
    pub against: Color,
    pub dim: Color,
    /// The side colours, in the order sides take them, on a dark and on a
    /// light background.
    pub sides: [Color; PALETTE_SIDES],
    pub sides_light: [Color; PALETTE_SIDES],
    /// In 16 colours: the stances' named colours and the sides'.
    pub for_16: Color,
    pub for_weak_16: Color,
    pub for_weak_16_light: Color,
    pub against_16: Color,
    pub sides_16: Vec<Color>,
    pub sides_16_light: Vec<Color>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPalette {
    colors: RawColors,
    light: RawLight,
    ansi16: RawAnsi16,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawColors {
    focus: String,
    key: String,
    filter: String,
    #[serde(rename = "for")]
    for_: String,
    for_weak: String,
    against: String,
    dim: String,
    sides: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLight {
    sides: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAnsi16 {
    #[serde(rename = "for")]
    for_: String,
    for_weak: String,
    for_weak_light: String,
    against: String,
    sides: Vec<String>,
    sides_light: Vec<String>,
}

/// A colour of theme.toml: `"#rrggbb"`, or the name of one of the
/// terminal's own (`"red"`, `"lightcyan"`).
fn palette_color(text: &str) -> Result<Color, String> {
    if text.starts_with('#') {
        let [r, g, b] = parse_color(text)?;
        return Ok(Color::Rgb(r, g, b));
    }
    match text.parse::<Color>() {
        Ok(c @ Color::Rgb(..)) | Ok(c @ Color::Indexed(_)) => Err(format!(
            "`{text}`: a name means one of the 16 colours, not {c:?}"
        )),
        Ok(c) => Ok(c),
        Err(_) => Err(format!(
            "`{text}` is neither \"#rrggbb\" nor a colour's name"
        )),
    }
}

fn palette_colors(texts: &[String]) -> Result<Vec<Color>, String> {
    texts.iter().map(|t| palette_color(t)).collect()
}

fn ten(texts: &[String], what: &str) -> Result<[Color; PALETTE_SIDES], String> {
    palette_colors(texts)?
        .try_into()
        .map_err(|v: Vec<Color>| format!("{what}: {PALETTE_SIDES} colours, not {}", v.len()))
}

impl Palette {
    /// Reads theme.toml's form.
    pub fn parse(text: &str) -> Result<Palette, String> {
        let raw: RawPalette = toml::from_str(text).map_err(|e| e.to_string())?;
        let (c, a) = (&raw.colors, &raw.ansi16);
        Ok(Palette {
            focus: palette_color(&c.focus)?,
            key: palette_color(&c.key)?,
            filter: palette_color(&c.filter)?,
            for_: palette_color(&c.for_)?,
            for_weak: palette_color(&c.for_weak)?,
            against: palette_color(&c.against)?,
            dim: palette_color(&c.dim)?,
            sides: ten(&c.sides, "[colors] sides")?,
            sides_light: ten(&raw.light.sides, "[light] sides")?,
            for_16: palette_color(&a.for_)?,
            for_weak_16: palette_color(&a.for_weak)?,
            for_weak_16_light: palette_color(&a.for_weak_light)?,
            against_16: palette_color(&a.against)?,
            sides_16: palette_colors(&a.sides)?,
            sides_16_light: palette_colors(&a.sides_light)?,
        })
    }

    /// The stance colours, for keeping side colours clear of their hues.
    pub fn stances(&self) -> [Color; 3] {
        [self.for_, self.for_weak, self.against]
    }
}

/// The default colours, read from `assets/theme.toml` once (a test proves
/// it reads).
pub fn palette() -> &'static Palette {
    static PALETTE: std::sync::OnceLock<Palette> = std::sync::OnceLock::new();
    PALETTE.get_or_init(|| {
        Palette::parse(DEFAULT_TOML).unwrap_or_else(|e| panic!("assets/theme.toml: {e}"))
    })
}

/// How many sides keep a colour of their own in a theme; after that the
/// colours repeat (the number keys reach nine sides).
pub const SIDE_COLORS: usize = 32;

/// A side's colour: one of the palette's (by index), or its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideColor {
    Palette(usize),
    Own(Color),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    depth: Depth,
    /// The terminal's background is light.
    light: bool,
    /// The colour of each side by index (modulo [`SIDE_COLORS`]).
    sides: [SideColor; SIDE_COLORS],
    /// The colours the user's config sets.
    colors: Colors,
}

/// What a stance colour is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    For,
    ForWeak,
    Against,
}

impl Theme {
    /// A theme with colour or without, in 24-bit colour on a dark
    /// background, and the default side colours.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            depth: Depth::TrueColor,
            light: false,
            sides: std::array::from_fn(SideColor::Palette),
            colors: Colors::default(),
        }
    }

    /// As the terminal is (see [`term::detect`] for what is read) and the
    /// user's config sets ([`crate::config`]); the config's problems are
    /// not reported here (`brief` and `brief config` report them).
    pub fn from_env() -> Theme {
        let env = |k: &str| std::env::var(k).ok();
        let (config, _, _) = crate::config::load();
        Theme::configured(term::detect(&env), &config, &env)
    }

    /// The terminal as detected, then what the config sets, unless an
    /// environment variable (`BRIEF_COLORS`, `BRIEF_BACKGROUND`) forced it.
    /// `NO_COLOR` always wins.
    pub fn configured(
        mut t: Terminal,
        config: &Config,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Theme {
        let forced = |k: &str| env(k).is_some_and(|v| !v.is_empty());
        match config.depth {
            Some(_) if forced("BRIEF_COLORS") => {}
            Some(Some(depth)) => t.depth = depth,
            Some(None) => t.color = false,
            None => {}
        }
        if let Some(light) = config.light
            && !forced("BRIEF_BACKGROUND")
        {
            t.light = light;
        }
        Theme {
            colors: config.colors,
            ..Theme::for_terminal(t)
        }
    }

    pub fn for_terminal(t: Terminal) -> Theme {
        Theme {
            depth: t.depth,
            light: t.light,
            ..Theme::new(t.color)
        }
    }

    pub fn depth(self) -> Depth {
        self.depth
    }

    pub fn light(self) -> bool {
        self.light
    }

    /// The same theme with the briefing's sides' colours: each side's own
    /// `color`, and for the others the palette's colours in order, skipping
    /// those that a side has chosen.
    pub fn with_sides(mut self, b: &Briefing) -> Theme {
        self.sides = side_colors(b);
        self
    }

    /// A colour as this terminal can show it: darker on a light
    /// background, then brought down to its depth.
    fn paint(self, c: Color) -> Color {
        let c = if self.light { term::for_light(c) } else { c };
        match self.depth {
            Depth::TrueColor => c,
            Depth::Ansi256 => term::to_256(c),
            Depth::Ansi16 => term::to_16(c, None),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(self.paint(c))
        } else {
            Style::new()
        }
    }

    /// The colour of the side at `index`, as this terminal shows it.
    fn side_color(self, index: usize) -> Color {
        match (self.sides[index % SIDE_COLORS], self.depth, self.light) {
            (SideColor::Own(c), ..) => self.paint(c),
            (SideColor::Palette(k), ..) if self.colors.sides[k % MAX_SIDES].is_some() => {
                self.paint(self.colors.sides[k % MAX_SIDES].unwrap_or(palette().sides[0]))
            }
            (SideColor::Palette(k), Depth::Ansi16, light) => {
                let named = if light {
                    &palette().sides_16_light
                } else {
                    &palette().sides_16
                };
                named[k % named.len()]
            }
            (SideColor::Palette(k), depth, light) => {
                let palette = if light {
                    &palette().sides_light
                } else {
                    &palette().sides
                };
                let c = palette[k % palette.len()];
                if depth == Depth::Ansi256 {
                    term::to_256(c)
                } else {
                    c
                }
            }
        }
    }

    /// A stance colour: the config's, else green or vermillion; in 16
    /// colours, the terminal's own green and red.
    fn stance_color(self, polarity: Polarity) -> Style {
        let (own, default) = match polarity {
            Polarity::For => (self.colors.for_, palette().for_),
            Polarity::ForWeak => (self.colors.for_weak, palette().for_weak),
            Polarity::Against => (self.colors.against, palette().against),
        };
        if let Some(c) = own {
            return self.fg(c);
        }
        if self.depth != Depth::Ansi16 || !self.color {
            return self.fg(default);
        }
        let p = palette();
        let named = match polarity {
            Polarity::Against => p.against_16,
            Polarity::ForWeak if self.light => p.for_weak_16_light,
            Polarity::ForWeak => p.for_weak_16,
            Polarity::For => p.for_16,
        };
        Style::new().fg(named)
    }

    /// The focus colour: the config's, else the palette's (yellow).
    fn focus_color(self) -> Color {
        self.colors.focus.unwrap_or(palette().focus)
    }

    /// The colour of the side at `index` in the briefing's order.
    pub fn side(self, index: Option<usize>) -> Style {
        match index {
            Some(i) if self.color => Style::new().fg(self.side_color(i)),
            Some(_) => Style::new(),
            None => self.dim(),
        }
    }

    pub fn stance(self, s: Stance) -> Style {
        let style = match s {
            Stance::Supports | Stance::Demands => self.stance_color(Polarity::For),
            Stance::Conditional | Stance::Open => self.stance_color(Polarity::ForWeak),
            Stance::Opposes | Stance::RulesOut => self.stance_color(Polarity::Against),
            Stance::Ambiguous | Stance::Expects | Stance::Doubts => Style::new(),
        };
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
            Style::new().fg(palette().dim)
        } else {
            Style::new()
        }
    }
    /// The border of the focused pane.
    pub fn focused(self) -> Style {
        self.fg(self.focus_color()).add_modifier(Modifier::BOLD)
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
        self.fg(self.colors.filter.unwrap_or(palette().filter))
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
    /// The characters a search matched, in a palette row.
    pub fn matched(self) -> Style {
        self.fg(self.focus_color())
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A find match in the source.
    pub fn found(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            // A light background under black text: never darkened.
            let bg = Theme {
                light: false,
                ..self
            }
            .paint(self.focus_color());
            s.fg(Color::Black).bg(bg)
        } else {
            s
        }
    }
    /// The find match n/N is on.
    pub fn found_current(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn key(self) -> Style {
        self.fg(self.colors.key.unwrap_or(palette().key))
            .add_modifier(Modifier::BOLD)
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

/// One letter per side (K, M, W, C, …), never two alike: see
/// [`crate::model::sides::letters`].
pub fn side_letters(b: &Briefing) -> Vec<char> {
    crate::model::sides::letters(&b.sides)
}

/// Each side's colour, by index, for the first [`SIDE_COLORS`] sides.
fn side_colors(b: &Briefing) -> [SideColor; SIDE_COLORS] {
    let own: Vec<Option<Color>> = b
        .sides
        .iter()
        .map(|s| {
            let rgb = s.color.as_ref().and_then(|c| parse_color(c).ok())?;
            Some(Color::Rgb(rgb[0], rgb[1], rgb[2]))
        })
        .collect();
    let sides = &palette().sides;
    let mut free = (0..PALETTE_SIDES)
        .filter(|&k| !own.contains(&Some(sides[k])))
        .collect::<Vec<_>>()
        .into_iter()
        .cycle();
    std::array::from_fn(|i| match own.get(i).copied().flatten() {
        Some(c) => SideColor::Own(c),
        None => SideColor::Palette(free.next().unwrap_or(i % PALETTE_SIDES)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_modifiers_and_drops_colours() {
        let t = Theme::new(false);
        assert_eq!(t.side(Some(1)).fg, None);
        assert!(t.current().add_modifier.contains(Modifier::REVERSED));
        assert!(t.quote(Some(0)).add_modifier.contains(Modifier::BOLD));
        assert!(
            t.mention(Some(0))
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }

    /// Hue in degrees of an RGB colour; `None` for greys.
    fn hue(c: Color) -> Option<f64> {
        let Color::Rgb(r, g, b) = c else {
            panic!("the palettes are RGB: {c:?}")
        };
        let (r, g, b) = (f64::from(r), f64::from(g), f64::from(b));
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        if max - min < 1.0 {
            return None;
        }
        let h = if max == r {
            60.0 * ((g - b) / (max - min))
        } else if max == g {
            60.0 * ((b - r) / (max - min)) + 120.0
        } else {
            60.0 * ((r - g) / (max - min)) + 240.0
        };
        Some(h.rem_euclid(360.0))
    }

    fn rgb_distance(a: Color, b: Color) -> f64 {
        let (Color::Rgb(r1, g1, b1), Color::Rgb(r2, g2, b2)) = (a, b) else {
            panic!("RGB: {a:?} {b:?}")
        };
        let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
        (d(r1, r2) + d(g1, g2) + d(b1, b2)).sqrt()
    }

    /// Every pair of the colours `theme` gives the first ten sides and the
    /// stances: what must hold of them.
    fn sides_and_stances(theme: Theme) -> (Vec<Color>, Vec<Color>) {
        let t = theme.with_sides(&briefing(&[None; 10]));
        let sides = (0..10).map(|i| t.side(Some(i)).fg.unwrap()).collect();
        let stances = Stance::ALL.iter().filter_map(|&s| t.stance(s).fg).collect();
        (sides, stances)
    }

    #[test]
    fn no_side_colour_shares_a_hue_with_a_stance_colour() {
        for light in [false, true] {
            let theme = Theme::for_terminal(Terminal {
                color: true,
                depth: Depth::TrueColor,
                light,
            });
            let (sides, stances) = sides_and_stances(theme);
            assert_eq!(stances.len(), 6, "for and against: {stances:?}");
            for side in &sides {
                for stance in &stances {
                    let (Some(a), Some(b)) = (hue(*side), hue(*stance)) else {
                        continue;
                    };
                    let d = (a - b).abs().min(360.0 - (a - b).abs());
                    assert!(
                        d >= 30.0,
                        "{side:?} is {d:.0}° from {stance:?} (light: {light})"
                    );
                }
            }
            // The sides differ from one another plainly.
            for (i, a) in sides.iter().enumerate() {
                for b in &sides[i + 1..] {
                    assert!(
                        rgb_distance(*a, *b) >= 50.0,
                        "{a:?} ~ {b:?} (light: {light})"
                    );
                }
            }
        }
        // Every stance shows in a stance colour or in none.
        let t = Theme::new(true);
        for &s in Stance::ALL {
            if let Some(c) = t.stance(s).fg {
                assert!(palette().stances().contains(&c), "{s:?}: {c:?}");
            }
        }
    }

    #[test]
    fn on_a_light_background_every_colour_is_dark_enough_to_read() {
        let theme = Theme::for_terminal(Terminal {
            color: true,
            depth: Depth::TrueColor,
            light: true,
        });
        let (sides, stances) = sides_and_stances(theme);
        let chrome = [
            theme.focused(),
            theme.key(),
            theme.matched(),
            theme.filter(),
        ]
        .map(|s| s.fg.unwrap());
        for c in sides.iter().chain(&stances).chain(&chrome) {
            assert!(term::luminance(*c) <= 0.51, "{c:?} on white");
        }
        let dark = Theme::new(true);
        assert_ne!(
            dark.focused().fg,
            theme.focused().fg,
            "the yellow border darkens"
        );
    }

    #[test]
    fn in_256_colours_sides_and_stances_stay_apart() {
        for light in [false, true] {
            let theme = Theme::for_terminal(Terminal {
                color: true,
                depth: Depth::Ansi256,
                light,
            });
            let (sides, stances) = sides_and_stances(theme);
            for c in sides.iter().chain(&stances) {
                assert!(matches!(c, Color::Indexed(_)), "{c:?}");
            }
            for (i, a) in sides.iter().enumerate() {
                assert!(!stances.contains(a), "side {i} {a:?} is a stance's");
                assert!(!sides[i + 1..].contains(a), "side {i} {a:?} repeats");
            }
        }
    }

    #[test]
    fn in_16_colours_red_and_green_are_the_stances_only() {
        for light in [false, true] {
            let theme = Theme::for_terminal(Terminal {
                color: true,
                depth: Depth::Ansi16,
                light,
            });
            let (sides, stances) = sides_and_stances(theme);
            let stance_named = [Color::Green, Color::LightGreen, Color::Red];
            for c in &stances {
                assert!(stance_named.contains(c), "{c:?}");
            }
            for c in &sides {
                assert!(
                    ![Color::Red, Color::LightRed, Color::Green, Color::LightGreen].contains(c),
                    "{c:?}"
                );
            }
            let distinct = if light { 5 } else { 8 };
            for (i, a) in sides.iter().take(distinct).enumerate() {
                assert!(!sides[i + 1..distinct].contains(a), "{sides:?}");
            }
        }
    }

    #[test]
    fn the_config_sets_colours_and_the_environment_overrides_it() {
        let text = r##"
[terminal]
colors = "256"
background = "light"
[colors]
focus = "#010203"
against = "#040506"
sides = ["#070809"]
"##;
        let (config, problems) = crate::config::parse("config.toml", text);
        assert!(problems.is_empty());
        let none = |_: &str| None;
        let truecolor = Terminal {
            color: true,
            depth: Depth::TrueColor,
            light: false,
        };
        let t = Theme::configured(truecolor, &config, &none);
        assert_eq!((t.depth(), t.light()), (Depth::Ansi256, true));
        // BRIEF_COLORS and BRIEF_BACKGROUND win over the config.
        let env =
            |k: &str| matches!(k, "BRIEF_COLORS" | "BRIEF_BACKGROUND").then(|| "x".to_string());
        let t = Theme::configured(truecolor, &config, &env);
        assert_eq!((t.depth(), t.light()), (Depth::TrueColor, false));
        // The colours are the config's.
        assert_eq!(t.focused().fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(t.stance(Stance::Opposes).fg, Some(Color::Rgb(4, 5, 6)));
        assert_eq!(
            t.stance(Stance::Supports).fg,
            Some(palette().for_),
            "what it does not set stays"
        );
        let t = t.with_sides(&briefing(&[None, None, Some("#0a0b0c")]));
        assert_eq!(t.side(Some(0)).fg, Some(Color::Rgb(7, 8, 9)));
        assert_eq!(t.side(Some(1)).fg, Some(palette().sides[1]));
        assert_eq!(
            t.side(Some(2)).fg,
            Some(Color::Rgb(10, 11, 12)),
            "a side's own wins"
        );
        // NO_COLOR wins over everything.
        let off = Terminal {
            color: false,
            ..truecolor
        };
        assert_eq!(Theme::configured(off, &config, &none).focused().fg, None);
    }

    #[test]
    fn the_terminal_decides_the_depth() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let t = Theme::for_terminal(term::detect(&env(&[("TERM", "xterm-256color")])));
        assert_eq!(t.depth(), Depth::Ansi256);
        assert!(matches!(t.key().fg, Some(Color::Indexed(_))));
        let t = Theme::for_terminal(term::detect(&env(&[("COLORTERM", "truecolor")])));
        assert!(matches!(t.key().fg, Some(Color::Rgb(..))));
        let t = Theme::for_terminal(term::detect(&env(&[("TERM", "vt100")])));
        assert_eq!(t.depth(), Depth::Ansi16);
        let t = Theme::for_terminal(term::detect(&env(&[("NO_COLOR", "1")])));
        assert_eq!(t.side(Some(0)).fg, None);
        assert!(t.current().add_modifier.contains(Modifier::REVERSED));
    }

    fn briefing(colors: &[Option<&str>]) -> Briefing {
        let mut b = Briefing::default();
        for (i, c) in colors.iter().enumerate() {
            b.sides.push(crate::model::Side {
                id: crate::model::Id::new(format!("s{i}")),
                name: format!("Side {i}"),
                letter: None,
                color: c.map(|c| crate::model::Id::new(c.to_string())),
            });
        }
        b
    }

    #[test]
    fn the_first_ten_sides_never_share_a_default_colour() {
        let t = Theme::new(true).with_sides(&briefing(&[None; 12]));
        let colours: Vec<_> = (0..10).map(|i| t.side(Some(i)).fg.unwrap()).collect();
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(t.side(Some(10)).fg, t.side(Some(0)).fg, "then they repeat");
    }

    #[test]
    fn a_sides_own_colour_is_kept_and_no_default_repeats_it() {
        // The second side asks for the palette's first colour.
        let t =
            Theme::new(true).with_sides(&briefing(&[None, Some("#56b4e9"), None, Some("#123456")]));
        let fg = |i| t.side(Some(i)).fg.unwrap();
        assert_eq!(fg(1), Color::Rgb(0x56, 0xb4, 0xe9));
        assert_eq!(fg(3), Color::Rgb(0x12, 0x34, 0x56));
        assert_eq!(
            fg(0),
            palette().sides[1],
            "the first side skips the colour the second chose"
        );
        assert_eq!(fg(2), palette().sides[2]);
        assert_eq!(
            Theme::new(false)
                .with_sides(&briefing(&[Some("#123456")]))
                .side(Some(0))
                .fg,
            None
        );
    }

    /// theme.toml gives the colours the code held before it (Okabe–Ito's
    /// and the side palettes), so nothing on screen changed.
    #[test]
    fn the_theme_toml_reads_and_gives_the_colours_the_code_had() {
        let p = Palette::parse(DEFAULT_TOML).expect("assets/theme.toml reads");
        let rgb = Color::Rgb;
        assert_eq!(
            [
                p.focus, p.key, p.filter, p.for_, p.for_weak, p.against, p.dim
            ],
            [
                rgb(240, 228, 66),
                rgb(86, 180, 233),
                rgb(230, 159, 0),
                rgb(0, 158, 115),
                rgb(110, 200, 160),
                rgb(213, 94, 0),
                Color::DarkGray,
            ]
        );
        assert_eq!(
            p.sides,
            [
                rgb(86, 180, 233),
                rgb(204, 121, 167),
                rgb(225, 225, 60),
                rgb(160, 120, 230),
                rgb(160, 200, 60),
                rgb(0, 114, 178),
                rgb(220, 90, 220),
                rgb(150, 150, 30),
                rgb(120, 140, 255),
                rgb(170, 200, 240),
            ]
        );
        assert_eq!(
            p.sides_light,
            [
                rgb(0, 110, 180),
                rgb(170, 50, 120),
                rgb(130, 130, 0),
                rgb(110, 60, 190),
                rgb(80, 120, 0),
                rgb(20, 40, 130),
                rgb(180, 0, 180),
                rgb(120, 50, 140),
                rgb(60, 90, 230),
                rgb(60, 110, 150),
            ]
        );
        use Color::*;
        assert_eq!(
            [p.for_16, p.for_weak_16, p.for_weak_16_light, p.against_16],
            [Green, LightGreen, Green, Red]
        );
        assert_eq!(
            p.sides_16,
            [
                LightCyan,
                LightMagenta,
                LightYellow,
                LightBlue,
                Yellow,
                Blue,
                Magenta,
                Cyan
            ]
        );
        assert_eq!(p.sides_16_light, [Blue, Magenta, Cyan, Yellow, LightBlue]);
        assert_eq!(&p, palette());
        // A wrong colour is said.
        let bad = DEFAULT_TOML.replace("focus = \"#f0e442\"", "focus = \"#f0e4\"");
        assert!(Palette::parse(&bad).is_err());
        assert!(palette_color("chartreuse").is_err());
    }

    #[test]
    fn every_stance_has_its_own_symbol() {
        let mut symbols: Vec<_> = Stance::ALL.iter().map(|&s| stance_symbol(s)).collect();
        symbols.sort();
        symbols.dedup();
        assert_eq!(symbols.len(), Stance::ALL.len());
    }
}
