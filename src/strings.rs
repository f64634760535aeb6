//! What the reader says, in one place.

pub const APP: &str = "brief";
pub const TIMELINE: &str = "Timeline";
pub const ACTORS: &str = "Actors and stances";
pub const DETAILS: &str = "Details";
pub const SOURCE: &str = "Source";
pub const HELP: &str = "Help — keys";
pub const ALL_EVENTS: &str = "all events";
pub const NO_EVENTS: &str = "No events for this actor.";
pub const NO_SOURCE: &str = "Select an event or a position to read its source.";
pub const NO_POSITIONS: &str = "no recorded positions";
pub const EARLIER: &str = "earlier";
pub const QUOTES: &str = "Quotes";
pub const AT_EVENT: &str = "At";
pub const CURRENT: &str = "current";
pub const UNDATED: &str = "undated";
pub const POSITIONS: &str = "Positions";
pub const HISTORY: &str = "History on this issue";
pub const SUPPORTS_POSITIONS: &str = "Evidence for";
pub const DISAGREE: &str = "Where the sources disagree";
pub const CURATOR_NOTE: &str = "Curator's note";
pub const PASSAGE: &str = "Passage";
pub const NOTHING_SELECTED: &str = "Nothing is selected.";
pub const EXPECTED: &str = "expected by its sources, not reported as held";
pub const BOUND_REPORTED: &str = "bounded by when its sources were published";
pub const BOUND_EXPECTED: &str = "expected: on or after its sources were published";
pub const INFERRED: &str = "part of this date is the curator's inference";
pub const READING: &str = "Reading";
pub const SINGLE_SOURCE: &str = "single source";
pub const ASSESSED_HIDDEN: &str = " · assessments (∴) hidden";
pub const HELP_DATES: &str = "15 Aug 2025 a day · Aug 2025 a month · 16–17 Aug 2025 a span · ~ about · ≤ on or before (often: by the time a source reported it) · ≥ on or after · ? part of the date is inferred · undated: nothing places it; never a current stance";
pub const HELP_MATRIX: &str = "a cell is the latest position that can have begun by the date. ? it may not hold yet · * it changed before · Δ it differs from the since date · a side's row is the stance its actors share, or mixed · · no recorded position (not neutral)";
pub const MATRIX_AS_OF: &str = "Stances as of";
pub const FOLLOWS_EVENT: &str = " (the event's day)";
pub const CHANGED_SINCE: &str = "Δ since";
pub const MIXED: &str = "mixed";
pub const NOT_YET: &str = "not yet counted on this date";
pub const CHANGES: &str = "What changed";
pub const FROM_THE_START: &str = "from the start";
pub const NO_CHANGES: &str =
    "No stance changed in this span. Set the dates in the matrix (m): t, s or S.";
pub const NO_POSITION_YET: &str = "no position";
pub const ISSUE_VIEW: &str = "One issue across the sides";
pub const NO_ISSUE: &str = "No issue is current: pick a position, or a column in the matrix.";
pub const NO_DISCREPANCIES: &str = "The sources of this briefing do not disagree on record.";
pub const DATE_PROMPT: &str = "as of:";
pub const SINCE_PROMPT: &str = "since:";
pub const DATE_KEYS: &str = "2025-08-20, 20 aug or aug 2025 · Enter sets · Esc cancels";
pub const NO_MENTIONS: &str = "names not underlined";

pub fn sources_count(n: usize) -> String {
    if n == 1 {
        "1 source".into()
    } else {
        format!("{n} sources")
    }
}

pub fn source_counts(quotes: usize) -> String {
    match quotes {
        1 => "1 quote is taken from this source.".into(),
        n => format!("{n} quotes are taken from this source."),
    }
}

/// Where the reader is in a source: "lines 1–24 of 60".
pub fn lines_shown(first: usize, last: usize, total: usize) -> String {
    if total == 0 {
        "empty".into()
    } else if first == last {
        format!("line {first} of {total}")
    } else {
        format!("lines {first}–{last} of {total}")
    }
}
/// How to start, naming the keys in force: the side keys (`1-9`), moving
/// down (`j`) and going back (`Esc`).
pub fn help_intro(sides: &str, down: &str, back: &str) -> [String; 3] {
    [
        format!("Start: press a side's key ({sides}), then {down} onto an actor's stance: the"),
        "source shows the words behind it, highlighted, and Details all of it.".into(),
        format!("Every pane follows the current item; {back} goes back after a jump."),
    ]
}
/// The help's foot when it scrolls: `keys` are the keys in force (`j/k`).
pub fn help_more(keys: &str) -> String {
    format!(" {keys} scroll ")
}
/// The mouse, naming the key in force that turns capture off (`M`).
pub fn help_mouse(mouse: &str) -> [String; 3] {
    [
        "Mouse: click a pane to focus it and a row to select it; the wheel scrolls.".into(),
        "Only clicks and the wheel are captured, never motion: Shift-drag selects text".into(),
        format!(
            "in most terminals, and {mouse} turns capture off ({mouse} again: on) to select with a plain drag."
        ),
    ]
}
/// Writing a note, naming the key in force that starts one (`a`); the
/// editor's own keys are fixed.
pub fn help_editor(annotate: &str) -> [String; 2] {
    [
        format!(
            "A note ({annotate}): Enter keeps it, Alt-Enter breaks the line, Esc drops the edit,"
        ),
        "Ctrl-e goes on in $EDITOR. Notes and pins are saved on every change.".into(),
    ]
}
pub const BRIEF: &str = "Brief";
pub const NO_PINS: &str =
    "Nothing pinned yet: p pins the current item, a writes a note on it, h adds a heading here.";
pub const ORPHANED: &str = "orphaned: no longer in the briefing";
pub const EDITOR_KEYS: &str = "Enter keeps · Alt-Enter new line · Esc drops · Ctrl-e $EDITOR";
pub const NOTE: &str = "Your note";
pub const PINNED: &str = "pinned";
/// The help's last line: `keys` close it (`["Esc", "?"]`).
pub fn help_close(keys: &[String]) -> String {
    format!("{} closes this help.", keys.join(" or "))
}
pub const NOT_A_TERMINAL: &str = "brief: standard output is not a terminal, so the reader cannot open.\n\
     To read the briefing as text, try `brief export --format markdown` (or `brief export` for JSON).";

/// The reader found no terminal to read keys from.
pub fn no_terminal(why: &std::io::Error) -> String {
    format!(
        "brief: no terminal to read keys from ({why}), so the reader cannot open.\n\
         Run brief from a terminal, or read the briefing as text with \
         `brief export --format markdown`."
    )
}

pub fn too_small(width: u16, height: u16) -> String {
    format!("terminal too small (need {width}×{height})")
}

pub fn filter(name: &str) -> String {
    format!("filter: {name} (x clears)")
}

pub fn highlights(current: Option<usize>, total: usize) -> String {
    match current {
        Some(c) => format!("highlight {}/{total}", c + 1),
        None => format!("{total} highlights"),
    }
}

pub const PALETTE: &str = "Search everything";
pub const PALETTE_KEYS: &str = " ↑/↓ move · Enter go · Esc back ";
pub const SEARCHING: &str = "searching…";
pub const FIND: &str = "find:";
pub const FIND_KEYS: &str = "Enter keep · n/N step · Esc clear";

pub fn results(shown: usize, total: usize) -> String {
    if shown < total {
        format!("{shown} of {total}")
    } else {
        format!("{total} results")
    }
}

/// Find matches: "3/12", or how many when none is current.
pub fn found(current: Option<usize>, total: usize) -> String {
    match current {
        Some(c) => format!("{}/{total}", c + 1),
        None => format!("0/{total}"),
    }
}

pub fn sources(current: usize, total: usize) -> String {
    format!("source {current}/{total}")
}

/// The key that jumps to the side at `index` (0–8), as the actors pane shows it.
pub fn side_key(index: usize) -> String {
    format!("  key {}", index + 1)
}

pub const PICKER: &str = "Choose a briefing";
pub const PICKER_READING: &str = "reading…";
pub const LOADING: &str = "Opening";

/// Why a briefing chosen in the picker did not open.
pub fn cannot_open(name: &str, errors: usize) -> String {
    format!("{name} has {errors} error(s) and can't be opened; brief check shows them")
}
pub const INDEXING: &str = "indexing…";
