//! `brief check --stats`: how many items of each kind a briefing holds, how
//! many positions rest on each basis, and how many events and positions a
//! single source supports. A small aligned table, or JSON.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::model::{Basis, Briefing, DiscrepancyKind, Support};

/// Items that sources support, split by how many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Corroborated {
    pub items: usize,
    /// Supported by one source only.
    pub single_source: usize,
    /// Supported by two sources or more.
    pub multi_source: usize,
}

impl Corroborated {
    fn add(&mut self, support: &Support<'_>) {
        self.items += 1;
        match support.count() {
            0 => {}
            1 => self.single_source += 1,
            _ => self.multi_source += 1,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Issues {
    pub items: usize,
    pub forecast: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Actors {
    pub items: usize,
    pub with_note: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Positions {
    #[serde(flatten)]
    pub all: Corroborated,
    /// By basis word (`stated`, `reported`, `assessed`).
    pub by_basis: BTreeMap<&'static str, Corroborated>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Discrepancies {
    pub items: usize,
    /// By kind word (`contradiction`, `emphasis`, `change`, `detail`).
    pub by_kind: BTreeMap<&'static str, usize>,
}

/// The counts of one briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub sources: usize,
    pub actors: Actors,
    pub issues: Issues,
    pub events: Corroborated,
    pub quotes: usize,
    pub positions: Positions,
    pub discrepancies: Discrepancies,
}

impl Stats {
    pub fn of(b: &Briefing) -> Stats {
        let mut events = Corroborated::default();
        for e in 0..b.events.len() {
            events.add(&b.event_support(e));
        }
        let mut positions = Positions {
            all: Corroborated::default(),
            by_basis: Basis::ALL
                .iter()
                .map(|x| (x.id(), Corroborated::default()))
                .collect(),
        };
        for (i, p) in b.positions.iter().enumerate() {
            let support = b.position_support(i);
            positions.all.add(&support);
            positions
                .by_basis
                .entry(p.basis.id())
                .or_default()
                .add(&support);
        }
        let mut by_kind: BTreeMap<&'static str, usize> =
            DiscrepancyKind::ALL.iter().map(|k| (k.id(), 0)).collect();
        for d in &b.discrepancies {
            *by_kind.entry(d.kind.id()).or_default() += 1;
        }
        Stats {
            sources: b.sources.len(),
            actors: Actors {
                items: b.actors.len(),
                with_note: b.actors.iter().filter(|a| a.note.is_some()).count(),
            },
            issues: Issues {
                items: b.issues.len(),
                forecast: b.issues.iter().filter(|i| i.forecast).count(),
            },
            events,
            quotes: b.quotes.len(),
            positions,
            discrepancies: Discrepancies {
                items: b.discrepancies.len(),
                by_kind,
            },
        }
    }

    /// The table, one row per kind and indented rows for its parts; the
    /// source columns only where they apply.
    pub fn table(&self) -> String {
        let mut rows: Vec<(String, usize, Option<Corroborated>)> = vec![
            ("sources".into(), self.sources, None),
            ("actors".into(), self.actors.items, None),
            ("  with a note".into(), self.actors.with_note, None),
            ("issues".into(), self.issues.items, None),
            ("  forecast".into(), self.issues.forecast, None),
            ("events".into(), self.events.items, Some(self.events)),
            ("quotes".into(), self.quotes, None),
            (
                "positions".into(),
                self.positions.all.items,
                Some(self.positions.all),
            ),
        ];
        for basis in Basis::ALL {
            let c = self
                .positions
                .by_basis
                .get(basis.id())
                .copied()
                .unwrap_or_default();
            rows.push((format!("  {}", basis.id()), c.items, Some(c)));
        }
        rows.push(("discrepancies".into(), self.discrepancies.items, None));
        for kind in DiscrepancyKind::ALL {
            let n = self
                .discrepancies
                .by_kind
                .get(kind.id())
                .copied()
                .unwrap_or_default();
            rows.push((format!("  {}", kind.id()), n, None));
        }

        let mut cells: Vec<[String; 4]> = vec![[
            String::new(),
            "items".into(),
            "single-source".into(),
            "multi-source".into(),
        ]];
        for (label, items, split) in rows {
            let (single, multi) = split.map_or((String::new(), String::new()), |c| {
                (c.single_source.to_string(), c.multi_source.to_string())
            });
            cells.push([label, items.to_string(), single, multi]);
        }
        let mut widths = [0; 4];
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for row in &cells {
            let mut line = format!("{:w$}", row[0], w = widths[0]);
            for (cell, w) in row.iter().zip(widths).skip(1) {
                let _ = write!(line, "  {cell:>w$}");
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_and_columns_align_at_scale() {
        let b = crate::synth::generate(3000, 4);
        let s = Stats::of(&b);
        assert_eq!(s.positions.all.items, b.positions.len());
        assert_eq!(
            s.positions.all.single_source + s.positions.all.multi_source,
            s.positions.all.items
        );
        let by_basis: usize = s.positions.by_basis.values().map(|c| c.items).sum();
        assert_eq!(by_basis, s.positions.all.items);
        assert!(s.positions.by_basis.values().all(|c| c.items > 0));
        assert!(s.issues.forecast > 0);
        assert_eq!(
            s.events.single_source + s.events.multi_source,
            s.events.items
        );

        // Every number ends where its header does.
        let table = s.table();
        let head = table.lines().next().unwrap();
        let ends: Vec<usize> = ["items", "single-source", "multi-source"]
            .iter()
            .map(|h| head.find(h).unwrap() + h.len())
            .collect();
        let row = |label: &str| table.lines().find(|l| l.starts_with(label)).unwrap();
        let cases = [
            (
                "events",
                vec![
                    s.events.items,
                    s.events.single_source,
                    s.events.multi_source,
                ],
            ),
            (
                "positions",
                vec![
                    s.positions.all.items,
                    s.positions.all.single_source,
                    s.positions.all.multi_source,
                ],
            ),
            ("sources", vec![s.sources]),
        ];
        for (label, numbers) in cases {
            let line = row(label);
            assert_eq!(
                line.split_whitespace().count(),
                1 + numbers.len(),
                "{table}"
            );
            for (end, n) in ends.iter().zip(numbers) {
                let n = n.to_string();
                assert_eq!(&line[end - n.len()..*end], n, "{table}");
            }
        }
    }
}
