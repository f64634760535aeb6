//! Briefing prep in the reader: pins, notes and headings (the Brief view),
//! saved on every change; copying an item with its citation; writing the
//! Markdown briefing. What needs the terminal (the clipboard's escape
//! sequence, `$EDITOR`, mouse capture) is asked of the reader loop
//! through [`Request`].

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui_textarea::TextArea;

use super::current::Item;
use super::{Action, App, Pane};
use crate::clipboard::{self, Form};
use crate::model::text::inert;
use crate::notes::{Entry, Notes, Opened, Place, Store};

/// What the reader loop must do with the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Write this OSC 52 sequence (base64 of the copied text only), and
    /// give the text to the system clipboard when there is one.
    Clipboard { osc52: String, text: String },
    /// Edit this text in `$EDITOR` for the entry, then hand it back
    /// through [`App::edited`].
    Editor { entry: usize, text: String },
    /// Turn mouse capture on or off.
    Mouse(bool),
}

/// What the inline editor edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The note of an entry (a heading's text, for a heading).
    Entry(usize),
    /// A new heading, inserted at this index.
    NewHeading(usize),
}

pub struct NoteEditor {
    pub area: TextArea<'static>,
    pub target: Target,
}

#[derive(Default)]
pub struct Prep {
    pub notes: Notes,
    pub store: Option<Store>,
    /// The footer's message: a save that failed, a copy, an export.
    pub message: Option<String>,
    pub editor: Option<NoteEditor>,
    /// The Brief view's cursor and first row shown.
    pub selected: usize,
    pub offset: usize,
    pub request: Option<Request>,
    /// Whether the mouse is captured (clicks and wheel) now.
    pub mouse: bool,
    /// Where `e` writes the Markdown briefing.
    pub export_path: Option<PathBuf>,
}

#[cfg(test)]
mod tests;

impl App {
    /// Takes the notes opened for this briefing, and returns to where the
    /// reader was when it last closed it.
    pub fn open_notes(&mut self, opened: Opened) {
        self.prep.message = opened.warning;
        self.prep.export_path = opened.store.path.parent().map(|d| d.join("briefing.md"));
        self.prep.store = Some(opened.store);
        self.prep.notes = opened.notes;
        if let Some(place) = self.prep.notes.place.clone() {
            self.return_to(&place);
        }
    }

    /// The place saved beside the notes: the filter, the item, the source
    /// and the first byte shown.
    fn return_to(&mut self, place: &Place) {
        let filter = place.filter(&self.briefing);
        if filter != self.filter {
            self.set_filter(filter);
        }
        let Some(item) = place.item.as_ref().and_then(|e| e.resolve(&self.briefing)) else {
            return;
        };
        self.go(item.clone());
        let links = item.links(&self.briefing);
        if place.link < links.len() {
            self.show_links(links, place.link);
        }
        let len = self
            .source
            .source
            .map_or(0, |s| self.briefing.sources[s].text.len());
        if place.anchor <= len {
            let (_, height) = self.source_size();
            self.source.scroll_to_anchor(place.anchor, height);
        }
    }

    /// Remembers where the reader is, beside the notes (on quit).
    pub(super) fn save_place(&mut self) {
        if self.prep.store.is_none() {
            return;
        }
        let place = Place::of(
            &self.briefing,
            &self.current,
            self.filter,
            self.source.link,
            self.source.anchor(),
        );
        if self.prep.notes.place.as_ref() != Some(&place) {
            self.prep.notes.place = Some(place);
            self.save_notes();
        }
    }

    /// Saves after a change; a failure shows in the footer and the notes
    /// stay in memory, to be saved with the next change.
    fn save_notes(&mut self) {
        if let Some(store) = &self.prep.store
            && let Err(e) = store.save(&self.prep.notes)
        {
            self.prep.message = Some(e);
        }
    }

    fn say(&mut self, message: impl Into<String>) {
        self.prep.message = Some(message.into());
    }

    /// Whether the inline note editor has the keys.
    pub fn editing_note(&self) -> bool {
        self.prep.editor.is_some()
    }

    /// The item `p`, `a`, `y` act on: in the Brief view the selected pin,
    /// else the current item (in the source, a passage: the current found
    /// match, else the current highlight).
    fn acted_on(&self) -> Option<Item> {
        if self.focus == Pane::Brief {
            let e = self.prep.notes.entries.get(self.prep.selected)?;
            return e.resolve(&self.briefing);
        }
        if self.focus == Pane::Source
            && let Some(s) = self.source.source
        {
            if let Some(c) = self.source.found_current {
                let range = self.source.found[c].clone();
                return Some(Item::Passage { source: s, range });
            }
            if let Some(m) = self.source.current.and_then(|c| self.source.marks.get(c)) {
                return Some(match m.quote {
                    Some(q) => Item::Quote(q),
                    None if matches!(self.current, Item::Passage { .. }) => self.current.clone(),
                    None => Item::Passage {
                        source: s,
                        range: m.range.clone(),
                    },
                });
            }
        }
        Some(self.current.clone())
    }

    /// Every prep action outside the editor.
    pub(super) fn prep_update(&mut self, action: Action) {
        match action {
            Action::Pin => self.pin(),
            Action::Annotate => self.annotate(),
            Action::EditExternal => {
                if let Some(i) = self.entry_for_note() {
                    let text = self.prep.notes.entries[i].note.clone();
                    self.prep.request = Some(Request::Editor { entry: i, text });
                }
            }
            Action::Copy | Action::CopyMarkdown => {
                let form = if action == Action::Copy {
                    Form::Text
                } else {
                    Form::Markdown
                };
                let Some(item) = self.acted_on() else {
                    return self.say("nothing to copy: the pin is orphaned or there is none");
                };
                let text = clipboard::item_text(&self.briefing, &item, form);
                let in_tmux = std::env::var_os("TMUX").is_some();
                self.prep.request = Some(Request::Clipboard {
                    osc52: clipboard::osc52(&text, in_tmux),
                    text: text.clone(),
                });
                let what = if form == Form::Text {
                    "text"
                } else {
                    "Markdown"
                };
                self.say(format!(
                    "copied as {what} with its citation ({} characters)",
                    text.chars().count()
                ));
            }
            Action::ToggleMouse => {
                self.prep.mouse = !self.prep.mouse;
                self.prep.request = Some(Request::Mouse(self.prep.mouse));
                self.say(if self.prep.mouse {
                    "mouse on: click and wheel (Shift-drag still selects in most terminals)"
                } else {
                    "mouse off: drag to select text with the terminal; M turns it on"
                });
            }
            Action::Export => self.export_file(),
            _ => {}
        }
    }

    fn pin(&mut self) {
        let Some(item) = self.acted_on() else { return };
        if self.prep.notes.find(&self.briefing, &item).is_some() {
            return self.say("already pinned");
        }
        if self.prep.notes.pin(&self.briefing, &item).is_some() {
            let n = self.prep.notes.entries.len();
            self.say(format!("pinned ({n} in the brief; B shows it)"));
            self.save_notes();
            self.rebuild_details();
        }
    }

    /// The entry whose note `a` and `E` edit: the Brief view's selected
    /// one, else the current item's pin (pinning it first).
    fn entry_for_note(&mut self) -> Option<usize> {
        if self.focus == Pane::Brief {
            return (self.prep.selected < self.prep.notes.entries.len())
                .then_some(self.prep.selected);
        }
        let item = self.acted_on()?;
        let before = self.prep.notes.entries.len();
        let i = self.prep.notes.pin(&self.briefing, &item)?;
        if self.prep.notes.entries.len() != before {
            self.save_notes();
        }
        Some(i)
    }

    fn annotate(&mut self) {
        let Some(i) = self.entry_for_note() else {
            return;
        };
        let e = &self.prep.notes.entries[i];
        let text = if e.is_heading() { &e.excerpt } else { &e.note };
        self.open_editor(text.clone(), Target::Entry(i));
    }

    fn open_editor(&mut self, text: String, target: Target) {
        let lines: Vec<String> = text.lines().map(|l| inert(l).into_owned()).collect();
        let mut area = TextArea::new(lines);
        area.set_placeholder_text(match target {
            Target::NewHeading(_) => "a heading for the next pins",
            Target::Entry(_) => "your note",
        });
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.prep.editor = Some(NoteEditor { area, target });
    }

    /// Keys while the inline editor is open: Enter keeps the note,
    /// Alt-Enter breaks the line, Esc drops the edit, Ctrl-e goes on in
    /// `$EDITOR`; the rest edit.
    pub(super) fn editor_update(&mut self, action: Action) {
        let Action::EditKey(key) = action else {
            if action == Action::Quit {
                self.quit = true;
            }
            return;
        };
        let Some(editor) = self.prep.editor.as_mut() else {
            return;
        };
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.prep.editor = None,
            KeyCode::Enter if alt => {
                editor.area.insert_newline();
            }
            KeyCode::Enter => {
                let text = editor.area.lines().join("\n");
                let target = editor.target;
                self.prep.editor = None;
                self.set_note(target, text);
            }
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Char('e') if ctrl => {
                let text = editor.area.lines().join("\n");
                let target = editor.target;
                self.prep.editor = None;
                let entry = match target {
                    Target::Entry(i) => i,
                    Target::NewHeading(at) => {
                        self.prep.notes.entries.insert(at, Entry::heading(""));
                        at
                    }
                };
                self.prep.request = Some(Request::Editor { entry, text });
            }
            _ => {
                editor.area.input(key);
            }
        }
    }

    /// Keeps what the editor (inline or `$EDITOR`) gave for the target.
    fn set_note(&mut self, target: Target, text: String) {
        let text = text.trim_end().to_string();
        let entries = &mut self.prep.notes.entries;
        match target {
            Target::Entry(i) => match entries.get_mut(i) {
                Some(e) if e.is_heading() && text.trim().is_empty() => {
                    entries.remove(i);
                }
                Some(e) if e.is_heading() => e.excerpt = text,
                Some(e) => e.note = text,
                None => return,
            },
            Target::NewHeading(_) if text.trim().is_empty() => return,
            Target::NewHeading(at) => {
                let at = at.min(entries.len());
                entries.insert(at, Entry::heading(&text));
                self.prep.selected = at;
            }
        }
        self.say("note saved");
        self.save_notes();
        self.rebuild_details();
    }

    /// What `$EDITOR` gave back for an entry (Err: why it could not run).
    pub fn edited(&mut self, entry: usize, result: Result<String, String>) {
        match result {
            Ok(text) => self.set_note(Target::Entry(entry), text),
            Err(e) => {
                // A heading made for the editor and left empty goes again.
                self.set_note(Target::Entry(entry), self.entry_text(entry));
                self.say(format!("the editor did not run: {e}"));
            }
        }
    }

    fn entry_text(&self, i: usize) -> String {
        self.prep.notes.entries.get(i).map_or(String::new(), |e| {
            if e.is_heading() {
                e.excerpt.clone()
            } else {
                e.note.clone()
            }
        })
    }

    /// Keys in the Brief view.
    pub(super) fn brief_update(&mut self, action: Action, delta: isize, height: usize) -> bool {
        let len = self.prep.notes.entries.len();
        let sel = self.prep.selected.min(len.saturating_sub(1));
        match action {
            Action::Open => {
                let Some(e) = self.prep.notes.entries.get(sel) else {
                    return true;
                };
                match e.resolve(&self.briefing) {
                    Some(item) => {
                        // A jump from the view (even to the current item),
                        // so that Esc comes back to the brief.
                        let here = self.place();
                        self.go(item);
                        self.focus = Pane::Source;
                        self.back.push(here);
                        self.forward.clear();
                    }
                    None if e.is_heading() => {}
                    None => self.say("orphaned: its item is no longer in the briefing"),
                }
            }
            Action::MoveEntryUp | Action::MoveEntryDown if len > 0 => {
                let d = if action == Action::MoveEntryUp { -1 } else { 1 };
                self.prep.selected = self.prep.notes.move_entry(sel, d);
                self.save_notes();
            }
            Action::Unpin if len > 0 => {
                self.prep.notes.entries.remove(sel);
                self.prep.selected = sel.min(len.saturating_sub(2));
                self.say("removed from the brief");
                self.save_notes();
                self.rebuild_details();
            }
            Action::AddHeading => {
                self.open_editor(String::new(), Target::NewHeading(sel.min(len)));
            }
            _ if delta != 0 => {
                self.prep.selected = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
            }
            _ => return false,
        }
        let p = &mut self.prep;
        let height = height.max(1);
        if p.selected < p.offset {
            p.offset = p.selected;
        } else if p.selected >= p.offset + height {
            p.offset = p.selected + 1 - height;
        }
        true
    }

    /// Details' first lines for a pinned item: the mark and the note.
    pub(super) fn note_lines(&self, item: &Item) -> Vec<ratatui::text::Line<'static>> {
        use ratatui::text::{Line, Span};
        let Some(pin) = self.pin_of(item) else {
            return Vec::new();
        };
        let t = self.theme;
        let mut lines = vec![Line::styled(
            format!("● {} in the brief", crate::strings::PINNED),
            t.key(),
        )];
        for l in pin.note.lines() {
            lines.push(Line::from(vec![
                Span::styled("✎ ", t.key()),
                Span::raw(inert(l).into_owned()),
            ]));
        }
        lines.push(Line::raw(""));
        lines
    }

    /// The pin of the current item, for Details.
    pub fn pin_of(&self, item: &Item) -> Option<&Entry> {
        let i = self.prep.notes.find(&self.briefing, item)?;
        self.prep.notes.entries.get(i)
    }

    /// `e`: writes the Markdown briefing (pins and notes first) beside the
    /// notes, and says where.
    fn export_file(&mut self) {
        let Some(path) = self.prep.export_path.clone() else {
            return self.say("no data directory: use brief export -o FILE");
        };
        let opts = crate::export::Options {
            pinned: true,
            notes: true,
            ..Default::default()
        };
        let text = crate::export::briefing(&self.briefing, Some(&self.prep.notes), &opts);
        match crate::notes::write_atomic(&path, text.as_bytes(), |_| Ok(())) {
            Ok(()) => self.say(format!("briefing written to {}", path.display())),
            Err(e) => self.say(e),
        }
    }
}
