//! The items of a briefing, as written in its TOML files (see
//! briefings/README.md) and as exported. Fields the checker points at keep
//! their span through [`Located`].

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::date::FuzzyDate;
use super::located::Located;

pub type Id = Located<String>;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: Id,
    pub title: String,
    pub subject: String,
    pub as_of: FuzzyDate,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub published: FuzzyDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub language: String,
    pub file: Located<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The article text, read from `file`.
    #[serde(skip_deserializing)]
    pub text: String,
}

impl Source {
    /// How a reader names it: the outlet, or the title when the outlet is unknown.
    pub fn name(&self) -> &str {
        if self.outlet.trim().is_empty() || self.outlet.eq_ignore_ascii_case("unknown") {
            &self.title
        } else {
            &self.outlet
        }
    }
}

/// A closed vocabulary read from a string, whose error lists the choices.
macro_rules! vocabulary {
    ($name:ident $what:literal { $($variant:ident = $word:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in the files.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                match s.as_str() {
                    $($word => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} `{s}`; expected one of {}",
                        $what,
                        [$(concat!("`", $word, "`")),+].join(", "))),
                }
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str { v.id() }
        }
    };
}

vocabulary!(ActorKind "actor kind" { Person = "person", State = "state", Organisation = "organisation", Bloc = "bloc" });

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    pub side: Id,
    pub role: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub member_of: Vec<Id>,
    /// Optional: what the reader should know about the role, e.g. that
    /// the same phrase in the sources may name two different people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub id: Id,
    pub title: String,
    pub question: String,
    /// The question is a forecast ("Will …?"): its positions take the
    /// forecast stances ([`Stance::allowed_on`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forecast: bool,
}

/// Words in a source that an item rests on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    pub source: Id,
    pub text: Located<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Byte range of the words in the source text, once located.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

vocabulary!(EventKind "event kind" {
    Meeting = "meeting",
    Call = "call",
    Statement = "statement",
    Report = "report",
    Decision = "decision",
    Summit = "summit",
    Other = "other",
});

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Id,
    pub date: FuzzyDate,
    pub title: String,
    pub kind: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub summary: String,
    /// The sources expect it: it had not happened when they were published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expected: bool,
    #[serde(default)]
    pub participants: Vec<Id>,
    #[serde(default)]
    pub issues: Vec<Id>,
    pub evidence: Vec<Excerpt>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: Id,
    pub speaker: Id,
    pub text: Located<String>,
    pub source: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoken: Option<FuzzyDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Id>,
    #[serde(default)]
    pub issues: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Byte range of the words in the source text, once located.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

vocabulary!(Stance "stance" {
    Supports = "supports",
    Opposes = "opposes",
    Demands = "demands",
    RulesOut = "rules-out",
    Conditional = "conditional",
    Open = "open",
    Ambiguous = "ambiguous",
    Expects = "expects",
    Doubts = "doubts",
});

impl Stance {
    /// The word a reader sees.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Demands => "demands",
            Stance::RulesOut => "rules out",
            Stance::Conditional => "conditional",
            Stance::Open => "open",
            Stance::Ambiguous => "ambiguous",
            Stance::Expects => "expects",
            Stance::Doubts => "doubts",
        }
    }

    /// A forecast word: what an actor expects to happen, not what they want.
    pub fn is_forecast(self) -> bool {
        matches!(self, Stance::Expects | Stance::Doubts)
    }

    /// Whether the stance may be taken on an issue that is (or is not) a
    /// forecast: forecasts take `expects`, `doubts` or `ambiguous`; other
    /// issues take every stance but the forecast words.
    pub fn allowed_on(self, forecast_issue: bool) -> bool {
        if forecast_issue {
            self.is_forecast() || self == Stance::Ambiguous
        } else {
            !self.is_forecast()
        }
    }

    /// The stances allowed on a forecast issue (the forecast words first),
    /// or on any other issue.
    pub fn vocabulary(forecast_issue: bool) -> impl Iterator<Item = Stance> {
        let forecasts = Stance::ALL.iter().filter(|s| s.is_forecast());
        let others = Stance::ALL.iter().filter(|s| !s.is_forecast());
        let ordered: Vec<Stance> = forecasts.chain(others).copied().collect();
        ordered
            .into_iter()
            .filter(move |s| s.allowed_on(forecast_issue))
    }
}

vocabulary!(Basis "basis" {
    Stated = "stated",
    Reported = "reported",
    Assessed = "assessed",
});

impl Basis {
    /// What the basis means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Basis::Stated => "the actor's own words, or a quote of them",
            Basis::Reported => "a source reports it as the actor's position",
            Basis::Assessed => "an author or analyst infers it",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(from = "PositionFields")]
pub struct Position {
    pub id: Id,
    pub actor: Id,
    pub issue: Id,
    pub stance: Stance,
    /// Who holds that the actor holds this stance.
    pub basis: Basis,
    /// Whose assessment it is (an actor or a source id), when `basis` is
    /// `assessed`; see [`super::Briefing::assessor`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessed_by: Option<Id>,
    pub as_of: FuzzyDate,
    pub summary: String,
    pub quotes: Vec<Id>,
    pub evidence: Vec<Excerpt>,
    /// Where `stance` and `basis` are written, for the checker.
    #[serde(skip)]
    pub spans: PositionSpans,
}

/// Byte spans of a position's fields that the checker points at.
#[derive(Debug, Clone, Default)]
pub struct PositionSpans {
    pub stance: Range<usize>,
    pub basis: Range<usize>,
}

/// A position as written, with the spans of `stance` and `basis`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PositionFields {
    id: Id,
    actor: Id,
    issue: Id,
    stance: Located<Stance>,
    basis: Located<Basis>,
    #[serde(default)]
    assessed_by: Option<Id>,
    as_of: FuzzyDate,
    summary: String,
    #[serde(default)]
    quotes: Vec<Id>,
    #[serde(default)]
    evidence: Vec<Excerpt>,
}

impl From<PositionFields> for Position {
    fn from(f: PositionFields) -> Self {
        Position {
            id: f.id,
            actor: f.actor,
            issue: f.issue,
            stance: f.stance.value,
            basis: f.basis.value,
            assessed_by: f.assessed_by,
            as_of: f.as_of,
            summary: f.summary,
            quotes: f.quotes,
            evidence: f.evidence,
            spans: PositionSpans {
                stance: f.stance.span,
                basis: f.basis.span,
            },
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub source: Id,
    pub value: String,
    pub text: Located<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    pub id: Id,
    pub kind: DiscrepancyKind,
    pub fact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub accounts: Vec<Account>,
}

vocabulary!(DiscrepancyKind "discrepancy kind" {
    Contradiction = "contradiction",
    Emphasis = "emphasis",
    Change = "change",
    Detail = "detail",
});

impl DiscrepancyKind {
    /// Whether the accounts cannot both be true; every other kind is a
    /// difference between compatible accounts.
    pub fn is_contradiction(self) -> bool {
        self == DiscrepancyKind::Contradiction
    }

    /// What the kind means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            DiscrepancyKind::Contradiction => "the accounts cannot both be true",
            DiscrepancyKind::Emphasis => "compatible accounts that differ in emphasis or framing",
            DiscrepancyKind::Change => {
                "compatible accounts that differ because time passed between them"
            }
            DiscrepancyKind::Detail => "compatible accounts, one with more or different detail",
        }
    }
}

impl Discrepancy {
    /// Whether the accounts cannot both be true.
    pub fn is_contradiction(&self) -> bool {
        self.kind.is_contradiction()
    }
}
