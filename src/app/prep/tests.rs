//! Pins, notes and the Brief view through `update`, without a terminal.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::super::{Action, App, Pane};
use super::Request;
use crate::model::Briefing;
use crate::notes::{Kind, Store};
use crate::theme::Theme;

fn fixture() -> Briefing {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    crate::cli::open(Some(&dir)).expect("the reader fixture is valid")
}

fn app_in(dir: &Path) -> App {
    let b = fixture();
    let store = Store::new(dir, b.meta.id.as_str());
    let mut app = App::new(b, Theme::new(true), Rect::new(0, 0, 100, 30));
    app.open_notes(store.open());
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::EditKey(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn enter(app: &mut App) {
    app.update(Action::EditKey(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
}

#[test]
fn pin_note_and_reorder_are_saved_on_each_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let first = app.current.clone();
    app.update(Action::Pin);
    assert!(app.prep.message.as_deref().unwrap().contains("pinned"));
    app.update(Action::Down);
    let second = app.current.clone();
    assert_ne!(first, second);
    app.update(Action::Annotate);
    assert!(app.editing_note());
    typed(&mut app, "ask about | the *guarantee*");
    enter(&mut app);
    assert!(!app.editing_note());
    // Details shows the pin and the note.
    let details: String = app
        .details
        .lines
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(details.contains("pinned in the brief"), "{details}");
    assert!(details.contains("ask about | the *guarantee*"), "{details}");

    // On disk, in this order.
    let saved = Store::new(dir.path(), app.briefing.meta.id.as_str()).open();
    let e = &saved.notes.entries;
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].resolve(&app.briefing), Some(first.clone()));
    assert_eq!(e[1].resolve(&app.briefing), Some(second.clone()));
    assert_eq!(e[1].note, "ask about | the *guarantee*");

    // The Brief view: K moves the second up, h adds a heading, x removes.
    app.update(Action::OpenView(Pane::Brief));
    assert_eq!(app.focus, Pane::Brief);
    app.update(Action::Down);
    app.update(Action::MoveEntryUp);
    assert_eq!(app.prep.selected, 0);
    app.update(Action::AddHeading);
    typed(&mut app, "Opening");
    enter(&mut app);
    let kinds: Vec<Kind> = app.prep.notes.entries.iter().map(|e| e.kind).collect();
    assert_eq!(kinds[0], Kind::Heading);
    assert_eq!(app.prep.notes.entries[0].excerpt, "Opening");
    let saved = Store::new(dir.path(), app.briefing.meta.id.as_str()).open();
    assert_eq!(saved.notes.entries, app.prep.notes.entries);
    // Enter on a pin jumps to it; Esc comes back to the brief.
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.current, second);
    assert_eq!(app.focus, Pane::Source);
    app.update(Action::Back);
    assert_eq!(app.focus, Pane::Brief);
    app.update(Action::Unpin);
    assert_eq!(app.prep.notes.entries.len(), 2);
}

#[test]
fn the_reading_place_comes_back_on_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::FilterActor);
    let (item, filter) = (app.current.clone(), app.filter);
    app.update(Action::Quit);
    let again = app_in(dir.path());
    assert_eq!(again.current, item);
    assert_eq!(again.filter, filter);
}

#[test]
fn a_failed_save_shows_and_keeps_the_notes_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    // Where the briefing's directory should be, a file: no save can work.
    let store_dir = app
        .prep
        .store
        .as_ref()
        .unwrap()
        .path
        .parent()
        .unwrap()
        .to_path_buf();
    std::fs::write(&store_dir, "in the way").unwrap();
    app.update(Action::Pin);
    let msg = app.prep.message.clone().unwrap();
    assert!(msg.contains("could not save"), "{msg}");
    assert_eq!(app.prep.notes.entries.len(), 1);
    // Once the way is clear, the next change saves everything.
    std::fs::remove_file(&store_dir).unwrap();
    app.update(Action::Down);
    app.update(Action::Pin);
    let saved = Store::new(dir.path(), app.briefing.meta.id.as_str()).open();
    assert_eq!(saved.notes.entries.len(), 2);
}

#[test]
fn copy_asks_the_terminal_for_osc52_with_the_citation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::Copy);
    let Some(Request::Clipboard { osc52: seq, text }) = app.prep.request.take() else {
        panic!("no clipboard request");
    };
    assert!(seq.starts_with("\x1b]52;c;"));
    assert_eq!(
        seq,
        crate::clipboard::osc52(&text, std::env::var_os("TMUX").is_some())
    );
    assert!(app.prep.message.as_deref().unwrap().contains("copied"));
}

#[test]
fn an_orphaned_pin_is_listed_and_enter_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::Pin);
    app.prep.notes.entries[0].id = "gone".into();
    app.update(Action::OpenView(Pane::Brief));
    app.update(Action::Open);
    assert!(app.prep.message.as_deref().unwrap().contains("orphaned"));
    assert_eq!(app.focus, Pane::Brief);
}

#[test]
fn the_brief_view_lists_pins_notes_headings_and_orphans() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    app.update(Action::Pin);
    app.update(Action::Annotate);
    typed(&mut app, "a note \u{1b}[31m with an escape");
    enter(&mut app);
    app.update(Action::Down);
    app.update(Action::Pin);
    app.prep.notes.entries[1].id = "gone".into();
    app.update(Action::OpenView(Pane::Brief));
    app.update(Action::AddHeading);
    typed(&mut app, "Opening");
    enter(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| crate::ui::draw(f, &app)).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("Brief · 2 pinned"), "{screen}");
    assert!(screen.contains("Opening"), "{screen}");
    assert!(screen.contains("✎ a note"), "{screen}");
    assert!(screen.contains(crate::strings::ORPHANED), "{screen}");
    assert!(!screen.contains('\u{1b}'), "no escape reaches the screen");
}
