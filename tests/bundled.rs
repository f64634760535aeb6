//! The bundled briefing: clean, complete in export, and usable offline.

use std::collections::BTreeSet;
use std::process::Command;

use brief::model::{Origin, load};

fn bundled() -> brief::model::Loaded {
    load(&Origin::Bundled(&brief::bundled::UKRAINE)).expect("the bundled briefing loads")
}

#[test]
fn bundled_briefing_checks_clean_with_no_warnings() {
    let loaded = bundled();
    let mut report = Vec::new();
    brief::cli::write_diagnostics(&mut report, &loaded, None).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        String::from_utf8_lossy(&report)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("the bundled briefing: 0 error(s), 0 warning(s)")
    );
}

#[test]
fn bundled_briefing_is_the_curated_one_from_five_sources() {
    let b = bundled().briefing;
    assert_eq!(b.meta.id.as_str(), "ukraine-security-guarantees");
    assert_eq!(b.sources.len(), 5);
    for side in ["kyiv", "moscow", "washington", "coalition"] {
        assert!(b.side(side).is_some(), "side {side}");
        assert!(
            b.actors.iter().any(|a| a.side == side),
            "an actor on side {side}"
        );
    }
    // Every quote and excerpt was located in its source.
    assert!(b.quotes.iter().all(|q| q.range.is_some()));
    assert!(
        b.events
            .iter()
            .flat_map(|e| &e.evidence)
            .all(|x| x.range.is_some())
    );
}

/// The ids of one array of the exported JSON.
fn ids(json: &serde_json::Value, key: &str) -> BTreeSet<String> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("export has an array `{key}`"))
        .iter()
        .map(|item| {
            item["id"]
                .as_str()
                .expect("every item has an id")
                .to_string()
        })
        .collect()
}

#[test]
fn json_export_holds_every_item() {
    let b = bundled().briefing;
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("export is JSON");
    let expect = |items: Vec<&str>| {
        items
            .into_iter()
            .map(str::to_string)
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        ids(&json, "sources"),
        expect(b.sources.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "actors"),
        expect(b.actors.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "issues"),
        expect(b.issues.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "events"),
        expect(b.events.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "quotes"),
        expect(b.quotes.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "positions"),
        expect(b.positions.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        ids(&json, "discrepancies"),
        expect(b.discrepancies.iter().map(|x| x.id.as_str()).collect())
    );
    assert_eq!(
        json["quotes"].as_array().unwrap().len(),
        b.quotes.len(),
        "no duplicates lost or added"
    );

    // Items carry the fields of the format.
    let q = &json["quotes"][0];
    assert!(
        q["speaker"].is_string() && q["text"].is_string() && q["source"].is_string(),
        "{q}"
    );
    let a = &json["actors"][0];
    assert!(
        a["name"].is_string() && a["side"].is_string() && a["aliases"].is_array(),
        "{a}"
    );
    // Exact dates are ISO strings at their precision.
    for e in json["events"].as_array().unwrap() {
        if let Some(d) = e["date"].as_str() {
            assert!(d == "unknown" || [4, 7, 10].contains(&d.len()), "date {d}");
        }
    }
}

#[test]
fn markdown_export_cites_outlet_title_and_date() {
    let b = bundled().briefing;
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with(&format!("# {}", b.meta.title)));
    for issue in &b.issues {
        assert!(
            md.contains(&format!("### {}", issue.title)),
            "issue {}",
            issue.id
        );
    }
    for s in &b.sources {
        assert!(
            md.contains(&format!("*{}*, {}, {}", s.title, s.outlet, s.published)),
            "source {}",
            s.id
        );
    }
    for q in &b.quotes {
        assert!(md.contains(q.text.trim()), "quote {}", q.id);
    }
}

#[test]
fn works_from_any_directory() {
    let dir = std::env::temp_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn quotes_at_an_event_are_those_that_name_it() {
    let b = bundled().briefing;
    let mut linked = 0;
    for (e, event) in b.events.iter().enumerate() {
        let expected: Vec<usize> = (0..b.quotes.len())
            .filter(|&q| b.quotes[q].event.as_ref() == Some(&event.id))
            .collect();
        assert_eq!(
            b.quotes_at_event(e),
            expected.as_slice(),
            "event {}",
            event.id
        );
        linked += expected.len();
    }
    assert!(linked > 0, "the bundled briefing links quotes to events");
}

/// How many `[[key]]` items a bundled file holds as written.
fn written(file: &str, key: &str) -> usize {
    let text = brief::bundled::UKRAINE
        .get_file(file)
        .and_then(|f| f.contents_utf8())
        .unwrap_or_else(|| panic!("bundled {file}"));
    text.lines()
        .filter(|l| l.trim() == format!("[[{key}]]"))
        .count()
}

#[test]
fn every_position_has_a_basis_and_every_assessed_one_names_its_assessor() {
    let loaded = bundled();
    let mut report = Vec::new();
    brief::cli::write_diagnostics(&mut report, &loaded, Some("<bundled>/positions.toml")).unwrap();
    assert!(report.is_empty(), "{}", String::from_utf8_lossy(&report));
    let b = loaded.briefing;
    // A position without a basis can't be read: none was left out.
    assert_eq!(b.positions.len(), written("positions.toml", "positions"));
    for p in &b.positions {
        if p.basis == brief::model::Basis::Assessed {
            let who = b.assessor(p);
            assert!(
                who.is_some(),
                "position {} is assessed, by {:?}",
                p.id,
                p.assessed_by
            );
        } else {
            assert!(
                p.assessed_by.is_none(),
                "position {} is {} yet names an assessor",
                p.id,
                p.basis.id()
            );
        }
    }
}

#[test]
fn every_discrepancy_says_what_kind_it_is() {
    let loaded = bundled();
    let mut report = Vec::new();
    brief::cli::write_diagnostics(&mut report, &loaded, Some("<bundled>/discrepancies.toml"))
        .unwrap();
    assert!(report.is_empty(), "{}", String::from_utf8_lossy(&report));
    assert_eq!(
        loaded.briefing.discrepancies.len(),
        written("discrepancies.toml", "discrepancies")
    );
}

#[test]
fn every_event_and_position_has_a_source() {
    let b = bundled().briefing;
    for e in 0..b.events.len() {
        assert!(b.event_support(e).count() >= 1, "event {}", b.events[e].id);
    }
    for p in 0..b.positions.len() {
        assert!(
            b.position_support(p).count() >= 1,
            "position {}",
            b.positions[p].id
        );
    }
}

/// Issue 7's rule, checked over the whole bundled briefing: in every actor's
/// history on every issue, the position shown as current is dated, and no
/// other position of that history is certainly later than it (its earliest
/// possible day after the current one's latest). Undated ones are never current.
#[test]
fn every_current_stance_is_the_latest_by_the_documented_rule() {
    use brief::app::lists::{Standing, positions_of, standing};
    let b = bundled().briefing;
    let mut histories = 0;
    for a in 0..b.actors.len() {
        let ps = positions_of(&b, a);
        for issue in &b.issues {
            let history: Vec<usize> = ps
                .iter()
                .copied()
                .filter(|&p| b.positions[p].issue == issue.id)
                .collect();
            if history.is_empty() {
                continue;
            }
            histories += 1;
            let standings: Vec<Standing> = (0..ps.len())
                .filter(|&i| b.positions[ps[i]].issue == issue.id)
                .map(|i| standing(&b, &ps, i))
                .collect();
            let current: Vec<usize> = history
                .iter()
                .zip(&standings)
                .filter(|(_, s)| **s == Standing::Current)
                .map(|(p, _)| *p)
                .collect();
            let dated = history.iter().any(|&p| b.position_when(p).is_dated());
            assert_eq!(
                current.len(),
                usize::from(dated),
                "{}",
                b.actors[a].id.value
            );
            for &c in &current {
                let now = b.position_when(c);
                assert!(now.is_dated());
                for &o in history.iter().filter(|&&o| o != c) {
                    let other = b.position_when(o);
                    if let (Some(first), Some(last)) = (other.first_day(), now.last_day()) {
                        assert!(
                            first <= last,
                            "{} on {}: `{}` ({}) is certainly later than the current `{}` ({})",
                            b.actors[a].id.value,
                            issue.id.value,
                            b.positions[o].id.value,
                            other.label(),
                            b.positions[c].id.value,
                            now.label()
                        );
                    }
                }
            }
        }
    }
    assert!(histories > 50, "{histories} histories checked");
    // The two the issue named read in the articles' order.
    let trump = b.actor_index("trump").unwrap();
    let on_ceasefire: Vec<&str> = positions_of(&b, trump)
        .into_iter()
        .filter(|&p| b.positions[p].issue == "ceasefire")
        .map(|p| b.positions[p].stance.word())
        .collect();
    assert_eq!(on_ceasefire.last(), Some(&"ambiguous"), "{on_ceasefire:?}");
}
