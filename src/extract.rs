//! The pipeline: from a document to its triples.
//!
//! [`Extractor`] holds the compiled ontology and runs the stages in order for
//! each sentence: normalise ([`crate::normalize`]), split
//! ([`crate::sentence`]), tokenise ([`crate::token`]), find mentions
//! ([`crate::mention`]), resolve references ([`crate::reference`]), match
//! rules ([`crate::matcher`]), and turn matches into [`Triple`]s, deciding for
//! each whether the sentence asserts, negates or hedges it and what time it
//! names. It keeps every intermediate result in a [`SentenceAnalysis`] so that
//! `sanad explain` can show why a triple was, or was not, produced.
//!
//! Building the graph from the triples is [`crate::graph`]'s job.

use std::collections::BTreeMap;

use crate::gazetteer::{EntityId, Gazetteer};
use crate::matcher::{match_rules, RuleMatch, SentenceView};
use crate::mention::{find_mentions_with, Mention, MentionKind, StemMemo};
use crate::normalize::NormalizedText;
use crate::ontology::Ontology;
use crate::reference::{match_class, resolve, Apposition, Context, ReferenceWords};
use crate::gazetteer::EntityType as EntityKind;
use crate::class_index::{ClassEntries, ClassStarts};
use crate::rules::Arg;
use crate::sentence::{split, Sentence};
use crate::text::{CharOffsets, Document};
use crate::token::{tokenize_with, Token, TokenKind, WordMemo};
use crate::triple::{Assertion, Evidence, Relation, Triple};

/// The rule id given to leaderOf triples read off a title (`الرئيس الروسي فلاديمير بوتين`).
pub const APPOSITION_RULE: &str = "reference.title-apposition";

/// A statement found in one sentence, before merging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub subject: EntityId,
    pub relation: Relation,
    pub object: EntityId,
    pub assertion: Assertion,
    pub rule: String,
    /// The cue word that made it not asserted, as written.
    pub cue: Option<String>,
    pub time: Option<String>,
}

/// Why a candidate was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub rule: String,
    pub reason: String,
}

/// Everything sanad worked out about one sentence.
#[derive(Debug, Clone)]
pub struct SentenceAnalysis {
    pub sentence: Sentence,
    /// Original code-point range of the sentence.
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub appositions: Vec<Apposition>,
    pub matches: Vec<RuleMatch>,
    pub candidates: Vec<Candidate>,
    pub dropped: Vec<Dropped>,
}

/// The triples of one document, merged, with the entities they name.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub document: String,
    /// Gazetteer ids of the entities the triples name, sorted.
    pub entities: Vec<EntityId>,
    /// Sorted by subject, relation, object, assertion.
    pub triples: Vec<Triple>,
    pub sentences: usize,
}

/// Cue words for assertion and time, looked up once.
#[derive(Debug, Default)]
struct Cues {
    negation: ClassEntries,
    denial: ClassEntries,
    allegation: ClassEntries,
    not_negation: ClassEntries,
    hedge: ClassEntries,
    time: ClassEntries,
    year_words: ClassEntries,
    reversal: ClassEntries,
    /// `@preposition`: a mention after one is no subject.
    prepositions: ClassEntries,
    abbreviations: Vec<String>,
}

/// What an extraction thread has worked out about single words, kept from
/// one document to the next: the splits of words into tokens
/// ([`WordMemo`]) and what the mention finder asks about stems
/// ([`StemMemo`]). Each is bounded and holds nothing above a word, so an
/// extraction is the same with a fresh memo or a used one. Made by
/// [`Extractor::memo`].
#[derive(Debug)]
pub struct Memo<'x> {
    words: WordMemo<'x>,
    stems: StemMemo<'x>,
}

/// Runs the pipeline with one compiled ontology.
pub struct Extractor {
    pub ontology: Ontology,
    words: ReferenceWords,
    cues: Cues,
}

/// The original text of one sentence, for quoting cue words and times.
#[derive(Debug, Clone, Copy)]
struct SentenceText<'t> {
    text: &'t str,
    /// Code-point offset of the sentence in its document.
    start: usize,
}

impl SentenceText<'_> {
    /// The text between two code-point offsets of the document, both within
    /// the sentence.
    fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start - self.start).take(end - start).collect()
    }
}

/// How far before a match a negation or hedge cue still applies, in tokens.
const CUE_WINDOW: usize = 6;

impl Extractor {
    pub fn new(ontology: Ontology) -> Extractor {
        let words = ReferenceWords::from_rules(&ontology.rules);
        let get = |name: &str| ontology.rules.indexed_class_named(name);
        let cues = Cues {
            negation: get("modality.negation"),
            denial: get("modality.denial"),
            allegation: get("modality.allegation"),
            not_negation: get("modality.not-negation"),
            hedge: get("modality.hedge"),
            time: get("time.expression"),
            year_words: get("time.year-word"),
            reversal: get("reversal"),
            prepositions: get("preposition"),
            abbreviations: get("abbreviation").iter().filter_map(|e| e.first().map(|l| l.stem.clone())).collect(),
        };
        Extractor { ontology, words, cues }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.ontology.gazetteer
    }

    /// Extracts the merged triples of a document.
    pub fn extract(&self, document: &Document) -> Extraction {
        self.extract_with(document, &mut self.memo())
    }

    /// Empty memos of word analyses for [`Extractor::extract_with`].
    pub fn memo(&self) -> Memo<'_> {
        Memo { words: WordMemo::new(&self.ontology.lexicon), stems: StemMemo::new(&self.ontology.gazetteer, &self.ontology.lexicon) }
    }

    /// [`Extractor::extract`], reusing what `memo` has worked out about
    /// words seen in earlier documents: the extraction is the same, it is
    /// only found faster. A corpus run keeps one memo per worker thread. A
    /// memo made by another extractor is emptied first.
    pub fn extract_with<'x>(&'x self, document: &Document, memo: &mut Memo<'x>) -> Extraction {
        if !std::ptr::eq(memo.words.lexicon(), &self.ontology.lexicon) || !std::ptr::eq(memo.stems.gazetteer(), &self.ontology.gazetteer) {
            *memo = self.memo();
        }
        // Merging needs only the candidates: drop each sentence's tokens as
        // soon as it is read, so memory does not grow with every token of a
        // long document.
        let analyses: Vec<SentenceAnalysis> = self
            .analyses(document, memo)
            .map(|a| SentenceAnalysis { tokens: Vec::new(), mentions: Vec::new(), appositions: Vec::new(), matches: Vec::new(), ..a })
            .collect();
        self.merge(document, &analyses)
    }

    /// Runs every stage on every sentence and keeps the intermediate results.
    pub fn analyse(&self, document: &Document) -> Vec<SentenceAnalysis> {
        self.analyses(document, &mut self.memo()).collect()
    }

    fn analyses<'a, 'd, 'm>(&'a self, document: &'d Document, memo: &'m mut Memo<'a>) -> impl Iterator<Item = SentenceAnalysis> + use<'a, 'd, 'm> {
        let normalized = NormalizedText::new(&document.text);
        let sentences = split(&normalized, &self.cues.abbreviations);
        // Sentences come in order: their original text is found by stepping
        // on through the document once, not by decoding it into a `Vec<char>`.
        let mut offsets = CharOffsets::new(&document.text);
        let mut context = Context::default();
        sentences.into_iter().map(move |s| {
            let (start, end) = normalized.original_range(s.start, s.end);
            let (from, to) = (offsets.byte_offset(start), offsets.byte_offset(end));
            let original = SentenceText { text: &document.text[from..to], start };
            self.analyse_sentence(s, &normalized, original, &mut context, memo)
        })
    }

    fn analyse_sentence(
        &self,
        sentence: Sentence,
        normalized: &NormalizedText,
        original: SentenceText,
        context: &mut Context,
        memo: &mut Memo,
    ) -> SentenceAnalysis {
        let gazetteer = &self.ontology.gazetteer;
        let tokens = tokenize_with(&normalized.chars, sentence.start, sentence.end, &mut memo.words);
        let found = find_mentions_with(&tokens, &mut memo.stems);
        let starts = ClassStarts::new(self.ontology.rules.first_words(), &tokens);
        let (mentions, appositions) = resolve(&tokens, found, context, gazetteer, &self.words, &starts);
        let view = SentenceView::new(&tokens, &mentions, &starts);
        let matches = match_rules(&self.ontology.rules, &view, gazetteer);
        let (start, end) = normalized.original_range(sentence.start, sentence.end);
        let mut analysis = SentenceAnalysis {
            sentence,
            start,
            end,
            tokens,
            mentions,
            appositions,
            matches,
            candidates: Vec::new(),
            dropped: Vec::new(),
        };
        self.candidates(&mut analysis, &starts, normalized, original);
        analysis
    }

    /// Turns rule matches and appositions into candidate statements.
    fn candidates(&self, a: &mut SentenceAnalysis, starts: &ClassStarts, normalized: &NormalizedText, original: SentenceText) {
        let gazetteer = &self.ontology.gazetteer;
        let text_of = |tokens: &[Token], from: usize, to: usize| -> String {
            let (s, e) = normalized.original_range(tokens[from].start, tokens[to - 1].end);
            original.slice(s, e)
        };
        // Times are only read for rule matches: skip the scan when there are none.
        let times = if a.matches.is_empty() { Vec::new() } else { self.time_expressions(&a.tokens, starts) };
        let time_near = |start: usize| -> Option<String> {
            times
                .iter()
                .min_by_key(|(s, e)| if *e <= start { start - e } else { s.saturating_sub(start) })
                .map(|&(s, e)| text_of(&a.tokens, s, e))
        };
        let mut candidates = Vec::new();
        let mut dropped = Vec::new();
        for ap in &a.appositions {
            candidates.push(Candidate {
                subject: ap.person,
                relation: Relation::LeaderOf,
                object: ap.led,
                assertion: Assertion::Asserted,
                rule: APPOSITION_RULE.to_string(),
                cue: None,
                time: None,
            });
        }
        for m in &a.matches {
            let rule = &self.ontology.rules.rules[m.rule];
            let (assertion, cue) = self.assertion(&a.tokens, starts, m.start, m.end, &text_of);
            let time = time_near(m.start);
            let entities_of = |arg: Arg, keep_city: bool| -> Vec<EntityId> {
                let (slot, state) = match arg {
                    Arg::Topic => return self.topic(a, starts, m.start).into_iter().collect(),
                    Arg::Subject => return self.subject(a, starts, m.start).into_iter().map(|e| gazetteer.state_of(e)).collect(),
                    Arg::Slot { index, state } => (index, state),
                };
                let mut out: Vec<EntityId> = Vec::new();
                for &mi in &m.slots[slot] {
                    let mention = &a.mentions[mi];
                    for &e in &mention.entities {
                        let e = if state {
                            match gazetteer.entities[e].kind {
                                EntityKind::Person => match mention.modifier.or(gazetteer.entities[e].leader_of) {
                                    Some(led) => led,
                                    None => continue,
                                },
                                _ => gazetteer.state_of(e),
                            }
                        } else if keep_city {
                            e
                        } else {
                            gazetteer.state_of(e)
                        };
                        if !out.contains(&e) {
                            out.push(e);
                        }
                    }
                }
                out
            };
            // "… والعكس صحيح": the statement holds the other way round too.
            let reversed = (m.end..(m.end + 4).min(a.tokens.len())).any(|i| match_class(&self.cues.reversal, starts, &a.tokens, i).is_some());
            for y in &rule.yields {
                let keep_city = y.relation == Relation::Visited;
                let pairs: Vec<(EntityId, EntityId)> = match y.object {
                    Some(o) => {
                        let subjects = entities_of(y.subject, false);
                        let objects = entities_of(o, keep_city);
                        subjects.iter().flat_map(|&s| objects.iter().map(move |&o| (s, o))).collect()
                    }
                    None => {
                        // Every pair within one slot (بين X و Y); a directed
                        // relation holds both ways (التنافس بين واشنطن وبكين).
                        let all = entities_of(y.subject, false);
                        let mut pairs = Vec::new();
                        for (k, &s) in all.iter().enumerate() {
                            for &o in &all[k + 1..] {
                                pairs.push((s, o));
                                if !y.relation.is_symmetric() {
                                    pairs.push((o, s));
                                }
                            }
                        }
                        pairs
                    }
                };
                // A statement whose two sides share an entity is a misreading
                // (`روسيا وكوريا … عزلهما`: "isolating the two" does not make
                // Korea isolate Russia): drop the whole match.
                if let Some(o) = y.object {
                    let subjects = entities_of(y.subject, false);
                    let shared = entities_of(o, false).into_iter().find(|e| subjects.contains(e));
                    if let Some(e) = shared {
                        dropped.push(Dropped {
                            rule: rule.id.clone(),
                            reason: format!("{} is on both sides of {}: the match is a misreading", gazetteer.entities[e].label_en, y.relation),
                        });
                        continue;
                    }
                }
                let mut pairs = pairs;
                if reversed && !y.relation.is_symmetric() {
                    let inverse: Vec<(EntityId, EntityId)> = pairs.iter().map(|&(s, o)| (o, s)).collect();
                    pairs.extend(inverse);
                }
                for (s, o) in pairs {
                    // A leader is not related to the state they lead by any
                    // relation but leadership: such a match took the host for
                    // the guest (a leader "visiting" their own state), or read
                    // the agent of a verbal noun as its object («أكد السيسي دعم
                    // مصر لـ…», Egypt's support, is not Sisi supporting Egypt).
                    let leads = |p: EntityId, x: EntityId| gazetteer.entities[p].leader_of == Some(gazetteer.state_of(x));
                    if y.relation != Relation::LeaderOf && (leads(s, o) || leads(o, s)) {
                        let (leader, state) = if leads(s, o) { (s, o) } else { (o, s) };
                        dropped.push(Dropped {
                            rule: rule.id.clone(),
                            reason: format!(
                                "{} leads {}: {} between a leader and their own state is a misreading",
                                gazetteer.entities[leader].label_en,
                                gazetteer.entities[gazetteer.state_of(state)].label_en,
                                y.relation
                            ),
                        });
                        continue;
                    }
                    if gazetteer.state_of(s) == gazetteer.state_of(o) {
                        dropped.push(Dropped {
                            rule: rule.id.clone(),
                            reason: format!(
                                "{} {} {}: an entity cannot be related to itself",
                                gazetteer.entities[s].label_en,
                                y.relation,
                                gazetteer.entities[o].label_en
                            ),
                        });
                        continue;
                    }
                    candidates.push(Candidate {
                        subject: s,
                        relation: y.relation,
                        object: o,
                        assertion,
                        rule: rule.id.clone(),
                        cue: cue.clone(),
                        time: time.clone(),
                    });
                }
            }
        }
        a.candidates = candidates;
        a.dropped = dropped;
    }

    /// The implicit subject of a match starting at token `start`: the nearest
    /// person named before it in the sentence who is not the object of a
    /// preposition. Only this sentence: across a sentence boundary a verb
    /// without a named subject is as often followed by one as not.
    fn topic(&self, a: &SentenceAnalysis, starts: &ClassStarts, start: usize) -> Option<EntityId> {
        let gazetteer = &self.ontology.gazetteer;
        let prepositions = &self.cues.prepositions;
        let person = |oblique_too: bool| {
            a.mentions
                .iter()
                .rev()
                .filter(|m| m.end <= start)
                .filter(|m| oblique_too || m.start == 0 || match_class(prepositions, starts, &a.tokens, m.start - 1) != Some(1))
                // An official the gazetteer does not name is a person too.
                .flat_map(|m| m.entities.iter().map(move |&e| (e, m.official)))
                .find(|&(e, official)| official || gazetteer.entities[e].kind == EntityKind::Person)
                .map(|(e, _)| e)
        };
        // A person after a preposition only when no other is named: in
        // الحضور الشخصي للرئيس الأوكراني … إذ حط the visitor is that one.
        person(false).or_else(|| person(true))
    }

    /// The clause subject before `start`: the nearest entity named before it
    /// in the sentence that is not a prepositional object or a pronoun
    /// suffix, which are possessives and objects (see [`Arg::Subject`]).
    fn subject(&self, a: &SentenceAnalysis, starts: &ClassStarts, start: usize) -> Option<EntityId> {
        let prepositions = &self.cues.prepositions;
        a.mentions
            .iter()
            .rev()
            .filter(|m| m.end <= start && m.entities.len() == 1 && m.kind != MentionKind::Pronoun)
            .find(|m| m.start == 0 || match_class(prepositions, starts, &a.tokens, m.start - 1) != Some(1))
            .map(|m| m.entities[0])
    }

    /// Whether a negation or hedge cue governs the match at tokens `start..end`:
    /// a cue inside the match, or shortly before it in the same clause.
    fn assertion(
        &self,
        tokens: &[Token],
        starts: &ClassStarts,
        start: usize,
        end: usize,
        text_of: &impl Fn(&[Token], usize, usize) -> String,
    ) -> (Assertion, Option<String>) {
        let mut from = start;
        while from > 0 && start - from < CUE_WINDOW {
            let t = &tokens[from - 1];
            if t.kind == TokenKind::Punct && matches!(&*t.form, "،" | "," | ":" | "-") {
                break;
            }
            from -= 1;
        }
        // A denial earlier in the sentence governs its complement: up to the
        // comma that ends the clause introduced by أن after it (نفت الوزارة،
        // ردا على تقارير، أن تكون القاهرة قد وقعت …،), or, with no أن, up to
        // the first comma.
        // Allegations and plans (تتهم، من المقرر) do the same, hedging.
        for i in 0..start {
            for (cues, kind) in [(&self.cues.denial, Assertion::Negated), (&self.cues.allegation, Assertion::Hypothetical)] {
                if let Some(len) = match_class(cues, starts, tokens, i) {
                    let is_comma = |t: &Token| t.kind == TokenKind::Punct && matches!(&*t.form, "،" | ",");
                    let from = tokens[i + len..].iter().position(|t| t.stem() == "ان").map_or(i + len, |p| i + len + p);
                    let scope_end = tokens[from..].iter().position(is_comma).map_or(tokens.len(), |p| from + p);
                    if start < scope_end {
                        return (kind, Some(text_of(tokens, i, i + len)));
                    }
                }
            }
        }
        for i in from..end {
            if let Some(len) = match_class(&self.cues.denial, starts, tokens, i) {
                return (Assertion::Negated, Some(text_of(tokens, i, i + len)));
            }
            if match_class(&self.cues.not_negation, starts, tokens, i).is_some() {
                continue;
            }
            if let Some(len) = match_class(&self.cues.negation, starts, tokens, i) {
                return (Assertion::Negated, Some(text_of(tokens, i, i + len)));
            }
            if let Some(len) = match_class(&self.cues.hedge, starts, tokens, i) {
                return (Assertion::Hypothetical, Some(text_of(tokens, i, i + len)));
            }
        }
        (Assertion::Asserted, None)
    }

    /// Token ranges of time expressions: a listed phrase, or a year (1900 to
    /// 2100) with the words before it that introduce it (`في العام 2000`).
    fn time_expressions(&self, tokens: &[Token], starts: &ClassStarts) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(len) = match_class(&self.cues.time, starts, tokens, i) {
                out.push((i, i + len));
                i += len;
                continue;
            }
            let t = &tokens[i];
            if t.kind == TokenKind::Number && t.form.len() == 4 && t.form.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
                let mut s = i;
                while s > 0 && match_class(&self.cues.year_words, starts, tokens, s - 1).is_some() {
                    s -= 1;
                }
                out.push((s, i + 1));
            }
            i += 1;
        }
        out
    }

    /// Merges the candidates of all sentences into triples with evidence.
    ///
    /// Statements are keyed by the gazetteer's ids, borrowed (so triples come
    /// out sorted by subject, relation, object and assertion) and owned only
    /// once per triple; a sentence's text is cut from the document by byte
    /// offsets found in one pass ([`crate::text::CharOffsets`]), once per sentence.
    pub fn merge(&self, document: &Document, analyses: &[SentenceAnalysis]) -> Extraction {
        let gazetteer = &self.ontology.gazetteer;
        let id = |e: EntityId| gazetteer.entities[e].id.as_str();
        /// Subject, relation, object and assertion, by entity id.
        type Statement<'a> = (&'a str, Relation, &'a str, Assertion);
        let mut merged: BTreeMap<Statement, (EntityId, EntityId, Vec<Evidence>)> = BTreeMap::new();
        let mut sentence_texts: BTreeMap<usize, String> = BTreeMap::new();
        let mut original = crate::text::CharOffsets::new(&document.text);
        for a in analyses {
            for c in &a.candidates {
                let (mut s, mut o) = (c.subject, c.object);
                if c.relation.is_symmetric() && id(o) < id(s) {
                    std::mem::swap(&mut s, &mut o);
                }
                let (_, _, evidence) = merged.entry((id(s), c.relation, id(o), c.assertion)).or_insert_with(|| (s, o, Vec::new()));
                // The same rule giving the same statement again in this
                // sentence adds no evidence (the dedup below would drop it):
                // skip it now, so that a sentence with many matches does
                // not hold a copy of its text for each.
                if evidence.iter().rev().take_while(|e| e.start == a.start).any(|e| e.rule == c.rule && e.time <= c.time) {
                    continue;
                }
                let text = sentence_texts.entry(a.start).or_insert_with(|| original.slice(a.start, a.end).to_string()).clone();
                evidence.push(Evidence { start: a.start, end: a.end, text, rule: c.rule.clone(), time: c.time.clone() });
            }
        }
        let mut entities: Vec<EntityId> = Vec::new();
        let triples: Vec<Triple> = merged
            .into_iter()
            .map(|((subject, relation, object, assertion), (s, o, mut evidence))| {
                evidence.sort();
                evidence.dedup_by(|a, b| a.start == b.start && a.rule == b.rule);
                entities.extend([s, o]);
                Triple { subject: subject.to_string(), relation, object: object.to_string(), assertion, evidence }
            })
            .collect();
        entities.sort_by(|&a, &b| gazetteer.entities[a].id.cmp(&gazetteer.entities[b].id));
        entities.dedup();
        Extraction { document: document.id.clone(), entities, triples, sentences: analyses.len() }
    }
}
