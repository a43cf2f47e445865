"""Session 33: each form tested on sentences written for the test."""

from extract_helpers import analyse, of_class, only, positions, roles

from kg.extract.names import name_key
from kg.vocabulary import RoleProperty

# -- a name after a noun that describes the person ------------------------------------------


def test_a_name_after_a_describing_noun_is_a_person_who_acts(ex):
    a = analyse(ex, "Das Abkommen lehnte der frühere Bankmanager Tevita Lomani ab.")
    assert (RoleProperty.AGENT.value, name_key("Tevita Lomani")) in roles(only(a, "Rejection"))
    assert (name_key("Tevita Lomani"), "Person", "Tevita Lomani") in a.new_entities


def test_a_described_person_at_the_top_of_a_body_leads_it(ex):
    a = analyse(ex, "An der Spitze der Unita steht der Jurist Hamid Korabi.")
    assert (name_key("Hamid Korabi"), "leader", "unita") in positions(a)


def test_a_thing_before_two_names_names_no_person(ex):
    # false friend: only a noun that describes a person opens a person's name
    a = analyse(ex, "Das Schiff Ever Given blockierte den Kanal.")
    b = analyse(ex, "Der Konzern Gazprom Neft stoppte die Lieferungen.")
    assert not [label for _k, cls, label in (*a.new_entities, *b.new_entities) if cls == "Person"]


def test_a_class_noun_before_two_names_names_no_person(ex):
    # false friend: "die Miliz Ansar Dine" is the militia's name, a kind of place's too
    a = analyse(ex, "Die Miliz Ansar Dine griff die Provinz Nord Kivu an.")
    assert not [label for _k, cls, label in a.new_entities if cls == "Person"]


# -- a body named after an extended attribute ---------------------------------------------


def test_a_title_of_a_body_after_an_attribute_in_apposition_is_the_persons_office(ex):
    # the regression: "Chef der in Luanda tagenden Unita" was no title; the Unita became
    # an agent of the rejection beside the person
    a = analyse(ex, "Paul Kema, Chef der in Luanda tagenden Unita, lehnte das Abkommen ab.")
    assert (name_key("Paul Kema"), "leader", "unita") in positions(a)
    assert roles(only(a, "Rejection")) == {(RoleProperty.AGENT.value, name_key("Paul Kema"))}


def test_a_title_before_the_name_passes_the_attribute_too(ex):
    a = analyse(ex, "Der Chef der in Luanda tagenden Unita, Paul Kema, lehnte das Abkommen ab.")
    assert (name_key("Paul Kema"), "leader", "unita") in positions(a)


# -- where talks are held -------------------------------------------------------------------


def test_a_dateline_of_two_cities_and_an_agency_places_the_lead_agreement(ex):
    # the regression: a dateline of seven tokens ("Naypyidaw/Bonn (KNA) –") was not seen,
    # and the agreement of the first sentence had no place
    a = analyse(
        ex,
        "Naypyidaw/Bonn (KNA) – Myanmar und Bangladesch haben am Donnerstag eine "
        "Vereinbarung über die Rückkehr der Flüchtlinge unterzeichnet.",
    )
    (agreement,) = of_class(a, "Agreement")
    assert agreement.actors("location") == ("naypyidaw",)


def test_talks_told_again_are_held_where_they_were_told_first(ex):
    a = analyse(
        ex,
        "In Addis Abeba haben die Regierung Sudans und die Rebellen am Sonntag Gespräche "
        "geführt. Die Gespräche hatten die beiden Delegationen schon Mitte Februar "
        "aufgenommen.",
    )
    talks = of_class(a, "Negotiation")
    assert talks and all("addis-ababa" in ev.actors("location") for ev in talks)


# -- a strike named as the subject of what it did ---------------------------------------------


def test_an_air_strike_in_the_genitive_of_a_body_is_its_attack(ex):
    # the regression: "Ein Luftangriff der Nato tötete 20 Zivilisten" gave no event, the
    # strike's agent was not read from the subject's genitive
    a = analyse(ex, "Ein Luftangriff der Nato tötete am Montag 20 Zivilisten.")
    (strike,) = of_class(a, "MilitaryAction")
    assert strike.actors("agent") == ("nato",)


def test_a_states_adjective_on_the_striking_noun_names_the_attacker(ex):
    a = analyse(ex, "Russische Luftangriffe töteten in Idlib 20 Zivilisten.")
    (strike,) = of_class(a, "MilitaryAction")
    assert strike.actors("agent") == ("russia",)
    assert strike.actors("location") == ("idlib",)


def test_a_genitive_inside_a_framing_phrase_is_no_strikers(ex):
    # false friend: the general named in the phrase of the fighting did not kill them
    a = analyse(
        ex,
        "Bei den Gefechten mit Einheiten der Panzerdivision des Generals Omar Kassem "
        "waren Hunderte Menschen getötet worden.",
    )
    assert not [
        ev for ev in of_class(a, "MilitaryAction") if name_key("Omar Kassem") in ev.actors()
    ]


# -- a known person's full name after a word of honour ---------------------------------------


def test_a_word_of_honour_before_a_known_name_makes_no_second_person(ex):
    # the regression: "Präsident Ratu Josefa Iloilo" made "Ratu" the president
    a = analyse(ex, "Präsident Ratu Josefa Iloilo rief zur Ruhe auf.")
    assert (RoleProperty.AGENT.value, "josefa-iloilo") in roles(only(a, "Demand"))
    assert not [k for k, _cls, _label in a.new_entities if k.startswith("ratu")]


# -- an office stated by a copula for a person with a rank ----------------------------------


def test_an_office_by_copula_holds_for_a_person_named_with_a_rank(ex):
    a = analyse(ex, "Kommandeur der Unamir ist der kanadische General Roméo Dallaire.")
    assert ("romeo-dallaire", "commander", "unamir") in positions(a)


def test_the_person_in_the_titles_genitive_is_not_the_one_the_copula_names(ex):
    a = analyse(
        ex,
        "Der Diplomat Mirko Manzoni vermittelte die Gespräche. Er ist seit Juli "
        "persönlicher Gesandter von UN-Generalsekretär António Guterres.",
    )
    office = {(h, of) for h, _role, of in positions(a) if _role == "special-envoy"}
    assert office == {(name_key("Mirko Manzoni"), "united-nations")}


# -- a participle attribute the tagger took for a past verb ----------------------------------


def test_a_participle_after_its_agents_phrase_is_an_attribute_of_the_noun(ex):
    # the regression: "die von Ruanda unterstützte M23" read "unterstützte" as the past
    # verb with the M23 for its subject: the M23 supported, and no fighting against it
    a = analyse(ex, "Die Armee kämpft gegen die von Ruanda unterstützte M23.")
    (support,) = of_class(a, "Endorsement")
    assert support.actors("agent") == ("rwanda",)
    assert support.actors("addressee") == ("m23",)
    assert [ev for ev in of_class(a, "MilitaryAction") if "m23" in ev.actors("addressee")]


def test_the_attribute_after_a_contracted_preposition_too(ex):
    a = analyse(
        ex,
        "Saudi-Arabien führt eine Koalition gegen die vom Iran unterstützten Huthi-Rebellen an.",
    )
    (support,) = of_class(a, "Endorsement")
    assert (support.actors("agent"), support.actors("addressee")) == (("iran",), ("houthis",))


def test_the_sentences_only_verb_stays_a_verb(ex):
    # false friend: without another finite verb the past form is the clause's verb
    a = analyse(ex, "Die Rebellen von Kivu unterstützten Ruanda.")
    (support,) = of_class(a, "Endorsement")
    assert support.actors("addressee") == ("rwanda",)


# -- an attitude stated by a participle -----------------------------------------------------


def test_an_attitude_stated_by_a_participle_is_a_statement(ex):
    a = analyse(ex, "Die Vereinten Nationen zeigten sich alarmiert.")
    assert only(a, "Statement").actors("agent") == ("united-nations",)


# -- coups -----------------------------------------------------------------------------------


def test_a_coup_by_its_verb_is_force_used_against_the_president(ex):
    a = analyse(ex, "Das Militär Nigers putschte am Mittwoch gegen Präsident Mohamed Bazoum.")
    (coup,) = of_class(a, "MilitaryAction")
    assert coup.actors("agent") == ("niger",)
    assert coup.actors("addressee") == ("mohamed-bazoum",)


def test_a_president_toppled_by_the_army_is_a_coup(ex):
    a = analyse(ex, "Die Armee Nigers stürzte Präsident Mohamed Bazoum.")
    (coup,) = of_class(a, "MilitaryAction")
    assert (coup.actors("agent"), coup.actors("addressee")) == (("niger",), ("mohamed-bazoum",))


def test_a_coup_by_its_noun_names_who_staged_it(ex):
    a = analyse(ex, "Die Nationalgarde Zyperns verübte einen Putsch gegen Präsident Makarios.")
    (coup,) = of_class(a, "MilitaryAction")
    assert coup.actors("agent") == ("cyprus",)


def test_power_seized_by_the_army_is_a_coup_but_not_power_won_in_an_election(ex):
    a = analyse(ex, "Die Armee Nigers hat die Macht übernommen.")
    assert of_class(a, "MilitaryAction")
    b = analyse(ex, "Die Opposition Kenias übernahm nach der Wahl die Macht.")
    assert not of_class(b, "MilitaryAction")


def test_a_government_toppled_by_parliament_is_no_coup(ex):
    a = analyse(ex, "Das Parlament Kenias stürzte die Regierung mit einem Misstrauensvotum.")
    assert not of_class(a, "MilitaryAction")


def test_an_army_that_withdrew_is_no_coup(ex):
    # false friend: "sich absetzen" is to pull back
    a = analyse(ex, "Die kongolesische Armee hatte sich zuvor nach Süden abgesetzt.")
    assert not of_class(a, "MilitaryAction")


def test_a_toppled_leader_named_by_a_participle_is_no_coup_of_the_clause(ex):
    a = analyse(
        ex,
        "Einen Tag nach dem Einmarsch amerikanischer Truppen in Panama ist der gestürzte "
        "Machthaber Manuel Antonio Noriega weiter untergetaucht.",
    )
    (invasion,) = of_class(a, "MilitaryAction")
    assert invasion.actors("agent") == ("united-states",)


# -- regressions found on the way -------------------------------------------------------------


def test_the_clauses_subject_after_a_framing_attack_is_no_possessor_of_it(ex):
    # the regression: "verhängte die Ecowas Sanktionen" read "die Ecowas" as a possessor
    # ("Ecowas Sanktionen") and made the Ecowas an attacker beside the Hamas
    a = analyse(ex, "Nach dem Angriff der Hamas verhängte die Ecowas Sanktionen.")
    (attack,) = of_class(a, "MilitaryAction")
    assert attack.actors("agent") == ("hamas",)


def test_a_state_in_the_genitive_of_its_army_is_the_framing_coups_agent(ex):
    a = analyse(ex, "Nach dem Putsch der Armee Nigers verhängte die Ecowas Sanktionen.")
    (coup,) = of_class(a, "MilitaryAction")
    assert coup.actors("agent") == ("niger",)


def test_the_condemners_quoted_words_stay_theirs(ex):
    # the regression: after a coup told before, "Kuba verurteilte den Putsch als
    # „faschistisches Verbrechen“" gave the quoted words to the army condemned
    a = analyse(
        ex,
        "In Chile haben die Streitkräfte die Regierung gestürzt. Kuba verurteilte den "
        "Putsch als „faschistisches Verbrechen“.",
    )
    (words,) = of_class(a, "Statement")
    assert words.actors("agent") == ("cuba",)


def test_a_subordinate_clauses_own_subject_is_not_the_main_clauses(ex):
    # the regression: "…, nachdem die Nationalgarde Präsident X gestürzt hatte" took the
    # main clause's subject, the Turkish units, for the coup's agent
    a = analyse(
        ex,
        "Türkische Einheiten waren an der Nordküste gelandet, fünf Tage nachdem die von "
        "Offizieren geführte Nationalgarde Präsident Makarios gestürzt hatte.",
    )
    assert not [ev for ev in of_class(a, "MilitaryAction") if "turkey" in ev.actors("agent")]


# -- a person under whom a state's government or forces act -------------------------------


def test_a_military_government_under_an_officer_is_led_by_him(ex):
    a = analyse(
        ex,
        "Die Militärregierung in Addis Abeba unter Oberstleutnant Tesfaye Woldemariam "
        "verlangte den Rückzug.",
    )
    assert (name_key("Tesfaye Woldemariam"), "leader", "ethiopia") in positions(a)


def test_a_states_army_under_an_officer_is_commanded_by_him(ex):
    # (a rank the tagger takes for a name, "Kommodore", stands between)
    a = analyse(ex, "Die Armee Fidschis unter Kommodore Viliame Naupoto verhängte das Kriegsrecht.")
    assert (name_key("Viliame Naupoto"), "commander", "fiji") in positions(a)


def test_a_state_under_no_person_has_no_leader_from_the_phrase(ex):
    # false friend: "unter Druck" names no one
    a = analyse(ex, "Die Regierung Kenias unter Druck lehnte das Angebot ab.")
    assert not positions(a)


def test_the_dative_part_a_verb_of_leading_governs_is_the_bodys(ex):
    a = analyse(ex, "Dem Kontingent der Ecowas steht Oberst Amadou Sidibe vor.")
    assert (name_key("Amadou Sidibe"), "commander", "ecowas") in positions(a)


# -- an appointment's office by who appoints ------------------------------------------------


def test_a_minister_appointed_by_a_president_holds_an_office_of_his_state(ex):
    a = analyse(ex, "Kenias Präsident William Ruto ernannte Omar Fadel zum Außenminister.")
    assert (name_key("Omar Fadel"), "foreign-minister", "kenya") in positions(a)


def test_a_president_elected_by_a_states_parliament_is_the_states(ex):
    a = analyse(ex, "Das Parlament Kenias wählte Omar Fadel zum Präsidenten.")
    assert (name_key("Omar Fadel"), "president", "kenya") in positions(a)


def test_an_appointment_by_someone_with_no_state_names_no_state(ex):
    a = analyse(ex, "Der Präsident ernannte Omar Fadel zum Außenminister.")
    assert not [p for p in positions(a) if p[0] == name_key("Omar Fadel")]
