//! The searchable items: their kinds, the fields they are found by, and
//! where each lives in the briefing.

use std::ops::Range;

use crate::model::FuzzyDate;
use crate::model::time::{Placement, When};

use super::fold::Folded;
use super::matcher::char_mask;

/// The kinds of item, in the order ties are broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Actor,
    Issue,
    Event,
    Quote,
    Position,
    Source,
    Discrepancy,
    Sentence,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Actor,
        Kind::Issue,
        Kind::Event,
        Kind::Quote,
        Kind::Position,
        Kind::Source,
        Kind::Discrepancy,
        Kind::Sentence,
    ];

    /// The word used in output and in rows.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Issue => "issue",
            Kind::Event => "event",
            Kind::Quote => "quote",
            Kind::Position => "position",
            Kind::Source => "source",
            Kind::Discrepancy => "discrepancy",
            Kind::Sentence => "sentence",
        }
    }

    /// The query prefix that limits a search to this kind (`q:`).
    pub fn prefix(self) -> char {
        match self {
            Kind::Actor => 'a',
            Kind::Issue => 'i',
            Kind::Event => 'e',
            Kind::Quote => 'q',
            Kind::Position => 'p',
            Kind::Source => 's',
            Kind::Discrepancy => 'd',
            Kind::Sentence => 't',
        }
    }

    /// Percent applied to a match: the words of a long article weigh less
    /// than a title or a quote, and a position less than the quote it rests on.
    pub fn weight(self) -> i64 {
        match self {
            Kind::Position | Kind::Discrepancy => 90,
            Kind::Sentence => 80,
            _ => 100,
        }
    }
}

/// What a field is to its item, and so how much a match in it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The label shown in a row.
    Label,
    /// The speaker or actor shown beside the label.
    Speaker,
    /// Other names of the item itself (an actor's aliases).
    Alias,
    /// What a quote is about, or where an event took place. A quote is a fragment of speech whose own
    /// words often lack its subject ("unacceptable foreign intervention"),
    /// so its issues count as much as its words.
    Topic,
    /// Text about the item that a row does not show (issue titles, summaries).
    Context,
}

impl Role {
    pub fn weight(self) -> i64 {
        match self {
            Role::Label | Role::Speaker | Role::Alias => 100,
            Role::Topic => 90,
            Role::Context => 70,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub role: Role,
    pub text: Box<str>,
    pub folded: Folded,
    /// The chars it holds, to skip it cheaply (see `matcher::char_mask`).
    pub mask: u64,
}

impl Field {
    pub fn new(role: Role, text: &str) -> Self {
        let folded = Folded::new(text);
        let mask = char_mask(folded.haystack(text, false));
        Field {
            role,
            text: text.into(),
            folded,
            mask,
        }
    }
}

/// Where an item lives in the briefing, for jumping to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Actor(usize),
    Issue(usize),
    Event(usize),
    Quote(usize),
    Position(usize),
    Source(usize),
    Discrepancy(usize),
    /// A sentence: its source and its byte range in the source text.
    Sentence {
        source: usize,
        range: Range<usize>,
    },
}

#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    pub target: Target,
    pub date: Option<FuzzyDate>,
    /// Where the date sits in the one order of time, kept for ranking ties.
    pub placement: Placement,
    /// Label first, then the speaker if any, then the rest.
    pub fields: Vec<Field>,
    /// Actor and issue indices, for `@actor` and `#issue`.
    pub actors: Vec<u32>,
    pub issues: Vec<u32>,
    /// The chars of all its fields.
    pub mask: u64,
}

impl Item {
    pub fn new(
        kind: Kind,
        id: String,
        target: Target,
        date: Option<FuzzyDate>,
        fields: Vec<Field>,
    ) -> Self {
        let mask = fields.iter().fold(0, |m, f| m | f.mask);
        let placement = When::of_opt(date.as_ref()).placement();
        Item {
            kind,
            id,
            target,
            date,
            placement,
            fields,
            actors: Vec::new(),
            issues: Vec::new(),
            mask,
        }
    }

    pub fn label(&self) -> &str {
        &self.fields[0].text
    }

    /// Whose item this is: the actor itself, or who said it.
    pub fn owner(&self) -> Option<u32> {
        match self.kind {
            Kind::Actor | Kind::Quote | Kind::Position => self.actors.first().copied(),
            _ => None,
        }
    }

    pub fn speaker(&self) -> Option<&str> {
        self.fields
            .get(1)
            .filter(|f| f.role == Role::Speaker)
            .map(|f| &*f.text)
    }
}
