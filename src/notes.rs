//! The analyst's pins and notes, and where they were reading: one TOML file
//! per briefing, written so that a crash never loses it. No terminal code.
//!
//! The file is meant to be read without brief: every pin names its item by
//! kind and id and quotes the words it is about (the excerpt), so a pin
//! whose id has gone from the briefing is still readable and is kept as an
//! orphan, and a pinned passage is found again by its words if the source
//! text moved.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::app::current::{Filter, Item};
use crate::model::Briefing;

/// The name of the notes file in a briefing's data directory.
pub const FILE: &str = "notes.toml";
/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "BRIEF_DATA_DIR";

/// What an entry of the brief is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Event,
    Actor,
    Position,
    Quote,
    Issue,
    Discrepancy,
    Source,
    /// Words of a source: `id` is the source's, `excerpt` the words.
    Passage,
    /// A free-standing note that heads a section of the brief.
    Heading,
}

/// One entry of the brief, in the user's order: a pin (with perhaps a
/// note), or a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub kind: Kind,
    /// The item's id; for a passage, its source's id. Empty for a heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The words the pin is about, as the briefing had them when pinned:
    /// a quote's text, an event's title, a position's summary, a passage.
    /// For a heading, its text.
    #[serde(default)]
    pub excerpt: String,
    /// Where a passage was in its source (bytes), a hint for finding it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<[usize; 2]>,
    /// The user's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Where the reader was: restored when the briefing is opened again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The current item, as a pin names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Entry>,
    /// The timeline's filters, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_side: Option<String>,
    /// Which of the item's sources is open, and the first byte shown.
    #[serde(default)]
    pub link: usize,
    #[serde(default)]
    pub anchor: usize,
}

/// Everything kept for one briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// The format's version, for whoever reads the file later.
    #[serde(default = "version")]
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The brief, in the user's order.
    #[serde(default, rename = "entry")]
    pub entries: Vec<Entry>,
}

fn version() -> u32 {
    1
}

impl Notes {
    pub fn new() -> Notes {
        Notes {
            version: version(),
            ..Notes::default()
        }
    }

    pub fn to_toml(&self) -> String {
        // Plain data of strings and numbers always serializes.
        toml::to_string(self).unwrap_or_default()
    }

    pub fn from_toml(text: &str) -> Result<Notes, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The entry that pins `item`, if one does.
    pub fn find(&self, b: &Briefing, item: &Item) -> Option<usize> {
        let pin = Entry::pin(b, item)?;
        self.entries.iter().position(|e| e.same_item(&pin))
    }

    /// Pins `item` at the end, unless it is pinned already; the entry's index.
    pub fn pin(&mut self, b: &Briefing, item: &Item) -> Option<usize> {
        if let Some(i) = self.find(b, item) {
            return Some(i);
        }
        self.entries.push(Entry::pin(b, item)?);
        Some(self.entries.len() - 1)
    }

    /// Moves entry `i` by `delta` places; its new index.
    pub fn move_entry(&mut self, i: usize, delta: isize) -> usize {
        if i >= self.entries.len() {
            return i;
        }
        let to = i
            .saturating_add_signed(delta)
            .min(self.entries.len().saturating_sub(1));
        let e = self.entries.remove(i);
        self.entries.insert(to, e);
        to
    }
}

impl Entry {
    /// A pin for `item`, quoting its words; None for what cannot be pinned
    /// (a position out of range, say).
    pub fn pin(b: &Briefing, item: &Item) -> Option<Entry> {
        let (kind, id, excerpt, at) = match item {
            Item::Event(e) => {
                let e = b.events.get(*e)?;
                (Kind::Event, e.id.to_string(), e.title.clone(), None)
            }
            Item::Actor(a) => {
                let a = b.actors.get(*a)?;
                (Kind::Actor, a.id.to_string(), a.name.clone(), None)
            }
            Item::Position(p) => {
                let p = b.positions.get(*p)?;
                (Kind::Position, p.id.to_string(), p.summary.clone(), None)
            }
            Item::Quote(q) => {
                let q = b.quotes.get(*q)?;
                (Kind::Quote, q.id.to_string(), q.text.to_string(), None)
            }
            Item::Issue(i) => {
                let i = b.issues.get(*i)?;
                (Kind::Issue, i.id.to_string(), i.title.clone(), None)
            }
            Item::Discrepancy(d) => {
                let d = b.discrepancies.get(*d)?;
                (Kind::Discrepancy, d.id.to_string(), d.fact.clone(), None)
            }
            Item::Source(s) => {
                let s = b.sources.get(*s)?;
                (Kind::Source, s.id.to_string(), s.title.clone(), None)
            }
            Item::Passage { source, range } => {
                let s = b.sources.get(*source)?;
                let words = s.text.get(range.clone())?;
                let at = Some([range.start, range.end]);
                (Kind::Passage, s.id.to_string(), words.to_string(), at)
            }
        };
        Some(Entry {
            kind,
            id,
            excerpt,
            at,
            note: String::new(),
        })
    }

    pub fn heading(text: &str) -> Entry {
        Entry {
            kind: Kind::Heading,
            id: String::new(),
            excerpt: text.to_string(),
            at: None,
            note: String::new(),
        }
    }

    pub fn is_heading(&self) -> bool {
        self.kind == Kind::Heading
    }

    /// Whether two entries pin the same item (a passage: the same words).
    fn same_item(&self, other: &Entry) -> bool {
        self.kind == other.kind
            && self.id == other.id
            && (self.kind != Kind::Passage || self.excerpt == other.excerpt)
    }

    /// The item it pins in this briefing; None for a heading and for an
    /// orphan (its id is gone, or its passage's words are).
    pub fn resolve(&self, b: &Briefing) -> Option<Item> {
        let id = self.id.as_str();
        match self.kind {
            Kind::Heading => None,
            Kind::Event => b.event_index(id).map(Item::Event),
            Kind::Actor => b.actor_index(id).map(Item::Actor),
            Kind::Position => b
                .positions
                .iter()
                .position(|p| p.id == id)
                .map(Item::Position),
            Kind::Quote => b.quote_index(id).map(Item::Quote),
            Kind::Issue => b.issue_index(id).map(Item::Issue),
            Kind::Discrepancy => (b.discrepancies.iter())
                .position(|d| d.id == id)
                .map(Item::Discrepancy),
            Kind::Source => b.source_index(id).map(Item::Source),
            Kind::Passage => {
                let s = b.source_index(id)?;
                let range = reanchor(&b.sources[s].text, &self.excerpt, self.at)?;
                Some(Item::Passage { source: s, range })
            }
        }
    }
}

/// Finds a passage's words in its source: where they were if they are
/// still there, else the occurrence nearest to it. None when the words are
/// gone (an empty excerpt is never found).
pub fn reanchor(text: &str, excerpt: &str, at: Option<[usize; 2]>) -> Option<Range<usize>> {
    if excerpt.is_empty() {
        return None;
    }
    if let Some([start, end]) = at
        && text.get(start..end) == Some(excerpt)
    {
        return Some(start..end);
    }
    let was = at.map_or(0, |[s, _]| s);
    text.match_indices(excerpt)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(was))
        .map(|i| i..i + excerpt.len())
}

impl Place {
    /// Where the reader is, by ids.
    pub fn of(b: &Briefing, item: &Item, filter: Filter, link: usize, anchor: usize) -> Place {
        Place {
            item: Entry::pin(b, item),
            filter_actor: filter.actor.map(|a| b.actors[a].id.to_string()),
            filter_side: filter.side.map(|s| b.sides[s].id.to_string()),
            link,
            anchor,
        }
    }

    /// The filter it names, in this briefing (ids gone are dropped).
    pub fn filter(&self, b: &Briefing) -> Filter {
        Filter {
            actor: self.filter_actor.as_deref().and_then(|a| b.actor_index(a)),
            side: self.filter_side.as_deref().and_then(|s| b.side_index(s)),
        }
    }
}

/// The notes of a briefing, opened from the data directory (None when
/// there is no home to find one in).
pub fn open_for(b: &crate::model::Briefing, data_dir: Option<&Path>) -> Option<Opened> {
    let dir = self::data_dir(data_dir)?;
    Some(Store::new(&dir, b.meta.id.as_str()).open())
}

/// The data directory: `--data-dir`, else `$BRIEF_DATA_DIR`, else the
/// platform's (`$XDG_DATA_HOME/brief`, falling back to `~/.local/share/brief`).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("brief"))
}

/// A briefing's id as a directory name: anything but letters, digits,
/// `-`, `_` and `.` becomes `_`, and it never climbs (`..`) or is empty.
pub fn dir_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.chars().all(|c| c == '.') {
        format!("_{name}")
    } else {
        name
    }
}

/// The notes file of one briefing.
#[derive(Debug, Clone)]
pub struct Store {
    pub path: PathBuf,
    /// Why saving is refused: a file that could not be read nor set aside
    /// is never overwritten.
    blocked: Option<String>,
}

/// What opening a store found.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub notes: Notes,
    /// Something the user must be told: the file was set aside, say.
    pub warning: Option<String>,
}

impl Store {
    /// The store of the briefing `id` under the data directory `dir`.
    pub fn new(dir: &Path, id: &str) -> Store {
        Store {
            path: dir.join(dir_name(id)).join(FILE),
            blocked: None,
        }
    }

    /// Reads the notes. A missing file is empty notes; a file that cannot
    /// be read or parsed is moved aside (`notes.toml.corrupt-<time>`) and
    /// the warning says where; if even that fails, saving is refused.
    pub fn open(mut self) -> Opened {
        self.remove_stale_temps();
        let read = match fs::read(&self.path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| "it is not UTF-8 text".to_string())
                .and_then(|t| Notes::from_toml(&t)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Notes::new()),
            Err(e) => Err(e.to_string()),
        };
        match read {
            Ok(notes) => Opened {
                store: self,
                notes,
                warning: None,
            },
            Err(why) => {
                let why = why.lines().next().unwrap_or("").to_string();
                let warning = match self.set_aside() {
                    Ok(aside) => format!(
                        "notes file unreadable ({why}); moved to {}",
                        aside.display()
                    ),
                    Err(e) => {
                        let msg = format!(
                            "notes file {} unreadable ({why}) and could not be moved aside ({e}); notes will not be saved",
                            self.path.display()
                        );
                        self.blocked = Some(msg.clone());
                        msg
                    }
                };
                Opened {
                    store: self,
                    notes: Notes::new(),
                    warning: Some(warning),
                }
            }
        }
    }

    /// Removes temporary files that a save killed midway left behind:
    /// those of processes that no longer run (a running one may be saving).
    fn remove_stale_temps(&self) {
        let Some(dir) = self.path.parent() else {
            return;
        };
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let prefix = format!(".{FILE}.tmp-");
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(&prefix) else {
                continue;
            };
            let pid = rest.split('-').next().unwrap_or("");
            let alive = pid
                .parse::<u32>()
                .is_ok_and(|p| p == std::process::id() || Path::new("/proc").join(pid).exists());
            if !alive {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// Renames the file to `notes.toml.corrupt-<UTC time>` beside it.
    fn set_aside(&self) -> io::Result<PathBuf> {
        let stamp = timestamp(SystemTime::now());
        let mut n = 0;
        loop {
            let name = match n {
                0 => format!("{FILE}.corrupt-{stamp}"),
                n => format!("{FILE}.corrupt-{stamp}-{n}"),
            };
            let aside = self.path.with_file_name(name);
            if !aside.exists() {
                fs::rename(&self.path, &aside)?;
                return Ok(aside);
            }
            n += 1;
        }
    }

    /// Saves atomically: a temporary file in the same directory, fsync,
    /// rename over the old file, fsync the directory. On error the old file
    /// is whole and the temporary file is removed.
    pub fn save(&self, notes: &Notes) -> Result<(), String> {
        self.save_with(notes, |_| Ok(()))
    }

    /// [`Store::save`], with `before_rename` run on the written temporary
    /// file just before the rename (tests make the rename fail with it).
    pub fn save_with(
        &self,
        notes: &Notes,
        before_rename: impl FnOnce(&Path) -> io::Result<()>,
    ) -> Result<(), String> {
        if let Some(why) = &self.blocked {
            return Err(why.clone());
        }
        write_atomic(&self.path, notes.to_toml().as_bytes(), before_rename)
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, fsync, rename over the old file, fsync the directory. On
/// error the old file is whole, the temporary file is removed, and the
/// message says which step failed. `before_rename` runs on the written
/// temporary file just before the rename (tests make the rename fail).
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), String> {
    let fail = |what: &str, e: io::Error| format!("could not save {}: {what}: {e}", path.display());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| fail("creating the directory", e))?;
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy());
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(fail("writing", e));
    }
    if let Err(e) = before_rename(&tmp).and_then(|_| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(fail("replacing the old file", e));
    }
    // The rename is durable once the directory is synced.
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| fail("syncing the directory", e))
}

/// `20261122T031848Z`: UTC, sortable, safe in a file name.
pub fn timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests;
