//! Searching off the UI thread, so that typing never waits for results.
//!
//! The UI submits every query and goes on; the worker takes only the newest
//! query waiting (stale ones are dropped unsearched), refines its previous
//! results when it can, and sends the results back with their query text.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Corpus, Query, Results};

pub struct Worker {
    queries: Option<Sender<String>>,
    results: Receiver<Results>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    pub fn spawn(corpus: Arc<Corpus>) -> Self {
        let (queries, inbox) = channel::<String>();
        let (outbox, results) = channel();
        let thread = std::thread::spawn(move || {
            let mut last = Results::default();
            while let Ok(mut text) = inbox.recv() {
                // Only the newest query matters.
                while let Ok(newer) = inbox.try_recv() {
                    text = newer;
                }
                let query = Query::parse(&text, &corpus);
                last = last.refine(&corpus, query);
                if outbox.send(last.clone()).is_err() {
                    break;
                }
            }
        });
        Worker {
            queries: Some(queries),
            results,
            thread: Some(thread),
        }
    }

    /// Asks for a search; returns at once.
    pub fn submit(&self, text: &str) {
        if let Some(q) = &self.queries {
            let _ = q.send(text.to_string());
        }
    }

    /// The newest results that have arrived, if any.
    pub fn latest(&self) -> Option<Results> {
        self.results.try_iter().last()
    }

    /// Waits up to `timeout` for the results of the query `text`, dropping
    /// results of older queries.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Option<Results> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(std::time::Instant::now())?;
            let r = self.results.recv_timeout(left).ok()?;
            if r.query.text == text {
                return Some(r);
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.queries.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
