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

/// A closed vocabulary read from a string, whose error lists the choices.
macro_rules! vocabulary {
    ($name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
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
                        stringify!($name).to_lowercase(),
                        [$(concat!("`", $word, "`")),+].join(", "))),
                }
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str { v.id() }
        }
    };
}

vocabulary!(ActorKind { Person = "person", State = "state", Organisation = "organisation", Bloc = "bloc" });

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
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub id: Id,
    pub title: String,
    pub question: String,
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

vocabulary!(EventKind {
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

vocabulary!(Stance {
    Supports = "supports",
    Opposes = "opposes",
    Demands = "demands",
    RulesOut = "rules-out",
    Conditional = "conditional",
    Open = "open",
    Ambiguous = "ambiguous",
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
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub id: Id,
    pub actor: Id,
    pub issue: Id,
    pub stance: Stance,
    pub as_of: FuzzyDate,
    pub summary: String,
    #[serde(default)]
    pub quotes: Vec<Id>,
    #[serde(default)]
    pub evidence: Vec<Excerpt>,
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
    pub fact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub accounts: Vec<Account>,
}
