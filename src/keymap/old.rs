//! The keymap as it was before `assets/keymap.toml`: the oracle that the
//! data's keymap is proved against (see `tests.rs`).
#![allow(dead_code)]

use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use super::{Context, Key, Scope};
use crate::app::palette::Edit;
use crate::app::{Action, Pane};

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        alt: false,
    }
}
const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: Scope,
    /// What the help says it does.
    pub desc: &'static str,
    /// The footer's short hint (keys, words), for the bindings that matter most.
    pub hint: Option<(&'static str, &'static str)>,
}

const fn bind(keys: &'static [Key], action: Action, scope: Scope, desc: &'static str) -> Binding {
    Binding {
        keys,
        action,
        scope,
        desc,
        hint: None,
    }
}
const fn hinted(b: Binding, keys: &'static str, words: &'static str) -> Binding {
    Binding {
        hint: Some((keys, words)),
        ..b
    }
}

use Scope::{Everywhere, In, Typing};

pub const KEYMAP: &[Binding] = &[
    hinted(
        bind(
            &[
                k('1'),
                k('2'),
                k('3'),
                k('4'),
                k('5'),
                k('6'),
                k('7'),
                k('8'),
                k('9'),
            ],
            Action::Side(0),
            Everywhere,
            "jump to a side's first actor (the briefing's first nine sides)",
        ),
        "1-9",
        "sides",
    ),
    hinted(
        bind(
            &[code(KeyCode::Down), k('j')],
            Action::Down,
            Everywhere,
            "move down / scroll down",
        ),
        "j/k",
        "move",
    ),
    bind(
        &[code(KeyCode::Up), k('k')],
        Action::Up,
        Everywhere,
        "move up / scroll up",
    ),
    bind(
        &[code(KeyCode::Home), k('g')],
        Action::Top,
        Everywhere,
        "go to the top",
    ),
    bind(
        &[code(KeyCode::End), k('G')],
        Action::Bottom,
        Everywhere,
        "go to the bottom",
    ),
    bind(
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        Everywhere,
        "page down",
    ),
    bind(
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        Everywhere,
        "page up",
    ),
    bind(
        &[ctrl('d')],
        Action::HalfDown,
        Everywhere,
        "half a page down",
    ),
    bind(&[ctrl('u')], Action::HalfUp, Everywhere, "half a page up"),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Timeline),
            "read the event's evidence in the source",
        ),
        "Enter",
        "read source",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Actors),
            "read the current item's words in the source",
        ),
        "Enter",
        "read source",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Details),
            "read the current item's words in the source",
        ),
        "Enter",
        "read source",
    ),
    hinted(
        bind(
            &[k('f')],
            Action::FilterActor,
            Everywhere,
            "filter the timeline to the current actor's events (again: show all)",
        ),
        "f/F",
        "filter",
    ),
    bind(
        &[k('F')],
        Action::FilterSide,
        Everywhere,
        "filter the timeline to the events of the current actor's side (again: show all)",
    ),
    hinted(
        bind(
            &[k('x')],
            Action::Unpin,
            In(Pane::Brief),
            "remove the selected entry from the brief",
        ),
        "x",
        "remove",
    ),
    hinted(
        bind(
            &[k('K')],
            Action::MoveEntryUp,
            In(Pane::Brief),
            "move the selected entry up",
        ),
        "K/J",
        "reorder",
    ),
    bind(
        &[k('J')],
        Action::MoveEntryDown,
        In(Pane::Brief),
        "move the selected entry down",
    ),
    hinted(
        bind(
            &[k('h')],
            Action::AddHeading,
            In(Pane::Brief),
            "add a heading (a free-standing note) above the selected entry",
        ),
        "h",
        "heading",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Brief),
            "go to the pinned item (Esc comes back)",
        ),
        "Enter",
        "go to",
    ),
    hinted(
        bind(
            &[k('x')],
            Action::ClearFilters,
            Everywhere,
            "clear the timeline's filters",
        ),
        "x",
        "clear filter",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Source),
            "on a highlighted quote: make it current (its speaker and event follow)",
        ),
        "Enter",
        "quote",
    ),
    hinted(
        bind(
            &[k('r')],
            Action::ToggleReading,
            Everywhere,
            "read the source full screen in a comfortable column (again or Esc: back)",
        ),
        "r",
        "read",
    ),
    bind(
        &[k(' ')],
        Action::PageDown,
        In(Pane::Source),
        "page down, as in less",
    ),
    bind(
        &[k('b')],
        Action::PageUp,
        In(Pane::Source),
        "page up, as in less",
    ),
    hinted(
        bind(
            &[k('u')],
            Action::ToggleMentions,
            In(Pane::Source),
            "underline actors' names in the source, or not",
        ),
        "u",
        "names",
    ),
    hinted(
        bind(
            &[k('n')],
            Action::NextHighlight,
            In(Pane::Source),
            "next highlight in this source",
        ),
        "n/N",
        "highlights",
    ),
    bind(
        &[k('N')],
        Action::PrevHighlight,
        In(Pane::Source),
        "previous highlight in this source",
    ),
    hinted(
        bind(
            &[k(']')],
            Action::NextSource,
            Everywhere,
            "next source of the selection",
        ),
        "[/]",
        "sources",
    ),
    bind(
        &[k('[')],
        Action::PrevSource,
        Everywhere,
        "previous source of the selection",
    ),
    hinted(
        bind(
            &[code(KeyCode::Tab)],
            Action::FocusNext,
            Everywhere,
            "next pane",
        ),
        "Tab",
        "pane",
    ),
    bind(
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        Everywhere,
        "previous pane",
    ),
    hinted(
        bind(
            &[code(KeyCode::Esc)],
            Action::Back,
            Everywhere,
            "close the help, the reading mode or the found matches; else back to before the last jump",
        ),
        "Esc",
        "back",
    ),
    bind(
        &[ctrl('o'), alt(KeyCode::Left)],
        Action::JumpBack,
        Everywhere,
        "back to before the last jump (a search result, Enter on a quote, a side key)",
    ),
    bind(
        &[alt(KeyCode::Right)],
        Action::JumpForward,
        Everywhere,
        "forward again after going back",
    ),
    bind(
        &[k('A')],
        Action::ToggleAssessed,
        Everywhere,
        "hide positions that are an author's assessment (∴), or show them again",
    ),
    hinted(
        bind(
            &[k('m')],
            Action::OpenView(Pane::Matrix),
            Everywhere,
            "the stance matrix: every actor's stance on every issue as of a date (again: back)",
        ),
        "m",
        "matrix",
    ),
    bind(
        &[k('c')],
        Action::OpenView(Pane::Changes),
        Everywhere,
        "what changed: every move of a stance, since the matrix's since date, by its date",
    ),
    bind(
        &[k('i')],
        Action::OpenView(Pane::IssueView),
        Everywhere,
        "one issue across every side: each actor's stances on a shared time axis",
    ),
    hinted(
        bind(
            &[k('d')],
            Action::OpenView(Pane::Disagreements),
            Everywhere,
            "where the sources disagree: each account side by side",
        ),
        "d",
        "disagree",
    ),
    bind(
        &[k('p')],
        Action::Pin,
        Everywhere,
        "pin the current item to the brief (in the source: the highlight or the found match)",
    ),
    bind(
        &[k('a')],
        Action::Annotate,
        Everywhere,
        "write or edit a note on the current item (pins it), or on the brief's selected entry",
    ),
    bind(
        &[k('E')],
        Action::EditExternal,
        Everywhere,
        "edit that note in $EDITOR",
    ),
    bind(
        &[k('B')],
        Action::OpenView(Pane::Brief),
        Everywhere,
        "the brief: your pins, notes and headings in your order (again: back)",
    ),
    bind(
        &[k('y')],
        Action::Copy,
        Everywhere,
        "copy the current item as text with its citation (OSC 52: works over SSH and in tmux; locally also the system clipboard)",
    ),
    bind(
        &[k('Y')],
        Action::CopyMarkdown,
        Everywhere,
        "copy the current item as Markdown with its citation",
    ),
    bind(
        &[k('e')],
        Action::Export,
        Everywhere,
        "write the Markdown briefing (pins and notes first) beside the notes, and show where",
    ),
    bind(
        &[k('M')],
        Action::ToggleMouse,
        Everywhere,
        "mouse capture off (select text with the terminal) or on again",
    ),
    hinted(
        bind(
            &[code(KeyCode::Left), k('h')],
            Action::Left,
            In(Pane::Matrix),
            "previous issue; out of a cell's history",
        ),
        "h/l",
        "issues",
    ),
    bind(
        &[code(KeyCode::Right), k('l')],
        Action::Right,
        In(Pane::Matrix),
        "next issue",
    ),
    hinted(
        bind(
            &[k('<'), k(',')],
            Action::EarlierDate,
            In(Pane::Matrix),
            "the date steps back to the previous event's day",
        ),
        "</>",
        "date",
    ),
    bind(
        &[k('>'), k('.')],
        Action::LaterDate,
        In(Pane::Matrix),
        "the date steps on to the next event's day",
    ),
    hinted(
        bind(
            &[k('t')],
            Action::TypeDate,
            In(Pane::Matrix),
            "type the date (2025-08-20, 20 aug, aug 2025)",
        ),
        "t",
        "type date",
    ),
    hinted(
        bind(
            &[k('s')],
            Action::MarkSince,
            In(Pane::Matrix),
            "mark what changed since the date shown now (again: stop)",
        ),
        "s",
        "since",
    ),
    bind(
        &[k('S')],
        Action::TypeSince,
        In(Pane::Matrix),
        "type the since date",
    ),
    hinted(
        bind(
            &[k('v')],
            Action::ToggleBy,
            In(Pane::Matrix),
            "one row per side (its actors summarised: one stance, or mixed) or per actor",
        ),
        "v",
        "sides/actors",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Matrix),
            "a cell: its history of positions; a position there: its words in the source",
        ),
        "Enter",
        "history",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Changes),
            "the change's position, with its words in the source",
        ),
        "Enter",
        "open",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::IssueView),
            "the actor's latest position on the issue, with its words",
        ),
        "Enter",
        "open",
    ),
    hinted(
        bind(
            &[code(KeyCode::Enter)],
            Action::Open,
            In(Pane::Disagreements),
            "both accounts in their sources; [ and ] switch between them",
        ),
        "Enter",
        "open",
    ),
    hinted(
        bind(
            &[k('/')],
            Action::OpenPalette,
            Everywhere,
            "search everything: events, quotes, actors, positions, issues, sources and their text",
        ),
        "/",
        "search",
    ),
    hinted(
        bind(
            &[k('?')],
            Action::Help,
            Everywhere,
            "show or hide this help",
        ),
        "?",
        "help",
    ),
    hinted(
        bind(&[k('q')], Action::Quit, Everywhere, "quit"),
        "q",
        "quit",
    ),
    bind(&[ctrl('c')], Action::Quit, Everywhere, "quit, always"),
    hinted(
        bind(
            &[ctrl('f')],
            Action::OpenFind,
            In(Pane::Source),
            "find in this article: every match highlighted, n/N step, Esc clears",
        ),
        "Ctrl-f",
        "find",
    ),
    bind(
        &[code(KeyCode::Down), ctrl('n')],
        Action::Down,
        Typing,
        "next result (in find: next match)",
    ),
    bind(
        &[code(KeyCode::Up), ctrl('p')],
        Action::Up,
        Typing,
        "previous result (in find: previous match)",
    ),
    bind(
        &[code(KeyCode::Enter)],
        Action::Open,
        Typing,
        "go to the result in its pane (in find: keep the matches)",
    ),
    bind(
        &[code(KeyCode::Esc)],
        Action::Back,
        Typing,
        "back to exactly where you were (in find: clear)",
    ),
    bind(
        &[code(KeyCode::Backspace)],
        Action::Erase,
        Typing,
        "delete a character",
    ),
    bind(
        &[ctrl('a'), code(KeyCode::Home)],
        Action::Edit(Edit::Start),
        Typing,
        "palette: to the start of the query",
    ),
    bind(
        &[ctrl('e'), code(KeyCode::End)],
        Action::Edit(Edit::End),
        Typing,
        "palette: to the end of the query",
    ),
    bind(
        &[code(KeyCode::Left)],
        Action::Edit(Edit::Left),
        Typing,
        "palette: a character left",
    ),
    bind(
        &[code(KeyCode::Right)],
        Action::Edit(Edit::Right),
        Typing,
        "palette: a character right",
    ),
    bind(
        &[ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        Typing,
        "palette: delete to the start",
    ),
    bind(
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWord),
        Typing,
        "palette: delete the word before the cursor",
    ),
    bind(
        &[ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        Typing,
        "palette: delete to the end",
    ),
    bind(
        &[ctrl('r')],
        Action::Edit(Edit::History),
        Typing,
        "palette: an earlier query (also ↑ on the first result)",
    ),
    bind(
        &[ctrl('t')],
        Action::Edit(Edit::ShowAll),
        Typing,
        "palette: show or hide the results below the cut-off",
    ),
    bind(&[ctrl('c')], Action::Quit, Typing, "quit, always"),
];

impl Binding {
    pub fn applies(&self, ctx: &Context) -> bool {
        match self.scope {
            Everywhere => true,
            In(p) => p == ctx.focus,
            Typing => false,
        }
    }
}

/// The action for a key in a context, if any.
pub fn resolve(key: KeyEvent, ctx: &Context) -> Option<Action> {
    let pressed = Key::of(key);
    for b in KEYMAP.iter().filter(|b| b.applies(ctx)) {
        if let Some(i) = b.keys.iter().position(|k| *k == pressed) {
            // The side keys share one binding; the key says which side.
            return Some(match b.action {
                Action::Side(_) => Action::Side(i),
                a => a,
            });
        }
    }
    None
}

/// The action for a key while typing in the palette or the find prompt:
/// the Typing bindings, paging as everywhere, and any other character as text.
pub fn resolve_typing(key: KeyEvent) -> Option<Action> {
    let pressed = Key::of(key);
    let ctrl = pressed.ctrl;
    let typing = KEYMAP.iter().filter(|b| b.scope == Typing);
    if let Some(b) = typing.clone().find(|b| b.keys.contains(&pressed)) {
        return Some(b.action);
    }
    match key.code {
        KeyCode::Char(c) if !ctrl && !c.is_control() => Some(Action::Type(c)),
        // Paging works as it does everywhere else.
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        _ => None,
    }
}

/// The footer's hints for a context: the pane's own first, then the rest.
pub fn hints(ctx: &Context) -> Vec<(&'static str, &'static str)> {
    let own = KEYMAP.iter().filter(|b| b.scope == In(ctx.focus));
    let rest = KEYMAP.iter().filter(|b| b.scope == Everywhere);
    own.chain(rest).filter_map(|b| b.hint).collect()
}
