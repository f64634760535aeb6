//! Source texts written around their quotes and events, so that every quote
//! and every event's evidence occurs exactly once in its source.

use std::collections::HashSet;

use super::words::*;
use super::{Plan, Rng, date, day, id, slug};
use crate::model::located::Located;
use crate::model::{Briefing, Event, EventKind, Excerpt, FuzzyDate, Id, Quote, Source};

const KINDS: [EventKind; 6] = [
    EventKind::Meeting,
    EventKind::Call,
    EventKind::Statement,
    EventKind::Summit,
    EventKind::Report,
    EventKind::Decision,
];

fn kind_word(k: EventKind) -> &'static str {
    match k {
        EventKind::Meeting => "Talks",
        EventKind::Call => "Call",
        EventKind::Statement => "Statement",
        EventKind::Summit => "Summit",
        EventKind::Report => "Report",
        EventKind::Decision => "Decision",
        EventKind::Other => "Meeting",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A clause not yet used in this source.
fn clause(rng: &mut Rng, used: &mut HashSet<String>) -> String {
    loop {
        let c = format!(
            "{} {} {} {} {}",
            rng.pick(SUBJECTS),
            rng.pick(MODALS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        );
        if used.insert(c.clone()) {
            return c;
        }
    }
}

fn filler(rng: &mut Rng) -> String {
    rng.pick(FILLER)
        .replace("{place}", PLACES[rng.below(PLACES.len())])
        .replace("{org}", ORGS[rng.below(ORGS.len())])
        .replace("{n}", &(2 + rng.below(60)).to_string())
}

/// Generates the sources, and the events and quotes that rest on them.
pub(super) fn sources(b: &mut Briefing, rng: &mut Rng, plan: &Plan) {
    let mut quotes_of = vec![0usize; plan.sources];
    let mut events_of = vec![0usize; plan.sources];
    for _ in 0..plan.quotes {
        quotes_of[rng.below(plan.sources)] += 1;
    }
    for _ in 0..plan.events {
        events_of[rng.below(plan.sources)] += 1;
    }
    for s in 0..plan.sources {
        let outlet = rng.pick(OUTLETS).to_string();
        let sid = format!("{}-{s}", slug(&outlet));
        let topic = b.issues[rng.below(b.issues.len())].title.to_lowercase();
        let place = rng.pick(PLACES);
        let title = match rng.below(3) {
            0 => format!("Allies weigh {topic} after talks in {place}"),
            1 => format!("{place}: what we know about {topic}"),
            _ => format!("Analysis: the fight over {topic}"),
        };
        let mut sentences: Vec<String> = Vec::new();
        let mut used = HashSet::new();
        let first_event = b.events.len();
        for _ in 0..events_of[s] {
            let e = event(b, rng, &sid, &mut used);
            sentences.push(format!("{}.", e));
        }
        for _ in 0..quotes_of[s] {
            sentences.push(quote(b, rng, &sid, first_event, &mut used));
        }
        for _ in 0..(3 + rng.below(8)) {
            sentences.push(filler(rng));
        }
        // Shuffle so quotes and events are spread through the article.
        for i in (1..sentences.len()).rev() {
            sentences.swap(i, rng.below(i + 1));
        }
        let mut text = format!("{title}\n\n");
        for (i, sentence) in sentences.iter().enumerate() {
            text.push_str(sentence);
            text.push(if i % 4 == 3 { '\n' } else { ' ' });
        }
        let file = format!("sources/{sid}.txt");
        b.sources.push(Source {
            id: id(sid),
            title,
            outlet,
            author: rng
                .chance(60)
                .then(|| format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
            published: date(rng),
            url: None,
            language: "en".into(),
            file: Located::new(file),
            note: Some("Generated; none of it happened.".into()),
            text,
        });
    }
}

/// Adds an event resting on `source`; returns its evidence sentence.
fn event(b: &mut Briefing, rng: &mut Rng, source: &str, used: &mut HashSet<String>) -> String {
    loop {
        let n = b.events.len();
        let when = day(rng);
        let (_, month, d) = when.earliest();
        let place = rng.pick(PLACES);
        let who: Vec<usize> = (0..2 + rng.below(3))
            .map(|_| rng.below(b.actors.len()))
            .collect();
        let mut names: Vec<&str> = who.iter().map(|&a| b.actors[a].name.as_str()).collect();
        names.dedup();
        let issue = rng.below(b.issues.len());
        let topic = b.issues[issue].title.to_lowercase();
        let sentence = format!(
            "On {d} {}, {} met in {place} to discuss {topic}",
            MONTHS[month as usize - 1],
            names.join(", ")
        );
        if !used.insert(sentence.clone()) {
            continue;
        }
        let kind = *rng.pick(&KINDS);
        let mut participants: Vec<Id> = who.iter().map(|&a| b.actors[a].id.clone()).collect();
        participants.dedup();
        b.events.push(Event {
            id: id(format!("{}-{}-{n}", slug(place), slug(kind_word(kind)))),
            date: FuzzyDate::Exact(when),
            title: format!("{} in {place} on {topic}", kind_word(kind)),
            kind,
            place: Some(place.to_string()),
            summary: format!("{} discussed {topic}.", names.join(", ")),
            expected: false,
            participants,
            issues: vec![b.issues[issue].id.clone()],
            evidence: vec![Excerpt {
                source: id(source.into()),
                text: Located::new(sentence.clone()),
                prefix: None,
                suffix: None,
                range: None,
            }],
        });
        return sentence;
    }
}

/// Adds a quote spoken in `source`; returns the sentence that reports it.
fn quote(
    b: &mut Briefing,
    rng: &mut Rng,
    source: &str,
    first_event: usize,
    used: &mut HashSet<String>,
) -> String {
    let n = b.quotes.len();
    // The first actors are the well-known ones: let them speak more often.
    let speaker = if rng.chance(10) {
        rng.below(b.actors.len().min(6))
    } else {
        rng.below(b.actors.len())
    };
    let actor = &b.actors[speaker];
    let said_by = actor.aliases.first().unwrap_or(&actor.name).clone();
    let words = clause(rng, used);
    let (text, sentence) = match rng.below(3) {
        0 => {
            let text = capitalise(&words);
            let s = format!(
                "“{text},” {said_by} told reporters in {}.",
                rng.pick(PLACES)
            );
            (text, s)
        }
        _ => (words.clone(), format!("{said_by} said “{words}.”")),
    };
    let mut issues = vec![b.issues[rng.below(b.issues.len())].id.clone()];
    if rng.chance(30) {
        let extra = b.issues[rng.below(b.issues.len())].id.clone();
        if extra != issues[0] {
            issues.push(extra);
        }
    }
    let event = (b.events.len() > first_event && rng.chance(40)).then(|| {
        b.events[first_event + rng.below(b.events.len() - first_event)]
            .id
            .clone()
    });
    b.quotes.push(Quote {
        id: id(format!("{}-{n}", actor.id.value)),
        speaker: actor.id.clone(),
        text: Located::new(text),
        source: id(source.into()),
        spoken: rng.chance(80).then(|| FuzzyDate::Exact(day(rng))),
        event,
        issues,
        prefix: None,
        suffix: None,
        range: None,
    });
    sentence
}
