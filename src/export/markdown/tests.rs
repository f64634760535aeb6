//! The Markdown briefing: a golden file, and hostile data rendered by a
//! real CommonMark parser to prove the structure holds.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options as Cm, Parser, Tag, TagEnd};

use super::*;

fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

/// A brief: a heading, a quote with a note, a position, a passage, an
/// orphan, and a heading with nothing under it.
fn brief_of(b: &Briefing) -> Notes {
    let mut n = Notes::new();
    n.entries.push(Entry::heading("What Moscow says"));
    let q = n.pin(b, &Item::Quote(0)).unwrap();
    n.entries[q].note = "Use this first.\nThen the position.".into();
    n.pin(b, &Item::Position(0)).unwrap();
    let text = &b.sources[0].text;
    let at = text.find("Zakharova").unwrap_or(0);
    let end = text[at..]
        .char_indices()
        .nth(9)
        .map_or(text.len(), |(i, _)| at + i);
    n.pin(
        b,
        &Item::Passage {
            source: 0,
            range: at..end,
        },
    )
    .unwrap();
    let mut orphan = Entry::pin(b, &Item::Event(0)).unwrap();
    orphan.id = "an-event-since-removed".into();
    orphan.excerpt = "A meeting that was".into();
    n.entries.push(orphan);
    n.entries.push(Entry::heading("Nothing under this"));
    n
}

fn all() -> Options {
    Options {
        pinned: true,
        notes: true,
        ..Options::default()
    }
}

#[test]
fn golden_briefing_with_pins_and_notes() {
    let b = fixture();
    let md = briefing(&b, Some(&brief_of(&b)), &all());
    insta::assert_snapshot!("fixture_briefing", md);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let b = fixture();
    let n = brief_of(&b);
    assert_eq!(
        briefing(&b, Some(&n), &all()),
        briefing(&b, Some(&n), &all())
    );
}

/// What the parser saw: headings (level, text), and everything that is
/// not plain text, emphasis, lists, quotes, tables, links or breaks.
struct Seen {
    headings: Vec<(HeadingLevel, String)>,
    html: Vec<String>,
    code: Vec<String>,
    table_rows: Vec<usize>,
    text: String,
}

fn parse(md: &str) -> Seen {
    let mut seen = Seen {
        headings: Vec::new(),
        html: Vec::new(),
        code: Vec::new(),
        table_rows: Vec::new(),
        text: String::new(),
    };
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut cells = 0;
    for ev in Parser::new_ext(md, Cm::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => seen.headings.extend(heading.take()),
            Event::Start(Tag::TableRow | Tag::TableHead) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => seen.table_rows.push(cells),
            Event::Html(h) | Event::InlineHtml(h) => seen.html.push(h.to_string()),
            Event::Code(c) => seen.code.push(c.to_string()),
            Event::Start(Tag::CodeBlock(_)) => seen.code.push("block".into()),
            Event::Text(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                seen.text.push_str(&t);
            }
            _ => {}
        }
    }
    seen
}

#[test]
fn hostile_data_cannot_break_the_document() {
    // The bundled briefing has every kind of item, disagreements too.
    let mut b = crate::cli::open(None).expect("the bundled briefing loads");
    assert!(!b.discrepancies.is_empty());
    let evil = "<script>alert(1)</script> # not a heading `code` | pipe *em* [x](http://e) &amp;";
    b.meta.title = format!("Title {evil}");
    b.meta.summary = format!("Summary\n# Injected heading\n\n- list\n```\nfence\n{evil}");
    b.actors[0].name = "Name | with pipe `tick`".to_string();
    b.issues[0].title = "Issue | col <b>bold</b>".to_string();
    b.issues[0].question = "Question\n## injected".to_string();
    for p in &mut b.positions {
        p.summary = format!("Summary\n\n### injected\n{evil}");
    }
    for q in &mut b.quotes {
        q.text = crate::model::located::Located::new(format!("<i>{evil}</i>\n> nested"));
    }
    for e in &mut b.events {
        e.title = format!("1. ordered {evil}");
        e.summary = format!("---\n{evil}");
    }
    for d in &mut b.discrepancies {
        d.fact = format!("Fact\n# injected {evil}");
        for a in &mut d.accounts {
            a.value = format!("| value | {evil}");
        }
    }
    for s in &mut b.sources {
        s.title = format!("Title ]({evil})");
        s.outlet = "Outlet <img src=x onerror=alert(1)>".to_string();
    }
    let mut notes = brief_of(&b);
    notes.entries[0].excerpt = format!("Heading {evil}");
    notes.entries[1].note = format!("# note heading\n```\n{evil}\n<div>");
    let md = briefing(&b, Some(&notes), &all());
    let seen = parse(&md);

    assert_eq!(
        seen.html,
        Vec::<String>::new(),
        "no HTML gets through:\n{md}"
    );
    assert_eq!(
        seen.code,
        Vec::<String>::new(),
        "no code spans or blocks:\n{md}"
    );
    // The headings are exactly the document's own, each with its data as text.
    let h1: Vec<&str> = seen
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h1, vec![format!("Title {evil}").as_str()]);
    let h2: Vec<&str> = seen
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        vec![
            "Pinned",
            "Stances",
            "Issues",
            "Timeline",
            "Where the sources disagree",
            "Sources"
        ]
    );
    assert!(
        seen.headings.iter().all(|(_, t)| !t.contains("injected")
            || t.starts_with("Fact")
            || t.starts_with("Issue")),
        "{:?}",
        seen.headings
    );
    assert!(
        !seen
            .headings
            .iter()
            .any(|(_, t)| t.contains("Injected heading") || t.contains("note heading")),
        "{:?}",
        seen.headings
    );
    // Every row of the stance table has as many cells as its head.
    assert!(!seen.table_rows.is_empty());
    assert!(
        seen.table_rows.iter().all(|&n| n == seen.table_rows[0]),
        "{:?}",
        seen.table_rows
    );
    // The hostile words are there, as text.
    assert!(seen.text.contains("<script>alert(1)</script>"));
    assert!(seen.text.contains("Name | with pipe `tick`"));
    assert!(seen.text.contains("&amp;"));
}

#[test]
fn no_ids_in_prose_and_no_empty_heading() {
    let b = fixture();
    let md = briefing(&b, Some(&brief_of(&b)), &all());
    for s in &b.sources {
        assert!(!md.contains(s.id.as_str()), "source id {} in\n{md}", s.id);
    }
    for q in &b.quotes {
        assert!(!md.contains(&format!(" {} ", q.id.as_str())), "{}", q.id);
    }
    assert!(!md.contains("Nothing under this"), "an empty heading");
    // Every heading is followed by text or a deeper heading.
    let level = |l: &str| l.chars().take_while(|&c| c == '#').count();
    let lines: Vec<&str> = md.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if level(l) > 0 {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            assert!(
                next.is_some_and(|n| level(n) == 0 || level(n) > level(l)),
                "empty heading {l:?}"
            );
        }
    }
}

#[test]
fn filters_narrow_the_document() {
    let b = fixture();
    let actor = b.quotes[0].speaker.to_string();
    let opts = Options {
        actors: vec![actor.clone()],
        ..Options::default()
    };
    let md = briefing(&b, None, &opts);
    let name = &b.actor(&actor).unwrap().name;
    for q in &b.quotes {
        let said = escape(q.text.trim());
        assert_eq!(md.contains(&said), q.speaker == actor.as_str(), "{said}");
    }
    assert!(md.contains(name.as_str()));
}
