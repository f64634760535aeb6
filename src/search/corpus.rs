//! What the palette searches, built once from a briefing: events, quotes,
//! actors, positions, issues, source titles and every sentence of every
//! source text. Each item carries the texts it can be found by.

use std::collections::HashMap;

use crate::model::{Briefing, FuzzyDate};

use super::fold::fold_term;
pub use super::item::{Field, Item, Kind, Role, Target};
use super::sentences::sentences;

/// An actor's spellings, folded lower-case, for alias expansion and `@`.
#[derive(Debug, Clone)]
pub struct Spellings {
    pub id: String,
    /// Name, aliases and, for people, the surname.
    pub all: Vec<String>,
    /// Its side, by index into `Corpus::sides`, if the side exists.
    pub side: Option<u32>,
    /// Actors recorded as members of it, directly or through others.
    pub members: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub items: Vec<Item>,
    pub actors: Vec<Spellings>,
    /// Side id and folded lower-case name, for `@`.
    pub sides: Vec<(String, String)>,
    /// Issue id and folded lower-case title, for `#`.
    pub issues: Vec<(String, String)>,
    /// Any spelling of an actor → every actor spelled so.
    pub alias_of: HashMap<String, Vec<u32>>,
}

fn lower(s: &str) -> String {
    fold_term(&s.to_lowercase()).0
}

/// A sentence's text for a one-line row: line breaks become spaces, char
/// for char, so that match indices still fit the source.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

impl Corpus {
    pub fn new(b: &Briefing) -> Self {
        let mut c = Corpus::default();
        let actor_name = |id: &str| {
            b.actor_index(id)
                .map(|i| (i as u32, b.actors[i].name.as_str()))
        };
        let issue_title = |id: &str| {
            b.issue_index(id)
                .map(|i| (i as u32, b.issues[i].title.as_str()))
        };

        c.sides = b
            .sides
            .iter()
            .map(|s| (lower(&s.id), lower(&s.name)))
            .collect();
        for (i, a) in b.actors.iter().enumerate() {
            let mut all = vec![lower(&a.name)];
            all.extend(a.aliases.iter().map(|s| lower(s)));
            if a.kind == crate::model::ActorKind::Person
                && let Some(surname) = a.name.split_whitespace().last()
            {
                all.push(lower(surname));
            }
            all.dedup();
            for s in &all {
                let of = c.alias_of.entry(s.clone()).or_default();
                if !of.contains(&(i as u32)) {
                    of.push(i as u32);
                }
            }
            c.actors.push(Spellings {
                id: lower(&a.id),
                all,
                side: b.side_index(&a.side).map(|s| s as u32),
                members: Vec::new(),
            });
            let mut fields = vec![Field::new(Role::Label, &a.name)];
            fields.extend(a.aliases.iter().map(|s| Field::new(Role::Alias, s)));
            fields.push(Field::new(Role::Context, &a.role));
            c.push(
                Kind::Actor,
                &a.id,
                Target::Actor(i),
                None,
                fields,
                vec![i as u32],
                vec![],
            );
        }
        for (i, x) in b.issues.iter().enumerate() {
            c.issues.push((x.id.value.clone(), lower(&x.title)));
            let fields = vec![
                Field::new(Role::Label, &x.title),
                Field::new(Role::Context, &x.question),
            ];
            c.push(
                Kind::Issue,
                &x.id,
                Target::Issue(i),
                None,
                fields,
                vec![],
                vec![i as u32],
            );
        }
        for (i, e) in b.events.iter().enumerate() {
            let mut fields = vec![
                Field::new(Role::Label, &e.title),
                Field::new(Role::Context, &e.summary),
            ];
            fields.extend(e.place.iter().map(|p| Field::new(Role::Topic, p)));
            let actors: Vec<_> = e
                .participants
                .iter()
                .filter_map(|p| actor_name(p))
                .collect();
            let issues: Vec<_> = e.issues.iter().filter_map(|x| issue_title(x)).collect();
            fields.extend(
                actors
                    .iter()
                    .chain(&issues)
                    .map(|(_, t)| Field::new(Role::Context, t)),
            );
            let (actors, issues) = (
                actors.iter().map(|a| a.0).collect(),
                issues.iter().map(|x| x.0).collect(),
            );
            c.push(
                Kind::Event,
                &e.id,
                Target::Event(i),
                Some(e.date.clone()),
                fields,
                actors,
                issues,
            );
        }
        for (i, q) in b.quotes.iter().enumerate() {
            let speaker = actor_name(&q.speaker);
            let mut fields = vec![Field::new(Role::Label, &q.text)];
            fields.push(Field::new(
                Role::Speaker,
                speaker.map_or(q.speaker.as_str(), |s| s.1),
            ));
            let issues: Vec<_> = q.issues.iter().filter_map(|x| issue_title(x)).collect();
            fields.extend(issues.iter().map(|(_, t)| Field::new(Role::Topic, t)));
            if let Some(ev) = q.event.as_ref().and_then(|e| b.event(e)) {
                fields.push(Field::new(Role::Context, &ev.title));
            }
            let issues = issues.iter().map(|x| x.0).collect();
            let actors = speaker.iter().map(|s| s.0).collect();
            c.push(
                Kind::Quote,
                &q.id,
                Target::Quote(i),
                q.spoken.clone(),
                fields,
                actors,
                issues,
            );
        }
        for (i, p) in b.positions.iter().enumerate() {
            let actor = actor_name(&p.actor);
            let issue = issue_title(&p.issue);
            let mut fields = vec![Field::new(Role::Label, &p.summary)];
            fields.push(Field::new(
                Role::Speaker,
                actor.map_or(p.actor.as_str(), |a| a.1),
            ));
            fields.extend(issue.iter().map(|x| Field::new(Role::Context, x.1)));
            fields.push(Field::new(Role::Context, p.stance.word()));
            let (actors, issues) = (
                actor.iter().map(|a| a.0).collect(),
                issue.iter().map(|x| x.0).collect(),
            );
            c.push(
                Kind::Position,
                &p.id,
                Target::Position(i),
                Some(p.as_of.clone()),
                fields,
                actors,
                issues,
            );
        }
        for (i, s) in b.sources.iter().enumerate() {
            let mut fields = vec![
                Field::new(Role::Label, &s.title),
                Field::new(Role::Context, &s.outlet),
            ];
            fields.extend(s.author.iter().map(|a| Field::new(Role::Context, a)));
            c.push(
                Kind::Source,
                &s.id,
                Target::Source(i),
                Some(s.published.clone()),
                fields,
                vec![],
                vec![],
            );
        }
        for (i, d) in b.discrepancies.iter().enumerate() {
            let mut fields = vec![Field::new(Role::Label, &d.fact)];
            fields.extend(d.note.iter().map(|n| Field::new(Role::Context, n)));
            fields.extend(
                d.accounts
                    .iter()
                    .map(|a| Field::new(Role::Context, &a.value)),
            );
            c.push(
                Kind::Discrepancy,
                &d.id,
                Target::Discrepancy(i),
                None,
                fields,
                vec![],
                vec![],
            );
        }
        c.add_members(b);
        c.add_sentences(b);
        c
    }

    /// Each actor's members, following `member_of` through any depth.
    fn add_members(&mut self, b: &Briefing) {
        let direct: Vec<Vec<u32>> = b
            .actors
            .iter()
            .map(|a| {
                a.member_of
                    .iter()
                    .filter_map(|m| b.actor_index(m))
                    .map(|m| m as u32)
                    .collect()
            })
            .collect();
        for (i, parents) in direct.iter().enumerate() {
            // Walk up from actor i, adding it to every group above it.
            let mut seen: Vec<u32> = Vec::new();
            let mut todo = parents.clone();
            while let Some(p) = todo.pop() {
                if p as usize == i || seen.contains(&p) {
                    continue;
                }
                seen.push(p);
                todo.extend(&direct[p as usize]);
            }
            for p in seen {
                self.actors[p as usize].members.push(i as u32);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: Kind,
        id: &str,
        target: Target,
        date: Option<FuzzyDate>,
        fields: Vec<Field>,
        actors: Vec<u32>,
        issues: Vec<u32>,
    ) {
        let mut item = Item::new(kind, id.to_string(), target, date, fields);
        (item.actors, item.issues) = (actors, issues);
        self.items.push(item);
    }

    /// Every sentence of every source. A sentence is about the actors and
    /// issues of the quotes that lie in it.
    fn add_sentences(&mut self, b: &Briefing) {
        let mut quotes_by_source: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, q) in b.quotes.iter().enumerate() {
            quotes_by_source
                .entry(q.source.as_str())
                .or_default()
                .push(i);
        }
        for (si, s) in b.sources.iter().enumerate() {
            let ranges = sentences(&s.text);
            let mut about: Vec<(Vec<u32>, Vec<u32>)> = vec![Default::default(); ranges.len()];
            for &qi in quotes_by_source.get(s.id.as_str()).into_iter().flatten() {
                let q = &b.quotes[qi];
                let Some(r) = &q.range else { continue };
                let n = ranges.partition_point(|s| s.end <= r.start);
                if let Some((actors, issues)) = about.get_mut(n) {
                    actors.extend(b.actor_index(&q.speaker).map(|i| i as u32));
                    issues.extend(
                        q.issues
                            .iter()
                            .filter_map(|x| b.issue_index(x))
                            .map(|i| i as u32),
                    );
                }
            }
            for (n, (range, (actors, issues))) in ranges.into_iter().zip(about).enumerate() {
                let text = one_line(&s.text[range.clone()]);
                let fields = vec![Field::new(Role::Label, &text)];
                let id = format!("{}#{}", s.id.value, n + 1);
                let target = Target::Sentence { source: si, range };
                self.push(
                    Kind::Sentence,
                    &id,
                    target,
                    Some(s.published.clone()),
                    fields,
                    actors,
                    issues,
                );
            }
        }
    }
}
