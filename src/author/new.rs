//! `brief new NAME`: a briefing directory with a working, commented example
//! of every kind of entry, that `brief check` passes as it is.

use std::path::{Path, PathBuf};

use super::{is_id, to_id};

/// The skeleton's files (relative path, text); `{{id}}` stands for the
/// briefing's id.
pub const SKELETON: [(&str, &str); 10] = [
    (
        "briefing.toml",
        include_str!("../../assets/skeleton/briefing.toml"),
    ),
    (
        "sources.toml",
        include_str!("../../assets/skeleton/sources.toml"),
    ),
    (
        "sources/example-report.txt",
        include_str!("../../assets/skeleton/sources/example-report.txt"),
    ),
    (
        "sources/example-reply.txt",
        include_str!("../../assets/skeleton/sources/example-reply.txt"),
    ),
    (
        "actors.toml",
        include_str!("../../assets/skeleton/actors.toml"),
    ),
    (
        "issues.toml",
        include_str!("../../assets/skeleton/issues.toml"),
    ),
    (
        "events.toml",
        include_str!("../../assets/skeleton/events.toml"),
    ),
    (
        "quotes.toml",
        include_str!("../../assets/skeleton/quotes.toml"),
    ),
    (
        "positions.toml",
        include_str!("../../assets/skeleton/positions.toml"),
    ),
    (
        "discrepancies.toml",
        include_str!("../../assets/skeleton/discrepancies.toml"),
    ),
];

/// Writes the skeleton to `dir/name`, which must not exist or be empty.
/// Returns the briefing's directory.
pub fn create(name: &str, dir: &Path) -> Result<PathBuf, String> {
    if !is_id(name) {
        let hint = match to_id(name) {
            id if id.is_empty() => String::new(),
            id => format!(", e.g. `{id}`"),
        };
        return Err(format!(
            "`{name}` can't be a briefing's name: it is also its id, lower-case letters, digits and `-`{hint}"
        ));
    }
    let root = dir.join(name);
    if root.exists() {
        let empty = std::fs::read_dir(&root)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(format!(
                "{}: already exists; `brief new` writes only a new or empty directory",
                root.display()
            ));
        }
    }
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(root.join("sources")).map_err(|e| io(&root, e))?;
    for (rel, text) in SKELETON {
        let path = root.join(rel);
        std::fs::write(&path, text.replace("{{id}}", name)).map_err(|e| io(&path, e))?;
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_an_id() {
        let dir = std::env::temp_dir();
        let e = create("My Briefing", &dir).unwrap_err();
        assert!(e.contains("e.g. `my-briefing`"), "{e}");
    }

    #[test]
    fn every_file_of_a_briefing_is_in_the_skeleton() {
        for (file, _) in crate::model::load::FILES {
            assert!(SKELETON.iter().any(|(f, _)| *f == file), "{file}");
        }
    }
}
