"""Session 27: whose office a title names when the sentence names no state, names before a
function in apposition, calls to keep a ceasefire, and actors the text leaves unnamed; each
tested on sentences written for the test."""

from extract_helpers import analyse, analyse_titled, of_class, positions, roles

from kg.extract.names import name_key

# -- the chief of the forces: the state the story is about, not the state named last ------


def test_an_army_chief_with_no_state_named_is_the_chief_of_the_storys_state(ex):
    a = analyse_titled(
        ex,
        "Lesotho: Armee setzt Regierung unter Druck",
        "Südafrika rief am Montag zur Ruhe auf. Armeechef Generalleutnant Tlali Kamoli ließ am "
        "Dienstag drei Polizeiwachen besetzen.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == name_key("Tlali Kamoli")}
    assert held == {("commander", "lesotho")}


def test_an_army_chief_after_the_state_of_the_sentence_is_that_states(ex):
    a = analyse_titled(
        ex,
        "Lesotho: Armee setzt Regierung unter Druck",
        "Die südafrikanische Armee verlegte am Montag Truppen an die Grenze; Armeechef "
        "Generalleutnant Rudzani Maphwanya besuchte sie am Dienstag.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == name_key("Rudzani Maphwanya")}
    assert held == {("commander", "south-africa")}


def test_a_spokesman_of_a_ministry_is_still_of_the_state_named_last(ex):
    # a spokesperson speaks for the state the story has just quoted, not for its home
    a = analyse_titled(
        ex,
        "Lesotho: Armee setzt Regierung unter Druck",
        "Auch China äußerte sich am Montag. Außenamtssprecher Wang Wenbin sagte, Peking "
        "verfolge die Lage aufmerksam.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == "wang-wenbin"}
    assert held == {("spokesperson", "china")}


# -- the state a headline is about: not one it names after "mit", "bei", "nach" -----------


def test_a_state_after_mit_before_the_colon_is_not_the_storys_state(ex):
    a = analyse_titled(
        ex,
        "Grenzstreit mit Tadschikistan: Kirgistan bittet die OVKS um Hilfe",
        "Außenminister Ruslan Kasakbajew wandte sich am Freitag an die Allianz.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == name_key("Ruslan Kasakbajew")}
    assert held == {("foreign-minister", "kyrgyzstan")}


def test_a_state_apologised_to_is_not_the_storys_state(ex):
    a = analyse_titled(
        ex,
        "Regierungschef entschuldigt sich bei Bolivien",
        "Außenminister Juan Pérez bedauerte am Freitag den Zwischenfall an der Grenze.",
    )
    assert not any(of == "bolivia" for _who, _role, of in positions(a))


def test_a_state_a_treaty_is_for_is_the_storys_state(ex):
    a = analyse_titled(
        ex,
        "Rivalen unterzeichnen in Rom Friedensvertrag für Mosambik",
        "Präsident Joaquim Chissano und Rebellenchef Afonso Dhlakama setzten am Sonntag ihre "
        "Unterschriften unter das Dokument.",
    )
    assert ("joaquim-chissano", "president", "mozambique") in positions(a)


# -- a name before a function in apposition: "X Y, der Anführer der Z," -------------------


def test_a_name_before_a_function_in_apposition_is_a_new_person_not_a_known_surname(ex):
    # "Ahmed" alone is a known person's surname; followed by a name word and a function in
    # apposition it starts another person's name
    a = analyse(
        ex,
        "Die Miliz Al-Shabaab bekannte sich zu dem Anschlag. Ahmed Diriye, der Anführer der "
        "Al-Shabaab, sagte, weitere Angriffe würden folgen.",
    )
    diriye = name_key("Ahmed Diriye")
    assert (diriye, "leader", "al-shabaab") in positions(a)
    assert all(key != "abiy-ahmed" for e in a.events for _role, key in roles(e))


def test_a_name_the_tagger_reads_as_foreign_words_before_an_apposition(ex):
    a = analyse(
        ex,
        "Ob Schaker al-Abssi, der frühere Anführer der Fatah al-Islam, unter den Toten ist, "
        "blieb zunächst offen.",
    )
    assert ("Person", "Schaker al-Abssi") in {(str(c), label) for _k, c, label in a.new_entities}


def test_a_place_before_an_apposition_of_no_function_is_no_person(ex):
    a = analyse(ex, "Auch Port Harcourt, die Hauptstadt des Bundesstaats, war betroffen.")
    assert not any(str(c) == "Person" for _k, c, _label in a.new_entities)


# -- demands: a call to keep or make a ceasefire, an application; an answer is none ---------


def test_a_call_to_keep_the_ceasefire_is_a_ceasefire_demand(ex):
    a = analyse(
        ex,
        "Kofi Annan rief Israel und die Hisbollah am Montag auf, die Feuerpause strikt "
        "einzuhalten.",
    )
    (call,) = of_class(a, "CeasefireDemand")
    assert roles(call) == {
        ("agent", "kofi-annan"),
        ("addressee", "israel"),
        ("addressee", "hezbollah"),
    }


def test_answering_a_demand_is_not_making_one(ex):
    a = analyse(ex, "Die Regierung Malis reagierte am Montag nicht auf die Forderung der UN.")
    assert of_class(a, "Demand") == []


def test_applying_for_a_session_is_a_demand(ex):
    a = analyse(
        ex, "Nicaragua beantragte am Montag eine Dringlichkeitssitzung des Sicherheitsrats."
    )
    (applied,) = of_class(a, "Demand")
    assert ("agent", "nicaragua") in roles(applied)


# -- actors the text leaves unnamed: civil society, parliamentarians, compound group nouns --


def test_human_rights_groups_who_accuse_are_the_accusations_agent(ex):
    a = analyse(ex, "Menschenrechtsgruppen warfen der Armee am Montag schwere Verbrechen vor.")
    (accusation,) = of_class(a, "Accusation")
    agents = [k for r, k in roles(accusation) if r == "agent"]
    assert [label for k, _c, label in a.new_entities if k in agents] == ["Menschenrechtsgruppen"]


def test_members_of_parliament_who_accuse_are_the_accusations_agent(ex):
    a = analyse(
        ex,
        "Abgeordnete aus dem Bundesstaat Cross River warfen Präsident Olusegun Obasanjo vor, "
        "die Bewohner der Halbinsel im Stich zu lassen.",
    )
    (accusation,) = of_class(a, "Accusation")
    assert ("addressee", "olusegun-obasanjo") in roles(accusation)
    agents = {k for r, k in roles(accusation) if r == "agent"}
    assert {label for k, _c, label in a.new_entities if k in agents} == {"Abgeordnete"}


def test_a_compound_of_an_armed_group_noun_is_an_armed_group(ex):
    a = analyse(ex, "Ein Selbstmordattentäter sprengte sich am Freitag in die Luft.")
    (bombing,) = of_class(a, "MilitaryAction")
    agents = {k for r, k in roles(bombing) if r == "agent"}
    assert {(str(c), label) for k, c, label in a.new_entities if k in agents} == {
        ("ArmedGroup", "Selbstmordattentäter")
    }


def test_a_compound_of_an_armed_group_noun_refers_back_to_the_group_named(ex):
    a = analyse(
        ex,
        "Die Miliz Al-Shabaab hat sich zu dem Anschlag bekannt. Die Islamistenmiliz griff am "
        "Dienstag erneut einen Stützpunkt der Armee an.",
    )
    (attack,) = [e for e in of_class(a, "MilitaryAction") if e.trigger.sentence == 1]
    assert ("agent", "al-shabaab") in roles(attack)


def test_a_call_to_turn_a_truce_into_a_ceasefire_is_a_ceasefire_demand(ex):
    a = analyse(
        ex,
        "Guterres forderte Russland und die Ukraine auf, die brüchige Feuerpause in einen "
        "echten Waffenstillstand umzuwandeln.",
    )
    (call,) = of_class(a, "CeasefireDemand")
    assert ("addressee", "ukraine") in roles(call)


def test_the_red_cross_is_the_icrc(ex):
    a = analyse(ex, "Das Rote Kreuz sprach am Montag von mindestens 50 Toten.")
    (said,) = of_class(a, "Statement")
    assert roles(said) == {("agent", "icrc")}


def test_a_commodores_name_is_a_persons(ex):
    a = analyse(ex, "Kommodore Sione Tuipulotu sagte am Montag, die Marine sei bereit.")
    assert ("Person", "Sione Tuipulotu") in {(str(c), label) for _k, c, label in a.new_entities}
