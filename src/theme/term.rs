//! What the terminal can show: its colour depth and whether its background
//! is light, read from the environment, and colours brought within them.

use ratatui::style::Color;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// 24-bit RGB.
    TrueColor,
    /// The xterm 256-colour palette.
    Ansi256,
    /// The 16 ANSI colours, whatever the terminal makes of them.
    Ansi16,
}

/// What the environment says of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// `false` when `NO_COLOR` is set (no-color.org) or `BRIEF_COLORS=none`.
    pub color: bool,
    pub depth: Depth,
    pub light: bool,
}

/// Reads the terminal's colours from the environment (`env` gives a
/// variable's value):
/// - `BRIEF_COLORS` = `truecolor`/`24bit`, `256`, `16` or `none` forces a depth;
///   else `COLORTERM` = `truecolor` or `24bit` means 24-bit, a `TERM` with
///   `256color` 256 colours, any other `TERM` 16;
/// - `NO_COLOR` set to anything but the empty string turns colour off;
/// - `BRIEF_BACKGROUND` = `light` or `dark` forces the background; else
///   `COLORFGBG` (`fg;bg`, set by rxvt, Konsole and others) tells it: a
///   background of colour 7 or 9–15 is light. Otherwise it is taken as dark.
pub fn detect(env: &dyn Fn(&str) -> Option<String>) -> Terminal {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    let forced = set("BRIEF_COLORS").map(|v| v.to_ascii_lowercase());
    let depth = match forced.as_deref() {
        Some("truecolor" | "24bit") => Depth::TrueColor,
        Some("256") => Depth::Ansi256,
        Some("16") => Depth::Ansi16,
        _ => {
            let colorterm = set("COLORTERM").unwrap_or_default().to_ascii_lowercase();
            let term = set("TERM").unwrap_or_default();
            if colorterm == "truecolor" || colorterm == "24bit" {
                Depth::TrueColor
            } else if term.contains("256color") {
                Depth::Ansi256
            } else {
                Depth::Ansi16
            }
        }
    };
    let color = set("NO_COLOR").is_none() && forced.as_deref() != Some("none");
    let light = match set("BRIEF_BACKGROUND")
        .map(|v| v.to_ascii_lowercase())
        .as_deref()
    {
        Some("light") => true,
        Some("dark") => false,
        _ => set("COLORFGBG")
            .and_then(|v| {
                v.rsplit(';')
                    .next()
                    .and_then(|bg| bg.trim().parse::<u8>().ok())
            })
            .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg)),
    };
    Terminal {
        color,
        depth,
        light,
    }
}

fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    }
}

/// Relative luminance, 0 (black) to 1 (white), of an sRGB colour (a
/// simple weighting, enough to tell light colours from dark).
pub fn luminance(c: Color) -> f64 {
    rgb(c).map_or(0.5, |(r, g, b)| {
        (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0
    })
}

/// The most luminous a colour may be to read on a light background.
pub const LIGHT_BACKGROUND_MAX: f64 = 0.5;

/// A colour darkened, its hue kept, until it reads on a light background.
pub fn for_light(c: Color) -> Color {
    let l = luminance(c);
    match rgb(c) {
        Some((r, g, b)) if l > LIGHT_BACKGROUND_MAX => {
            let k = LIGHT_BACKGROUND_MAX / l;
            let scale = |v: u8| (f64::from(v) * k).round() as u8;
            Color::Rgb(scale(r), scale(g), scale(b))
        }
        _ => c,
    }
}

fn distance((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> i32 {
    let d = |a: u8, b: u8| i32::from(a) - i32::from(b);
    d(r1, r2).pow(2) + d(g1, g2).pow(2) + d(b1, b2).pow(2)
}

/// The nearest colour of the xterm 256-colour palette: its 6×6×6 cube or
/// its grey ramp.
pub fn to_256(c: Color) -> Color {
    let Some((r, g, b)) = rgb(c) else { return c };
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    let mean = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey_step = (i32::from(mean) - 8).clamp(0, 230) / 10;
    let grey = (8 + 10 * grey_step) as u8;
    let grey_index = 232 + grey_step as usize;
    if distance((grey, grey, grey), (r, g, b)) < distance(cube, (r, g, b)) {
        Color::Indexed(grey_index as u8)
    } else {
        Color::Indexed(cube_index as u8)
    }
}

/// The 16 ANSI colours as xterm shows them by default.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The nearest of the 16 ANSI colours, or of those in `among` if given.
pub fn to_16(c: Color, among: Option<&[Color]>) -> Color {
    let Some(target) = rgb(c) else { return c };
    ANSI16
        .iter()
        .filter(|(named, _)| among.is_none_or(|a| a.contains(named)))
        .min_by_key(|(_, v)| distance(*v, target))
        .map_or(c, |(named, _)| *named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn depth_from_colorterm_and_term() {
        let depth = |vars: &[(&str, &str)]| detect(&env(vars)).depth;
        assert_eq!(
            depth(&[("COLORTERM", "truecolor"), ("TERM", "xterm")]),
            Depth::TrueColor
        );
        assert_eq!(depth(&[("COLORTERM", "24bit")]), Depth::TrueColor);
        assert_eq!(depth(&[("TERM", "xterm-256color")]), Depth::Ansi256);
        assert_eq!(depth(&[("TERM", "tmux-256color")]), Depth::Ansi256);
        assert_eq!(depth(&[("TERM", "xterm")]), Depth::Ansi16);
        assert_eq!(depth(&[("TERM", "linux")]), Depth::Ansi16);
        assert_eq!(depth(&[]), Depth::Ansi16);
        assert_eq!(
            depth(&[("COLORTERM", "truecolor"), ("BRIEF_COLORS", "256")]),
            Depth::Ansi256,
            "the setting wins"
        );
        assert_eq!(
            depth(&[("TERM", "xterm"), ("BRIEF_COLORS", "24bit")]),
            Depth::TrueColor
        );
    }

    #[test]
    fn colour_off_by_no_color_or_the_setting() {
        assert!(detect(&env(&[("TERM", "xterm")])).color);
        assert!(detect(&env(&[("NO_COLOR", "")])).color, "empty means unset");
        assert!(!detect(&env(&[("NO_COLOR", "1")])).color);
        assert!(!detect(&env(&[("BRIEF_COLORS", "none")])).color);
    }

    #[test]
    fn light_background_from_colorfgbg_or_the_setting() {
        let light = |vars: &[(&str, &str)]| detect(&env(vars)).light;
        assert!(!light(&[]));
        assert!(light(&[("COLORFGBG", "0;15")]));
        assert!(light(&[("COLORFGBG", "0;default;7")]));
        assert!(!light(&[("COLORFGBG", "15;0")]));
        assert!(!light(&[("COLORFGBG", "nonsense")]));
        assert!(light(&[
            ("COLORFGBG", "15;0"),
            ("BRIEF_BACKGROUND", "light")
        ]));
        assert!(!light(&[
            ("COLORFGBG", "0;15"),
            ("BRIEF_BACKGROUND", "dark")
        ]));
    }

    #[test]
    fn colours_come_down_to_the_depth() {
        assert_eq!(to_256(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_256(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_256(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(to_256(Color::Rgb(86, 180, 233)), Color::Indexed(74));
        assert_eq!(to_16(Color::Rgb(213, 94, 0), None), Color::Red);
        assert_eq!(to_16(Color::Rgb(240, 228, 66), None), Color::LightYellow);
        assert_eq!(
            to_16(Color::Rgb(213, 94, 0), Some(&[Color::Blue, Color::Yellow])),
            Color::Yellow
        );
        assert_eq!(
            to_256(Color::DarkGray),
            Color::DarkGray,
            "named colours stay"
        );
    }

    #[test]
    fn light_colours_darken_and_keep_their_hue() {
        let yellow = Color::Rgb(240, 228, 66);
        let dark = for_light(yellow);
        assert!(luminance(dark) <= LIGHT_BACKGROUND_MAX + 0.01, "{dark:?}");
        let Color::Rgb(r, g, b) = dark else { panic!() };
        // The same proportions: 240:228:66.
        assert!((f64::from(r) / f64::from(g) - 240.0 / 228.0).abs() < 0.02);
        assert!(b < g);
        let already = Color::Rgb(0, 114, 178);
        assert_eq!(for_light(already), already);
    }
}
