//! The sanad vocabulary: what `ontology/sanad.ttl` says about classes and relations.
//!
//! `ontology/sanad.ttl` is the OWL vocabulary users load next to sanad's RDF
//! output. It is also the single place where relations get their human
//! labels (English and Arabic), their CAMEO codes and PLOVER categories, and
//! their kind (hostile, cooperative, movement, role, as the
//! `rdfs:subPropertyOf` of a relation). This module parses that Turtle
//! (the copy bundled into the binary, or any text) into plain Rust values so
//! that exporters such as [`crate::export::dot`] label and colour edges from
//! the same data a SPARQL user sees.
//!
//! It reads only what sanad needs; it is not an OWL reasoner and does not
//! check the vocabulary's logic.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{NamedNode, NamedOrBlankNode, Term};
use oxttl::TurtleParser;

use crate::gazetteer::EntityType;
use crate::triple::Relation;

/// The vocabulary namespace (the same as [`crate::export::rdf::SANAD`]).
const NS: &str = "https://w3id.org/sanad/ontology#";
const OWL_SYMMETRIC: &str = "http://www.w3.org/2002/07/owl#SymmetricProperty";
const OWL_OBJECT_PROPERTY: &str = "http://www.w3.org/2002/07/owl#ObjectProperty";

/// The vocabulary as bundled into the binary (`ontology/sanad.ttl`).
pub const BUNDLED_TURTLE: &str = include_str!("../ontology/sanad.ttl");

/// The four kinds of relation, by which diagrams colour edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationKind {
    /// sanctions, opposes, atWarWith.
    Hostile,
    /// met, signedAgreement, supports, needs, partnerOf, allyOf.
    Cooperative,
    /// visited.
    Movement,
    /// leaderOf.
    Role,
}

impl RelationKind {
    pub const ALL: [RelationKind; 4] =
        [RelationKind::Hostile, RelationKind::Cooperative, RelationKind::Movement, RelationKind::Role];

    /// The local name of the super-property that stands for the kind.
    pub fn property(self) -> &'static str {
        match self {
            RelationKind::Hostile => "hostileRelation",
            RelationKind::Cooperative => "cooperativeRelation",
            RelationKind::Movement => "movementRelation",
            RelationKind::Role => "roleRelation",
        }
    }
}

/// English and Arabic labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    pub en: String,
    pub ar: String,
}

/// What the vocabulary says about one core relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationInfo {
    pub relation: Relation,
    pub label: Labels,
    /// The English `rdfs:comment`.
    pub comment: String,
    pub kind: RelationKind,
    pub symmetric: bool,
    /// Local names of `rdfs:domain` and `rdfs:range` (`Actor`, `Place`, …).
    pub domain: String,
    pub range: String,
    /// CAMEO codes, sorted.
    pub cameo: Vec<String>,
    /// PLOVER categories, sorted.
    pub plover: Vec<String>,
}

/// A defect in the vocabulary's Turtle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VocabularyError {
    /// The Turtle does not parse.
    Syntax(String),
    /// A core relation or class lacks something sanad needs.
    Missing { subject: String, what: String },
}

impl fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VocabularyError::Syntax(e) => write!(f, "ontology/sanad.ttl: {e}"),
            VocabularyError::Missing { subject, what } => write!(f, "ontology/sanad.ttl: sanad:{subject} has no {what}"),
        }
    }
}

impl std::error::Error for VocabularyError {}

/// The parsed vocabulary.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    relations: BTreeMap<Relation, RelationInfo>,
    classes: BTreeMap<EntityType, Labels>,
}

/// Everything said about one subject, as (predicate, object) pairs.
type Description = Vec<(NamedNode, Term)>;

impl Vocabulary {
    /// The bundled vocabulary, parsed once.
    ///
    /// # Panics
    /// If the bundled `ontology/sanad.ttl` is defective. It is compiled into
    /// the binary and the test suite parses it, so a release never does.
    pub fn bundled() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| {
            Vocabulary::parse(BUNDLED_TURTLE).unwrap_or_else(|e| panic!("the bundled vocabulary is defective: {e}"))
        })
    }

    /// Parses a vocabulary from Turtle and checks that every core relation
    /// and every entity class is declared with labels in both languages.
    pub fn parse(turtle: &str) -> Result<Vocabulary, VocabularyError> {
        let mut subjects: BTreeMap<String, Description> = BTreeMap::new();
        for triple in TurtleParser::new().for_slice(turtle) {
            let triple = triple.map_err(|e| VocabularyError::Syntax(e.to_string()))?;
            if let NamedOrBlankNode::NamedNode(s) = triple.subject {
                if let Some(local) = s.as_str().strip_prefix(NS) {
                    subjects.entry(local.to_owned()).or_default().push((triple.predicate, triple.object));
                }
            }
        }
        let empty = Description::new();
        let mut relations = BTreeMap::new();
        for relation in Relation::ALL {
            let name = relation.name();
            let d = subjects.get(name).unwrap_or(&empty);
            let missing = |what: &str| VocabularyError::Missing { subject: name.to_owned(), what: what.to_owned() };
            if !has_type(d, OWL_OBJECT_PROPERTY) {
                return Err(missing("rdf:type owl:ObjectProperty"));
            }
            let kind_name = local_names(d, rdfs::SUB_PROPERTY_OF.as_str())
                .into_iter()
                .next()
                .ok_or_else(|| missing("rdfs:subPropertyOf one of the relation kinds"))?;
            let kind = RelationKind::ALL
                .into_iter()
                .find(|k| k.property() == kind_name)
                .ok_or_else(|| missing("rdfs:subPropertyOf one of the relation kinds"))?;
            relations.insert(
                relation,
                RelationInfo {
                    relation,
                    label: labels(d).ok_or_else(|| missing("rdfs:label in both en and ar"))?,
                    comment: literal_in(d, rdfs::COMMENT.as_str(), "en").ok_or_else(|| missing("rdfs:comment@en"))?,
                    kind,
                    symmetric: has_type(d, OWL_SYMMETRIC),
                    domain: local_names(d, rdfs::DOMAIN.as_str()).into_iter().next().ok_or_else(|| missing("rdfs:domain"))?,
                    range: local_names(d, rdfs::RANGE.as_str()).into_iter().next().ok_or_else(|| missing("rdfs:range"))?,
                    cameo: strings(d, &format!("{NS}cameoCode")),
                    plover: strings(d, &format!("{NS}ploverCategory")),
                },
            );
        }
        let mut classes = BTreeMap::new();
        for kind in [EntityType::Person, EntityType::Country, EntityType::City, EntityType::Organization, EntityType::Region]
        {
            let d = subjects.get(kind.as_str()).unwrap_or(&empty);
            let label = labels(d).ok_or_else(|| VocabularyError::Missing {
                subject: kind.as_str().to_owned(),
                what: "rdfs:label in both en and ar".to_owned(),
            })?;
            classes.insert(kind, label);
        }
        Ok(Vocabulary { relations, classes })
    }

    /// What the vocabulary says about a relation.
    pub fn relation(&self, relation: Relation) -> &RelationInfo {
        // `parse` inserted every relation of `Relation::ALL`.
        &self.relations[&relation]
    }

    /// All core relations, in the order of [`Relation`].
    pub fn relations(&self) -> impl Iterator<Item = &RelationInfo> {
        self.relations.values()
    }

    /// The labels of an entity class.
    pub fn class(&self, kind: EntityType) -> &Labels {
        &self.classes[&kind]
    }
}

fn has_type(d: &Description, class: &str) -> bool {
    d.iter().any(|(p, o)| *p == rdf::TYPE && matches!(o, Term::NamedNode(n) if n.as_str() == class))
}

/// Local names (in the sanad namespace) of the IRI objects of a predicate.
fn local_names(d: &Description, predicate: &str) -> Vec<String> {
    d.iter()
        .filter(|(p, _)| p.as_str() == predicate)
        .filter_map(|(_, o)| match o {
            Term::NamedNode(n) => n.as_str().strip_prefix(NS).map(str::to_owned),
            _ => None,
        })
        .collect()
}

fn literal_in(d: &Description, predicate: &str, language: &str) -> Option<String> {
    d.iter().find_map(|(p, o)| match o {
        Term::Literal(l) if p.as_str() == predicate && l.language() == Some(language) => Some(l.value().to_owned()),
        _ => None,
    })
}

fn labels(d: &Description) -> Option<Labels> {
    Some(Labels { en: literal_in(d, rdfs::LABEL.as_str(), "en")?, ar: literal_in(d, rdfs::LABEL.as_str(), "ar")? })
}

/// The plain literal values of a predicate, sorted.
fn strings(d: &Description, predicate: &str) -> Vec<String> {
    let mut out: Vec<String> = d
        .iter()
        .filter_map(|(p, o)| match o {
            Term::Literal(l) if p.as_str() == predicate => Some(l.value().to_owned()),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_vocabulary_describes_every_relation_as_the_extractor_sees_it() {
        let v = Vocabulary::bundled();
        for r in Relation::ALL {
            let info = v.relation(r);
            assert_eq!(info.symmetric, r.is_symmetric(), "owl:SymmetricProperty of {r}");
            assert!(!info.label.ar.is_empty() && !info.label.en.is_empty());
        }
        let sanctions = v.relation(Relation::Sanctions);
        assert_eq!(sanctions.kind, RelationKind::Hostile);
        assert_eq!(sanctions.cameo, ["163"]);
        assert_eq!(sanctions.plover, ["SANCTION"]);
        assert_eq!(v.relation(Relation::Visited).kind, RelationKind::Movement);
        assert_eq!(v.relation(Relation::LeaderOf).kind, RelationKind::Role);
        assert_eq!(v.relation(Relation::LeaderOf).range, "Polity");
        assert!(v.relation(Relation::LeaderOf).cameo.is_empty());
        assert_eq!(v.relation(Relation::Met).cameo, ["040", "043", "044"]);
        assert_eq!(v.class(EntityType::Country).ar, "دولة");
    }

    #[test]
    fn a_relation_without_arabic_label_is_reported() {
        let broken = BUNDLED_TURTLE.replace("\"التقى\"@ar", "\"met\"@de");
        assert_eq!(
            Vocabulary::parse(&broken).unwrap_err().to_string(),
            "ontology/sanad.ttl: sanad:met has no rdfs:label in both en and ar"
        );
    }

    #[test]
    fn a_relation_without_kind_is_reported() {
        let broken = BUNDLED_TURTLE.replace("rdfs:subPropertyOf sanad:roleRelation ;", "");
        assert_eq!(
            Vocabulary::parse(&broken).unwrap_err().to_string(),
            "ontology/sanad.ttl: sanad:leaderOf has no rdfs:subPropertyOf one of the relation kinds"
        );
    }

    #[test]
    fn syntax_errors_are_reported() {
        let err = Vocabulary::parse("sanad:met a owl:ObjectProperty .").unwrap_err();
        assert!(matches!(err, VocabularyError::Syntax(_)), "{err:?}");
    }
}
