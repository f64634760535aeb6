//! One keystroke of the `/` palette: over the bundled briefing and over a
//! generated briefing of 100,000 items (run with `cargo bench --bench search`).
//!
//! A keystroke is what the palette does when a character is typed: parse the
//! query, refine the previous results (or search afresh when the query did
//! not just grow), rank, and compute the highlights of the visible rows.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use brief::model::{Origin, load};
use brief::search::worker::Worker;
use brief::search::{Corpus, Matcher, Query, Results};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const TYPED: &str = "zakharova troops";
const VISIBLE: usize = 30;

/// The results after typing each prefix of `TYPED`, as the palette holds them.
fn prefixes(corpus: &Corpus, m: &Matcher) -> Vec<(String, Results)> {
    let mut last = Results::default();
    let mut out = vec![(String::new(), last.clone())];
    for (i, c) in TYPED.char_indices() {
        let typed = &TYPED[..i + c.len_utf8()];
        last = last.refine(corpus, m, Query::parse(typed, corpus));
        out.push((typed.to_string(), last.clone()));
    }
    out
}

fn keystroke(corpus: &Corpus, m: &Matcher, before: &Results, typed: &str) -> usize {
    let results = before.refine(corpus, m, Query::parse(typed, corpus));
    results.hits(corpus, m, 0..VISIBLE).len()
}

fn bench_corpus(c: &mut Criterion, name: &str, corpus: &Corpus) {
    let m = Matcher::default();
    let states = prefixes(corpus, &m);
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
/// keystroke's query; stale queries are dropped. Measures typing the whole
/// query as a burst until the results for the last keystroke arrive.
fn bench_worker(c: &mut Criterion, name: &str, corpus: Arc<Corpus>) {
    let worker = Worker::spawn(corpus);
    let typed: Vec<&str> = TYPED
        .char_indices()
        .map(|(i, ch)| &TYPED[..i + ch.len_utf8()])
        .collect();
    let mut g = c.benchmark_group(format!("keystroke/{name}"));
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("worker/submit", |b| {
        b.iter(|| worker.submit(black_box("zakharova tr")))
    });
    let _ = worker.wait_for("zakharova tr", Duration::from_secs(30));
    g.bench_function("worker/burst_to_final_results", |b| {
        b.iter(|| {
            worker.submit("");
            for t in &typed {
                worker.submit(t);
            }
            worker
                .wait_for(TYPED, Duration::from_secs(30))
                .expect("results")
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
