//! Ranking, matching and highlighting, on the test fixture briefing and on
//! hand-made corpora.

use std::path::Path;

use super::corpus::{Field, Role};
use super::*;
use crate::model::{ActorKind, Briefing, Id, Origin, load};

fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let loaded = load(&Origin::Dir(dir)).expect("fixture loads");
    assert_eq!(loaded.errors(), 0);
    loaded.briefing
}

fn top(corpus: &Corpus, text: &str, n: usize) -> Vec<(Kind, String)> {
    search(corpus, &Matcher::default(), text, n)
        .into_iter()
        .map(|h| (corpus.items[h.item].kind, corpus.items[h.item].id.clone()))
        .collect()
}

/// A corpus of bare items, one field each.
fn corpus_of(items: &[(Kind, &str)]) -> Corpus {
    let mut c = Corpus::default();
    for (i, (kind, label)) in items.iter().enumerate() {
        let fields = vec![Field::new(Role::Label, label)];
        c.items.push(Item::new(
            *kind,
            format!("item-{i}"),
            Target::Issue(i),
            None,
            fields,
        ));
    }
    c
}

fn highlighted(corpus: &Corpus, text: &str) -> Vec<String> {
    let hits = search(corpus, &Matcher::default(), text, 10);
    hits.iter()
        .map(|h| {
            let chars: Vec<char> = corpus.items[h.item].label().chars().collect();
            h.field_highlights(0).iter().map(|&i| chars[i]).collect()
        })
        .collect()
}

#[test]
fn exact_title_beats_scattered_match_in_long_sentence() {
    let c = corpus_of(&[
        (
            Kind::Sentence,
            "The road to our old positions on the southern front was long and treacherous, officials said.",
        ),
        (Kind::Issue, "Foreign troops in Ukraine"),
    ]);
    // The scattered match is below the cut-off: hidden, but there when
    // all results are asked for, after the word match.
    assert_eq!(top(&c, "troops", 2), vec![(Kind::Issue, "item-1".into())]);
    let all: Vec<usize> = search_all(&c, &Matcher::default(), "troops", 5)
        .iter()
        .map(|h| h.item)
        .collect();
    assert_eq!(all, vec![1, 0]);
}

#[test]
fn scattered_matches_show_when_nothing_matches_literally() {
    let c = corpus_of(&[
        (Kind::Event, "Security guarantees"),
        (Kind::Event, "Strong ceasefire talk"),
    ]);
    let hits = search(&c, &Matcher::default(), "sgr", 5);
    assert!(!hits.is_empty() && hits.iter().all(|h| !h.literal));
}

#[test]
fn word_start_match_beats_scattered_one_of_the_same_kind() {
    let c = corpus_of(&[
        (Kind::Event, "Strong ceasefire talk"),
        (Kind::Event, "Security guarantees"),
    ]);
    assert_eq!(top(&c, "sg", 1), vec![(Kind::Event, "item-1".into())]);
}

#[test]
fn ties_break_by_kind() {
    let c = corpus_of(&[
        (Kind::Sentence, "Paris"),
        (Kind::Source, "Paris"),
        (Kind::Event, "Paris"),
    ]);
    let kinds: Vec<Kind> = top(&c, "paris", 3).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, vec![Kind::Event, Kind::Source, Kind::Sentence]);
}

#[test]
fn zakharova_troops_finds_her_quote_first() {
    let c = Corpus::new(&fixture());
    let found = top(&c, "zakharova troops", 3);
    assert_eq!(
        found[0],
        (Kind::Quote, "zakharova-unacceptable".into()),
        "{found:?}"
    );
}

#[test]
fn every_alias_finds_the_same_person() {
    let c = Corpus::new(&fixture());
    for spelling in ["Zelenskiy", "Zelensky", "Zelenskyy", "zelenskiy"] {
        let found = top(&c, spelling, 10);
        assert!(
            found.contains(&(Kind::Actor, "zelensky".into())),
            "{spelling}: {found:?}"
        );
        // The article spells him "Zelenskyy": its sentence is found by every spelling.
        assert!(
            found.contains(&(Kind::Sentence, "article#5".into())),
            "{spelling}: {found:?}"
        );
    }
}

#[test]
fn kiev_finds_kyiv() {
    let mut b = fixture();
    let mut ukraine = b.actors[1].clone();
    ukraine.id = Id::new("ukraine".into());
    ukraine.name = "Ukraine".into();
    ukraine.kind = ActorKind::State;
    ukraine.aliases = vec!["Kyiv".into(), "Kiev".into()];
    b.actors.push(ukraine);
    b.build_index();
    let c = Corpus::new(&b);
    let hits = search(&c, &Matcher::default(), "Kiev", 20);
    assert!(hits.iter().any(|h| c.items[h.item].id == "ukraine"));
    let s = hits
        .iter()
        .find(|h| c.items[h.item].id == "article#3")
        .expect("the sentence that says Kyiv");
    let chars: Vec<char> = c.items[s.item].label().chars().collect();
    let lit: String = s.field_highlights(0).iter().map(|&i| chars[i]).collect();
    assert_eq!(lit, "Kyiv");
}

#[test]
fn a_shared_surname_stands_for_both_people() {
    let mut b = fixture();
    let mut olga = b.actors[0].clone();
    olga.id = Id::new("olga-zakharova".into());
    olga.name = "Olga Zakharova".into();
    olga.aliases = vec![];
    b.actors.push(olga);
    b.build_index();
    let c = Corpus::new(&b);
    let q = Query::parse("Zakharova", &c);
    assert_eq!(q.groups[0].terms[0].actors, vec![0, 2]);
    let found = top(&c, "Zakharova", 3);
    assert!(
        found.contains(&(Kind::Actor, "zakharova".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(Kind::Actor, "olga-zakharova".into())),
        "{found:?}"
    );
}

#[test]
fn accents_are_ignored_and_originals_highlighted() {
    let c = corpus_of(&[
        (Kind::Event, "Talks in Zürich"),
        (Kind::Event, "Talks in Zu\u{308}rich"),
    ]);
    assert_eq!(highlighted(&c, "zurich"), vec!["Zürich", "Zurich"]);
    assert_eq!(highlighted(&c, "zürich").len(), 2);
    // A typed upper case letter asks for case.
    assert!(highlighted(&c, "ZURICH").is_empty());
}

#[test]
fn highlights_land_on_non_ascii_chars() {
    let c = corpus_of(&[(
        Kind::Sentence,
        "Глава МИД России 🎉 在东京 said Захарова 👩‍👩‍👧 spoke",
    )]);
    assert_eq!(highlighted(&c, "мид"), vec!["МИД"]);
    assert_eq!(highlighted(&c, "东京"), vec!["东京"]);
    assert_eq!(highlighted(&c, "захарова"), vec!["Захарова"]);
    assert_eq!(highlighted(&c, "spoke"), vec!["spoke"]);
}

#[test]
fn sentence_highlights_map_to_source_bytes() {
    let mut b = fixture();
    b.sources[0].text = "Intro 🎉 line.\nГлава МИД Захарова said “troops” — 東京.".into();
    let c = Corpus::new(&b);
    let hits = search(&c, &Matcher::default(), "t:захарова", 5);
    let (source, ranges) = hits[0].source_ranges(&c).expect("a sentence");
    let text = &b.sources[source].text;
    let lit: String = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(lit, "Захарова");
}

#[test]
fn filters_limit_kind_actor_and_issue() {
    let c = Corpus::new(&fixture());
    let kinds = |q: &str| -> Vec<Kind> { top(&c, q, 50).into_iter().map(|(k, _)| k).collect() };
    assert!(kinds("q: foreign").iter().all(|k| *k == Kind::Quote));
    assert!(!kinds("q: foreign").is_empty());
    assert!(kinds("t:paris").iter().all(|k| *k == Kind::Sentence));
    let zak = top(&c, "@zakh", 50);
    assert!(zak.contains(&(Kind::Quote, "zakharova-unacceptable".into())));
    assert!(zak.contains(&(Kind::Position, "moscow-troops".into())));
    assert!(
        !zak.iter()
            .any(|(_, id)| id == "zelensky" || id == "kyiv-troops")
    );
    let on_issue = top(&c, "#troops kyiv", 50);
    assert!(
        on_issue.contains(&(Kind::Position, "kyiv-troops".into())),
        "{on_issue:?}"
    );
    assert!(top(&c, "@nobody", 50).is_empty());
}

#[test]
fn refining_gives_the_same_results_as_searching_afresh() {
    let c = Corpus::new(&crate::synth::generate(3000, 7));
    for text in [
        "zakharova troops",
        "q:ki @a",
        "#sec guar",
        "Kiev talks",
        "zür",
        "'zak tr",
        "^ki ta$",
        "\"security gua",
        "18 aug 2025 x",
        "!x a",
        "a | b c",
        "@mos t:tr",
    ] {
        let mut last = Results::default();
        for end in text.char_indices().map(|(i, ch)| i + ch.len_utf8()) {
            let typed = &text[..end];
            last = last.refine(&c, Query::parse(typed, &c));
            let fresh = Results::new(&c, Query::parse(typed, &c));
            assert_eq!(last.ranked, fresh.ranked, "after typing {typed:?}");
            assert_eq!(last.total(), fresh.total(), "after typing {typed:?}");
        }
    }
}

#[test]
fn worker_answers_the_newest_query() {
    let c = std::sync::Arc::new(Corpus::new(&fixture()));
    let w = worker::Worker::spawn(c.clone());
    for typed in ["z", "za", "zak", "zakharova troops"] {
        w.submit(typed);
    }
    let r = w
        .wait_for("zakharova troops", std::time::Duration::from_secs(10))
        .expect("results");
    let fresh = Results::new(&c, Query::parse("zakharova troops", &c));
    assert_eq!(r.ranked, fresh.ranked);
}

/// Date terms against every shape of date: found when the date can mean
/// the day, ranked by how exactly it names it; texts that write the date
/// are found too; undated items and sentences (dated by their article) are
/// not found by their date.
#[test]
fn date_terms_over_every_date_shape() {
    use crate::model::{FuzzyDate, Point};
    let p = |s: &str| Point::parse(s).unwrap();
    let text = |s: &str| s.to_string();
    let dated: Vec<(&str, Option<FuzzyDate>)> = vec![
        ("exact day", Some(FuzzyDate::Exact(p("2025-08-18")))),
        (
            "on a weekday",
            Some(FuzzyDate::On {
                on: p("2025-08-18"),
                text: text("on Monday"),
                inferred: false,
            }),
        ),
        (
            "about the day",
            Some(FuzzyDate::About {
                about: p("2025-08-18"),
                text: text("around 18 August"),
                inferred: false,
            }),
        ),
        ("the month", Some(FuzzyDate::Exact(p("2025-08")))),
        (
            "a range over it",
            Some(FuzzyDate::Range {
                from: Some(p("2025-08-15")),
                to: Some(p("2025-08-20")),
                text: text("that week"),
                inferred: false,
            }),
        ),
        (
            "on or before",
            Some(FuzzyDate::Range {
                from: None,
                to: Some(p("2025-08-20")),
                text: text("by 20 August"),
                inferred: false,
            }),
        ),
        ("the year", Some(FuzzyDate::Exact(p("2025")))),
        ("another day", Some(FuzzyDate::Exact(p("2025-08-19")))),
        (
            "a range before it",
            Some(FuzzyDate::Range {
                from: Some(p("2025-08-01")),
                to: Some(p("2025-08-17")),
                text: text("early August"),
                inferred: false,
            }),
        ),
        ("unknown", Some(FuzzyDate::Unknown { text: None })),
        ("no date", None),
    ];
    let mut c = Corpus::default();
    for (i, (label, date)) in dated.iter().enumerate() {
        c.items.push(Item::new(
            Kind::Event,
            label.to_string(),
            Target::Event(i),
            date.clone(),
            vec![Field::new(Role::Label, label)],
        ));
    }
    c.items.push(Item::new(
        Kind::Sentence,
        "says it".into(),
        Target::Event(99),
        Some(FuzzyDate::Exact(p("2025-08-18"))),
        vec![Field::new(
            Role::Label,
            "They met on August 18, in Washington.",
        )],
    ));
    c.items.push(Item::new(
        Kind::Sentence,
        "dated by its article".into(),
        Target::Event(100),
        Some(FuzzyDate::Exact(p("2025-08-18"))),
        vec![Field::new(Role::Label, "Nothing about the day.")],
    ));
    let found = |q: &str| -> Vec<String> {
        search_all(&c, &Matcher::default(), q, 50)
            .iter()
            .map(|h| c.items[h.item].id.clone())
            .collect()
    };
    for q in [
        "18 aug",
        "august 18",
        "2025-08-18",
        "18 August 2025",
        "aug 18,",
    ] {
        let ids = found(q);
        assert_eq!(
            ids[..3],
            ["exact day", "on a weekday", "about the day"],
            "{q}: {ids:?}"
        );
        for id in [
            "the month",
            "a range over it",
            "on or before",
            "the year",
            "says it",
        ] {
            assert!(
                ids.contains(&id.to_string()),
                "{q}: {id} missing from {ids:?}"
            );
        }
        for id in [
            "another day",
            "a range before it",
            "unknown",
            "no date",
            "dated by its article",
        ] {
            assert!(!ids.contains(&id.to_string()), "{q}: {id} in {ids:?}");
        }
        // The narrower the vague date, the higher.
        let at = |id: &str| ids.iter().position(|x| x == id).unwrap();
        assert!(at("a range over it") < at("the month") && at("the month") < at("the year"));
    }
    let month = found("aug 2025");
    for id in [
        "exact day",
        "the month",
        "a range before it",
        "on or before",
        "the year",
    ] {
        assert!(
            month.contains(&id.to_string()),
            "{id} missing from {month:?}"
        );
    }
    assert_eq!(month[0], "the month", "{month:?}");
    // Another year: only an open range can still mean it, and a text that
    // writes "August 18" without a year.
    assert_eq!(found("18 aug 2024"), ["says it", "on or before"]);
}
