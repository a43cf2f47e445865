"""Offices of regions and cities: held in the place's government, a body the article
mints ("Regierung von Transnistrien", "Stadtverwaltung von Antananarivo"), for the
ontology gives an office to a state or an organisation; governors and mayors as titles.
Sentences written for the test."""

import pytest
from extract_helpers import analyse, minted, only, positions, roles

from kg.errors import InputError
from kg.extract.lexicon import load_lexicon
from kg.resources import data_dir


def test_an_office_of_a_de_facto_state_is_held_in_its_government(ex):
    a = analyse(ex, "Für Abchasien unterschrieb der abchasische Außenminister Sergej Schamba.")
    held = (minted(a, "Sergej Schamba"), "foreign-minister", "abkhazia-government")
    assert held in positions(a)
    assert ("abkhazia-government", "GovernmentBody", "Regierung von Abchasien") in a.new_entities


def test_a_region_in_the_genitive_after_an_office_is_whose_it_is(ex):
    a = analyse(ex, "Der Regierungschef der Krim, Sergej Aksjonow, begrüßte den Beschluss.")
    assert ("sergei-aksyonov", "head-of-government", "crimea-government") in positions(a)
    a = analyse(ex, "Tschetscheniens Präsident Aslan Maschadow rief zum Widerstand auf.")
    assert ("aslan-mashadov", "president", "chechnya-government") in positions(a)


def test_mayors_and_governors_are_offices_of_their_city_and_region(ex):
    a = analyse(ex, "Der Bürgermeister von Antananarivo, Andry Rajoelina, rief zum Streik auf.")
    assert ("andry-rajoelina", "mayor", "antananarivo-government") in positions(a)
    assert ("antananarivo-government", "GovernmentBody", "Stadtverwaltung von Antananarivo") in (
        a.new_entities
    )
    a = analyse(ex, "Kiews Bürgermeister Vitali Klitschko sprach am Montag.")
    assert (minted(a, "Vitali Klitschko"), "mayor", "kyiv-government") in positions(a)
    assert ("agent", minted(a, "Vitali Klitschko")) in roles(only(a, "Statement"))


def test_an_office_of_a_state_stays_the_states(ex):
    a = analyse(ex, "Der georgische Außenminister Gela Bekwaschwili reiste nach Moskau.")
    assert (minted(a, "Gela Bekwaschwili"), "foreign-minister", "georgia") in positions(a)


def test_a_given_name_that_refers_back_does_not_take_over_another_persons_name(ex):
    # regression: "Sergej" had referred back to Sergej Schoigu, so another Sergej named
    # after a title became the defence minister
    a = analyse(
        ex,
        "Verteidigungsminister Sergej Schoigu schwieg. Regierungschef Sergej Markow "
        "erklärte den Montag zum arbeitsfreien Tag.",
    )
    assert roles(only(a, "Statement")) == {("agent", minted(a, "Sergej Markow"))}


def test_der_with_an_adjective_in_e_after_a_group_is_no_genitive(ex):
    # regression: "der frühere Gouverneur X" was read as the rebels' genitive, and the
    # abduction lost its agent
    a = analyse(ex, "Verschleppt wurde von den Aufständischen der frühere Präsident Luis Ortega.")
    assert roles(only(a, "MilitaryAction")) == {
        ("agent", "t/aufstaendischen"),
        ("addressee", "luis-ortega"),
    }


def test_regional_governments_need_a_place_class_and_one_slot(tmp_path):
    base = tmp_path / "patterns"
    base.mkdir()
    for f in data_dir().joinpath("patterns").iterdir():
        if f.name.endswith(".yaml"):
            text = f.read_text(encoding="utf-8")
            if f.name == "roles.yaml":
                text = text.replace('City: "Stadtverwaltung von {}"', 'Town: "Stadt {}"')
            (base / f.name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="regional_governments"):
        load_lexicon(base)


def test_an_office_after_als_with_adjectives_is_held(ex):
    # regression: adjectives were looked for under a tag the tagger never gives ("ADJA"),
    # so "als nordkoreanischer Machthaber" stated no office
    a = analyse(ex, "Kim Jong Un hat als nordkoreanischer Machthaber den Boden betreten.")
    assert positions(a) == {("kim-jong-un", "leader", "north-korea")}
    # the phrase opening the clause, its subject after the verb
    a = analyse(
        ex,
        "Als erster nordkoreanischer Machthaber seit dem Krieg hat Kim Jong Un den Süden besucht.",
    )
    assert positions(a) == {("kim-jong-un", "leader", "north-korea")}
    a = analyse(ex, "Als Präsident empfing er Angela Merkel.")
    assert positions(a) == set()


def test_a_plural_title_with_names_each_von_a_body_gives_each_its_office(ex):
    a = analyse(
        ex,
        "Die Anführer der beiden wichtigsten Milizen, Ali Darassa von der Union für den "
        "Frieden (UPC) und Noureddine Adam von der Volksfront für die Wiedergeburt (FPRC), "
        "fehlten.",
    )
    held = {(role, of) for _h, role, of in positions(a)}
    assert ("leader", "fprc") in held
    assert len(held) == 2
