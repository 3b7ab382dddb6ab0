//! SPARQL over extracted graphs, in memory, with Oxigraph.
//!
//! [`GraphStore`] loads what sanad extracted into an in-memory Oxigraph
//! store, exactly as [`crate::export::rdf`] writes it (RDF 1.1 statement
//! nodes): the union of all documents in the default graph, each document
//! also in its own named graph (its document IRI, as in TriG output), and
//! the sanad vocabulary (`ontology/sanad.ttl`) in the default graph so that
//! queries can use relation labels. [`GraphStore::query`] runs SPARQL 1.1
//! and returns a [`QueryAnswer`], which writes itself as an aligned text
//! table or in the standard SPARQL results formats (CSV, TSV, JSON, XML).
//!
//! Ready-made queries ship in `ontology/queries/*.rq` and are bundled into
//! the binary ([`READY_QUERIES`]): who sanctions whom, the allies of a
//! country, everything said about a person, statements not asserted. They
//! are plain SPARQL and run unchanged in any store holding sanad's Turtle.
//!
//! This module does not extract (see [`crate::extract`]) and keeps nothing
//! on disk: the store lives as long as the [`GraphStore`].
//!
//! ```
//! use sanad::query::{GraphStore, ResultsFormat};
//! use sanad::{Document, Extractor, Ontology};
//!
//! let extractor = Extractor::new(Ontology::bundled().unwrap());
//! let doc = Document::new("note", "فرض الاتحاد الأوروبي حزمة جديدة من العقوبات على إيران.");
//! let store = GraphStore::from_extractions(&[extractor.extract(&doc)], extractor.gazetteer()).unwrap();
//! let answer = store.run_ready("who-sanctions-whom", &[]).unwrap();
//! assert_eq!(answer.text_rows(), [["European Union", "Iran", "الاتحاد الأوروبي", "إيران", "1"]]);
//! let table = answer.to_string(ResultsFormat::Table).unwrap();
//! assert!(table.starts_with("sanctioner      target  sanctioner_ar     target_ar  sentences\n"));
//! ```

use std::fmt;
use std::io;
use std::str::FromStr;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator, SparqlSyntaxError, Variable};
use oxigraph::store::{LoaderError, StorageError, Store};
use oxttl::TurtleSerializer;
use unicode_width::UnicodeWidthChar;

use crate::export::rdf::{self, RdfSerializer, ENTITY, PREFIXES};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::vocabulary::BUNDLED_TURTLE;

/// A query shipped with sanad (`ontology/queries/NAME.rq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadyQuery {
    pub name: &'static str,
    /// The SPARQL text, comments included.
    pub sparql: &'static str,
}

impl ReadyQuery {
    /// The first comment line of the query: what it answers.
    pub fn description(&self) -> &'static str {
        self.sparql.lines().next().and_then(|l| l.strip_prefix('#')).map_or("", str::trim)
    }
}

/// The bundled ready queries, by name.
pub const READY_QUERIES: &[ReadyQuery] = &[
    ReadyQuery { name: "who-sanctions-whom", sparql: include_str!("../ontology/queries/who-sanctions-whom.rq") },
    ReadyQuery { name: "allies-of", sparql: include_str!("../ontology/queries/allies-of.rq") },
    ReadyQuery { name: "about-person", sparql: include_str!("../ontology/queries/about-person.rq") },
    ReadyQuery { name: "not-asserted", sparql: include_str!("../ontology/queries/not-asserted.rq") },
];

/// A ready query by name.
pub fn ready_query(name: &str) -> Result<&'static ReadyQuery, QueryError> {
    READY_QUERIES.iter().find(|q| q.name == name).ok_or_else(|| QueryError::UnknownQuery {
        name: name.to_owned(),
        known: READY_QUERIES.iter().map(|q| q.name).collect::<Vec<_>>().join(", "),
    })
}

/// Why a query could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] SparqlSyntaxError),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    #[error("store error: {0}")]
    Storage(#[from] StorageError),
    #[error("cannot load RDF: {0}")]
    Load(#[from] LoaderError),
    #[error("unknown query {name:?}: the ready queries are {known}")]
    UnknownQuery { name: String, known: String },
    #[error("bad binding {binding:?}: {reason}")]
    Binding { binding: String, reason: String },
    #[error("a {0} query answers with a graph, which has no {1} results format; use the table format (Turtle)")]
    GraphAsResults(&'static str, ResultsFormat),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// A variable bound before the query runs: `--bind country=russia`.
///
/// The value is an entity id (`russia`), an entity's English or Arabic label
/// as in the graph (`Russia`, `روسيا`), a prefixed name (`ent:russia`,
/// `sanad:Country`), an IRI in angle brackets, or a quoted string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub variable: String,
    pub value: String,
}

impl FromStr for Binding {
    type Err = QueryError;

    fn from_str(s: &str) -> Result<Binding, QueryError> {
        let bad = |reason: &str| QueryError::Binding { binding: s.to_owned(), reason: reason.to_owned() };
        let (variable, value) = s.split_once('=').ok_or_else(|| bad("expected VARIABLE=VALUE"))?;
        let variable = variable.trim().trim_start_matches(['?', '$']);
        Variable::new(variable).map_err(|_| bad("not a SPARQL variable name"))?;
        if value.is_empty() {
            return Err(bad("the value is empty"));
        }
        Ok(Binding { variable: variable.to_owned(), value: value.to_owned() })
    }
}

/// How to write a [`QueryAnswer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsFormat {
    /// An aligned text table for people (graph answers: Turtle).
    #[default]
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
}

impl fmt::Display for ResultsFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Csv => "CSV",
            ResultsFormat::Tsv => "TSV",
            ResultsFormat::Json => "JSON",
            ResultsFormat::Xml => "XML",
        })
    }
}

/// The rows of a SELECT answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solutions {
    pub variables: Vec<Variable>,
    /// One value per variable, `None` where unbound.
    pub rows: Vec<Vec<Option<Term>>>,
}

/// The answer to a query, read to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryAnswer {
    /// SELECT.
    Solutions(Solutions),
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE.
    Graph(Vec<Triple>),
}

/// An in-memory SPARQL store holding extracted graphs and the sanad vocabulary.
pub struct GraphStore {
    store: Store,
}

impl GraphStore {
    /// A store holding only the sanad vocabulary.
    pub fn new() -> Result<GraphStore, QueryError> {
        let store = Store::new()?;
        store.load_from_slice(RdfParser::from_format(RdfFormat::Turtle), BUNDLED_TURTLE)?;
        Ok(GraphStore { store })
    }

    /// A store holding the documents' extractions: their union in the default
    /// graph and each document in its own named graph.
    pub fn from_extractions(extractions: &[Extraction], gazetteer: &Gazetteer) -> Result<GraphStore, QueryError> {
        let store = GraphStore::new()?;
        store.insert(&KnowledgeGraph::build(extractions, gazetteer), GraphNameRef::DefaultGraph)?;
        for x in extractions {
            let graph = KnowledgeGraph::build(std::slice::from_ref(x), gazetteer);
            store.insert(&graph, rdf::graph_name(&graph).as_ref())?;
        }
        Ok(store)
    }

    /// Adds a graph's triples (RDF 1.1 statement nodes) to one graph of the store.
    pub fn insert(&self, graph: &KnowledgeGraph, name: GraphNameRef<'_>) -> Result<(), QueryError> {
        let quads = RdfSerializer::new()
            .triples(graph)
            .into_iter()
            .map(|t| Quad::new(t.subject, t.predicate, t.object, name.into_owned()));
        self.store.extend(quads)?;
        Ok(())
    }

    /// The Oxigraph store, for anything this module does not offer.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs a SPARQL 1.1 query.
    pub fn query(&self, sparql: &str) -> Result<QueryAnswer, QueryError> {
        self.query_with(sparql, &[])
    }

    /// Runs a ready query by name, with bindings.
    pub fn run_ready(&self, name: &str, bindings: &[Binding]) -> Result<QueryAnswer, QueryError> {
        self.query_with(ready_query(name)?.sparql, bindings)
    }

    /// Runs a SPARQL 1.1 query with some variables bound beforehand.
    pub fn query_with(&self, sparql: &str, bindings: &[Binding]) -> Result<QueryAnswer, QueryError> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
        for b in bindings {
            // `Binding::from_str` checked the name; a hand-built one may not have.
            let variable = Variable::new(&b.variable).map_err(|e| QueryError::Binding {
                binding: format!("{}={}", b.variable, b.value),
                reason: e.to_string(),
            })?;
            prepared = prepared.substitute_variable(variable, self.resolve(b)?);
        }
        Ok(match prepared.on_store(&self.store).execute()? {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution?;
                    rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                QueryAnswer::Solutions(Solutions { variables, rows })
            }
            QueryResults::Boolean(b) => QueryAnswer::Boolean(b),
            QueryResults::Graph(triples) => QueryAnswer::Graph(triples.collect::<Result<Vec<_>, _>>()?),
        })
    }

    /// The term a binding's value stands for (see [`Binding`]).
    pub fn resolve(&self, binding: &Binding) -> Result<Term, QueryError> {
        let value = binding.value.trim();
        let bad = |reason: String| QueryError::Binding {
            binding: format!("{}={}", binding.variable, binding.value),
            reason,
        };
        if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
            return NamedNode::new(iri).map(Term::from).map_err(|e| bad(e.to_string()));
        }
        if let Some(text) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            return Ok(Literal::new_simple_literal(text).into());
        }
        if let Some((prefix, local)) = value.split_once(':') {
            if let Some((_, ns)) = PREFIXES.iter().find(|(p, _)| *p == prefix) {
                return NamedNode::new(format!("{ns}{local}")).map(Term::from).map_err(|e| bad(e.to_string()));
            }
        }
        let by_id = rdf::entity_iri(value);
        if self.store.quads_for_pattern(Some(by_id.as_ref().into()), None, None, None).next().is_some() {
            return Ok(by_id.into());
        }
        let label = oxigraph::model::vocab::rdfs::LABEL;
        let mut found: Vec<NamedNode> = Vec::new();
        for quad in self.store.quads_for_pattern(None, Some(label), None, Some(GraphNameRef::DefaultGraph)) {
            let quad = quad?;
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&quad.subject, &quad.object) {
                if l.value() == value && s.as_str().starts_with(ENTITY) && !found.contains(s) {
                    found.push(s.clone());
                }
            }
        }
        match found.as_slice() {
            [one] => Ok(one.clone().into()),
            [] => Err(bad(format!("no entity with id or label {value:?} in the extracted graph"))),
            many => Err(bad(format!(
                "{value:?} is the label of several entities: {}",
                many.iter().map(|n| short(n.as_ref())).collect::<Vec<_>>().join(", ")
            ))),
        }
    }
}

/// The columns a string takes in a terminal: wide characters count two,
/// combining marks (tashkeel) none. Characters are counted one by one, not
/// as ligatures (لا is two columns), as terminals that do not shape Arabic
/// draw them.
fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// An IRI shortened with sanad's prefixes (`ent:russia`), for people.
pub fn short(iri: NamedNodeRef<'_>) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.as_str().strip_prefix(ns) {
            if !local.is_empty() {
                return format!("{prefix}:{local}");
            }
        }
    }
    format!("<{}>", iri.as_str())
}

/// A term as a person reads it in a table: literals by their value,
/// IRIs shortened with sanad's prefixes.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => short(n.as_ref()),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => l.value().to_owned(),
        Term::Triple(t) => format!(
            "<<( {} {} {} )>>",
            display_term(&t.subject.clone().into()),
            short(t.predicate.as_ref()),
            display_term(&t.object)
        ),
    }
}

impl QueryAnswer {
    /// The rows as people read them (see [`display_term`]); an unbound value
    /// is the empty string. An ASK answer is one row, `true` or `false`; a
    /// graph is one row per triple.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        match self {
            QueryAnswer::Solutions(s) => s
                .rows
                .iter()
                .map(|row| row.iter().map(|t| t.as_ref().map(display_term).unwrap_or_default()).collect())
                .collect(),
            QueryAnswer::Boolean(b) => vec![vec![b.to_string()]],
            QueryAnswer::Graph(triples) => triples
                .iter()
                .map(|t| {
                    vec![display_term(&t.subject.clone().into()), short(t.predicate.as_ref()), display_term(&t.object)]
                })
                .collect(),
        }
    }

    /// Writes the answer in `format`.
    pub fn write<W: io::Write>(&self, mut w: W, format: ResultsFormat) -> Result<W, QueryError> {
        let sparql_format = match format {
            ResultsFormat::Table => return self.write_table(w).map_err(QueryError::from),
            ResultsFormat::Csv => QueryResultsFormat::Csv,
            ResultsFormat::Tsv => QueryResultsFormat::Tsv,
            ResultsFormat::Json => QueryResultsFormat::Json,
            ResultsFormat::Xml => QueryResultsFormat::Xml,
        };
        let serializer = QueryResultsSerializer::from_format(sparql_format);
        let mut bytes = match self {
            QueryAnswer::Boolean(b) => serializer.serialize_boolean_to_writer(Vec::new(), *b)?,
            QueryAnswer::Graph(_) => return Err(QueryError::GraphAsResults("CONSTRUCT or DESCRIBE", format)),
            QueryAnswer::Solutions(s) => {
                let mut writer = serializer.serialize_solutions_to_writer(Vec::new(), s.variables.clone())?;
                let variables: std::sync::Arc<[Variable]> = s.variables.clone().into();
                for row in &s.rows {
                    writer.serialize(&QuerySolution::from((variables.clone(), row.clone())))?;
                }
                writer.finish()?
            }
        };
        // The serializers stop after the last row; a final line break keeps
        // shells and line-based tools happy (CSV lines end in CRLF).
        if !bytes.ends_with(b"\n") {
            bytes.extend_from_slice(if format == ResultsFormat::Csv { b"\r\n" } else { b"\n" });
        }
        w.write_all(&bytes)?;
        Ok(w)
    }

    /// The answer written in `format`, as a string.
    pub fn to_string(&self, format: ResultsFormat) -> Result<String, QueryError> {
        let bytes = self.write(Vec::new(), format)?;
        // Every results serializer writes UTF-8.
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// An aligned table: a header of variable names, a rule, one line per
    /// row, and a count. Columns are padded by display width, so Arabic and
    /// wide characters line up in a terminal; the last column is not padded.
    /// A graph answer is written as Turtle with sanad's prefixes.
    fn write_table<W: io::Write>(&self, mut w: W) -> io::Result<W> {
        let (header, rows): (Vec<String>, Vec<Vec<String>>) = match self {
            QueryAnswer::Solutions(s) => (s.variables.iter().map(|v| v.as_str().to_owned()).collect(), self.text_rows()),
            QueryAnswer::Boolean(b) => {
                writeln!(w, "{b}")?;
                return Ok(w);
            }
            QueryAnswer::Graph(triples) => {
                let mut serializer = TurtleSerializer::new();
                for (prefix, iri) in PREFIXES {
                    serializer =
                        serializer.with_prefix(*prefix, *iri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
                }
                let mut writer = serializer.for_writer(w);
                for t in triples {
                    writer.serialize_triple(t)?;
                }
                return writer.finish();
            }
        };
        let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        let line = |w: &mut W, cells: &[String]| -> io::Result<()> {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&" ".repeat(widths[i] - width(cell)));
                }
            }
            writeln!(w, "{}", out.trim_end())
        };
        line(&mut w, &header)?;
        let rule: Vec<String> = widths.iter().map(|n| "-".repeat((*n).max(1))).collect();
        line(&mut w, &rule)?;
        for row in &rows {
            line(&mut w, row)?;
        }
        writeln!(w, "({} {})", rows.len(), if rows.len() == 1 { "row" } else { "rows" })?;
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_parse_and_reject_nonsense() {
        let b: Binding = "?country=russia".parse().unwrap();
        assert_eq!(b, Binding { variable: "country".into(), value: "russia".into() });
        assert!("country".parse::<Binding>().is_err());
        assert!("coun try=x".parse::<Binding>().is_err());
        assert!("country=".parse::<Binding>().is_err());
    }

    #[test]
    fn every_ready_query_parses_and_has_a_description() {
        for q in READY_QUERIES {
            assert!(!q.description().is_empty(), "{} has no description line", q.name);
            let _prepared = SparqlEvaluator::new().parse_query(q.sparql).unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
        assert!(matches!(ready_query("nope"), Err(QueryError::UnknownQuery { .. })));
    }

    #[test]
    fn every_query_file_is_bundled() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".rq").map(str::to_owned))
            .collect();
        files.sort();
        let mut bundled: Vec<String> = READY_QUERIES.iter().map(|q| q.name.to_owned()).collect();
        bundled.sort();
        assert_eq!(files, bundled);
    }

    #[test]
    fn tables_align_arabic_by_display_width() {
        let answer = QueryAnswer::Solutions(Solutions {
            variables: vec![Variable::new_unchecked("ar"), Variable::new_unchecked("n")],
            rows: vec![
                vec![Some(Literal::new_language_tagged_literal_unchecked("روسيا", "ar").into()), Some(Literal::from(1).into())],
                vec![Some(Literal::new_simple_literal("الولايات المتحدة").into()), None],
            ],
        });
        assert_eq!(
            answer.to_string(ResultsFormat::Table).unwrap(),
            "ar                n\n----------------  -\nروسيا             1\nالولايات المتحدة\n(2 rows)\n"
        );
    }
}
