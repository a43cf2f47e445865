"""International organisations, alliances and missions that conflict reporting names all the
time (issue 14, "names nobody listed"): the Commonwealth, the Francophonie, the Pacific
Islands Forum, the Andean Community, UEMOA, ECCAS, SICA, CARICOM, the Non-Aligned Movement,
OPEC, the Warsaw Pact, SEATO and the missions of the AU, ECOWAS, NATO and the EU. With them in
the dictionary, the membership, non-membership and role facts about them are no longer lost.
Sentences written for the test."""

import pytest
from extract_helpers import analyse, of_class, only, positions, roles

from kg.dictionary import load_dictionary
from kg.extract.model import FactKind
from kg.vocabulary import ActorClass, RoleProperty

AGENT, ADDRESSEE = RoleProperty.AGENT, RoleProperty.ADDRESSEE


def facts(a, kind: FactKind) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in a.facts if f.kind == kind}


def keys(a) -> set[str]:
    return {k for m in a.mentions for k in m.keys}


def test_members_of_two_coordinated_organisations(ex):
    a = analyse(ex, "Kenia und Uganda gehören dem Commonwealth und der Afrikanischen Union an.")
    assert facts(a, FactKind.MEMBER) == {
        ("kenya", "commonwealth"),
        ("uganda", "commonwealth"),
        ("kenya", "african-union"),
        ("uganda", "african-union"),
    }


def test_non_membership_in_a_relative_clause_on_the_organisation(ex):
    # the parse takes the relative pronoun "der" (the dative) for the subject and Nigeria
    # for the object: an organisation is no member of a state
    a = analyse(ex, "Senegal ist Mitglied der Frankophonie, der Nigeria nicht angehört.")
    assert facts(a, FactKind.MEMBER) == {("senegal", "francophonie")}
    assert facts(a, FactKind.NOT_MEMBER) == {("nigeria", "francophonie")}
    b = analyse(ex, "Venezuela ist Mitglied der OPEC, der Mexiko nicht angehört.")
    assert facts(b, FactKind.MEMBER) == {("venezuela", "opec")}
    assert facts(b, FactKind.NOT_MEMBER) == {("mexico", "opec")}


def test_membership_with_inflected_names(ex):
    a = analyse(ex, "Fidschi ist Mitglied des Pazifischen Inselforums.")
    assert facts(a, FactKind.MEMBER) == {("fiji", "pacific-islands-forum")}
    b = analyse(
        ex,
        "Australien und Neuseeland gehören dem Pazifischen Inselforum an, "
        "Indonesien dagegen nicht.",
    )
    assert facts(b, FactKind.MEMBER) == {
        ("australia", "pacific-islands-forum"),
        ("new-zealand", "pacific-islands-forum"),
    }
    assert facts(b, FactKind.NOT_MEMBER) == {("indonesia", "pacific-islands-forum")}
    c = analyse(
        ex,
        "Kamerun und Tschad sind Mitglieder der Wirtschaftsgemeinschaft "
        "Zentralafrikanischer Staaten.",
    )
    assert facts(c, FactKind.MEMBER) == {("cameroon", "eccas"), ("chad", "eccas")}


def test_members_named_before_the_verb_of_the_organisation(ex):
    a = analyse(ex, "Der Andengemeinschaft gehören Peru, Bolivien, Ecuador und Kolumbien an.")
    assert facts(a, FactKind.MEMBER) == {
        (state, "andean-community") for state in ("peru", "bolivia", "ecuador", "colombia")
    }
    b = analyse(ex, "Nicaragua und Honduras gehören der SICA an.")
    assert facts(b, FactKind.MEMBER) == {("nicaragua", "sica"), ("honduras", "sica")}


def test_a_long_name_with_its_abbreviation_is_one_organisation(ex):
    a = analyse(
        ex,
        "Die Westafrikanische Wirtschafts- und Währungsunion (UEMOA), der auch Senegal "
        "angehört, beriet in Dakar.",
    )
    assert facts(a, FactKind.MEMBER) == {("senegal", "uemoa")}
    assert "ecowas" not in keys(a)  # not the Westafrikanische Wirtschaftsgemeinschaft


def test_a_short_name_in_parentheses_is_the_name_before_it(ex):
    # "AA" is also the news agency Anadolu; after "Arakan Army" it spells that name
    a = analyse(
        ex,
        "Im Westen kämpft die Arakan Army (AA) gegen die Armee. Die AA hat mehrere Städte erobert.",
    )
    assert "anadolu" not in keys(a)
    assert [m.keys for m in a.mentions if m.text == "AA"] == [("arakan-army",)] * 2
    # a short name that spells another name stays what the dictionary says
    b = analyse(ex, "Die Rebellen (AA) meldeten den Angriff.")
    assert "arakan-army" not in keys(b)


def test_an_unknown_long_name_takes_over_the_short_name_it_spells(ex):
    # "SAF" is also the Sudanese Armed Forces; here it spells the unit named before it,
    # whose commandos act for it
    a = analyse(
        ex,
        "Kommandos der Special Action Force (SAF) der Polizei drangen in das Dorf Kalawag "
        "ein. Die SAF verlor 44 Mann.",
    )
    assert "sudanese-armed-forces" not in keys(a)
    assert {m.keys for m in a.mentions if "SAF" in m.text or "Special" in m.text} == {
        ("spekial-aktion-forke",)
    }
    assert roles(only(a, "MilitaryAction")) >= {("agent", "spekial-aktion-forke")}


def test_a_name_opening_with_a_lower_case_particle_is_found(ex):
    a = analyse(ex, "In Mogadischu griff die Miliz al-Shabaab einen Stützpunkt an.")
    assert "al-shabaab" in keys(a)


def test_examples_after_a_relative_clause_and_the_union_referred_back_to(ex):
    # the parse hangs "darunter Togo …" on the main clause; "der Währungsunion" is the
    # organisation named before
    a = analyse(
        ex,
        "In Lomé tagte die UEMOA, der acht Staaten angehören, darunter Togo, Benin und "
        "Niger. Guinea gehört der Währungsunion nicht an.",
    )
    assert facts(a, FactKind.MEMBER) == {("togo", "uemoa"), ("benin", "uemoa"), ("niger", "uemoa")}
    assert facts(a, FactKind.NOT_MEMBER) == {("guinea", "uemoa")}


def test_older_and_shorter_names(ex):
    a = analyse(ex, "Pakistan ist Mitglied der Organisation der Islamischen Konferenz.")
    assert facts(a, FactKind.MEMBER) == {("pakistan", "oic")}
    b = analyse(
        ex, "Katar gehört dem Golfrat an, Iran ist kein Mitglied des Golf-Kooperationsrats."
    )
    assert facts(b, FactKind.MEMBER) == {("qatar", "gcc")}
    assert facts(b, FactKind.NOT_MEMBER) == {("iran", "gcc")}
    c = analyse(ex, "Kuba, das der Bewegung der Blockfreien angehört, kritisierte die USA.")
    assert facts(c, FactKind.MEMBER) == {("cuba", "non-aligned-movement")}


def test_former_alliances_and_their_members(ex):
    a = analyse(ex, "Ungarn trat 1955 dem Warschauer Pakt bei.", date="1956-10-23")
    assert facts(a, FactKind.MEMBER) == {("hungary", "warsaw-pact")}
    b = analyse(
        ex,
        "Die Truppen des Warschauer Paktes marschierten 1968 in die Tschechoslowakei ein.",
        date="1968-08-21",
    )
    [invasion] = of_class(b, "MilitaryAction")
    assert invasion.actors(AGENT) == ("warsaw-pact",)
    assert invasion.actors(ADDRESSEE) == ("czechoslovakia",)
    assert "warsaw" not in keys(b)  # "Warschauer" of the pact is not the city
    c = analyse(ex, "Thailand war Mitglied der SEATO.", date="1970-01-10")
    assert facts(c, FactKind.MEMBER) == {("thailand", "seato")}


def test_the_office_of_a_new_organisation(ex):
    a = analyse(ex, "Die Generalsekretärin des Commonwealth, Patricia Scotland, rief zur Ruhe auf.")
    assert {(role, of) for _, role, of in positions(a)} == {("secretary-general", "commonwealth")}


def test_members_after_a_member_compound_of_a_new_organisation(ex):
    a = analyse(ex, "Die Mercosur-Staaten Brasilien und Argentinien protestierten.")
    assert facts(a, FactKind.MEMBER) == {("brazil", "mercosur"), ("argentina", "mercosur")}


def test_missions_as_sides_of_fighting(ex):
    a = analyse(ex, "Die ISAF bombardierte Stellungen des IS.")
    [strike] = of_class(a, "MilitaryAction")
    assert strike.actors(AGENT) == ("isaf",)  # ISAF is not the IS
    assert strike.actors(ADDRESSEE) == ("islamic-state",)
    b = analyse(ex, "Die Amisom kämpfte gegen Al-Shabaab.")
    [fight] = of_class(b, "MilitaryAction")
    assert fight.actors(AGENT) == ("amisom",)
    assert fight.actors(ADDRESSEE) == ("al-shabaab",)
    c = analyse(ex, "Die Kfor-Soldaten wurden in Zvečan angegriffen.")
    [attack] = of_class(c, "MilitaryAction")
    assert attack.actors(ADDRESSEE) == ("kfor",)


def test_names_that_must_stay_apart(ex):
    a = analyse(ex, "Die G20 verurteilte den Angriff, die G7 forderte eine Waffenruhe.")
    assert {m.text: m.keys for m in a.mentions} == {"G20": ("g20",), "G7": ("g7",)}
    b = analyse(ex, "Die Vertreter der Commonwealth of Independent States trafen sich.")
    assert keys(b) == {"cis"}
    c = analyse(ex, "Der Rat tagte am Montag in Genf.")
    assert keys(c) == {"geneva"}  # "Rat" alone is no council
    d = analyse(ex, "Die OAS forderte Neuwahlen in Haiti.")
    assert "oas" in keys(d)  # the Organization of American States


def test_classes_and_parents_of_the_new_entries():
    d = load_dictionary()
    assert d["warsaw-pact"].cls == ActorClass.MILITARY_ALLIANCE
    assert d["seato"].cls == ActorClass.MILITARY_ALLIANCE
    parents = {
        "amisom": ("african-union",),
        "atmis": ("african-union",),
        "ecomog": ("ecowas",),
        "kfor": ("nato",),
        "isaf": ("nato",),
        "eufor": ("european-union",),
        "unamid": ("united-nations", "african-union"),
    }
    for key, orgs in parents.items():
        assert d[key].cls == ActorClass.INTERNATIONAL_ORGANIZATION, key
        assert d[key].rel("part_of") == orgs, key
    for key in ("commonwealth", "francophonie", "uemoa", "eccas", "caricom", "opec"):
        assert d[key].cls == ActorClass.INTERNATIONAL_ORGANIZATION, key
        assert not d[key].rel("part_of"), key


def test_a_plural_relative_clause_on_a_list_makes_every_item_a_member(ex):
    a = analyse(
        ex,
        "Beobachter aus Ghana, Togo und Benin, die wie Nigeria der Ecowas angehören, "
        "sollen die Waffenruhe überwachen.",
    )
    assert facts(a, FactKind.MEMBER) == {
        ("ghana", "ecowas"),
        ("togo", "ecowas"),
        ("benin", "ecowas"),
        ("nigeria", "ecowas"),
    }


def test_a_singular_relative_clause_stays_on_the_last_item(ex):
    a = analyse(ex, "Es kamen Vertreter aus Ghana, Togo und Benin, das der Uemoa angehört.")
    assert facts(a, FactKind.MEMBER) == {("benin", "uemoa")}


def test_states_that_joined_to_form_an_alliance_are_its_members(ex):
    a = analyse(
        ex,
        "Im September hatten sich Mali, Niger und Burkina Faso zur Allianz der Sahelstaaten "
        "(AES) zusammengeschlossen.",
    )
    assert {m for m, _o in facts(a, FactKind.MEMBER)} == {"mali", "niger", "burkina-faso"}


def test_a_head_of_state_in_a_relative_clause_chairs_for_the_state(ex):
    a = analyse(
        ex,
        "Gastgeber war Ghanas Präsident John Kufuor, der den Vorsitz der Wirtschaftsgemeinschaft "
        "Westafrikanischer Staaten (Ecowas) innehat.",
    )
    assert ("ghana", "ecowas") in facts(a, FactKind.LEADS)
    assert ("john-kufuor", "chairperson", "ecowas") in positions(a)


def test_whose_chair_a_state_holds(ex):
    a = analyse(ex, "Die Afrikanische Union, deren Vorsitz derzeit Senegal innehat, tagte.")
    assert facts(a, FactKind.LEADS) == {("senegal", "african-union")}


def test_a_party_named_before_partei_is_an_organisation(ex):
    a = analyse(
        ex, "Die oppositionelle Labor-Partei warf Premierminister Scott Morrison Versagen vor."
    )
    accusation = [e for e in a.events if e.event_class == "Accusation"]
    assert accusation and accusation[0].actors(RoleProperty.AGENT) == ("labor",)
    assert ("labor", "Organization", "Labor") in a.new_entities


def test_a_known_group_named_by_its_class_noun_and_its_core_name(ex):
    # "Söldnergruppe Wagner" is the dictionary's "Wagner-Gruppe", not a person Wagner;
    # its chief in apposition leads it, and "seine Kämpfer" are the group's
    a = analyse(
        ex,
        "Der Anführer der Söldnergruppe Wagner, Jewgeni Prigoschin, zog seine Kämpfer am "
        "Montag aus Bachmut ab.",
    )
    assert ("yevgeny-prigozhin", "leader", "wagner-group") in positions(a)
    poss = [m for m in a.mentions if m.group == "possessive"]
    assert [m.keys for m in poss] == [("wagner-group",)]
    # a name shared by no known organisation stays a new one of the noun's class
    a = analyse(ex, "Die Söldnergruppe Tamarin griff ein Dorf an.")
    assert "wagner-group" not in keys(a)
    assert ("tamarin", "ArmedGroup", "Tamarin") in a.new_entities


def test_allied_in_an_alliance_makes_both_members(ex):
    a = analyse(ex, "Armenien ist mit Russland in der OVKS verbündet.")
    assert facts(a, FactKind.MEMBER) == {("armenia", "csto"), ("russia", "csto")}
    # "mit denen" in a relative clause: its antecedent, and the clause's own name
    a = analyse(
        ex, "Die Türkei, mit der Griechenland in der Nato verbündet ist, protestierte scharf."
    )
    assert facts(a, FactKind.MEMBER) == {("greece", "nato"), ("turkey", "nato")}
    # allied in a treaty, not in an organisation: no membership
    a = analyse(ex, "Frankreich ist mit Deutschland im Elysée-Vertrag verbündet.")
    assert not facts(a, FactKind.MEMBER)


def test_members_named_after_a_compound_act_not_their_organisation(ex):
    a = analyse(ex, "Die Nato-Partner Italien und Portugal verweigerten den Überflug.")
    assert facts(a, FactKind.MEMBER) == {("italy", "nato"), ("portugal", "nato")}
    rej = only(a, "Rejection")
    assert {k for r, k in rej.roles if r == AGENT} == {"italy", "portugal"}
    # the organisation alone still acts
    a = analyse(ex, "Die Nato-Staaten verurteilten den Angriff.")
    assert {k for e in a.events for r, k in e.roles if r == AGENT} == {"nato"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fidschi war 1987 aus dem Commonwealth ausgetreten.", {("fiji", "commonwealth")}),
        ("Frankreich verließ 1966 die Nato.", {("france", "nato")}),
        # not yet left, or never
        ("Katar tritt aus der Opec aus.", set()),
        ("Großbritannien will die EU verlassen.", set()),
        ("Gambia ist nie aus dem Commonwealth ausgetreten.", set()),
        # a meeting of a body left, or a part of an organisation, is no organisation left
        ("Der Botschafter verließ die Sitzung des Sicherheitsrats.", set()),
        ("Zulfikar Ali Bhutto verließ unter Protest die Sitzung des Sicherheitsrats.", set()),
        ("Frankreich verließ 1966 die integrierte Kommandostruktur der Nato.", set()),
    ],
)
def test_who_left_an_organisation_is_no_member(ex, text, expected):
    assert facts(analyse(ex, text), FactKind.NOT_MEMBER) == expected


def test_an_officer_s_own_country_is_no_organisation_s(ex):
    # "seine Kämpfer" of Wagner's chief are Wagner's; "sein Land" of the UN's chief is not
    # the UN
    a = analyse(ex, "UN-Generalsekretär António Guterres sagte, sein Land werde helfen.")
    poss = [m for m in a.mentions if m.group == "possessive"]
    assert poss and all("united-nations" not in m.keys for m in poss)


def test_a_led_alliance_named_after_its_class_noun_is_that_alliance(ex):
    # the class noun before a known name mints no organisation of its own
    a = analyse(
        ex, "Armenien hat die von Russland geführte Militärallianz OVKS um Beistand ersucht."
    )
    leads = {(f.subject, f.object) for f in a.facts if f.kind.value == "leads"}
    assert leads == {("russia", "csto")}
    assert not a.new_entities


def test_members_of_an_organisation_referred_back_to_with_an_attribute(ex):
    # "dem 1981 gegründeten Staatenbund": the organisation named before, and its dative
    # though the parse takes it for the subject
    a = analyse(
        ex,
        "Der Golf-Kooperationsrat tagte in Riad. Dem 1981 gegründeten Staatenbund gehören "
        "Kuwait und Oman an.",
    )
    assert facts(a, FactKind.MEMBER) == {("kuwait", "gcc"), ("oman", "gcc")}
    a = analyse(
        ex,
        "Der Golf-Kooperationsrat tagte in Riad. Dem Staatenbund gehören neben "
        "Saudi-Arabien und Katar auch Kuwait an.",
    )
    assert facts(a, FactKind.MEMBER) == {
        ("saudi-arabia", "gcc"),
        ("qatar", "gcc"),
        ("kuwait", "gcc"),
    }


def test_a_national_security_council_is_the_states_not_the_uns(ex):
    for text, state in (
        ("Der armenische Sicherheitsrat tagte am Montag.", "armenia"),
        ("Der Nationale Sicherheitsrat Pakistans tagte am Montag.", "pakistan"),
    ):
        meeting = only(analyse(ex, text), "Meeting")
        assert roles(meeting) == {("participant", state)}, text
    # the noun alone is the UN's organ
    meeting = only(analyse(ex, "Der Sicherheitsrat tagte am Montag."), "Meeting")
    assert roles(meeting) == {("participant", "un-security-council")}


def test_members_with_a_particle_the_parse_hangs_elsewhere(ex):
    a = analyse(ex, "Kolumbien und Venezuela gehören der Unasur ebenso an wie Ecuador.")
    assert {("colombia", "unasur"), ("venezuela", "unasur")} <= facts(a, FactKind.MEMBER)


def test_nothing_leads_itself(ex):
    # the short name in parentheses is the organisation, not its leader
    a = analyse(ex, "Correa führt den Vorsitz der Union Südamerikanischer Nationen (Unasur).")
    assert not [f for f in a.facts if f.subject == f.object]


def test_a_body_named_by_a_capitalised_adjective_is_an_organisation_of_the_article(ex):
    a = analyse(ex, "Der Oberste Militärrat erklärte am Donnerstag, die Wahl werde verschoben.")
    assert roles(only(a, "Statement")) >= {("agent", "oberste-militarat")}
    assert ("oberste-militarat", "Organization", "Oberste Militärrat") in a.new_entities
    # a longer name goes on after the head: not cut at it
    a = analyse(ex, "Das Internationale Komitee vom Roten Kreuz sprach von Hunderten Toten.")
    assert "internationale-komitee" not in keys(a)
