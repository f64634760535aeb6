//! Copying an item with its citation: the text (plain or Markdown) and the
//! OSC 52 escape sequence that hands it to the terminal's clipboard. Pure:
//! the reader writes the sequence through the terminal backend.
//!
//! Only base64 of the text goes into the sequence, so nothing from the
//! briefing can act as a terminal command.

use base64::Engine;

use crate::app::current::Item;
use crate::md::escape;
use crate::model::{Briefing, FuzzyDate, Source, When};

/// Plain text or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Text,
    Markdown,
}

/// A date as a person writes it: the day ("18 Aug 2025"), or the source's
/// words with what they bound ("over the weekend (16–17 Aug 2025)"). A
/// curator's "not dated…" note gives way to what the date is bounded by
/// ("by 20 Aug 2025"); an inferred year reads as any other.
pub fn natural(date: &FuzzyDate, when: When) -> String {
    let bound = readable(&when.label());
    let words = date.words().map(str::trim).filter(|w| !w.is_empty());
    match (date, words) {
        (FuzzyDate::Exact(p), _) => p.human(),
        (_, Some(w)) if !w.to_lowercase().starts_with("not dated") => {
            if when.is_dated() {
                format!("{w} ({bound})")
            } else {
                w.to_string()
            }
        }
        _ => bound,
    }
}

/// A compact label in words: "≤ 20 Aug 2025" → "by 20 Aug 2025",
/// "≥ 4 Sep 2025" → "from 4 Sep 2025", "~Aug 2025" → "about Aug 2025";
/// an inferred year's "?" is dropped.
pub fn readable(label: &str) -> String {
    let label = label.strip_suffix('?').unwrap_or(label);
    if let Some(rest) = label.strip_prefix("≤ ") {
        format!("by {rest}")
    } else if let Some(rest) = label.strip_prefix("≥ ") {
        format!("from {rest}")
    } else if let Some(rest) = label.strip_prefix('~') {
        format!("about {rest}")
    } else {
        label.to_string()
    }
}

/// "Outlet, “Title”, 18 Aug 2025" (Markdown: the title in italics, linked
/// when the source has an address).
pub fn source_citation(s: &Source, form: Form) -> String {
    let published = natural(&s.published, When::of(&s.published));
    match form {
        Form::Text => format!(
            "{}, “{}”, {published}",
            one_line(s.name()),
            one_line(&s.title)
        ),
        Form::Markdown => {
            let title = format!("*{}*", escape(&s.title));
            let title = match &s.url {
                Some(u) if is_plain_url(u) => format!("[{title}](<{u}>)"),
                _ => title,
            };
            format!("{}, {title}, {}", escape(s.name()), escape(&published))
        }
    }
}

/// An address safe to put in a Markdown link destination as is.
fn is_plain_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '\\'))
}

/// Newlines and runs of space as one space: what a line of a citation holds.
pub fn one_line(s: &str) -> String {
    let s = crate::model::text::inert(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn esc(s: &str, form: Form) -> String {
    match form {
        Form::Text => one_line(s),
        Form::Markdown => escape(s),
    }
}

/// The sources an item rests on, in the order of its links, each once.
fn sources_of(b: &Briefing, item: &Item) -> Vec<usize> {
    let mut out = Vec::new();
    for l in item.links(b) {
        if !out.contains(&l.source) {
            out.push(l.source);
        }
    }
    out
}

fn sources_line(b: &Briefing, item: &Item, form: Form) -> String {
    let cites: Vec<String> = sources_of(b, item)
        .into_iter()
        .map(|s| source_citation(&b.sources[s], form))
        .collect();
    match cites.len() {
        0 => String::new(),
        1 => format!("Source: {}", cites[0]),
        _ => format!("Sources: {}", cites.join("; ")),
    }
}

/// What `y` (text) or `Y` (Markdown) copies for the item.
pub fn item_text(b: &Briefing, item: &Item, form: Form) -> String {
    let md = form == Form::Markdown;
    let mut out = match item {
        Item::Quote(q) => {
            let quote = &b.quotes[*q];
            let speaker = b
                .actor(&quote.speaker)
                .map_or(quote.speaker.as_str(), |a| a.name.as_str());
            let when = b.quote_when(*q);
            let date = match &quote.spoken {
                Some(d) => natural(d, when),
                None if when.is_dated() => readable(&when.label()),
                None => String::new(),
            };
            let said = match date.is_empty() {
                true => esc(speaker, form),
                false => format!("{}, {}", esc(speaker, form), esc(&date, form)),
            };
            let source = b
                .source(&quote.source)
                .map(|s| format!(" ({})", source_citation(s, form)))
                .unwrap_or_default();
            let text = esc(quote.text.trim(), form);
            return if md {
                format!("> “{text}”\n>\n> — {said}{source}\n")
            } else {
                format!("“{text}” — {said}{source}\n")
            };
        }
        Item::Passage { source, range } => {
            let s = &b.sources[*source];
            let words = s.text.get(range.clone()).unwrap_or("");
            let cite = source_citation(s, form);
            return if md {
                format!("> {}\n>\n> — {cite}\n", esc(words, form))
            } else {
                format!("“{}”\n— {cite}\n", esc(words, form))
            };
        }
        Item::Position(p) => {
            let pos = &b.positions[*p];
            let actor = b
                .actor(&pos.actor)
                .map_or(pos.actor.as_str(), |a| a.name.as_str());
            let issue = b
                .issue(&pos.issue)
                .map_or(pos.issue.as_str(), |i| i.title.as_str());
            let date = natural(&pos.as_of, b.position_when(*p));
            let head = format!(
                "{} — {} on {} ({})",
                esc(actor, form),
                pos.stance.word(),
                esc(issue, form),
                esc(&date, form)
            );
            let head = if md { format!("**{head}**") } else { head };
            format!("{head}: {}", esc(pos.summary.trim(), form))
        }
        Item::Event(e) => {
            let ev = &b.events[*e];
            let date = natural(&ev.date, b.event_when(*e));
            let head = format!("{} — {}", esc(&date, form), esc(&ev.title, form));
            let head = if md { format!("**{head}**") } else { head };
            format!("{head}: {}", esc(ev.summary.trim(), form))
        }
        Item::Actor(a) => esc(&b.actors[*a].name, form),
        Item::Issue(i) => {
            let issue = &b.issues[*i];
            format!(
                "{}: {}",
                esc(&issue.title, form),
                esc(&issue.question, form)
            )
        }
        Item::Discrepancy(d) => {
            let d = &b.discrepancies[*d];
            let mut s = esc(&d.fact, form);
            for a in &d.accounts {
                let cite = b
                    .source(&a.source)
                    .map(|s| source_citation(s, form))
                    .unwrap_or_default();
                let bullet = if md { "\n- " } else { "\n• " };
                s.push_str(&format!(
                    "{bullet}{}: “{}” ({cite})",
                    esc(&a.value, form),
                    esc(a.text.trim(), form)
                ));
            }
            return s + "\n";
        }
        Item::Source(s) => return source_citation(&b.sources[*s], form) + "\n",
    };
    let sources = sources_line(b, item, form);
    if !sources.is_empty() {
        out.push_str(if md { "\n\n" } else { "\n" });
        out.push_str(&sources);
    }
    out.push('\n');
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard. Inside tmux
/// (`in_tmux`), the same sequence wrapped for tmux's passthrough follows,
/// for a tmux whose `set-clipboard` does not take it itself.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let plain = format!("\x1b]52;c;{data}\x1b\\");
    if in_tmux {
        format!("{plain}\x1bPtmux;\x1b\x1b]52;c;{data}\x1b\x1b\\\x1b\\")
    } else {
        plain
    }
}

/// A system clipboard command for this session, if there is one: on a
/// local Wayland or X display, or on macOS, and never over SSH (where the
/// clipboard that matters is the user's, which OSC 52 reaches). `var`
/// reads the environment; `found` says whether a program is on the PATH.
pub fn system_tool(
    var: impl Fn(&str) -> Option<String>,
    found: impl Fn(&str) -> bool,
) -> Option<(&'static str, &'static [&'static str])> {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("SSH_CONNECTION") || set("SSH_TTY") {
        return None;
    }
    let candidates: [(bool, &'static str, &'static [&'static str]); 4] = [
        (set("WAYLAND_DISPLAY"), "wl-copy", &[]),
        (set("DISPLAY"), "xclip", &["-selection", "clipboard"]),
        (set("DISPLAY"), "xsel", &["--clipboard", "--input"]),
        (cfg!(target_os = "macos"), "pbcopy", &[]),
    ];
    candidates
        .into_iter()
        .find(|(here, program, _)| *here && found(program))
        .map(|(_, program, args)| (program, args))
}

/// Whether `program` is a file in one of the PATH's directories.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Hands `text` to the system clipboard command, if there is one; it
/// runs detached from the terminal (no output reaches the screen) and is
/// reaped on a thread. Whether a command took it.
pub fn to_system(text: &str) -> bool {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Some((program, args)) = system_tool(|v| std::env::var(v).ok(), on_path) else {
        return false;
    };
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else { return false };
    let written = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    std::thread::spawn(move || child.wait());
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Briefing {
        crate::cli::open(None).expect("the bundled briefing loads")
    }

    #[test]
    fn a_quote_copies_with_speaker_date_and_citation() {
        let b = bundled();
        let q = (0..b.quotes.len())
            .find(|&q| b.quotes[q].spoken.is_some())
            .unwrap();
        let text = item_text(&b, &Item::Quote(q), Form::Text);
        let quote = &b.quotes[q];
        let speaker = &b.actor(&quote.speaker).unwrap().name;
        let source = b.source(&quote.source).unwrap();
        assert!(
            text.starts_with(&format!("“{}” — {speaker}, ", one_line(quote.text.trim()))),
            "{text}"
        );
        assert!(text.contains(&format!("({}, “{}”, ", source.outlet, source.title)));
        assert!(text.ends_with(")\n"), "{text}");
    }

    #[test]
    fn markdown_copies_are_blockquotes_and_escape_the_data() {
        let mut b = bundled();
        b.quotes[0].text = located("<b>bold</b> *not* `code`".into());
        let md = item_text(&b, &Item::Quote(0), Form::Markdown);
        assert!(
            md.starts_with("> “\\<b\\>bold\\</b\\> \\*not\\* \\`code\\`”"),
            "{md}"
        );
    }

    fn located(s: String) -> crate::model::types::Id {
        crate::model::located::Located::new(s)
    }

    #[test]
    fn a_position_copies_its_summary_stance_and_sources() {
        let b = bundled();
        let text = item_text(&b, &Item::Position(0), Form::Text);
        let p = &b.positions[0];
        assert!(text.contains(p.stance.word()), "{text}");
        assert!(text.contains(&one_line(p.summary.trim())), "{text}");
        assert!(text.contains("Source"), "{text}");
    }

    #[test]
    fn osc52_holds_only_base64_of_the_text() {
        let seq = osc52("a\x1b]0;evil\x07 “quote”", false);
        assert!(seq.starts_with("\x1b]52;c;"));
        assert!(seq.ends_with("\x1b\\"));
        let data = &seq["\x1b]52;c;".len()..seq.len() - 2];
        assert!(
            data.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
        let back = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "a\x1b]0;evil\x07 “quote”");
    }

    #[test]
    fn vague_dates_read_with_their_words() {
        let d = FuzzyDate::Exact(crate::model::Point::Day {
            year: 2025,
            month: 8,
            day: 18,
        });
        assert_eq!(natural(&d, When::of(&d)), "18 Aug 2025");
        assert_eq!(readable("≤ 20 Aug 2025"), "by 20 Aug 2025");
        assert_eq!(readable("≥ 4 Sep 2025?"), "from 4 Sep 2025");
        assert_eq!(readable("~Aug 2025"), "about Aug 2025");
        assert_eq!(readable("16–17 Aug 2025?"), "16–17 Aug 2025");
        assert_eq!(readable("undated"), "undated");
    }

    #[test]
    fn the_system_clipboard_is_local_only() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = |_: &str| true;
        assert_eq!(
            system_tool(env(&[("WAYLAND_DISPLAY", "wayland-0")]), all).map(|t| t.0),
            Some("wl-copy")
        );
        assert_eq!(
            system_tool(env(&[("DISPLAY", ":0")]), |p: &str| p == "xsel").map(|t| t.0),
            Some("xsel")
        );
        assert_eq!(
            system_tool(
                env(&[("DISPLAY", ":0"), ("SSH_CONNECTION", "1 2 3 4")]),
                all
            ),
            None
        );
        assert_eq!(
            system_tool(env(&[("DISPLAY", ":0")]), |_: &str| false),
            None
        );
        if !cfg!(target_os = "macos") {
            assert_eq!(system_tool(env(&[]), all), None);
        }
    }
}
