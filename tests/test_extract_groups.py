"""Organisations and armed groups no dictionary lists (kg.extract.entities)."""

from __future__ import annotations

from extract_helpers import analyse, of_class, positions


def groups(a) -> dict[str, str]:
    """Text → class of every organisation-like mention."""
    return {m.text: m.cls for m in a.mentions if m.cls and m.cls != "Person" and m.keys}


def test_a_name_before_a_group_noun_is_the_group(ex):
    a = analyse(
        ex,
        "Die Armee und die Kaluma-Rebellen unterzeichneten ein Abkommen. "
        "Die Kaluma erklärte, sie sei zufrieden.",
    )
    (agreed,) = of_class(a, "Agreement")
    assert "kaluma" in agreed.actors()
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("kaluma",)
    assert ("kaluma", "ArmedGroup", "Kaluma") in a.new_entities


def test_a_german_plural_before_a_group_noun_is_no_name(ex):
    a = analyse(ex, "Die Armee griff Stellungen der Tamilen-Rebellen und der Islamisten-Miliz an.")
    assert not any(k[0] in ("tamilen", "islamisten") for k in a.new_entities)


def test_an_acronym_in_title_case_is_the_known_organisation(ex):
    # the dictionary writes "ECOWAS"; German news "Ecowas" (spoken as a word)
    a = analyse(ex, "Die Ecowas verhängte Sanktionen gegen Mali.")
    assert any(m.text == "Ecowas" and m.keys == ("ecowas",) for m in a.mentions)


def test_a_name_of_several_words_after_a_class_noun(ex):
    a = analyse(
        ex,
        "Der Generalsekretär der Rebellenbewegung Nouvelle Alliance, Jean Kossi, "
        "unterschrieb das Abkommen.",
    )
    key = next(k for k, cls, label in a.new_entities if label == "Nouvelle Alliance")
    assert ("yean-kosi", "secretary-general", key) in positions(a)


def test_a_leaders_genitive_is_no_part_of_the_name_before_its_acronym(ex):
    a = analyse(
        ex,
        "Rebellenführer Amadu Kamara unterschrieb. Kamaras Nationale Befreiungsfront "
        "(NBF) soll Partei werden.",
    )
    assert groups(a)["Nationale Befreiungsfront"] == "Organization"
    assert groups(a)["NBF"] == "Organization"


def test_talks_in_the_plural_are_negotiations_one_talk_a_meeting(ex):
    a = analyse(ex, "Die Gespräche zwischen Kenia und Uganda fanden in Nairobi statt.")
    assert of_class(a, "Negotiation") and not of_class(a, "Meeting")
    b = analyse(ex, "Ein Gespräch zwischen Kenia und Uganda fand in Nairobi statt.")
    assert of_class(b, "Meeting") and not of_class(b, "Negotiation")


def test_an_unnamed_organisation_named_by_its_leader(ex):
    a = analyse(
        ex,
        "Seit 2015 bekämpft eine von Saudi-Arabien angeführte Militärkoalition, der auch "
        "Bahrain angehört, die Rebellen.",
    )
    coalition = next(k for k, cls, label in a.new_entities if label.endswith("Militärkoalition"))
    facts = {(f.kind.value, f.subject, f.object) for f in a.facts}
    assert ("leads", "saudi-arabia", coalition) in facts
    assert ("member", "bahrain", coalition) in facts
    assert dict((k, c) for k, c, _l in a.new_entities)[coalition] == "MilitaryAlliance"
