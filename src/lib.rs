//! brief: an offline terminal reader for curated briefings.

pub mod app;
pub mod author;
pub mod bundled;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod export;
pub mod external_editor;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod md;
pub mod model;
pub mod notes;
pub mod picture;
pub mod reader;
pub mod search;
pub mod stats;
pub mod strings;
pub mod synth;
pub mod tables;
pub mod theme;
pub mod ui;
