//! Reference: titles, role nouns, pronouns and phrases that point back.
//!
//! News Arabic rarely repeats a name. It says `الرئيس الروسي` for Putin,
//! `زعيمها` for "its leader", `البلدين` for the two states just named,
//! `الأخيرة` for the last feminine noun, `بلاده` for "his country". This
//! module turns the gazetteer mentions of a sentence into the mentions rules
//! see, using what the document said before:
//!
//! - a title with a nisba, possessor or state and a name (`الرئيس الروسي
//!   فلاديمير بوتين`, `رئيسها تو لام`, `رئيس وزراء الهند ناريندرا مودي`)
//!   becomes one mention of the person, and records who leads what;
//! - a title without a name (`الرئيس الروسي`, `وزير الخارجية الروسي`) is
//!   the person who holds that office of that state: the one the document
//!   named so, or the gazetteer's current holder; when the gazetteer knows
//!   no holder, an *official* who stands for the state (rules take them
//!   where they want a person, see [`Mention::official`]);
//! - a counterpart (`نظيره الإيراني`) holds the office of the one its
//!   pronoun names: after a foreign minister, Iran's foreign minister;
//! - a nisba right before a name it qualifies (`العاصمة الفيتنامية هانوي`)
//!   joins that name;
//! - pronoun suffixes, `البلدين`/`الطرفين`, `الزعيمان`, `الأخير(ة)` and
//!   `بلاده` resolve to the nearest earlier entities that fit (gender,
//!   number, kind); the pronoun of a clause that opens the sentence (`وقبل
//!   مغادرته كييف، زار ستارمر`) to the person named after its comma.
//!
//! The words involved are word classes of the rule files (`@title.leader`,
//! `@anaphor.two-states`, ... see `ontology/rules/reference.rules`), so they
//! are data too. What this module does not do: decide relations.

// FxHash: these maps are keyed by token positions and entity ids, built for
// every sentence; SipHash's protection is not needed and cost 2 % of the run.
use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{EntityId, EntityType, Gazetteer, Gender};
use crate::mention::{Mention, MentionKind};
use crate::class_index::{ClassEntries, ClassSet, ClassStarts, Entries};
use crate::rules::RuleSet;
use crate::token::{Token, TokenKind};

/// A leadership title joined to a person and what they lead:
/// `الرئيس الروسي فلاديمير بوتين` states leaderOf(Putin, Russia).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apposition {
    pub person: EntityId,
    pub led: EntityId,
    /// Token range of the whole phrase.
    pub start: usize,
    pub end: usize,
}

/// The word classes this module reads, looked up once.
#[derive(Debug, Default)]
pub struct ReferenceWords {
    leader_titles: ClassEntries,
    other_titles: ClassEntries,
    title_modifiers: ClassEntries,
    two_states: ClassEntries,
    two_sides: ClassEntries,
    two_leaders: ClassEntries,
    latter_f: ClassEntries,
    latter_m: ClassEntries,
    possessed_state: ClassEntries,
    honorifics: ClassEntries,
    capital_noun: ClassEntries,
    state_head: ClassEntries,
    the_country: ClassEntries,
    pronoun_m: ClassEntries,
    pronoun_f: ClassEntries,
    prepositions: ClassEntries,
    city_head: ClassEntries,
    subject_hosts: ClassEntries,
    not_short: ClassEntries,
    relational: ClassEntries,
    delegation_head: ClassEntries,
    nisba_head: ClassEntries,
    actor_head: ClassEntries,
    counterparts: ClassEntries,
    same_office: ClassEntries,
    name_prefixes: ClassEntries,
    title_not_current: ClassEntries,
    group: ClassEntries,
    cataphora_leads: ClassEntries,
    /// The classes above that a token must start for resolution to do
    /// anything there but move on, as a set (see [`ClassStarts::any_starts`]).
    starting: ClassSet,
}

impl ReferenceWords {
    pub fn from_rules(rules: &RuleSet) -> ReferenceWords {
        let get = |name: &str| rules.indexed_class_named(name);
        let mut words = ReferenceWords {
            leader_titles: get("title.leader"),
            other_titles: get("title.other"),
            title_modifiers: get("title.modifier"),
            two_states: get("anaphor.two-states"),
            two_sides: get("anaphor.two-sides"),
            two_leaders: get("anaphor.two-leaders"),
            latter_f: get("anaphor.latter-f"),
            latter_m: get("anaphor.latter-m"),
            possessed_state: get("anaphor.possessed-state"),
            honorifics: get("title.honorific"),
            capital_noun: get("anaphor.capital"),
            state_head: get("name.state-head"),
            the_country: get("anaphor.the-country"),
            pronoun_m: get("pronoun.subject-m"),
            pronoun_f: get("pronoun.subject-f"),
            prepositions: get("preposition"),
            city_head: get("name.city-head"),
            subject_hosts: get("pronoun.subject-host"),
            not_short: get("name.not-short"),
            relational: get("pronoun.relational-host"),
            delegation_head: get("name.delegation-head"),
            nisba_head: get("name.nisba-head"),
            actor_head: get("name.actor-head"),
            counterparts: get("title.counterpart"),
            same_office: get("title.same-office"),
            name_prefixes: get("title.name-prefix"),
            title_not_current: get("title.not-current"),
            group: get("anaphor.group"),
            cataphora_leads: get("pronoun.cataphora-lead"),
            starting: ClassSet::default(),
        };
        // Every class resolution reads at the token it stands on (the
        // others, read at the token before, do not make it start anything).
        let at_token = [
            &words.leader_titles,
            &words.other_titles,
            &words.two_states,
            &words.two_sides,
            &words.two_leaders,
            &words.latter_f,
            &words.latter_m,
            &words.possessed_state,
            &words.honorifics,
            &words.capital_noun,
            &words.state_head,
            &words.the_country,
            &words.pronoun_m,
            &words.pronoun_f,
            &words.city_head,
            &words.delegation_head,
            &words.actor_head,
            &words.group,
        ];
        let numbers: Vec<usize> = at_token.iter().filter_map(|c| c.class()).collect();
        words.starting = rules.first_words().set_of(&numbers);
        words
    }
}

/// The reference words with the classes that may start at each token of
/// the sentence being resolved: [`SentenceWords::find`] answers most
/// lookups with one bit test.
struct SentenceWords<'a> {
    words: &'a ReferenceWords,
    starts: &'a ClassStarts<'a>,
}

impl std::ops::Deref for SentenceWords<'_> {
    type Target = ReferenceWords;

    fn deref(&self) -> &ReferenceWords {
        self.words
    }
}

impl SentenceWords<'_> {
    /// [`match_entries`] for one of the reference classes.
    #[inline]
    fn find(&self, entries: &ClassEntries, tokens: &[Token], i: usize) -> Option<usize> {
        match_class(entries, self.starts, tokens, i)
    }
}

/// [`match_entries`] for a rule set's class, with the sentence's
/// [`ClassStarts`] ruling out most tokens first.
#[inline]
pub fn match_class(entries: &ClassEntries, starts: &ClassStarts, tokens: &[Token], i: usize) -> Option<usize> {
    if !starts.may_start_entries(entries, i) {
        None
    } else if entries.one_word() && entries.class().is_some() {
        // Single words start exactly where they match (on a word, not
        // punctuation, as in `match_entries`).
        tokens.get(i).filter(|t| t.kind != TokenKind::Punct).map(|_| 1)
    } else {
        match_entries(entries, tokens, i)
    }
}

/// Length in tokens of the longest entry of `entries` matching at `i`.
pub fn match_entries(entries: &(impl Entries + ?Sized), tokens: &[Token], i: usize) -> Option<usize> {
    // Most entries fail on the first word: look at that token once, and at
    // the others only for entries whose first word matched (for
    // [`ClassEntries`], only those its index gives for the first word).
    let rest = tokens.get(i..).unwrap_or(&[]);
    let first = rest.first().filter(|t| t.kind != TokenKind::Punct).map(|t| t.stem());
    let mut best = None;
    entries.each_starting_with(first, |e| {
        let matched = match (e.split_first(), first) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some((l0, more)), Some(stem)) => {
                e.len() <= rest.len()
                    && l0.matches(stem)
                    && more.iter().zip(&rest[1..]).all(|(l, t)| t.kind != TokenKind::Punct && l.matches(t.stem()))
            }
        };
        if matched && best < Some(e.len()) {
            best = Some(e.len());
        }
    });
    best
}

/// What the document has said so far, for resolving references.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// Entities in the order they were mentioned (most recent last).
    history: Vec<Recent>,
    /// Who the document has said leads which state or organisation.
    leaders: HashMap<EntityId, EntityId>,
    /// Parts of the full names of people the document named (`كيم` after
    /// `كيم جونغ أون`): a later bare part refers to that person. `None`
    /// marks a part two named people share.
    short_names: HashMap<String, Option<EntityId>>,
    /// Bit `len % 64` for the byte length of every key of `short_names`:
    /// most words are ruled out without hashing them.
    short_name_lengths: u64,
    /// The office each person was named with in the document (`وزير
    /// الخارجية السعودي فيصل بن فرحان`): what `نظيره` after them means.
    offices: HashMap<EntityId, Office>,
    /// The office of the latest official the gazetteer does not name, by
    /// the state they act for (see [`Mention::official`]).
    official_offices: HashMap<EntityId, Office>,
    /// How many sentences were resolved before this one.
    sentence: u32,
    /// Whether the mention being noted follows a preposition, `في`, and
    /// `إلى`/`في` (a destination or a setting).
    oblique: bool,
    locative: bool,
    destination: bool,
    /// Where the last name read as a destination ends: a name joined to it
    /// by `و` is one too (`تحتاج الصين إلى الرياض وأبوظبي`).
    destination_end: Option<usize>,
}

/// An office a title names: its normalised stems (`وزير خارجيه`), and
/// whether it is one of leadership (`@title.leader`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Office {
    title: String,
    leadership: bool,
}

#[derive(Debug, Clone, Copy)]
struct Recent {
    entity: EntityId,
    /// The gender pronouns that refer to it take: the entity's, or a
    /// person's for an official standing for a state.
    gender: Gender,
    /// An official the gazetteer does not name, standing for `entity`, the
    /// state they act for (see [`Mention::official`]).
    official: bool,
    /// The sentence it was named in ([`Context::sentence`]): an unnamed
    /// official is a pronoun's antecedent only in that sentence and the next.
    sentence: u32,
    /// Entered as the state of a person just mentioned, not named itself.
    implied: bool,
    /// Named as the object of a preposition (`من كوريا`, `في إيطاليا`):
    /// not a likely antecedent of a subject pronoun.
    oblique: bool,
    /// Named after `في`: a setting (`قمة … انعقدت في إيطاليا`), not a likely
    /// antecedent of any pronoun.
    locative: bool,
    /// Named after `إلى` or `في`: where someone went or something happened
    /// (`وصل الوزيران إلى بكين`), rarely one of `البلدين`.
    destination: bool,
    /// Named by a nisba adjective (`مظلة أمنية أميركية`): a modifier, not an
    /// antecedent of a pronoun (though `الأخيرة` may pick it up).
    adjective: bool,
}

impl Recent {
    /// A named entity as a pronoun's referent.
    fn of(entity: EntityId, gazetteer: &Gazetteer) -> Recent {
        Recent {
            entity,
            gender: gazetteer.entities[entity].gender,
            official: false,
            sentence: 0,
            implied: false,
            oblique: false,
            locative: false,
            destination: false,
            adjective: false,
        }
    }
}

/// Resolves one sentence's references. Returns the mentions rules will see
/// (sorted, not overlapping) and the appositions found.
pub fn resolve(
    tokens: &[Token],
    found: Vec<Mention>,
    context: &mut Context,
    gazetteer: &Gazetteer,
    words: &ReferenceWords,
    starts: &ClassStarts,
) -> (Vec<Mention>, Vec<Apposition>) {
    let words = &SentenceWords { words, starts };
    // A nisba that is an ordinary word too counts only right after a head
    // noun that makes it a state's (الرئيس المالي, not الدعم المالي).
    let mut found = found;
    found.retain(|m| !m.needs_head || (1..=m.start.min(3)).any(|len| words.find(&words.nisba_head, tokens, m.start - len) == Some(len)));
    for m in &found {
        context.learn_short_names(tokens, m, gazetteer, words);
    }
    let mut at: HashMap<usize, Mention> = found.into_iter().map(|m| (m.start, m)).collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut appositions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        context.oblique = i > 0 && words.find(&words.prepositions, tokens, i - 1) == Some(1);
        context.locative = i > 0 && tokens[i - 1].stem() == "في";
        let joined_to_destination = i > 1 && &*tokens[i - 1].form == "و" && context.destination_end == Some(i - 1);
        context.destination = i > 0 && (matches!(&*tokens[i - 1].form, "في" | "الي" | "نحو") || joined_to_destination);
        // Most tokens start nothing resolution reads: no class it looks
        // for, no mention, no pronoun, no short name.
        if !words.starts.any_starts(&words.starting, i)
            && !at.contains_key(&i)
            && tokens[i].kind != TokenKind::Enclitic
            && context.short_name(&tokens[i]).is_none()
        {
            i += 1;
            continue;
        }
        // 0. Honorifics (فخامة، صاحب السمو) before a title are part of it.
        let mut t = i;
        while let Some(len) = words.find(&words.honorifics, tokens, t).filter(|_| !at.contains_key(&t)) {
            t += len;
        }
        // 1. A title, leadership or other. A title ends where a name the
        // gazetteer knows begins: in رئيسة المفوضية الأوروبية the title is
        // رئيسة and the Commission is what she leads.
        let name_inside = (t + 1..tokens.len()).take(3).find(|k| at.contains_key(k)).unwrap_or(tokens.len());
        let before_name = &tokens[..name_inside];
        // The longer title wins: رئيس هيئة الأركان is not the leader رئيس.
        let other_len = words.find(&words.other_titles, before_name, t);
        let leader_len = words.find(&words.leader_titles, before_name, t).filter(|&l| other_len.is_none_or(|o| l >= o));
        let title_len = leader_len.or(other_len);
        if let Some(len) = title_len.filter(|_| !at.contains_key(&t)) {
            if let Some((mut mention, apposition)) = titled(tokens, t, t + len, leader_len.is_some(), &at, context, gazetteer, words) {
                mention.start = i;
                // A title after a person's name is that person's (الشيخ تميم
                // بن حمد، أمير البلاد): the role is the named person.
                if mention.kind == MentionKind::Role {
                    let previous = out.last().filter(|m| {
                        // Between them: a comma, and perhaps the family name
                        // the gazetteer left out (… بن حمد آل ثاني، أمير البلاد).
                        let mut gap = &tokens[m.end..i];
                        while gap.len() >= 2 && matches!(&*gap[0].form, "ال" | "بن" | "ابن" | "بنت") && gap[1].kind == TokenKind::Word {
                            gap = &gap[2..];
                        }
                        gap.iter().all(|t| t.kind == TokenKind::Punct && matches!(&*t.form, "،" | ","))
                            && m.entities.len() == 1
                            && gazetteer.entities[m.entities[0]].kind == EntityType::Person
                    });
                    // Only when nothing says the person leads something else:
                    // in التقى بوتين رئيس الوزراء الهندي the title is the object.
                    // A bare title (، ولي العهد،) only after a full name,
                    // as before a name (see `titled`).
                    let bare = mention.end == t + len;
                    let previous = previous.filter(|m| {
                        let person = &gazetteer.entities[m.entities[0]];
                        if bare && m.end - m.start < 2 {
                            return false;
                        }
                        let comma = tokens[m.end..i].iter().any(|t| t.kind == TokenKind::Punct);
                        match person.leader_of {
                            Some(led) => Some(led) == mention.modifier,
                            None => comma,
                        }
                    });
                    if let (Some(previous), Some(led)) = (previous, mention.modifier) {
                        let person = previous.entities[0];
                        let start = previous.start;
                        if mention.leader_title {
                            context.leaders.insert(led, person);
                            appositions.push(Apposition { person, led, start, end: mention.end });
                        }
                        // An office that is not leadership (فيصل بن فرحان،
                        // وزير الخارجية السعودي) is the person's, and says
                        // which state they act for.
                        let office = if mention.official { context.official_offices.get(&led).cloned() } else { mention.entities.first().and_then(|&h| context.offices.get(&h).cloned()) };
                        if let Some(office) = office {
                            context.offices.insert(person, office);
                        }
                        // The title joins the name: rules see one mention
                        // (استقبل محمد بن سلمان، ولي العهد، ضيفه).
                        let previous = out.last_mut().expect("previous is the last mention");
                        previous.end = mention.end;
                        if !mention.leader_title && previous.modifier.is_none() {
                            previous.modifier = Some(led);
                        }
                        i = mention.end;
                        continue;
                    }
                }
                i = mention.end;
                context.note(&mention, gazetteer);
                if let Some(a) = apposition {
                    context.leaders.insert(a.led, a.person);
                    appositions.push(a);
                }
                out.push(mention);
                continue;
            }
        }
        // Honorifics before a name the gazetteer knows with its title
        // (صاحب السمو الملكي الأمير محمد بن سلمان) are part of the mention.
        if t > i && at.contains_key(&t) && !at.contains_key(&i) {
            let mut m = at.remove(&t).expect("checked above");
            m.start = i;
            at.insert(i, m);
        }
        // 1b. "The Russian capital": the capital of the nisba's state; "دولة
        // قطر", "جمهورية مصر": a state noun before a state's name joins it.
        if let Some(len) = words.find(&words.capital_noun, tokens, i).filter(|_| !at.contains_key(&i)) {
            if let Some(n) = at.get(&(i + len)).filter(|m| m.kind == MentionKind::Nisba) {
                let state = gazetteer.state_of(n.entities[0]);
                let next_is_name = at.get(&n.end).is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Typo));
                if let (Some(capital), false) = (gazetteer.entities[state].capital, next_is_name) {
                    let end = n.end;
                    at.remove(&(i + len));
                    let m = Mention::new(i, end, MentionKind::Anaphor, vec![capital]);
                    context.note(&m, gazetteer);
                    out.push(m);
                    i = end;
                    continue;
                }
            }
        }
        // "العاصمة الفيتنامية هانوي", "مدينة جدة": the head noun joins the city's name.
        if let Some(len) = words.find(&words.city_head, tokens, i).filter(|_| !at.contains_key(&i)) {
            let mut p = i + len;
            if let Some(n) = at.get(&p).filter(|m| m.kind == MentionKind::Nisba) {
                p = n.end;
            }
            if at.get(&p).is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Typo) && gazetteer.entities[m.entities[0]].kind == EntityType::City) {
                let mut m = at.remove(&p).expect("checked above");
                if p != i + len {
                    let nisba = at.remove(&(i + len)).expect("checked above");
                    m.modifier = Some(gazetteer.state_of(nisba.entities[0]));
                }
                m.start = i;
                at.insert(i, m);
            }
        }
        // "القيادة الروسية", "الحكومة الإسرائيلية": an institution with a
        // nisba acts for the state, like the state's name.
        if let Some(len) = words.find(&words.actor_head, tokens, i).filter(|_| !at.contains_key(&i)) {
            if at.get(&(i + len)).is_some_and(|m| m.kind == MentionKind::Nisba) {
                let mut m = at.remove(&(i + len)).expect("checked above");
                m.start = i;
                m.kind = MentionKind::Name;
                m.entities = vec![gazetteer.state_of(m.entities[0])];
                at.insert(i, m);
            }
        }
        // "وفد من حماس", "وفد حماس": a delegation acts for what sent it.
        if let Some(len) = words.find(&words.delegation_head, tokens, i).filter(|_| !at.contains_key(&i)) {
            let p = if tokens.get(i + len).is_some_and(|t| t.stem() == "من") { i + len + 1 } else { i + len };
            let sender = at.get(&p).is_some_and(|m| {
                matches!(m.kind, MentionKind::Name | MentionKind::Typo)
                    && matches!(gazetteer.entities[m.entities[0]].kind, EntityType::Country | EntityType::Organization)
            });
            if sender {
                let mut m = at.remove(&p).expect("checked above");
                m.start = i;
                at.insert(i, m);
            }
        }
        if let Some(len) = words.find(&words.state_head, tokens, i).filter(|_| !at.contains_key(&i)) {
            if let Some(mut m) = at.remove(&(i + len)) {
                if gazetteer.entities[m.entities[0]].kind == EntityType::Country && m.kind != MentionKind::Nisba {
                    m.start = i;
                }
                at.insert(m.start, m);
            }
        }
        // 2. A gazetteer mention, perhaps a nisba qualifying the next name.
        if let Some(m) = at.remove(&i) {
            let mut m = m;
            if m.kind == MentionKind::Nisba {
                if let Some(next) = at.get(&m.end) {
                    let qualified = next.entities[0];
                    let state = gazetteer.state_of(m.entities[0]);
                    if matches!(next.kind, MentionKind::Name | MentionKind::Typo)
                        && (gazetteer.state_of(qualified) == state && qualified != state
                            || gazetteer.entities[qualified].leader_of == Some(state))
                    {
                        let mut merged = at.remove(&m.end).expect("checked above");
                        merged.start = m.start;
                        merged.modifier = Some(state);
                        m = merged;
                    }
                }
            }
            i = m.end;
            context.destination_end = context.destination.then_some(m.end);
            context.note(&m, gazetteer);
            out.push(m);
            continue;
        }
        // 2b. A part of a full name the document gave before (كيم، يون).
        if let Some(person) = context.short_name(&tokens[i]) {
            let m = Mention::new(i, i + 1, MentionKind::Name, vec![person]);
            context.note(&m, gazetteer);
            out.push(m);
            i += 1;
            continue;
        }
        // 3. "His country": a state noun with a pronoun.
        if let Some(len) = words.find(&words.possessed_state, tokens, i) {
            if let Some(pronoun) = tokens.get(i + len).filter(|t| t.kind == TokenKind::Enclitic) {
                if let Some(owner) = context.pronoun(&pronoun.form, gazetteer) {
                    if let Some(state) = context.state_of(owner.entity, gazetteer) {
                        let m = Mention::new(i, i + len + 1, MentionKind::Anaphor, vec![state]);
                        i = m.end;
                        context.note(&m, gazetteer);
                        out.push(m);
                        continue;
                    }
                }
            }
        }
        // 4. Pronoun suffixes. On أن، إن، لكن the suffix is the clause's
        // subject (أنها بخير) and continues the subject before it.
        if tokens[i].kind == TokenKind::Enclitic {
            let subject_host = i > 0 && words.find(&words.subject_hosts, tokens, i - 1) == Some(1);
            // وقبل مغادرته كييف، زار ستارمر …: the pronoun of a clause that
            // opens the sentence is the main clause's subject, named right
            // after the comma.
            let forward = if !subject_host && &*tokens[i].form == "ه" { cataphora(tokens, i, &at, gazetteer, words) } else { None };
            let resolved = match (subject_host, &*tokens[i].form) {
                _ if forward.is_some() => forward.map(|person| Recent::of(person, gazetteer)),
                (true, "ه") => context.subject_pronoun(Gender::Masculine, gazetteer),
                (true, "ها") => context.subject_pronoun(Gender::Feminine, gazetteer),
                _ => {
                    // On a relational noun, a possessive pronoun does not
                    // refer to the noun right before its host word (تعد الصين
                    // شريكها: "its partner" is not China's own), which is a
                    // co-argument; on other nouns it may (أكدت فرنسا دعمها).
                    let relational = i >= 1 && words.find(&words.relational, tokens, i - 1) == Some(1);
                    let adjacent = out.last().filter(|m| relational && m.end == i - 1).map(|m| m.entities.clone()).unwrap_or_default();
                    context.pronoun_excluding(&tokens[i].form, &adjacent, gazetteer)
                }
            };
            if let Some(referent) = resolved {
                let mut m = Mention::new(i, i + 1, MentionKind::Pronoun, vec![referent.entity]);
                m.official = referent.official;
                context.note(&m, gazetteer);
                out.push(m);
            } else if &*tokens[i].form == "هما" {
                let pair = context.last_two(gazetteer, |_| true);
                if pair.len() == 2 {
                    out.push(Mention::new(i, i + 1, MentionKind::Pronoun, pair));
                }
            }
            i += 1;
            continue;
        }
        // 5. Phrases that point back.
        let one = |r: Option<Recent>| (r.map(|r| vec![r.entity]).unwrap_or_default(), r.is_some_and(|r| r.official));
        let anaphor = if let Some(len) = words.find(&words.two_states, tokens, i) {
            let country = |e: EntityId| gazetteer.entities[e].kind == EntityType::Country;
            // العاصمتان are places: a destination may be one of them.
            let pair = if tokens[i].stem().starts_with("عاصمت") { context.last_two(gazetteer, country) } else { context.last_two_parties(gazetteer, country) };
            Some((len, pair, false))
        } else if let Some(len) = words.find(&words.two_sides, tokens, i) {
            // Two sides are two states or organisations; a person counts as
            // the state they lead, which the history holds right before them.
            // A city that is not a capital is no side.
            Some((len, context.last_two_parties(gazetteer, |e| matches!(gazetteer.entities[e].kind, EntityType::Country | EntityType::Organization)), false))
        } else if let Some(len) = words.find(&words.two_leaders, tokens, i) {
            // الرئيسان، الزعيمان، الوزيران: the two people last named.
            Some((len, context.last_two_where(gazetteer, &|e| gazetteer.entities[e].kind == EntityType::Person, 16, |_| true), false))
        } else if let Some(len) = words.find(&words.the_country, tokens, i).filter(|_| tokens[i].article) {
            Some((len, context.latest_state(gazetteer).into_iter().collect(), false))
        } else if let Some(len) = words.find(&words.group, tokens, i) {
            // القادة، الدول الأعضاء: the members of the organisation just
            // named. A head noun that begins organisations' names (الحلف،
            // الحركة، الحزب) is the latest of those organisations only.
            let named: Vec<EntityId> = if len == 1 {
                gazetteer.names_starting_with(tokens[i].stem()).iter().map(|n| n.entity).collect()
            } else {
                Vec::new()
            };
            let org = |e: EntityId| gazetteer.entities[e].kind == EntityType::Organization && (named.is_empty() || named.contains(&e));
            Some((len, context.latest_matching(org).into_iter().collect(), false))
        } else if let Some(len) = words.find(&words.pronoun_f, tokens, i) {
            let (entities, official) = one(context.subject_pronoun(Gender::Feminine, gazetteer));
            Some((len, entities, official))
        } else if let Some(len) = words.find(&words.pronoun_m, tokens, i) {
            let (entities, official) = one(context.subject_pronoun(Gender::Masculine, gazetteer));
            Some((len, entities, official))
        } else if let Some(len) = words.find(&words.latter_f, tokens, i).filter(|_| !after_definite(tokens, i)) {
            let (entities, official) = one(context.latest(gazetteer, Gender::Feminine));
            Some((len, entities, official))
        } else if let Some(len) = words.find(&words.latter_m, tokens, i).filter(|_| !after_definite(tokens, i)) {
            let (entities, official) = one(context.latest(gazetteer, Gender::Masculine));
            Some((len, entities, official))
        } else {
            None
        };
        if let Some((len, mut entities, mut official)) = anaphor {
            // "البلدان، مصر والسعودية،": the names that follow say who.
            if tokens.get(i + len).is_some_and(|t| matches!(&*t.form, "،" | ",")) {
                let named = |p: usize| at.get(&p).filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Typo));
                if let Some(first) = named(i + len + 1) {
                    entities = vec![gazetteer.state_of(first.entities[0])];
                    official = false;
                    if let Some(second) = tokens.get(first.end).filter(|t| &*t.form == "و").and_then(|_| named(first.end + 1)) {
                        entities.push(gazetteer.state_of(second.entities[0]));
                    }
                }
            }
            if !entities.is_empty() {
                let mut m = Mention::new(i, i + len, MentionKind::Anaphor, entities);
                m.official = official;
                // A single referent becomes the most recent entity again
                // (`الحلف … باعتباره`); a pair (`البلدين`) does not reorder.
                if m.entities.len() == 1 {
                    context.note(&m, gazetteer);
                }
                out.push(m);
                i += len;
                continue;
            }
        }
        i += 1;
    }
    context.sentence += 1;
    (out, appositions)
}

/// The person a pronoun at `i` refers forward to: the sentence opens with
/// a word of `@pronoun.cataphora-lead` (قبل، بعد، لدى …) and the pronoun's
/// host (مغادرته، وصوله), and the person is named within three words after
/// the comma that closes that clause (… كييف، زار ستارمر).
fn cataphora(tokens: &[Token], i: usize, at: &HashMap<usize, Mention>, gazetteer: &Gazetteer, words: &SentenceWords) -> Option<EntityId> {
    let first = usize::from(tokens.first().is_some_and(|t| t.kind == TokenKind::Proclitic));
    if i != first + 2 || words.find(&words.cataphora_leads, tokens, first) != Some(1) {
        return None;
    }
    let comma = (i + 1..tokens.len().min(i + 6)).find(|&k| matches!(&*tokens[k].form, "،" | ","))?;
    (comma + 1..tokens.len().min(comma + 4)).find_map(|k| {
        at.get(&k)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Typo) && gazetteer.entities[m.entities[0]].kind == EntityType::Person)
            .map(|m| m.entities[0])
    })
}

/// True when the word before `i` is definite (has the article or a pronoun
/// suffix): then `الأخير` there is an adjective agreeing with it (`بيانها
/// الختامي الأخير`, "its final statement"), not "the latter".
fn after_definite(tokens: &[Token], i: usize) -> bool {
    i > 0 && (tokens[i - 1].article || tokens[i - 1].kind == TokenKind::Enclitic)
}

/// A title at `i..title_end` followed by what it qualifies.
#[allow(clippy::too_many_arguments)]
fn titled(
    tokens: &[Token],
    i: usize,
    title_end: usize,
    leadership: bool,
    at: &HashMap<usize, Mention>,
    context: &mut Context,
    gazetteer: &Gazetteer,
    words: &SentenceWords,
) -> Option<(Mention, Option<Apposition>)> {
    let mut p = title_end;
    let mut modifier: Option<EntityId> = None;
    // The state is named (a nisba, a name in construct), not a pronoun's.
    let mut named_state = false;
    // نظيره الصيني: "his counterpart" is China's; the pronoun names the
    // other side, not the state led. A counterpart (نظير) holds the office
    // of the one the pronoun names; a guest (ضيف) is a head of state.
    let counterpart = words.find(&words.counterparts, tokens, i).is_some();
    let same_office = counterpart && words.find(&words.same_office, tokens, i).is_some();
    let mut antecedent = None;
    if counterpart && tokens.get(p).is_some_and(|t| t.kind == TokenKind::Enclitic) {
        if same_office {
            antecedent = context.pronoun(&tokens[p].form, gazetteer);
        }
        p += 1;
    } else if same_office && tokens[title_end - 1].form.ends_with('ه') {
        // نظيره written as one word (the lexicon knows نظيرة, so the
        // tokenizer keeps it whole): "his counterpart".
        antecedent = context.pronoun("ه", gazetteer);
    }
    // What the title is of: a nisba (الرئيس الروسي), a pronoun (رئيسها), or a
    // state in construct (رئيس روسيا, الأمين العام للأمم المتحدة).
    if let Some(k) = (i..title_end).find(|&k| tokens[k].kind == TokenKind::Enclitic) {
        // A title whose pronoun sits inside it (أمينه العام، أمينها العام).
        let owner = context.pronoun(&tokens[k].form, gazetteer)?.entity;
        modifier = context.state_of(owner, gazetteer).or(Some(owner));
    } else if let Some(m) = at.get(&p).filter(|m| m.kind == MentionKind::Nisba) {
        modifier = Some(gazetteer.state_of(m.entities[0]));
        named_state = true;
        p = m.end;
    } else if let Some(len) = words.find(&words.the_country, tokens, p).filter(|_| tokens[p].article) {
        // أمير البلاد: the state the text is about.
        modifier = Some(context.latest_state(gazetteer)?);
        p += len;
    } else if !counterpart && tokens.get(p).is_some_and(|t| t.kind == TokenKind::Enclitic) {
        // زعيمها تو لام: when the gazetteer knows what the named person
        // leads and the document just named it, that is the possessor.
        let named = at.get(&(p + 1)).filter(|m| gazetteer.entities[m.entities[0]].kind == EntityType::Person);
        let known = named.and_then(|m| gazetteer.entities[m.entities[0]].leader_of).filter(|&led| context.mentioned_recently(led, gazetteer));
        let owner = match known {
            Some(led) => led,
            None => context.pronoun(&tokens[p].form, gazetteer)?.entity,
        };
        modifier = context.state_of(owner, gazetteer).or(Some(owner));
        p += 1;
    } else {
        // A definite title is not in construct with the name after it:
        // in يزور ولي العهد طهران, Tehran is the object, not the crown's.
        let proclitic = tokens.get(p).is_some_and(|t| t.kind == TokenKind::Proclitic && &*t.form == "ل");
        let q = if proclitic { p + 1 } else { p };
        if let Some(m) = at.get(&q).filter(|m| {
            (proclitic || !tokens[title_end - 1].article)
                && matches!(m.kind, MentionKind::Name | MentionKind::Typo | MentionKind::Nickname)
                && gazetteer.entities[m.entities[0]].kind != EntityType::Person
        }) {
            modifier = Some(gazetteer.state_of(m.entities[0]));
            named_state = true;
            p = m.end;
        }
    }
    // Words like السابق between the title and the name; "former" and
    // "elect" titles say nothing about who leads now.
    let mut current = true;
    loop {
        if let Some(len) = words.find(&words.title_not_current, tokens, p) {
            current = false;
            p += len;
        } else if let Some(len) = words.find(&words.title_modifiers, tokens, p) {
            p += len;
        } else {
            break;
        }
    }
    let is_person = |m: &&Mention| {
        matches!(m.kind, MentionKind::Name | MentionKind::Typo | MentionKind::Nickname) && gazetteer.entities[m.entities[0]].kind == EntityType::Person
    };
    // A courtesy title before the name (وزير الخارجية السعودي الأمير فيصل
    // بن فرحان) belongs to the name.
    if let Some(len) = words.find(&words.name_prefixes, tokens, p).filter(|&len| at.get(&(p + len)).is_some_and(|m| is_person(&m))) {
        p += len;
    }
    let leadership = leadership && current;
    let title_stems = |end: usize| tokens[i..end].iter().filter(|t| t.kind != TokenKind::Enclitic).map(|t| t.stem()).collect::<Vec<&str>>().join(" ");
    // The title may go on past the words the classes know, into a title
    // the gazetteer gives the person named after it: رئيس حكومة تصريف
    // الأعمال نجيب ميقاتي.
    let mut full_title_end = title_end;
    if modifier.is_none() && !counterpart && !at.get(&p).is_some_and(|m| is_person(&m)) {
        let extended = (p + 1..=(p + 3).min(tokens.len())).take_while(|&q| tokens[q - 1].kind == TokenKind::Word).find(|&q| {
            at.get(&q).filter(is_person).is_some_and(|m| {
                let title = title_stems(q);
                gazetteer.entities[m.entities[0]].titles.contains(&title)
            })
        });
        if let Some(q) = extended {
            full_title_end = q;
            p = q;
        }
    }
    if let Some(person) = at.get(&p).filter(is_person) {
        let who = person.entities[0];
        // نظيره الإيراني عباس عراقجي: a counterpart holds the same office as
        // the other side, which need not be leadership (a foreign minister's
        // counterpart): it states leadership only of the person's own state.
        let leadership = leadership && !(counterpart && gazetteer.entities[who].leader_of != modifier);
        // A bare title before a full name (المستشار أولاف شولتز، المرشد
        // الأعلى علي خامنئي) introduces the person by their office: it states
        // what they lead when it is the title the gazetteer gives them for
        // that role. A title before a surname alone (الرئيس بوتين) is a
        // familiar reference to someone already introduced, not a statement.
        let title = title_stems(full_title_end);
        let bare_title_of = || {
            let e = &gazetteer.entities[who];
            if person.end - person.start < 2 {
                return None;
            }
            e.leader_of.filter(|_| !e.former && !counterpart && e.titles.contains(&title))
        };
        let modifier = modifier.or_else(|| if leadership { bare_title_of() } else { None });
        if !counterpart && current {
            context.offices.insert(who, Office { title: title.clone(), leadership });
        }
        let mut mention = Mention::new(i, person.end, MentionKind::Titled, vec![who]);
        mention.modifier = modifier;
        mention.leader_title = leadership;
        let apposition = modifier
            .filter(|_| leadership)
            .map(|led| Apposition { person: who, led, start: i, end: person.end });
        return Some((mention, apposition));
    }
    // A role noun without a name: the person who holds it.
    let title = title_stems(title_end);
    // Only a definite title stands alone: رئيس in construct (رئيس مجلس
    // الوزراء) waits for its complement.
    if modifier.is_none() && !counterpart && current && tokens[title_end - 1].article {
        // A bare title (سمو ولي العهد، وقال المستشار) is the person the
        // document last named who holds it; failing that, whoever holds it
        // in the state just named (زار عراقجي الرياض والتقى ولي العهد).
        let holder = context.titled_recently(&title, gazetteer).or_else(|| {
            let state = context.recent_state(gazetteer, 8)?;
            gazetteer.office_holder(state, &title).map(|h| Recent::of(h, gazetteer))
        })?;
        let mut mention = Mention::new(i, p, MentionKind::Role, vec![holder.entity]);
        if holder.official {
            mention.official = true;
            mention.modifier = Some(holder.entity);
        } else {
            mention.modifier = gazetteer.entities[holder.entity].leader_of.filter(|_| leadership);
            mention.leader_title = leadership;
        }
        return Some((mention, None));
    }
    // A former or elect holder says nothing about who holds it now.
    let state = modifier.filter(|_| current)?;
    // The office the role noun names: its own title's, or for a
    // counterpart the office of the one the pronoun names (unknown: the
    // head of state, as for a guest).
    let office = if same_office {
        antecedent.and_then(|r| context.office_of(&r, gazetteer))
    } else if counterpart {
        None
    } else {
        Some(Office { title, leadership })
    };
    let holder = match &office {
        Some(o) if !o.leadership => gazetteer.office_holder(state, &o.title),
        Some(o) => context.leader_of(state, &o.title, gazetteer),
        None => context.leader_of(state, "", gazetteer),
    };
    let Some(holder) = holder else {
        // An office the gazetteer knows no holder of (وزير الخارجية السعودي
        // الأمير …, نظيره الإيراني after him): an official acting for the
        // state, whom rules take where they want a person. Only a state the
        // title names: one a pronoun gives (المتحدث باسمه) may be wrong.
        if !named_state {
            return None;
        }
        let mut mention = Mention::new(i, p, MentionKind::Role, vec![state]);
        mention.modifier = Some(state);
        mention.official = true;
        let office = office.unwrap_or(Office { title: String::new(), leadership: true });
        context.official_offices.insert(state, office);
        return Some((mention, None));
    };
    let leads = office.as_ref().is_none_or(|o| o.leadership);
    if let Some(o) = office.filter(|_| !counterpart) {
        context.offices.insert(holder, o);
    }
    let mut mention = Mention::new(i, p, MentionKind::Role, vec![holder]);
    mention.modifier = Some(state);
    mention.leader_title = leads;
    Some((mention, None))
}

impl Context {
    /// Records the entities of a mention as the most recent ones.
    fn note(&mut self, mention: &Mention, gazetteer: &Gazetteer) {
        let recent = |entity: EntityId, implied: bool, official: bool, context: &Context| Recent {
            entity,
            gender: if official { Gender::Masculine } else { gazetteer.entities[entity].gender },
            official,
            sentence: context.sentence,
            implied,
            oblique: context.oblique,
            locative: context.locative,
            destination: context.destination,
            adjective: mention.kind == MentionKind::Nisba,
        };
        if let Some(m) = mention.modifier.filter(|_| !mention.official) {
            self.history.push(recent(m, false, false, self));
        }
        for &e in &mention.entities {
            let e = gazetteer.state_of(e);
            if mention.official {
                // The state, for `البلدين`, then the official, for `ه`.
                self.history.push(recent(e, true, false, self));
                self.history.push(recent(e, false, true, self));
                continue;
            }
            if gazetteer.entities[e].kind == EntityType::Person {
                if let Some(state) = self.state_of(e, gazetteer) {
                    self.history.push(recent(state, true, false, self));
                }
            }
            self.history.push(recent(e, false, false, self));
        }
        if self.history.len() > 64 {
            self.history.drain(..32);
        }
    }

    /// The state an entity acts for: a person's state, a capital's country.
    fn state_of(&self, entity: EntityId, gazetteer: &Gazetteer) -> Option<EntityId> {
        let e = &gazetteer.entities[entity];
        match e.kind {
            EntityType::Person => self
                .leaders
                .iter()
                .filter(|(_, &p)| p == entity)
                .map(|(&s, _)| s)
                .min()
                // The state a head of an agency serves, not the agency.
                .or(e.leader_of.filter(|&l| gazetteer.entities[l].kind == EntityType::Country))
                .or(e.serves)
                .or(e.leader_of),
            EntityType::Country | EntityType::City => Some(gazetteer.state_of(entity)),
            _ => None,
        }
    }

    /// Who leads `state` under this title: the person the document named so,
    /// else the gazetteer's current holder whose titles include it.
    fn leader_of(&self, state: EntityId, title: &str, gazetteer: &Gazetteer) -> Option<EntityId> {
        if let Some(&p) = self.leaders.get(&state) {
            let titles = &gazetteer.entities[p].titles;
            if titles.is_empty() || titles.iter().any(|t| t == title) {
                return Some(p);
            }
        }
        let holders: Vec<EntityId> = (0..gazetteer.entities.len())
            .filter(|&p| {
                let e = &gazetteer.entities[p];
                e.leader_of == Some(state) && !e.former && e.kind == EntityType::Person
            })
            .collect();
        // A title the gazetteer does not list (نظير, "counterpart") means the
        // head of state: the holder titled president, king or emir.
        let heads = ["رءيس", "ملك", "امير", "عاهل", "سلطان"];
        holders
            .iter()
            .copied()
            .find(|&p| gazetteer.entities[p].titles.iter().any(|t| t == title))
            .or_else(|| (holders.len() == 1).then(|| holders[0]))
            .or_else(|| holders.iter().copied().find(|&p| gazetteer.entities[p].titles.iter().any(|t| heads.contains(&t.as_str()))))
    }

    /// Records the parts of a person's full name (two words or more) as
    /// names of that person for the rest of the document. Parts shorter than
    /// three letters and the words of `@name.not-short` (بن، عبد، محمد …)
    /// are left out: they name nobody alone.
    fn learn_short_names(&mut self, tokens: &[Token], mention: &Mention, gazetteer: &Gazetteer, words: &SentenceWords) {
        let [person] = mention.entities[..] else { return };
        if gazetteer.entities[person].kind != EntityType::Person
            || !matches!(mention.kind, MentionKind::Name | MentionKind::Typo)
            || mention.end - mention.start < 2
        {
            return;
        }
        for k in mention.start..mention.end {
            let t = &tokens[k];
            if t.kind != TokenKind::Word || t.article || t.stem().chars().count() < 3 || words.find(&words.not_short, tokens, k).is_some() {
                continue;
            }
            self.short_name_lengths |= 1 << (t.stem().len() % 64);
            let entry = self.short_names.entry(t.stem().to_string()).or_insert(Some(person));
            if *entry != Some(person) {
                *entry = None;
            }
        }
    }

    /// The person a bare name part refers to, if the document gave it.
    fn short_name(&self, token: &Token) -> Option<EntityId> {
        if token.kind != TokenKind::Word || token.article || self.short_name_lengths & (1 << (token.stem().len() % 64)) == 0 {
            return None;
        }
        self.short_names.get(token.stem()).copied().flatten()
    }

    /// The person the document named last whose gazetteer titles include
    /// `title` (normalised stems), or whom it named with that title; or an
    /// official it named with it.
    fn titled_recently(&self, title: &str, gazetteer: &Gazetteer) -> Option<Recent> {
        self.history.iter().rev().copied().find(|r| {
            if r.official {
                return self.official_offices.get(&r.entity).is_some_and(|o| o.title == title);
            }
            let e = &gazetteer.entities[r.entity];
            e.kind == EntityType::Person && (e.titles.iter().any(|t| t == title) || self.offices.get(&r.entity).is_some_and(|o| o.title == title))
        })
    }

    /// The office of a person or official the document named: the title it
    /// named them with, else the first the gazetteer gives them.
    fn office_of(&self, referent: &Recent, gazetteer: &Gazetteer) -> Option<Office> {
        if referent.official {
            return self.official_offices.get(&referent.entity).cloned();
        }
        if let Some(office) = self.offices.get(&referent.entity) {
            return Some(office.clone());
        }
        // The titles of a person who leads something are of leadership.
        let e = &gazetteer.entities[referent.entity];
        let title = e.titles.first().filter(|_| e.kind == EntityType::Person)?;
        Some(Office { title: title.clone(), leadership: e.leader_of.is_some() })
    }

    /// The referent of a pronoun suffix.
    fn pronoun(&self, form: &str, gazetteer: &Gazetteer) -> Option<Recent> {
        match form {
            "ه" => self.pronoun_excluding(form, &[], gazetteer),
            "ها" => self.pronoun_excluding(form, &[], gazetteer),
            _ => None,
        }
    }

    /// Whether the document named this entity (or its capital) among the
    /// last few entities.
    fn mentioned_recently(&self, entity: EntityId, gazetteer: &Gazetteer) -> bool {
        self.history.iter().rev().take(12).any(|r| gazetteer.state_of(r.entity) == entity)
    }

    /// Whether a pronoun of this gender may refer to `r`: an official the
    /// gazetteer does not name only in the sentence that named them and
    /// the next (the text soon names someone else it does not know).
    fn fits(&self, r: &Recent, gender: Gender) -> bool {
        r.gender == gender && (!r.official || self.sentence - r.sentence <= 1)
    }

    /// The referent of a pronoun suffix, passing over `excluded` entities.
    fn pronoun_excluding(&self, form: &str, excluded: &[EntityId], gazetteer: &Gazetteer) -> Option<Recent> {
        let gender = match form {
            "ه" => Gender::Masculine,
            "ها" => Gender::Feminine,
            _ => return None,
        };
        // Nouns, not adjectives, are antecedents; settings (في X) only when
        // nothing else fits.
        let find = |skip_settings: bool| {
            self.history
                .iter()
                .rev()
                .filter(|r| !r.implied && !r.adjective && !excluded.contains(&r.entity) && (!skip_settings || !r.locative))
                .find(|r| self.fits(r, gender))
                .copied()
        };
        find(true).or_else(|| find(false)).or_else(|| self.latest(gazetteer, gender))
    }

    /// The referent of a subject pronoun (هو، هي): the latest entity of the
    /// gender that was not a prepositional object, as subjects continue
    /// subjects; failing that, the latest of the gender.
    fn subject_pronoun(&self, gender: Gender, gazetteer: &Gazetteer) -> Option<Recent> {
        self.history
            .iter()
            .rev()
            .filter(|r| !r.implied && !r.oblique && !r.adjective)
            .find(|r| self.fits(r, gender))
            .copied()
            .or_else(|| self.latest(gazetteer, gender))
    }

    /// The most recent named entity of this gender, passing over settings
    /// (`في X`) unless nothing else fits.
    fn latest(&self, _gazetteer: &Gazetteer, gender: Gender) -> Option<Recent> {
        let find = |skip_settings: bool| {
            self.history
                .iter()
                .rev()
                .filter(|r| !r.implied && (!skip_settings || !r.locative))
                .find(|r| self.fits(r, gender))
                .copied()
        };
        find(true).or_else(|| find(false))
    }

    /// The most recent entity that passes `keep`.
    fn latest_matching(&self, keep: impl Fn(EntityId) -> bool) -> Option<EntityId> {
        self.history.iter().rev().map(|r| r.entity).find(|&e| keep(e))
    }

    /// The most recent state among the last `window` entities, named or
    /// implied by its leader.
    fn recent_state(&self, gazetteer: &Gazetteer, window: usize) -> Option<EntityId> {
        self.history
            .iter()
            .rev()
            .take(window)
            .map(|r| gazetteer.state_of(r.entity))
            .find(|&e| gazetteer.entities[e].kind == EntityType::Country)
    }

    /// The most recent state, named or implied by its leader.
    fn latest_state(&self, gazetteer: &Gazetteer) -> Option<EntityId> {
        self.history
            .iter()
            .rev()
            .map(|r| gazetteer.state_of(r.entity))
            .find(|&e| gazetteer.entities[e].kind == EntityType::Country)
    }

    /// The two parties `البلدين`, `الطرفين` refer to: the two most recent
    /// that pass `keep`; but when the latest was named as a destination or
    /// a setting, the two others its sentence named, if it named two (وصل
    /// وزيرا خارجية السعودية وإيران إلى بكين … البلدين: not China).
    fn last_two_parties(&self, gazetteer: &Gazetteer, keep: impl Fn(EntityId) -> bool) -> Vec<EntityId> {
        let latest = self.history.iter().rev().find(|r| keep(gazetteer.state_of(r.entity)));
        if let Some(place) = latest.filter(|r| r.destination) {
            let others = self.last_two_where(gazetteer, &keep, usize::MAX, |r| r.sentence == place.sentence && !r.destination);
            if others.len() == 2 {
                return others;
            }
        }
        self.last_two(gazetteer, keep)
    }

    /// The two most recent distinct entities that pass `keep`, older first.
    fn last_two(&self, gazetteer: &Gazetteer, keep: impl Fn(EntityId) -> bool) -> Vec<EntityId> {
        self.last_two_where(gazetteer, &keep, usize::MAX, |_| true)
    }

    /// The two most recent distinct entities that pass `keep`, among the
    /// last `window` history entries that pass `named`, older first.
    fn last_two_where(&self, gazetteer: &Gazetteer, keep: &impl Fn(EntityId) -> bool, window: usize, named: impl Fn(&Recent) -> bool) -> Vec<EntityId> {
        let mut pair: Vec<EntityId> = Vec::new();
        for r in self.history.iter().rev().take(window).filter(|r| named(r)) {
            let e = gazetteer.state_of(r.entity);
            if keep(e) && !pair.contains(&e) {
                pair.push(e);
                if pair.len() == 2 {
                    break;
                }
            }
        }
        if pair.len() == 2 {
            pair.reverse();
            pair
        } else {
            Vec::new()
        }
    }
}
