//! The rule language: word classes and extraction rules, parsed from
//! `ontology/rules/*.rules`.
//!
//! A rules file is a list of declarations, one per line, blocks indented:
//!
//! ```text
//! # A word class: words separated by spaces; `_` joins a multi-word entry,
//! # a trailing `*` matches any word starting so.
//! class @visit = زيارة زيارات جولة
//!
//! rule visited.noun
//!   pattern @visit {agent:Person|Country} ~3 (إلى | ل) {place:Place/city}
//!   yields  visited(agent, place)
//!   example بدأت زيارة المستشار الألماني أولاف شولتس إلى الهند أمس.
//!   expect  Olaf Scholz | visited | India
//! ```
//!
//! Pattern elements, matched against the tokens of one sentence (clitics split,
//! see [`crate::token`]) in which every mention of an entity is one unit:
//! - `word`: a token with this stem (normalised, article ignored); `word*`: a
//!   token whose stem starts so; `*word`: one whose stem ends so. Clitics are words: `ل` matches the `ل` of `لموسكو`.
//! - `@class`: any entry of a word class.
//! - `{name:Type|Type/flag}`: a mention whose entity has one of the types
//!   (`Person Country City Organization Region`, or `Actor` for any, `Place`
//!   for Country, City and Region). A slot takes a coordinated list (`X و Y
//!   و Z`, `كل من X و Y`) unless flagged `/one`; `/nisba` takes only nisba
//!   adjectives, `/name` anything but; `/city` keeps a capital as the city
//!   instead of the state it stands for; `/subj` refuses a mention right after
//!   a preposition (`@preposition`) or a transitive verbal noun
//!   (`@object.host`: دعم الأخيرة), which is rarely an agent; `/explicit`
//!   refuses pronoun suffixes.
//! - `[ … ]` optional, `( a | b c )` alternatives, `.` any one unit, `~N` a gap
//!   of at most N units containing no mention (pronoun suffixes excepted),
//!   `~~N` a gap that may.
//!
//! `yields rel(subject, object)` names the relation (one of the core
//! relations) and which slots fill it; `yields rel(slot)` relates every pair of
//! entities within one slot (for symmetric relations: `بين البلدين`).
//! `slot.state` takes the states the slot's entities stand for (a host's
//! country), and `topic` the implicit subject: the nearest person named
//! before the match in the sentence who is not a prepositional object, or
//! failing that the nearest who is; `subject` the nearest actor of any type
//! named before the match who is not a prepositional object. `unless rule-id`
//! drops this rule's match where that rule matched from the same token. Each
//! `example` is followed by the `expect` lines it must give: `S | rel | O`,
//! optionally prefixed `negated` or `hypothetical`, or `nothing`.
//!
//! This module parses and checks; matching is [`crate::matcher`]'s job.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::class_index::{ClassEntries, ClassSet, FirstWords};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::normalize::normalize_str;
use crate::ontology::{OntologyError, SourceFile};
use crate::token::{strip_article, Lexicon};
use crate::triple::{Assertion, Relation};

/// A literal word in a pattern or class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// Normalised stem (article removed).
    pub stem: String,
    /// Match any stem starting with `stem` (written `word*`).
    pub prefix: bool,
    /// Match any stem ending with `stem` (written `*word`).
    pub suffix: bool,
    /// The word was written with a final `ة`, which `stem` folds to `ه`.
    /// The lexicon keeps the difference (see [`Lexicon::insert`]).
    ta_marbuta: bool,
}

impl Literal {
    fn parse(word: &str) -> Literal {
        let (prefix, word) = match word.strip_suffix('*') {
            Some(w) => (true, w),
            None => (false, word),
        };
        let (suffix, word) = match word.strip_prefix('*') {
            Some(w) => (true, w),
            None => (false, word),
        };
        let written = normalize_str(word);
        let ta_marbuta = written.ends_with('ة');
        let normalized = crate::normalize::fold_ta_marbuta(&written);
        let stem = if suffix { normalized } else { strip_article(&normalized).1.to_string() };
        Literal { stem, prefix, suffix, ta_marbuta }
    }

    /// The stem as written, with its final `ة`, for the lexicon.
    fn written_stem(&self) -> std::borrow::Cow<'_, str> {
        match self.stem.strip_suffix('ه') {
            Some(body) if self.ta_marbuta => format!("{body}ة").into(),
            _ => self.stem.as_str().into(),
        }
    }

    #[inline]
    pub fn matches(&self, stem: &str) -> bool {
        match (self.prefix, self.suffix) {
            (true, true) => stem.contains(&self.stem),
            (true, false) => stem.starts_with(&self.stem),
            (false, true) => stem.ends_with(&self.stem),
            (false, false) => {
                // Arabic letters share their first UTF-8 byte, so the last
                // byte rejects most different words of equal length before memcmp.
                let (a, b) = (stem.as_bytes(), self.stem.as_bytes());
                a.len() == b.len() && a.last() == b.last() && a == b
            }
        }
    }
}

/// Options of an entity slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SlotFlags {
    pub one: bool,
    /// The mention must not be the object of a preposition (`لكوريا`).
    pub subject: bool,
    /// The mention must not be a pronoun suffix.
    pub explicit: bool,
    pub nisba: bool,
    pub name: bool,
    pub city: bool,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Word(Literal),
    Class(usize),
    Slot { slot: usize, types: Vec<EntityType>, flags: SlotFlags },
    Optional(Vec<Item>),
    Alternatives(Vec<Vec<Item>>),
    Gap { max: usize, cross_mentions: bool },
    Any,
}

/// What a rule yields: a relation between the entities of two slots, or
/// between every pair within one slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Yield {
    pub relation: Relation,
    pub subject: Arg,
    pub object: Option<Arg>,
}

/// An argument of a yielded relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// The entities of a slot; with `state`, the states they stand for
    /// (`host.state`: the state a host leads, a capital's country).
    Slot { index: usize, state: bool },
    /// `topic`: the nearest person named before the match who is not a
    /// prepositional object, in this sentence or before it; the implicit
    /// subject of a verb without one (`… والتقى الرئيس بوتين`).
    Topic,
    /// `subject`: the nearest actor (person, state, organisation) named
    /// before the match in the sentence who is not a prepositional object:
    /// the subject of the clause a phrase hangs on (`… استهدفت مواقع، بدعم
    /// من أستراليا`, support given to that subject).
    Subject,
}

/// A triple a rule example must give, by English labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedTriple {
    pub subject: String,
    pub relation: Relation,
    pub object: String,
    pub assertion: Assertion,
    /// Line of the `expect` line, and columns of the subject and object.
    pub line: usize,
    pub columns: (usize, usize),
}

/// An example sentence and what the rule must extract from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub sentence: String,
    pub expected: Vec<ExpectedTriple>,
    pub line: usize,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    /// Rules whose match from the same token replaces this rule's.
    pub unless: Vec<String>,
    pub pattern: Vec<Item>,
    pub slots: Vec<String>,
    pub yields: Vec<Yield>,
    pub examples: Vec<Example>,
    pub file: String,
    pub line: usize,
}

/// A word class: its entries, each a sequence of literals.
#[derive(Debug, Clone)]
pub struct WordClass {
    pub name: String,
    pub entries: Vec<Vec<Literal>>,
}

/// All classes and rules.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub classes: Vec<WordClass>,
    class_index: HashMap<String, usize>,
    pub rules: Vec<Rule>,
    prefilter: Prefilter,
    /// The entries of each class, indexed by first word (see [`ClassEntries`]).
    indexed_classes: Vec<ClassEntries>,
    /// The first words of every class, for [`crate::class_index::ClassStarts`].
    first_words: FirstWords,
    /// Per rule: what the unit a match starts at must be.
    start_sets: Vec<Option<StartSet>>,
    /// For each set of [`FirstWords::sets`], the rules that may start at a
    /// token with that set; then those that may start at a mention.
    starters: Vec<Vec<usize>>,
    mention_starters: Vec<usize>,
    /// Per rule: the prefilter's anchor groups as sets of class starts.
    anchor_sets: Vec<Vec<ClassSet>>,
}

/// What a sentence must hold for each rule to have a chance, worked out once
/// from the patterns: a number of mentions (one per slot the pattern cannot
/// skip), and for each anchored item the pattern cannot skip (a word, a
/// class, or alternatives that each have one), a token where one of its
/// words or classes starts. It over-approximates: a rule it lets through may
/// still not match, but a rule it rules out cannot match.
///
/// Anchors are bits of the sentence's [`crate::class_index::ClassStarts`]:
/// a class is its own number, an exact anchor word gets a number after the
/// classes, so the one lookup per token that finds which classes start
/// there also finds the anchors.
#[derive(Debug, Default)]
struct Prefilter {
    /// Per rule: the fewest mentions a match takes.
    min_mentions: Vec<usize>,
    /// Per rule: the anchor groups that must all be present, each a list of
    /// bits one of which must be set somewhere in the sentence.
    groups: Vec<Vec<Vec<usize>>>,
    /// Exact anchor words; word `k` is bit `classes + k`.
    words: Vec<String>,
    /// Per rule: what the unit a match starts at must be, as a mention flag
    /// and bits of the class starts; None when it can be anything.
    first_units: Vec<Option<(bool, Vec<usize>)>>,
}

/// What the unit where a match of a rule starts must be: a mention (when
/// `mention`), or a token where one of the classes or words of `set` (bits
/// of [`crate::class_index::ClassStarts`]) starts. Made from a [`FirstUnit`].
#[derive(Debug, Clone, Default)]
struct StartSet {
    mention: bool,
    set: ClassSet,
}

/// What the first unit of a match of a rule can be, worked out from its
/// pattern: the matcher tries a rule at every unit of a sentence, and most
/// units cannot start it. Like the prefilter it over-approximates: a unit it
/// accepts may still fail, one it refuses cannot start a match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum FirstUnit {
    /// Any unit (the pattern can start with a gap or `_`, or match nothing).
    #[default]
    Anything,
    OneOf {
        /// A mention, or the token `كل` (`كل من X و Y`), for a slot.
        mention: bool,
        /// A token whose stem one of these matches.
        words: Vec<Literal>,
        /// A token where one of these classes may start (by number).
        classes: Vec<usize>,
    },
}

impl FirstUnit {
    /// The first units of `items`; None when they can all be skipped, so
    /// that what follows them may come first.
    fn of(items: &[Item]) -> (FirstUnit, bool) {
        let mut first = FirstUnit::OneOf { mention: false, words: Vec::new(), classes: Vec::new() };
        for item in items {
            let (unit, skippable) = match item {
                Item::Word(l) => (FirstUnit::OneOf { mention: false, words: vec![l.clone()], classes: Vec::new() }, false),
                Item::Class(c) => (FirstUnit::OneOf { mention: false, words: Vec::new(), classes: vec![*c] }, false),
                Item::Slot { .. } => (FirstUnit::OneOf { mention: true, words: Vec::new(), classes: Vec::new() }, false),
                Item::Optional(inner) => (FirstUnit::of(inner).0, true),
                Item::Alternatives(branches) => {
                    let mut all = FirstUnit::OneOf { mention: false, words: Vec::new(), classes: Vec::new() };
                    let mut skippable = false;
                    for b in branches {
                        let (unit, empty) = FirstUnit::of(b);
                        all.add(unit);
                        skippable |= empty;
                    }
                    (all, skippable)
                }
                Item::Gap { .. } | Item::Any => return (FirstUnit::Anything, false),
            };
            first.add(unit);
            if !skippable {
                return (first, false);
            }
        }
        (first, true)
    }

    fn add(&mut self, other: FirstUnit) {
        match (self, other) {
            (FirstUnit::Anything, _) => {}
            (this, FirstUnit::Anything) => *this = FirstUnit::Anything,
            (FirstUnit::OneOf { mention, words, classes }, FirstUnit::OneOf { mention: m, words: w, classes: c }) => {
                *mention |= m;
                words.extend(w);
                classes.extend(c);
            }
        }
    }

    fn of_pattern(pattern: &[Item]) -> FirstUnit {
        match FirstUnit::of(pattern) {
            (_, true) => FirstUnit::Anything,
            (first, false) => first,
        }
    }
}

impl Prefilter {
    fn new(rules: &[Rule], classes: &[WordClass]) -> Prefilter {
        let mut p = Prefilter::default();
        let mut word_bits: FxHashMap<String, usize> = FxHashMap::default();
        let classes_len = classes.len();
        for rule in rules {
            p.min_mentions.push(min_mentions(&rule.pattern));
            let mut groups = Vec::new();
            'group: for anchors in rule.pattern.iter().filter_map(|item| anchor(item, classes)) {
                let mut bits = Vec::new();
                for a in anchors {
                    let bit = match a {
                        Anchor::Class(c) => c,
                        // A prefix or suffix pattern can match nearly any
                        // token: the group is taken as present.
                        Anchor::Word(l) if l.prefix || l.suffix => continue 'group,
                        Anchor::Word(l) => *word_bits.entry(l.stem.clone()).or_insert_with(|| {
                            p.words.push(l.stem.clone());
                            classes.len() + p.words.len() - 1
                        }),
                    };
                    if !bits.contains(&bit) {
                        bits.push(bit);
                    }
                }
                groups.push(bits);
            }
            p.groups.push(groups);
            let first = match FirstUnit::of_pattern(&rule.pattern) {
                FirstUnit::OneOf { words, .. } if words.iter().any(|l| l.prefix || l.suffix) => None,
                FirstUnit::OneOf { mention, words, classes } => {
                    let mut bits = classes;
                    // A slot may start with `كل من`.
                    let kull = mention.then(|| "كل".to_string());
                    for stem in words.into_iter().map(|l| l.stem).chain(kull) {
                        bits.push(*word_bits.entry(stem.clone()).or_insert_with(|| {
                            p.words.push(stem);
                            classes_len + p.words.len() - 1
                        }));
                    }
                    Some((mention, bits))
                }
                FirstUnit::Anything => None,
            };
            p.first_units.push(first);
        }
        p
    }
}

/// What an anchored item needs at some token: a class starting there, or a word.
#[derive(Debug, Clone)]
enum Anchor {
    Class(usize),
    Word(Literal),
}

/// The words or classes one of which every match of a mandatory `item`
/// takes at a token; None when the item can match without one.
fn anchor(item: &Item, classes: &[WordClass]) -> Option<Vec<Anchor>> {
    match item {
        Item::Word(l) => Some(vec![Anchor::Word(l.clone())]),
        Item::Class(c) => Some(vec![Anchor::Class(*c)]),
        Item::Alternatives(branches) => {
            let mut all = Vec::new();
            for b in branches {
                // Any anchored mandatory item of the branch will do: take the
                // one with the fewest words.
                let words = |anchors: &Vec<Anchor>| -> usize {
                    anchors.iter().map(|a| if let Anchor::Class(c) = a { classes[*c].entries.len() } else { 1 }).sum()
                };
                all.extend(b.iter().filter_map(|i| anchor(i, classes)).min_by_key(words)?);
            }
            Some(all)
        }
        Item::Slot { .. } | Item::Optional(_) | Item::Gap { .. } | Item::Any => None,
    }
}

/// The fewest mentions a match of `items` takes.
fn min_mentions(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            Item::Slot { .. } => 1,
            Item::Alternatives(branches) => branches.iter().map(|b| min_mentions(b)).min().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

impl RuleSet {
    /// Parses rule files. Classes may be used in any file, before or after
    /// their declaration.
    pub fn parse(files: &[SourceFile]) -> Result<RuleSet, OntologyError> {
        let mut set = RuleSet::default();
        // Classes first, so patterns can refer to classes declared anywhere.
        for file in files {
            for (n, line) in file.text.lines().enumerate() {
                let trimmed = line.trim();
                if let Some(rest) = trimmed.strip_prefix("class ") {
                    set.parse_class(&file.name, n + 1, line, rest)?;
                }
            }
        }
        for file in files {
            set.parse_rules(file)?;
        }
        for rule in &set.rules {
            if let Some(missing) = rule.unless.iter().find(|u| !set.rules.iter().any(|r| &r.id == *u)) {
                return Err(OntologyError::new(&rule.file, rule.line, 0, format!("rule {}: `unless` names unknown rule {missing:?}", rule.id)));
            }
        }
        set.prefilter = Prefilter::new(&set.rules, &set.classes);
        set.indexed_classes = set.classes.iter().enumerate().map(|(i, c)| ClassEntries::of_class(i, c.entries.clone())).collect();
        set.first_words = FirstWords::new(&set.indexed_classes, &set.prefilter.words);
        set.start_sets = set
            .prefilter
            .first_units
            .iter()
            .map(|f| f.as_ref().map(|(mention, bits)| StartSet { mention: *mention, set: set.first_words.set_of(bits) }))
            .collect();
        set.starters = (0..set.first_words.sets().len())
            .map(|n| (0..set.rules.len()).filter(|&r| set.start_sets[r].as_ref().is_none_or(|f| f.set.meets(&set.first_words, n))).collect())
            .collect();
        set.mention_starters = (0..set.rules.len())
            .filter(|&r| set.start_sets[r].as_ref().is_none_or(|f| f.mention || f.set.meets(&set.first_words, 0)))
            .collect();
        set.anchor_sets =
            set.prefilter.groups.iter().map(|groups| groups.iter().map(|bits| set.first_words.set_of(bits)).collect()).collect();
        Ok(set)
    }

    /// Whether rule number `rule` can match a sentence with this many
    /// mentions where the class starts of `present` (from
    /// [`crate::class_index::ClassStarts::anywhere_in_sentence`]) occur.
    #[inline]
    pub fn possible_rule(&self, rule: usize, present: &[u64], mentions: usize) -> bool {
        self.prefilter.min_mentions[rule] <= mentions && self.anchor_sets[rule].iter().all(|group| group.intersects(present))
    }

    /// The rules (by number, ascending) that may start at a token whose
    /// class starts are set `set` of [`FirstWords::sets`].
    pub fn rules_starting_at_token(&self, set: usize) -> &[usize] {
        &self.starters[set]
    }

    /// The rules (by number, ascending) that may start at a mention.
    pub fn rules_starting_at_mention(&self) -> &[usize] {
        &self.mention_starters
    }


    /// The entries of the class at this index, indexed by first word.
    pub fn indexed_class(&self, class: usize) -> &ClassEntries {
        &self.indexed_classes[class]
    }

    /// The entries of the class with this name (without `@`), indexed; empty
    /// when there is no such class.
    pub fn indexed_class_named(&self, name: &str) -> ClassEntries {
        self.class_number(name).map(|c| self.indexed_classes[c].clone()).unwrap_or_default()
    }

    /// The first words of every class, to build a sentence's
    /// [`crate::class_index::ClassStarts`].
    pub fn first_words(&self) -> &FirstWords {
        &self.first_words
    }

    /// The index of the class with this name (without `@`).
    pub fn class_number(&self, name: &str) -> Option<usize> {
        self.class_index.get(name).copied()
    }

    /// The class with this name (without `@`).
    pub fn class(&self, name: &str) -> Option<&WordClass> {
        self.class_index.get(name).map(|&i| &self.classes[i])
    }

    fn parse_class(&mut self, file: &str, line_no: usize, line: &str, rest: &str) -> Result<(), OntologyError> {
        let (name, words) = rest.split_once('=').ok_or_else(|| {
            OntologyError::new(file, line_no, column_of(line, rest), "expected `class @name = word word ...`")
        })?;
        let name = name.trim();
        let Some(bare) = name.strip_prefix('@').filter(|n| is_identifier(n)) else {
            return Err(OntologyError::new(file, line_no, column_of(line, name), format!("expected a class name like @visit, found {name:?}")));
        };
        let entries: Vec<Vec<Literal>> = words
            .split_whitespace()
            .map(|w| w.split('_').filter(|p| !p.is_empty()).map(Literal::parse).collect::<Vec<_>>())
            .filter(|e| !e.is_empty())
            .collect();
        if entries.is_empty() {
            let equals = &rest[name.len() + (rest.len() - rest.trim_start().len())..];
            let equals = &equals[equals.find('=').unwrap_or(0)..];
            return Err(OntologyError::new(file, line_no, column_of(line, equals), format!("class @{bare}: expected at least one word after `=`")));
        }
        if let Some(&existing) = self.class_index.get(bare) {
            // A class declared in several places collects all entries.
            self.classes[existing].entries.extend(entries);
        } else {
            self.class_index.insert(bare.to_string(), self.classes.len());
            self.classes.push(WordClass { name: bare.to_string(), entries });
        }
        Ok(())
    }

    fn parse_rules(&mut self, file: &SourceFile) -> Result<(), OntologyError> {
        let name = file.name.as_str();
        let mut current: Option<RuleDraft> = None;
        for (n, line) in file.text.lines().enumerate() {
            let line_no = n + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("class ") {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let column = line[..indent].chars().count() + 1;
            let (keyword, rest) = trimmed.split_once(char::is_whitespace).unwrap_or((trimmed, ""));
            let rest = rest.trim();
            let rest_col = column_of(line, rest);
            let err = |col: usize, msg: String| OntologyError::new(name, line_no, col, msg);
            if keyword == "rule" {
                if let Some(draft) = current.take() {
                    self.rules.push(draft.finish(name)?);
                }
                if !is_identifier(rest) {
                    return Err(err(rest_col, format!("expected a rule id of letters, digits, `.`, `_` or `-`, found {rest:?}")));
                }
                if self.rules.iter().any(|r| r.id == rest) {
                    return Err(err(rest_col, format!("rule {rest:?} is defined twice")));
                }
                current = Some(RuleDraft::new(rest, line_no, column));
                continue;
            }
            let Some(draft) = current.as_mut() else {
                return Err(err(column, format!("expected `rule <id>` or `class @name = ...`, found {keyword:?}")));
            };
            match keyword {
                "pattern" => {
                    if !draft.pattern.is_empty() {
                        return Err(err(column, "a rule has one `pattern` line; use ( a | b ) for alternatives".into()));
                    }
                    let mut parser = PatternParser { depth: 0, text: rest, chars: rest.char_indices().collect(), pos: 0, base_col: rest_col, set: self, slots: &mut draft.slots };
                    let items = parser.parse_sequence(None).map_err(|(c, m)| err(c, m))?;
                    if parser.peek() == Some('|') {
                        return Err(err(parser.col(), "expected `( a | b )` around alternatives, found `|` outside brackets".into()));
                    }
                    if items.is_empty() {
                        return Err(err(rest_col, "expected a pattern after `pattern`".into()));
                    }
                    draft.pattern = items;
                    draft.pattern_line = line_no;
                }
                "yields" => {
                    let y = parse_yield(rest, &draft.slots).map_err(|m| err(rest_col, m))?;
                    draft.yields.push(y);
                }
                "example" => {
                    if rest.is_empty() {
                        return Err(err(rest_col, "expected a sentence after `example`".into()));
                    }
                    draft.examples.push(Example { sentence: rest.to_string(), expected: Vec::new(), line: line_no });
                }
                "expect" => {
                    let Some(example) = draft.examples.last_mut() else {
                        return Err(err(column, "`expect` must follow an `example` line".into()));
                    };
                    if rest != "nothing" {
                        example.expected.push(parse_expected(line, line_no, rest).map_err(|(c, m)| err(c, m))?);
                    }
                }
                "unless" => {
                    draft.unless.extend(rest.split_whitespace().map(str::to_string));
                }
                "note" => {}
                other => {
                    return Err(err(column, format!("expected pattern, yields, unless, example, expect or note, found {other:?}")));
                }
            }
        }
        if let Some(draft) = current.take() {
            self.rules.push(draft.finish(name)?);
        }
        Ok(())
    }

    /// Adds every literal word of every class and pattern to the lexicon.
    pub fn extend_lexicon(&self, lexicon: &mut Lexicon) {
        for class in &self.classes {
            for entry in &class.entries {
                for lit in entry.iter().filter(|l| !l.prefix && !l.suffix) {
                    lexicon.insert(&lit.written_stem());
                }
            }
        }
        fn walk(items: &[Item], lexicon: &mut Lexicon) {
            for item in items {
                match item {
                    Item::Word(l) if !l.prefix && !l.suffix => lexicon.insert(&l.written_stem()),
                    Item::Optional(inner) => walk(inner, lexicon),
                    Item::Alternatives(branches) => branches.iter().for_each(|b| walk(b, lexicon)),
                    _ => {}
                }
            }
        }
        for rule in &self.rules {
            walk(&rule.pattern, lexicon);
        }
    }

    /// Checks what needs the gazetteer: example labels must name entities.
    pub fn check_against(&self, gazetteer: &Gazetteer) -> Result<(), OntologyError> {
        for rule in &self.rules {
            for example in &rule.examples {
                for e in &example.expected {
                    for (label, column) in [(&e.subject, e.columns.0), (&e.object, e.columns.1)] {
                        if !gazetteer.entities.iter().any(|x| &x.label_en == label) {
                            return Err(OntologyError::new(
                                &rule.file,
                                e.line,
                                column,
                                format!("rule {}: unknown entity {label:?}: expected the English label of an entity in the gazetteer", rule.id),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

struct RuleDraft {
    id: String,
    line: usize,
    column: usize,
    pattern: Vec<Item>,
    pattern_line: usize,
    slots: Vec<String>,
    yields: Vec<Yield>,
    examples: Vec<Example>,
    unless: Vec<String>,
}

impl RuleDraft {
    fn new(id: &str, line: usize, column: usize) -> RuleDraft {
        RuleDraft {
            id: id.to_string(),
            line,
            column,
            pattern: Vec::new(),
            pattern_line: 0,
            slots: Vec::new(),
            yields: Vec::new(),
            examples: Vec::new(),
            unless: Vec::new(),
        }
    }

    fn finish(self, file: &str) -> Result<Rule, OntologyError> {
        let err = |msg: String| OntologyError::new(file, self.line, self.column, format!("rule {}: {msg}", self.id));
        if self.pattern.is_empty() {
            return Err(err("expected a `pattern` line".into()));
        }
        if self.yields.is_empty() {
            return Err(err("expected at least one `yields rel(subject, object)` line".into()));
        }
        if self.examples.is_empty() {
            return Err(err("expected at least one `example` line with its `expect` lines".into()));
        }
        let _ = self.pattern_line;
        Ok(Rule {
            id: self.id,
            unless: self.unless,
            pattern: self.pattern,
            slots: self.slots,
            yields: self.yields,
            examples: self.examples,
            file: file.to_string(),
            line: self.line,
        })
    }
}

/// The 1-based column (in characters) at which `part`, a slice of `line`,
/// starts; the column after the end of the line when `part` is not inside it
/// (an empty remainder).
fn column_of(line: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    if offset <= line.len() && line.is_char_boundary(offset) && !part.is_empty() {
        line[..offset].chars().count() + 1
    } else {
        line.chars().count() + 1
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

fn parse_yield(text: &str, slots: &[String]) -> Result<Yield, String> {
    let open = text.find('(').ok_or("expected `relation(subject, object)`")?;
    let close = text.rfind(')').filter(|&c| c > open && text[c + 1..].trim().is_empty()).ok_or("expected `)` at the end")?;
    let relation: Relation = text[..open].trim().parse()?;
    let args: Vec<&str> = text[open + 1..close].split(',').map(str::trim).collect();
    let slot = |name: &str| -> Result<Arg, String> {
        if name == "topic" {
            return Ok(Arg::Topic);
        }
        if name == "subject" {
            return Ok(Arg::Subject);
        }
        let (bare, state) = match name.strip_suffix(".state") {
            Some(b) => (b, true),
            None => (name, false),
        };
        slots
            .iter()
            .position(|s| s == bare)
            .map(|index| Arg::Slot { index, state })
            .ok_or_else(|| format!("slot {bare:?} is not in the pattern (slots: {}; or `topic`, `subject`)", slots.join(", ")))
    };
    match args.as_slice() {
        [s] => Ok(Yield { relation, subject: slot(s)?, object: None }),
        [s, o] => Ok(Yield { relation, subject: slot(s)?, object: Some(slot(o)?) }),
        _ => Err("expected one or two slot names".into()),
    }
}

fn parse_expected(line: &str, line_no: usize, text: &str) -> Result<ExpectedTriple, (usize, String)> {
    let (assertion, rest) = if let Some(r) = text.strip_prefix("negated ") {
        (Assertion::Negated, r)
    } else if let Some(r) = text.strip_prefix("hypothetical ") {
        (Assertion::Hypothetical, r)
    } else {
        (Assertion::Asserted, text)
    };
    let parts: Vec<&str> = rest.split('|').map(str::trim).collect();
    let [s, r, o] = parts.as_slice() else {
        return Err((column_of(line, text), format!("expected `Subject | relation | Object` or `nothing`, found {text:?}")));
    };
    let relation = r.parse().map_err(|m| (column_of(line, r), m))?;
    Ok(ExpectedTriple {
        subject: s.to_string(),
        relation,
        object: o.to_string(),
        assertion,
        line: line_no,
        columns: (column_of(line, s), column_of(line, o)),
    })
}

/// How deep `[ ]` and `( )` may nest in a pattern.
const MAX_NESTING: usize = 16;

struct PatternParser<'a> {
    depth: usize,
    text: &'a str,
    chars: Vec<(usize, char)>,
    pos: usize,
    base_col: usize,
    set: &'a RuleSet,
    slots: &'a mut Vec<String>,
}

type ParseResult<T> = Result<T, (usize, String)>;

impl PatternParser<'_> {
    fn col(&self) -> usize {
        self.base_col + self.pos
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|c| c.1)
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// Parses items until `end` (or the end of the text); stops before `|`.
    /// `end` is the closing bracket and the column of the opening one.
    fn parse_sequence(&mut self, end: Option<(char, usize)>) -> ParseResult<Vec<Item>> {
        if self.depth >= MAX_NESTING {
            return Err((self.col(), format!("brackets nested more than {MAX_NESTING} deep: expected a flatter pattern")));
        }
        self.depth += 1;
        let items = self.parse_items(end);
        self.depth -= 1;
        items
    }

    fn parse_items(&mut self, end: Option<(char, usize)>) -> ParseResult<Vec<Item>> {
        let mut items = Vec::new();
        let close = end.map(|(c, _)| c);
        loop {
            self.skip_space();
            match self.peek() {
                None => {
                    return match end {
                        None => Ok(items),
                        Some((e, open)) => Err((self.col(), format!("expected `{e}` to close the bracket at column {open}, found the end of the pattern"))),
                    }
                }
                Some(c) if Some(c) == close || c == '|' => return Ok(items),
                Some(')') | Some(']') => return Err((self.col(), format!("unexpected `{}`", self.peek().unwrap()))),
                Some(_) => items.push(self.parse_item()?),
            }
        }
    }

    fn parse_item(&mut self) -> ParseResult<Item> {
        let start_col = self.col();
        match self.peek().expect("caller checked") {
            '[' => {
                self.pos += 1;
                let inner = self.parse_sequence(Some((']', start_col)))?;
                if self.peek() == Some('|') {
                    return Err((self.col(), "use ( a | b ) for alternatives inside [ ]".into()));
                }
                self.pos += 1;
                if inner.is_empty() {
                    return Err((start_col, "empty optional group `[ ]`".into()));
                }
                Ok(Item::Optional(inner))
            }
            '(' => {
                self.pos += 1;
                let mut branches = vec![self.parse_sequence(Some((')', start_col)))?];
                while self.peek() == Some('|') {
                    self.pos += 1;
                    branches.push(self.parse_sequence(Some((')', start_col)))?);
                }
                self.pos += 1;
                if branches.iter().any(Vec::is_empty) {
                    return Err((start_col, "empty alternative in `( | )`".into()));
                }
                Ok(Item::Alternatives(branches))
            }
            '{' => self.parse_slot(),
            '~' => {
                self.pos += 1;
                let cross = self.peek() == Some('~');
                if cross {
                    self.pos += 1;
                }
                let digits = self.take_word();
                let max: usize = digits.parse().map_err(|_| (start_col, format!("expected a number after `~`, found {digits:?}")))?;
                if max > 12 {
                    return Err((start_col, format!("gap ~{max} is too wide: at most 12 units keep matching linear")));
                }
                Ok(Item::Gap { max, cross_mentions: cross })
            }
            '.' => {
                self.pos += 1;
                Ok(Item::Any)
            }
            '@' => {
                self.pos += 1;
                let name = self.take_word();
                match self.set.class_index.get(name.as_str()) {
                    Some(&i) => Ok(Item::Class(i)),
                    None => Err((start_col, format!("unknown word class @{name}: expected a class declared with `class @{name} = ...`"))),
                }
            }
            _ => {
                let word = self.take_word();
                if word.is_empty() {
                    return Err((start_col, format!("unexpected character {:?}", self.peek().unwrap_or(' '))));
                }
                Ok(Item::Word(Literal::parse(&word)))
            }
        }
    }

    fn take_word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek() {
            if c.is_whitespace() || "[](){}|~@".contains(c) {
                break;
            }
            word.push(c);
            self.pos += 1;
        }
        word
    }

    fn parse_slot(&mut self) -> ParseResult<Item> {
        let start_col = self.col();
        let begin = self.pos + 1;
        let Some(close) = (begin..self.chars.len()).find(|&i| matches!(self.chars[i].1, '}' | '{')).filter(|&i| self.chars[i].1 == '}') else {
            return Err((start_col, "expected `}` to close the slot `{name:Type}`".into()));
        };
        let body_start = self.chars[begin.min(self.chars.len() - 1)].0;
        let body = &self.text[body_start..self.chars[close].0];
        self.pos = close + 1;
        let (name, spec) = body.split_once(':').ok_or((start_col, format!("expected {{name:Type}}, found {{{body}}}")))?;
        let name = name.trim();
        if !is_identifier(name) {
            return Err((start_col + 1, format!("expected a slot name, found {name:?}")));
        }
        if self.slots.iter().any(|s| s == name) {
            return Err((start_col + 1, format!("slot {name:?} appears twice in the pattern")));
        }
        let (types_text, flags_text) = spec.split_once('/').map_or((spec, ""), |(t, f)| (t, f));
        let mut types = Vec::new();
        for t in types_text.split('|').map(str::trim) {
            match t {
                "Person" => types.push(EntityType::Person),
                "Country" => types.push(EntityType::Country),
                "City" => types.push(EntityType::City),
                "Organization" => types.push(EntityType::Organization),
                "Region" => types.push(EntityType::Region),
                "Place" => types.extend([EntityType::Country, EntityType::City, EntityType::Region]),
                "Actor" => types.extend([EntityType::Person, EntityType::Country, EntityType::City, EntityType::Organization, EntityType::Region]),
                other => {
                    return Err((start_col, format!("unknown entity type {other:?}: expected Person, Country, City, Organization, Region, Place or Actor")))
                }
            }
        }
        let mut flags = SlotFlags::default();
        for f in flags_text.split('/').map(str::trim).filter(|f| !f.is_empty()) {
            match f {
                "one" => flags.one = true,
                "nisba" => flags.nisba = true,
                "name" => flags.name = true,
                "city" => flags.city = true,
                "subj" => flags.subject = true,
                "explicit" => flags.explicit = true,
                other => return Err((start_col, format!("unknown slot flag /{other}: expected /one, /nisba, /name, /city, /subj or /explicit"))),
            }
        }
        types.sort();
        types.dedup();
        self.slots.push(name.to_string());
        Ok(Item::Slot { slot: self.slots.len() - 1, types, flags })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class_index::ClassStarts;

    fn parse(text: &str) -> Result<RuleSet, OntologyError> {
        RuleSet::parse(&[SourceFile { name: "t.rules".into(), text: text.into() }])
    }

    #[test]
    fn parses_a_rule_with_classes_slots_and_examples() {
        let set = parse(
            "class @visit = زيارة زار*\nrule v.1\n  pattern @visit {a:Person} ~3 (إلى | ل) {p:Place/city}\n  yields visited(a, p)\n  example زيارة ماكرون إلى مصر\n  expect Emmanuel Macron | visited | Egypt\n",
        )
        .unwrap();
        let rule = &set.rules[0];
        assert_eq!(rule.slots, vec!["a", "p"]);
        assert_eq!(rule.pattern.len(), 5);
        assert_eq!(rule.examples[0].expected[0].object, "Egypt");
    }

    /// A sentence of plain word tokens with these (normalised) stems.
    fn words(stems: &[&str]) -> Vec<crate::token::Token> {
        stems
            .iter()
            .enumerate()
            .map(|(i, w)| {
                crate::token::Token::new(crate::token::TokenKind::Word, Literal::parse(w).stem, i, i + 1)
            })
            .collect()
    }

    #[test]
    fn rules_are_tried_only_where_their_first_unit_can_start() {
        let set = parse(concat!(
            "class @visit = زار وصل\n",
            "class @loose = قال*\n",
            "rule by-class\n  pattern @visit {a:Person}\n  yields visited(a, a)\n  example x\n  expect a | visited | b\n",
            "rule by-slot\n  pattern [امس] {a:Person} زار {b:Country}\n  yields visited(a, b)\n  example x\n  expect a | visited | b\n",
            "rule anything\n  pattern ~2 زار {b:Country}\n  yields visited(b, b)\n  example x\n  expect a | visited | b\n",
            "rule loose\n  pattern @loose {b:Country}\n  yields visited(b, b)\n  example x\n  expect a | visited | b\n",
        ))
        .unwrap();
        let tokens = words(&["وصل", "امس", "كل", "بيت"]);
        let starts = ClassStarts::new(set.first_words(), &tokens);
        let at_token = |i: usize| set.rules_starting_at_token(starts.set_number(i)).to_vec();
        // A class first: where one of its words is. An optional word, then
        // a slot: that word, or كل (كل من X و Y). A gap first: anywhere. A
        // class with a pattern entry (قال*): anywhere.
        assert_eq!(at_token(0), [0, 2, 3]);
        assert_eq!(at_token(1), [1, 2, 3]);
        assert_eq!(at_token(2), [1, 2, 3]);
        assert_eq!(at_token(3), [2, 3]);
        // At a mention: the slot, the gap, the pattern class.
        assert_eq!(set.rules_starting_at_mention(), [1, 2, 3]);
    }

    #[test]
    fn the_prefilter_needs_every_anchor_and_enough_mentions() {
        let set = parse(concat!(
            "class @visit = زار وصل\n",
            "rule two\n  pattern {a:Person} @visit ~3 (الى | نحو) {b:Country}\n  yields visited(a, b)\n  example x\n  expect a | visited | b\n",
        ))
        .unwrap();
        let possible = |stems: &[&str], mentions: usize| {
            let tokens = words(stems);
            set.possible_rule(0, &ClassStarts::new(set.first_words(), &tokens).anywhere_in_sentence(), mentions)
        };
        assert!(possible(&["x", "وصل", "الى", "y"], 2));
        assert!(possible(&["x", "زار", "نحو", "y"], 2));
        assert!(!possible(&["x", "زار", "y"], 2), "no word of the alternatives");
        assert!(!possible(&["x", "قال", "الى", "y"], 2), "no word of the class");
        assert!(!possible(&["x", "وصل", "الى", "y"], 1), "two slots need two mentions");
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = parse("rule r\n  pattern زار {a:Person} {p:Planet}\n").unwrap_err();
        assert_eq!(err.to_string(), "t.rules:2:26: unknown entity type \"Planet\": expected Person, Country, City, Organization, Region, Place or Actor");
        let err = parse("rule r\n  pattern زار @nope\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 15), "{err}");
        let err = parse("rule r\n  pattern زار {a:Person}\n  yields visited(a, b)\n").unwrap_err();
        assert!(err.to_string().starts_with("t.rules:3:10: slot \"b\" is not in the pattern"), "{err}");
        let err = parse("colour blue\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn columns_count_from_the_text_after_the_keyword() {
        // `s` also occurs inside `yields`: the column is the argument's.
        let err = parse("rule r\n  pattern زار {a:Person}\n  yields s\n").unwrap_err();
        assert_eq!(err.to_string(), "t.rules:3:10: expected `relation(subject, object)`");
    }

    #[test]
    fn brackets_nested_too_deep_are_an_error_not_a_stack_overflow() {
        let pattern = format!("{}زار{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse(&format!("rule r\n  pattern {pattern}\n")).unwrap_err();
        assert_eq!(err.to_string(), "t.rules:2:27: brackets nested more than 16 deep: expected a flatter pattern");
    }

    #[test]
    fn a_rule_without_examples_is_rejected() {
        let err = parse("rule r\n  pattern زار {a:Person} {b:Place}\n  yields visited(a, b)\n").unwrap_err();
        assert!(err.to_string().contains("expected at least one `example`"), "{err}");
    }
}
