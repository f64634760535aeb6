//! The terminal loop: set up the terminal, turn terminal events into
//! actions, redraw after each one, and put the terminal back however the
//! reader ends: quitting, an error, a panic, SIGHUP, SIGTERM, SIGINT, or
//! the terminal going away. Ctrl-z (or SIGTSTP) suspends and SIGCONT
//! re-enters and redraws.

mod signals;
mod start;

use start::starting;

use std::io::{self, Write, stdout};
use std::path::Path;
use std::time::Duration;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use crate::app::prep::Request;
use crate::app::start::{Startup, Step};
use crate::app::{Action, App};
use crate::external_editor::{self, MOUSE_ON};
use crate::keymap::{Context, Keymap};
use crate::library::Candidate;
use crate::model::Loaded;
use crate::theme::Theme;
use crate::ui;
use signals::{Input, Signal, Signals};

/// Why the reader could not start: there is no terminal to read keys from
/// (e.g. `setsid brief </dev/null >/dev/tty`), or it refused raw mode.
#[derive(Debug)]
pub struct NoTerminal(pub io::Error);

/// How the reader ended.
#[derive(Debug)]
pub enum Error {
    NoTerminal(NoTerminal),
    Io(io::Error),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

/// How the reader ended, when it ended by itself.
pub enum Ended {
    /// The user quit.
    Quit,
    /// The briefing opened directly has errors: the caller says them.
    Invalid(Box<Loaded>),
    /// The briefing opened directly could not be read at all.
    Failed(String),
}

/// How the loop ended: by itself, or by a signal to die of.
enum Outcome {
    Ended(Ended),
    Signal(i32),
}

/// Runs the reader until the reader quits, the terminal goes away or a
/// signal ends it; the terminal is restored on every way out. The screen
/// is taken at once: the picker or a loading gauge is drawn while the
/// briefing loads on its own thread. `data_dir` is where notes live;
/// `keymap` is the keys in force (the defaults as the settings changed them).
/// `candidates` are every briefing there is, for the picker `O` opens.
pub fn run(
    startup: Startup,
    candidates: &[Candidate],
    data_dir: Option<&Path>,
    keymap: &Keymap,
) -> Result<Ended, Error> {
    let input = Input::open().map_err(|e| Error::NoTerminal(NoTerminal(e)))?;
    let signals = Signals::register()?;
    signals::watchdog(restore)?;
    enter().map_err(|e| {
        restore();
        Error::NoTerminal(NoTerminal(e))
    })?;
    set_panic_hook();
    let result = (|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        let theme = Theme::from_env();
        let mut startup = startup;
        loop {
            let (loaded, opened) =
                match starting(&mut terminal, startup, theme, keymap, &input, &signals)? {
                    Step::Ready(loaded, opened) => (loaded, opened),
                    Step::Invalid(loaded) => return Ok(Outcome::Ended(Ended::Invalid(loaded))),
                    Step::Failed(e) => return Ok(Outcome::Ended(Ended::Failed(e))),
                    Step::Quit | Step::Wait => return Ok(Outcome::Ended(Ended::Quit)),
                };
            let briefing = loaded.briefing;
            let notes = crate::notes::open_for(&briefing, data_dir);
            let area = terminal.size()?;
            let mut app = App::new(
                briefing,
                theme,
                ratatui::layout::Rect::new(0, 0, area.width, area.height),
            );
            if let Some(notes) = notes {
                app.open_notes(notes);
            }
            if let Some(sig) = event_loop(&mut terminal, &mut app, keymap, &input, &signals)? {
                return Ok(Outcome::Signal(sig));
            }
            if !app.switch {
                return Ok(Outcome::Ended(Ended::Quit));
            }
            // `O`: this briefing is closed (its notes saved); choose another.
            startup = Startup::switch_from(candidates.to_vec(), &opened);
        }
    })();
    restore();
    match result {
        Err(e) => Err(Error::Io(e)),
        Ok(Outcome::Ended(ended)) => Ok(ended),
        Ok(Outcome::Signal(sig)) => {
            // Die of the signal, as the sender expects.
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig)
        }
    }
}

/// Raw mode, the alternate screen and mouse capture.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    // Clicks and the wheel only, so the terminal's own selection still works.
    let mut out = stdout();
    out.write_all(MOUSE_ON.as_bytes())?;
    out.flush()
}

/// Everything `enter` and drawing changed: mouse off, main screen back,
/// cursor shown, raw mode off. Errors are ignored: the terminal may be gone.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// A panic restores the terminal first, then reports as before.
fn set_panic_hook() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Ctrl-z: give the terminal back, stop, and on return take it again.
fn suspend(terminal: &mut DefaultTerminal, app: &App, keymap: &Keymap) -> io::Result<()> {
    stop_and_retake(terminal)?;
    terminal.draw(|frame| ui::draw_with(frame, app, keymap))?;
    Ok(())
}

/// Gives the terminal back, stops, and on return takes it again, empty.
fn stop_and_retake(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    retake(terminal)
}

/// Takes the terminal again after a stop and redraws all of it.
fn resume(terminal: &mut DefaultTerminal, app: &App, keymap: &Keymap) -> io::Result<()> {
    retake(terminal)?;
    terminal.draw(|frame| ui::draw_with(frame, app, keymap))?;
    Ok(())
}

/// Takes the terminal again after a stop, with nothing on it yet.
fn retake(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enter()?;
    // `terminal.clear()` would ask the terminal where its cursor is and
    // wait for the answer; clear the screen ourselves and forget what
    // ratatui thinks is on it (swapping twice resets both buffers).
    execute!(stdout(), Clear(ClearType::All))?;
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind, .. })
        if modifiers.contains(KeyModifiers::CONTROL) && *kind != KeyEventKind::Release)
}

/// Runs until quit; `Some(signal)` when a signal ended it.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    keymap: &Keymap,
    input: &Input,
    signals: &Signals,
) -> io::Result<Option<i32>> {
    terminal.draw(|frame| ui::draw_with(frame, app, keymap))?;
    // The end-to-end tests prove the panic path restores the terminal;
    // release builds never look at this.
    #[cfg(debug_assertions)]
    if std::env::var_os("BRIEF_TEST_PANIC").is_some() {
        panic!("deliberate panic (BRIEF_TEST_PANIC)");
    }
    while !app.quit {
        for signal in signals.take() {
            match signal {
                Signal::Quit(sig) => return Ok(Some(sig)),
                Signal::Stop => suspend(terminal, app, keymap)?,
                Signal::Continue => resume(terminal, app, keymap)?,
            }
        }
        // Crossterm would spin reading nothing from a terminal that is gone.
        if input.ended() {
            return Ok(None);
        }
        if event::poll(Duration::ZERO)? {
            let ev = event::read()?;
            if is_suspend(&ev) {
                suspend(terminal, app, keymap)?;
            } else if let Some(action) = action_for(ev, app, keymap) {
                app.update(action);
                serve(terminal, app)?;
                if !app.quit {
                    terminal.draw(|frame| ui::draw_with(frame, app, keymap))?;
                }
            }
            continue;
        }
        // Nothing buffered: wait for input inside crossterm (whose
        // edge-triggered reader must do the reading), waking now and then
        // only to look at the signal flags; nothing is redrawn unless
        // something happened. While a search runs on its thread, look for
        // its results more often.
        let pending = app.search_pending();
        let timeout = Duration::from_millis(if pending { 10 } else { 200 });
        if input.ended() {
            return Ok(None);
        }
        if !event::poll(timeout)? && pending && app.search_pending() {
            app.update(Action::SearchTick);
            terminal.draw(|frame| ui::draw_with(frame, app, keymap))?;
        }
    }
    Ok(None)
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
/// have none, so they cause no redraw); keys resolve in `keymap`.
pub fn action_for(event: Event, app: &App, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.editing_note() {
                Some(Action::EditKey(key))
            } else if app.typing() {
                keymap.resolve_typing(key)
            } else {
                keymap.resolve(key, &Context { focus: app.focus })
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
