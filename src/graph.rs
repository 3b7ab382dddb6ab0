//! The knowledge graph: one node per entity, one edge per distinct statement.
//!
//! [`KnowledgeGraph`] assembles the triples of one or more documents into a
//! petgraph graph. Each edge is a statement (subject, relation, object,
//! asserted or not); the evidence of every sentence, in every document, that
//! supports it is merged onto that edge. Nodes and edges are added in sorted
//! order, so the same input always gives the same graph, and exporters that
//! walk it write byte-identical output.
//!
//! Query it with petgraph's own API through [`KnowledgeGraph::graph`], or with
//! the helpers here. Writing it out is [`crate::export`]'s job.

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashMap;

use crate::extract::Extraction;
use crate::gazetteer::{EntityType, Gazetteer};
use crate::triple::{Assertion, Evidence, Relation};

/// An entity node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityNode {
    pub id: String,
    pub label_en: String,
    pub label_ar: String,
    pub kind: EntityType,
    pub wikidata: Option<String>,
}

/// Evidence together with the document it was found in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourcedEvidence {
    pub document: String,
    pub evidence: Evidence,
}

/// A statement edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementEdge {
    pub relation: Relation,
    pub assertion: Assertion,
    pub evidence: Vec<SourcedEvidence>,
}

/// The graph of entities and statements.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<EntityNode, StatementEdge>,
    /// Node of each entity id (FxHash: ids are short and trusted).
    nodes: FxHashMap<String, NodeIndex>,
    /// The documents the graph was built from, in input order.
    pub documents: Vec<String>,
}

impl KnowledgeGraph {
    /// Builds the graph of several documents' extractions.
    pub fn build(extractions: &[Extraction], gazetteer: &Gazetteer) -> KnowledgeGraph {
        let mut entity_ids: Vec<usize> = extractions.iter().flat_map(|x| x.entities.iter().copied()).collect();
        entity_ids.sort_by(|&a, &b| gazetteer.entities[a].id.cmp(&gazetteer.entities[b].id));
        entity_ids.dedup();
        let mut kg = KnowledgeGraph { documents: extractions.iter().map(|x| x.document.clone()).collect(), ..Default::default() };
        for e in entity_ids {
            let e = &gazetteer.entities[e];
            let index = kg.graph.add_node(EntityNode {
                id: e.id.clone(),
                label_en: e.label_en.clone(),
                label_ar: e.label_ar.clone(),
                kind: e.kind,
                wikidata: e.wikidata.clone(),
            });
            kg.nodes.insert(e.id.clone(), index);
        }
        // Keyed by borrowed ids: the graph owns its own copies already.
        let mut edges: BTreeMap<(&str, Relation, &str, Assertion), Vec<SourcedEvidence>> = BTreeMap::new();
        for x in extractions {
            for t in &x.triples {
                let entry = edges.entry((&t.subject, t.relation, &t.object, t.assertion)).or_default();
                entry.extend(t.evidence.iter().map(|e| SourcedEvidence { document: x.document.clone(), evidence: e.clone() }));
            }
        }
        for ((s, relation, o, assertion), evidence) in edges {
            let (a, b) = (kg.nodes[s], kg.nodes[o]);
            kg.graph.add_edge(a, b, StatementEdge { relation, assertion, evidence });
        }
        kg
    }

    /// The node of an entity id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// All entity nodes, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = (NodeIndex, &EntityNode)> {
        self.graph.node_indices().map(move |n| (n, &self.graph[n]))
    }

    /// All statements as (subject, edge, object), in a stable order.
    pub fn statements(&self) -> impl Iterator<Item = (&EntityNode, &StatementEdge, &EntityNode)> {
        self.graph.edge_references().map(move |e| (&self.graph[e.source()], e.weight(), &self.graph[e.target()]))
    }

    /// Asserted statements with this relation, as (subject, object).
    pub fn asserted(&self, relation: Relation) -> Vec<(&EntityNode, &EntityNode)> {
        self.statements()
            .filter(|(_, e, _)| e.relation == relation && e.assertion == Assertion::Asserted)
            .map(|(s, _, o)| (s, o))
            .collect()
    }

    /// The asserted neighbours of an entity, grouped by relation; for
    /// directed relations the direction is kept (`true` = outgoing).
    pub fn neighbours(&self, id: &str) -> BTreeMap<(Relation, bool), Vec<&EntityNode>> {
        let mut out: BTreeMap<(Relation, bool), Vec<&EntityNode>> = BTreeMap::new();
        let Some(n) = self.node(id) else { return out };
        for (dir, outgoing) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
            for e in self.graph.edges_directed(n, dir) {
                if e.weight().assertion != Assertion::Asserted {
                    continue;
                }
                let other = if outgoing { e.target() } else { e.source() };
                let key = (e.weight().relation, outgoing || e.weight().relation.is_symmetric());
                out.entry(key).or_default().push(&self.graph[other]);
            }
        }
        for v in out.values_mut() {
            v.sort_by(|a, b| a.id.cmp(&b.id));
            v.dedup_by(|a, b| a.id == b.id);
        }
        out
    }

    /// The edge of a statement, if the graph has it.
    pub fn find(&self, subject: &str, relation: Relation, object: &str) -> Option<EdgeIndex> {
        let (s, o) = (self.node(subject)?, self.node(object)?);
        self.graph.edges_connecting(s, o).find(|e| e.weight().relation == relation).map(|e| e.id())
    }
}
