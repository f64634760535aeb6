//! The one order of time. Every list, view and export places dated items
//! through [`When`], so that no two panes can disagree about what came first.
//!
//! The rule, documented in briefings/README.md:
//! - a date means the days it bounds: a day itself, a month or a year all
//!   of its days, a range from its first to its last day; an open end is
//!   unbounded;
//! - where a date has no upper bound, an item that a source reports happened
//!   on or before that source was published, so the earliest publication of
//!   its sources bounds it; an `expected` event is the other way round: it
//!   comes on or after the sources that expect it;
//! - dated items sort by the earliest day they can mean; one bounded only
//!   above ("on or before 20 Aug") sorts at that bound, before the items of
//!   that day; one bounded only below sorts at its bound, after them; ties
//!   go to the shorter span, then to file order;
//! - an item with no bound at all is *undated*: it sorts after every dated
//!   one, is shown apart, and is never an actor's current stance.

use std::cmp::Ordering;

use super::date::{FuzzyDate, MONTH_NAMES, MONTHS, Point};

/// A calendar day. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub const MIN: Day = Day {
        year: i32::MIN,
        month: 1,
        day: 1,
    };
    pub const MAX: Day = Day {
        year: i32::MAX,
        month: 12,
        day: 31,
    };

    fn from_tuple((year, month, day): (i32, u8, u8)) -> Day {
        Day { year, month, day }
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before), for spacing days on an axis.
    pub fn number(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl Point {
    /// The first day this point can mean.
    pub fn first_day(&self) -> Day {
        Day::from_tuple(self.earliest())
    }
    /// The last day this point can mean.
    pub fn last_day(&self) -> Day {
        Day::from_tuple(self.latest())
    }
}

/// Reads a date as a person types it: `2025-08-20`, `2025-08`, `2025`,
/// `20 aug`, `aug 20`, `20 August 2025`, `aug 2025`, `4 september`. A day or
/// month without a year takes `year`. Gives the first and last day it means.
pub fn parse_loose(input: &str, year: i32) -> Option<(Day, Day)> {
    let s = input.trim().to_lowercase();
    if let Ok(p) = Point::parse(&s) {
        return Some((p.first_day(), p.last_day()));
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |w: &str| {
        (w.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|m| m.to_lowercase().starts_with(&w[..3]))
                    .filter(|&i| MONTH_NAMES[i].starts_with(w))
            })
            .flatten()
            .map(|i| i as u8 + 1)
    };
    let (mut day, mut month, mut yr) = (None, None, None);
    for w in &words {
        // "4th", "1st": the number without its ordinal ending.
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|end| w.strip_suffix(end))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let w = ordinal.unwrap_or(w);
        if let Some(m) = month_of(w) {
            month.get_or_insert(m);
        } else if let Ok(n) = w.parse::<i32>() {
            if (1..=31).contains(&n) && day.is_none() && w.len() <= 2 {
                day = Some(n as u8);
            } else if w.len() == 4 {
                yr = Some(n);
            } else {
                return None;
            }
        } else {
            return None;
        }
    }
    let month = month?;
    let year = yr.unwrap_or(year);
    let point = match day {
        Some(d) if d <= super::date::days_in_month(year, month) => Point::Day {
            year,
            month,
            day: d,
        },
        Some(_) => return None,
        None => Point::Month { year, month },
    };
    Some((point.first_day(), point.last_day()))
}

/// The side of its span at which a date is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Bounded only above: "on or before" the day.
    OnOrBefore,
    /// Bounded on both sides: from the day on.
    Within,
    /// Bounded only below: "on or after" the day.
    OnOrAfter,
}

/// Where an item sits on the time axis; the derived `Ord` is the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placement {
    Dated { at: Day, phase: Phase, until: Day },
    Undated,
}

/// Which bound, if any, came from a source's publication rather than from
/// the item's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derived {
    None,
    /// On or before the first publication of a source reporting it.
    Reported,
    /// On or after the publication of a source that expects it.
    Expected,
}

/// An item's place in time: its date's bounds, made narrower by what its
/// sources imply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The first and last day it can mean, at the precision written.
    pub from: Option<Point>,
    pub to: Option<Point>,
    /// "About" dates are approximate even at their own precision.
    pub about: bool,
    /// Part of the date is the curator's inference.
    pub inferred: bool,
    pub derived: Derived,
}

impl When {
    pub const UNDATED: When = When {
        from: None,
        to: None,
        about: false,
        inferred: false,
        derived: Derived::None,
    };

    /// The bounds written in a date, nothing derived.
    pub fn of(date: &FuzzyDate) -> When {
        let (from, to, about) = match date {
            FuzzyDate::Exact(p) | FuzzyDate::On { on: p, .. } => (Some(*p), Some(*p), false),
            FuzzyDate::About { about, .. } => (Some(*about), Some(*about), true),
            FuzzyDate::Range { from, to, .. } => (*from, *to, false),
            FuzzyDate::Unknown { .. } => (None, None, false),
        };
        When {
            from,
            to,
            about,
            inferred: date.is_inferred(),
            derived: Derived::None,
        }
    }

    /// As [`When::of`] for an optional date.
    pub fn of_opt(date: Option<&FuzzyDate>) -> When {
        date.map_or(When::UNDATED, When::of)
    }

    /// Narrows an open upper end to the first of `published`: what a source
    /// reports has happened by the time it is published.
    pub fn reported_by(mut self, published: impl IntoIterator<Item = When>) -> When {
        if self.to.is_none()
            && let Some(p) = published
                .into_iter()
                .filter_map(|w| w.to)
                .min_by_key(Point::last_day)
        {
            self.to = Some(p);
            self.derived = Derived::Reported;
        }
        self
    }

    /// Narrows an open lower end to the last of `published`: what a source
    /// expects has not happened by the time it is published.
    pub fn expected_after(mut self, published: impl IntoIterator<Item = When>) -> When {
        if self.from.is_none()
            && let Some(p) = published
                .into_iter()
                .filter_map(|w| w.from)
                .max_by_key(Point::first_day)
        {
            self.from = Some(p);
            self.derived = Derived::Expected;
        }
        self
    }

    pub fn first_day(&self) -> Option<Day> {
        self.from.map(|p| p.first_day())
    }
    pub fn last_day(&self) -> Option<Day> {
        self.to.map(|p| p.last_day())
    }

    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether it names one day, month or year exactly.
    pub fn is_exact(&self) -> bool {
        !self.about && !self.inferred && self.from.is_some() && self.from == self.to
    }

    /// Its place on the time axis.
    pub fn placement(&self) -> Placement {
        match (self.first_day(), self.last_day()) {
            (Some(at), Some(until)) => Placement::Dated {
                at,
                phase: Phase::Within,
                until,
            },
            (None, Some(at)) => Placement::Dated {
                at,
                phase: Phase::OnOrBefore,
                until: at,
            },
            (Some(at), None) => Placement::Dated {
                at,
                phase: Phase::OnOrAfter,
                until: Day::MAX,
            },
            (None, None) => Placement::Undated,
        }
    }

    /// Whether it can mean some day between `first` and `last` (inclusive).
    pub fn can_mean(&self, first: Day, last: Day) -> bool {
        self.is_dated()
            && self.first_day().unwrap_or(Day::MIN) <= last
            && first <= self.last_day().unwrap_or(Day::MAX)
    }

    /// Whether the order of `self` and `other` is a guess: one could fall on
    /// either side of the other. Touching at an end is not overlap: "on or
    /// before 4 Sep" comes before "4 Sep" by the rule.
    pub fn overlaps(&self, other: &When) -> bool {
        if !self.is_dated() || !other.is_dated() {
            return true;
        }
        let (a0, a1) = (
            self.first_day().unwrap_or(Day::MIN),
            self.last_day().unwrap_or(Day::MAX),
        );
        let (b0, b1) = (
            other.first_day().unwrap_or(Day::MIN),
            other.last_day().unwrap_or(Day::MAX),
        );
        (a0 < b1 && b0 < a1) || self.placement() == other.placement()
    }

    /// The compact, sortable form a column shows: "15 Aug 2025",
    /// "~Aug 2025", "≤ 20 Aug 2025", "16–17 Aug 2025", "2022", "Mar 2025?",
    /// "undated". The source's words belong in a details view.
    pub fn label(&self) -> String {
        let core = match (self.from, self.to) {
            (Some(a), Some(b)) => span_label(a, b),
            (None, Some(b)) => format!("≤ {}", b.human()),
            (Some(a), None) => format!("≥ {}", a.human()),
            (None, None) => return "undated".into(),
        };
        let about = if self.about { "~" } else { "" };
        let mark = if self.inferred { "?" } else { "" };
        format!("{about}{core}{mark}")
    }
}

/// "16–17 Aug 2025", "15 Aug–4 Sep 2025", "Mar–Aug 2025", "2022–2025",
/// "Dec 2024–Jan 2025"; a span that covers whole months or years reads as them.
fn span_label(a: Point, b: Point) -> String {
    let (first, last) = (a.first_day(), b.last_day());
    if first == last {
        return a.human();
    }
    let whole_month =
        |p: Day, q: Day| p.day == 1 && q.day == super::date::days_in_month(q.year, q.month);
    let mon = |m: u8| MONTHS[m as usize - 1];
    if whole_month(first, last) && first.month == 1 && last.month == 12 {
        return if first.year == last.year {
            first.year.to_string()
        } else {
            format!("{}–{}", first.year, last.year)
        };
    }
    if whole_month(first, last) {
        return match (first.year == last.year, first.month == last.month) {
            (true, true) => format!("{} {}", mon(first.month), first.year),
            (true, false) => format!("{}–{} {}", mon(first.month), mon(last.month), last.year),
            _ => format!(
                "{} {}–{} {}",
                mon(first.month),
                first.year,
                mon(last.month),
                last.year
            ),
        };
    }
    match (first.year == last.year, first.month == last.month) {
        (true, true) => format!(
            "{}–{} {} {}",
            first.day,
            last.day,
            mon(last.month),
            last.year
        ),
        (true, false) => format!(
            "{} {}–{} {} {}",
            first.day,
            mon(first.month),
            last.day,
            mon(last.month),
            last.year
        ),
        _ => format!(
            "{} {} {}–{} {} {}",
            first.day,
            mon(first.month),
            first.year,
            last.day,
            mon(last.month),
            last.year
        ),
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for When {
    /// The one order of time; equal placements are left to file order by a
    /// stable sort.
    fn cmp(&self, other: &Self) -> Ordering {
        self.placement().cmp(&other.placement())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Point {
        Point::parse(s).unwrap()
    }
    fn range(from: Option<&str>, to: Option<&str>) -> FuzzyDate {
        FuzzyDate::Range {
            from: from.map(p),
            to: to.map(p),
            text: "words".into(),
            inferred: false,
        }
    }
    fn w(d: &FuzzyDate) -> When {
        When::of(d)
    }

    #[test]
    fn every_shape_has_one_place() {
        let shapes = [
            ("2022", w(&FuzzyDate::Exact(p("2022")))),
            ("Aug", w(&FuzzyDate::Exact(p("2025-08")))),
            ("≤ 15 Aug", w(&range(None, Some("2025-08-15")))),
            (
                "~15 Aug",
                w(&FuzzyDate::About {
                    about: p("2025-08-15"),
                    text: "mid-August".into(),
                    inferred: false,
                }),
            ),
            ("15 Aug", w(&FuzzyDate::Exact(p("2025-08-15")))),
            (
                "15–20 Aug",
                w(&range(Some("2025-08-15"), Some("2025-08-20"))),
            ),
            ("≥ 15 Aug", w(&range(Some("2025-08-15"), None))),
            ("18 Aug", w(&FuzzyDate::Exact(p("2025-08-18")))),
            (
                "on 4 Sep",
                w(&FuzzyDate::On {
                    on: p("2025-09-04"),
                    text: "on Thursday".into(),
                    inferred: false,
                }),
            ),
            (
                "unknown words",
                w(&FuzzyDate::Unknown {
                    text: Some("once".into()),
                }),
            ),
        ];
        for pair in shapes.windows(2) {
            assert!(
                pair[0].1 <= pair[1].1,
                "{} should not sort after {}",
                pair[0].0,
                pair[1].0
            );
        }
        // The exact day and "about" the same day tie; the stable sort keeps file order.
        assert_eq!(shapes[3].1.cmp(&shapes[4].1), Ordering::Equal);
        assert_eq!(
            w(&FuzzyDate::Unknown { text: None }).placement(),
            Placement::Undated
        );
    }

    #[test]
    fn undated_is_never_latest() {
        let undated = w(&FuzzyDate::Unknown {
            text: Some("earlier (not dated)".into()),
        });
        let dated = w(&FuzzyDate::Exact(p("2025-09-04")));
        let mut v = [undated, dated];
        v.sort();
        assert_eq!(v, [dated, undated]);
        assert!(!undated.is_dated());
    }

    #[test]
    fn sources_bound_what_they_report_or_expect() {
        let published = [
            w(&FuzzyDate::Exact(p("2025-09-04"))),
            w(&FuzzyDate::Exact(p("2025-08-20"))),
            w(&FuzzyDate::Unknown { text: None }),
        ];
        let reported = When::UNDATED.reported_by(published);
        assert_eq!(reported.label(), "≤ 20 Aug 2025");
        assert_eq!(reported.derived, Derived::Reported);
        // A written upper bound wins; the check warns if it is later.
        let written = w(&range(None, Some("2025-08-15"))).reported_by(published);
        assert_eq!(
            (written.label(), written.derived),
            ("≤ 15 Aug 2025".into(), Derived::None)
        );
        let after = w(&range(Some("2025-08-15"), None)).reported_by(published);
        assert_eq!(after.label(), "15–20 Aug 2025");
        let expected = When::UNDATED.expected_after(published);
        assert_eq!(expected.label(), "≥ 4 Sep 2025");
        assert!(When::UNDATED.reported_by([When::UNDATED]).placement() == Placement::Undated);
    }

    #[test]
    fn labels_are_compact() {
        let cases = [
            (w(&FuzzyDate::Exact(p("2025-08-15"))), "15 Aug 2025"),
            (w(&FuzzyDate::Exact(p("2025-08"))), "Aug 2025"),
            (w(&FuzzyDate::Exact(p("2022"))), "2022"),
            (w(&range(Some("2022-01-01"), Some("2022-12-31"))), "2022"),
            (
                w(&range(Some("2025-08-01"), Some("2025-08-31"))),
                "Aug 2025",
            ),
            (w(&range(Some("2025-03"), Some("2025-08"))), "Mar–Aug 2025"),
            (
                w(&range(Some("2024-12"), Some("2025-01"))),
                "Dec 2024–Jan 2025",
            ),
            (w(&range(Some("2022"), Some("2025"))), "2022–2025"),
            (
                w(&range(Some("2025-08-16"), Some("2025-08-17"))),
                "16–17 Aug 2025",
            ),
            (
                w(&range(Some("2025-08-15"), Some("2025-09-04"))),
                "15 Aug–4 Sep 2025",
            ),
            (
                w(&range(Some("2024-12-30"), Some("2025-01-02"))),
                "30 Dec 2024–2 Jan 2025",
            ),
            (
                w(&range(Some("2025-03"), Some("2025-08-20"))),
                "1 Mar–20 Aug 2025",
            ),
            (w(&range(None, Some("2025-08-20"))), "≤ 20 Aug 2025"),
            (w(&range(Some("2025-09"), None)), "≥ Sep 2025"),
            (
                w(&FuzzyDate::About {
                    about: p("2025-08"),
                    text: "around August".into(),
                    inferred: false,
                }),
                "~Aug 2025",
            ),
            (
                w(&FuzzyDate::On {
                    on: p("2025-03"),
                    text: "in March".into(),
                    inferred: true,
                }),
                "Mar 2025?",
            ),
            (
                w(&FuzzyDate::Unknown {
                    text: Some("x".into()),
                }),
                "undated",
            ),
        ];
        for (when, label) in cases {
            assert_eq!(when.label(), label);
        }
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |s: &str| p(s).first_day().number();
        assert_eq!(d("1970-01-01"), 0);
        assert_eq!(d("2025-09-04") - d("2025-08-15"), 20);
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2, "a leap year");
        assert_eq!(d("1969-12-31"), -1);
    }

    #[test]
    fn dates_read_as_people_type_them() {
        let day = |s: &str| parse_loose(s, 2025).map(|(a, b)| (a.iso(), b.iso()));
        let one = |d: &str| Some((d.to_string(), d.to_string()));
        assert_eq!(day("2025-08-20"), one("2025-08-20"));
        assert_eq!(day("20 aug"), one("2025-08-20"));
        assert_eq!(day("aug 20"), one("2025-08-20"));
        assert_eq!(day("20 August 2024"), one("2024-08-20"));
        assert_eq!(day("4 september"), one("2025-09-04"));
        assert_eq!(day("4th Sept"), one("2025-09-04"));
        assert_eq!(day("Sep 4, 2025"), one("2025-09-04"));
        assert_eq!(
            day("aug 2025"),
            Some(("2025-08-01".into(), "2025-08-31".into()))
        );
        assert_eq!(
            day("2025-08"),
            Some(("2025-08-01".into(), "2025-08-31".into()))
        );
        assert_eq!(day("31 feb"), None);
        assert_eq!(day("augustus"), None);
        assert_eq!(day("troops"), None);
        assert_eq!(day("ma"), None);
        assert_eq!(day(""), None);
    }

    #[test]
    fn overlap_is_a_guessed_order() {
        let exact = w(&FuzzyDate::Exact(p("2025-09-04")));
        let before_incl = w(&range(None, Some("2025-09-04")));
        let before_later = w(&range(None, Some("2025-09-05")));
        let month = w(&FuzzyDate::Exact(p("2025-09")));
        assert!(
            !exact.overlaps(&before_incl),
            "touching at the end is ordered by the rule"
        );
        assert!(exact.overlaps(&before_later));
        assert!(exact.overlaps(&month));
        assert!(
            exact.overlaps(&exact),
            "the same day twice can't be ordered"
        );
        assert!(exact.overlaps(&When::UNDATED));
        assert!(!exact.overlaps(&w(&FuzzyDate::Exact(p("2025-09-05")))));
        assert!(exact.can_mean(p("2025-09").first_day(), p("2025-09").last_day()));
        assert!(before_incl.can_mean(p("2020").first_day(), p("2020").last_day()));
        assert!(!When::UNDATED.can_mean(Day::MIN, Day::MAX));
    }
}
