//! The words synthetic briefings are made of. Kept compact by hand.

pub const FIRST: &[&str] = &[
    "Maria", "Olena", "Dmytro", "Sergei", "Anna", "Jean-Noël", "Søren", "Łukasz", "Zoë", "José",
    "Friedrich", "Ingrid", "Kaja", "Mark", "Giorgia", "Keir", "Ursula", "António", "Rustem",
    "Kirill", "Mette", "Petr", "Ana", "Jüri",
];

pub const LAST: &[&str] = &[
    "Kovalenko", "Šimkus", "Dupont", "Müller", "Nowak", "García", "Rossi", "Lindqvist", "Petrov",
    "Horváth", "Novák", "Ørsted", "Kallas", "Sybiha", "Umerov", "Budanov", "Peskov", "Lavrov",
    "Rutte", "Sánchez", "Tusk", "Frederiksen",
];

pub const STATES: &[&str] = &[
    "France", "Germany", "Poland", "Estonia", "Türkiye", "Finland", "Denmark", "Italy", "Spain",
    "Romania", "Japan", "Canada", "Norway", "Czechia", "Lithuania", "Moldova", "Georgia",
    "Hungary", "Slovakia", "Belgium",
];

pub const ORGS: &[&str] = &[
    "Institute for Strategy", "Centre for Defence Studies", "Council on Security", "Policy Forum",
];

pub const PLACES: &[&str] = &[
    "Paris", "Kyiv", "Zürich", "Kraków", "Brussels", "Geneva", "Istanbul", "Warsaw", "Tallinn",
    "Berlin", "Rome", "Helsinki", "Alaska", "Rzeszów", "Odesa", "Kharkiv", "Washington", "London",
    "Vilnius", "Chișinău",
];

pub const TOPICS: &[&str] = &[
    "Foreign troops in Ukraine", "Air defence for Kyiv", "Sanctions relief",
    "Frozen Russian assets", "NATO membership", "A ceasefire along the front line",
    "Security guarantees", "Reconstruction funding", "Prisoner exchanges", "Black Sea shipping",
    "Nuclear plant safety", "Long-range missiles", "Elections in Ukraine",
    "Territorial concessions", "Peacekeeping mission", "Arms production", "Energy infrastructure",
    "Return of deported children",
];

pub const SUBJECTS: &[&str] = &[
    "we", "our government", "the alliance", "Europe", "nobody", "the president", "our partners",
];

pub const MODALS: &[&str] = &[
    "will never", "must", "cannot", "are ready to", "will not", "intend to", "should", "may",
];

pub const VERBS: &[&str] = &[
    "accept", "deploy", "guarantee", "discuss", "rule out", "finance", "support", "block",
    "negotiate", "monitor", "reject", "consider",
];

pub const OBJECTS: &[&str] = &[
    "foreign troops on Ukrainian soil", "a reassurance force", "air patrols over the west",
    "new sanctions", "the frozen assets", "a demilitarised zone", "long-range weapons",
    "a ceasefire without guarantees", "any Western troop presence", "a peacekeeping contingent",
    "the reconstruction fund", "talks in Istanbul", "the grain corridor",
    "security guarantees like Article 5",
];

pub const TAILS: &[&str] = &[
    "before the winter", "under any circumstances", "as long as it takes",
    "without Kyiv at the table", "next week", "this year", "in the coming months",
    "if Moscow agrees", "once the guns fall silent", "at the next summit",
];

pub const FILLER: &[&str] = &[
    "Officials in {place} declined to comment on the details.",
    "The talks in {place} lasted {n} hours, according to two people familiar with them.",
    "{n} delegations attended, though the figure could not be independently verified.",
    "Analysts at the {org} said the proposal lacked detail.",
    "Shelling near {place} continued overnight, local authorities said.",
    "A joint statement is expected by the end of the month.",
    "Diplomats in {place} described the mood as cautious but constructive.",
    "The plan would cost roughly {n} billion euros over five years.",
];

pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

pub const OUTLETS: &[&str] = &[
    "Reuters", "Kyiv Independent", "bne IntelliNews", "Le Monde", "TASS", "Politico Europe",
];
