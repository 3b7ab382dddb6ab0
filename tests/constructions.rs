//! The constructions news Arabic is made of, each with sentences of its own.
//!
//! Every case states what a reader of the graph would see: the asserted
//! statements (`S | relation | O`), the statements marked not asserted
//! (`negated S | …`, `hypothetical S | …`), and statements that must not
//! appear. Sentences were written for this test, not taken from any article.

use std::collections::BTreeSet;

use sanad::{Assertion, Document, Extractor, Ontology};

fn extractor() -> &'static Extractor {
    use std::sync::OnceLock;
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Ontology::bundled().expect("bundled ontology compiles")))
}

/// Every statement of a text, as `[negated |hypothetical ]S | rel | O`, with
/// symmetric relations written both ways so tests need not know the order.
fn statements(text: &str) -> BTreeSet<String> {
    let x = extractor();
    let g = x.gazetteer();
    let label = |id: &str| g.entities[g.get(id).unwrap()].label_en.clone();
    let mut out = BTreeSet::new();
    for t in x.extract(&Document::new("t", text)).triples {
        let prefix = match t.assertion {
            Assertion::Asserted => "",
            Assertion::Negated => "negated ",
            Assertion::Hypothetical => "hypothetical ",
        };
        let (s, o) = (label(&t.subject), label(&t.object));
        out.insert(format!("{prefix}{s} | {} | {o}", t.relation));
        if t.relation.is_symmetric() {
            out.insert(format!("{prefix}{o} | {} | {s}", t.relation));
        }
    }
    out
}

#[track_caller]
fn check(text: &str, expected: &[&str], forbidden: &[&str]) {
    let got = statements(text);
    let missing: Vec<_> = expected.iter().filter(|e| !got.contains(**e)).collect();
    let present: Vec<_> = forbidden.iter().filter(|f| got.contains(**f)).collect();
    assert!(
        missing.is_empty() && present.is_empty(),
        "\ntext:      {text}\nmissing:   {missing:?}\nforbidden: {present:?}\ngot:       {got:#?}"
    );
}

// ── Coordination ────────────────────────────────────────────────────────────

#[test]
fn coordinated_objects_give_one_statement_each() {
    check(
        "فرضت الولايات المتحدة عقوبات جديدة على روسيا وإيران وكوريا الشمالية.",
        &["United States | sanctions | Russia", "United States | sanctions | Iran", "United States | sanctions | North Korea"],
        &[],
    );
}

#[test]
fn coordinated_subjects_with_kull_min() {
    check(
        "أعلنت كل من فرنسا وألمانيا حزمة من العقوبات على بيلاروسيا.",
        &["France | sanctions | Belarus", "Germany | sanctions | Belarus"],
        &[],
    );
}

#[test]
fn kullan_min_is_not_a_negation() {
    // كلاً من ("both … and …") must not be read as ك + لا.
    check(
        "استضاف الرئيس الفرنسي إيمانويل ماكرون في باريس كلاً من المستشار الألماني أولاف شولتس ورئيس الوزراء الهندي ناريندرا مودي.",
        &["Emmanuel Macron | met | Olaf Scholz", "Emmanuel Macron | met | Narendra Modi", "Narendra Modi | visited | France"],
        &["negated Emmanuel Macron | met | Olaf Scholz"],
    );
}

#[test]
fn dual_nisba_adjectives_name_both_states() {
    check(
        "تسعى الولايات المتحدة منذ سنوات إلى مواجهة النفوذين الروسي والصيني في أفريقيا.",
        &["hypothetical United States | opposes | Russia", "hypothetical United States | opposes | China"],
        &["Russia | opposes | China"],
    );
    check(
        "عملت الولايات المتحدة طويلا على مواجهة النفوذين الروسي والصيني في أفريقيا.",
        &["United States | opposes | Russia", "United States | opposes | China"],
        &[],
    );
    check("تتصاعد الحرب الروسية الأوكرانية منذ عامين.", &["Russia | atWarWith | Ukraine"], &[]);
}

#[test]
fn the_two_countries_after_between() {
    check(
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة، وجرى توقيع اتفاقيات تعاون بين البلدين.",
        &["Egypt | signedAgreement | France"],
        &[],
    );
}

// ── Appositions and titles ──────────────────────────────────────────────────

#[test]
fn title_nisba_and_name_state_leadership() {
    check(
        "استقبل الرئيس التركي رجب طيب أردوغان نظيره الإيراني مسعود بزشكيان في أنقرة.",
        &[
            "Recep Tayyip Erdoğan | leaderOf | Turkey",
            "Masoud Pezeshkian | leaderOf | Iran",
            "Recep Tayyip Erdoğan | met | Masoud Pezeshkian",
            "Masoud Pezeshkian | visited | Turkey",
        ],
        &[],
    );
}

#[test]
fn possessive_titles_name_the_possessor() {
    check(
        "زار المبعوث الأمريكي فيتنام والتقى رئيسها تو لام.",
        &["To Lam | leaderOf | Vietnam"],
        &[],
    );
}

#[test]
fn a_bare_title_before_a_full_name_states_the_office() {
    // The title the gazetteer gives the person for their role introduces them.
    check(
        "أعلن المستشار أولاف شولتس أن بلاده سترسل منظومة دفاع جوي جديدة.",
        &["Olaf Scholz | leaderOf | Germany"],
        &[],
    );
    check(
        "استقبل رئيس الوزراء ناريندرا مودي ضيفه في نيودلهي.",
        &["Narendra Modi | leaderOf | India"],
        &[],
    );
    // A title before a surname alone is a familiar reference, not a statement;
    // a title the person does not hold (a minister is no president) says nothing.
    check("قال الرئيس بوتين إن المحادثات كانت بناءة.", &[], &["Vladimir Putin | leaderOf | Russia"]);
    check("قال الوزير سيرغي لافروف إن المحادثات كانت بناءة.", &[], &["Sergey Lavrov | leaderOf | Russia"]);
}

#[test]
fn titles_after_a_full_name_and_bare_titles_later() {
    // Honorifics and a title after the name belong to the host's mention;
    // a bare definite title later is the person the text named with it.
    check(
        "استقبل صاحب السمو الملكي الأمير محمد بن سلمان، ولي العهد رئيس مجلس الوزراء، ضيفه الفرنسي في الرياض. وشهد سمو ولي العهد والرئيس الفرنسي توقيع اتفاقيات للتعاون في الطاقة.",
        &[
            "Mohammed bin Salman | leaderOf | Saudi Arabia",
            "Mohammed bin Salman | met | Emmanuel Macron",
            "Emmanuel Macron | visited | Saudi Arabia",
            "Mohammed bin Salman | signedAgreement | Emmanuel Macron",
        ],
        &[],
    );
    // رئيس in construct waits for its complement: it is nobody alone.
    check(
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى برلين. واستقبله رئيس البرلمان الألماني.",
        &[],
        &["Emmanuel Macron | met | Emmanuel Macron", "Olaf Scholz | met | Emmanuel Macron"],
    );
}

#[test]
fn a_title_ends_where_a_known_name_begins() {
    // رئيسة المفوضية الأوروبية: the Commission is what she leads.
    check(
        "تعهدت رئيسة المفوضية الأوروبية أورسولا فون دير لاين بمواصلة الدعم.",
        &["Ursula von der Leyen | leaderOf | European Commission"],
        &[],
    );
    // A pronoun inside the title names its possessor.
    check(
        "عقدت جامعة الدول العربية اجتماعا طارئا، وقال أمينها العام أحمد أبو الغيط إن الوضع خطير.",
        &["Ahmed Aboul Gheit | leaderOf | Arab League"],
        &[],
    );
}

#[test]
fn a_counterpart_is_a_leader_only_if_they_lead() {
    // A foreign minister's counterpart is a foreign minister.
    check(
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي في موسكو.",
        &["Sergey Lavrov | met | Abbas Araghchi"],
        &["Abbas Araghchi | leaderOf | Iran"],
    );
    check(
        "استقبل الرئيس التركي رجب طيب أردوغان نظيره الإيراني مسعود بزشكيان.",
        &["Masoud Pezeshkian | leaderOf | Iran"],
        &[],
    );
}

#[test]
fn a_leader_is_related_to_their_own_state_only_by_leading_it() {
    // «دعم فرنسا» is France's support (the genitive is its agent), not
    // Macron supporting France; a leader arriving in their own state is going
    // home, not a visit.
    check(
        "أكد الرئيس الفرنسي إيمانويل ماكرون دعم فرنسا الثابت لسيادة لبنان.",
        &["Emmanuel Macron | leaderOf | France", "France | supports | Lebanon"],
        &["Emmanuel Macron | supports | France"],
    );
    check("عاد الرئيس التركي رجب طيب أردوغان إلى تركيا بعد جولة خليجية.", &[], &["Recep Tayyip Erdoğan | visited | Turkey"]);
}

#[test]
fn former_and_elect_titles_do_not_state_leadership() {
    check("قال الرئيس الأمريكي المنتخب دونالد ترامب إنه سيزور الصين.", &[], &["Donald Trump | leaderOf | United States"]);
}

// ── Reference ───────────────────────────────────────────────────────────────

#[test]
fn pronoun_suffixes_resolve_by_gender() {
    check(
        "أجرى ولي العهد السعودي محمد بن سلمان محادثات في الرياض، وتناول لقاؤه الرئيس الفرنسي إيمانويل ماكرون ملف الطاقة.",
        &["Mohammed bin Salman | met | Emmanuel Macron"],
        &[],
    );
}

#[test]
fn a_possessive_after_the_subject_is_the_subject_except_on_relational_nouns() {
    check(
        "أعلنت روسيا أنها ستواصل التعاون مع فنزويلا. وأكدت فرنسا دعمها الكامل للمغرب.",
        &["France | supports | Morocco"],
        &["Russia | supports | Morocco"],
    );
}

#[test]
fn the_two_countries_named_in_apposition_are_those_named() {
    // البلدان، مصر والسعودية: the apposition says which two, not the context.
    check(
        "وقعت الهند وروسيا اتفاقية لتوريد النفط. ويوقع البلدان، مصر والسعودية، اتفاقية للربط الكهربائي.",
        &["Egypt | signedAgreement | Saudi Arabia", "India | signedAgreement | Russia"],
        &["Egypt | signedAgreement | India", "Russia | signedAgreement | Saudi Arabia"],
    );
}

#[test]
fn the_latter_resolves_to_the_last_entity_of_its_gender() {
    check(
        "ناقش الاتحاد الأوروبي الحرب الروسية على أوكرانيا، وأعلن الاتحاد الأوروبي دعم الأخيرة.",
        &["Russia | atWarWith | Ukraine", "European Union | supports | Ukraine"],
        &["European Union | supports | Russia"],
    );
    // After a definite noun, الأخير is an adjective ("the final statement").
    check(
        "قال ماكرون إن مجموعة السبع أكدت في بيانها الختامي الأخير استمرار دعمها لكييف.",
        &["G7 | supports | Ukraine"],
        &["Emmanuel Macron | supports | Ukraine"],
    );
}

#[test]
fn role_nouns_resolve_to_the_person() {
    check(
        "أكد الرئيس الروسي فلاديمير بوتين أن الرئيس الروسي سيزور بكين، وزار الزعيم الصيني موسكو لاحقا.",
        &["Xi Jinping | visited | Moscow"],
        &[],
    );
}

#[test]
fn a_part_of_a_full_name_given_before_is_that_person() {
    // After the full name, news calls a person by one part of it.
    check(
        "استقبل الرئيس الصيني شي جين بينغ نظيره الكوري الجنوبي يون سوك يول في بكين. وفي اليوم التالي زار يون شنغهاي.",
        &["Yoon Suk Yeol | visited | Shanghai"],
        &[],
    );
    // Not before the full name, and not a common given name.
    check("زار يون شنغهاي أمس.", &[], &["Yoon Suk Yeol | visited | Shanghai"]);
    check(
        "التقى ولي العهد السعودي محمد بن سلمان الرئيس الفرنسي. ثم زار محمد القاهرة.",
        &[],
        &["Mohammed bin Salman | visited | Cairo", "Mohammed bin Salman | visited | Egypt"],
    );
}

#[test]
fn a_group_noun_is_the_latest_organisation_its_head_names() {
    // الحلف is the alliance named last, not the group named after it.
    check(
        "قال حلف شمال الأطلسي إن مجموعة فاغنر تنشط في بيلاروسيا. وتعتبر روسيا الحلف تهديدا وجوديا.",
        &["Russia | opposes | NATO"],
        &["Russia | opposes | Wagner Group"],
    );
}

#[test]
fn a_delegation_acts_for_what_sent_it() {
    check("زار وفد من حركة حماس موسكو أمس.", &["Hamas | visited | Moscow"], &[]);
}

#[test]
fn nicknames_and_capitals_stand_for_states() {
    check("تحتاج موسكو إلى بكين اقتصاديا.", &["Russia | needs | China"], &[]);
    check("تعمقت الشراكة بين الدب الروسي والتنين الصيني.", &["Russia | partnerOf | China"], &[]);
}

#[test]
fn capitals_stay_cities_as_visit_destinations() {
    check("زار رئيس الوزراء الهندي ناريندرا مودي موسكو.", &["Narendra Modi | visited | Moscow"], &["Narendra Modi | visited | Russia"]);
}

// ── Offices and officials ───────────────────────────────────────────────────

#[test]
fn a_foreign_ministers_counterpart_is_the_other_foreign_minister() {
    // نظيره holds the office of the one it is the counterpart of: the
    // Russian foreign minister, not the Russian president.
    check(
        "وصل وزير الخارجية السعودي فيصل بن فرحان إلى موسكو حيث التقى نظيره الروسي.",
        &["Faisal bin Farhan Al Saud | met | Sergey Lavrov", "Faisal bin Farhan Al Saud | visited | Moscow"],
        &["Faisal bin Farhan Al Saud | met | Vladimir Putin"],
    );
}

#[test]
fn a_counterpart_whose_office_holder_is_unknown_is_the_state() {
    // Nobody in the gazetteer heads Iran's general staff: the counterpart
    // of the Saudi chief of staff stands for Iran, never for its president.
    check(
        "توجه رئيس هيئة الأركان العامة السعودي إلى طهران حيث التقى نظيره الإيراني.",
        &["Saudi Arabia | visited | Tehran", "Saudi Arabia | met | Iran"],
        &["Saudi Arabia | met | Masoud Pezeshkian", "Saudi Arabia | met | Ali Khamenei"],
    );
}

#[test]
fn an_official_the_gazetteer_does_not_name_acts_for_their_state() {
    check("وصل وزير الخارجية الأرجنتيني إلى بكين أمس في زيارة رسمية.", &["Argentina | visited | Beijing"], &["Argentina | leaderOf | Argentina"]);
}

#[test]
fn the_foreign_ministry_inside_a_ministers_title_is_not_the_state() {
    // «الخارجية السعودية» alone acts for Saudi Arabia; inside «وزير
    // الخارجية السعودي» it is the minister's office, and the minister is
    // named after a courtesy title.
    check(
        "وصل وزير الخارجية السعودي الأمير فيصل بن فرحان إلى طهران.",
        &["Faisal bin Farhan Al Saud | visited | Tehran"],
        &["Saudi Arabia | visited | Tehran"],
    );
}

#[test]
fn a_title_the_gazetteer_gives_runs_on_to_the_name() {
    // رئيس حكومة تصريف الأعمال is one title of Mikati's.
    check("وقال رئيس حكومة تصريف الأعمال نجيب ميقاتي إن لبنان يتطلع إلى الهدوء.", &["Najib Mikati | leaderOf | Lebanon"], &[]);
}

#[test]
fn a_definite_title_is_not_in_construct_with_the_name_after_it() {
    // يزور ولي العهد أنقرة: Ankara is what he visits, not whose crown prince he is.
    check(
        "استقبل الرئيس المصري عبد الفتاح السيسي ولي العهد السعودي الأمير محمد بن سلمان. ثم زار ولي العهد أنقرة.",
        &["Mohammed bin Salman | visited | Ankara"],
        &["Recep Tayyip Erdoğan | visited | Ankara"],
    );
}

#[test]
fn a_pronoun_in_an_opening_clause_is_the_subject_named_after_the_comma() {
    check(
        "قال المتحدث باسم الكرملين دميتري بيسكوف إن روسيا ستراقب الوضع. وقبل مغادرته كييف، زار ستارمر مستشفى عسكريا.",
        &["Keir Starmer | visited | Kyiv"],
        &["Dmitry Peskov | visited | Kyiv"],
    );
}

#[test]
fn the_two_countries_are_not_where_the_ministers_went() {
    check(
        "وصل وزير الخارجية السعودي فيصل بن فرحان ونظيره الإيراني حسين أمير عبداللهيان إلى بكين. واتفق البلدان على تفعيل اتفاقية التعاون الموقعة بين البلدين.",
        &["Iran | partnerOf | Saudi Arabia"],
        &["China | partnerOf | Iran", "China | partnerOf | Saudi Arabia"],
    );
}

#[test]
fn the_two_leaders_are_the_last_two_people_named() {
    check(
        "وصل الرئيس المصري عبد الفتاح السيسي والرئيس الصومالي حسن شيخ محمود إلى أسمرة. وعقد الزعيمان جلسة مباحثات مغلقة.",
        &["Abdel Fattah el-Sisi | met | Hassan Sheikh Mohamud"],
        &[],
    );
}

// ── Reversal ────────────────────────────────────────────────────────────────

#[test]
fn vice_versa_adds_the_inverse() {
    check(
        "تحتاج القاهرة الرياض والعكس صحيح.",
        &["Egypt | needs | Saudi Arabia", "Saudi Arabia | needs | Egypt"],
        &[],
    );
}

// ── Verbs, verbal nouns, passives, relative clauses ─────────────────────────

#[test]
fn verbal_nouns_and_performed_visits() {
    check("أثارت زيارة المستشار الألماني أولاف شولتس إلى الصين جدلا.", &["Olaf Scholz | visited | China"], &[]);
    check("ناقش البرلمان الزيارة التي قام بها الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر.", &["Emmanuel Macron | visited | Algeria"], &[]);
}

#[test]
fn imposed_sanctions_take_their_agent_from_the_clause() {
    check("قررت مجموعة السبع توسيع العقوبات المفروضة على إيران.", &["G7 | sanctions | Iran"], &[]);
    check("أضرت العقوبات الأمريكية المفروضة على كوبا باقتصادها.", &["United States | sanctions | Cuba"], &[]);
}

#[test]
fn relative_clauses_give_the_agent() {
    check(
        "انتقدت موسكو الدول الغربية التي تواصل تقديم الدعم العسكري لأوكرانيا.",
        &["Western world | supports | Ukraine"],
        &[],
    );
}

// ── Negation and modality ───────────────────────────────────────────────────

#[test]
fn negated_statements_are_kept_but_not_asserted() {
    check("لم يزر الرئيس الصيني شي جين بينغ اليابان منذ سنوات.", &["negated Xi Jinping | visited | Japan"], &["Xi Jinping | visited | Japan"]);
    check(
        "نفت الخارجية المصرية، ردا على تقارير، أن تكون القاهرة قد وقعت اتفاقا مع موسكو.",
        &["negated Egypt | signedAgreement | Russia"],
        &["Egypt | signedAgreement | Russia"],
    );
}

#[test]
fn false_negation_cues_still_assert() {
    // "It is no secret that", "did not hide": the statement is asserted.
    check("ليس سرا أن إيران تدعم جماعة الحوثي في اليمن.", &["Iran | supports | Houthis"], &["negated Iran | supports | Houthis"]);
    check("لم تخف تركيا دعمها لقطر خلال الأزمة.", &["Turkey | supports | Qatar"], &["negated Turkey | supports | Qatar"]);
}

#[test]
fn the_object_of_a_verbal_noun_is_no_agent() {
    // دعم الأخيرة: Ukraine is supported here, it confronts no one.
    check(
        "ناقش الاجتماع الحرب في أوكرانيا وتعزيز الجهود لدعم الأخيرة ومواجهة النفوذ الروسي.",
        &[],
        &["Ukraine | opposes | Russia"],
    );
}

#[test]
fn hedged_statements_are_hypothetical() {
    check("قد تفرض بريطانيا عقوبات على إيران.", &["hypothetical United Kingdom | sanctions | Iran"], &["United Kingdom | sanctions | Iran"]);
    check(
        "من غير المرجح أن تفرض الهند عقوبات على روسيا.",
        &["hypothetical India | sanctions | Russia"],
        &["India | sanctions | Russia"],
    );
    check("تتهم واشنطن طهران بتزويد الحوثيين بالصواريخ.", &[], &["Iran | supports | Houthis"]);
}

#[test]
fn a_future_event_is_a_plan_but_a_lasting_state_is_asserted() {
    check(
        "أعلن البيت الأبيض أن الرئيس الأمريكي سيزور السعودية الشهر المقبل.",
        &["hypothetical Joe Biden | visited | Saudi Arabia"],
        &["Joe Biden | visited | Saudi Arabia"],
    );
    check("ستظل أوكرانيا بحاجة إلى المساعدات الأمريكية.", &["Ukraine | needs | United States"], &[]);
    // What is awaited has not happened yet; an arrival "on an awaited visit" has.
    check(
        "من المنتظر أن يزور الرئيس الصيني شي جين بينغ البرازيل الشهر المقبل.",
        &["hypothetical Xi Jinping | visited | Brazil"],
        &["Xi Jinping | visited | Brazil"],
    );
    check("وصل أمير قطر الشيخ تميم بن حمد آل ثاني إلى القاهرة في زيارة مرتقبة.", &["Tamim bin Hamad Al Thani | visited | Cairo"], &[]);
}

#[test]
fn qad_before_a_past_verb_asserts() {
    check("كانت إيران قد تعرضت لعقوبات أمريكية.", &["United States | sanctions | Iran"], &[]);
}

#[test]
fn qad_before_a_verb_that_begins_with_al_asserts() {
    // التقى begins with the letters of the article: قد التقى is still "has met".
    check(
        "وكان الرئيس الفرنسي إيمانويل ماكرون قد التقى في نيويورك رئيس الوزراء الهندي ناريندرا مودي.",
        &["Emmanuel Macron | met | Narendra Modi"],
        &["hypothetical Emmanuel Macron | met | Narendra Modi"],
    );
}

#[test]
fn sanctions_on_a_states_exports_and_confrontation_between() {
    check(
        "تضررت إيران من العقوبات الأوروبية المفروضة على صادرات إيران النفطية.",
        &["European Union | sanctions | Iran"],
        &[],
    );
    check(
        "تتصاعد المواجهة غير المباشرة بين إيران وإسرائيل.",
        &["Iran | opposes | Israel", "Israel | opposes | Iran"],
        &[],
    );
}

#[test]
fn a_denial_ends_with_its_clause() {
    check(
        "رفضت روسيا التأكيد على حصولها على أسلحة من إيران، وهي قادرة على خوض الحرب ضد أوكرانيا.",
        &["Russia | atWarWith | Ukraine"],
        &[],
    );
}

// ── Time ────────────────────────────────────────────────────────────────────

#[test]
fn years_and_dates_are_attached_as_time() {
    let x = extractor();
    let extraction = x.extract(&Document::new("t", "زار الرئيس الصيني شي جين بينغ باريس في العام 2019."));
    let visit = extraction.triples.iter().find(|t| t.relation == sanad::Relation::Visited).expect("the visit is extracted");
    assert_eq!(visit.evidence[0].time.as_deref(), Some("في العام 2019"));
    let extraction = x.extract(&Document::new("t", "التقى بوتين الرئيس الصيني شي جين بينغ منتصف الشهر الجاري."));
    let met = extraction.triples.iter().find(|t| t.relation == sanad::Relation::Met).expect("the meeting is extracted");
    assert_eq!(met.evidence[0].time.as_deref(), Some("منتصف الشهر الجاري"));
}

// ── Spelling ────────────────────────────────────────────────────────────────

#[test]
fn jim_and_ghayn_variants_of_transliterated_names() {
    check("زار الزعيم الكوري الشمالي كيم جونج أون بيونج يانج.", &["Kim Jong Un | leaderOf | North Korea"], &[]);
    check("وصل الرئيس بوتين إلى بيونج يانج.", &["Vladimir Putin | visited | Pyongyang"], &[]);
}

#[test]
fn one_letter_typos_in_long_names() {
    check("وصل بوتين إلى بوينغ يانغ.", &["Vladimir Putin | visited | Pyongyang"], &[]);
    check("فرضت الولايات المتحدة عقوبات على اسرايل.", &["United States | sanctions | Israel"], &[]);
}

#[test]
fn glued_words_are_split_when_the_joint_is_clear() {
    check("فرضت اليابان عقوبات على كورياالشمالية.", &["Japan | sanctions | North Korea"], &[]);
}
