"""Forces, offices and groups a text names without their state or name ("die Armee",
"der französische Präsident", "die Opposition"). Sentences written for
the tests."""

from extract_helpers import analyse, only, roles

from kg.articles import parse_article_text


def test_an_army_with_no_state_named_is_an_actor_of_the_article(ex):
    a = analyse(ex, "Die Armee eroberte nach tagelangen Kämpfen die Stadt Marawi zurück.")
    capture = only(a, "MilitaryAction")
    assert ("agent", "t/armee") in roles(capture)
    assert ("t/armee", "Actor", "Armee") in a.new_entities


def test_an_army_named_with_its_state_before_is_that_state(ex):
    a = analyse(
        ex,
        "Die sudanesische Armee meldete Geländegewinne. Die Armee griff am Montag "
        "Stellungen der RSF in Omdurman an.",
    )
    attack = only(a, "MilitaryAction")
    assert ("agent", "sudan") in roles(attack)
    assert "t/armee" not in {k for _r, k in roles(attack)}


def test_a_state_office_with_no_holder_named_acts_for_its_state(ex):
    a = analyse(ex, "Der französische Präsident empfing seinen ukrainischen Amtskollegen in Paris.")
    meeting = only(a, "Meeting")
    assert {("agent", "france"), ("participant", "ukraine")} <= roles(meeting)


def test_the_opposition_the_article_leaves_unnamed_is_an_actor(ex):
    a = analyse(ex, "Die Opposition warf der Regierung Wahlbetrug vor.")
    assert ("agent", "t/opposition") in roles(only(a, "Accusation"))


def test_the_opposition_refers_back_to_the_named_one(ex):
    a = analyse(
        ex,
        "Die Vereinigte Tadschikische Opposition unterzeichnete das Abkommen. "
        "Die Opposition sprach von einem Erfolg.",
    )
    assert roles(only(a, "Statement")) == {("agent", "united-tajik-opposition")}


def test_forces_named_by_a_bare_plural_are_an_actor_of_the_article(ex):
    a = analyse(ex, "In der Nacht griffen Soldaten das Dorf an.")
    assert ("agent", "t/soldaten") in roles(only(a, "MilitaryAction"))
    # after a pronominal adverb too (a regression: the rule looked for the tag "PAV",
    # which the tagger never writes)
    a = analyse(ex, "Daraufhin stürmten Spezialeinheiten das Gebäude.")
    assert ("agent", "t/spezialeinheiten") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Spezialkräfte stürmten das Hotel in Mogadischu.")
    assert ("agent", "t/spezialkraefte") in roles(only(a, "MilitaryAction"))
    # with their state's adjective they are that state's
    a = analyse(ex, "Russische Soldaten griffen das Dorf an.")
    assert ("agent", "russia") in roles(only(a, "MilitaryAction"))
    # right after the finite verb, and as a compound of a force's noun
    a = analyse(ex, "Im Mai hatten Regierungssoldaten in einer Moschee 40 Menschen getötet.")
    assert ("agent", "t/regierungssoldaten") in roles(only(a, "MilitaryAction"))
    # counted and sent, they are what is sent, not an actor
    a = analyse(ex, "Kenia entsandte 500 Polizisten nach Haiti.")
    assert roles(only(a, "Deployment")) == {("agent", "kenya"), ("location", "haiti")}


def test_bare_forces_opening_a_subordinate_clause_act(ex):
    a = analyse(
        ex,
        "Die Gespräche wurden abgebrochen, nachdem Regierungstruppen Stellungen der LRA "
        "angegriffen hatten.",
    )
    assert roles(only(a, "MilitaryAction")) == {
        ("agent", "t/regierungstruppen"),
        ("addressee", "lra"),
    }


def test_bare_forces_with_adjectives_of_their_own_act(ex):
    a = analyse(ex, "Aufgebrachte Grenzsoldaten eröffneten am Morgen das Feuer.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "t/grenzsoldaten")}


def test_forces_of_a_body_named_in_the_genitive_are_that_body(ex):
    # a state's service named by its class noun and short name: the short name acts,
    # not "Spezialeinheiten" as an actor of their own
    a = analyse(
        ex, "Daraufhin stürmten Spezialeinheiten des Inlandsgeheimdienstes FSB das Gebäude."
    )
    assert roles(only(a, "MilitaryAction")) == {("agent", "fsb")}
    assert ("fsb", "GovernmentBody", "FSB") in a.new_entities
    # a genitive that names no one leaves them an actor of the article's own
    a = analyse(ex, "Daraufhin stürmten Soldaten der Regierung das Dorf.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "t/soldaten")}


def test_an_army_at_the_opening_of_a_headline_needs_no_article(ex):
    # headlines drop the article: "Armee" there is the army the body's "die Armee" is
    a = ex.analyse(
        parse_article_text(
            "date 2023-11-15 Mali: Armee nimmt Kidal ein\nBamako – Die Lage war ruhig.\n",
            identifier="t.txt",
            origin="t.txt",
        )
    )
    assert ("agent", "t/armee") in roles(only(a, "MilitaryAction"))


def test_a_compound_of_a_force_noun_after_a_state_adjective_is_that_states_force(ex):
    # the compound's head names the force: "Friedenstruppe", "Flugabwehrrakete"
    a = analyse(ex, "Eine georgische Friedenstruppe landete am Montag in Bangui.")
    assert ("agent", "georgia") in roles(only(a, "Deployment"))
    a = analyse(ex, "Das Flugzeug wurde von einer türkischen Luftabwehrrakete abgeschossen.")
    assert ("agent", "turkey") in roles(only(a, "MilitaryAction"))
    # the head after a capital is no government: "die Truppen in Kabul" are not Afghanistan's
    a = analyse(ex, "Die Friedenstruppen in Kabul griffen das Dorf an.")
    assert ("agent", "afghanistan") not in roles(only(a, "MilitaryAction"))
