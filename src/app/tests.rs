//! `update` without a terminal, on tests/fixtures/reader.

use std::path::Path;

use ratatui::layout::Rect;

use super::lists::ActorSel;
use super::{Action, App, Pane};
use crate::model::Briefing;
use crate::theme::Theme;

pub fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

fn app() -> App {
    App::new(fixture(), Theme { color: true }, Rect::new(0, 0, 80, 24))
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
    &app.briefing.events[app.events[app.timeline.selected]].title
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
    assert_eq!(app.filter, None);
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

#[test]
fn a_side_key_selects_its_first_actor_and_filters_the_timeline() {
    let mut app = app();
    run(&mut app, &[Action::Side(1)]);
    assert_eq!(app.focus, Pane::Actors);
    let russia = app.briefing.actor_index("russia").unwrap();
    assert_eq!(app.actor, ActorSel::Actor(russia));
    assert_eq!(app.filter, Some(russia));
    // Russia's own event and its spokeswoman's.
    assert_eq!(app.events.len(), 2);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.filter, None);
    assert_eq!(app.events.len(), 4);
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
    run(
        &mut app,
        &[Action::Bottom, Action::FocusNext, Action::FocusNext],
    );
    assert_eq!(app.focus, Pane::Source);
    let n = app.source.marks.len();
    assert!(n >= 3, "{n}");
    let start = app.source.current.unwrap();
    run(&mut app, &[Action::NextHighlight]);
    assert_eq!(app.source.current, Some((start + 1) % n));
    for _ in 0..n {
        app.update(Action::PrevHighlight);
    }
    assert_eq!(app.source.current, Some((start + 1) % n));
}

#[test]
fn enter_on_a_quote_goes_to_its_speaker_and_event() {
    let mut app = app();
    run(
        &mut app,
        &[Action::Side(1), Action::Down, Action::Down, Action::Open],
    );
    assert_eq!(app.focus, Pane::Source);
    run(&mut app, &[Action::Open]);
    let zakharova = app.briefing.actor_index("zakharova").unwrap();
    assert_eq!(app.actor, ActorSel::Actor(zakharova));
    assert_eq!(app.filter, Some(zakharova));
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(event_title(&app), "Zakharova rejects Western troops");
    // The source still shows the quote.
    assert_eq!(
        current_words(&app),
        Some("unacceptable foreign intervention")
    );
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
    run(&mut app, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus, Pane::Timeline);
    run(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Source);
}

#[test]
fn help_takes_esc_first_and_then_esc_clears_the_filter() {
    let mut app = app();
    run(&mut app, &[Action::Side(1), Action::Help]);
    assert!(app.help);
    run(&mut app, &[Action::Down, Action::Back]);
    assert!(!app.help);
    assert!(app.filter.is_some(), "Esc closed the help only");
    assert!(
        matches!(app.actor, ActorSel::Actor(_)),
        "keys under the help do not move the panes"
    );
    run(&mut app, &[Action::Back]);
    assert_eq!(app.filter, None);
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
