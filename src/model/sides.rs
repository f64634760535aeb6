//! A briefing's sides: the letter each is shown by and the colour it may
//! ask for. Which sides there are belongs to the briefing; nothing here
//! names any.

use super::types::Side;

/// The letter written on a side (`letter = "K"`), if it is one ASCII
/// letter or digit; upper case for letters.
pub fn parse_letter(s: &str) -> Result<char, String> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphanumeric() => Ok(c.to_ascii_uppercase()),
        _ => Err(format!(
            "side letter `{s}` must be one ASCII letter or digit, e.g. \"K\""
        )),
    }
}

/// A colour written as `"#rrggbb"`, as red, green and blue.
pub fn parse_color(s: &str) -> Result<[u8; 3], String> {
    let bad = || format!("colour `{s}` must be written \"#rrggbb\", e.g. \"#56b4e9\"");
    let hex = s.strip_prefix('#').ok_or_else(bad)?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
    Ok([byte(0)?, byte(2)?, byte(4)?])
}

/// One letter per side, in the briefing's order. A side's own valid
/// `letter` is kept; every other side takes the first letter of its name
/// (then of its id) that no side has, else the first unused letter or
/// digit, so two sides never share one while 36 suffice. Letters that
/// two sides both set are reported by `brief check`; here the later one
/// gets a default instead.
pub fn letters(sides: &[Side]) -> Vec<char> {
    let chosen: Vec<Option<char>> = sides
        .iter()
        .map(|s| s.letter.as_ref().and_then(|l| parse_letter(l).ok()))
        .collect();
    let mut taken: Vec<char> = Vec::new();
    let mut own: Vec<Option<char>> = Vec::with_capacity(sides.len());
    for c in &chosen {
        match c {
            Some(c) if !taken.contains(c) => {
                taken.push(*c);
                own.push(Some(*c));
            }
            _ => own.push(None),
        }
    }
    let spare = ('A'..='Z').chain('0'..='9');
    sides
        .iter()
        .zip(own)
        .map(|(side, own)| {
            if let Some(c) = own {
                return c;
            }
            let letter = side
                .name
                .chars()
                .chain(side.id.chars())
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .chain(spare.clone())
                .find(|c| !taken.contains(c))
                .unwrap_or('?');
            taken.push(letter);
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::located::Located;

    fn side(id: &str, name: &str, letter: Option<&str>) -> Side {
        Side {
            id: Located::new(id.into()),
            name: name.into(),
            letter: letter.map(|l| Located::new(l.into())),
            color: None,
        }
    }

    #[test]
    fn letters_come_from_names_and_never_repeat() {
        let sides = [
            side("council", "City council", None),
            side("cyclists", "Cyclists' union", None),
            side("chamber", "Chamber of commerce", None),
            side("residents", "Residents", None),
        ];
        assert_eq!(letters(&sides), ['C', 'Y', 'H', 'R']);
    }

    #[test]
    fn a_letter_set_by_a_side_is_kept_and_avoided_by_the_others() {
        let sides = [
            side("council", "City council", None),
            side("chamber", "Chamber of commerce", Some("c")),
        ];
        // The council's own C is taken by the chamber, later in the file.
        assert_eq!(letters(&sides), ['I', 'C']);
    }

    #[test]
    fn names_without_free_letters_fall_back_to_unused_letters_then_digits() {
        let mut sides = vec![side("a", "A", None), side("b", "A", None)];
        assert_eq!(letters(&sides), ['A', 'B']);
        sides = (0..40).map(|i| side(&format!("s{i}"), "", None)).collect();
        let got = letters(&sides);
        let mut first: Vec<char> = got[..36].to_vec();
        first.sort();
        first.dedup();
        assert_eq!(first.len(), 36, "every letter and digit once: {got:?}");
        assert!(first.iter().all(char::is_ascii_alphanumeric), "{got:?}");
        assert_eq!(got[36..], ['?'; 4], "none left after 36");
    }

    #[test]
    fn a_letter_set_twice_goes_to_the_first_side_only() {
        let sides = [side("a", "Alpha", Some("X")), side("b", "Beta", Some("x"))];
        assert_eq!(letters(&sides), ['X', 'B']);
    }

    #[test]
    fn letters_and_colours_are_parsed_strictly() {
        assert_eq!(parse_letter("k"), Ok('K'));
        assert_eq!(parse_letter("7"), Ok('7'));
        assert!(parse_letter("KY").is_err());
        assert!(parse_letter("").is_err());
        assert!(parse_letter("é").is_err());
        assert_eq!(parse_color("#56B4e9"), Ok([0x56, 0xb4, 0xe9]));
        for bad in ["56b4e9", "#56b4e", "#56b4e9a", "#gg0000", "blue", "#"] {
            assert!(parse_color(bad).is_err(), "{bad}");
        }
    }
}
