//! Matching rules against a sentence.
//!
//! The matcher sees a sentence as a row of units: each mention is one unit,
//! every other token one unit. It tries every rule at every unit, with
//! backtracking over optional parts, alternatives, gaps and coordinated slots,
//! and keeps the first (leftmost, greedy-slot, shortest-gap) way each rule
//! matches from each start. Gaps are bounded by the rule language and every
//! attempt has a step budget, so a sentence with thousands of mentions costs
//! time linear in its length, never a blow-up.
//!
//! A [`RuleMatch`] records which mentions filled which slots; turning that
//! into triples (and deciding whether they are asserted) is
//! [`crate::extract`]'s work.

use crate::gazetteer::{EntityType, Gazetteer};
use crate::mention::{Mention, MentionKind};
use crate::class_index::{ClassStarts, Entries};
use crate::reference::{match_class, match_entries};
use crate::rules::{Arg, Item, Rule, RuleSet, SlotFlags};
use crate::token::{Token, TokenKind};

/// A unit of a sentence for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A token that is not part of a mention.
    Token(usize),
    /// A mention (index into the sentence's mentions).
    Mention(usize),
}

/// One rule matching one span of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMatch {
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// First token of the match.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// For each slot of the rule, the mentions it took (several when coordinated).
    pub slots: Vec<Vec<usize>>,
}

/// The sentence as the matcher sees it.
pub struct SentenceView<'a> {
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    pub units: Vec<Unit>,
    /// Which classes may start at each token.
    pub starts: &'a ClassStarts<'a>,
}

impl<'a> SentenceView<'a> {
    pub fn new(tokens: &'a [Token], mentions: &'a [Mention], starts: &'a ClassStarts<'a>) -> SentenceView<'a> {
        let mut units = Vec::with_capacity(tokens.len());
        let mut next = mentions.iter().enumerate().peekable();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((index, m)) = next.peek().filter(|(_, m)| m.start == i) {
                units.push(Unit::Mention(*index));
                i = m.end.max(i + 1);
                next.next();
            } else {
                units.push(Unit::Token(i));
                i += 1;
            }
        }
        SentenceView { tokens, mentions, units, starts }
    }

    fn token(&self, unit: usize) -> Option<&Token> {
        match self.units.get(unit)? {
            Unit::Token(t) => Some(&self.tokens[*t]),
            Unit::Mention(_) => None,
        }
    }

    fn first_token(&self, unit: usize) -> usize {
        match self.units[unit] {
            Unit::Token(t) => t,
            Unit::Mention(m) => self.mentions[m].start,
        }
    }

    fn last_token_end(&self, unit: usize) -> usize {
        match self.units[unit] {
            Unit::Token(t) => t + 1,
            Unit::Mention(m) => self.mentions[m].end,
        }
    }
}

/// Steps one attempt may take before it gives up.
const STEP_BUDGET: usize = 4_000;

/// The most mentions one slot takes from a coordinated list (`X و Y و Z …`).
/// Longer lists are read in pieces, so that a sentence listing thousands of
/// names costs time linear in its length and yields a bounded number of
/// pairs per match.
pub const MAX_CONJUNCTS: usize = 24;

/// Every match of every rule in the sentence.
pub fn match_rules(rules: &RuleSet, view: &SentenceView, gazetteer: &Gazetteer) -> Vec<RuleMatch> {
    let mut out = Vec::new();
    // The prefilter, asked only about rules that may start somewhere in the
    // sentence, each once.
    let present = view.starts.anywhere_in_sentence();
    let mut possible: Vec<Option<bool>> = vec![None; rules.rules.len()];
    let prepositions = rules.class_number("preposition");
    let object_hosts = rules.class_number("object.host");
    // Where each rule may start: the rule set knows, for each set of class
    // starts a token can have, the rules that may start there. Collect the
    // (rule, unit) pairs in one pass over the units, then try each rule at
    // its units in order.
    let mut tries: Vec<(usize, usize)> = Vec::new();
    for (u, unit) in view.units.iter().enumerate() {
        let starting = match *unit {
            Unit::Mention(_) => rules.rules_starting_at_mention(),
            Unit::Token(t) => rules.rules_starting_at_token(view.starts.set_number(t)),
        };
        for &r in starting {
            if *possible[r].get_or_insert_with(|| rules.possible_rule(r, &present, view.mentions.len())) {
                tries.push((r, u));
            }
        }
    }
    tries.sort_unstable();
    for group in tries.chunk_by(|a, b| a.0 == b.0) {
        let index = group[0].0;
        let rule = &rules.rules[index];
        let first = out.len();
        // One matcher per rule, reset before each start: a failed attempt
        // leaves its bindings empty again, so only a match needs new ones.
        let mut m = Matcher { rules, view, gazetteer, rule, prepositions, object_hosts, steps: 0, bindings: vec![Vec::new(); rule.slots.len()] };
        for &(_, start) in group {
            m.steps = 0;
            if let Some(end) = m.run(&rule.pattern, None, start) {
                if end > start && !m.reflexive() {
                    out.push(RuleMatch {
                        rule: index,
                        start: view.first_token(start),
                        end: view.last_token_end(end - 1),
                        slots: std::mem::replace(&mut m.bindings, vec![Vec::new(); rule.slots.len()]),
                    });
                    continue;
                }
            }
            m.bindings.iter_mut().for_each(Vec::clear);
        }
        keep_nearest(&mut out, first);
    }
    // `unless`: a rule gives way to the listed rules where they matched from
    // the same token.
    let starts: Vec<(usize, usize)> = out.iter().map(|m| (m.rule, m.start)).collect();
    out.retain(|m| {
        let unless = &rules.rules[m.rule].unless;
        unless.is_empty()
            || !starts.iter().any(|&(r, start)| start == m.start && unless.contains(&rules.rules[r].id))
    });
    out
}

/// Among matches of one rule that end at the same token, a later start means
/// a nearer first slot (`X … Y … trigger Z`: Y, not X, is the agent), unless
/// the earlier match's first slot already holds the later one's mentions (a
/// coordinated list `X و Y … trigger Z`). Keeps the nearest.
fn keep_nearest(matches: &mut Vec<RuleMatch>, first: usize) {
    // Fewer than two new matches: nothing competes.
    if matches.len() < first + 2 {
        return;
    }
    let mut drop = vec![false; matches.len()];
    // Only matches that end at the same token compete: compare within those
    // groups (in the original order), so the cost stays linear in the number
    // of matches instead of quadratic.
    let mut by_end: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, m) in matches.iter().enumerate().skip(first) {
        by_end.entry(m.end).or_default().push(i);
    }
    for group in by_end.values() {
        for &a in group {
            for &b in group {
                let (ma, mb) = (&matches[a], &matches[b]);
                if a == b || ma.end != mb.end || mb.start <= ma.start || drop[b] {
                    continue;
                }
                let inside = mb.slots.iter().zip(&ma.slots).all(|(sb, sa)| sb.iter().all(|m| sa.contains(m)));
                if inside {
                    drop[b] = true;
                } else {
                    drop[a] = true;
                }
            }
        }
    }
    let mut index = 0;
    matches.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
}

/// The ways a slot can be filled, without allocating: way `k` (0-based)
/// takes `mentions[..=k]` and ends before unit `ends[k]`.
struct SlotSpans {
    mentions: [usize; MAX_CONJUNCTS],
    ends: [usize; MAX_CONJUNCTS],
    count: usize,
}

impl SlotSpans {
    fn push(&mut self, mention: usize, end: usize) {
        self.mentions[self.count] = mention;
        self.ends[self.count] = end;
        self.count += 1;
    }
}

/// What remains to match after the current item list: a linked list of slices.
struct Rest<'p> {
    items: &'p [Item],
    next: Option<&'p Rest<'p>>,
}

struct Matcher<'a, 'v> {
    rules: &'a RuleSet,
    view: &'a SentenceView<'v>,
    gazetteer: &'a Gazetteer,
    rule: &'a Rule,
    /// The `@preposition` class, for `/subj` slots.
    prepositions: Option<usize>,
    /// The `@object.host` class (transitive verbal nouns), for `/subj` slots.
    object_hosts: Option<usize>,
    steps: usize,
    bindings: Vec<Vec<usize>>,
}

impl Matcher<'_, '_> {
    /// Matches `items` then `rest` from unit `pos`; returns the end unit.
    fn run(&mut self, items: &[Item], rest: Option<&Rest>, pos: usize) -> Option<usize> {
        self.steps += 1;
        if self.steps > STEP_BUDGET {
            return None;
        }
        let Some((first, tail)) = items.split_first() else {
            return match rest {
                Some(r) => self.run(r.items, r.next, pos),
                None => Some(pos),
            };
        };
        let units = self.view.units.len();
        match first {
            Item::Word(lit) => {
                let t = self.view.token(pos)?;
                if lit.matches(t.stem()) {
                    self.run(tail, rest, pos + 1)
                } else {
                    None
                }
            }
            Item::Class(c) => {
                // Most classes cannot start here: one bit says so.
                let may = match self.view.units.get(pos) {
                    Some(Unit::Token(t)) => self.view.starts.may_start(*c, *t),
                    _ => self.view.starts.may_start_without_word(*c),
                };
                if !may {
                    return None;
                }
                let class = self.rules.indexed_class(*c);
                // A class of single words matches here, one token long,
                // exactly where it may start.
                if class.one_word() {
                    return self.run(tail, rest, pos + 1);
                }
                // Class entries are token sequences; all must be plain tokens.
                // The lengths that match, as bits (longest tried first);
                // entries of 64 words or more, never seen, go in `long`.
                let mut bits = 0u64;
                let mut long: Vec<usize> = Vec::new();
                class.each_starting_with(self.view.token(pos).map(|t| t.stem()), |e| {
                    if (0..e.len()).all(|k| self.view.token(pos + k).is_some_and(|t| e[k].matches(t.stem()))) {
                        match e.len() {
                            len @ 0..64 => bits |= 1 << len,
                            len => long.push(len),
                        }
                    }
                });
                long.sort_unstable_by(|a, b| b.cmp(a));
                long.dedup();
                // Set bits, highest first.
                let short = std::iter::from_fn(move || {
                    (bits != 0).then(|| {
                        let len = 63 - bits.leading_zeros() as usize;
                        bits &= !(1 << len);
                        len
                    })
                });
                for len in long.into_iter().chain(short) {
                    if let Some(end) = self.run(tail, rest, pos + len) {
                        return Some(end);
                    }
                }
                None
            }
            Item::Slot { slot, types, flags } => {
                // A slot starts with a mention here, or after `كل من`: most
                // units are plain tokens and fail at once.
                let is_mention = |u: usize| matches!(self.view.units.get(u), Some(Unit::Mention(_)));
                if !is_mention(pos) && !is_mention(pos + 2) {
                    return None;
                }
                let spans = self.slot_spans(pos, types, *flags);
                if spans.count == 0 {
                    return None;
                }
                // Longest way first; the slot's binding is restored if none
                // leads to a match.
                let saved = std::mem::take(&mut self.bindings[*slot]);
                for count in (1..=spans.count).rev() {
                    let binding = &mut self.bindings[*slot];
                    binding.clear();
                    binding.extend_from_slice(&spans.mentions[..count]);
                    if let Some(e) = self.run(tail, rest, spans.ends[count - 1]) {
                        return Some(e);
                    }
                }
                self.bindings[*slot] = saved;
                None
            }
            Item::Optional(inner) => {
                let cont = Rest { items: tail, next: rest };
                if let Some(e) = self.run(inner, Some(&cont), pos) {
                    return Some(e);
                }
                self.run(tail, rest, pos)
            }
            Item::Alternatives(branches) => {
                let cont = Rest { items: tail, next: rest };
                for b in branches {
                    if let Some(e) = self.run(b, Some(&cont), pos) {
                        return Some(e);
                    }
                }
                None
            }
            Item::Gap { max, cross_mentions } => {
                for k in 0..=*max {
                    if pos + k > units {
                        break;
                    }
                    if k > 0 {
                        // `~N` does not skip over a mention, except a pronoun
                        // suffix, which is too weak a word to stop a gap.
                        if let Unit::Mention(skipped) = self.view.units[pos + k - 1] {
                            if !cross_mentions && self.view.mentions[skipped].kind != MentionKind::Pronoun {
                                break;
                            }
                        }
                        // A gap never crosses a sentence-internal boundary
                        // such as a colon or a quotation dash.
                        if self.view.token(pos + k - 1).is_some_and(|t| t.kind == TokenKind::Punct && matches!(&*t.form, ":" | "(" | ")")) {
                            break;
                        }
                    }
                    // What follows the gap often cannot begin here (a
                    // word, a class, alternatives of them): skip the call,
                    // counting the step it would have taken.
                    if !self.may_begin(tail, pos + k) {
                        self.steps += 1;
                        continue;
                    }
                    if let Some(e) = self.run(tail, rest, pos + k) {
                        return Some(e);
                    }
                }
                None
            }
            Item::Any => {
                if pos < units {
                    self.run(tail, rest, pos + 1)
                } else {
                    None
                }
            }
        }
    }

    /// False when `items` cannot begin at unit `pos`: they start with a
    /// word, a class or alternatives of those that cannot match there (what
    /// [`Matcher::run`] would find in its first steps). True when unsure.
    fn may_begin(&self, items: &[Item], pos: usize) -> bool {
        match items.first() {
            Some(Item::Word(lit)) => self.view.token(pos).is_some_and(|t| lit.matches(t.stem())),
            Some(Item::Class(c)) => match self.view.units.get(pos) {
                Some(Unit::Token(t)) => self.view.starts.may_start(*c, *t),
                _ => self.view.starts.may_start_without_word(*c),
            },
            Some(Item::Alternatives(branches)) => branches.iter().any(|b| b.is_empty() || self.may_begin(b, pos)),
            _ => true,
        }
    }

    /// The ways a slot can be filled from `pos`: a mention, then the same
    /// followed by coordinated mentions (`، Y و Z`), at most
    /// [`MAX_CONJUNCTS`] of them (see [`SlotSpans`]).
    fn slot_spans(&self, pos: usize, types: &[EntityType], flags: SlotFlags) -> SlotSpans {
        let mut spans = SlotSpans { mentions: [0; MAX_CONJUNCTS], ends: [0; MAX_CONJUNCTS], count: 0 };
        let mut p = pos;
        // كل من X و Y: "each of X and Y".
        if let (Some(a), Some(b)) = (self.view.token(p), self.view.token(p + 1)) {
            if a.stem() == "كل" && b.stem() == "من" {
                p += 2;
            }
        }
        let Some(first) = self.mention_at(p, types, flags) else { return spans };
        p += 1;
        spans.push(first, p);
        if flags.one {
            return spans;
        }
        while spans.count < MAX_CONJUNCTS {
            // Separators: "،", ",", "و", or "، و".
            let mut q = p;
            let mut saw = false;
            while let Some(t) = self.view.token(q) {
                if matches!(&*t.form, "،" | "," | "و") {
                    q += 1;
                    saw = true;
                } else {
                    break;
                }
            }
            if !saw {
                break;
            }
            match self.mention_at(q, types, flags) {
                Some(m) => {
                    p = q + 1;
                    spans.push(m, p);
                }
                None => break,
            }
        }
        spans
    }

    /// True when a yield's subject and object slots share an entity: the
    /// match took one referent for both sides (`X … عزلهما`, `حلف الناتو
    /// باعتباره`) and a nearer reading must be found instead.
    fn reflexive(&self) -> bool {
        let states = |slot: usize| -> Vec<usize> {
            self.bindings[slot]
                .iter()
                .flat_map(|&m| self.view.mentions[m].entities.iter().map(|&e| self.gazetteer.state_of(e)))
                .collect()
        };
        self.rule.yields.iter().any(|y| match (y.subject, y.object) {
            (Arg::Slot { index: s, .. }, Some(Arg::Slot { index: o, .. })) => {
                let subjects = states(s);
                states(o).iter().any(|e| subjects.contains(e))
            }
            _ => false,
        })
    }

    fn mention_at(&self, pos: usize, types: &[EntityType], flags: SlotFlags) -> Option<usize> {
        let Unit::Mention(index) = *self.view.units.get(pos)? else { return None };
        let m = &self.view.mentions[index];
        if flags.nisba && m.kind != MentionKind::Nisba || flags.name && m.kind == MentionKind::Nisba {
            return None;
        }
        if flags.explicit && m.kind == MentionKind::Pronoun {
            return None;
        }
        if flags.subject && m.start > 0 {
            if let Some(prepositions) = self.prepositions {
                let each_of = m.start >= 2 && self.view.tokens[m.start - 2].stem() == "كل" && self.view.tokens[m.start - 1].stem() == "من";
                if !each_of && match_class(self.rules.indexed_class(prepositions), self.view.starts, self.view.tokens, m.start - 1) == Some(1) {
                    return None;
                }
            }
            // The object of a transitive verbal noun (دعم الأخيرة، عزل روسيا)
            // is no agent either.
            if let Some(hosts) = self.object_hosts {
                if match_class(self.rules.indexed_class(hosts), self.view.starts, self.view.tokens, m.start - 1) == Some(1) {
                    return None;
                }
            }
        }
        // An official the gazetteer does not name stands for their state
        // where a person is wanted (see `Mention::official`).
        let ok = (m.official && types.contains(&EntityType::Person))
            || m.entities.iter().all(|&e| {
                let e = if flags.city { e } else { self.gazetteer.state_of(e) };
                types.contains(&self.gazetteer.entities[e].kind)
            });
        ok.then_some(index)
    }
}

/// True when one of `entries` matches the tokens at `i` (for cue words).
pub fn cue_at(entries: &[Vec<crate::rules::Literal>], tokens: &[Token], i: usize) -> Option<usize> {
    match_entries(entries, tokens, i)
}
