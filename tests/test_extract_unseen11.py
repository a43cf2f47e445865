"""Session 28: offices told by an appointment, by leading a part of a body, by "unter der
Führung von" and "an der Spitze", by a plural title of an office with several holders;
memberships of a fronted comparison and of a contrast; each tested on sentences written
for the test."""

from extract_helpers import analyse, members, minted, not_members, only, positions, roles

from kg.extract.names import name_key

# -- appointments: "wählte X zum Präsidenten", "wurde zum Regierungschef ernannt" ----------


def test_an_election_to_an_office_gives_the_office(ex):
    a = analyse(ex, "Das Parlament in Kabul wählte Hamid Karsai zum Präsidenten Afghanistans.")
    assert ("hamid-karzai", "president", "afghanistan") in positions(a)


def test_an_appointment_in_a_relative_clause_gives_the_antecedent_the_storys_office(ex):
    a = analyse(
        ex,
        "Lilongwe – In Malawi hat die Regierung gewechselt. Die Regierung wird von Chikondi "
        "Mwale geführt, der am Montag zum Ministerpräsidenten ernannt worden war.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == name_key("Chikondi Mwale")}
    assert held == {("prime-minister", "malawi")}


def test_a_junta_proclaiming_its_general_head_of_state_gives_him_the_office(ex):
    a = analyse(
        ex,
        "Niamey – In Niger hat das Militär geputscht. Die Junta rief General Abdou Garba "
        "zum Staatschef aus.",
    )
    held = {(role, of) for who, role, of in positions(a) if who == name_key("Abdou Garba")}
    assert ("head-of-state", "niger") in held


def test_an_appointment_only_planned_or_supposed_gives_no_office(ex):
    a = analyse(
        ex,
        "Beirut – Im Libanon soll das Parlament am Sonntag Armeechef Joseph Aoun zum "
        "Staatsoberhaupt wählen. Berichte, wonach Nadschib Mikati zum Regierungschef ernannt "
        "werden könnte, wurden nicht bestätigt.",
    )
    assert not {role for _who, role, _of in positions(a)} & {"head-of-state", "head-of-government"}


# -- leading a part of a body, "unter der Führung von", "an der Spitze" ---------------------


def test_who_leads_a_bodys_delegation_heads_the_delegation_of_the_body(ex):
    a = analyse(ex, "Elias Khoury, der die Delegation der Unita leitet, warnte vor neuen Kämpfen.")
    assert (name_key("Elias Khoury"), "head-of-delegation", "unita") in positions(a)


def test_who_commands_a_bodys_troops_is_its_commander(ex):
    a = analyse(
        ex, "Die Truppen der Afrikanischen Union werden von dem Ghanaer Kofi Mensah befehligt."
    )
    assert (name_key("Kofi Mensah"), "commander", "african-union") in positions(a)


def test_a_body_under_the_leadership_of_a_person_is_led_by_them(ex):
    a = analyse(ex, "Die Unita steht seit 2002 unter der Führung von Paulo Lukamba.")
    assert (name_key("Paulo Lukamba"), "leader", "unita") in positions(a)


def test_a_body_under_the_command_of_a_general_is_commanded_by_him(ex):
    a = analyse(ex, "Die Unita kämpfte unter dem Kommando von General Arlindo Pena.")
    assert (name_key("Arlindo Pena"), "commander", "unita") in positions(a)


def test_who_stands_at_the_top_of_a_body_leads_it(ex):
    for body in (
        "An der Spitze der Unita steht Paulo Lukamba.",
        "Paulo Lukamba steht seit 2002 an der Spitze der Unita.",
    ):
        assert (name_key("Paulo Lukamba"), "leader", "unita") in positions(analyse(ex, body))


def test_a_command_only_planned_gives_no_office(ex):
    a = analyse(
        ex, "Die Truppen der Afrikanischen Union sollen von General Kofi Mensah befehligt werden."
    )
    assert not any(who == name_key("Kofi Mensah") for who, _role, _of in positions(a))


# -- plural titles of an office with several holders ----------------------------------------


def test_a_plural_title_with_one_states_genitive_names_all_its_holders(ex):
    a = analyse(
        ex,
        "Die Vizepräsidenten Kenias, Ali Bakari und Omar Dina, reisten nach Addis Abeba.",
    )
    held = {(who, of) for who, role, of in positions(a) if role == "vice-president"}
    assert held == {(name_key("Ali Bakari"), "kenya"), (name_key("Omar Dina"), "kenya")}


def test_a_plural_title_with_a_state_adjective_names_all_its_holders(ex):
    a = analyse(ex, "Die kenianischen Minister Ali Bakari und Omar Dina reisten nach Addis Abeba.")
    held = {(who, of) for who, role, of in positions(a) if role == "minister"}
    assert held == {(name_key("Ali Bakari"), "kenya"), (name_key("Omar Dina"), "kenya")}


def test_a_plural_title_of_a_one_holder_office_names_both_people_but_one_state(ex):
    # two foreign ministers are of two states: the second is a person of their own, and
    # not a second foreign minister of the story's state
    a = analyse(
        ex,
        "Nairobi – Kenia und Uganda verhandelten. Die Außenminister Ali Bakari und Omar "
        "Dina trafen sich am Montag.",
    )
    assert name_key("Omar Dina") in {k for k, _c, _l in a.new_entities}
    assert len([p for p in positions(a) if p[1:] == ("foreign-minister", "kenya")]) <= 1


def test_a_minister_with_no_portfolio_named_holds_an_office_of_the_state(ex):
    a = analyse(ex, "Nairobi – Für Kenia unterschrieb Minister Ali Bakari den Vertrag.")
    assert (name_key("Ali Bakari"), "minister", "kenya") in positions(a)


def test_an_apposition_with_since_before_its_title_gives_the_office(ex):
    for body in (
        "Ali Bakari, seit 2019 Außenminister Kenias, reiste nach Addis Abeba.",
        "Ali Bakari, seit dem Sommer Außenminister Kenias, reiste nach Addis Abeba.",
        "Ali Bakari, zugleich Außenminister Kenias, reiste nach Addis Abeba.",
    ):
        assert (name_key("Ali Bakari"), "foreign-minister", "kenya") in positions(analyse(ex, body))


def test_an_apposition_with_then_before_its_title_gives_no_current_office(ex):
    a = analyse(ex, "Ali Bakari, damals Außenminister Kenias, reiste nach Addis Abeba.")
    assert not [p for p in positions(a) if p[1] == "foreign-minister"]


# -- memberships: a fronted comparison, a contrast, a contact group --------------------------


def test_a_fronted_comparison_is_a_member_beside_the_subject(ex):
    a = analyse(ex, "Wie Kenia gehört auch Uganda der Ostafrikanischen Gemeinschaft an.")
    assert {("kenya", "eac"), ("uganda", "eac")} <= members(a)


def test_a_state_set_against_a_non_member_is_a_member(ex):
    for body in (
        "Die Türkei ist anders als Griechenland kein Mitglied der Europäischen Union.",
        "Anders als Griechenland ist die Türkei kein Mitglied der Europäischen Union.",
    ):
        a = analyse(ex, body)
        assert ("greece", "european-union") in members(a)
        assert ("greece", "european-union") not in not_members(a)
        assert ("turkey", "european-union") in not_members(a)


def test_a_year_before_the_organisation_leaves_the_joining_a_membership(ex):
    for body in ("Montenegro trat 2017 der Nato bei.", "Montenegro ist 2017 der Nato beigetreten."):
        assert ("montenegro", "nato") in members(analyse(ex, body))


def test_a_state_admitted_to_an_organisation_is_a_member(ex):
    a = analyse(ex, "Ghana wurde 1957 in die Vereinten Nationen aufgenommen.")
    assert ("ghana", "united-nations") in members(a)
    b = analyse(ex, "Die Vereinten Nationen nahmen Ghana und Togo auf.")
    assert {("ghana", "united-nations"), ("togo", "united-nations")} <= members(b)


def test_an_admission_to_come_or_a_proposal_received_is_no_membership(ex):
    for body in (
        "Montenegro wird im Juni in die Nato aufgenommen.",
        "Die Nato will Montenegro aufnehmen.",
        "Die Nato nimmt Montenegro im Juni auf.",
        "Die Nato hat den Vorschlag Montenegros wohlwollend aufgenommen.",
    ):
        assert not members(analyse(ex, body)), body


def test_an_unnamed_contact_group_has_the_members_its_relative_clause_lists(ex):
    a = analyse(
        ex,
        "Eine Kontaktgruppe, der unter anderem Libyen und Senegal angehören, soll die "
        "Umsetzung überwachen.",
    )
    group = minted(a, "Kontaktgruppe")
    assert {("libya", group), ("senegal", group)} <= members(a)


# -- participants in a dashed aside, an address to the public, opposing -----------------------


def test_states_listed_in_a_dashed_aside_after_darunter_sign(ex):
    a = analyse(
        ex,
        "Die zwölf Staaten – darunter Belgien, Dänemark und Frankreich – unterzeichneten "
        "den Vertrag.",
    )
    agreement = only(a, "Agreement")
    assert {("participant", s) for s in ("belgium", "denmark", "france")} <= roles(agreement)


def test_addressing_the_nation_in_a_broadcast_is_a_statement(ex):
    for body in (
        "Staatschef Wojciech Jaruzelski wandte sich in einer Fernsehansprache an die Bevölkerung.",
        "Präsident Wojciech Jaruzelski wandte sich am Abend an die Nation.",
    ):
        statement = only(analyse(ex, body), "Statement")
        assert ("agent", "wojciech-jaruzelski") in roles(statement)


def test_turning_against_something_is_a_rejection_and_turning_away_none(ex):
    a = analyse(ex, "Kenia wandte sich gegen die Entsendung somalischer Truppen.")
    assert ("agent", "kenya") in roles(only(a, "Rejection"))
    b = analyse(ex, "Kenia wandte den Blick nach Norden.")
    assert not b.events


def test_irregular_fighters_by_other_names_are_armed_groups(ex):
    a = analyse(ex, "Die Fedajin lieferten sich heftige Gefechte mit der jordanischen Armee.")
    fight = only(a, "MilitaryAction")
    group = minted(a, "Fedajin")
    assert {("participant", group), ("participant", "jordan")} <= roles(fight)
    b = analyse(ex, "Partisanen sprengten am Montag eine Brücke bei Belgrad.")
    assert "Partisanen" in {label for _k, _c, label in b.new_entities}


# -- bugs ---------------------------------------------------------------------------------


def test_forces_a_state_sends_are_no_agent_of_the_deployment(ex):
    # regression: "Soldaten" after "Polizisten und" was minted and made a sender too
    a = analyse(ex, "Kenia schickte 400 Polizisten und 200 Soldaten nach Haiti.")
    deployment = only(a, "Deployment")
    assert {key for role, key in roles(deployment) if role == "agent"} == {"kenya"}
    assert not a.new_entities
    # forces that act themselves stay actors of the article's own
    b = analyse(ex, "Polizisten und Soldaten eröffneten das Feuer auf Demonstranten.")
    assert {"Polizisten", "Soldaten"} <= {label for _k, _c, label in b.new_entities}


def test_a_force_named_with_a_neuter_article_is_labelled_without_it(ex):
    # regression: "das Militär" was labelled with its article (key t/das-militaer)
    a = analyse(ex, "Polen steht unter Schock. Das Militär hat die Macht übernommen.")
    assert ("t/militaer", "Militär") in {(k, label) for k, _c, label in a.new_entities}


def test_aircraft_dropping_bombs_attack_for_the_state_of_their_force(ex):
    a = analyse(ex, "Flugzeuge der argentinischen Marine warfen Bomben auf die Plaza de Mayo.")
    assert ("agent", "argentina") in roles(only(a, "MilitaryAction"))
    b = analyse(ex, "Argentinische Flugzeuge warfen Flugblätter über der Stadt ab.")
    assert not b.events


def test_an_attack_by_airmen_of_a_state_adjective_is_the_states(ex):
    a = analyse(ex, "Bei dem Angriff argentinischer Marineflieger kamen 300 Menschen ums Leben.")
    assert ("agent", "argentina") in roles(only(a, "MilitaryAction"))


def test_a_mediator_named_by_its_genitive_is_no_side_of_the_talks(ex):
    # regression: "unter Vermittlung Chinas" made China a participant besides the mediator
    a = analyse(ex, "Die Gespräche fanden unter Vermittlung Chinas statt.")
    talks = only(a, "Negotiation")
    assert ("mediator", "china") in roles(talks)
    assert ("participant", "china") not in roles(talks)


def test_a_clause_opened_by_wie_keeps_its_subject():
    # "Wie Kenia mitteilte, …": a clause of its own, no comparison; its subject stays
    from kg.extract.grammar import fronted_comparisons_are_no_subject
    from kg.extract.model import Token
    from kg.extract.morphology import load_morphology

    words = [
        ("Wie", "wie", "PWAV"),
        ("Kenia", "Kenia", "NE"),
        ("mitteilte", "mitteilen", "VV(FIN)"),
        (",", ",", "$,"),
        ("gehört", "gehören", "VV(FIN)"),
        ("Uganda", "Uganda", "NE"),
        ("der", "der", "ART"),
        ("EAC", "EAC", "NE"),
        ("an", "an", "PTKVZ"),
    ]
    toks = [Token(i, 0, 0, w, lemma, pos) for i, (w, lemma, pos) in enumerate(words)]
    heads = [1, 2, 2, 2, 4, 4, 7, 4, 4]
    deps = ["advmod", "nsubj", "root", "punct", "parataxis", "nsubj", "det", "iobj", "compound:prt"]
    fronted_comparisons_are_no_subject(toks, heads, deps, load_morphology())
    assert deps[1] == "nsubj" and heads[1] == 2
