//! Dates in search: a query term that reads as a date (`18 aug`,
//! `august 18`, `2025-08-18`, `aug 2025`), the day bounds of an item's
//! date, and how well the two fit.

use crate::model::{FuzzyDate, Point, When, date::days_in_month};

/// A day as (year, month, day): ordered as days are.
pub type Day = (i32, u8, u8);

/// The first and last day a date can mean, by the model's one order of
/// time; an open end is `None`. Undated dates have no bounds.
pub fn bounds(date: &FuzzyDate) -> Option<(Option<Day>, Option<Day>)> {
    let w = When::of(date);
    let day = |d: crate::model::time::Day| (d.year, d.month, d.day);
    w.is_dated()
        .then(|| (w.first_day().map(day), w.last_day().map(day)))
}

use crate::model::date::MONTH_NAMES as MONTHS;

/// A date typed in a query: a day or a month, with or without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTerm {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
}

/// A month from its name or an abbreviation of at least three letters.
fn month(word: &str) -> Option<u8> {
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u8 + 1)
}

fn day(word: &str) -> Option<u8> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1000..=2999).contains(y))
}

/// A token without the punctuation that may follow a date ("18,").
fn bare(token: &str) -> &str {
    token.trim_end_matches([',', '.', ';'])
}

impl DateTerm {
    /// Reads a date from the start of `tokens`; returns it and how many
    /// tokens it took. Forms: `18 aug [2025]`, `aug 18 [2025]`,
    /// `aug 2025`, `2025-08-18`, `2025-08`.
    pub fn parse(tokens: &[&str]) -> Option<(DateTerm, usize)> {
        let t: Vec<&str> = tokens.iter().take(3).map(|s| bare(s)).collect();
        let first = *t.first()?;
        if let Ok(p) = Point::parse(first)
            && first.contains('-')
        {
            return match p {
                Point::Day { year, month, day } => Some((
                    DateTerm {
                        year: Some(year),
                        month,
                        day: Some(day),
                    },
                    1,
                )),
                Point::Month { year, month } => Some((
                    DateTerm {
                        year: Some(year),
                        month,
                        day: None,
                    },
                    1,
                )),
                Point::Year { .. } => None,
            };
        }
        let second = *t.get(1)?;
        let third = t.get(2).and_then(|w| year(w));
        let valid = |d: DateTerm| match d.day {
            Some(day) => day <= days_in_month(d.year.unwrap_or(2024), d.month),
            None => true,
        };
        let with_year = |d: DateTerm| match third {
            Some(y) => (DateTerm { year: Some(y), ..d }, 3),
            None => (d, 2),
        };
        let found = if let (Some(d), Some(m)) = (day(first), month(second)) {
            Some(with_year(DateTerm {
                year: None,
                month: m,
                day: Some(d),
            }))
        } else if let (Some(m), Some(d)) = (month(first), day(second)) {
            Some(with_year(DateTerm {
                year: None,
                month: m,
                day: Some(d),
            }))
        } else if let (Some(m), Some(y)) = (month(first), year(second)) {
            Some((
                DateTerm {
                    year: Some(y),
                    month: m,
                    day: None,
                },
                2,
            ))
        } else {
            None
        };
        found.filter(|(d, _)| valid(*d))
    }

    /// The ways a text may write this date, lower case, as word sequences.
    pub fn spellings(&self) -> Vec<Vec<String>> {
        let full = MONTHS[self.month as usize - 1];
        let mut names = vec![full.to_string(), full[..3].to_string()];
        if self.month == 9 {
            names.push("sept".into());
        }
        names.dedup();
        let mut out: Vec<Vec<String>> = Vec::new();
        match self.day {
            Some(d) => {
                for n in &names {
                    out.push(vec![d.to_string(), n.clone()]);
                    out.push(vec![n.clone(), d.to_string()]);
                }
                if let Some(y) = self.year {
                    out.push(vec![format!("{y:04}-{:02}-{d:02}", self.month)]);
                }
            }
            None => {
                let y = self.year.map_or(String::new(), |y| y.to_string());
                for n in &names {
                    out.push(vec![n.clone(), y.clone()]);
                }
                out.push(vec![format!("{y}-{:02}", self.month)]);
            }
        }
        out
    }

    /// How well a date that spans `item` fits this term, out of 130: a date
    /// the term names exactly scores most, one inside it (a day of the typed
    /// month) next, and a vague date that merely could mean it the less the
    /// wider it is. `None` when it cannot mean the term at all.
    pub fn fit(&self, item: (Option<Day>, Option<Day>)) -> Option<i64> {
        let (lo, hi) = item;
        let years = match self.year {
            Some(y) => y..=y,
            None => {
                // A term without a year means that day in any year the
                // date may fall in (an open end: its known end's year); a
                // date vaguer than a few years means none.
                let (a, b) = match (lo, hi) {
                    (Some(lo), Some(hi)) => (lo.0, hi.0),
                    (Some(d), None) | (None, Some(d)) => (d.0, d.0),
                    (None, None) => return None,
                };
                if b - a > 3 {
                    return None;
                }
                a..=b
            }
        };
        years
            .filter_map(|y| {
                let (tl, th) = match self.day {
                    Some(d) => ((y, self.month, d), (y, self.month, d)),
                    None => (
                        (y, self.month, 1),
                        (y, self.month, days_in_month(y, self.month)),
                    ),
                };
                score(tl, th, lo, hi)
            })
            .max()
    }
}

/// Days as a number, for spans: months are counted as 31 days.
fn ordinal(d: Day) -> i64 {
    d.0 as i64 * 372 + (d.1 as i64 - 1) * 31 + d.2 as i64
}

fn score(tl: Day, th: Day, lo: Option<Day>, hi: Option<Day>) -> Option<i64> {
    if lo.is_some_and(|lo| lo > th) || hi.is_some_and(|hi| hi < tl) {
        return None;
    }
    if lo == Some(tl) && hi == Some(th) {
        return Some(130);
    }
    if lo.is_some_and(|lo| lo >= tl) && hi.is_some_and(|hi| hi <= th) {
        return Some(100);
    }
    let term = ordinal(th) - ordinal(tl) + 1;
    let span = match (lo, hi) {
        (Some(lo), Some(hi)) => ordinal(hi) - ordinal(lo) + 1,
        _ => i64::MAX / 100,
    };
    Some(30 + 50 * term.min(span) / span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Point {
        Point::parse(s).unwrap()
    }

    fn term(s: &str) -> DateTerm {
        let tokens: Vec<&str> = s.split_whitespace().collect();
        let (d, n) = DateTerm::parse(&tokens).unwrap_or_else(|| panic!("{s} is a date"));
        assert_eq!(n, tokens.len(), "{s}");
        d
    }

    #[test]
    fn reads_every_form() {
        let aug18 = DateTerm {
            year: None,
            month: 8,
            day: Some(18),
        };
        assert_eq!(term("18 aug"), aug18);
        assert_eq!(term("August 18"), aug18);
        assert_eq!(term("18th August"), aug18);
        assert_eq!(term("aug 18,"), aug18);
        assert_eq!(
            term("2025-08-18"),
            DateTerm {
                year: Some(2025),
                ..aug18
            }
        );
        assert_eq!(
            term("18 aug 2025"),
            DateTerm {
                year: Some(2025),
                ..aug18
            }
        );
        let aug = DateTerm {
            year: Some(2025),
            month: 8,
            day: None,
        };
        assert_eq!(term("aug 2025"), aug);
        assert_eq!(term("2025-08"), aug);
        assert_eq!(term("4 september").day, Some(4));
        assert_eq!(term("4 sept").month, 9);
    }

    #[test]
    fn other_words_are_not_dates() {
        for s in [
            "18",
            "aug",
            "au 18",
            "may be",
            "32 aug",
            "31 sep",
            "2025",
            "18 troops",
            "a 18",
        ] {
            let tokens: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(DateTerm::parse(&tokens), None, "{s}");
        }
    }

    #[test]
    fn bounds_of_every_shape() {
        assert_eq!(
            bounds(&FuzzyDate::Exact(p("2025-08"))),
            Some((Some((2025, 8, 1)), Some((2025, 8, 31))))
        );
        assert_eq!(
            bounds(&FuzzyDate::About {
                about: p("2025-08-18"),
                text: "mid-August".into(),
                inferred: false,
            }),
            Some((Some((2025, 8, 18)), Some((2025, 8, 18))))
        );
        let after = FuzzyDate::Range {
            from: Some(p("2025-09-06")),
            to: None,
            text: "after".into(),
            inferred: false,
        };
        assert_eq!(bounds(&after), Some((Some((2025, 9, 6)), None)));
        assert_eq!(bounds(&FuzzyDate::Unknown { text: None }), None);
    }

    #[test]
    fn exact_days_fit_best_then_days_within_then_vague_dates() {
        let day = |s: &str| bounds(&FuzzyDate::Exact(p(s))).unwrap();
        let t = term("18 aug");
        let exact = t.fit(day("2025-08-18")).unwrap();
        let month = t.fit(day("2025-08")).unwrap();
        let range = t.fit((Some((2025, 8, 18)), Some((2025, 8, 28)))).unwrap();
        let year = t.fit(day("2022")).unwrap();
        assert!(
            exact > range && range > month && month > year,
            "{exact} {range} {month} {year}"
        );
        assert_eq!(t.fit(day("2025-08-19")), None);
        assert_eq!(t.fit(day("2025-09")), None);
        // Open ranges may mean the day, barely.
        assert!(t.fit((Some((2025, 8, 1)), None)).is_some());
        // A day of the typed month is inside it.
        let aug = term("aug 2025");
        assert!(aug.fit(day("2025-08-18")).unwrap() > aug.fit(day("2025")).unwrap());
        assert_eq!(aug.fit(day("2024-08-18")), None);
        assert_eq!(aug.fit(day("2025-08")), Some(130));
    }
}
