//! brief: an offline terminal reader for curated briefings.

pub mod bundled;
pub mod cli;
pub mod export;
pub mod model;
