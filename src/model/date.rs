//! Dates that keep the precision and the words of their source.

use std::fmt;

/// A point in time at the precision a source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    Day { year: i32, month: u8, day: u8 },
    Month { year: i32, month: u8 },
    Year { year: i32 },
}

/// A date as a briefing records it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FuzzyDate {
    /// A day, a month or a year.
    Exact(Point),
    /// Exactly this point, in the source's words ("on Monday").
    On {
        on: Point,
        text: String,
        inferred: bool,
    },
    /// Approximately this point, in the source's words ("mid-August").
    About {
        about: Point,
        text: String,
        inferred: bool,
    },
    /// Somewhere between two points, in the source's words ("late August").
    /// One end may be open: `from` alone is "on or after", `to` alone "on or before".
    Range {
        from: Option<Point>,
        to: Option<Point>,
        text: String,
        inferred: bool,
    },
    /// Not known beyond the words, if any.
    Unknown { text: Option<String> },
}

pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The months' full names, lower case, for reading dates as people type them.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Point {
    /// Parses "2025-08-18", "2025-08" or "2025", checking the day exists.
    pub fn parse(s: &str) -> Result<Point, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &str| -> Result<u32, String> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4 {
                return Err(format!("`{s}` is not a date: bad {what}"));
            }
            p.parse::<u32>().map_err(|_| format!("`{s}` is not a date"))
        };
        let expected = || format!("`{s}` is not a date; write YYYY-MM-DD, \"YYYY-MM\" or \"YYYY\"");
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(Point::Year {
                year: num(y, "year")? as i32,
            }),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let (year, month) = (num(y, "year")? as i32, num(m, "month")? as u8);
                if !(1..=12).contains(&month) {
                    return Err(format!("`{s}` has no month {month}"));
                }
                Ok(Point::Month { year, month })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let (year, month) = (num(y, "year")? as i32, num(m, "month")? as u8);
                let day = num(d, "day")? as u8;
                if !(1..=12).contains(&month) {
                    return Err(format!("`{s}` has no month {month}"));
                }
                if day == 0 || day > days_in_month(year, month) {
                    return Err(format!(
                        "`{s}` does not exist: {} {year} has no day {day}",
                        MONTHS[month as usize - 1]
                    ));
                }
                Ok(Point::Day { year, month, day })
            }
            _ => Err(expected()),
        }
    }

    /// The first day this point can mean, as (year, month, day).
    pub fn earliest(&self) -> (i32, u8, u8) {
        match *self {
            Point::Day { year, month, day } => (year, month, day),
            Point::Month { year, month } => (year, month, 1),
            Point::Year { year } => (year, 1, 1),
        }
    }

    /// The last day this point can mean.
    pub fn latest(&self) -> (i32, u8, u8) {
        match *self {
            Point::Day { year, month, day } => (year, month, day),
            Point::Month { year, month } => (year, month, days_in_month(year, month)),
            Point::Year { year } => (year, 12, 31),
        }
    }

    pub fn year(&self) -> i32 {
        self.earliest().0
    }

    /// ISO form at this precision: "2025-08-18", "2025-08", "2025".
    pub fn iso(&self) -> String {
        match *self {
            Point::Day { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Point::Month { year, month } => format!("{year:04}-{month:02}"),
            Point::Year { year } => format!("{year:04}"),
        }
    }

    /// Human form: "18 Aug 2025", "Aug 2025", "2025".
    pub fn human(&self) -> String {
        match *self {
            Point::Day { year, month, day } => {
                format!("{day} {} {year}", MONTHS[month as usize - 1])
            }
            Point::Month { year, month } => format!("{} {year}", MONTHS[month as usize - 1]),
            Point::Year { year } => format!("{year}"),
        }
    }
}

impl FuzzyDate {
    /// ISO form for machines; vague dates give their best point.
    pub fn iso(&self) -> Option<String> {
        match self {
            FuzzyDate::Exact(p)
            | FuzzyDate::On { on: p, .. }
            | FuzzyDate::About { about: p, .. } => Some(p.iso()),
            FuzzyDate::Range { from, to, .. } => Some(format!(
                "{}/{}",
                from.map_or(String::new(), |p| p.iso()),
                to.map_or(String::new(), |p| p.iso())
            )),
            FuzzyDate::Unknown { .. } => None,
        }
    }

    /// The source's own words, when the date is vague.
    pub fn words(&self) -> Option<&str> {
        match self {
            FuzzyDate::On { text, .. }
            | FuzzyDate::About { text, .. }
            | FuzzyDate::Range { text, .. } => Some(text),
            FuzzyDate::Unknown { text } => text.as_deref(),
            FuzzyDate::Exact(_) => None,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, FuzzyDate::Unknown { .. })
    }

    /// Whether the curator inferred part of it (say the year of "in March")
    /// rather than reading it in the source.
    pub fn is_inferred(&self) -> bool {
        matches!(
            self,
            FuzzyDate::On { inferred: true, .. }
                | FuzzyDate::About { inferred: true, .. }
                | FuzzyDate::Range { inferred: true, .. }
        )
    }
}

impl fmt::Display for FuzzyDate {
    /// How a reader sees the date: at its precision, vague dates in their words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FuzzyDate::Exact(p) => f.write_str(&p.human()),
            FuzzyDate::On { on: p, text, .. } | FuzzyDate::About { about: p, text, .. } => {
                with_years(f, text, p.year(), p.year())
            }
            FuzzyDate::Range { from, to, text, .. } => {
                let first = from.or(*to).map_or(0, |p| p.year());
                let last = to.or(*from).map_or(0, |p| p.year());
                with_years(f, text, first, last)
            }
            FuzzyDate::Unknown { text: Some(t) } => f.write_str(t),
            FuzzyDate::Unknown { text: None } => f.write_str("unknown"),
        }
    }
}

/// The source's words, followed by the year(s) unless the words give them.
fn with_years(f: &mut fmt::Formatter<'_>, text: &str, first: i32, last: i32) -> fmt::Result {
    if text.contains(&first.to_string()) || first == 0 {
        f.write_str(text)
    } else if first == last {
        write!(f, "{text} ({first})")
    } else {
        write!(f, "{text} ({first}–{last})")
    }
}

impl serde::Serialize for FuzzyDate {
    /// Exact dates are ISO strings at their precision; vague ones are objects
    /// that keep the source's words.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            FuzzyDate::Exact(p) => s.serialize_str(&p.iso()),
            FuzzyDate::On { on, text, inferred } => {
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("on", &on.iso())?;
                m.serialize_entry("text", text)?;
                if *inferred {
                    m.serialize_entry("inferred", &true)?;
                }
                m.end()
            }
            FuzzyDate::About {
                about,
                text,
                inferred,
            } => {
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("about", &about.iso())?;
                m.serialize_entry("text", text)?;
                if *inferred {
                    m.serialize_entry("inferred", &true)?;
                }
                m.end()
            }
            FuzzyDate::Range {
                from,
                to,
                text,
                inferred,
            } => {
                let mut m = s.serialize_map(None)?;
                if let Some(from) = from {
                    m.serialize_entry("from", &from.iso())?;
                }
                if let Some(to) = to {
                    m.serialize_entry("to", &to.iso())?;
                }
                m.serialize_entry("text", text)?;
                if *inferred {
                    m.serialize_entry("inferred", &true)?;
                }
                m.end()
            }
            FuzzyDate::Unknown { text: None } => s.serialize_str("unknown"),
            FuzzyDate::Unknown { text: Some(t) } => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("text", t)?;
                m.end()
            }
        }
    }
}

impl<'de> serde::Deserialize<'de> for FuzzyDate {
    /// Reads every form in briefings/README.md: a TOML date, "YYYY-MM",
    /// "YYYY", "unknown", or a table with `text` and `about` or `from`/`to`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = toml::Value::deserialize(d)?;
        from_toml(&value).map_err(D::Error::custom)
    }
}

const DATE_FORMS: &str = "a date is 2025-08-18, \"2025-08\", \"2025\", \"unknown\", \
    or a table with `text` and `on`, `about`, `from` or `to` (and optionally `inferred`)";

fn point_from_toml(value: &toml::Value) -> Result<Point, String> {
    match value {
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(date), None) => Point::parse(&date.to_string()),
            _ => Err(format!("`{dt}` has a time; give only the date")),
        },
        toml::Value::String(s) => Point::parse(s),
        other => Err(format!(
            "expected a date, found {}; {DATE_FORMS}",
            other.type_str()
        )),
    }
}

fn from_toml(value: &toml::Value) -> Result<FuzzyDate, String> {
    match value {
        toml::Value::String(s) if s == "unknown" => Ok(FuzzyDate::Unknown { text: None }),
        toml::Value::Table(t) => {
            let text = match t.get("text") {
                Some(toml::Value::String(s)) if !s.trim().is_empty() => s.clone(),
                Some(_) => {
                    return Err("`text` must be the source's words, a non-empty string".into());
                }
                None => {
                    return Err(format!(
                        "a date table needs `text`, the source's own words; {DATE_FORMS}"
                    ));
                }
            };
            if let Some(key) = t
                .keys()
                .find(|k| !["text", "on", "about", "from", "to", "inferred"].contains(&k.as_str()))
            {
                return Err(format!("unknown date field `{key}`; {DATE_FORMS}"));
            }
            let inferred = match t.get("inferred") {
                None => false,
                Some(toml::Value::Boolean(b)) => *b,
                Some(other) => {
                    return Err(format!(
                        "`inferred` is true or false, found {}",
                        other.type_str()
                    ));
                }
            };
            match (t.get("on"), t.get("about"), t.get("from"), t.get("to")) {
                (None, None, None, None) if inferred => Err(
                    "`inferred` needs a date to qualify: give `on`, `about`, `from` or `to`".into(),
                ),
                (None, None, None, None) => Ok(FuzzyDate::Unknown { text: Some(text) }),
                (Some(on), None, None, None) => Ok(FuzzyDate::On {
                    on: point_from_toml(on)?,
                    text,
                    inferred,
                }),
                (None, Some(about), None, None) => Ok(FuzzyDate::About {
                    about: point_from_toml(about)?,
                    text,
                    inferred,
                }),
                (None, None, from, to) => {
                    let from = from.map(point_from_toml).transpose()?;
                    let to = to.map(point_from_toml).transpose()?;
                    if let (Some(f), Some(t)) = (from, to)
                        && f.earliest() > t.latest()
                    {
                        return Err(format!(
                            "date range out of order: `from` {} is after `to` {}",
                            f.iso(),
                            t.iso()
                        ));
                    }
                    Ok(FuzzyDate::Range {
                        from,
                        to,
                        text,
                        inferred,
                    })
                }
                _ => Err(format!(
                    "give one of `on`, `about`, or `from` and/or `to`; {DATE_FORMS}"
                )),
            }
        }
        other => point_from_toml(other).map(FuzzyDate::Exact),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(Point::parse("2025-08-18").unwrap().human(), "18 Aug 2025");
        assert_eq!(Point::parse("2025-08").unwrap().human(), "Aug 2025");
        assert_eq!(Point::parse("2022").unwrap().iso(), "2022");
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(
            Point::parse("2025-02-29")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(Point::parse("2024-02-29").is_ok());
        assert!(Point::parse("2025-13").is_err());
        assert!(Point::parse("August").is_err());
        assert!(Point::parse("2025-8-1").is_err());
    }

    #[test]
    fn vague_dates_show_their_words() {
        let late = FuzzyDate::Range {
            from: Some(Point::parse("2025-08-21").unwrap()),
            to: Some(Point::parse("2025-08-31").unwrap()),
            text: "late August".into(),
            inferred: false,
        };
        assert_eq!(late.to_string(), "late August (2025)");
        let after = FuzzyDate::Range {
            from: Some(Point::parse("2025-09-06").unwrap()),
            to: None,
            text: "after 6 September 2025".into(),
            inferred: false,
        };
        assert_eq!(after.to_string(), "after 6 September 2025", "no year twice");
    }

    fn parse(toml_value: &str) -> Result<FuzzyDate, String> {
        let doc: toml::Table = toml::from_str(&format!("d = {toml_value}")).unwrap();
        from_toml(&doc["d"])
    }

    #[test]
    fn reads_on_and_inferred() {
        let d = parse(r#"{ on = "2025-03", text = "in March", inferred = true }"#).unwrap();
        assert_eq!(
            d,
            FuzzyDate::On {
                on: Point::Month {
                    year: 2025,
                    month: 3
                },
                text: "in March".into(),
                inferred: true
            }
        );
        assert!(d.is_inferred());
        assert_eq!(d.to_string(), "in March (2025)");
        assert!(!parse("2025-08-18").unwrap().is_inferred());
        let err = parse(r#"{ text = "sometime", inferred = true }"#).unwrap_err();
        assert!(err.contains("needs a date"), "{err}");
        let err = parse(r#"{ on = 2025-08-18, about = 2025-08-18, text = "x" }"#).unwrap_err();
        assert!(err.contains("one of"), "{err}");
        let err = parse(r#"{ on = 2025-08-18, text = "x", inferred = "yes" }"#).unwrap_err();
        assert!(err.contains("true or false"), "{err}");
    }
}
