//! Warnings about time that need every item's place in time: positions of
//! one actor on one issue that can't be put in order, and items dated after
//! the sources that report them.

use rustc_hash::FxHashMap;

use super::Briefing;
use super::diagnostic::Diagnostic;
use super::time::When;

/// Runs after the index is built, so that derived bounds count.
pub fn time_warnings(b: &Briefing, name: &dyn Fn(&str) -> String) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let positions = name("positions.toml");
    let mut groups: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (p, pos) in b.positions.iter().enumerate() {
        groups
            .entry((pos.actor.as_str(), pos.issue.as_str()))
            .or_default()
            .push(p);
    }
    // Only groups of two or more can warn; they are said in the order of
    // (actor, issue).
    let mut groups: Vec<_> = groups.into_iter().filter(|(_, ps)| ps.len() >= 2).collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for ((actor, issue), mut ps) in groups {
        ps.sort_by_key(|&p| b.position_when(p));
        for (i, &p) in ps.iter().enumerate() {
            let when = b.position_when(p);
            let id = &b.positions[p].id;
            if !when.is_dated() {
                out.push(Diagnostic::warning(
                    &positions,
                    Some(id.span.clone()),
                    format!(
                        "position `{}` of `{actor}` on `{issue}` has no date bound, so it can't be \
                         placed among their other positions on it; give `as_of` a bound",
                        id.value,
                    ),
                ));
                continue;
            }
            // Each pair once: against the ones sorted before it.
            if let Some(&q) = ps[..i]
                .iter()
                .find(|&&q| b.position_when(q).is_dated() && b.position_when(q).overlaps(&when))
            {
                out.push(Diagnostic::warning(
                    &positions,
                    Some(id.span.clone()),
                    format!(
                        "positions `{}` ({}) and `{}` ({}) of `{actor}` on `{issue}` can't be put \
                         in order: their dates overlap; bound them so that one comes first",
                        b.positions[q].id.value,
                        b.position_when(q).label(),
                        id.value,
                        when.label()
                    ),
                ));
            }
        }
    }
    let events = name("events.toml");
    for (e, ev) in b.events.iter().enumerate() {
        let written = When::of(&ev.date);
        let bounded = b.event_when(e);
        let reported_by = When::UNDATED.reported_by(
            ev.evidence
                .iter()
                .filter_map(|x| b.source(&x.source).map(|s| When::of(&s.published))),
        );
        if !ev.expected
            && let (Some(first), Some(published)) = (written.first_day(), reported_by.last_day())
            && first > published
        {
            out.push(Diagnostic::warning(
                &events,
                Some(ev.id.span.clone()),
                format!(
                    "event `{}` is dated {} but its sources were published by {}; if they expect \
                     it, mark it `expected = true`",
                    ev.id.value,
                    bounded.label(),
                    reported_by.label().trim_start_matches("≤ ")
                ),
            ));
        }
    }
    out
}
