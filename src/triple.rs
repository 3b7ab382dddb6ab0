//! Triples: what sanad extracts, with the evidence behind each one.
//!
//! A [`Triple`] relates two entities by one of the eleven core relations of
//! `shared/spec/relations.md`, names whether the text asserts it (or negates
//! or hedges it), and carries one [`Evidence`] per place in the text that
//! supports it. This module defines those values; rules produce them
//! ([`crate::extract`]) and the graph merges them ([`crate::graph`]).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The core relations, named exactly as in the relation contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    Visited,
    Met,
    SignedAgreement,
    Sanctions,
    Supports,
    Needs,
    PartnerOf,
    AllyOf,
    AtWarWith,
    Opposes,
    LeaderOf,
}

impl Relation {
    pub const ALL: [Relation; 11] = [
        Relation::Visited,
        Relation::Met,
        Relation::SignedAgreement,
        Relation::Sanctions,
        Relation::Supports,
        Relation::Needs,
        Relation::PartnerOf,
        Relation::AllyOf,
        Relation::AtWarWith,
        Relation::Opposes,
        Relation::LeaderOf,
    ];

    /// The local name used in JSON and RDF: `signedAgreement`.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Visited => "visited",
            Relation::Met => "met",
            Relation::SignedAgreement => "signedAgreement",
            Relation::Sanctions => "sanctions",
            Relation::Supports => "supports",
            Relation::Needs => "needs",
            Relation::PartnerOf => "partnerOf",
            Relation::AllyOf => "allyOf",
            Relation::AtWarWith => "atWarWith",
            Relation::Opposes => "opposes",
            Relation::LeaderOf => "leaderOf",
        }
    }

    /// Symmetric relations hold both ways; sanad stores them with the
    /// smaller entity id first.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Relation::Met | Relation::SignedAgreement | Relation::PartnerOf | Relation::AllyOf | Relation::AtWarWith)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Relation {
    type Err = String;

    fn from_str(s: &str) -> Result<Relation, String> {
        Relation::ALL.into_iter().find(|r| r.name() == s).ok_or_else(|| {
            format!(
                "unknown relation {s:?}: expected one of {}",
                Relation::ALL.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ")
            )
        })
    }
}

/// Whether the text asserts a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Assertion {
    /// Stated as fact.
    Asserted,
    /// Denied: "did not", "refused to confirm".
    Negated,
    /// Hedged, wished or planned: "may", "possibilities of", "hopes to".
    Hypothetical,
}

impl Assertion {
    pub fn is_asserted(self) -> bool {
        self == Assertion::Asserted
    }

    pub fn name(self) -> &'static str {
        match self {
            Assertion::Asserted => "asserted",
            Assertion::Negated => "negated",
            Assertion::Hypothetical => "hypothetical",
        }
    }
}

/// One place in the text that supports a triple.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Code-point offset of the sentence in the original text.
    pub start: usize,
    /// Code-point offset one past the sentence's end.
    pub end: usize,
    /// The sentence, as written in the original text.
    pub text: String,
    /// The rule that produced the triple here.
    pub rule: String,
    /// The time the sentence attaches to the statement, as written
    /// (`في العام 2000`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// A statement extracted from one document. Subject and object are entity ids
/// of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Triple {
    pub subject: String,
    pub relation: Relation,
    pub object: String,
    pub assertion: Assertion,
    pub evidence: Vec<Evidence>,
}

impl Triple {
    /// The triple's identity: two triples with the same key are one statement
    /// whose evidence is merged.
    pub fn key(&self) -> (&str, Relation, &str, Assertion) {
        (&self.subject, self.relation, &self.object, self.assertion)
    }
}
