//! `update` without a terminal, on tests/fixtures/reader.

use std::path::Path;

use ratatui::layout::Rect;

use super::current::Item;
use super::lists::ActorSel;
use super::{Action, App, Pane};
use crate::model::Briefing;
use crate::theme::Theme;

pub fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

fn app() -> App {
    App::new(fixture(), Theme::new(true), Rect::new(0, 0, 80, 24))
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// The words the source pane highlights as current.
fn current_words(app: &App) -> Option<&str> {
    let m = app.source.marks.get(app.source.current?)?;
    Some(&app.briefing.sources[app.source.source?].text[m.range.clone()])
}

fn event_title(app: &App) -> &str {
    &app.briefing.events[app.timeline_event().unwrap()].title
}

#[test]
fn starts_on_the_first_event_in_date_order_with_its_evidence_open() {
    let app = app();
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(event_title(&app), "Russia open to talks on guarantees");
    assert_eq!(
        current_words(&app),
        Some("Earlier in the year Russia said it was")
    );
    assert!(app.filter.is_empty());
}

#[test]
fn the_timeline_is_in_date_order_with_vague_dates_by_their_earliest_day() {
    let app = app();
    let titles: Vec<&str> = app
        .events
        .iter()
        .map(|&e| app.briefing.events[e].title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Russia open to talks on guarantees",
            "Trump promises some US support",
            "Coalition meets in Paris",
            "Zakharova rejects Western troops"
        ]
    );
}

#[test]
fn moving_in_the_timeline_opens_each_event_evidence() {
    let mut app = app();
    run(&mut app, &[Action::Down]);
    assert_eq!(event_title(&app), "Trump promises some US support");
    assert_eq!(
        current_words(&app),
        Some("Trump said the United States would back the effort")
    );
    run(&mut app, &[Action::Bottom]);
    assert_eq!(event_title(&app), "Zakharova rejects Western troops");
    run(&mut app, &[Action::Top, Action::Up]);
    assert_eq!(app.timeline.selected, 0);
}

/// Every pane describes the current item: Details, the source's words,
/// and the lists' selections.
fn assert_agrees(app: &App) {
    let b = &app.briefing;
    assert_eq!(app.details.of.as_ref(), Some(&app.current), "Details");
    assert_eq!(app.source.links, app.current.links(b), "the source's words");
    if let Some(e) = app.current.event(b) {
        assert_eq!(app.timeline_event(), Some(e), "the timeline");
    }
    if let Some(sel) = app.current.actor_row() {
        assert_eq!(app.actor, sel, "the actors pane");
    }
}

#[test]
fn a_side_key_jumps_to_its_first_actor_and_filters_nothing() {
    let mut app = app();
    run(&mut app, &[Action::Side(1)]);
    assert_eq!(app.focus, Pane::Actors);
    let russia = app.briefing.actor_index("russia").unwrap();
    assert_eq!(app.current, Item::Actor(russia));
    assert_agrees(&app);
    assert!(app.filter.is_empty(), "only f, F and x touch the filter");
    assert_eq!(app.events.len(), 4);
    // Esc goes back to the first event.
    run(&mut app, &[Action::Back]);
    assert_eq!(app.current, Item::Event(app.events[0]));
    assert_eq!(app.focus, Pane::Timeline);
    assert_agrees(&app);
}

#[test]
fn filters_are_set_and_cleared_only_by_their_keys() {
    let mut app = app();
    run(&mut app, &[Action::Side(1), Action::FilterActor]);
    let russia = app.briefing.actor_index("russia").unwrap();
    assert_eq!(app.filter.actor, Some(russia));
    // Russia's own event and its spokeswoman's.
    assert_eq!(app.events.len(), 2);
    // Moving onto other rows never changes the filter.
    run(
        &mut app,
        &[Action::Down, Action::Down, Action::Down, Action::Up],
    );
    assert_eq!(app.filter.actor, Some(russia));
    run(&mut app, &[Action::FilterActor]);
    assert!(app.filter.is_empty(), "f again shows all");
    run(&mut app, &[Action::FilterSide]);
    assert_eq!(app.filter.side, Some(1));
    assert_eq!(app.events.len(), 2, "Moscow: Russia and Zakharova");
    run(&mut app, &[Action::ClearFilters]);
    assert!(app.filter.is_empty());
    assert_eq!(app.events.len(), 4);
}

#[test]
fn a_jump_to_a_hidden_event_shows_it_and_back_restores_the_filter() {
    let mut app = app();
    run(&mut app, &[Action::Side(1), Action::FilterActor]);
    let hidden = (0..app.briefing.events.len())
        .find(|e| !app.events.contains(e))
        .unwrap();
    let before = app.place();
    app.jump(Item::Event(hidden));
    assert!(app.filter.is_empty());
    assert_agrees(&app);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.place(), before);
    assert_agrees(&app);
    run(&mut app, &[Action::JumpForward]);
    assert_eq!(app.current, Item::Event(hidden));
    assert_agrees(&app);
}

#[test]
fn every_kind_of_item_can_be_current_and_every_pane_agrees() {
    let mut app = app();
    let b = app.briefing.clone();
    let mut items: Vec<Item> = Vec::new();
    items.extend((0..b.events.len()).map(Item::Event));
    items.extend((0..b.actors.len()).map(Item::Actor));
    items.extend((0..b.positions.len()).map(Item::Position));
    items.extend((0..b.quotes.len()).map(Item::Quote));
    items.extend((0..b.issues.len()).map(Item::Issue));
    items.extend((0..b.discrepancies.len()).map(Item::Discrepancy));
    items.extend((0..b.sources.len()).map(Item::Source));
    items.push(Item::Passage {
        source: 0,
        range: 0..10,
    });
    let mut places = vec![app.place()];
    for item in &items {
        app.jump(item.clone());
        assert_eq!(&app.current, item);
        assert_agrees(&app);
        assert!(!app.details.lines.is_empty(), "Details shows {item:?}");
        places.push(app.place());
    }
    // Back walks the jumps in reverse, to exactly each place.
    for place in places.iter().rev().skip(1) {
        run(&mut app, &[Action::JumpBack]);
        assert_eq!(&app.place(), place);
        assert_agrees(&app);
    }
}

#[test]
fn moscow_on_foreign_troops_takes_three_keys_and_shows_the_words() {
    let mut app = app();
    // 2: Moscow; j: its first position (the earlier one); j: the current one.
    run(&mut app, &[Action::Side(1), Action::Down]);
    let open = app
        .briefing
        .positions
        .iter()
        .position(|p| p.id == "russia-troops-open")
        .unwrap();
    assert_eq!(app.actor, ActorSel::Position(open));
    assert_eq!(current_words(&app), Some("open to discussing"));
    run(&mut app, &[Action::Down]);
    assert_eq!(
        current_words(&app),
        Some("unacceptable foreign intervention")
    );
    assert_eq!(app.briefing.sources[app.source.source.unwrap()].id, "paris");
}

#[test]
fn an_actors_quotes_follow_their_stances_and_open_at_the_words() {
    let mut app = app();
    // 2: Moscow; past Russia's two stances to the quote under them.
    run(
        &mut app,
        &[Action::Side(1), Action::Down, Action::Down, Action::Down],
    );
    let ActorSel::Quote(q) = app.actor else {
        panic!("expected a quote row, got {:?}", app.actor)
    };
    let quote = &app.briefing.quotes[q];
    assert_eq!(quote.speaker, "russia");
    assert_eq!(current_words(&app), Some(quote.text.as_str()));
    run(&mut app, &[Action::Open]);
    assert_eq!(app.focus, Pane::Source);
}

#[test]
fn brackets_step_through_the_sources_of_the_selection() {
    let mut app = app();
    run(&mut app, &[Action::Side(1), Action::Down, Action::Down]);
    run(&mut app, &[Action::NextSource]);
    assert_eq!(current_words(&app), Some("legitimate targets"));
    run(&mut app, &[Action::NextSource]);
    assert_eq!(
        current_words(&app),
        Some("unacceptable foreign intervention")
    );
    run(&mut app, &[Action::PrevSource]);
    assert_eq!(current_words(&app), Some("legitimate targets"));
}

#[test]
fn n_and_shift_n_walk_the_highlights_and_wrap() {
    let mut app = app();
    run(&mut app, &[Action::Bottom, Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Source);
    let n = app.source.marks.len();
    assert!(n >= 3, "{n}");
    let start = app.source.current.unwrap();
    run(&mut app, &[Action::NextHighlight]);
    assert_eq!(app.focus, Pane::Source);
    assert_eq!(app.source.current, Some((start + 1) % n));
    for _ in 0..n {
        app.update(Action::PrevHighlight);
    }
    assert_eq!(app.source.current, Some((start + 1) % n));
}

#[test]
fn enter_on_a_quote_in_the_source_makes_it_current_and_back_returns() {
    let mut app = app();
    // Russia's current stance rests on Zakharova's words.
    run(
        &mut app,
        &[Action::Side(1), Action::Down, Action::Down, Action::Open],
    );
    assert_eq!(app.focus, Pane::Source);
    let before = app.place();
    run(&mut app, &[Action::Open]);
    let q = app.briefing.quote_index("zakharova-unacceptable").unwrap();
    assert_eq!(app.current, Item::Quote(q));
    assert_agrees(&app);
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(event_title(&app), "Zakharova rejects Western troops");
    assert!(app.filter.is_empty(), "a jump sets no filter");
    // The source still shows the quote.
    assert_eq!(
        current_words(&app),
        Some("unacceptable foreign intervention")
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.place(), before);
}

#[test]
fn the_highlight_is_scrolled_into_view() {
    let mut app = app();
    run(&mut app, &[Action::Side(0), Action::Down]);
    assert_eq!(current_words(&app), Some("real guarantees"));
    let view = app.page_of(Pane::Source);
    let m = &app.source.marks[app.source.current.unwrap()];
    let row = super::wrap::row_of(&app.source.rows, m.range.start);
    assert!(app.source.scroll > 0, "the words are far down the article");
    assert!((app.source.scroll..app.source.scroll + view).contains(&row));
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut app = app();
    run(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Actors);
    run(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Details);
    run(&mut app, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus, Pane::Timeline);
    run(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Source);
}

#[test]
fn details_scrolls_and_a_new_item_starts_at_its_top() {
    let mut app = App::new(fixture(), Theme::new(true), Rect::new(0, 0, 60, 16));
    let russia = app.briefing.actor_index("russia").unwrap();
    app.jump(Item::Actor(russia));
    app.focus = Pane::Details;
    let height = app.page_of(Pane::Details);
    assert!(
        app.details.lines.len() > height,
        "an actor's record is long"
    );
    run(&mut app, &[Action::Bottom]);
    assert_eq!(app.details.scroll, app.details.lines.len() - height);
    // A resize keeps the place; a new item starts at the top.
    run(
        &mut app,
        &[Action::Resize {
            width: 61,
            height: 16,
        }],
    );
    assert!(app.details.scroll > 0);
    app.jump(Item::Event(0));
    assert_eq!(app.details.scroll, 0);
}

#[test]
fn help_takes_esc_first_and_then_esc_goes_back() {
    let mut app = app();
    run(&mut app, &[Action::Side(1), Action::Help]);
    assert!(app.help);
    run(&mut app, &[Action::Down, Action::Back]);
    assert!(!app.help);
    assert!(
        matches!(app.current, Item::Actor(_)),
        "Esc closed the help only, and keys under the help do not move the panes"
    );
    run(&mut app, &[Action::Back]);
    assert!(matches!(app.current, Item::Event(_)));
}

#[test]
fn reading_mode_keeps_the_place_and_paragraphs_apart() {
    let mut app = app();
    run(&mut app, &[Action::Side(0), Action::Down]);
    let anchor = app.source.anchor();
    let words = current_words(&app).map(str::to_string);
    run(&mut app, &[Action::ToggleReading]);
    assert!(app.reading);
    assert_eq!(app.focus, Pane::Source);
    let column = crate::layout::reading_column(app.size);
    assert_eq!(app.source.width, column.width as usize);
    assert!(app.source.width <= crate::layout::READING_WIDTH as usize);
    // The first row shown starts where it did (or earlier in the same row).
    assert!(app.source.anchor() <= anchor);
    assert_eq!(current_words(&app).map(str::to_string), words);
    let gaps = app.source.rows.iter().filter(|r| r.is_empty()).count();
    assert!(gaps > 0, "paragraphs are apart");
    run(&mut app, &[Action::PageUp]);
    assert!(app.source.anchor() < anchor, "b and PgUp page back");
    let place = app.source.anchor();
    run(&mut app, &[Action::Back]);
    assert!(!app.reading);
    assert_eq!(app.source.anchor(), place, "leaving keeps the place");
}

#[test]
fn mention_underlines_can_be_turned_off() {
    let mut app = app();
    // Mentions are the underlined spans in a side's colour that are not bold.
    let mentions = |app: &App| {
        use ratatui::style::Modifier;
        app.source
            .lines
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| {
                s.style.add_modifier.contains(Modifier::UNDERLINED)
                    && !s.style.add_modifier.contains(Modifier::BOLD)
            })
            .count()
    };
    assert!(mentions(&app) > 0);
    run(&mut app, &[Action::ToggleMentions]);
    assert_eq!(mentions(&app), 0);
    run(&mut app, &[Action::ToggleMentions]);
    assert!(mentions(&app) > 0);
}

#[test]
fn scrolling_the_source_stays_within_the_text() {
    let mut app = app();
    run(&mut app, &[Action::FocusPrev, Action::Bottom]);
    let view = app.page_of(Pane::Source);
    assert_eq!(app.source.scroll, app.source.rows.len() - view);
    run(
        &mut app,
        &[Action::PageDown, Action::HalfDown, Action::Down],
    );
    assert_eq!(app.source.scroll, app.source.rows.len() - view);
    run(&mut app, &[Action::Top, Action::HalfUp]);
    assert_eq!(app.source.scroll, 0);
}

#[test]
fn a_click_focuses_a_pane_and_selects_the_row_under_it() {
    let mut app = app();
    let a = app.areas().unwrap();
    run(
        &mut app,
        &[Action::Click {
            column: a.timeline.x + 5,
            row: a.timeline.y + 3,
        }],
    );
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.timeline.selected, 2);
    // The actors pane: row 0 is the Kyiv heading, row 1 Zelensky.
    run(
        &mut app,
        &[Action::Click {
            column: a.actors.x + 3,
            row: a.actors.y + 2,
        }],
    );
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(
        app.actor,
        ActorSel::Actor(app.briefing.actor_index("zelensky").unwrap())
    );
    run(
        &mut app,
        &[Action::Scroll {
            column: a.source.x + 3,
            row: a.source.y + 3,
            down: true,
        }],
    );
    assert_eq!(
        app.focus,
        Pane::Actors,
        "the wheel scrolls without taking the focus"
    );
}

#[test]
fn resizing_keeps_the_reading_place() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::FocusPrev,
            Action::Top,
            Action::PageDown,
            Action::Down,
        ],
    );
    let anchor = app.source.anchor();
    assert!(anchor > 0);
    for (width, height) in [(200, 60), (61, 16), (123, 41), (80, 24)] {
        run(&mut app, &[Action::Resize { width, height }]);
        assert_eq!(app.source.anchor(), anchor, "at {width}×{height}");
        // The place is the top row, unless the end of the text is in view.
        let (_, rows) = app.source_size();
        let top = &app.source.rows[app.source.scroll];
        let at_end = app.source.scroll + rows >= app.source.rows.len();
        assert!(
            (top.start..=top.end).contains(&anchor) || at_end,
            "at {width}×{height}"
        );
    }
    let top = &app.source.rows[app.source.scroll];
    assert_eq!(top.start, anchor, "back at 80×24, the same first word");
}

#[test]
fn resizing_relayouts_and_too_small_has_no_areas() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::Side(0),
            Action::Down,
            Action::Resize {
                width: 200,
                height: 60,
            },
        ],
    );
    assert_eq!(
        app.source.width,
        app.areas().unwrap().source.width as usize - 2
    );
    run(
        &mut app,
        &[
            Action::Resize {
                width: 20,
                height: 5,
            },
            Action::Down,
            Action::PageDown,
        ],
    );
    assert!(app.areas().is_none());
    run(
        &mut app,
        &[Action::Resize {
            width: 80,
            height: 24,
        }],
    );
    assert_eq!(current_words(&app), Some("real guarantees"));
}

#[test]
fn q_quits() {
    let mut app = app();
    run(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

#[test]
fn the_matrix_steps_its_date_and_a_cell_changes() {
    use crate::tables::{self, Row};
    let mut app = app();
    run(&mut app, &[Action::OpenView(Pane::Matrix)]);
    assert_eq!(app.focus, Pane::Matrix);
    let rows = tables::rows(&app.briefing, app.views.matrix.by);
    let russia = app.briefing.actor_index("russia").unwrap();
    let troops = app.briefing.issue_index("foreign-troops").unwrap();
    let row = rows
        .iter()
        .position(|r| matches!(r, Row::Actor(a) if *a == russia))
        .unwrap();
    // The date follows the current event: the first, in March.
    let stance = |app: &App| {
        crate::model::stances::as_of(&app.briefing, russia, troops, app.matrix_day())
            .map(|c| c.stance)
    };
    assert_eq!(stance(&app), Some(crate::model::Stance::Open));
    for _ in 0..10 {
        run(&mut app, &[Action::LaterDate]);
    }
    assert_eq!(app.matrix_day().iso(), "2025-09-04", "the last event's day");
    assert_eq!(stance(&app), Some(crate::model::Stance::RulesOut));
    run(&mut app, &[Action::EarlierDate, Action::EarlierDate]);
    assert_eq!(app.matrix_day().iso(), "2025-03-01");
    // Typing a date.
    run(&mut app, &[Action::TypeDate]);
    for c in "5 sep".chars() {
        app.update(Action::Type(c));
    }
    run(&mut app, &[Action::Open]);
    assert_eq!(app.matrix_day().iso(), "2025-09-05");
    run(
        &mut app,
        &[Action::TypeDate, Action::Type('x'), Action::Open],
    );
    assert!(
        app.views.prompt.as_ref().unwrap().error.is_some(),
        "a bad date says so"
    );
    run(&mut app, &[Action::Back]);
    assert!(app.views.prompt.is_none());
    // Enter on Russia's cell: its history; Enter on a position: its words; Esc: back.
    for _ in 0..row {
        app.update(Action::Down);
    }
    while app.views.matrix.col < troops {
        app.update(Action::Right);
    }
    run(&mut app, &[Action::Open]);
    assert!(app.views.matrix.in_history);
    assert_eq!(app.cell_history().len(), 2);
    run(&mut app, &[Action::Down, Action::Open]);
    let p = app
        .briefing
        .positions
        .iter()
        .position(|p| p.id == "russia-troops-no")
        .unwrap();
    assert_eq!(app.current, Item::Position(p));
    assert_eq!(app.focus, Pane::Source);
    assert_agrees(&app);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Matrix);
    assert_eq!(
        app.matrix_day().iso(),
        "2025-09-05",
        "the matrix is as it was"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn since_marks_changes_and_the_changes_view_lists_them() {
    let mut app = app();
    run(
        &mut app,
        &[Action::OpenView(Pane::Matrix), Action::TypeSince],
    );
    for c in "2025-08-01".chars() {
        app.update(Action::Type(c));
    }
    run(&mut app, &[Action::Open, Action::TypeDate]);
    for c in "2025-09-30".chars() {
        app.update(Action::Type(c));
    }
    run(&mut app, &[Action::Open, Action::OpenView(Pane::Changes)]);
    assert_eq!(app.focus, Pane::Changes);
    assert_eq!(
        app.change_list().len(),
        1,
        "Russia's move; first positions are not moves"
    );
    let russia = app.briefing.actor_index("russia").unwrap();
    let at = app
        .change_list()
        .iter()
        .position(|c| c.actor == russia)
        .unwrap();
    for _ in 0..at {
        app.update(Action::Down);
    }
    let to = app.change_list()[at].to;
    run(&mut app, &[Action::Open]);
    assert_eq!(app.current, Item::Position(to));
    assert_agrees(&app);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Changes);
}

#[test]
fn the_issue_view_shows_every_actor_with_a_position_by_side() {
    let mut app = app();
    let troops = app.briefing.issue_index("foreign-troops").unwrap();
    app.jump(Item::Issue(troops));
    run(&mut app, &[Action::OpenView(Pane::IssueView)]);
    assert_eq!(app.view_issue(), Some(troops));
    let names: Vec<&str> = app
        .issue_rows(troops)
        .iter()
        .map(|&a| app.briefing.actors[a].id.as_str())
        .collect();
    assert_eq!(
        names,
        ["zelensky", "russia", "zakharova", "trump", "macron"]
    );
    run(&mut app, &[Action::Down, Action::Open]);
    let p = app
        .briefing
        .positions
        .iter()
        .position(|p| p.id == "russia-troops-no")
        .unwrap();
    assert_eq!(
        app.current,
        Item::Position(p),
        "the actor's latest position"
    );
    run(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.current, Item::Issue(troops));
}

/// Issue 10's done-when: every discrepancy of the bundled briefing can be
/// reached from the reader, and opens both sources at their words.
#[test]
fn every_bundled_discrepancy_opens_both_accounts() {
    let b = crate::cli::open(None).unwrap();
    let n = b.discrepancies.len();
    assert!(n >= 11);
    let mut app = App::new(b, Theme::new(true), Rect::new(0, 0, 120, 40));
    run(&mut app, &[Action::OpenView(Pane::Disagreements)]);
    for d in 0..n {
        assert_eq!(app.views.disagreements.selected, d);
        run(&mut app, &[Action::Open]);
        assert_eq!(app.current, Item::Discrepancy(d));
        assert_agrees(&app);
        let accounts = &app.briefing.discrepancies[d].accounts;
        let sources: Vec<usize> = accounts
            .iter()
            .map(|a| app.briefing.source_index(&a.source).unwrap())
            .collect();
        // The first account's words are current; ] reaches the other source.
        let shown = |app: &App| {
            let m = &app.source.marks[app.source.current.unwrap()];
            (app.source.source.unwrap(), m.range.clone())
        };
        assert_eq!(
            shown(&app),
            (sources[0], accounts[0].range.clone().unwrap())
        );
        if sources[1] != sources[0] {
            run(&mut app, &[Action::NextSource]);
            assert_eq!(shown(&app).0, sources[1]);
        }
        run(&mut app, &[Action::Back]);
        assert_eq!(app.focus, Pane::Disagreements);
        run(&mut app, &[Action::Down]);
    }
}

#[test]
fn assessed_positions_can_be_hidden() {
    let mut app = app();
    let trump = app.briefing.actor_index("trump").unwrap();
    let assessed = app
        .briefing
        .positions
        .iter()
        .position(|p| p.id == "trump-troops-assessed")
        .unwrap();
    app.jump(Item::Position(assessed));
    let rows = |app: &App| {
        super::lists::actor_rows(app)
            .iter()
            .filter(|r| matches!(r, super::lists::ActorRow::Position(p, _) if *p == assessed))
            .count()
    };
    assert_eq!(rows(&app), 1);
    run(&mut app, &[Action::ToggleAssessed]);
    assert!(app.hide_assessed);
    assert_eq!(rows(&app), 0, "the assessment is hidden");
    assert_eq!(
        app.current,
        Item::Actor(trump),
        "its actor is current instead"
    );
    assert_agrees(&app);
    run(&mut app, &[Action::ToggleAssessed]);
    assert_eq!(rows(&app), 1);
}

/// Details shows the discrepancies that concern an actor or an event.
#[test]
fn details_name_the_disagreements_about_an_actor_and_an_event() {
    let b = crate::cli::open(None).unwrap();
    let putin = b.actor_index("putin").unwrap();
    let mut app = App::new(b, Theme::new(true), Rect::new(0, 0, 120, 40));
    // Details wraps its lines; read them as one run of words.
    let text = |app: &App| -> String {
        let joined: Vec<String> = app.details.lines.iter().map(|l| l.to_string()).collect();
        joined
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    app.jump(Item::Actor(putin));
    assert!(
        text(&app).contains(crate::strings::DISAGREE),
        "{}",
        text(&app)
    );
    // Every discrepancy is named in the Details of some event or actor.
    let n = app.briefing.discrepancies.len();
    let mut seen = vec![false; n];
    let items: Vec<Item> = (0..app.briefing.events.len())
        .map(Item::Event)
        .chain((0..app.briefing.actors.len()).map(Item::Actor))
        .collect();
    for item in items {
        app.jump(item);
        let shown = text(&app);
        for (d, seen) in seen.iter_mut().enumerate() {
            let fact = &app.briefing.discrepancies[d].fact;
            *seen |= shown.contains(&fact.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let missing: Vec<&str> = (0..n)
        .filter(|&d| !seen[d])
        .map(|d| app.briefing.discrepancies[d].id.as_str())
        .collect();
    assert!(missing.is_empty(), "not in any Details: {missing:?}");
}

#[test]
fn a_large_briefing_builds_its_search_index_off_the_ui_thread_and_typing_goes_on() {
    let b = crate::synth::generate(30_000, 1);
    let mut app = App::new(b, Theme::new(true), Rect::new(0, 0, 120, 40));
    app.update(Action::OpenPalette);
    // The palette is open at once and takes keys while the index builds.
    assert!(
        app.indexing(),
        "the index of a large briefing is built on a thread"
    );
    assert!(app.search_pending(), "the loop is told to look for it");
    for c in "sanctions".chars() {
        app.update(Action::Type(c));
    }
    assert_eq!(app.search.palette.as_ref().unwrap().input, "sanctions");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.search_pending() {
        assert!(std::time::Instant::now() < until, "the index never arrived");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.update(Action::SearchTick);
    }
    assert!(!app.indexing());
    let p = app.search.palette.as_ref().unwrap();
    assert!(
        p.results.listed(false) > 0,
        "what was typed is searched once the index is there"
    );
    let corpus = &app.search.engine.as_ref().unwrap().corpus;
    let first = &corpus.items[p.hits[0].item];
    assert!(
        first
            .fields
            .iter()
            .any(|f| f.text.to_lowercase().contains("sanction")),
        "{:?}",
        first.label()
    );
}
