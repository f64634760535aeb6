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
pub const HELP_INTRO: [&str; 2] = [
    "Start: press 1–4 for a side, then j onto an actor's stance:",
    "the source pane shows the words behind it, highlighted.",
];
pub const HELP_MORE: &str = " j/k scroll ";
pub const HELP_MOUSE: &str =
    "Mouse: click a pane to focus it and a row to select it; the wheel scrolls.";
pub const HELP_CLOSE: &str = "Esc or ? closes this help.";
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
    format!("filter: {name} (Esc clears)")
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

/// The key that jumps to the side at `index` (0–3), as the actors pane shows it.
pub fn side_key(index: usize) -> String {
    format!("  key {}", index + 1)
}
