"""People no dictionary lists, named after a noun of function (kg.extract.people)."""

from __future__ import annotations

from extract_helpers import analyse, of_class, only, positions, roles

from kg.articles import parse_article_text


def people(a) -> set[str]:
    return {m.text for m in a.mentions if m.cls == "Person" and m.keys}


def test_noun_of_function_before_the_name(ex):
    a = analyse(ex, "Das teilte Armeesprecher Oberst Kwame Mensah am Abend mit.")
    # the title is part of the mention ("Armeesprecher" is one), the noun of function
    # ("Oberst") part of neither the name nor the label
    assert ("kvame-mensah", "Person", "Kwame Mensah") in a.new_entities
    assert [e.actors() for e in of_class(a, "Statement")] == [("kvame-mensah",)]


def test_a_spokesman_of_a_state_body_named_after_a_demonstrative_speaks(ex):
    # the parse takes "Das" for the subject; the title, its state's forces and the name
    # in apposition are one speaker, with the forces' short name in parentheses too
    for text in (
        "Das teilte der Sprecher der ruandischen Streitkräfte, Oberst Ronald Rwivanga, "
        "am Sonntagabend mit.",
        "Das teilte der Sprecher der ruandischen Streitkräfte (RDF), Oberst Ronald "
        "Rwivanga, am Sonntagabend mit.",
    ):
        a = analyse(ex, text)
        assert roles(only(a, "Statement")) == {("agent", "ronald-rvivanga")}
        assert ("ronald-rvivanga", "spokesperson", "rwanda") in positions(a)


def test_the_short_name_of_a_state_body_is_the_state(ex):
    # "(RDF)" after "der ruandischen Streitkräfte" names Rwanda's forces, not a new
    # organisation called "Streitkräfte"
    a = analyse(
        ex,
        "Der Sprecher der ruandischen Streitkräfte (RDF) äußerte sich nicht. Die RDF "
        "griffen am Montag Stellungen der FDLR an.",
    )
    assert ("agent", "rwanda") in roles(only(a, "MilitaryAction"))
    assert not [k for k, cls, _l in a.new_entities if cls == "Organization"]


def test_apposition_after_the_noun_and_its_genitive(ex):
    a = analyse(
        ex, "Der Leiter der Regierungsdelegation, Jean-Paul Moussa, sagte, man sei zufrieden."
    )
    assert ("yean-paul-musa", "Person", "Jean-Paul Moussa") in a.new_entities
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("yean-paul-musa",)


def test_coordinated_names_after_a_plural_noun(ex):
    a = analyse(ex, "Geleitet wurden die Gespräche von den Unterhändlern Ana Ruiz und Pedro Gil.")
    assert {"Ana Ruiz", "Pedro Gil"} <= people(a)


def test_a_single_word_after_the_noun_is_no_name(ex):
    a = analyse(ex, "Der Sprecher Ruiz lehnte ab.")
    assert "Ruiz" not in people(a)


def test_the_surname_refers_back_later(ex):
    a = analyse(
        ex, "Das teilte Regierungssprecher Ahmed Karimi mit. Karimi sagte, die Lage sei ruhig."
    )
    keys = {m.keys for m in a.mentions if m.text in ("Ahmed Karimi", "Karimi")}
    assert len(keys) == 1


def test_a_full_name_after_a_preposition_is_a_person(ex):
    a = analyse(ex, "Das von Joaquim Chissano vermittelte Abkommen wurde unterzeichnet.")
    assert "Joaquim Chissano" in people(a)
    (med,) = of_class(a, "Mediation")
    assert med.actors() == (next(m.keys[0] for m in a.mentions if m.text == "Joaquim Chissano"),)


def test_a_known_place_or_a_single_word_is_no_bare_name(ex):
    a = analyse(ex, "Die Gespräche in Addis Abeba mit Ruiz endeten.")
    assert not people(a)


def test_particles_inside_a_name_after_a_title(ex):
    # Portuguese and Arabic particles are tagged as adverbs or articles, not names
    a = analyse(
        ex,
        "Das Protokoll unterschrieben Generalstabschef Rui da Costa Pinto und der "
        "Unterhändler Tomás dos Reis.",
    )
    keys = {k for m in a.mentions if m.cls == "Person" for k in m.keys}
    assert {"rui-da-kosta-pinto", "tomas-dos-reis"} <= keys
    assert ("rui-da-kosta-pinto", "Person", "Rui da Costa Pinto") in a.new_entities


def test_a_known_surname_as_given_name_before_an_arabic_article(ex):
    # "Ahmed" is the dictionary's surname of Abiy Ahmed; "Ahmed al-Nuri" is someone else
    a = analyse(ex, "Ministerpräsident Ahmed al-Nuri sagte, die Lage sei ruhig.")
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("ahmed-al-nuri",)


def test_a_common_given_name_alone_is_no_known_person(ex):
    # "Ali" ends the full name "Abiy Ahmed Ali", but alone it names nobody
    a = analyse(ex, "Ein Sprecher namens Ali sagte, man warte ab. Ali lehnte jede Frist ab.")
    assert not any("abiy-ahmed" in m.keys for m in a.mentions)


def test_an_honorific_between_title_and_name_is_no_part_of_the_name(ex):
    a = analyse(ex, "Das verkündete Außenminister Scheich Salim bin Nasser al-Harthi in Maskat.")
    assert any(k == "salim-bin-naser-al-harthi" for k, _c, _l in a.new_entities)


def test_a_title_in_apposition_with_a_multiword_state_after_the_name(ex):
    a = analyse(
        ex,
        "Die Gespräche eröffnete Félix Tshisekedi, der Präsident der Demokratischen "
        "Republik Kongo.",
    )
    assert ("felix-tshisekedi", "president", "dr-congo") in positions(a)


def test_a_title_with_von_and_a_state_in_apposition_after_the_name(ex):
    a = analyse(ex, "Die Gespräche eröffnete Marcel Ondo, Präsident von Gabun.")
    assert ("markel-ondo", "president", "gabon") in positions(a)


def test_a_plural_title_names_two_people_of_the_pair_one_of_them_known(ex):
    a = analyse(
        ex,
        "Indien und China wollen die Lage entschärfen. In Moskau einigten sich die "
        "Außenminister Subrahmanyam Jaishankar und Wang Yi auf fünf Punkte.",
    )
    assert {("subrahmanyam-jaishankar", "foreign-minister", "india"),
            ("wang-yi", "foreign-minister", "china")} <= positions(a)  # fmt: skip


def test_a_plural_title_with_two_unknown_people_gives_no_office(ex):
    a = analyse(
        ex,
        "Ghana und Togo wollen die Lage entschärfen. In Lomé einigten sich die "
        "Außenminister Kwame Mensah und Koffi Adjo auf fünf Punkte.",
    )
    assert not {p for p in positions(a) if p[1] == "foreign-minister"}


def test_a_compound_of_a_title_head_is_a_title_of_that_office(ex):
    a = analyse(ex, "Der kenianische Bergbauminister John Munyes kritisierte die Entscheidung.")
    assert ("yohn-munyes", "minister", "kenya") in positions(a)
    assert ex.lexicon.title_role("Regierungssprechers") == "spokesperson"
    assert ex.lexicon.title_role("Sicherheitsberaterin") == "adviser"
    # too short a first part is no title: "Fürsprecher", "Versprecher"
    assert ex.lexicon.title_role("Fürsprecher") is None
    # a hyphenated title keeps the office of its head, the owner read first
    assert ex.lexicon.title_role("US-Außenminister") is None


def test_the_speaker_after_an_accusation_clause_still_speaks(ex):
    a = analyse(
        ex,
        "Sie habe ihm vorgehalten, mit der »unrechtmäßigen Besetzung« gegen das Völkerrecht "
        "zu verstoßen, teilte Regierungssprecher Paul Mba mit.",
    )
    assert ("agent", "paul-mba") in {
        (r.value, k) for e in of_class(a, "Statement") for r, k in e.roles
    }


def test_a_definite_title_alone_is_the_one_holder_named_before(ex):
    a = analyse(
        ex,
        "Im Beisein von König Hussein unterzeichneten die Regierungschefs den Vertrag. "
        "„Dies ist ein Frieden mit Würde“, sagte der König vor Tausenden Gästen.",
    )
    assert [s.actors() for s in of_class(a, "Statement")] == [("husein",)]
    # two presidents named: "der Präsident" is neither
    b = analyse(
        ex,
        "Präsident William Ruto traf Präsident Salva Kiir. „Wir sind bereit“, sagte der Präsident.",
    )
    assert not of_class(b, "Statement")


def test_the_name_after_a_particle_refers_back(ex):
    # "Burhan" after "Abdel Fattah al-Burhan", as the press writes it
    a = analyse(
        ex,
        "Armeechef Abdel Fattah al-Burhan sagte, die Lage sei ruhig. Burhan warf der RSF "
        "einen Putschversuch vor.",
    )
    assert ("agent", "abdel-fattah-al-burhan") in roles(only(a, "Accusation"))


def test_a_middle_name_refers_back(ex):
    # "Murad" of "Al Haj Murad Ebrahim" (an honorific, the name, the surname)
    a = analyse(
        ex,
        "Der Vorsitzende der Islamischen Befreiungsfront der Moros (MILF), Al Haj Murad "
        "Ebrahim, war anwesend. Murad nannte das Abkommen «die Krönung unseres Kampfes».",
    )
    assert ("agent", "murad-ebrahim") in roles(only(a, "Statement"))
    assert ("murad-ebrahim", "chairperson", "milf") in positions(a)


def test_a_given_name_opening_another_full_name_is_no_back_reference(ex):
    a = analyse(
        ex,
        "Das teilte Scheich Hamad bin Dschassim al-Thani mit. Es unterschrieb auch Scheich "
        "Hamad bin Chalifa al-Thani.",
    )
    assert len({k for m in a.mentions if m.cls == "Person" for k in m.keys}) == 2


def test_a_known_surname_inside_a_new_full_name_is_no_person_of_its_own(ex):
    # "Ahmed" is Abiy Ahmed's surname in the dictionary; here it is part of a name
    a = analyse(
        ex,
        "Der Vorsitzende der Nationalen Front, Ali Ahmed Musa, kam. Später sagte der "
        "Vorsitzende der Nationalen Front, Ali Ahmed Musa, er sei zufrieden.",
    )
    keys = {k for m in a.mentions for k in m.keys}
    assert "abiy-ahmed" not in keys
    assert ("agent", "ali-ahmed-musa") in roles(only(a, "Statement"))


def test_the_office_of_a_title_after_a_relative_possessive(ex):
    a = analyse(
        ex,
        "Der Arabischen Liga, deren Generalsekretär Karim Haddad die Verhandlungen "
        "begleitete, gehören der Libanon und Katar an.",
    )
    assert ("karim-hadad", "secretary-general", "arab-league") in positions(a)


def test_an_acronym_in_parentheses_keeps_its_name_before_an_apposition(ex):
    a = analyse(
        ex,
        "Es unterschrieb der Führer der Vereinigten Tadschikischen Opposition (VTO), Rustam "
        "Nasarow.",
    )
    ((_p, _r, org),) = [p for p in positions(a) if p[0] == "rustam-nasarov"]
    assert any(m.text == "VTO" and m.keys == (org,) for m in a.mentions)


def test_an_english_surname_is_no_state_spelt_alike(ex):
    # "Cameron" sounds like "Cameroon", the state's English name
    a = analyse(ex, "Das vereinbarten Premierminister David Cameron und Präsident Hollande.")
    assert "cameroon" not in {k for m in a.mentions for k in m.keys}
    assert "David Cameron" in people(a) or any(m.text.endswith("David Cameron") for m in a.mentions)


def test_a_full_name_inside_a_phrase_before_the_next_phrase(ex):
    a = analyse(
        ex,
        "Nach zweitägigen Gesprächen mit Tomas Varga in Moskau stimmte Leonid Breschnew "
        "dem Plan zu.",
    )
    talks = only(a, "Negotiation")
    assert ("participant", "tomas-varga") in roles(talks)


def test_a_full_name_opening_the_sentence_before_a_relative_clause(ex):
    a = analyse(
        ex,
        "Die Lage ist unklar. Karim Haddad, der das Repräsentantenhaus in Tobruk führt, und "
        "Nuri Abusahmein, Chef des Nationalkongresses, lehnen das Abkommen ab.",
    )
    agents = {k for r, k in roles(only(a, "Rejection")) if r == "agent"}
    assert agents == {"karim-hadad", "nuri-abusahmein"}


def test_members_of_parliament_act_for_their_state(ex):
    a = analyse(
        ex,
        "Abgeordnete der beiden rivalisierenden Parlamente Libyens haben ein Abkommen "
        "unterzeichnet.",
    )
    assert ("participant", "libya") in roles(only(a, "Agreement"))


def test_a_leader_named_in_full_holds_the_office_of_their_state(ex):
    # leaders.tsv gives the nationality; the office is the article's title
    a = analyse(
        ex,
        "Syrien lehnte den Plan ab. Präsident Hafis al-Assad sagte, Damaskus werde nicht "
        "verhandeln.",
    )
    assert ("hafez-al-assad", "president", "syria") in positions(a)


def test_a_leaders_surname_alone_names_nobody_until_named_in_full(ex):
    a = analyse(ex, "Schaibani sagte, die Lage sei ruhig.")
    assert "asaad-al-shaibani" not in {k for m in a.mentions for k in m.keys}
    a = analyse(
        ex,
        "Außenminister Asaad al-Schaibani reiste nach Ankara. Schaibani sagte, die Lage sei ruhig.",
    )
    assert ("agent", "asaad-al-shaibani") in roles(only(a, "Statement"))


def test_a_leader_of_two_states_holds_the_office_of_the_story_s(ex):
    # Milošević led Serbia, then Yugoslavia: the article about Yugoslavia decides
    a = analyse(
        ex,
        "Die Nato greift Jugoslawien an. Präsident Slobodan Milošević rief die Bevölkerung "
        "zur Verteidigung auf.",
    )
    assert ("slobodan-milosevic", "president", "yugoslavia") in positions(a)


def test_the_possessor_of_a_title_is_part_of_the_title(ex):
    a = analyse(
        ex,
        "Algeriens Präsident Abdelaziz Bouteflika lud ein. Zwischen den Delegationen "
        "vermittelte Bouteflikas Sondergesandter Ahmed Ouyahia.",
    )
    assert roles(only(a, "Mediation")) == {("agent", "ahmed-ouyahia")}
    assert ("ahmed-ouyahia", "special-envoy", "algeria") in positions(a)


def test_the_neighbour_is_the_state_the_article_names_most(ex):
    a = analyse(
        ex,
        "Der Sudan und der Tschad einigten sich in Dakar. Präsident Omar Bongo aus Gabun war "
        "Gast. Der Sudan bestreitet alles. Der Tschad wirft dem Nachbarland vor, Rebellen zu "
        "bewaffnen.",
    )
    assert ("addressee", "sudan") in roles(only(a, "Accusation"))


def test_the_genitive_s_after_a_title_is_no_part_of_the_name(ex):
    # regression: "König Husseins" minted a person "Husseins" whom "Hussein" never named
    a = analyse(
        ex,
        "Im Beisein König Husseins unterzeichneten die Delegationen den Vertrag. Hussein "
        "sagte, der Frieden sei nah.",
    )
    (holder,) = {m.keys for m in a.mentions if m.text == "König Husseins"}
    assert ("agent", holder[0]) in roles(only(a, "Statement"))
    assert (holder[0], "Person", "Hussein") in a.new_entities


def test_names_ending_in_s_keep_it_after_a_title(ex):
    a = analyse(ex, "Die Regierung Präsident Carlos Morales lehnte den Plan ab.")
    assert "Carlos Morales" in {lab for _k, c, lab in a.new_entities if c == "Person"}


def test_the_heads_of_both_sides_hold_the_office_of_their_own_state(ex):
    # "beider Seiten" names no states; the dictionary knows whose state is whose
    a = analyse(
        ex,
        "Serbien und das Kosovo haben sich geeinigt. Das Abkommen paraphierten die "
        "Regierungschefs beider Seiten, Ivica Dačić und Hashim Thaçi, am Freitag.",
    )
    assert {
        ("ivica-dacic", "head-of-government", "serbia"),
        ("hashim-thaci", "head-of-government", "kosovo"),
    } <= positions(a)


def test_a_known_person_keeps_their_state_in_a_list_after_both_countries(ex):
    # regression: "beider Länder" took the two states named last (Djibouti and Qatar)
    a = analyse(
        ex,
        "Eritrea und Dschibuti stritten um die Grenze. Katar vermittelte. Eine Vereinbarung "
        "hätten die Präsidenten beider Länder, Isaias Afewerki und Ismail Omar Guelleh, "
        "unterzeichnet.",
    )
    assert {
        ("isaias-afwerki", "president", "eritrea"),
        ("ismail-omar-guelleh", "president", "djibouti"),
    } <= positions(a)
    assert not {p for p in positions(a) if p[2] == "qatar"}


def test_colleagues_listed_after_the_noun_hold_the_office_of_their_state(ex):
    a = analyse(
        ex,
        "Die Außenminister Großbritanniens, Griechenlands und der Türkei trafen sich in Genf. "
        "Der britische Außenminister James Callaghan sowie seine Kollegen Dimitris Bitsios und "
        "Turan Günes unterzeichneten die Erklärung.",
    )
    assert ("turan-gunes", "foreign-minister", "turkey") in positions(a)
    # an unknown colleague's state is not told
    assert not {p for p in positions(a) if p[0].startswith("dimitris")}


def test_a_capital_names_its_state_for_a_known_persons_office(ex):
    a = analyse(
        ex,
        "Die Nato griff an. Scharfe Kritik kam aus Moskau. Präsident Boris Jelzin sprach von "
        "Aggression.",
    )
    assert ("boris-yeltsin", "president", "russia") in positions(a)


def test_an_office_stated_with_als(ex):
    a = analyse(
        ex,
        "Griechenland begrüßte die Erklärung. Konstantin Karamanlis führt seither als "
        "Ministerpräsident die Regierung.",
    )
    assert ("konstantinos-karamanlis", "prime-minister", "greece") in positions(a)
    a = analyse(ex, "Die Diplomatin Amina Odera sprach als Außenministerin Kenias.")
    assert {p for p in positions(a) if p[1] == "foreign-minister"} == {
        (
            next(k for k, c, lab in a.new_entities if lab == "Amina Odera"),
            "foreign-minister",
            "kenya",
        )
    }
    # a former office is none
    a = analyse(
        ex, "Griechenland schwieg. Konstantin Karamanlis sprach als früherer Ministerpräsident."
    )
    assert not positions(a)


def test_a_speaker_of_parliament_is_no_president(ex):
    a = analyse(ex, "Beirut – In Doha vertreten war Parlamentspräsident Nabih Berri.")
    assert ("nabih-berri", "speaker", "lebanon") in positions(a)
    assert not {p for p in positions(a) if p[1] == "president"}


def test_an_occupation_before_a_name_names_a_person(ex):
    for text, name in (
        ("Der Polizist Jimmy Karemba drohte den ausländischen Truppen.", "Jimmy Karemba"),
        # ("Erzbischof" is a title of an office: test_extract_unseen7)
        ("Pfarrer Jaime Gonçalves vermittelte zwischen den Parteien.", "Jaime Gonçalves"),
        ("Der Anwalt Moussa Diallo sprach von Folter.", "Moussa Diallo"),
    ):
        a = analyse(ex, text)
        assert name in people(a), text


def test_an_ombudsman_holds_the_office_of_the_state_his_title_names(ex):
    a = analyse(
        ex,
        "Armenien protestierte. Der Ombudsmann Armeniens, Arman Tatojan, sprach von "
        "Kriegsverbrechen.",
    )
    assert ("arman-tatoyan", "ombudsperson", "armenia") in positions(a)


def test_the_names_a_sentence_opens_with_hold_the_plural_title_of_the_sentence_before(ex):
    a = analyse(
        ex,
        "In Addis Abeba haben die Präsidenten Malawis und Sambias ein Grenzabkommen "
        "unterzeichnet. Peter Mutharika und Hakainde Hichilema setzten am Donnerstag ihre "
        "Unterschriften unter das Dokument.",
    )
    held = {p for p in positions(a) if p[1] == "president"}
    assert {(p[2]) for p in held} == {"malawi", "zambia"}
    by_state = {p[2]: p[0] for p in held}
    assert "mutharika" in by_state["malawi"] and "hichilema" in by_state["zambia"]


def test_a_title_of_the_name_s_own_may_stand_before_it(ex):
    a = analyse(
        ex,
        "In Peking haben die Außenminister Omans und Jordaniens ein Abkommen besiegelt. "
        "Scheich Badr Albusaidi und Aiman al-Safadi unterzeichneten eine Erklärung.",
    )
    assert {(p[2]) for p in positions(a) if p[1] == "foreign-minister"} == {"oman", "jordan"}


def test_names_that_are_no_subject_are_not_the_plural_title_s(ex):
    # (the subject after the verb holds it: "Am Donnerstag lobten X und Y das Dokument",
    # in test_extract_unseen8.py; an object after another subject does not)
    a = analyse(
        ex,
        "In Addis Abeba haben die Präsidenten Malawis und Sambias ein Grenzabkommen "
        "unterzeichnet. Am Donnerstag lobte der Papst Peter Mutharika und Hakainde "
        "Hichilema für das Dokument.",
    )
    assert not {p for p in positions(a) if p[1] == "president"}


def test_a_deputy_adjective_makes_the_deputy_office(ex):
    a = analyse(
        ex,
        "Es unterzeichneten der indonesische Außenminister Adam Malik und der stellvertretende "
        "malaysische Ministerpräsident Abdul Razak.",
    )
    assert ("abdul-rasak", "deputy-prime-minister", "malaysia") in positions(a)
    assert not {p for p in positions(a) if p[1] == "prime-minister"}


def test_a_deputy_of_an_office_without_a_deputy_concept_holds_no_office(ex):
    a = analyse(ex, "Der stellvertretende Generalstabschef Ali Musa traf in Kairo ein.")
    assert not {p for p in positions(a) if p[0].startswith("ali-musa")}


def test_a_name_spelt_like_an_acronym_is_no_acronym(ex):
    # regression: "Alier" was taken for the ALiR (an armed group), its bearer lost
    a = analyse(ex, "Für Khartum unterschrieb Vizepräsident Abel Alier den Text.")
    assert not any(k == "alir" for m in a.mentions for k in m.keys)
    assert any(p[0] == "abel-alir" and p[1] == "vice-president" for p in positions(a))


def test_a_surname_leading_two_organisations_holds_both_leaderships(ex):
    a = analyse(
        ex,
        "Rebellenführer Joseph Lagu fehlte. Lagu, der die Anyanya und die SPLM anführt, nahm "
        "an den Verhandlungen nicht teil.",
    )
    led = {p[2] for p in positions(a) if p[0] == "yosef-lagu" and p[1] == "leader"}
    assert led == {"anyanya", "splm"}


def test_a_title_s_genitive_with_its_long_name_in_parentheses_before_the_holder(ex):
    a = analyse(
        ex,
        "Es unterzeichneten der Präsident der Unabhängigkeitsbewegung FLNKS (Sozialistische "
        "Kanakische Nationale Befreiungsfront), Jean-Marie Tjibaou, und Jacques Lafleur.",
    )
    assert any(p[1:] == ("president", "flnks") for p in positions(a))


def test_an_army_chief_commands_the_forces_of_the_state_named_before(ex):
    a = analyse(
        ex,
        "Widerstand leistete die gambische Armee nicht; Armeechef Ousman Badjie hatte "
        "erklärt, seine Soldaten würden nicht kämpfen.",
    )
    assert ("usman-badi", "commander", "gambia") in positions(a)


def test_a_rebel_commander_is_no_state_s_army_chief(ex):
    a = analyse(ex, "Kenia vermittelte. Kommandeur Joseph Kony lehnte ab.")
    assert not {p for p in positions(a) if p[2] == "kenya"}


def test_a_common_noun_is_no_spelling_variant_of_a_name(ex):
    # regression: "Amnestie" (amnesty) was read as Amnesty International
    a = analyse(ex, "Die Milizen fordern eine Amnestie für ihre Kämpfer.")
    assert not any("amnesty" in k for m in a.mentions for k in m.keys)


def test_a_plural_title_of_the_two_states_by_a_compound_with_names_and_particles(ex):
    a = analyse(
        ex,
        "Oman und Jordanien einigten sich. Bei einer Zeremonie setzten die Außenminister der "
        "beiden Golfstaaten, Badr bin Hamad Albusaidi und Aiman al-Safadi, ihre Unterschriften "
        "unter die Dokumente.",
    )
    held = {(p[2], p[0].split("-")[0]) for p in positions(a) if p[1] == "foreign-minister"}
    assert held == {("oman", "badr"), ("jordan", "ayman")}  # the dictionary's Ayman Safadi


def test_a_name_after_a_noun_of_nationality_is_a_person(ex):
    # the noun is known by its state's adjective ("italienisch", "schwedisch")
    a = analyse(ex, "Der Italiener Paolo Ferrante leitete die Gespräche in Maputo.")
    assert "Paolo Ferrante" in people(a)
    a = analyse(ex, "Die Verhandlungen leitete am Montag die Schwedin Karin Lundqvist.")
    assert "Karin Lundqvist" in people(a)


def test_a_plural_noun_of_nationality_alone_names_nobody(ex):
    a = analyse(ex, "Die Italiener und die Schweden zogen ihre Diplomaten ab.")
    assert not people(a)


def test_a_name_after_a_title_in_the_genitive_holds_the_nearer_title(ex):
    # "Gesandter von UN-Generalsekretär X": X is the Secretary-General, not the envoy
    a = analyse(
        ex,
        "Der Italiener Paolo Ferrante ist seit Mai persönlicher Gesandter von "
        "UN-Generalsekretär António Guterres für Mosambik.",
    )
    ferrante = next(m.keys[0] for m in a.mentions if m.text == "Paolo Ferrante")
    assert ("antonio-guterres", "secretary-general", "united-nations") in positions(a)
    assert (ferrante, "special-envoy", "united-nations") in positions(a)
    assert ("antonio-guterres", "special-envoy", "united-nations") not in positions(a)


def test_after_a_comma_the_name_holds_the_first_title(ex):
    a = analyse(ex, "Das sagte der Sprecher des Präsidenten, Dmitri Peskow, am Montag.")
    (peskov,) = [m for m in a.mentions if m.keys == ("dmitry-peskov",)]
    assert [role for role, _of, _former in peskov.offices] == ["spokesperson"]


def test_a_pronoun_takes_the_office_a_copula_gives_it(ex):
    a = analyse(
        ex,
        "Der Diplomat Paolo Ferrante leitete die Gespräche. Er ist seit Juli "
        "Sondergesandter der Vereinten Nationen.",
    )
    ferrante = next(m.keys[0] for m in a.mentions if m.text.endswith("Paolo Ferrante"))
    assert (ferrante, "special-envoy", "united-nations") in positions(a)


def test_an_interim_holder_holds_the_office(ex):
    a = analyse(ex, "Das sagte der ukrainische Übergangsregierungschef Arseni Jazenjuk in Kiew.")
    assert ("arseniy-yatsenyuk", "head-of-government", "ukraine") in positions(a)


def test_a_title_in_swiss_spelling(ex):
    a = analyse(ex, "Ägyptens Aussenminister Samih Schukri reiste nach Riad.")
    assert ("samih-shukri", "foreign-minister", "egypt") in positions(a)


def test_a_name_in_apposition_after_its_article_and_noun(ex):
    # "der Abgeordnete" (tagged as a nominalised adjective) and "der Liberianer" stand
    # between the title's genitive or possessive and the name
    a = analyse(
        ex,
        "Unterzeichnet hat der Vorsitzende der Sammlungsbewegung RPCR, der Abgeordnete "
        "Jacques Delorme, das Abkommen.",
    )
    delorme = next(m.keys[0] for m in a.mentions if m.text.endswith("Jacques Delorme"))
    assert (delorme, "chairperson", "rpcr") in positions(a)
    a = analyse(
        ex,
        "Vermittelt hat die Gesamtafrikanische Kirchenkonferenz (AACC), deren "
        "Generalsekretär, der Liberianer Burgess Tolbert, die Sitzungen leitete.",
    )
    tolbert = next(m.keys[0] for m in a.mentions if m.text.endswith("Burgess Tolbert"))
    assert {(p, r) for p, r, _o in positions(a)} == {(tolbert, "secretary-general")}


def test_a_known_surname_before_a_known_full_name_starts_a_third_name(ex):
    # "Ahmed" is Abiy Ahmed's surname, "Nasser al-Mohammed al-Sabah" another person's
    # name; together they name neither
    a = analyse(
        ex,
        "Der kuwaitische Aussenminister Scheich Ahmed Nasser al-Mohammed al-Sabah gab "
        "bekannt, dass Saudi-Arabien die Grenze öffne.",
    )
    (holder,) = {p for p, _r, _o in positions(a)}
    assert holder not in ("abiy-ahmed", "nasser-al-mohammed-al-sabah")
    assert (holder, "foreign-minister", "kuwait") in positions(a)
    assert [e.actors() for e in of_class(a, "Statement")] == [(holder,)]


def test_an_honorific_the_tagger_read_as_a_verb_is_no_part_of_the_name(ex):
    # a capitalised word inside a sentence is no verb ("Tun", not "tun")
    a = analyse(
        ex,
        "Unterzeichnet hat der malaysische Außenminister Tun Ismail Rahman den Vertrag.",
    )
    (holder,) = {p for p, _r, _o in positions(a)}
    assert (holder, "foreign-minister", "malaysia") in positions(a)
    assert "Tun" not in next(label for k, _c, label in a.new_entities if k == holder)


def test_a_title_in_apposition_with_an_unknown_organisation_by_its_class_noun(ex):
    a = analyse(
        ex,
        "Die Rebellen ergaben sich. Ratu Vanua, Anführer der Bewegung Tafea Kastom, habe "
        "sich am Montag ergeben.",
    )
    assert {(r, o) for _p, r, o in positions(a)} == {("leader", "tafea-kastom")}


def test_a_head_of_a_state_by_oberhaupt(ex):
    a = analyse(ex, "Irans geistliches Oberhaupt Ajatollah Ali Chamenei kündigte Rache an.")
    assert ("ali-khamenei", "leader", "iran") in positions(a)


def test_a_state_s_ambassador_to_a_body_holds_the_state_s_office(ex):
    a = analyse(
        ex,
        "Der japanische UN-Botschafter Kazuyuki Yamazaki sprach von einem Rückschlag. "
        "UN-Botschafterin Anna Berg widersprach.",
    )
    held = {(r, o) for _p, r, o in positions(a)}
    assert ("ambassador", "japan") in held
    # with no state named, the prefix is all the text gives
    assert ("ambassador", "united-nations") in held


def test_the_chair_of_a_body_the_parse_hangs_on_the_verb(ex):
    a = analyse(
        ex,
        "Der neuseeländische UN-Botschafter Colin Keating, der im April den Vorsitz im "
        "Sicherheitsrat führt, räumte Fehler ein.",
    )
    assert {(r, o) for _p, r, o in positions(a)} == {
        ("ambassador", "new-zealand"),
        ("chairperson", "un-security-council"),
    }


def test_a_compound_title_of_a_state_s_body_is_an_office_of_the_state(ex):
    # "Regierungssprecher", "Außenamtssprecher", "Armeesprecher": the state named before
    for title in ("Regierungssprecher", "Außenamtssprecher", "Armeesprecher"):
        a = analyse(
            ex,
            f"Kiew (dpa) – Die Ukraine meldete neue Angriffe. {title} Serhij Nikiforow "
            "sagte, die Lage sei ernst.",
        )
        assert {(r, o) for _p, r, o in positions(a)} == {("spokesperson", "ukraine")}, title


def test_a_title_with_a_state_s_body_as_genitive_is_an_office_of_the_state(ex):
    a = analyse(
        ex,
        "Kiew (dpa) – Die Ukraine meldete neue Angriffe. Ein Sprecher der Armee, Andrij "
        "Jussow, sagte, die Lage sei ernst.",
    )
    assert {(r, o) for _p, r, o in positions(a)} == {("spokesperson", "ukraine")}


def test_a_name_after_a_rank_in_apposition_to_a_title_holds_it(ex):
    a = analyse(
        ex,
        "Jerusalem (dpa) – Israel zog seine Truppen ab. Wie ein Armeesprecher, "
        "Oberstleutnant Sharon Grinker, mitteilte, überquerte der letzte Soldat die Grenze.",
    )
    assert {(r, o) for _p, r, o in positions(a)} == {("spokesperson", "israel")}


def test_who_represents_a_state_holds_the_office_of_that_state(ex):
    # the state that let itself be represented, or its capital, is the title's state
    for text, state in (
        ("Kairo ließ sich von Außenminister Samih Kamal vertreten.", "egypt"),
        ("Kenia war bei dem Gipfel durch Außenminister Samih Kamal vertreten.", "kenya"),
        ("Kenia wurde von seinem Außenminister Samih Kamal vertreten.", "kenya"),
    ):
        a = analyse(ex, text)
        assert ("samih-kamal", "foreign-minister", state) in positions(a), text
    # a minister after "von" who represents no one takes no state from the subject
    a = analyse(ex, "Kenia wurde von Außenminister Samih Kamal kritisiert.")
    assert ("samih-kamal", "foreign-minister", "kenya") not in positions(a)


def test_the_surname_alone_in_another_spelling_of_the_full_name(ex):
    # the dictionary spells him "Recep Tayyip Erdoğan" and also "Recep Tayyip Erdogan"
    for text in ("Putin traf Erdogan in Sotschi.", "Putin traf Erdoğan in Sotschi."):
        meeting = only(analyse(ex, text), "Meeting")
        assert ("participant", "recep-tayyip-erdogan") in roles(meeting), text


def test_a_region_before_a_noun_of_function_is_the_persons_brief_not_an_actor(ex):
    a = analyse(
        ex,
        "Der Tschetschenien-Beauftragte des Kremls, Sergej Jastrschembski, sprach am Montag "
        "von schweren Verlusten.",
    )
    assert roles(only(a, "Statement")) == {("agent", "sergei-yastrshembski")}


def test_a_title_of_a_state_body_after_the_name_is_an_office_of_the_state_named(ex):
    a = analyse(
        ex,
        "Afghanistan verlor die Stadt. „Kundus ist gefallen“, räumte Sedik Sedikki, Sprecher "
        "des Innenministeriums, ein.",
    )
    assert ("sedik-sediki", "spokesperson", "afghanistan") in positions(a)


def test_offices_below_the_top_of_a_state_or_body(ex):
    # each has its own role concept: a chief of staff is not just any commander, a
    # security council's secretary not its secretary-general
    for text, held in (
        (
            "Der Sekretär des russischen Sicherheitsrats, Nikolai Petrow, sprach mit Sullivan.",
            ("nikolai-petrov", "secretary", "russia"),
        ),
        (
            "Der Generalstabschef der ukrainischen Armee, Walerij Saluschnyj, sprach von Erfolgen.",
            ("valerii-zaluzhnyi", "chief-of-staff", "ukraine"),
        ),
        (
            "Der UN-Koordinator für humanitäre Hilfe, Martin Griffiths, warnte vor einer "
            "Hungersnot.",
            ("martin-griffiths", "coordinator", "united-nations"),
        ),
        (
            "Der Generaldirektor der Internationalen Atomenergiebehörde, Rafael Grossi, reiste "
            "nach Kiew.",
            ("rafael-grossi", "director-general", "iaea"),
        ),
        (
            "Der sowjetische Delegierte Pjotr Iwanow verlangte eine Sitzung.",
            ("pyotr-ivanov", "delegate", "soviet-union"),
        ),
    ):
        assert held in positions(analyse(ex, text)), text


def test_a_senator_with_no_state_named_sits_for_the_dateline_s_state(ex):
    a = analyse(
        ex,
        "Washington (AP) – Die USA verhängten Sanktionen. Der republikanische Senator Tom "
        "Hoeven begrüßte das.",
    )
    assert ("tom-hoeven", "senator", "united-states") in positions(a)


def test_a_chief_of_staff_after_a_possessive_is_the_organisation_s(ex):
    a = analyse(ex, "Die CNDP lehnte ab. Ihr Stabschef Bosco Ntaganda hatte Nkunda abgesetzt.")
    assert ("bosco-ntaganda", "chief-of-staff", "cndp") in positions(a)


def test_a_title_in_apposition_whose_genitive_names_a_group_by_its_class_noun(ex):
    for text in (
        "Mohammed Yusuf, der Anführer der Miliz Boko Haram, sagte, der Krieg sei vorbei.",
        "Der Anführer der Miliz Boko Haram, Mohammed Yusuf, sagte, der Krieg sei vorbei.",
    ):
        assert ("mohamed-yusuf", "leader", "boko-haram") in positions(analyse(ex, text)), text
    # an unknown group after its class noun is minted as one
    a = analyse(ex, "Joseph Tari, der Anführer der Rebellenbewegung Nagriamel, sagte das.")
    assert any(p[1:] == ("leader", "nagriamel") for p in positions(a))


def test_a_government_spokesperson_with_no_state_is_the_storys_states(ex):
    # the title names a ministry: an office of the state the story is about, as a
    # minister's is
    art = parse_article_text(
        "date 2024-03-15 Aserbaidschan meldet Ruhe an der Grenze\n"
        "Baku – Die Sprecherin des Außenministeriums, Leyla Abdullajewa, sagte, die Lage "
        "sei ruhig.\n",
        identifier="t.txt",
        origin="t.txt",
    )
    assert ("leila-abdulayeva", "spokesperson", "azerbaijan") in positions(ex.analyse(art))
    # a spokesperson of a body named stays that body's
    a = analyse(ex, "Baku – Ein Sprecher der Nato, Mark Smith, sagte, die Lage sei ruhig.")
    assert ("mark-smith", "spokesperson", "nato") in positions(a)


def test_a_bare_spokesperson_speaks_for_the_one_body_named_before(ex):
    a = analyse(
        ex, "Die Nato wies die Vorwürfe zurück. Man sei nicht beteiligt, sagte Sprecher Mark Smith."
    )
    assert ("mark-smith", "spokesperson", "nato") in positions(a)
    # two bodies named: whose spokesman he is the text does not say
    a = analyse(
        ex,
        "Russland und die Nato wiesen die Vorwürfe zurück. Man sei nicht beteiligt, sagte "
        "Sprecher Mark Smith.",
    )
    assert not [p for p in positions(a) if p[0] == "mark-smith"]


def test_a_deputy_chief_of_staff_and_the_source_he_is(ex):
    art = parse_article_text(
        "date 2024-03-15 Russland verlegt Truppen\n"
        "Moskau – Die Einheiten wurden nach Angaben von Vizegeneralstabschef Igor Petrow "
        "in den Süden verlegt.\n",
        identifier="t.txt",
        origin="t.txt",
    )
    a = ex.analyse(art)
    assert ("igor-petrov", "deputy-chief-of-staff", "russia") in positions(a)
    # the source of the account tells it: he did not move the units
    assert not [
        e
        for e in a.events
        if ("agent", "igor-petrov") in roles(e) and e.event_class == "Deployment"
    ]


def test_a_name_nobody_listed_right_after_the_verb_is_a_person(ex):
    # the object after the finite verb, before an adverbial or the verb's particle
    a = analyse(ex, "Ghana machte Kwame Mensah für den Anschlag verantwortlich.")
    assert roles(only(a, "Accusation")) == {("agent", "ghana"), ("addressee", "kvame-mensah")}
    a = analyse(ex, "Ghana kritisierte Kwame Mensah scharf.")
    assert ("kvame-mensah", "Person", "Kwame Mensah") in a.new_entities


def test_a_possessive_title_is_an_office_of_the_state_of_the_holder_before(ex):
    a = analyse(
        ex,
        "Kenias Präsident William Ruto schickte seinen Sondergesandten Kalonzo Musyoka nach Juba.",
    )
    assert ("kalonzo-musyoka", "special-envoy", "kenya") in positions(a)
    # the possessive refers to the one named just before, who holds no office here
    a = analyse(
        ex,
        "Kenias Präsident William Ruto traf Joseph Kabila und dessen Berater Barnabé Kikaya.",
    )
    assert not {p for p in positions(a) if p[0] == "barnabe-kikaya"}


def test_a_truncated_title_names_the_first_office(ex):
    # "Staats- und Parteichef": the head of state, completed with the compound's title word
    a = analyse(ex, "Staats- und Parteichef Xi Jinping empfing den Gast in Peking.")
    assert ("xi-jinping", "head-of-state", "china") in positions(a)


def test_er_continues_a_subject_named_by_surname_alone(ex):
    # a person no dictionary lists, named in full and then by surname as the subject:
    # "er" is that person, not the one named after the full name
    a = analyse(
        ex,
        "Auf Bitten von Gouverneur Tomás Aranda gab Präsident Luiz Inácio Lula da Silva "
        "grünes Licht. Aranda kündigte an, die Einsätze fortzusetzen. „Wir werden "
        "weitermachen“, sagte er dem Sender.",
    )
    said = [e for e in a.events if e.event_class == "Statement" and e.quote]
    assert said and {r for e in said for r in roles(e)} == {("agent", "tomas-aranda")}
