//! The user's `[keys]` reach the reader: a remapped key does the action,
//! and the help overlay and the footer show the keys in force.

use std::path::Path;

use brief::app::App;
use brief::keymap::{Context, Keymap};
use brief::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn app() -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    let b = brief::cli::open(Some(&dir)).expect("the reader fixture is valid");
    App::new(b, Theme::new(false), Rect::new(0, 0, 100, 40))
}

fn keymap(text: &str) -> Keymap {
    let (config, problems) = brief::config::parse("config.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    let (keymap, problems) = Keymap::configured("config.toml", &config.keys);
    assert!(problems.is_empty(), "{problems:?}");
    keymap
}

fn press(app: &mut App, keys: &Keymap, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keys.resolve(event, &Context { focus: app.focus }) {
        app.update(action);
    }
}

fn screen(app: &App, keys: &Keymap) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::draw_with(frame, app, keys))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn a_remapped_key_opens_the_help_which_shows_the_keys_in_force() {
    let keys =
        keymap("[keys]\nhelp = \"F1\"\nquit = [\"Q\", \"ctrl-c\"]\ndown = [\"J\", \"down\"]\n");
    let mut app = app();
    // The footer names the new keys.
    let first = screen(&app, &keys);
    let footer = first.lines().last().unwrap();
    assert!(footer.contains(" F1 help "), "{footer}");
    assert!(footer.contains(" Q quit "), "{footer}");
    assert!(footer.contains(" J/k move "), "{footer}");
    assert!(!footer.contains(" ? help "), "{footer}");
    // `?` does nothing now; F1 opens the help.
    press(&mut app, &keys, KeyCode::Char('?'));
    assert!(!app.help);
    press(&mut app, &keys, KeyCode::F(1));
    assert!(app.help);
    let help = screen(&app, &keys);
    // The help's first bindings are on the screen: down's new keys.
    assert!(help.contains("  J ↓ "), "{help}");
    assert!(help.contains("move down / scroll down"), "{help}");
    let all: String = ui::help::lines_with(&app, &keys, 90)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(all.contains("  F1 "), "{all}");
    assert!(all.contains("  Q Ctrl-c "), "{all}");
    // The help's own words about its keys follow too.
    assert!(all.contains("Esc or F1 closes this help."), "{all}");
    assert!(help.contains(" J/k scroll "), "{help}");
    // So do its sentences on how to start.
    assert!(all.contains("then J onto an actor's stance"), "{all}");
    let old_help = "  ?             show or hide this help";
    assert!(!all.contains(old_help), "{all}");
    // The default keymap's help still says `?`.
    let default: String = ui::help::lines(&app, 90)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(default.contains(old_help), "{default}");
}

/// The README's table of action names is the keymap's: every name, with
/// its default keys, and no name the keymap lacks.
#[test]
fn the_readme_names_every_action_with_its_default_keys() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split("\n### Keys\n")
        .nth(1)
        .expect("README has a Keys section");
    let section = section.split("\n## ").next().unwrap();
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), brief::keymap::ACTIONS.len(), "{rows:#?}");
    for (name, action) in brief::keymap::ACTIONS {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("the README's Keys table lacks `{name}`"));
        for b in Keymap::builtin().bindings() {
            if b.action == action {
                for k in &b.keys {
                    let spec = format!("`{}`", brief::keymap::key_spec(k));
                    assert!(row.contains(&spec), "{name}: {spec} not in {row}");
                }
            }
        }
    }
}
