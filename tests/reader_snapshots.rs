//! Whole-screen snapshots of the reader on `TestBackend`, keys injected
//! through the keymap as a person would press them.

use std::path::Path;

use brief::app::App;
use brief::app::current::Item;
use brief::keymap::{Context, resolve};
use brief::model::Briefing;
use brief::ui::{self, theme::Theme};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

fn bundled() -> Briefing {
    brief::cli::open(None).expect("the bundled briefing is valid")
}

fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    brief::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

fn app(b: Briefing, width: u16, height: u16, color: bool) -> App {
    App::new(b, Theme::new(color), Rect::new(0, 0, width, height))
}

/// Presses keys: characters, or names in angle brackets (`<Tab>`, `<Esc>`).
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let code = match &rest[1..end] {
                "Tab" => KeyCode::Tab,
                "Esc" => KeyCode::Esc,
                "Enter" => KeyCode::Enter,
                other => panic!("unknown key {other}"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        rest = &rest[len..];
        if let Some(action) = resolve(
            KeyEvent::new(code, KeyModifiers::NONE),
            &Context { focus: app.focus },
        ) {
            app.update(action);
        }
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

/// The text of the cells whose style has `modifier`, row by row.
fn cells_with(buffer: &Buffer, modifier: Modifier) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn first_screen_80x24() {
    let app = app(bundled(), 80, 24, true);
    assert_snapshot!(draw(&app).backend());
}

#[test]
fn first_screen_160x48() {
    let app = app(bundled(), 160, 48, true);
    assert_snapshot!(draw(&app).backend());
}

#[test]
fn actor_selected_with_the_timeline_filtered() {
    let mut app = app(bundled(), 80, 24, true);
    press(&mut app, "2f");
    let terminal = draw(&app);
    assert!(app.filter.actor.is_some());
    let screen = terminal.backend().to_string();
    assert!(screen.contains("filter:"), "the filter is shown");
    assert_snapshot!(terminal.backend());
}

#[test]
fn event_selected_with_its_source_highlighted() {
    let mut app = app(bundled(), 80, 24, true);
    press(&mut app, "jj");
    let terminal = draw(&app);
    let view = &app.source;
    let words = &app.briefing.sources[view.source.unwrap()].text
        [view.marks[view.current.unwrap()].range.clone()];
    // The first words of the highlight are on screen, reversed.
    let reversed: String = cells_with(terminal.backend().buffer(), Modifier::REVERSED)
        .split_whitespace()
        .collect();
    let first: String = words.split_whitespace().take(2).collect();
    assert!(
        reversed.contains(&first),
        "{first:?} not in reversed cells {reversed:?}"
    );
    assert_snapshot!(terminal.backend());
}

#[test]
fn moscow_on_foreign_troops_in_the_fixture() {
    let mut app = app(fixture(), 80, 24, true);
    press(&mut app, "2jj");
    let terminal = draw(&app);
    let reversed = cells_with(terminal.backend().buffer(), Modifier::REVERSED);
    assert!(reversed.contains("unacceptable"), "{reversed}");
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay() {
    let mut app = app(bundled(), 80, 24, true);
    press(&mut app, "?");
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    for words in [
        "Help — keys",
        "Start: press a side's key (1-9), then j",
        "quit",
        "j/k scroll",
    ] {
        assert!(screen.contains(words), "help lacks {words}");
    }
    let all: String = brief::ui::help::lines(&app, 76)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for words in [
        "Shift-Tab",
        "Ctrl-o",
        "Alt-←",
        "Space",
        "filter the timeline",
        "Ctrl-c",
    ] {
        assert!(all.contains(words), "help lacks {words}");
    }
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay_scrolls_to_the_legend() {
    let mut app = app(bundled(), 80, 24, true);
    press(&mut app, "?G");
    let screen = draw(&app).backend().to_string();
    for words in ["Stances:", "rules out", "Sides:", "Basis:", "Dates:"] {
        assert!(screen.contains(words), "help lacks {words}:\n{screen}");
    }
}

#[test]
fn terminal_too_small() {
    let app = app(bundled(), 40, 10, true);
    let terminal = draw(&app);
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("terminal too small (need 60×16)")
    );
    assert_snapshot!(terminal.backend());
}

#[test]
fn no_color_reads_through_modifiers_and_symbols() {
    let mut app = app(bundled(), 80, 24, false);
    press(&mut app, "2j");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "colour at {x},{y}"
            );
        }
    }
    assert!(
        !cells_with(buffer, Modifier::REVERSED).trim().is_empty(),
        "the selection and highlight are reversed"
    );
    assert!(!cells_with(buffer, Modifier::BOLD).trim().is_empty());
    assert!(
        !cells_with(buffer, Modifier::UNDERLINED).trim().is_empty(),
        "side headings and mentions are underlined"
    );
    assert_snapshot!(terminal.backend());
}

#[test]
fn control_characters_from_a_briefing_are_shown_inert() {
    const EVIL: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{8}\r\u{9b}31m\u{202e}";
    let mut b = fixture();
    let evil = |s: &mut String| s.push_str(EVIL);
    evil(&mut b.meta.title);
    b.meta.as_of = brief::model::FuzzyDate::Unknown {
        text: Some(format!("as of{EVIL}")),
    };
    b.sides.iter_mut().for_each(|x| evil(&mut x.name));
    for x in &mut b.sources {
        evil(&mut x.title);
        evil(&mut x.outlet);
        evil(&mut x.text);
    }
    for x in &mut b.actors {
        evil(&mut x.name);
        evil(&mut x.role);
    }
    for x in &mut b.issues {
        evil(&mut x.title);
        evil(&mut x.question);
    }
    for x in &mut b.events {
        evil(&mut x.title);
        evil(&mut x.summary);
        x.place = Some(format!("Paris{EVIL}"));
    }
    for x in &mut b.positions {
        evil(&mut x.summary);
        x.as_of = brief::model::FuzzyDate::Unknown {
            text: Some(format!("then{EVIL}")),
        };
    }
    b.quotes.iter_mut().for_each(|x| evil(&mut x.text.value));
    let mut app = app(b, 120, 40, true);
    let mut screens = vec![draw(&app).backend().to_string()];
    for keys in ["G", "2", "j", "jj", "<Tab>G", "?"] {
        press(&mut app, keys);
        screens.push(draw(&app).backend().to_string());
    }
    assert!(screens[0].contains("␛[2J␛]0;pwned␇␈␍"), "{}", screens[0]);
    for screen in screens {
        for c in screen.chars() {
            assert!(
                !brief::model::text::is_unsafe(c),
                "{c:?} reached the screen:\n{screen}"
            );
        }
    }
}

/// The issue's "done when": from the first screen, what Moscow said about
/// foreign troops, highlighted in the original article, in a handful of keys.
#[test]
fn moscow_on_foreign_troops_in_a_handful_of_keys() {
    use brief::app::lists::ActorSel;
    let mut app = app(bundled(), 80, 24, true);
    press(&mut app, "2");
    let mut keys = 1;
    let on_troops = |app: &App| match app.actor {
        ActorSel::Position(p) => app.briefing.positions[p].issue == "foreign-troops",
        ActorSel::Actor(_) | ActorSel::Quote(_) => false,
    };
    while !on_troops(&app) && keys < 6 {
        press(&mut app, "j");
        keys += 1;
    }
    assert!(
        on_troops(&app),
        "no Moscow stance on foreign troops within {keys} keys"
    );
    let ActorSel::Position(p) = app.actor else {
        unreachable!()
    };
    let actor = app
        .briefing
        .actor(&app.briefing.positions[p].actor)
        .unwrap();
    assert_eq!(actor.side, "moscow");
    let view = &app.source;
    let words = &app.briefing.sources[view.source.unwrap()].text
        [view.marks[view.current.unwrap()].range.clone()];
    let terminal = draw(&app);
    let reversed: String = cells_with(terminal.backend().buffer(), Modifier::REVERSED)
        .split_whitespace()
        .collect();
    let first: String = words.split_whitespace().take(2).collect();
    assert!(
        reversed.contains(&first),
        "{first:?} is not highlighted on screen"
    );
}

/// The end of the bundled timeline: vague dates in their compact form, then
/// the events nothing places in time, under their own heading.
#[test]
fn timeline_with_vague_dates_and_its_undated_group() {
    let mut app = app(bundled(), 120, 40, true);
    press(&mut app, "G");
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("── undated"), "{screen}");
    assert!(
        screen.contains("≤ 20 Aug 2025") || screen.contains("≥ "),
        "{screen}"
    );
    assert_snapshot!(terminal.backend());
}

/// Trump's stances: the current one last on each issue, the earlier ones
/// marked, in the order the articles give.
#[test]
fn an_actors_stance_history_with_a_change_of_stance() {
    let mut app = app(bundled(), 120, 40, true);
    let trump = app.briefing.actor_index("trump").unwrap();
    app.jump(Item::Actor(trump));
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("(earlier)"), "{screen}");
    assert_snapshot!(terminal.backend());
}

/// Details shows the whole record of every kind of item.
#[test]
fn details_for_each_kind_of_item() {
    let mut app = app(fixture(), 100, 32, true);
    let b = app.briefing.clone();
    let items = [
        ("event", Item::Event(b.event_index("paris").unwrap())),
        ("actor", Item::Actor(b.actor_index("russia").unwrap())),
        ("position", Item::Position(0)),
        ("quote", Item::Quote(0)),
        ("issue", Item::Issue(0)),
        ("source", Item::Source(0)),
        (
            "passage",
            Item::Passage {
                source: 0,
                range: 0..40,
            },
        ),
    ];
    for (name, item) in items {
        app.jump(item);
        app.focus = brief::app::Pane::Details;
        let terminal = draw(&app);
        insta::assert_snapshot!(format!("details_{name}"), terminal.backend());
    }
}

#[test]
fn reading_mode_80x24_and_200x60() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut app = app(bundled(), w, h, true);
        press(&mut app, "1jr");
        assert!(app.reading);
        let terminal = draw(&app);
        let screen = terminal.backend().to_string();
        assert!(screen.contains("lines "), "an honest position: {screen}");
        insta::assert_snapshot!(format!("reading_{w}x{h}"), terminal.backend());
    }
}

/// The analyst's views on the bundled briefing: the matrix at both sizes
/// with changes since 15 August marked, the changes list, one issue across
/// the sides, and where the sources disagree.
#[test]
fn analyst_views() {
    use brief::app::{Action, Pane};
    for (w, h) in [(80, 24), (200, 60)] {
        let mut app = app(bundled(), w, h, true);
        app.update(Action::OpenView(Pane::Matrix));
        app.update(Action::TypeSince);
        for c in "15 aug".chars() {
            app.update(Action::Type(c));
        }
        app.update(Action::Open);
        app.update(Action::TypeDate);
        for c in "6 sep".chars() {
            app.update(Action::Type(c));
        }
        app.update(Action::Open);
        let terminal = draw(&app);
        let screen = terminal.backend().to_string();
        assert!(screen.contains("Stances as of 6 Sep 2025"), "{screen}");
        assert!(screen.contains("Δ since 15 Aug 2025"), "{screen}");
        insta::assert_snapshot!(format!("matrix_{w}x{h}"), terminal.backend());
        if w == 200 {
            app.update(Action::OpenView(Pane::Changes));
            insta::assert_snapshot!("changes_200x60", draw(&app).backend());
        }
    }
    let mut app = app(bundled(), 160, 48, true);
    let us_role = app.briefing.issue_index("us-role").unwrap();
    app.jump(Item::Issue(us_role));
    app.update(Action::OpenView(Pane::IssueView));
    let terminal = draw(&app);
    assert!(terminal.backend().to_string().contains("Donald Trump"));
    insta::assert_snapshot!("issue_view_us_role", terminal.backend());
    app.update(Action::OpenView(Pane::Disagreements));
    insta::assert_snapshot!("disagreements", draw(&app).backend());
}

/// Issue 12: who holds that a position is held (its basis) and how many
/// sources support it, in the actors pane and in Details.
#[test]
fn basis_and_corroboration_in_the_actors_pane_and_details() {
    let mut app = app(fixture(), 100, 30, true);
    let p = app
        .briefing
        .positions
        .iter()
        .position(|p| p.id == "trump-troops-assessed")
        .unwrap();
    app.jump(Item::Position(p));
    // Tab twice: to Details, which grows to show the whole record.
    press(&mut app, "<Tab><Tab>");
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("✓ supports ∴×1"), "{screen}");
    assert!(screen.contains("∴ assessed by A. Writer"), "{screen}");
    assert!(screen.contains("1 source"), "{screen}");
    assert_snapshot!(terminal.backend());
}
