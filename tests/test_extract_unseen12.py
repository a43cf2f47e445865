"""Session 29: each form tested on sentences written for the test."""

from extract_helpers import analyse, cameo, classes, minted, only, positions, roles

from kg.extract.names import name_key

# -- the dateline: the first city of several is where the lead's talks were ---------------


def test_talks_of_the_lead_are_in_the_first_city_of_a_dateline_of_several(ex):
    a = analyse(
        ex,
        "Nairobi/Addis Abeba – Die Außenminister Kenias und Äthiopiens haben sich am Montag "
        "zu Gesprächen getroffen.",
    )
    assert ("location", "nairobi") in roles(only(a, "Meeting"))


def test_a_dateline_of_several_cities_gives_no_home_state_to_a_bare_title(ex):
    # the home of "Präsident X" stays unknown where the story is filed from two capitals
    a = analyse(ex, "Nairobi/Kampala – Präsident Samuel Kiprono traf Vertreter Ruandas.")
    assert not positions(a)


# -- "sprach von" a crime: a denunciation beside the words said ----------------------------


def test_speaking_of_a_crime_denounces_it_and_stays_a_statement(ex):
    a = analyse(ex, "Die Ukraine sprach von Kriegsverbrechen der russischen Armee.")
    assert roles(only(a, "Accusation")) == {("agent", "ukraine"), ("addressee", "russia")}
    assert ("agent", "ukraine") in roles(only(a, "Statement"))
    a = analyse(ex, "Präsident Boris Jelzin sprach von einer »unverhohlenen Aggression«.")
    assert cameo(only(a, "Accusation")) == "111"


def test_speaking_of_the_dead_or_of_an_attack_is_no_accusation(ex):
    for text in (
        "Das Rote Kreuz sprach von Hunderten Toten.",
        "Ein Sprecher der Armee sprach von einem Angriff auf einen Konvoi.",
        "Der Minister sprach mit Kenia über die Verletzung der Waffenruhe.",
    ):
        assert "Accusation" not in classes(analyse(ex, text)), text


# -- where someone lives is no place of what they say -------------------------------------


def test_a_place_of_residence_in_an_attribute_is_no_place_of_the_statement(ex):
    a = analyse(ex, "Der in Hamburg lebende Sprecher Isaac Velazco sprach von einem Erfolg.")
    assert ("agent", name_key("Isaac Velazco")) in roles(only(a, "Statement"))
    assert not {k for r, k in roles(only(a, "Statement")) if r == "location"}


def test_the_place_of_talks_in_their_own_attribute_stays_their_place(ex):
    a = analyse(ex, "Die in Ohrid geführten Gespräche endeten am Montag.")
    assert ("location", "ohrid") in roles(only(a, "Negotiation"))


# -- signatories: companions after the verb, and a clause that leaves out the verb -------


def test_signatories_named_beside_others_after_the_verb_all_sign(ex):
    a = analyse(
        ex, "Zu den Unterzeichnern gehören neben den USA und Kanada auch Belgien und Dänemark."
    )
    assert {k for r, k in roles(only(a, "Agreement")) if r == "participant"} == {
        "united-states",
        "canada",
        "belgium",
        "denmark",
    }


def test_a_thing_beside_the_object_is_no_signatory(ex):
    a = analyse(ex, "Kenia unterzeichnete neben dem Abkommen auch ein Protokoll.")
    assert roles(only(a, "Agreement")) == {("participant", "kenya")}


def test_the_person_of_a_clause_without_its_verb_signs_too(ex):
    a = analyse(
        ex,
        "Für Japan unterzeichnete Außenminister Jutaro Komura, für Russland der frühere "
        "Finanzminister Sergej Witte.",
    )
    assert {k for r, k in roles(only(a, "Agreement")) if r == "participant"} == {
        "japan",
        name_key("Jutaro Komura"),
        "russia",
        name_key("Sergej Witte"),
    }


def test_an_unknown_name_after_the_phrase_of_a_clause_without_its_verb_is_a_person(ex):
    a = analyse(ex, "Für Belgien unterschrieb Paul-Henri Spaak, für Dänemark Gustav Rasmussen.")
    rasmussen = name_key("Gustav Rasmussen")
    assert rasmussen in {k for k, _cls, _label in a.new_entities}
    assert ("participant", rasmussen) in roles(only(a, "Agreement"))


# -- "die Liga", "die Union": the organisation named before whose name has the noun -------


def test_the_league_is_the_league_named_before(ex):
    a = analyse(
        ex, "Die Arabische Liga tagte in Kairo. Die Liga verhängte Sanktionen gegen Syrien."
    )
    sanctions = [e for e in a.events if cameo(e) == "163"]
    assert [roles(e) for e in sanctions] == [{("agent", "arab-league"), ("addressee", "syria")}]


def test_the_union_is_no_organisation_of_another_name(ex):
    a = analyse(ex, "Die Nato tagte in Brüssel. Die Union verurteilte den Putsch.")
    assert "Accusation" not in classes(a)
    a = analyse(ex, "Die Afrikanische Union tagte. Die Union verurteilte den Putsch.")
    assert roles(only(a, "Accusation")) == {("agent", "african-union")}
    a = analyse(ex, "Die Ecowas tagte. Die internationale Gemeinschaft verurteilte den Putsch.")
    assert not {e for e in a.events if ("agent", "ecowas") in roles(e) and cameo(e) == "111"}


# -- one name with an office in apposition ----------------------------------------------


def test_one_name_with_an_office_in_apposition_is_a_person_holding_it(ex):
    a = analyse(ex, "Mussolini, der italienische Regierungschef, forderte eine Entschuldigung.")
    assert (name_key("Mussolini"), "head-of-government", "italy") in positions(a)
    a = analyse(ex, "Magsaysay, der Präsident der Philippinen, eröffnete die Konferenz.")
    assert (name_key("Magsaysay"), "president", "philippines") in positions(a)


def test_one_name_before_a_noun_that_is_no_office_is_no_person(ex):
    a = analyse(ex, "Die Kämpfe dauerten an. Korfu, die größte Insel, wurde beschossen.")
    assert not a.new_entities or all(c != "Person" for _k, c, _lab in a.new_entities)


def test_the_surname_with_an_office_in_apposition_is_the_person_named_before(ex):
    a = analyse(
        ex,
        "Ministerpräsident Benito Mussolini drohte Griechenland. Mussolini, der italienische "
        "Regierungschef, forderte eine Entschuldigung.",
    )
    assert ("agent", name_key("Benito Mussolini")) in roles(only(a, "Demand"))


# -- a father's name after "bin" is no surname ------------------------------------------


def test_a_fathers_name_after_bin_names_no_one_alone(ex):
    # regression: "König Salman" was Mohammed bin Salman, and held the office of monarch
    a = analyse(ex, "Riad – König Salman empfing den Gast.")
    assert "mohammed-bin-salman" not in {k for m in a.mentions for k in m.keys}
    assert not {p for p in positions(a) if p[0] == "mohammed-bin-salman"}
    a = analyse(ex, "Kronprinz Mohammed bin Salman empfing den Gast.")
    assert ("agent", "mohammed-bin-salman") in roles(only(a, "Meeting"))


# -- an unlisted town of several words after a title --------------------------------------


def test_a_governor_of_an_unlisted_city_with_a_particle_in_its_name(ex):
    a = analyse(ex, "Der Gouverneur von Rio de Janeiro, Sérgio Cabral, sprach von einem Erfolg.")
    rio = minted(a, "Rio de Janeiro")
    assert (name_key("Sérgio Cabral"), "governor", f"{rio}-government") in positions(a)


def test_an_unlisted_region_in_the_bare_genitive_after_a_title(ex):
    # regression: "Nordossetiens" was taken for a person, and the president held no office
    a = analyse(ex, "Der Präsident Nordossetiens, Alexander Dsassochow, sprach von einer Tragödie.")
    region = minted(a, "Nordossetien")
    assert (name_key("Alexander Dsassochow"), "president", f"{region}-government") in positions(a)
    assert not {k for k, c, _lab in a.new_entities if c == "Person"} - {
        name_key("Alexander Dsassochow")
    }


def test_a_title_at_the_end_of_a_sentence_ends_the_search_for_a_genitive(ex):
    # (a title as the last word leaves no genitive to read: no failure, no office)
    a = analyse(ex, "Das sagte der Präsident.")
    assert not positions(a)
