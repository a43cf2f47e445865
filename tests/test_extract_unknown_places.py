"""Places no dictionary lists, read from the language: after a locative preposition ("bei
Ras Doumeira"), after a place noun ("das Ölfeld X"), joined to one ("im X-Gebirge"); each
registered with its type and label, and the place of the fighting or signing it names.
Sentences written for the tests, with invented places."""

from extract_helpers import analyse, of_class, only, roles


def place(a, key: str) -> tuple[str, str] | None:
    """(class, label) of a place the article introduces."""
    return next(((c, label) for k, c, label in a.new_entities if k == key), None)


def labelled(a) -> set[tuple[str, str]]:
    """(class, label) of every place and actor the article introduces."""
    return {(str(c), label) for _k, c, label in a.new_entities}


def test_two_proper_nouns_after_bei_are_one_place_where_the_clash_was(ex):
    a = analyse(
        ex, "Am Sonntag waren bei Ras Kamar eritreische und sudanesische Truppen aneinandergeraten."
    )
    clash = only(a, "MilitaryAction")
    assert roles(clash) == {
        ("participant", "eritrea"),
        ("participant", "sudan"),
        ("location", "ras-kamar"),
    }
    assert place(a, "ras-kamar") == ("Place", "Ras Kamar")


def test_a_foreign_name_with_a_particle_after_a_preposition_is_one_place(ex):
    a = analyse(ex, "Spezialeinheiten der Polizei drangen in den Morro do Pinheiro vor.")
    assert ("Place", "Morro do Pinheiro") in labelled(a)


def test_a_part_of_a_town_named_after_its_noun_is_a_place(ex):
    a = analyse(ex, "Am Donnerstag stürmten Polizisten die Nachbarfavela Vila Serrana.")
    assert ("Place", "Vila Serrana") in labelled(a)
    assert any(r == "location" for r, _k in roles(only(a, "MilitaryAction")))
    a = analyse(ex, "Die Meuterer flohen aus der Kaserne im Stadtteil Rayerbazar.")
    assert ("Place", "Rayerbazar") in labelled(a)


def test_a_place_noun_names_the_place_after_it(ex):
    a = analyse(ex, "Sudanesische Truppen besetzten am Montag das Ölfeld Dimbo.")
    assert ("location", "dimbo") in roles(only(a, "MilitaryAction"))
    assert place(a, "dimbo") == ("Place", "Dimbo")


def test_a_name_joined_to_a_place_noun_is_that_place(ex):
    a = analyse(
        ex,
        "Präsident Filipe Nyusi und Renamo-Chef Ossufo Momade hatten im Malema-Gebirge "
        "eine Vereinbarung unterzeichnet.",
    )
    assert ("location", "malema-gebirge") in roles(only(a, "Agreement"))
    assert place(a, "malema-gebirge") == ("Region", "Malema-Gebirge")


def test_a_known_surname_after_bei_stays_a_person(ex):
    a = analyse(
        ex,
        "Der Unterhändler Jonas Okafor traf in Abuja ein. Die Delegation war bei Okafor zu Gast.",
    )
    assert place(a, "okafor") is None


def test_a_place_compound_the_tagger_reads_as_a_name_still_names_the_place(ex):
    a = analyse(
        ex,
        "Kritik kam aus der peruanischen Amazonasstadt Iquitos, wo Tausende gegen das "
        "Abkommen demonstriert hatten.",
    )
    assert roles(only(a, "Protest")) == {("location", "ikuitos")}
    assert place(a, "ikuitos") == ("City", "Iquitos")


def test_an_unlisted_town_of_the_dateline_is_where_the_lead_s_signing_was(ex):
    a = analyse(
        ex,
        "Wadi Kamar (dpa) – Israel und Jordanien haben am Mittwoch einen Friedensvertrag "
        "unterzeichnet.",
    )
    assert place(a, "vadi-kamar") == ("City", "Wadi Kamar")
    assert ("location", "vadi-kamar") in roles(only(a, "Agreement"))
    # the agency in parentheses is no place
    assert not [k for k, c, _l in a.new_entities if c == "City" and "dpa" in k]


def test_an_unlisted_town_beside_a_capital_in_the_dateline_keeps_the_capital_s_state(ex):
    # regression: the second place of "Kabul/Kamar –" made the dateline state none, and
    # with it the state of "Präsident X"
    a = analyse(ex, "Kabul/Kamar – Afghanistan lehnt ab. Präsident Farid Omari sagte nein.")
    assert ("farid-omari", "president", "afghanistan") in {
        (f.subject, f.role, f.object) for f in a.facts if f.kind.value == "position"
    }


def test_the_capital_without_a_name_is_the_story_state_s(ex):
    a = analyse(
        ex,
        "Jemens Regierung und die Huthis haben sich geeinigt. Die Huthis hatten im September "
        "2014 die Hauptstadt eingenommen.",
    )
    (capture,) = [e for e in a.events if e.event_class == "MilitaryAction"]
    assert ("location", "sanaa") in roles(capture)
    # a capital with its name or its state's genitive is that one ("die Hauptstadt Kenias")
    a = analyse(ex, "Die Rebellen nahmen die Hauptstadt Kenias ein.")
    assert "sanaa" not in {k for m in a.mentions for k in m.keys}


def test_dort_is_the_place_named_last(ex):
    a = analyse(
        ex,
        "Donovan war nach Ost-Berlin gereist und hatte dort mit dem Diplomaten Iwan "
        "Schischkin verhandelt.",
    )
    assert ("location", "east-berlin") in roles(only(a, "Negotiation"))
    a = analyse(
        ex,
        "Die Außenminister reisten nach Genf. Dort verhandeln Armenien und Aserbaidschan "
        "über einen Waffenstillstand.",
    )
    assert ("location", "geneva") in roles(only(a, "Negotiation"))


def test_a_place_of_several_words_after_its_noun(ex):
    a = analyse(
        ex, "Im Dorf Ras Baalbek kamen bei einem Angriff der Hisbollah drei Menschen ums Leben."
    )
    (attack,) = of_class(a, "MilitaryAction")
    (place,) = [k for r, k in roles(attack) if r == "location"]
    assert next(label for k, _c, label in a.new_entities if k == place) == "Ras Baalbek"


def test_a_plural_place_noun_names_each_place_it_lists(ex):
    a = analyse(
        ex, "Zuvor hatte die Armee die Orte Amboli und Teskat unter ihre Kontrolle gebracht."
    )
    taken = only(a, "MilitaryAction")
    assert {("location", "amboli"), ("location", "teskat")} <= roles(taken)
    assert place(a, "teskat") == ("City", "Teskat")
    a = analyse(ex, "Die Rebellen eroberten die Städte Kalemor, Uvaro und Barakim.")
    assert {k for r, k in roles(only(a, "MilitaryAction")) if r == "location"} == {
        "kalemor",
        "uvaro",
        "barakim",
    }
    # a singular place noun names one place: the name after "und" is not its
    a = analyse(ex, "Die Rebellen eroberten die Stadt Kalemor und Uvaro.")
    assert place(a, "uvaro") is None


def test_a_camp_noun_names_the_place_after_it_with_an_arabic_article(ex):
    a = analyse(ex, "Die libanesische Armee hat das Flüchtlingslager Nahr al-Kasim eingenommen.")
    assert ("location", "nahr-al-kasim") in roles(only(a, "MilitaryAction"))
    assert place(a, "nahr-al-kasim") == ("Place", "Nahr al-Kasim")


def test_the_town_refers_back_to_the_town_named_last(ex):
    a = analyse(
        ex,
        "Die Rebellen rückten auf die Stadt Amboli vor. Am Abend nahmen sie die umkämpfte "
        "Stadt ein.",
    )
    taken = [e for e in of_class(a, "MilitaryAction") if e.trigger.pattern == "capture"]
    assert [(r, k) for r, k in roles(taken[0]) if r == "location"] == [("location", "amboli")]
    # a name or a genitive after the noun names another town
    a = analyse(ex, "Die Stadt Amboli fiel. Die Rebellen eroberten die Stadt Teskat.")
    assert place(a, "teskat") == ("City", "Teskat")
    assert ("location", "teskat") in roles(only(a, "MilitaryAction"))
