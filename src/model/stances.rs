//! Stances as of a day, and what changed between two days: the questions an
//! analyst asks of a briefing ("where did everyone stand on 20 August?",
//! "what moved since the last briefing?"), answered by the one order of time.
//!
//! A position counts from the earliest day it can mean; one bounded only
//! above counts from the start. The stance as of a day is the latest counted
//! position in the order of time. Undated positions never count.

use super::time::{Day, When};
use super::{Briefing, Stance};

/// One actor's stance on one issue as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub position: usize,
    pub stance: Stance,
    /// The position may not yet have been held that day: its date is a
    /// span that reaches past it.
    pub uncertain: bool,
    /// An earlier counted position had another stance.
    pub changed: bool,
}

/// Whether position `p` counts on `day`: it can have begun by then.
fn counts(when: When, day: Day) -> bool {
    when.is_dated() && when.first_day().unwrap_or(Day::MIN) <= day
}

/// The stance of `actor` on `issue` as of `day`, if any position counts.
pub fn as_of(b: &Briefing, actor: usize, issue: usize, day: Day) -> Option<Cell> {
    as_of_in(b, actor, issue, day, false)
}

/// As [`as_of`]; with `hide_assessed`, an author's assessment of a
/// position does not count, only what the actor said or is reported to hold.
pub fn as_of_in(
    b: &Briefing,
    actor: usize,
    issue: usize,
    day: Day,
    hide_assessed: bool,
) -> Option<Cell> {
    let history = b.history(actor, issue);
    let counted: Vec<usize> = history
        .iter()
        .copied()
        .filter(|&p| !hide_assessed || b.positions[p].basis != super::Basis::Assessed)
        .filter(|&p| counts(b.position_when(p), day))
        .collect();
    let &last = counted.last()?;
    let stance = b.positions[last].stance;
    let when = b.position_when(last);
    Some(Cell {
        position: last,
        stance,
        uncertain: when.last_day().is_none_or(|d| d > day),
        changed: counted.iter().any(|&p| b.positions[p].stance != stance),
    })
}

/// What one side's actors hold on an issue as of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    /// Every actor of the side that has a position holds this stance.
    Stance(Stance),
    /// They differ: each stance once, in the order of the side's actors.
    Mixed(Vec<Stance>),
}

/// A side's row: its actors' cells summarised, with the marks of any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideCell {
    pub summary: Summary,
    pub uncertain: bool,
    pub changed: bool,
    /// The cells it summarises, by actor index.
    pub cells: Vec<(usize, Cell)>,
}

/// A side's stance on an issue as of a day: the one stance its actors share,
/// or "mixed" when they differ; None when none of them has one.
pub fn side_as_of(b: &Briefing, side: usize, issue: usize, day: Day) -> Option<SideCell> {
    side_as_of_in(b, side, issue, day, false)
}

pub fn side_as_of_in(
    b: &Briefing,
    side: usize,
    issue: usize,
    day: Day,
    hide_assessed: bool,
) -> Option<SideCell> {
    let cells: Vec<(usize, Cell)> = b
        .side_actors(side)
        .iter()
        .filter_map(|&a| as_of_in(b, a, issue, day, hide_assessed).map(|c| (a, c)))
        .collect();
    let (_, first) = cells.first()?;
    let mut stances: Vec<Stance> = Vec::new();
    for (_, c) in &cells {
        if !stances.contains(&c.stance) {
            stances.push(c.stance);
        }
    }
    let summary = if stances.len() == 1 {
        Summary::Stance(first.stance)
    } else {
        Summary::Mixed(stances)
    };
    Some(SideCell {
        summary,
        uncertain: cells.iter().any(|(_, c)| c.uncertain),
        changed: cells.iter().any(|(_, c)| c.changed),
        cells,
    })
}

/// A move of one actor on one issue: a position that counts after `since`
/// whose stance differs from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub actor: usize,
    pub issue: usize,
    /// The position before it, if there was one.
    pub from: Option<usize>,
    pub to: usize,
}

/// Every move whose position begins after `since` and by `until`, in the
/// order of time (ties by actor, then issue, in file order).
pub fn changes(b: &Briefing, since: Day, until: Day) -> Vec<Change> {
    let mut out = Vec::new();
    for &(actor, issue) in b.history_keys() {
        let mut before: Option<usize> = None;
        for &p in b.history(actor, issue) {
            let when = b.position_when(p);
            if !when.is_dated() {
                break;
            }
            let first = when.first_day().unwrap_or(Day::MIN);
            if first > until {
                break;
            }
            let moved = before.is_none_or(|q| b.positions[q].stance != b.positions[p].stance);
            if first > since && moved {
                out.push(Change {
                    actor,
                    issue,
                    from: before,
                    to: p,
                });
            }
            before = Some(p);
        }
    }
    out.sort_by_key(|c| b.position_when(c.to));
    out
}

/// Whether the stance of `actor` on `issue` differs between two days.
pub fn differs(b: &Briefing, actor: usize, issue: usize, since: Day, day: Day) -> bool {
    differs_in(b, actor, issue, since, day, false)
}

pub fn differs_in(
    b: &Briefing,
    actor: usize,
    issue: usize,
    since: Day,
    day: Day,
    hide_assessed: bool,
) -> bool {
    let then = as_of_in(b, actor, issue, since, hide_assessed).map(|c| c.stance);
    let now = as_of_in(b, actor, issue, day, hide_assessed).map(|c| c.stance);
    then != now
}

/// The days on which events happen (their placement day), sorted and
/// without repeats: the steps of `<` and `>` in the matrix.
pub fn event_days(b: &Briefing) -> Vec<Day> {
    let mut days: Vec<Day> = (0..b.events.len())
        .filter_map(|e| match b.event_when(e).placement() {
            super::time::Placement::Dated { at, .. } => Some(at),
            super::time::Placement::Undated => None,
        })
        .collect();
    days.sort();
    days.dedup();
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_loose;

    /// tests/fixtures/reader: Russia moves from open (Mar 2025) to rules out
    /// (4 Sep); Trump's position spans late August; Zakharova has a dated
    /// position and an undated one.
    fn fixture() -> Briefing {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
        crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
    }

    fn day(s: &str) -> Day {
        parse_loose(s, 2025).unwrap().0
    }

    #[test]
    fn as_of_takes_the_latest_counted_position_and_marks_it() {
        let b = fixture();
        let russia = b.actor_index("russia").unwrap();
        let troops = b.issue_index("foreign-troops").unwrap();
        let at = |d: &str| as_of(&b, russia, troops, day(d));
        assert_eq!(at("2025-02-28"), None, "before any position");
        let march = at("2025-03-15").unwrap();
        assert_eq!(march.stance, Stance::Open);
        assert!(march.uncertain, "a March position may not hold by 15 March");
        let august = at("2025-08-01").unwrap();
        assert_eq!(
            (august.stance, august.uncertain, august.changed),
            (Stance::Open, false, false)
        );
        let september = at("2025-09-05").unwrap();
        assert_eq!(september.stance, Stance::RulesOut);
        assert!(september.changed && !september.uncertain);
        assert!(differs(
            &b,
            russia,
            troops,
            day("2025-08-01"),
            day("2025-09-05")
        ));
        assert!(!differs(
            &b,
            russia,
            troops,
            day("2025-08-01"),
            day("2025-08-31")
        ));
    }

    #[test]
    fn a_bounded_date_counts_from_its_first_day_and_is_uncertain_within() {
        let b = fixture();
        let trump = b.actor_index("trump").unwrap();
        let backstop = b.issue_index("us-backstop").unwrap();
        assert_eq!(as_of(&b, trump, backstop, day("2025-08-20")), None);
        let late = as_of(&b, trump, backstop, day("2025-08-25")).unwrap();
        assert!(late.uncertain, "late August may be after the 25th");
        assert!(
            !as_of(&b, trump, backstop, day("2025-09-01"))
                .unwrap()
                .uncertain
        );
    }

    #[test]
    fn an_undated_position_never_counts() {
        let b = fixture();
        let zakharova = b.actor_index("zakharova").unwrap();
        let troops = b.issue_index("foreign-troops").unwrap();
        assert_eq!(b.history(zakharova, troops).len(), 2);
        assert_eq!(as_of(&b, zakharova, troops, day("2025-09-01")), None);
        let cell = as_of(&b, zakharova, troops, day("2025-12-31")).unwrap();
        assert_eq!(b.positions[cell.position].id, "zakharova-troops");
    }

    #[test]
    fn a_side_is_one_stance_or_mixed() {
        let b = fixture();
        let moscow = b.side_index("moscow").unwrap();
        let troops = b.issue_index("foreign-troops").unwrap();
        let august = side_as_of(&b, moscow, troops, day("2025-08-01")).unwrap();
        assert_eq!(august.summary, Summary::Stance(Stance::Open));
        let september = side_as_of(&b, moscow, troops, day("2025-09-05")).unwrap();
        assert_eq!(
            september.summary,
            Summary::Mixed(vec![Stance::RulesOut, Stance::Opposes])
        );
        assert!(september.changed);
        // Washington's only position on troops is the writer's assessment.
        let washington = b.side_index("washington").unwrap();
        let assessed = side_as_of(&b, washington, troops, day("2025-09-05")).unwrap();
        assert_eq!(assessed.summary, Summary::Stance(Stance::Supports));
        assert_eq!(
            side_as_of_in(&b, washington, troops, day("2025-09-05"), true),
            None
        );
    }

    #[test]
    fn changes_are_the_moves_after_since_in_the_order_of_time() {
        let b = fixture();
        let list = changes(&b, day("2025-08-01"), day("2025-09-30"));
        let read: Vec<(String, Option<Stance>, Stance)> = list
            .iter()
            .map(|c| {
                (
                    b.actors[c.actor].id.value.clone(),
                    c.from.map(|p| b.positions[p].stance),
                    b.positions[c.to].stance,
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("trump".into(), None, Stance::Ambiguous),
                ("zelensky".into(), None, Stance::Demands),
                ("russia".into(), Some(Stance::Open), Stance::RulesOut),
                ("zakharova".into(), None, Stance::Opposes),
                ("trump".into(), None, Stance::Supports),
                ("macron".into(), None, Stance::Supports),
            ]
        );
        assert!(changes(&b, day("2025-09-05"), day("2025-09-30")).is_empty());
        assert_eq!(changes(&b, day("2025-08-01"), day("2025-08-31")).len(), 1);
    }
}
