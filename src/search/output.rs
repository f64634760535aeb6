//! `brief search`: the palette's ranking, printed for scripts.

use serde::Serialize;

use super::{Corpus, Hit, Matcher, Target, search, search_all};
use crate::model::Briefing;
use crate::model::text::inert;

#[derive(Serialize)]
struct Row<'a> {
    kind: &'static str,
    id: &'a str,
    label: String,
    score: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    excerpt: Option<&'a str>,
}

/// One line of text: control characters made visible, tabs and line
/// breaks made spaces, so that a row stays one line of tab-separated fields.
fn one_line(s: &str) -> String {
    inert(&s.replace(['\t', '\n'], " ")).into_owned()
}

fn row<'a>(b: &'a Briefing, corpus: &'a Corpus, hit: &Hit) -> Row<'a> {
    let item = &corpus.items[hit.item];
    let (source, excerpt) = match &item.target {
        Target::Sentence { source, range } => {
            let s = &b.sources[*source];
            (Some(s.id.as_str()), Some(&s.text[range.clone()]))
        }
        _ => (None, None),
    };
    Row {
        kind: item.kind.word(),
        id: &item.id,
        label: one_line(item.label()),
        score: hit.score,
        source,
        excerpt,
    }
}

/// The results of `query` as `kind<TAB>id<TAB>label<TAB>score` lines, or as
/// a JSON array; with `all`, those below the cut-off too.
pub fn render(b: &Briefing, query: &str, limit: usize, all: bool, json: bool) -> String {
    let corpus = Corpus::new(b);
    let m = Matcher::default();
    let hits = if all {
        search_all(&corpus, &m, query, limit)
    } else {
        search(&corpus, &m, query, limit)
    };
    let rows: Vec<Row> = hits.iter().map(|h| row(b, &corpus, h)).collect();
    if json {
        let mut s = serde_json::to_string_pretty(&rows).expect("rows serialize");
        s.push('\n');
        return s;
    }
    rows.iter()
        .map(|r| format!("{}\t{}\t{}\t{}\n", r.kind, r.id, r.label, r.score))
        .collect()
}
