//! Work shared out among the machine's cores, with results kept in order,
//! so that what is reported does not depend on which thread did what.

use std::cell::Cell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// At most how many threads share the work.
const MAX_THREADS: usize = 4;

thread_local! {
    /// Whether this thread is already one of those sharing some work: work
    /// it starts runs on it alone, so that threads never outnumber cores.
    static SHARING: Cell<bool> = const { Cell::new(false) };
}

/// `f(i)` for each `i` in `0..n`, each on whichever thread is free; the
/// results come back in order. On one core, for one item, or inside work
/// already shared out, everything runs on the calling thread.
pub fn map_ordered<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(MAX_THREADS)
        .min(n);
    if threads <= 1 || SHARING.get() {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let work = || {
        let before = SHARING.replace(true);
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let r = f(i);
            *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
        }
        SHARING.set(before);
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item ran")
        })
        .collect()
}
