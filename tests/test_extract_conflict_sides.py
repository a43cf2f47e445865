"""The conflict an article is about: its sides, its start and which known conflict it is.

Sentences written for these tests (Angola, Sudan, Ethiopia–Eritrea, Liberia, Colombia); each
asserts what a coder reads as the conflict's parties, place and start.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import analyse

from kg.dictionary import load_dictionary
from kg.errors import InputError


def test_a_known_conflict_that_began_after_the_article_is_not_its_conflict(ex):
    # the dictionary's "Krieg im Sudan" began in 2023; a report of 1991 is about another war
    a = analyse(
        ex,
        "Der Bürgerkrieg im Sudan hat Hunderttausende Menschen das Leben gekostet.",
        date="1991-05-02",
    )
    assert a.conflict is None or a.conflict.key != "sudanese-civil-war"


def test_the_same_words_name_the_known_conflict_after_it_began(ex):
    a = analyse(
        ex,
        "Der Bürgerkrieg im Sudan hat Hunderttausende Menschen das Leben gekostet.",
        date="2024-05-02",
    )
    assert a.conflict is not None and a.conflict.key == "sudanese-civil-war"


def test_a_conflict_year_that_is_no_year_is_refused_with_its_row(tmp_path: Path):
    bad = tmp_path / "conflicts.tsv"
    bad.write_text(
        "key\tclass\tlabel_de\tlabel_en\talt_de\talt_en\tforms_de\tadjective_de\trelated\t"
        "wikidata\nx-war\tArmedConflict\tX-Krieg\tX war\t\t\t\t\tsince=neunzehn\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"conflicts.tsv: row 2 \(x-war\): since='neunzehn'"):
        load_dictionary([bad])


def test_both_sides_of_bekaempfen_are_parties(ex):
    a = analyse(
        ex, "Seit 1983 bekämpft die Regierung in Khartum die SPLA im Süden.", date="1991-05-02"
    )
    assert a.conflict is not None
    assert {"sudan", "splm"} <= set(a.conflict.parties)
    assert a.conflict.start == ("1983", "gYear")


def test_the_signatories_of_a_peace_after_years_of_war_are_its_sides(ex):
    # the parse keeps "Bürgerkrieg" inside "nach sieben Jahren …": no subject of the verb
    a = analyse(
        ex,
        "Nach sieben Jahren Bürgerkrieg haben die Regierung Angolas und die Rebellenbewegung "
        "UNITA ein Friedensabkommen unterzeichnet.",
        date="1991-05-31",
    )
    # the dictionary's Angolan civil war, with the sides the sentence gives
    assert a.conflict is not None and a.conflict.key == "angolan-civil-war"
    assert {"angola", "unita"} <= set(a.conflict.parties)


def test_every_conjunct_that_ends_a_war_is_a_side(ex):
    a = analyse(
        ex,
        "Äthiopien und Eritrea haben den Kriegszustand zwischen ihren Ländern für beendet "
        "erklärt, der seit 1998 andauerte.",
        date="2018-07-09",
    )
    assert a.conflict is not None
    assert {"ethiopia", "eritrea"} <= set(a.conflict.parties)


def test_who_condemns_a_war_is_no_side_of_it(ex):
    a = analyse(
        ex,
        "Frankreich verurteilte den Krieg zwischen Äthiopien und Eritrea, der seit 1998 andauert.",
        date="1999-03-01",
    )
    assert a.conflict is not None
    assert "france" not in a.conflict.parties


def test_a_continent_named_in_passing_is_no_conflict_place(ex):
    a = analyse(
        ex,
        "Der Konflikt ist der älteste Lateinamerikas und dauert seit 1964 an.",
        date="2016-06-24",
    )
    assert a.conflict is None or "latin-america" not in a.conflict.locations


def test_the_year_a_start_verb_names_dates_the_conflict(ex):
    a = analyse(
        ex,
        "Der im Dezember 1989 in Liberia begonnene Bürgerkrieg hat das Land verwüstet.",
        date="1996-08-20",
    )
    assert a.conflict is not None and a.conflict.start == ("1989-12", "gYearMonth")


def test_a_region_where_a_known_conflict_is_fought_outweighs_a_state_named_twice(ex):
    # regression: Russia and Ukraine (party and place both) outscored Moldova and
    # Transnistria, the region the article is about
    a = analyse(
        ex,
        "Moldau und Transnistrien verhandeln in Berlin. Russland hat Soldaten in "
        "Transnistrien; auch die Ukraine grenzt an die Region.",
        date="2016-06-03",
    )
    assert a.conflict is not None and a.conflict.key == "transnistria-conflict"


def test_es_kam_zu_einem_krieg_dates_the_conflict(ex):
    a = analyse(
        ex,
        "Moldau und Transnistrien verhandeln in Berlin. Die Region hatte sich von Moldau "
        "losgesagt; im März 1992 kam es zu einem kurzen Krieg.",
        date="2016-06-03",
    )
    assert a.conflict is not None and a.conflict.start == ("1992-03", "gYearMonth")
    # a "zu" phrase without a conflict noun dates nothing: the conflict keeps the year
    # the dictionary gives, not the month of the talks
    a = analyse(
        ex,
        "Moldau und Transnistrien verhandeln in Berlin. Im März 1992 kam es zu Gesprächen.",
        date="2016-06-03",
    )
    assert a.conflict is None or a.conflict.start in (None, ("1990", "gYear"))


def test_an_end_year_that_is_no_year_is_refused_with_its_row(tmp_path: Path):
    bad = tmp_path / "conflicts.tsv"
    bad.write_text(
        "key\tclass\tlabel_de\tlabel_en\talt_de\talt_en\tforms_de\tadjective_de\trelated\t"
        "wikidata\nx-war\tArmedConflict\tX-Krieg\tX war\t\t\t\t\tsince=1990|until=bald\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"conflicts.tsv: row 2 \(x-war\): until='bald'"):
        load_dictionary([bad])


def test_two_states_named_as_witnesses_make_no_war_of_theirs(ex):
    # regression: the Iraq war (parties USA and Britain) was taken for a border dispute
    # whose treaty the USA and Britain witnessed
    a = analyse(
        ex,
        "Nigeria und Kamerun haben den Streit um die Halbinsel Bakassi beigelegt. Als "
        "Zeugen unterzeichneten die USA und Großbritannien.",
        date="2006-06-12",
    )
    assert a.conflict is None or a.conflict.key != "iraq-war"


def test_a_war_without_the_states_that_fight_is_not_the_article_s(ex):
    # Vietnam and the Khmer Rouge fought in Cambodia; China's invasion of Vietnam is
    # another war
    a = analyse(
        ex,
        "China hat Vietnam angegriffen. Chinesische Truppen kämpfen seit Samstag gegen "
        "vietnamesische Einheiten. Vietnam hatte zuvor Kambodscha besetzt und die Roten "
        "Khmer vertrieben.",
        date="1979-02-20",
    )
    assert a.conflict is not None and a.conflict.key != "cambodian-vietnamese-war"


def test_a_conflict_that_ended_is_the_article_s_only_by_its_name(ex):
    # the Turkish offensive on Afrin ended in 2018; an article of 2019 naming Turkey and
    # the YPG in northern Syria is about another offensive
    text = (
        "Die Türkei und die YPG kämpfen in Nordsyrien. Seit Mittwoch greifen türkische "
        "Truppen Stellungen der YPG an."
    )
    a = analyse(ex, text, date="2019-10-18")
    assert a.conflict is None or a.conflict.key != "operation-olive-branch"
    a = analyse(
        ex,
        "Die Operation Olivenzweig der Türkei war 2018 zu Ende gegangen. " + text,
        date="2019-10-18",
    )
    assert a.conflict is not None and a.conflict.key == "operation-olive-branch"


def test_an_armed_group_and_its_state_name_the_civil_war(ex):
    a = analyse(
        ex,
        "Kolumbiens Regierung und die Farc haben einen Waffenstillstand geschlossen. Die "
        "Farc kämpft seit 1964 gegen den Staat.",
        date="2016-06-24",
    )
    assert a.conflict is not None and a.conflict.key == "colombian-conflict"


def test_the_first_fighting_reported_dates_a_war_whose_outbreak_is_not_dated(ex):
    # no sentence says when the war began; the earliest fighting between its sides does
    a = analyse(
        ex,
        "Im Krieg zwischen Eritrea und Äthiopien hat die Organisation für Afrikanische "
        "Einheit einen Friedensplan vorgelegt. Eritreische Truppen hatten am 6. Mai die "
        "Grenzstadt Badme besetzt. Am Freitag bombardierten äthiopische Kampfflugzeuge den "
        "Flughafen von Asmara.",
        date="1998-06-10",
    )
    assert a.conflict is not None and a.conflict.key == "eritrean-ethiopian-war"
    assert a.conflict.start == ("1998-05-06", "date")


def test_fighting_years_after_a_known_war_began_leaves_it_the_year_it_began(ex):
    # an attack of 2015 does not start a conflict of 1964: the dictionary's year stands
    a = analyse(
        ex,
        "Kolumbiens Regierung und die Farc verhandeln in Havanna über einen Frieden. Am "
        "Dienstag griffen Kämpfer der Farc einen Stützpunkt der Armee an.",
        date="2015-04-16",
    )
    assert a.conflict is not None and a.conflict.key == "colombian-conflict"
    assert a.conflict.start == ("1964", "gYear")
