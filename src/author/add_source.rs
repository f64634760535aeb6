//! `brief add-source FILE`: copies an article's text into the briefing's
//! `sources/` and appends its `[[sources]]` entry to `sources.toml`. It
//! checks first and changes nothing when anything is wrong.

use std::path::{Path, PathBuf};

use crate::model::Point;
use crate::model::text::{describe, first_unsafe};

use super::{is_id, to_id, toml_string};

/// What the new source says of itself.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub id: Option<String>,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub author: Option<String>,
    pub url: Option<String>,
    pub language: String,
    pub note: Option<String>,
}

/// What was done: the source's id, where its text went, and the entry.
#[derive(Debug)]
pub struct Added {
    pub id: String,
    pub text: PathBuf,
    pub entry: String,
}

/// A date as `published` takes it, written as TOML: a day as a TOML date,
/// a month, a year or "unknown" as a string.
fn published(s: &str) -> Result<String, String> {
    if s == "unknown" {
        return Ok(toml_string(s));
    }
    match Point::parse(s)? {
        Point::Day { .. } => Ok(s.to_string()),
        _ => Ok(toml_string(s)),
    }
}

/// Adds `file` to the briefing at `dir`.
pub fn add(dir: &Path, file: &Path, meta: &Meta) -> Result<Added, String> {
    if !dir.join("briefing.toml").is_file() {
        return Err(format!(
            "{}: not a briefing (no briefing.toml); name one with -b DIR",
            dir.display()
        ));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 (at byte {}); convert it first",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{}: the file is empty", file.display()));
    }
    if let Some((at, c)) = first_unsafe(&text) {
        return Err(format!(
            "{}: {} at byte {at}; a source text must hold none",
            file.display(),
            describe(c)
        ));
    }
    let id = match &meta.id {
        Some(id) if is_id(id) => id.clone(),
        Some(id) => {
            return Err(format!(
                "`{id}` can't be an id: lower-case letters, digits and `-`, e.g. `{}`",
                to_id(id)
            ));
        }
        None => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = to_id(&stem);
            if id.is_empty() {
                return Err(format!(
                    "{}: no id can be made from the file's name; give one with --id",
                    file.display()
                ));
            }
            id
        }
    };
    let published = published(&meta.published).map_err(|e| format!("--published: {e}"))?;
    let sources_toml = dir.join("sources.toml");
    let existing = match std::fs::read_to_string(&sources_toml) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", sources_toml.display())),
    };
    let table: toml::Table = toml::from_str(&existing).map_err(|e| {
        format!(
            "{}: {}; fix it first (brief check)",
            sources_toml.display(),
            e.message()
        )
    })?;
    let ids = table
        .get("sources")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("id").and_then(|i| i.as_str()));
    for taken in ids {
        if taken == id {
            return Err(format!(
                "{}: a source `{id}` is already there; choose another with --id",
                sources_toml.display()
            ));
        }
    }
    let rel = format!("sources/{id}.txt");
    let target = dir.join(&rel);
    // A text already in place is registered where it is.
    let in_place = target
        .canonicalize()
        .ok()
        .is_some_and(|t| file.canonicalize().ok() == Some(t));
    if target.exists() && !in_place {
        return Err(format!(
            "{}: already exists; choose another id with --id",
            target.display()
        ));
    }

    let mut entry = String::from("[[sources]]\n");
    let mut field = |key: &str, value: String| entry.push_str(&format!("{key} = {value}\n"));
    field("id", toml_string(&id));
    field("title", toml_string(&meta.title));
    field("outlet", toml_string(&meta.outlet));
    if let Some(a) = &meta.author {
        field("author", toml_string(a));
    }
    field("published", published);
    if let Some(u) = &meta.url {
        field("url", toml_string(u));
    }
    field("language", toml_string(&meta.language));
    field("file", toml_string(&rel));
    if let Some(n) = &meta.note {
        field("note", toml_string(n));
    }
    for (what, value) in [
        ("--title", &meta.title),
        ("--outlet", &meta.outlet),
        ("--language", &meta.language),
    ] {
        if value.trim().is_empty() {
            return Err(format!("{what} must not be empty"));
        }
    }
    let fields = [&meta.title, &meta.outlet, &meta.language]
        .into_iter()
        .chain(&meta.author)
        .chain(&meta.url)
        .chain(&meta.note);
    for value in fields {
        if let Some((_, c)) = first_unsafe(value) {
            return Err(format!("{} in `{}`", describe(c), value.escape_debug()));
        }
    }

    let mut new = existing.clone();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if !new.is_empty() {
        new.push('\n');
    }
    new.push_str(&entry);
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if !in_place {
        std::fs::create_dir_all(dir.join("sources")).map_err(|e| io(dir, e))?;
        std::fs::write(&target, &text).map_err(|e| io(&target, e))?;
    }
    if let Err(e) = std::fs::write(&sources_toml, new) {
        if !in_place {
            let _ = std::fs::remove_file(&target);
        }
        return Err(io(&sources_toml, e));
    }
    Ok(Added {
        id,
        text: target,
        entry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_keeps_the_precision_given() {
        assert_eq!(published("2026-03-11").unwrap(), "2026-03-11");
        assert_eq!(published("2026-03").unwrap(), "\"2026-03\"");
        assert_eq!(published("unknown").unwrap(), "\"unknown\"");
        assert!(
            published("2026-02-30")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(published("March").is_err());
    }
}
