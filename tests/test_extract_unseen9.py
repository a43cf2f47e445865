"""Session 26: CAMEO's coercion and reduced relations as plain events, and the places a
military action is done to; each tested on sentences written for the test."""

from extract_helpers import analyse, members, not_members, of_class, positions, roles

from kg.extract.names import name_key


def _coded(a, cameo: str) -> list:
    """The analysis' plain events of CAMEO code ``cameo``."""
    return [e for e in of_class(a, "Event") if e.trigger.cameo == cameo]


# -- 16 REDUCE RELATIONS and 17 COERCE: plain events with their CAMEO code ------------------


def test_sanctions_imposed_are_an_event_of_code_163(ex):
    a = analyse(ex, "Die Europäische Union verhängte am Montag Sanktionen gegen Belarus.")
    (imposed,) = _coded(a, "163")
    assert roles(imposed) == {("agent", "european-union"), ("addressee", "belarus")}
    assert imposed.date[0] == "2024-03-11"


def test_sanctions_lifted_or_demanded_are_not_imposed(ex):
    lifted = analyse(ex, "Die Europäische Union hob am Montag die Sanktionen gegen Belarus auf.")
    assert _coded(lifted, "163") == []
    asked = analyse(ex, "Die Opposition forderte am Montag Sanktionen gegen Belarus.")
    assert _coded(asked, "163") == []
    assert of_class(asked, "Demand")


def test_emergency_rule_imposed_is_an_event_of_code_172(ex):
    a = analyse(ex, "Präsident Kassym-Schomart Tokajew verhängte am Mittwoch den Ausnahmezustand.")
    (emergency,) = _coded(a, "172")
    assert ("agent", "kassym-jomart-tokayev") in roles(emergency)
    # considered, not imposed
    planned = analyse(ex, "Tokajew erwägt, das Kriegsrecht zu verhängen.")
    assert _coded(planned, "172") == []


def test_an_arrest_is_an_event_of_code_173_in_either_voice(ex):
    active = analyse(ex, "Die Polizei nahm am Montag den Oppositionsführer Kizza Besigye fest.")
    (arrest,) = _coded(active, "173")
    assert ("addressee", "kizza-besigye") in roles(arrest)
    passive = analyse(ex, "Oppositionsführer Kizza Besigye wurde am Donnerstag festgenommen.")
    (arrest,) = _coded(passive, "173")
    assert ("addressee", "kizza-besigye") in roles(arrest)


def test_a_prisoner_named_by_the_participle_or_an_arrest_asked_for_is_no_arrest(ex):
    attribute = analyse(
        ex, "Die Rebellen verlangten die Freilassung des inhaftierten Oppositionsführers."
    )
    assert _coded(attribute, "173") == []
    asked = analyse(ex, "Die Opposition forderte, Kizza Besigye festzunehmen.")
    assert _coded(asked, "173") == []


def test_a_member_suspended_or_expelled_is_an_event_of_code_166(ex):
    a = analyse(ex, "Die Afrikanische Union suspendierte am Freitag Madagaskar.")
    (suspended,) = _coded(a, "166")
    assert roles(suspended) == {("agent", "african-union"), ("addressee", "madagascar")}
    b = analyse(ex, "Die Arabische Liga schloss Syrien aus der Organisation aus.")
    (expelled,) = _coded(b, "166")
    assert {("agent", "arab-league"), ("addressee", "syria")} <= roles(expelled)
    # a state excluded from nothing is not expelled
    assert _coded(analyse(ex, "Russland schloss einen Angriff nicht aus."), "166") == []


def test_an_envoy_expelled_is_an_event_of_code_174(ex):
    a = analyse(ex, "Russland wies am Montag den britischen Botschafter aus.")
    (expelled,) = _coded(a, "174")
    assert ("agent", "russia") in roles(expelled)
    # "ausweisen" of an area is designating it
    b = analyse(ex, "Die Regierung wies das Gebiet am Montag als Schutzzone aus.")
    assert _coded(b, "174") == []


def test_stepping_down_is_an_event_of_code_083(ex):
    a = analyse(ex, "Präsident Jacobo Árbenz trat am Sonntag zurück.")
    (resigned,) = _coded(a, "083")
    assert roles(resigned) == {("agent", "jacobo-arbenz")}
    b = analyse(ex, "Präsident Jacobo Árbenz erklärte am Sonntag seinen Rücktritt.")
    assert roles(_coded(b, "083")[0]) == {("agent", "jacobo-arbenz")}
    # a treaty left is no office left; a resignation demanded is the demand's
    assert _coded(analyse(ex, "Russland trat am Freitag von dem Vertrag zurück."), "083") == []
    asked = analyse(ex, "Die Opposition forderte den Rücktritt von Präsident Jacobo Árbenz.")
    assert _coded(asked, "083") == []


def test_manoeuvres_are_an_event_of_code_150(ex):
    a = analyse(ex, "Die Türkei hielt am Montag ein Manöver mit dem Irak ab.")
    (manoeuvre,) = _coded(a, "150")
    assert roles(manoeuvre) == {("agent", "turkey"), ("participant", "iraq")}
    # an alert raised sends and shows no one: uncoded
    alert = analyse(ex, "Nordkorea versetzte am Freitag seine Streitkräfte in Alarmbereitschaft.")
    assert of_class(alert, "Event") == []


# -- the places a military action is done to ------------------------------------------------


def test_a_town_bombed_is_where_the_attack_happened(ex):
    a = analyse(ex, "Die Armee bombardierte am Montag Kobane.")
    (attack,) = of_class(a, "MilitaryAction")
    assert ("location", "kobane") in roles(attack)
    assert "Kobane" in {label for _k, _c, label in a.new_entities}


def test_a_state_bombed_is_a_side_not_a_place(ex):
    a = analyse(ex, "Die Nato bombardierte am Montag Jugoslawien.")
    (attack,) = of_class(a, "MilitaryAction")
    assert ("addressee", "yugoslavia") in roles(attack)
    assert not [r for r in roles(attack) if r[0] == "location"]


def test_a_place_named_once_is_that_place_when_named_again_alone(ex):
    # "Kerem" comes back bare, as the passive subject of the shelling: the islands again
    a = analyse(
        ex,
        "Die Inselgruppe Kerem liegt vor der Küste des Jemen. Kerem wurde am Montag von der "
        "Marine beschossen.",
    )
    shelled = [e for e in of_class(a, "MilitaryAction") if e.sentence == 1]
    assert shelled and ("location", "kerem") in roles(shelled[0])


def test_a_village_named_by_a_compound_of_dorf(ex):
    a = analyse(
        ex, "Das Grenzdorf Kasab ist am Samstag von syrischen Kampfflugzeugen bombardiert worden."
    )
    (attack,) = of_class(a, "MilitaryAction")
    assert {("agent", "syria"), ("location", "kasab")} <= roles(attack)
    assert ("kasab", "City", "Kasab") in a.new_entities


def test_sites_of_fighting_named_by_their_noun(ex):
    oasis = analyse(ex, "Die tschadische Armee nahm am Montag die Oase Faya ein.")
    assert ("location", "faya") in roles(of_class(oasis, "MilitaryAction")[0])
    square = analyse(
        ex, "Soldaten eröffneten am Freitag auf dem Azadi-Platz das Feuer auf Demonstranten."
    )
    (fire,) = of_class(square, "MilitaryAction")
    assert ("location", name_key("Azadi-Platz")) in roles(fire)


def test_a_place_taken_long_ago_named_by_a_participle_is_no_attack(ex):
    # "der 1967 eroberten Sinai-Halbinsel": the peninsula's state, not a deed told now
    a = analyse(ex, "Ägypten verlangte die Rückgabe der 1967 eroberten Sinai-Halbinsel.")
    assert of_class(a, "MilitaryAction") == []
    assert of_class(a, "Demand")
    # the verb of the clause still tells the capture
    b = analyse(ex, "Israel hatte die Sinai-Halbinsel 1967 erobert.")
    assert ("agent", "israel") in roles(of_class(b, "MilitaryAction")[0])


def test_a_list_after_a_plural_class_noun_goes_on_past_a_known_name(ex):
    # "MODEL" alone reads as a word; after "Rebellengruppen LURD und" it is the group
    a = analyse(
        ex,
        "Liberias Regierung und die beiden Rebellengruppen LURD und MODEL haben in Accra ein "
        "Friedensabkommen unterzeichnet.",
    )
    (agreement,) = of_class(a, "Agreement")
    assert {("participant", "lurd"), ("participant", "model-liberia")} <= roles(agreement)


def test_what_must_be_done_is_not_told_as_done(ex):
    # the obligation of a demand's content: nobody has stopped fighting yet
    a = analyse(
        ex,
        "Die Rebellen müssten alle Kampfhandlungen einstellen, hieß es in der Erklärung des "
        "Gipfels.",
    )
    assert of_class(a, "CeasefireAgreement") == []
    b = analyse(ex, "Iran muss seine Angriffe auf Israel einstellen, sagte Scholz.")
    assert of_class(b, "CeasefireAgreement") == []
    assert of_class(b, "Statement")
    # what had to be done was done
    c = analyse(ex, "Die Rebellen mussten sich am Montag der Armee ergeben.")
    assert [e.trigger.cameo for e in of_class(c, "Event")] == ["0874"]


def test_a_resignation_framing_the_clause_keeps_its_person_out_of_the_agreement(ex):
    # "nach dem Rücktritt von X": the noun's own phrase, now that the noun is an event's
    a = analyse(
        ex,
        "Zwei Wochen nach dem Rücktritt von Präsident Omar Bongo haben Gabuns Regierung und "
        "die Rebellen in Libreville ein Abkommen unterzeichnet.",
    )
    (agreement,) = of_class(a, "Agreement")
    assert not any("bongo" in k for _r, k in roles(agreement))


def test_a_state_after_a_comma_and_its_article_is_the_one_left_out(ex):
    # "die Schweiz dagegen nicht": the negation is Switzerland's, not Poland's
    a = analyse(ex, "Polen ist Mitglied der Nato, die Schweiz dagegen nicht.")
    assert members(a) == {("poland", "nato")}
    assert not_members(a) == {("switzerland", "nato")}
    # a relative clause after the comma negates its own clause
    b = analyse(ex, "Armenien ist Mitglied der OVKS, die Aserbaidschan nicht angehört.")
    assert members(b) == {("armenia", "csto")}
    assert not_members(b) == {("azerbaijan", "csto")}


def test_an_unknown_see_after_von_is_a_town_not_an_organisation(ex):
    a = analyse(ex, "Der Erzbischof von Ayacucho, Juan Luis Cipriani, vermittelte.")
    assert ("ayakuho", "City", "Ayacucho") in a.new_entities
    assert ("yuan-luis-kipriani", "archbishop", "ayakuho-archdiocese") in positions(a)
    # a leader's "von" may name a group
    b = analyse(ex, "Der Anführer von Nagriamel, Jimmy Stevens, ergab sich.")
    assert ("nagriamel", "Organization", "Nagriamel") in b.new_entities
