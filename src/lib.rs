//! brief: an offline terminal reader for curated briefings.

pub mod app;
pub mod bundled;
pub mod cli;
pub mod export;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod reader;
pub mod search;
pub mod stats;
pub mod strings;
pub mod synth;
pub mod tables;
pub mod theme;
pub mod ui;
