"""Session 31: each form tested on sentences written for the test."""

from extract_helpers import analyse, members, minted, of_class, only, positions, roles

from kg.extract.names import name_key

# -- two titles in apposition: the organisation's and the state's -------------------------


def test_an_organisation_s_title_then_a_state_s_title_and_the_name_gives_both(ex):
    a = analyse(
        ex,
        "Zu der Feuerpause hatte der amtierende Vorsitzende der Afrikanischen Union, der "
        "senegalesische Präsident Macky Sall, aufgerufen.",
    )
    assert ("macky-sall", "chairperson", "african-union") in positions(a)
    assert ("macky-sall", "president", "senegal") in positions(a)


def test_the_second_title_may_name_its_state_after_von(ex):
    a = analyse(
        ex,
        "Der neue Vorsitzende der Organisation für Afrikanische Einheit (OAU), der "
        "Premierminister von Mauritius, Navin Ramdass, will den Sicherheitsrat anrufen.",
    )
    holder = name_key("Navin Ramdass")
    assert (holder, "chairperson", "oau") in positions(a)
    assert (holder, "prime-minister", "mauritius") in positions(a)


# -- a possessive before a title: the state or organisation named last ---------------------


def test_a_possessive_title_in_apposition_is_of_the_organisation_named_before(ex):
    a = analyse(
        ex,
        "Die Afrikanische Union (AU) verurteilte den Umsturz. Ihr amtierender Vorsitzender, "
        "Senegals Präsident Macky Sall, sprach von einem Staatsstreich.",
    )
    assert ("macky-sall", "chairperson", "african-union") in positions(a)
    assert ("macky-sall", "president", "senegal") in positions(a)


def test_a_possessive_in_the_genitive_is_of_the_state_of_the_clause(ex):
    a = analyse(
        ex,
        "Die Emirate schickten nach Angaben ihres Außenministers Scheich Hamad bin Salem "
        "rund 500 Polizisten.",
    )
    assert (name_key("Hamad bin Salem"), "foreign-minister", "united-arab-emirates") in (
        positions(a)
    )


def test_a_possessive_after_a_person_named_before_is_not_an_organisation_s(ex):
    # the regression: "Seine Sprecher" after a president quoted "nach Angaben der Agentur
    # Interfax" made the spokesmen the agency's, and their announcement its statement
    a = analyse(
        ex,
        "Präsident Aslan Maschadow rief nach Angaben der Agentur Interfax Freiwillige auf. "
        "Seine Sprecher kündigten einen langen Partisanenkrieg an.",
    )
    assert not [e for e in a.events if ("agent", "interfax") in roles(e)]


# -- a genitive with adjectives before its name --------------------------------------------


def test_a_title_after_a_name_keeps_a_genitive_with_adjectives(ex):
    a = analyse(
        ex,
        "Oppositionsführer Pedro Almunia, der Vorsitzende der konservativen Volkspartei "
        "(PP), verlangte Neuwahlen.",
    )
    assert (name_key("Pedro Almunia"), "chairperson", "volkspartei") in positions(a)


def test_a_state_adjective_in_such_a_genitive_is_not_the_owner(ex):
    a = analyse(
        ex,
        "Er traf Moïse Tschombé, den Präsidenten der abtrünnigen kongolesischen Provinz "
        "Katanga, in Ndola.",
    )
    offices = {p for p in positions(a) if p[0] == "moise-tshombe"}
    assert offices and all(of != "dr-congo" for _h, _r, of in offices)


# -- an envoy to a body: the state the genitive names -------------------------------------


def test_an_envoy_s_state_in_the_genitive_wins_over_the_body_in_the_prefix(ex):
    a = analyse(
        ex,
        "Der UN-Botschafter Brasiliens, Ronaldo Sardenberg, sagte in New York, man werde "
        "die Lage prüfen.",
    )
    assert (name_key("Ronaldo Sardenberg"), "ambassador", "brazil") in positions(a)


# -- titles of a state's office with no state named ----------------------------------------


def test_a_palestinian_compound_title_is_of_palestine(ex):
    a = analyse(ex, "Palästinenserpräsident Mahmud Abbas verkündete die Einigung in Ramallah.")
    assert ("mahmoud-abbas", "president", "palestine") in positions(a)


def test_a_state_secretary_is_of_the_state_named_before(ex):
    a = analyse(
        ex,
        "Die USA griffen nicht ein. Unterstaatssekretär Walter Bedell Smith erklärte, "
        "Washington werde sich enthalten.",
    )
    assert (name_key("Walter Bedell Smith"), "secretary", "united-states") in positions(a)
    a = analyse(ex, "Indien griff an. Es gebe viele Tote, sagte Außenstaatssekretär Vijay Gokhale.")
    assert (name_key("Vijay Gokhale"), "secretary", "india") in positions(a)


def test_a_foreign_minister_keeps_his_own_state_not_the_one_named_before(ex):
    # the regression: "außen" as a prefix of a state's body made every "Außenminister" the
    # minister of the state named last
    a = analyse(
        ex,
        "Jerewan – Armenien bat Russland um Beistand. Außenminister Ara Melikjan sagte, man "
        "erwarte eine rasche Antwort.",
    )
    assert (name_key("Ara Melikjan"), "foreign-minister", "armenia") in positions(a)


# -- event expressions -----------------------------------------------------------------------


def test_taking_a_side_is_an_endorsement(ex):
    a = analyse(ex, "Die USA hatten sich am Freitag offen auf die Seite Londons gestellt.")
    assert ("agent", "united-states") in roles(only(a, "Endorsement"))


def test_celebrating_an_agreement_is_an_endorsement_a_feast_is_none(ex):
    a = analyse(ex, "Präsident Donald Trump feierte die Einigung als großartigen Tag.")
    assert ("agent", "donald-trump") in roles(only(a, "Endorsement"))
    a = analyse(ex, "Tausende feierten in Kabul das Neujahrsfest.")
    assert not of_class(a, "Endorsement")


def test_renouncing_a_pact_is_a_rejection(ex):
    a = analyse(
        ex,
        "Die Regierung in Jakarta hatte am Donnerstag ein Sicherheitsabkommen mit Australien "
        "aufgekündigt.",
    )
    ev = only(a, "Rejection")
    assert {("agent", "indonesia"), ("addressee", "australia")} <= roles(ev)


def test_a_vote_against_is_a_rejection_against_someone_s_will_is_none(ex):
    a = analyse(ex, "Russland votierte im Sicherheitsrat gegen den Entwurf.")
    assert ("agent", "russia") in roles(only(a, "Rejection"))
    a = analyse(ex, "Die Türkei stimmte gegen den Willen Griechenlands für die Resolution.")
    assert not of_class(a, "Rejection")


def test_a_ratification_by_a_state_s_parliament_is_the_state_s_agreement(ex):
    a = analyse(
        ex, "Das türkische Parlament hatte den Beitritt Finnlands am Donnerstag ratifiziert."
    )
    assert ("participant", "turkey") in roles(only(a, "Agreement"))
    a = analyse(ex, "Ankara will den Beitritt Schwedens vorerst nicht ratifizieren.")
    assert not of_class(a, "Agreement")


# -- a body named by a compound of a place -------------------------------------------------


def test_a_compound_of_a_place_and_a_body_noun_is_the_body_not_the_place(ex):
    a = analyse(ex, "Chile und Kolumbien gehören beide der Pazifik-Allianz an.")
    body = minted(a, "Pazifik-Allianz")
    assert {("chile", body), ("colombia", body)} <= members(a)
    assert not {m for m in members(a) if m[1] == "pacific-ocean"}


# -- leaders and holders in appositions -------------------------------------------------------


def test_an_organisation_of_a_person_after_von_is_led_by_the_person(ex):
    a = analyse(
        ex,
        "Nicht unterschrieben hat die Bewegung für die Befreiung des Kongo (MLC) von "
        "Jean-Pierre Bemba.",
    )
    assert ("jean-pierre-bemba", "leader", "mlc") in positions(a)


def test_a_definite_title_alone_then_the_name_in_commas_is_the_holder(ex):
    a = analyse(
        ex, "Lima – Peru meldet Ruhe. Der Außenminister, Eduardo Ferrero, sagte, alles sei ruhig."
    )
    assert (name_key("Eduardo Ferrero"), "foreign-minister", "peru") in positions(a)
    a = analyse(ex, "Lima – Peru meldet Ruhe. Der Außenminister, Frankreich und Chile schwiegen.")
    assert not positions(a)


def test_a_title_after_a_name_with_a_group_noun_in_the_genitive(ex):
    a = analyse(
        ex,
        "Oberst Ollanta Humala, der Anführer der Putschisten, sagte, die Lage sei ruhig. "
        "Die Putschisten ergaben sich am Abend.",
    )
    (group,) = {k for k, _c, label in a.new_entities if label == "Putschisten"}
    # one group: the title's genitive and the group's own mention have the same key
    assert ("ollanta-humala", "leader", group) in positions(a)


# -- talks in which a text was worked out -------------------------------------------------


def test_talks_framing_a_negotiated_text_are_a_negotiation(ex):
    a = analyse(
        ex,
        "Ausgehandelt worden war der Vertrag in zweijährigen Gesprächen im kenianischen Naivasha.",
    )
    ev = only(a, "Negotiation")
    assert ("location", "naivasha") in {(r.value, k) for r, k in ev.roles}
    a = analyse(ex, "Im Gespräch mit der Zeitung sagte er, der Plan sei gut.")
    assert not of_class(a, "Negotiation")


# -- units counted by an ordinal -------------------------------------------------------------


def test_an_ordinal_after_an_article_ends_no_sentence(ex):
    a = analyse(ex, "Die 40. Armee zog ab. Es waren 40. Dann kamen 3.")
    assert [s.sentence.text for s in a.sentences] == [
        "Die 40. Armee zog ab.",
        "Es waren 40.",
        "Dann kamen 3.",
    ]


def test_the_commander_of_a_numbered_unit_commands_that_unit(ex):
    a = analyse(
        ex,
        "Der Befehlshaber der 40. Armee, Generalleutnant Boris Gromow, überquerte die Brücke.",
    )
    unit = minted(a, "40. Armee")
    assert ("boris-gromov", "commander", unit) in positions(a)


# -- members given as examples ----------------------------------------------------------------


def test_examples_after_darunter_may_have_an_article(ex):
    a = analyse(ex, "Der Nato gehören 32 Staaten an, darunter die Türkei und Ungarn.")
    assert {("turkey", "nato"), ("hungary", "nato")} <= members(a)


# -- a dateline's agency, a congress's president -------------------------------------------------


def test_an_agency_after_a_dateline_town_is_no_short_name_of_an_organisation(ex):
    # the regression: "Ngerulmud (KNA) –" made an organisation "Ngerulmud" known as "KNA"
    a = analyse(
        ex, "Ngerulmud (KNA) – Palau und Mikronesien haben eine Vereinbarung unterzeichnet."
    )
    assert not [k for k, c, _label in a.new_entities if c == "Organization"]
    assert ("location", "ngerulmud") in roles(only(a, "Agreement"))


def test_a_congress_president_is_its_speaker(ex):
    a = analyse(
        ex,
        "Lima – Peru hat eine neue Präsidentin. Sie legte vor Kongresspräsident José Williams "
        "den Amtseid ab.",
    )
    assert (name_key("José Williams"), "speaker", "peru") in positions(a)
