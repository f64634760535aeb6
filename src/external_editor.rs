//! Editing a note in `$EDITOR` (or `$VISUAL`, else `vi`): the reader
//! leaves the alternate screen, raw mode and mouse capture, the editor
//! runs on the terminal, and the reader comes back and redraws.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::Command;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::DisableMouseCapture;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Only clicks and the wheel (X10/normal tracking, 1000) in SGR form
/// (1006): no motion or drag reports, so the terminal's own selection
/// still works with Shift in most terminals.
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";

/// Writes `seq` (an escape sequence of ours, never briefing text).
pub fn write_seq(terminal: &mut DefaultTerminal, seq: &str) -> io::Result<()> {
    let out = terminal.backend_mut();
    out.write_all(seq.as_bytes())?;
    out.flush()
}

/// Leaves the reader's terminal modes for a program that needs the
/// terminal as a shell leaves it.
pub fn leave(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(
        terminal.backend_mut(),
        DisableMouseCapture,
        LeaveAlternateScreen
    )?;
    disable_raw_mode()
}

/// Enters them again and redraws everything on the next draw.
pub fn enter(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(terminal.backend_mut(), EnterAlternateScreen)?;
    if mouse {
        write_seq(terminal, MOUSE_ON)?;
    }
    // The screen is blank now; so is the frame drawn here, and the next
    // draw writes every cell. (`Terminal::clear` would ask the terminal
    // where its cursor is, which not every terminal answers.)
    execute!(terminal.backend_mut(), Clear(ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}

/// Edits `text` in the user's editor; the edited text, or why not.
pub fn edit(
    terminal: &mut DefaultTerminal,
    text: &str,
    mouse: bool,
) -> io::Result<Result<String, String>> {
    let path = temp_path();
    if let Err(e) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
    {
        return Ok(Err(format!("could not write {}: {e}", path.display())));
    }
    let set = |name: &str| std::env::var(name).ok().filter(|e| !e.trim().is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".into());
    leave(terminal)?;
    // Through the shell, so that EDITOR may hold arguments ("code -w").
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status();
    enter(terminal, mouse)?;
    let result = match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&path).map_err(|e| format!("could not read the note back: {e}"))
        }
        Ok(s) => Err(format!("{editor} exited with {s}; the note is unchanged")),
        Err(e) => Err(format!("could not run {editor}: {e}")),
    };
    let _ = std::fs::remove_file(&path);
    Ok(result)
}

fn temp_path() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("brief-note-{}-{nanos}.md", std::process::id()))
}
