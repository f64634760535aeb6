//! How far a load has got, for a gauge drawn by another thread while the
//! briefing loads. The loader moves it forward; anyone may read it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

/// A load's progress: a share done (in thousandths) and what it is doing.
#[derive(Debug, Default)]
pub struct Progress {
    permille: AtomicU32,
    stage: Mutex<&'static str>,
}

/// The shares of a load's time its stages take, roughly as measured on a
/// generated briefing of 100,000 items (`examples/synth.rs`); the rest is
/// building the index. The gauge moves by these at the end of each stage
/// (the files are parsed side by side, so there is no one order of bytes).
pub const PARSING: u32 = 450;
pub const SOURCES: u32 = 250;
pub const CHECKING: u32 = 220;

impl Progress {
    /// The share done, from 0.0 to 1.0.
    pub fn ratio(&self) -> f64 {
        f64::from(self.permille.load(Ordering::Relaxed).min(1000)) / 1000.0
    }

    /// What the load is doing now, e.g. "reading events.toml".
    pub fn stage(&self) -> &'static str {
        self.stage.lock().map(|s| *s).unwrap_or("")
    }

    /// Starts a stage, with the share done when it starts.
    pub fn at(&self, permille: u32, stage: &'static str) {
        self.permille
            .fetch_max(permille.min(1000), Ordering::Relaxed);
        if let Ok(mut s) = self.stage.lock() {
            *s = stage;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_only_moves_forward_and_names_the_stage() {
        let p = Progress::default();
        assert_eq!(p.ratio(), 0.0);
        p.at(500, "checking quotes");
        p.at(300, "late");
        assert_eq!(p.ratio(), 0.5);
        assert_eq!(p.stage(), "late");
        p.at(5000, "done");
        assert_eq!(p.ratio(), 1.0);
        assert_eq!(PARSING + SOURCES + CHECKING, 920);
    }
}
