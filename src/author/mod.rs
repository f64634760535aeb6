//! Commands for writing a briefing: `brief new` (a skeleton that checks
//! clean), `brief anchor` (is a phrase verbatim, and what makes it unique)
//! and `brief add-source` (register an article's text).

pub mod add_source;
pub mod anchor;
pub mod new;

pub use crate::model::validate::{slug as to_id, well_formed as is_id};

/// A TOML basic string holding `s`, escaped as TOML needs.
pub fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names() {
        assert_eq!(to_id("Harbour Street (2026)"), "harbour-street-2026");
        assert_eq!(to_id("--Zürich--"), "z-rich");
        assert!(is_id("a-1") && !is_id("A") && !is_id(""));
    }

    #[test]
    fn toml_strings_escape_quotes_and_backslashes() {
        let s = "He said \"no\" \\ then";
        let v: toml::Value = toml::from_str(&format!("x = {}", toml_string(s))).unwrap();
        assert_eq!(v["x"].as_str(), Some(s));
    }
}
