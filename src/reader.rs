//! The terminal loop: set up the terminal, turn terminal events into
//! actions, redraw after each one, and put the terminal back however the
//! reader ends.

use std::io::{self, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::prep::Request;
use crate::app::{Action, App};
use crate::external_editor::{self, MOUSE_ON};
use crate::keymap::{Context, resolve, resolve_typing};
use crate::model::Briefing;
use crate::theme::Theme;
use crate::ui;

/// Runs the reader until the reader quits. `ratatui::run` restores raw mode
/// and the alternate screen on return and on panic; mouse capture is ours.
pub fn run(briefing: Briefing, notes: Option<crate::notes::Opened>) -> io::Result<()> {
    ratatui::run(|terminal| {
        let _mouse = MouseCapture::enable()?;
        let area = terminal.size()?;
        let mut app = App::new(
            briefing,
            Theme::from_env(),
            ratatui::layout::Rect::new(0, 0, area.width, area.height),
        );
        if let Some(notes) = notes {
            app.open_notes(notes);
        }
        event_loop(terminal, &mut app)
    })
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(frame, app))?;
    // The end-to-end tests prove the panic path restores the terminal;
    // release builds never look at this.
    #[cfg(debug_assertions)]
    if std::env::var_os("BRIEF_TEST_PANIC").is_some() {
        panic!("deliberate panic (BRIEF_TEST_PANIC)");
    }
    while !app.quit {
        // While a search runs on its thread, look for its results between keys.
        if app.search_pending() && !event::poll(std::time::Duration::from_millis(10))? {
            app.update(Action::SearchTick);
            terminal.draw(|frame| ui::draw(frame, app))?;
            continue;
        }
        // Blocks until something happens: no timer, no busy loop.
        if let Some(action) = action_for(event::read()?, app) {
            app.update(action);
            serve(terminal, app)?;
            if !app.quit {
                terminal.draw(|frame| ui::draw(frame, app))?;
            }
        }
    }
    Ok(())
}

/// Does what the app asked of the terminal: the clipboard's sequence,
/// mouse capture, `$EDITOR`.
fn serve(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    match app.prep.request.take() {
        Some(Request::Clipboard { osc52, text }) => {
            crate::clipboard::to_system(&text);
            external_editor::write_seq(terminal, &osc52)
        }
        Some(Request::Mouse(true)) => external_editor::write_seq(terminal, MOUSE_ON),
        Some(Request::Mouse(false)) => execute!(terminal.backend_mut(), DisableMouseCapture),
        Some(Request::Editor { entry, text }) => {
            let result = external_editor::edit(terminal, &text, app.prep.mouse)?;
            app.edited(entry, result);
            Ok(())
        }
        None => Ok(()),
    }
}

/// The action for a terminal event, if any (mouse moves and key releases
/// have none, so they cause no redraw).
pub fn action_for(event: Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.editing_note() {
                Some(Action::EditKey(key))
            } else if app.typing() {
                resolve_typing(key)
            } else {
                resolve(key, &Context { focus: app.focus })
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// Mouse capture, turned off when dropped (quit or error) and by the panic
/// hook, which then chains to the hook before it (ratatui's, which
/// restores the rest of the terminal).
struct MouseCapture;

impl MouseCapture {
    fn enable() -> io::Result<MouseCapture> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        let mut out = stdout();
        io::Write::write_all(&mut out, MOUSE_ON.as_bytes())?;
        io::Write::flush(&mut out)?;
        Ok(MouseCapture)
    }
}

impl Drop for MouseCapture {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
}
