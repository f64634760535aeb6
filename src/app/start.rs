//! Before the reader has a briefing: the picker, when there are several
//! to choose from, and the load of the one chosen. Loads run on threads so
//! that the screen is drawn at once and keys work while a large briefing
//! loads; the gauge reads the load's progress.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

use crate::library::{Candidate, Entry};
use crate::model::{Loaded, Progress, load_with};

use super::Action;

/// A briefing in the picker: where it is, and once read, its line.
#[derive(Debug, Clone)]
pub struct Slot {
    pub candidate: Candidate,
    pub entry: Option<Entry>,
}

/// The list of briefings to choose from. Each is read on a thread for its
/// title and counts; the list is usable before they arrive.
pub struct Picker {
    pub slots: Vec<Slot>,
    pub selected: usize,
    /// Why the last choice did not open, until the next key.
    pub message: Option<String>,
    entries: Receiver<(usize, Entry)>,
}

impl Picker {
    pub fn new(candidates: Vec<Candidate>) -> Picker {
        let (tx, rx) = channel();
        let work = candidates.clone();
        // One thread reads them in order: the first lines come first, and a
        // machine of two cores keeps one for the screen.
        let _ = std::thread::Builder::new()
            .name("picker entries".into())
            .spawn(move || {
                for (i, c) in work.iter().enumerate() {
                    if tx.send((i, c.entry())).is_err() {
                        return; // the picker is gone
                    }
                }
            });
        Picker {
            slots: candidates
                .into_iter()
                .map(|candidate| Slot {
                    candidate,
                    entry: None,
                })
                .collect(),
            selected: 0,
            message: None,
            entries: rx,
        }
    }

    /// Takes the lines read since the last call; whether any arrived.
    pub fn receive(&mut self) -> bool {
        let mut any = false;
        while let Ok((i, entry)) = self.entries.try_recv() {
            if let Some(slot) = self.slots.get_mut(i) {
                slot.entry = Some(entry);
                any = true;
            }
        }
        any
    }

    /// Whether some lines are still being read.
    pub fn reading(&self) -> bool {
        self.slots.iter().any(|s| s.entry.is_none())
    }

    fn step(&mut self, by: isize) {
        let last = self.slots.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize).saturating_add(by).clamp(0, last) as usize;
    }
}

/// A briefing being read on its own thread.
pub struct Loading {
    /// How the screen names it: its directory's name, or "bundled".
    pub name: String,
    candidate: Candidate,
    pub progress: Arc<Progress>,
    handle: Option<JoinHandle<Result<Loaded, String>>>,
}

impl Loading {
    pub fn start(candidate: &Candidate) -> Loading {
        let progress = Arc::new(Progress::default());
        let origin = candidate.origin();
        let shared = Arc::clone(&progress);
        let handle = std::thread::Builder::new()
            .name("load".into())
            .spawn(move || load_with(&origin, &shared))
            .ok();
        Loading {
            name: candidate.name.clone(),
            candidate: candidate.clone(),
            progress,
            handle,
        }
    }

    /// The load's result once it has ended.
    fn finished(&mut self) -> Option<Result<Loaded, String>> {
        match &self.handle {
            Some(h) if !h.is_finished() => None,
            Some(_) => Some(match self.handle.take().map(JoinHandle::join) {
                Some(Ok(result)) => result,
                _ => Err("reading the briefing failed unexpectedly".into()),
            }),
            None => Some(Err("could not start reading the briefing".into())),
        }
    }
}

/// Where starting up stands: choosing, loading, or both (a load started
/// from the picker goes back to it with Esc or when it fails).
pub struct Startup {
    pub picker: Option<Picker>,
    pub loading: Option<Loading>,
    /// The briefing the picker was opened from: Esc goes back to it.
    back_to: Option<Candidate>,
}

/// What starting up asks of the loop.
pub enum Step {
    /// Nothing yet: draw and wait.
    Wait,
    /// Quit without reading anything.
    Quit,
    /// The briefing is read and clean: read it (it is the candidate's).
    Ready(Box<Loaded>, Candidate),
    /// Opened directly, it has errors: say them once the terminal is back.
    Invalid(Box<Loaded>),
    /// Opened directly, it can't be read at all.
    Failed(String),
}

impl Startup {
    /// Loads one briefing at once.
    pub fn open(candidate: &Candidate) -> Startup {
        Startup {
            picker: None,
            loading: Some(Loading::start(candidate)),
            back_to: None,
        }
    }

    /// Lets the user choose among several.
    pub fn pick(candidates: Vec<Candidate>) -> Startup {
        Startup {
            picker: Some(Picker::new(candidates)),
            loading: None,
            back_to: None,
        }
    }

    /// Lets the user choose another briefing than `current`, which is
    /// selected, and which Esc goes back to.
    pub fn switch_from(candidates: Vec<Candidate>, current: &Candidate) -> Startup {
        let mut picker = Picker::new(candidates);
        picker.selected = picker
            .slots
            .iter()
            .position(|s| s.candidate == *current)
            .unwrap_or(0);
        Startup {
            picker: Some(picker),
            loading: None,
            back_to: Some(current.clone()),
        }
    }

    /// Whether Esc in the picker goes back to the briefing it came from.
    pub fn can_go_back(&self) -> bool {
        self.back_to.is_some()
    }

    /// Whether something runs on a thread, so the loop should look again soon.
    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.picker.as_ref().is_some_and(Picker::reading)
    }

    /// Looks at the threads: lines for the picker, the end of a load.
    pub fn tick(&mut self) -> Step {
        if let Some(p) = &mut self.picker {
            p.receive();
        }
        let Some(result) = self.loading.as_mut().and_then(Loading::finished) else {
            return Step::Wait;
        };
        let Some(Loading {
            name, candidate, ..
        }) = self.loading.take()
        else {
            return Step::Wait;
        };
        match (result, &mut self.picker) {
            (Ok(loaded), _) if loaded.errors() == 0 => Step::Ready(Box::new(loaded), candidate),
            (Ok(loaded), None) => Step::Invalid(Box::new(loaded)),
            (Err(e), None) => Step::Failed(e),
            (Ok(loaded), Some(p)) => {
                p.message = Some(crate::strings::cannot_open(&name, loaded.errors()));
                Step::Wait
            }
            (Err(e), Some(p)) => {
                p.message = Some(format!("{name}: {e}"));
                Step::Wait
            }
        }
    }

    pub fn update(&mut self, action: Action) -> Step {
        if self.loading.is_some() {
            // While loading only leaving works; Esc goes back to the picker
            // (the abandoned load ends on its own).
            return match action {
                Action::Quit => Step::Quit,
                Action::Back if self.picker.is_some() => {
                    self.loading = None;
                    Step::Wait
                }
                Action::Back => Step::Quit,
                _ => Step::Wait,
            };
        }
        let Some(p) = &mut self.picker else {
            return Step::Quit;
        };
        p.message = None;
        match action {
            Action::Back if self.back_to.is_some() => {
                if let Some(c) = self.back_to.take() {
                    self.loading = Some(Loading::start(&c));
                }
            }
            Action::Quit | Action::Back => return Step::Quit,
            Action::Up => p.step(-1),
            Action::Down => p.step(1),
            Action::Scroll { down, .. } => p.step(if down { 1 } else { -1 }),
            Action::PageUp | Action::HalfUp => p.step(-5),
            Action::PageDown | Action::HalfDown => p.step(5),
            Action::Top => p.step(isize::MIN / 2),
            Action::Bottom => p.step(isize::MAX / 2),
            Action::Open => {
                if let Some(slot) = p.slots.get(p.selected) {
                    self.loading = Some(Loading::start(&slot.candidate));
                }
            }
            _ => {}
        }
        Step::Wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::time::{Duration, Instant};

    fn candidates() -> Vec<Candidate> {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        crate::library::candidates(None, Some(&fixtures))
    }

    /// Ticks until the threads are done or a step other than Wait comes.
    fn settle(s: &mut Startup) -> Step {
        let until = Instant::now() + Duration::from_secs(30);
        while Instant::now() < until {
            match s.tick() {
                Step::Wait if s.busy() => std::thread::sleep(Duration::from_millis(5)),
                step => return step,
            }
        }
        panic!("starting up did not settle within 30 s");
    }

    #[test]
    fn the_picker_reads_every_line_and_opens_the_chosen_briefing() {
        let all = candidates();
        assert!(all.len() >= 2, "the fixtures hold briefings: {all:?}");
        let mut s = Startup::pick(all.clone());
        assert!(matches!(settle(&mut s), Step::Wait));
        let p = s.picker.as_ref().unwrap();
        assert!(p.slots.iter().all(|s| s.entry.is_some()));
        assert_eq!(p.slots[0].candidate.name, "bundled");
        // Down to the first clean briefing of the fixtures, and open it.
        let target = p
            .slots
            .iter()
            .position(|s| s.candidate.path.is_some() && s.entry.as_ref().unwrap().errors == 0)
            .expect("a clean fixture briefing");
        for _ in 0..target {
            s.update(Action::Down);
        }
        s.update(Action::Open);
        assert!(s.loading.is_some());
        match settle(&mut s) {
            Step::Ready(loaded, _) => {
                assert_eq!(loaded.briefing.meta.title, p_title(&all[target]));
            }
            _ => panic!("the chosen briefing opens"),
        }
    }

    fn p_title(c: &Candidate) -> String {
        c.entry().title
    }

    #[test]
    fn esc_while_loading_goes_back_to_the_picker_and_esc_there_quits() {
        let mut s = Startup::pick(candidates());
        s.update(Action::Open);
        assert!(s.loading.is_some());
        assert!(matches!(s.update(Action::Back), Step::Wait));
        assert!(s.loading.is_none() && s.picker.is_some());
        assert!(matches!(s.update(Action::Back), Step::Quit));
    }

    #[test]
    fn switching_selects_the_briefing_left_and_esc_reopens_it() {
        let all = candidates();
        let at = all.iter().position(|c| c.name == "harbour-street").unwrap();
        let current = all[at].clone();
        let mut s = Startup::switch_from(all, &current);
        assert_eq!(s.picker.as_ref().unwrap().selected, at);
        assert!(s.can_go_back());
        // Esc is not quitting here: it opens again what was open.
        assert!(matches!(s.update(Action::Back), Step::Wait));
        match settle(&mut s) {
            Step::Ready(_, opened) => assert_eq!(opened, current),
            _ => panic!("the briefing left opens again"),
        }
    }

    #[test]
    fn moving_stays_within_the_list() {
        let mut s = Startup::pick(candidates());
        let n = s.picker.as_ref().unwrap().slots.len();
        s.update(Action::Up);
        assert_eq!(s.picker.as_ref().unwrap().selected, 0);
        s.update(Action::Bottom);
        assert_eq!(s.picker.as_ref().unwrap().selected, n - 1);
        s.update(Action::PageDown);
        assert_eq!(s.picker.as_ref().unwrap().selected, n - 1);
        s.update(Action::Top);
        assert_eq!(s.picker.as_ref().unwrap().selected, 0);
    }

    #[test]
    fn a_briefing_with_errors_stays_in_the_picker_with_a_message() {
        let dir = std::env::temp_dir().join(format!("brief-pick-bad-{}", std::process::id()));
        let bad = dir.join("broken");
        std::fs::create_dir_all(&bad).unwrap();
        std::fs::write(bad.join("briefing.toml"), "[briefing]\nid = 3\n").unwrap();
        let mut s = Startup::pick(crate::library::candidates(None, Some(&dir)));
        s.update(Action::Down);
        s.update(Action::Open);
        assert!(matches!(settle(&mut s), Step::Wait));
        let message = s.picker.as_ref().unwrap().message.clone().unwrap();
        assert!(message.contains("broken"), "{message}");
        assert!(message.contains("brief check"), "{message}");
        // Opened directly, the same briefing is reported once the screen is back.
        let mut direct = Startup::open(&crate::library::Candidate {
            name: "broken".into(),
            path: Some(bad),
        });
        assert!(matches!(settle(&mut direct), Step::Invalid(_)));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
