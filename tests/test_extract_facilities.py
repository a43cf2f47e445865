"""Buildings and compounds: an event done to a facility or in it happened where the
facility stands, named before with its place ("ein Hotel in Bamako … stürmten das
Gebäude"). Sentences written for the test."""

from extract_helpers import analyse, only, roles

from kg.extract.facilities import FacilityNouns
from kg.extract.lexicon import load_lexicon


def test_a_building_stormed_is_where_it_was_named(ex):
    a = analyse(
        ex,
        "Bewaffnete hatten am Freitag ein Hotel in Bamako besetzt. "
        "Am Abend stürmten malische Spezialkräfte das Gebäude.",
    )
    stormed = [e for e in a.events if e.trigger.pattern == "attack"]
    assert len(stormed) == 1
    assert {("agent", "mali"), ("location", "bamako")} <= set(roles(stormed[0]))


def test_the_same_facility_noun_refers_back_past_a_genitive(ex):
    a = analyse(
        ex,
        "Das Geiseldrama in der Residenz des kanadischen Botschafters in Lima dauert an. "
        "Rebellen hatten die Residenz am 17. Dezember gestürmt.",
    )
    assert ("location", "lima") in roles(only(a, "MilitaryAction"))


def test_a_meeting_in_a_facility_named_before_is_in_its_town(ex):
    a = analyse(
        ex,
        "Kagame hatte die Vermittler in seinem Amtssitz in Kigali empfangen. "
        "Am Dienstag trafen sich Kagame und Museveni im Amtssitz.",
    )
    assert ("location", "kigali") in roles(only(a, "Meeting"))


def test_a_passive_subject_facility_is_the_place(ex):
    a = analyse(
        ex,
        "Die Islamisten hielten Geiseln in einer Schule in Kidal fest. "
        "Das Gebäude wurde am Montag von Soldaten angegriffen.",
    )
    attacks = [e for e in a.events if e.trigger.pattern == "attack"]
    assert attacks and ("location", "kidal") in roles(attacks[-1])


def test_another_facility_noun_does_not_refer_back(ex):
    a = analyse(
        ex,
        "Die Islamisten hielten Geiseln in einer Schule in Kidal fest. "
        "Am Montag griffen Rebellen das Krankenhaus an.",
    )
    attack = next(e for e in a.events if e.trigger.pattern == "attack")
    assert not any(r == "location" for r, _k in roles(attack))


def test_a_building_with_no_place_named_before_gives_none(ex):
    a = analyse(ex, "Rebellen griffen das Gebäude am Montag an.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "t/rebellen")}


def test_a_facility_named_by_a_joined_name_is_that_place(ex):
    # "den Dasman-Palast" names its palace: no reference to a facility named before
    a = analyse(
        ex,
        "Die Delegation war im Präsidentenpalast in Bagdad untergebracht. "
        "Irakische Truppen griffen den Dasman-Palast an.",
    )
    attack = only(a, "MilitaryAction")
    assert ("location", "baghdad") not in roles(attack)


def test_every_reference_noun_is_a_facility_noun():
    lex = load_lexicon()
    assert lex.cue("facility_reference_nouns") <= lex.cue("facility_nouns")
    nouns = FacilityNouns(lex.cue("facility_nouns"), lex.cue("facility_reference_nouns"))
    assert nouns.head("Flüchtlingslager") == "lager"
    assert nouns.head("Hilfswerk") is None  # no building
