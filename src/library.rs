//! The briefings a user has: the bundled one, those in the user's
//! briefings directory (`$XDG_DATA_HOME/brief/briefings`, by default
//! `~/.local/share/brief/briefings`), and a directory given with `-b` that
//! holds several. `brief list` prints them; `-b NAME` opens one by name.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::{Origin, When, load};

/// The user's briefings directory, if the platform has a data directory.
pub fn user_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("brief").join("briefings"))
}

/// Whether `dir` is a briefing (holds a `briefing.toml`).
pub fn is_briefing(dir: &Path) -> bool {
    dir.join("briefing.toml").is_file()
}

/// The briefings directly inside `dir`, by name.
pub fn briefings_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && is_briefing(p))
        .collect();
    found.sort();
    found
}

/// What `-b PATH` names: the path itself when it exists; else, when it is a
/// plain name, the briefing of that name in the user's directory (`dir`).
pub fn resolve(path: &Path, dir: Option<&Path>) -> PathBuf {
    let plain = path.components().count() == 1 && path.extension().is_none();
    match dir {
        Some(d) if !path.exists() && plain && is_briefing(&d.join(path)) => d.join(path),
        _ => path.to_path_buf(),
    }
}

/// Why a directory can't be opened as one briefing, if it holds several.
pub fn several(dir: &Path) -> Option<String> {
    if is_briefing(dir) {
        return None;
    }
    let inside = briefings_in(dir);
    let first = inside.first()?;
    let names: Vec<String> = inside
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    Some(format!(
        "{} holds {} briefings ({}); name one, e.g. -b {}, or list them: brief list -b {}",
        dir.display(),
        inside.len(),
        names.join(", "),
        first.display(),
        dir.display()
    ))
}

/// One line of `brief list`.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The directory's name, or `bundled`.
    pub name: String,
    /// The directory; `None` for the bundled briefing.
    pub path: Option<String>,
    pub title: String,
    pub subject: String,
    /// The date the briefing is current to, as the reader shows it.
    pub as_of: String,
    pub sources: usize,
    pub actors: usize,
    pub events: usize,
    pub quotes: usize,
    pub positions: usize,
    /// Errors `brief check` would report (0 for a briefing that opens).
    pub errors: usize,
}

/// A briefing found, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The directory's name, or `bundled`.
    pub name: String,
    /// The directory; `None` for the bundled briefing.
    pub path: Option<PathBuf>,
}

impl Candidate {
    /// Where its files come from.
    pub fn origin(&self) -> Origin {
        match &self.path {
            Some(p) => Origin::Dir(p.clone()),
            None => Origin::Bundled(&crate::bundled::UKRAINE),
        }
    }

    /// Reads it for its line of `brief list` and the picker.
    pub fn entry(&self) -> Entry {
        entry(self.name.clone(), &self.origin(), self.path.as_deref())
    }
}

impl Entry {
    /// Its counts, or how many errors keep it from opening.
    pub fn state(&self) -> String {
        match self.errors {
            0 => [
                (self.sources, "source"),
                (self.actors, "actor"),
                (self.events, "event"),
                (self.quotes, "quote"),
                (self.positions, "position"),
            ]
            .iter()
            .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", "),
            n => format!(
                "{n} error(s): brief check {}",
                self.path.as_deref().unwrap_or("")
            ),
        }
    }
}

fn entry(name: String, origin: &Origin, path: Option<&Path>) -> Entry {
    match load(origin) {
        Ok(l) => {
            let b = &l.briefing;
            Entry {
                name,
                path: path.map(|p| p.display().to_string()),
                title: b.meta.title.clone(),
                subject: b.meta.subject.clone(),
                as_of: When::of(&b.meta.as_of).label(),
                sources: b.sources.len(),
                actors: b.actors.len(),
                events: b.events.len(),
                quotes: b.quotes.len(),
                positions: b.positions.len(),
                errors: l.errors(),
            }
        }
        Err(e) => Entry {
            name,
            path: path.map(|p| p.display().to_string()),
            title: String::new(),
            subject: e,
            as_of: String::new(),
            sources: 0,
            actors: 0,
            events: 0,
            quotes: 0,
            positions: 0,
            errors: 1,
        },
    }
}

/// Every briefing there is: the bundled one first, then those of the
/// user's directory (`user`), then `extra` (`-b`): a briefing, or a
/// directory of several. A briefing found twice is listed once.
pub fn candidates(user: Option<&Path>, extra: Option<&Path>) -> Vec<Candidate> {
    let mut out = vec![Candidate {
        name: "bundled".into(),
        path: None,
    }];
    let mut dirs: Vec<PathBuf> = user.map(briefings_in).unwrap_or_default();
    match extra {
        Some(e) if is_briefing(e) => dirs.push(e.to_path_buf()),
        Some(e) => dirs.extend(briefings_in(e)),
        None => {}
    }
    let mut seen: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let real = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if seen.contains(&real) {
            continue;
        }
        seen.push(real);
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        out.push(Candidate {
            name,
            path: Some(dir),
        });
    }
    out
}

/// Every briefing there is (see `candidates`), each read for its counts.
pub fn list(user: Option<&Path>, extra: Option<&Path>) -> Vec<Entry> {
    candidates(user, extra)
        .iter()
        .map(Candidate::entry)
        .collect()
}

/// `brief list` as text: a line per briefing (name, as of, title, counts),
/// then its subject and where it is.
pub fn render(entries: &[Entry]) -> String {
    use crate::model::text::inert;
    let width = entries
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for e in entries {
        let state = e.state();
        out.push_str(&format!(
            "{:width$}  {:12}  {}\n{:width$}  {}\n{:width$}  {}\n",
            e.name,
            e.as_of,
            inert(&e.title),
            "",
            inert(&e.subject),
            "",
            match &e.path {
                Some(p) => format!("{state} · {p}"),
                None => format!("{state} · built in"),
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
    }

    #[test]
    fn a_name_opens_a_briefing_of_the_users_directory() {
        let dir = fixtures();
        assert_eq!(
            resolve(Path::new("harbour-street"), Some(&dir)),
            dir.join("harbour-street")
        );
        // A path that exists, or with more than a name, stays as it is.
        assert_eq!(resolve(Path::new("src"), Some(&dir)), PathBuf::from("src"));
        assert_eq!(
            resolve(Path::new("x/harbour-street"), Some(&dir)),
            PathBuf::from("x/harbour-street")
        );
        assert_eq!(
            resolve(Path::new("nowhere"), Some(&dir)),
            PathBuf::from("nowhere")
        );
    }

    #[test]
    fn a_directory_of_several_says_so() {
        let msg = several(&fixtures()).expect("the fixtures are several briefings");
        assert!(msg.contains("harbour-street"), "{msg}");
        assert!(msg.contains("name one, e.g. -b"), "{msg}");
        assert_eq!(several(&fixtures().join("valid")), None);
        assert_eq!(several(Path::new("/nonexistent")), None);
    }

    #[test]
    fn the_bundled_briefing_is_always_listed_first() {
        let entries = list(None, Some(&fixtures().join("harbour-street")));
        assert_eq!(entries[0].name, "bundled");
        assert_eq!(entries[0].errors, 0);
        assert_eq!(entries[1].name, "harbour-street");
        assert_eq!(entries[1].title, "The Harbour Street tram");
        assert_eq!(entries[1].as_of, "12 Mar 2026");
        assert_eq!((entries[1].events, entries[1].actors), (3, 9));
        // The same directory as user directory and -b: listed once.
        let twice = list(Some(&fixtures()), Some(&fixtures()));
        let names: Vec<&str> = twice.iter().map(|e| e.name.as_str()).collect();
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(names, unique);
        assert!(names.contains(&"bad-sides"));
        let bad = twice.iter().find(|e| e.name == "bad-sides").unwrap();
        assert!(bad.errors > 0);
    }
}
