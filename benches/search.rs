//! One keystroke of the `/` palette: over the bundled briefing and over a
//! generated briefing of 100,000 items (run with `cargo bench --bench search`).
//!
//! A keystroke is what the palette does when a character is typed: parse the
//! query, refine the previous results (or search afresh when the query did
//! not just grow), rank, and compute the highlights of the visible rows.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use brief::model::{Origin, load};
use brief::search::worker::Worker;
use brief::search::{Corpus, Matcher, Query, Results};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};

const TYPED: &str = "zakharova troops";
/// Rows the palette lists at once (its most, on a 24-line or taller screen).
const VISIBLE: usize = 20;

/// The results after typing each prefix of `TYPED`, as the palette holds them.
fn prefixes(corpus: &Corpus) -> Vec<(String, Results)> {
    let mut last = Results::default();
    let mut out = vec![(String::new(), last.clone())];
    for (i, c) in TYPED.char_indices() {
        let typed = &TYPED[..i + c.len_utf8()];
        last = last.refine(corpus, Query::parse(typed, corpus));
        out.push((typed.to_string(), last.clone()));
    }
    out
}

fn keystroke(corpus: &Corpus, m: &Matcher, before: &Results, typed: &str) -> usize {
    let results = before.refine(corpus, Query::parse(typed, corpus));
    results.hits(corpus, m, 0..VISIBLE).len()
}

fn bench_corpus(c: &mut Criterion, name: &str, corpus: &Corpus) {
    let m = Matcher::default();
    let states = prefixes(corpus);
    let mut g = c.benchmark_group(format!("keystroke/{name}"));
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    // Each keystroke of typing TYPED, refining the results of the one before.
    for pair in states.windows(2) {
        let (before, (typed, _)) = (&pair[0].1, &pair[1]);
        let id = BenchmarkId::new("typing", typed.replace(' ', "_"));
        g.bench_function(id, |b| {
            b.iter(|| keystroke(corpus, &m, black_box(before), black_box(typed)))
        });
    }
    // The whole query at once (pasted, or typed after a deletion): a full search.
    g.bench_function("fresh/zakharova_troops", |b| {
        b.iter(|| keystroke(corpus, &m, &Results::default(), black_box(TYPED)))
    });
    // The first key on an empty palette matches the most and costs the most.
    g.bench_function("fresh/t", |b| {
        b.iter(|| keystroke(corpus, &m, &Results::default(), black_box("t")))
    });
    g.finish();
}

/// The palette with its search thread: the UI thread only submits each
/// keystroke's query (`worker/submit`), and stale queries are dropped.
/// `worker/after_last_key` types the query at 25 ms a key and measures from
/// the last key until its results arrive: how long the list lags behind.
fn bench_worker(c: &mut Criterion, name: &str, corpus: Arc<Corpus>) {
    let worker = Worker::spawn(corpus);
    let wait = Duration::from_secs(30);
    let typed: Vec<&str> = TYPED
        .char_indices()
        .map(|(i, ch)| &TYPED[..i + ch.len_utf8()])
        .collect();
    let mut g = c.benchmark_group(format!("keystroke/{name}"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("worker/submit", |b| {
        b.iter(|| worker.submit(black_box("zakharova tr")))
    });
    let _ = worker.wait_for("zakharova tr", wait);
    g.bench_function("worker/after_last_key", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // Start from other results, as after clearing the palette.
                worker.submit("x");
                worker.wait_for("x", wait).expect("results");
                for (i, t) in typed.iter().enumerate() {
                    if i > 0 {
                        std::thread::sleep(Duration::from_millis(25));
                    }
                    worker.submit(t);
                }
                let last = Instant::now();
                worker.wait_for(TYPED, wait).expect("results");
                total += last.elapsed();
            }
            total
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let bundled = load(&Origin::Bundled(&brief::bundled::UKRAINE))
        .expect("bundled briefing")
        .briefing;
    bench_corpus(c, "bundled", &Corpus::new(&bundled));
    let big = Corpus::new(&brief::synth::generate(100_000, 1));
    eprintln!(
        "100k items: {} searchable entries (items and sentences)",
        big.items.len()
    );
    bench_corpus(c, "100k", &big);
    bench_worker(c, "100k", Arc::new(big));
}

criterion_group!(search, benches);
criterion_main!(search);
