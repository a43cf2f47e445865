"""Roles, standing facts and references read off the dependency parse.

Sentences written for these tests (other conflicts and words than the corpus), one group
per phenomenon of the grammar issue; each asserts the roles or facts a coder reads.
"""

from __future__ import annotations

import pytest
from extract_helpers import analyse, of_class, positions

from kg.extract.model import FactKind, MentionKind
from kg.vocabulary import RoleProperty


def roles(ev) -> set[tuple[str, str]]:
    return {(r.value, k) for r, k in ev.roles}


def only(a, cls: str):
    evs = of_class(a, cls)
    assert len(evs) == 1, [(e.event_class, roles(e)) for e in a.events]
    return evs[0]


def facts(a, kind: FactKind) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in a.facts if f.kind == kind}


# -- passive, with and without "worden" -------------------------------------------------


def test_passive_agent_is_the_actor_even_after_an_adverbial(ex):
    a = analyse(ex, "Der Konvoi wurde am Dienstag von Kämpfern der Hisbollah beschossen.")
    assert ("agent", "hezbollah") in roles(only(a, "MilitaryAction"))


def test_perfect_passive_mediation(ex):
    a = analyse(ex, "Die Waffenruhe war von Katar vermittelt worden.")
    assert roles(only(a, "Mediation")) == {("agent", "qatar")}


def test_passive_accusation_agent_and_accused(ex):
    a = analyse(ex, "Burundi wurde von Ruanda beschuldigt, Rebellen zu unterstützen.")
    assert roles(only(a, "Accusation")) == {("agent", "rwanda"), ("addressee", "burundi")}


# -- relative clauses, word order, agreement ----------------------------------------------


def test_relative_clause_subject_is_the_antecedent(ex):
    a = analyse(ex, "Oman, das zwischen Iran und den USA vermittelt hatte, begrüßte die Einigung.")
    med = only(a, "Mediation")
    assert ("agent", "oman") in roles(med)
    assert {("participant", "iran"), ("participant", "united-states")} <= roles(med)
    assert roles(only(a, "Endorsement")) == {("agent", "oman")}


def test_the_antecedent_in_a_prepositional_phrase_and_a_pronoun_tagged_as_article(ex):
    # the tagger reads "der" as an article; the antecedent hangs in "von einem …"
    a = analyse(
        ex,
        "Unterstützt wurden die Soldaten von einem US-Kampfjet, der Stellungen der Taliban "
        "bombardierte.",
    )
    assert roles(only(a, "MilitaryAction")) == {
        ("agent", "united-states"),
        ("addressee", "taliban"),
    }


def test_a_dative_article_is_no_relative_subject(ex):
    # regression: the parse made "dem" the relative clause's subject; a dative cannot be,
    # and the antecedent the parse gives (Blair) did not call
    a = analyse(
        ex,
        "Präsident Joe Biden, der am Morgen mit Blair, dem irischen Regierungschef Bertie Ahern "
        "und Gerry Adams telefoniert hatte, gratulierte den Beteiligten.",
    )
    call = only(a, "PhoneCall")
    assert ("agent", "joe-biden") in roles(call)
    assert ("agent", "tony-blair") not in roles(call)


def test_object_first_the_plural_verb_agrees_with_the_signatories(ex):
    a = analyse(ex, "Das Abkommen unterzeichneten Ruanda und Burundi in Kigali.")
    assert {("participant", "rwanda"), ("participant", "burundi")} <= roles(only(a, "Agreement"))


def test_object_first_with_an_indefinite_article_and_a_pluperfect(ex):
    # "Eine" is singular: the plural auxiliary agrees with the coordination
    a = analyse(ex, "Eine Waffenruhe hatten Kenia und Uganda bereits im Dezember vereinbart.")
    assert {("participant", "kenya"), ("participant", "uganda")} <= roles(
        only(a, "CeasefireAgreement")
    )


def test_object_first_an_offer_is_no_subject(ex):
    # an offer or a plan is what is rejected, never who rejects
    a = analyse(ex, "Das Angebot hatte Kiew abgelehnt.")
    assert ("agent", "ukraine") in roles(only(a, "Rejection"))
    a = analyse(ex, "Angebote amerikanischer Hilfe hatte Caracas ausgeschlagen.")
    assert ("agent", "venezuela") in roles(only(a, "Rejection"))


def test_a_singular_verb_takes_the_singular_phrase_as_subject(ex):
    # "der Sondergesandte" is no genitive of "die Gespräche": "hatte" agrees with it alone
    a = analyse(ex, "Vermittelt hatte die Gespräche der UN-Sondergesandte Jan Eliasson.")
    assert roles(only(a, "Mediation")) == {("agent", "jan-eliasson")}  # a minted name key


def test_object_first_a_plural_title_is_the_subject(ex):
    a = analyse(
        ex,
        "Den Vertrag paraphierten die Außenminister beider Länder, Sergei Lawrow und "
        "Ararat Mirsojan, am Montag in Genf.",
    )
    agreed = only(a, "Agreement")
    assert {("participant", "sergey-lavrov"), ("participant", "ararat-mirzoyan")} <= roles(agreed)


def test_signing_named_by_a_noun(ex):
    a = analyse(
        ex,
        "Die Unterhändler beider Seiten, Tomás Ruiz und Amina Diallo, setzten am Freitag in "
        "Dakar ihre Unterschriften unter das Abkommen.",
    )
    agreed = only(a, "Agreement")
    assert ("location", "dakar") in roles(agreed)
    assert len([r for r, _ in agreed.roles if r is RoleProperty.PARTICIPANT]) == 2


def test_who_is_present_attends_and_is_no_party(ex):
    a = analyse(
        ex,
        "Unter den Augen von UN-Generalsekretär Kofi Annan unterzeichneten Äthiopien und "
        "Eritrea im algerischen Algier ein Abkommen.",
    )
    agreed = only(a, "Agreement")
    assert {("participant", "ethiopia"), ("participant", "eritrea")} <= roles(agreed)
    assert not any(k == "kofi-annan" for _r, k in roles(agreed)), roles(agreed)
    attended = only(a, "Meeting")
    assert ("participant", "kofi-annan") in roles(attended)
    a = analyse(
        ex,
        "Im Beisein des kenianischen Präsidenten Uhuru Kenyatta unterzeichneten Somalia und "
        "Äthiopien den Text.",
    )
    attended = only(a, "Meeting")
    assert [r for r, _k in roles(attended)] == ["participant"], roles(attended)
    assert ("participant", "somalia") in roles(only(a, "Agreement"))
    a = analyse(ex, "In den Augen der Regierung Kenias ist das Abkommen gescheitert.")
    assert not of_class(a, "Meeting")


def test_who_chairs_talks_mediates(ex):
    a = analyse(ex, "Geleitet wurden die Gespräche vom Schweizer Diplomaten Mirko Manzoni.")
    assert ("agent", "mirko-mansoni") in roles(only(a, "Mediation"))
    a = analyse(ex, "Neben der OSZE wirken Russland und die Ukraine als Vermittler mit.")
    assert {("agent", "russia"), ("agent", "ukraine")} <= roles(only(a, "Mediation"))


def test_a_relative_pronoun_of_a_plural_noun_is_no_subject_of_a_singular_verb(ex):
    a = analyse(
        ex,
        "Zwei Jahre dauerten die Gespräche, die der Schweizer Diplomat Mirko Manzoni "
        "vermittelt hatte.",
    )
    assert roles(only(a, "Mediation")) == {("agent", "mirko-mansoni")}


def test_a_possessive_refers_to_the_state_named_before_it_in_the_sentence(ex):
    a = analyse(ex, "Armenien räumt die Dörfer, die seine Soldaten im Mai besetzt hatten.")
    assert ("agent", "armenia") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Russland warf der Ukraine vor, ihre Armee habe Belgorod beschossen.")
    assert any(m.text == "ihre Armee" and m.keys == ("ukraine",) for m in a.mentions)


def test_a_state_prefix_of_a_function_noun_qualifies_the_person(ex):
    a = analyse(
        ex,
        "Der Leiter der Gespräche, der frühere US-Senator George Mitchell, gab die Einigung "
        "bekannt.",
    )
    assert roles(only(a, "Statement")) == {("agent", "george-mitchell")}
    a = analyse(ex, "Der Hamas-Unterhändler Chalil al-Hajja lehnte den Vorschlag ab.")
    assert roles(only(a, "Rejection")) == {("agent", "khalil-al-hayya")}


def test_a_title_with_a_name_in_apposition_is_that_person(ex):
    a = analyse(
        ex,
        "Das teilte der katarische Ministerpräsident und Außenminister, Scheich Hamad bin "
        "Dschassim al-Thani, am Montag mit.",
    )
    assert roles(only(a, "Statement")) == {("agent", "hamad-bin-jassim-al-thani")}
    a = analyse(
        ex,
        "Im Fernsehen verlas der Sprecher der Junta, Oberst Amadou Abdramane, die Erklärung.",
    )
    assert roles(only(a, "Statement")) == {("agent", "amadu-abdramane")}


def test_every_conjunct_of_a_passive_agent_signs(ex):
    for text, names in (
        (
            "Der Vertrag wurde von Kenias Außenminister Raychelle Omamo und dem im Exil "
            "lebenden Rebellenführer Abel Nyandoro unterzeichnet.",
            {"raychelle-omamo", "abel-nyandoro"},
        ),
        (
            "Unterzeichnet wurde der Vertrag vom Innenminister Ruhakana Rugunda, der die "
            "Delegation leitet, und vom Delegationschef der Rebellen, Martin Ojul.",
            {"ruhakana-rugunda", "martin-oyul"},
        ),
        (
            "Unterzeichnet wurde der Vertrag vom Sondergesandten Zalmay Khalilzad und dem "
            "Leiter des politischen Büros der Taliban, Mullah Abdul Ghani Baradar.",
            {"zalmay-khalilzad", "abdul-ghani-baradar"},
        ),
    ):
        a = analyse(ex, text)
        signed = {k for r, k in roles(only(a, "Agreement")) if r == "participant"}
        assert names <= signed, (text, signed)


def test_members_in_a_relative_clause_with_an_adverb_or_a_companion(ex):
    a = analyse(ex, "Die Nato, der unter anderem Polen, Estland und Lettland angehören, berät.")
    assert facts(a, FactKind.MEMBER) >= {
        ("poland", "nato"),
        ("estonia", "nato"),
        ("latvia", "nato"),
    }
    a = analyse(
        ex,
        "Die Asean, der außer den Philippinen auch Vietnam, Malaysia und Brunei angehören, tagt.",
    )
    assert facts(a, FactKind.MEMBER) >= {("philippines", "asean"), ("vietnam", "asean")}


def test_members_of_a_named_class_noun_after_a_fronted_main_clause(ex):
    # the relative clause is no main clause of its own: "Vermittelt hatte …" is; its
    # antecedent is the noun and the name after it; the companions of "auch X" are members
    a = analyse(
        ex,
        "Beraten hatte die westafrikanische Regionalorganisation Ecowas, der neben Ghana "
        "und Togo auch Benin, Niger und Mali angehören.",
    )
    assert facts(a, FactKind.MEMBER) >= {
        ("ghana", "ecowas"),
        ("togo", "ecowas"),
        ("benin", "ecowas"),
        ("niger", "ecowas"),
        ("mali", "ecowas"),
    }


def test_members_of_an_organisation_its_class_noun_introduces(ex):
    a = analyse(
        ex, "Ghana und Togo sind Mitglieder der westafrikanischen Regionalorganisation Ecowas."
    )
    assert facts(a, FactKind.MEMBER) == {("ghana", "ecowas"), ("togo", "ecowas")}
    a = analyse(ex, "Polen ist seit 1999 Mitglied des Militärbündnisses Nato.")
    assert facts(a, FactKind.MEMBER) == {("poland", "nato")}


def test_members_given_as_examples(ex):
    a = analyse(ex, "Der Nato gehören acht Länder an, darunter Polen, Estland und Lettland.")
    assert facts(a, FactKind.MEMBER) == {
        ("poland", "nato"),
        ("estonia", "nato"),
        ("latvia", "nato"),
    }


def test_members_named_after_a_member_compound(ex):
    a = analyse(ex, "Die Nato-Staaten Polen und Litauen protestierten.")
    assert facts(a, FactKind.MEMBER) == {("poland", "nato"), ("lithuania", "nato")}
    a = analyse(ex, "Das Nato-Mitglied Türkei kritisierte Schweden.")
    assert facts(a, FactKind.MEMBER) == {("turkey", "nato")}
    a = analyse(ex, "Die EU-Staatschefs berieten mit Präsident Wladimir Putin.")
    assert not facts(a, FactKind.MEMBER)


def test_membership_past_the_dateline_a_time_phrase_and_a_coordinated_clause(ex):
    a = analyse(ex, "Ankara – Als Mitglied der Nato ist die Türkei zur Hilfe verpflichtet.")
    assert facts(a, FactKind.MEMBER) == {("turkey", "nato")}  # not the dateline's city
    a = analyse(ex, "Finnland ist seit April 2023 Mitglied der Nato.")
    assert facts(a, FactKind.MEMBER) == {("finland", "nato")}
    a = analyse(ex, "Finnland trat 2023 der Nato bei.")
    assert facts(a, FactKind.MEMBER) == {("finland", "nato")}
    a = analyse(ex, "Schweden tritt der Nato bei.")
    assert not facts(a, FactKind.MEMBER)  # joining, not yet a member
    a = analyse(ex, "Georgien strebt in die Nato, ist aber kein Mitglied der Nato.")
    assert facts(a, FactKind.NOT_MEMBER) == {("georgia", "nato")}


def test_the_lead_sentence_after_a_dateline_is_tagged_as_a_sentence(ex):
    from kg.extract.model import Sentence
    from kg.extract.tokens import Tagger

    text = "Brüssel – Der Nato gehören Estland und Lettland an."
    ts = Tagger().tag(Sentence(0, 0, len(text), text))
    assert (ts.tokens[2].text, ts.tokens[2].pos) == ("Der", "ART")


def test_talks_framing_the_clause_are_a_pattern_of_the_data(ex):
    from kg.extract.lexicon import load_lexicon

    assert any(p.id == "talks-frame" and "nach" in p.inside for p in load_lexicon().patterns)
    a = analyse(
        ex,
        "Nach mehr als zehnstündigen Verhandlungen in Doha einigten sich Ruanda und Burundi "
        "auf einen Fahrplan.",
    )
    talks = only(a, "Negotiation")
    assert {("participant", "rwanda"), ("participant", "burundi"), ("location", "doha")} <= roles(
        talks
    )


def test_talks_framing_the_clause_through_an_extended_attribute(ex):
    a = analyse(
        ex,
        "Nach zähen, immer wieder vom Abbruch bedrohten Gesprächen haben Bolivien und "
        "Chile in Lima ein Abkommen unterzeichnet.",
    )
    talks = only(a, "Negotiation")
    assert {("participant", "bolivia"), ("participant", "chile")} <= roles(talks)
    # a place named before the talks with no attribute of theirs is not read as theirs
    a = analyse(ex, "In Lima unterzeichneten Bolivien und Chile nach Jahren ein Abkommen.")
    assert not of_class(a, "Negotiation")


def test_a_meeting_told_in_the_perfect_after_an_adverb(ex):
    # the parse had made "sind" the copula of "Chinas": the auxiliary of the participle
    a = analyse(ex, "Erstmals sind die Präsidenten Chinas und Indiens zusammengekommen.")
    assert {("participant", "china"), ("participant", "india")} <= roles(only(a, "Meeting"))


def test_a_list_of_signatories_with_an_attribute_after_a_comma(ex):
    # "der von ihm verdrängte Präsident" is no relative clause: a participle before its noun
    a = analyse(
        ex,
        "Der Putschführer Amadou Diarra, der von ihm verdrängte Präsident Moussa Keita sowie "
        "die früheren Staatschefs Ibrahim Touré und Alpha Konaté unterzeichneten am Sonntag "
        "eine Vereinbarung.",
    )
    signed = only(a, "Agreement")
    labels = {k: label for k, _c, label in a.new_entities}
    assert {labels[k] for r, k in roles(signed) if r == "participant"} == {
        "Amadou Diarra",
        "Moussa Keita",
        "Ibrahim Touré",
        "Alpha Konaté",
    }


def test_deliberations_beyond_a_relative_clause(ex):
    a = analyse(
        ex,
        "Peru und Ecuador streiten. In Quito berieten die Außenminister der "
        "Andengemeinschaft, der beide Staaten angehören, am Montag über den Streit.",
    )
    met = only(a, "Meeting")
    assert ("participant", "andean-community") in roles(met)
    assert ("location", "quito") in roles(met)


def test_a_place_after_a_participle_attribute_with_its_own_phrase(ex):
    a = analyse(
        ex,
        "Der Rebellenführer Tomás Ruiz hatte das Dokument in dem von den Rebellen "
        "kontrollierten Bunagana unterschrieben.",
    )
    agreed = only(a, "Agreement")
    assert ("location", "bunagana") in roles(agreed), roles(agreed)
    assert ("participant", "bunagana") not in roles(agreed)


def test_an_unnamed_capital_is_the_states_capital(ex):
    a = analyse(ex, "Die Rebellen griffen in der malischen Hauptstadt eine Kaserne an.")
    assert ("location", "bamako") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Die Gespräche in der sudanesischen Hauptstadt Khartum endeten.")
    assert not any(m.keys == ("bamako",) for m in a.mentions)
    assert any(m.keys == ("khartoum",) for m in a.mentions)


def test_an_attitude_stated_is_a_statement(ex):
    a = analyse(ex, "UN-Generalsekretär António Guterres zeigte sich besorgt.")
    assert roles(only(a, "Statement")) == {("agent", "antonio-guterres")}
    a = analyse(ex, "Die Regierung zeigte dem Gesandten die Stadt.")
    assert not of_class(a, "Statement")


def test_a_region_read_as_a_party_is_the_place(ex):
    a = analyse(
        ex, "Die Republik Moldau und die abtrünnige Region Transnistrien verhandelten in Berlin."
    )
    talks = only(a, "Negotiation")
    assert ("participant", "transnistria") not in roles(talks)
    assert ("participant", "moldova") in roles(talks)


def test_attending_a_ceremony_is_a_meeting(ex):
    a = analyse(ex, "Der Zeremonie wohnten die Präsidenten Perus und Chiles bei.")
    assert {("participant", "peru"), ("participant", "chile")} <= roles(only(a, "Meeting"))


def test_an_unknown_name_after_in_and_an_adjective_is_a_place(ex):
    for text, name in (
        ("Rebellen griffen im ugandischen Bunagana eine Kaserne an.", "Bunagana"),
        ("Die Truppen rückten im umkämpften Rutshuru vor.", "Rutshuru"),
    ):
        a = analyse(ex, text)
        assert any(m.text == name and m.cls == "Place" for m in a.mentions), text


def test_subject_first_when_no_form_shows_the_case(ex):
    a = analyse(
        ex, "Die Vereinten Nationen riefen Armenien und Aserbaidschan zu einer Waffenruhe auf."
    )
    demand = only(a, "CeasefireDemand")
    assert ("agent", "united-nations") in roles(demand)
    assert {("addressee", "armenia"), ("addressee", "azerbaijan")} <= roles(demand)
    assert ("agent", "armenia") not in roles(demand)


def test_subject_after_a_framing_phrase(ex):
    a = analyse(
        ex, "Nach Gesprächen in Doha haben sich Ruanda und Burundi auf eine Waffenruhe geeinigt."
    )
    agreed = only(a, "CeasefireAgreement")
    assert {("participant", "rwanda"), ("participant", "burundi")} <= roles(agreed)


# -- plural titles with genitive lists and an apposition of names ----------------------------


def test_plural_title_with_genitive_list_and_names(ex):
    a = analyse(
        ex,
        "Die Außenminister Kenias und Ugandas, Musalia Mudavadi und Jeje Odongo, trafen "
        "sich in Kampala.",
    )
    held = {(holder, of) for holder, _role, of in positions(a)}
    assert len(held) == 2 and {of for _h, of in held} == {"kenya", "uganda"}
    meeting = only(a, "Meeting")
    people = {k for r, k in roles(meeting) if r == "participant"}
    assert people == {h for h, _of in held}


def test_three_presidents_with_a_known_one_among_them(ex):
    a = analyse(
        ex,
        "Die Präsidenten Kenias, Ugandas und Tansanias, William Ruto, Yoweri Museveni und "
        "Samia Suluhu Hassan, kamen in Arusha zusammen.",
    )
    pos = positions(a)
    assert ("william-ruto", "president", "kenya") in pos
    assert {of for _h, _r, of in pos} == {"kenya", "uganda", "tanzania"}


# -- modality: possible and intended events did not happen ---------------------------------


def test_modal_and_irrealis_deployments_are_no_events(ex):
    for text in (
        "Die Türkei könnte Soldaten nach Libyen entsenden.",
        "Die Türkei will Soldaten nach Libyen entsenden.",
        "Die Türkei kann Soldaten nach Libyen entsenden.",
    ):
        assert not of_class(analyse(ex, text), "Deployment"), text
    a = analyse(ex, "Die Türkei hat Soldaten nach Libyen entsandt.")
    assert ("agent", "turkey") in roles(only(a, "Deployment"))


def test_an_allegation_without_a_known_accuser_is_no_fact(ex):
    a = analyse(
        ex,
        "Die Armee warf der Miliz vor, in der vergangenen Woche einen Stützpunkt "
        "angegriffen zu haben.",
    )
    assert not [e for e in of_class(a, "MilitaryAction") if not e.claimed_by]


# -- membership by grammatical function --------------------------------------------------


def test_membership_dative_first_with_neben_auch(ex):
    a = analyse(ex, "Der Nato gehören neben Polen auch Estland und Lettland an.")
    assert facts(a, FactKind.MEMBER) == {
        ("poland", "nato"),
        ("estonia", "nato"),
        ("latvia", "nato"),
    }


def test_membership_of_a_multiword_organisation(ex):
    a = analyse(ex, "Der Afrikanischen Union gehören Kenia und Uganda an.")
    assert facts(a, FactKind.MEMBER) == {("kenya", "african-union"), ("uganda", "african-union")}


def test_membership_in_a_relative_clause_with_als(ex):
    a = analyse(
        ex, "Estland, das als Mitgliedstaat der Nato Truppen stellt, begrüßte den Beschluss."
    )
    assert ("estonia", "nato") in facts(a, FactKind.MEMBER)


def test_negated_membership_by_kein(ex):
    a = analyse(ex, "Georgien ist kein Mitglied der Nato.")
    assert facts(a, FactKind.NOT_MEMBER) == {("georgia", "nato")}
    assert not facts(a, FactKind.MEMBER)


def test_membership_in_a_relative_clause_on_the_organisation(ex):
    # the tagger reads "der" before a name as an article; the clause is relative all the same
    a = analyse(
        ex, "Der Gipfel der Afrikanischen Union (AU), der Ghana und Togo angehören, endete."
    )
    assert facts(a, FactKind.MEMBER) == {("ghana", "african-union"), ("togo", "african-union")}
    a = analyse(ex, "Die Minister tagten in der Arabischen Liga, der Jemen 1945 beigetreten war.")
    assert facts(a, FactKind.MEMBER) == {("yemen", "arab-league")}


def test_membership_of_the_antecedent_and_a_companion_with_wie(ex):
    a = analyse(ex, "Auch Kuwait, das wie Katar der Arabischen Liga angehört, protestierte.")
    assert facts(a, FactKind.MEMBER) == {("kuwait", "arab-league"), ("qatar", "arab-league")}


def test_a_name_takes_no_genitive_so_der_after_a_list_of_names_is_the_dative(ex):
    a = analyse(ex, "Kenia und Uganda gehören wie Ruanda und Burundi der Afrikanischen Union an.")
    members = {m for m, org in facts(a, FactKind.MEMBER) if org == "african-union"}
    assert members == {"kenya", "uganda", "rwanda", "burundi"}


def test_joining_in_the_perfect_is_membership_joining_planned_is_not(ex):
    a = analyse(ex, "Der Nato, der Finnland 2023 beigetreten ist, stellt Truppen.")
    assert ("finland", "nato") in facts(a, FactKind.MEMBER)
    a = analyse(ex, "Schweden will der Nato beitreten.")
    assert ("sweden", "nato") not in facts(a, FactKind.MEMBER)


def test_a_name_after_a_phrase_of_time_is_the_verb_s_not_the_year_s(ex):
    # regression: "Ende vergangenen Jahres der GUS" read "der GUS" as the year's genitive
    a = analyse(
        ex,
        "Georgien, das erst Ende vergangenen Jahres der GUS beigetreten ist, ist auf "
        "Russland angewiesen.",
    )
    assert facts(a, FactKind.MEMBER) == {("georgia", "cis")}


def test_examples_after_a_member_compound_are_members(ex):
    a = analyse(
        ex,
        "Das Kosovo wird von fünf EU-Staaten, darunter Spanien und Griechenland, nicht anerkannt.",
    )
    assert facts(a, FactKind.MEMBER) == {("spain", "european-union"), ("greece", "european-union")}
    # a list after a comma without an example word is no list of members
    a = analyse(ex, "Die EU-Staaten, Russland und China protestierten.")
    assert not facts(a, FactKind.MEMBER)


def test_elliptical_negation_after_a_relative_clause(ex):
    a = analyse(
        ex,
        "Somalia gehört der Arabischen Liga an, Kenia, das dort nur Gast ist, dagegen nicht.",
    )
    assert facts(a, FactKind.MEMBER) == {("somalia", "arab-league")}
    assert facts(a, FactKind.NOT_MEMBER) == {("kenya", "arab-league")}


def test_a_relative_pronoun_after_a_preposition_is_no_subject(ex):
    a = analyse(ex, "Niger, in dem Frankreich Soldaten stationiert hatte, wies die Truppen aus.")
    dep = of_class(a, "Deployment")
    assert dep and ("agent", "france") in roles(dep[0]), [roles(e) for e in a.events]


# -- references: agreement and salience -----------------------------------------------------


def test_pronoun_after_a_thing_is_not_the_person_named_before(ex):
    a = analyse(
        ex,
        "Präsident Ahmed Ali traf am Montag Vertreter der Opposition. Danach trat Somalia "
        "dem Abkommen bei. Mit ihm hatte Kenia lange gehadert.",
    )
    ihm = [m for m in a.mentions if m.text == "ihm"]
    assert ihm and ihm[0].kind == MentionKind.PRONOUN and ihm[0].keys == ()


def test_pronoun_right_after_a_person_is_that_person(ex):
    a = analyse(
        ex,
        "Präsident Ahmed Ali reiste nach Nairobi. Mit ihm hatte Kenias Präsident William "
        "Ruto telefoniert.",
    )
    ihm = [m for m in a.mentions if m.text == "ihm"]
    assert ihm and ihm[0].keys and ihm[0].keys[0] != "william-ruto"


def test_a_person_described_by_age_is_the_person_before(ex):
    a = analyse(
        ex,
        "Der sudanesische Armeechef Abdel Fattah al-Burhan empfing die Vermittler. „Wir "
        "verhandeln nicht mit Rebellen“, sagte der 63-Jährige am Abend.",
    )
    said = [e for e in of_class(a, "Statement") if e.quote]
    assert said and ("agent", "abdel-fattah-al-burhan") in roles(said[0])


def test_er_continues_the_subject_of_the_sentence_before(ex):
    a = analyse(
        ex,
        "Der Präsident Ghanas, Nana Akufo-Addo, traf am Montag Kenias Präsidenten William "
        "Ruto. Er forderte eine Waffenruhe im Sudan.",
    )
    (demand,) = of_class(a, "CeasefireDemand")
    assert demand.actors() == ("nana-akufo-addo",)


# -- participle attributes -------------------------------------------------------------------


def test_the_agent_of_a_participle_attribute_is_not_the_clause_verbs(ex):
    a = analyse(ex, "Das von Norwegen vermittelte Abkommen wurde am Montag unterzeichnet.")
    # Norway mediated the agreement signed; it is none of its parties
    assert not [
        e for e in of_class(a, "Agreement") if "norway" in e.actors(RoleProperty.PARTICIPANT)
    ]
    assert all(roles(e) <= {("mediator", "norway")} for e in of_class(a, "Agreement"))
    assert roles(only(a, "Mediation")) == {("agent", "norway")}


def test_participle_attribute_with_coordinated_mediators(ex):
    a = analyse(
        ex,
        "Der von Kenias Präsident William Ruto und Ugandas Präsident Yoweri Museveni "
        "vermittelte Vertrag sieht einen Abzug vor.",
    )
    med = only(a, "Mediation")
    assert {k for r, k in roles(med) if r == "agent"} == {"william-ruto", "yoweri-museveni"}


def test_the_mediator_of_talks_told_in_a_participle_attribute_on_them(ex):
    a = analyse(
        ex, "Die von Katar vermittelten Gespräche zwischen Sudan und Tschad fanden in Doha statt."
    )
    assert ("mediator", "qatar") in roles(only(a, "Negotiation"))


def test_one_actor_who_negotiated_an_agreement_alone_brokered_it(ex):
    a = analyse(ex, "Ein von Katar ausgehandelter Gefangenenaustausch fand am Montag statt.")
    assert roles(only(a, "Agreement")) == {("mediator", "qatar")}
    a = analyse(ex, "Das von Israel und der Hamas ausgehandelte Abkommen gilt seit Sonntag.")
    assert roles(only(a, "Agreement")) == {("participant", "israel"), ("participant", "hamas")}


def test_demonstrative_subject_beside_a_speaker(ex):
    a = analyse(ex, "Das teilte Außenminister Sergej Lawrow am Abend in Moskau mit.")
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("sergey-lavrov",)


def test_definite_organisation_noun_refers_back(ex):
    a = analyse(
        ex,
        "Kenia ist Mitglied der Ostafrikanischen Gemeinschaft. Auch Uganda gehört dem Bündnis an.",
    )
    assert ("uganda", "eac") in facts(a, FactKind.MEMBER)


def test_ihm_after_a_named_organisation_is_the_organisation(ex):
    a = analyse(
        ex,
        "Präsident Ahmed Ali reiste nach Nairobi. Kenia ist Mitglied der Ostafrikanischen "
        "Gemeinschaft, Somalia trat dem Bündnis bei. Mit ihm hat Kenia lange verhandelt.",
    )
    ihm = [m for m in a.mentions if m.text == "ihm"]
    assert ihm and ihm[0].keys == ("eac",)


def test_a_clause_after_an_organisation_states_no_class(ex):
    # regression: the class-noun apposition rule read "Bündnis" in the next clause
    a = analyse(
        ex, "Kenia ist Mitglied der Ostafrikanischen Gemeinschaft, Somalia trat dem Bündnis bei."
    )
    assert not [f for f in a.facts if f.kind == FactKind.INSTANCE and f.subject == "eac"]


def test_a_prepositional_phrase_before_the_verb_is_no_subject(ex):
    # regression: "Krieg" of "Nach zwei Jahrzehnten Krieg" was read as the subject
    a = analyse(
        ex,
        "Nach zwei Jahrzehnten Krieg haben die Regierung in Nairobi und die Rebellen der "
        "Al-Shabaab eine Waffenruhe vereinbart.",
    )
    (agreed,) = of_class(a, "CeasefireAgreement")
    assert ("participant", "kenya") in roles(agreed)


def test_agentless_passive_accusation_names_the_accused(ex):
    # regression: "requires agent" refused the passive whose agent is left out on purpose
    a = analyse(ex, "Der Hamas wird vorgeworfen, Geiseln genommen zu haben.")
    assert roles(only(a, "Accusation")) == {("addressee", "hamas")}


def test_weder_noch_on_either_side_negates_every_membership(ex):
    for text in (
        "Weder Serbien noch Montenegro gehören der Nato an.",
        "Der Nato gehören weder Serbien noch Montenegro an.",
    ):
        a = analyse(ex, text)
        assert facts(a, FactKind.NOT_MEMBER) == {("serbia", "nato"), ("montenegro", "nato")}, text
        assert not facts(a, FactKind.MEMBER), text
    a = analyse(ex, "Moldau gehört weder der EU noch der Nato an.")
    assert facts(a, FactKind.NOT_MEMBER) == {("moldova", "european-union"), ("moldova", "nato")}


def test_elliptical_negation_concerns_only_its_own_phrase(ex):
    a = analyse(ex, "Äthiopien, Kenia und Uganda gehören der Igad an, Eritrea nicht.")
    assert facts(a, FactKind.MEMBER) == {
        ("ethiopia", "igad"),
        ("kenya", "igad"),
        ("uganda", "igad"),
    }
    assert facts(a, FactKind.NOT_MEMBER) == {("eritrea", "igad")}


def test_causative_lassen_keeps_its_subject_as_agent(ex):
    a = analyse(ex, "Russland ließ die Stellungen der Ukraine beschießen.")
    assert ("agent", "russia") in roles(only(a, "MilitaryAction"))


def test_a_person_in_a_genitive_attribute_does_not_replace_the_subjects(ex):
    # regression: "des Generals N'Ban La" made the general the only signatory
    a = analyse(
        ex,
        "Die Armee und die Kachin Independence Army (KIA) des Generals N'Ban La haben in "
        "Myitkyina ein Abkommen über eine Waffenruhe unterzeichnet.",
    )
    parts = {k for r, k in roles(only(a, "CeasefireAgreement")) if r == "participant"}
    assert "kia-kachin" in parts


def test_title_apposition_names_the_holder_and_the_speaker(ex):
    a = analyse(
        ex,
        "Die Waffen schwiegen, teilte der UN-Sondergesandte für Libyen, der ghanaische "
        "Diplomat Kwame Osei, am Abend mit.",
    )
    (said,) = of_class(a, "Statement")
    (holder,) = said.actors()
    assert (holder, "special-envoy", "united-nations") in positions(a)


def test_separated_particle_found_across_an_apposition(ex):
    # "teilte …, der Diplomat X, am Abend mit": the particle is the parse's, however far
    a = analyse(
        ex,
        "Kenia habe zugestimmt, teilte Außenminister Sergej Lawrow, der frühere Botschafter, "
        "am Abend in Moskau mit.",
    )
    assert [e.actors() for e in of_class(a, "Statement")] == [("sergey-lavrov",)]


def test_a_finite_verb_after_a_comma_has_a_subject_of_its_own(ex):
    a = analyse(
        ex,
        "Die Konfliktparteien hätten einer Feuerpause zugestimmt, teilte Außenminister "
        "Sergej Lawrow mit.",
    )
    assert [e.actors() for e in of_class(a, "Statement")] == [("sergey-lavrov",)]


def test_two_titles_before_one_apposition_do_not_crash(ex):
    # regression: "Der Sondergesandte des UN-Generalsekretärs …, der Diplomat X," crashed
    a = analyse(
        ex,
        "Der Sondergesandte des UN-Generalsekretärs für Tadschikistan, der deutsche "
        "Diplomat Gerd Brenner, würdigte die Einigung.",
    )
    holders = {h for h, _r, _of in positions(a)}
    assert len(holders) == 1
    (praise,) = of_class(a, "Endorsement")
    assert praise.actors() == tuple(holders)


def test_a_prepositional_list_across_commas_keeps_its_preposition(ex):
    a = analyse(
        ex,
        "Putin telefonierte mit Erdoğan, dem französischen Präsidenten Emmanuel Macron und "
        "Bundeskanzler Olaf Scholz.",
    )
    call = only(a, "PhoneCall")
    parts = {k for r, k in roles(call) if r == "participant"}
    assert {"recep-tayyip-erdogan", "emmanuel-macron", "olaf-scholz"} <= parts


def test_the_neighbour_is_the_other_side(ex):
    a = analyse(
        ex,
        "Die Präsidenten Ruandas und Burundis, Paul Kagame und Évariste Ndayishimiye, "
        "trafen sich in Kampala. Auch Uganda war vertreten. Ruanda wirft dem Nachbarland "
        "vor, Rebellen zu unterstützen.",
    )
    (blame,) = of_class(a, "Accusation")
    assert roles(blame) == {("agent", "rwanda"), ("addressee", "burundi")}


def test_a_meeting_inside_a_framing_phrase_does_not_cancel_the_statement(ex):
    # "sagte nach einem Treffen mit X": "mit X" belongs to "Treffen", not to "sagen"
    a = analyse(
        ex,
        "„Jeder Funke kann zu einer Katastrophe führen“, sagte Außenminister Sergej Lawrow "
        "nach einem Treffen mit Recep Tayyip Erdoğan.",
    )
    assert [e.actors() for e in of_class(a, "Statement")] == [("sergey-lavrov",)]


def test_a_quotation_before_the_verb_is_what_was_said_not_the_speaker(ex):
    a = analyse(
        ex, "„Die Gewalt muss aufhören“, hatte Kenias Präsident William Ruto am Abend gesagt."
    )
    assert [e.actors() for e in of_class(a, "Statement")] == [("william-ruto",)]


def test_a_clause_ending_in_a_colon_before_a_quotation_is_a_statement(ex):
    a = analyse(ex, "Kenias Präsident William Ruto gab sich zuversichtlich: „Der Frieden hält.“")
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("william-ruto",)
    assert said.quote and "Frieden hält" in said.quote


def test_a_signed_document_without_von_phrase_was_signed_by_the_subject(ex):
    a = analyse(
        ex,
        "Die Präsidenten Kenias und Somalias, William Ruto und Hassan Sheikh Mohamud, haben "
        "sich in einem in Nairobi unterzeichneten Abkommen verpflichtet, die Grenze zu öffnen.",
    )
    signers = {k for e in of_class(a, "Agreement") for r, k in roles(e) if r == "participant"}
    assert "william-ruto" in signers
    assert not [e for e in of_class(a, "Agreement") if e.actors(RoleProperty.MEDIATOR)]


def test_leadership_from_a_participle_attribute(ex):
    a = analyse(ex, "Kasachstan ist Mitglied der von Russland geführten OVKS.")
    assert facts(a, FactKind.LEADS) == {("russia", "csto")}
    assert ("kazakhstan", "csto") in facts(a, FactKind.MEMBER)


def test_leadership_told_by_a_clause_of_leading(ex):
    # active, passive with "von", relative clause; a person who leads holds the office
    a = analyse(ex, "Russland führt die OVKS an.")
    assert facts(a, FactKind.LEADS) == {("russia", "csto")}
    a = analyse(ex, "Ansar Dine wird von dem Tuareg-Führer Iyad Ag Kamal angeführt.")
    assert ("iad-ag-kamal", "leader", "ansar-dine") in positions(a)
    a = analyse(ex, "Angeführt wird die ARS von Scheich Scharif Scheich Ahmed.")
    assert ("sharif-sheikh-ahmed", "leader", "ars-somalia") in positions(a)
    a = analyse(
        ex, "Die von Paul Kagame angeführte Ruandische Patriotische Front (RPF) rückte vor."
    )
    assert ("paul-kagame", "leader", "rpf") in positions(a)
    assert not facts(a, FactKind.LEADS)  # a person holds an office; states lead
    # negated, wished and generic objects lead nothing
    for text in (
        "Paul Kagame will die RPF nicht länger führen.",
        "Russland führt Gespräche mit der Hamas.",
    ):
        a = analyse(ex, text)
        assert not facts(a, FactKind.LEADS) and not positions(a), text


def test_leadership_by_a_person_after_unter(ex):
    # "die X unter Y": Y leads X; not a mediation ("unter Vermittlung"), not a state's office
    a = analyse(ex, "Die Kämpfer der Hamas unter Jahia Sinwar griffen Israel an.")
    assert ("yahya-sinwar", "leader", "hamas") in positions(a)
    a = analyse(ex, "Die Taliban unter Vermittlung von Zalmay Khalilzad verhandelten.")
    assert not {p for p in positions(a) if p[1] == "leader"}


def test_leadership_in_a_relative_clause_the_parse_hung_elsewhere_or_swapped(ex):
    # past a participle's aside ("genannt »…«"), the relative clause is the name's
    a = analyse(
        ex,
        "Der frühere Polizist Jimmy Chérizier, genannt »Barbecue«, der das Bandenbündnis "
        "Viv Ansanm anführt, drohte den ausländischen Polizisten.",
    )
    assert {(r, o) for _p, r, o in positions(a)} == {("leader", "viv-ansanm")}
    # "vorstehen" takes a dative; the parse may swap the pronoun and the organisation
    a = analyse(ex, "In Doha war Nabih Berri, der der Amal-Bewegung vorsteht, dabei.")
    assert ("nabih-berri", "leader", "amal-movement") in positions(a)
    a = analyse(ex, "Die Amal-Bewegung, der Nabih Berri vorsteht, stimmte zu.")
    assert ("nabih-berri", "leader", "amal-movement") in positions(a)


def test_a_verb_of_chairing_gives_the_chair(ex):
    a = analyse(ex, "Die Afrikanische Union, der Alpha Condé derzeit vorsitzt, verlangte Wahlen.")
    assert ("alpha-conde", "chairperson", "african-union") in positions(a)
    a = analyse(ex, "Alpha Condé, der der Afrikanischen Union nicht mehr vorsitzt, schwieg.")
    assert not {p for p in positions(a) if p[2] == "african-union"}


def test_a_verb_of_command_gives_the_command(ex):
    a = analyse(ex, "Befehligt wird die ECOMOG von dem ghanaischen Generalleutnant Kofi Mensah.")
    (holder,) = {p for p, _r, _o in positions(a)}
    assert (holder, "commander", "ecomog") in positions(a)


def test_a_possessive_before_a_title_names_the_organisation(ex):
    a = analyse(
        ex,
        "Die Séléka marschiert auf Bangui. Ihr Anführer Michel Djotodia sagte, seine Bewegung "
        "werde die Umsetzung beobachten.",
    )
    assert ("michel-djotodia", "leader", "seleka") in positions(a)
    # a government's office is no organisation's ("ihr Außenminister")
    a = analyse(ex, "Die Asean tagte. Ihr Außenminister Roland Dumas sprach.")
    assert not {p for p in positions(a) if p[2] == "asean"}


def test_a_government_title_without_a_state_is_of_the_dateline_state(ex):
    a = analyse(ex, "Nairobi – Präsident Samuel Kiprono traf Vertreter Kenias und Ugandas.")
    assert ("samuel-kiprono", "president", "kenya") in positions(a)


def test_the_agency_in_a_dateline_is_no_second_place(ex):
    # "(Reuters)" is in the dictionary, yet the dateline names one city
    a = analyse(
        ex,
        "Jakarta (Reuters) – Präsident Samuel Kiprono traf Vertreter Indonesiens und Malaysias.",
    )
    assert ("samuel-kiprono", "president", "indonesia") in positions(a)


def test_a_dateline_abroad_gives_no_office(ex):
    # the venue of talks ("Genf –") is no home unless the article names its state
    a = analyse(ex, "Genf – Präsident Samuel Kiprono traf Vertreter Kenias und Ugandas.")
    assert not positions(a)


def test_leadership_held_as_a_noun(ex):
    for text in (
        "Deutschland hat derzeit den Vorsitz der OSZE inne.",
        "Deutschland führt den OSZE-Vorsitz.",
    ):
        assert facts(analyse(ex, text), FactKind.LEADS) == {("germany", "osce")}, text
    assert not facts(analyse(ex, "Die Türkei kritisierte den Vorsitz der OSZE."), FactKind.LEADS)


def test_the_partner_of_a_call_as_the_clause_object(ex):
    a = analyse(
        ex,
        "US-Präsident Joe Biden bedrängte den israelischen Ministerpräsidenten Benjamin "
        "Netanjahu in einem Telefonat.",
    )
    assert roles(only(a, "PhoneCall")) == {
        ("agent", "joe-biden"),
        ("participant", "benjamin-netanyahu"),
    }


def test_plural_title_with_a_genitive_list_and_no_names_is_the_states(ex):
    a = analyse(ex, "Die Verteidigungsminister Indiens und Chinas kamen in Moskau zusammen.")
    assert {("participant", "india"), ("participant", "china")} <= roles(only(a, "Meeting"))
    a = analyse(
        ex,
        "Die Regierungschefs Italiens, Spaniens und Griechenlands riefen die Parteien zur "
        "Mäßigung auf.",
    )
    agents = {k for r, k in roles(only(a, "Demand")) if r == "agent"}
    assert agents == {"italy", "spain", "greece"}


def test_sie_with_a_singular_verb_is_the_state_subject_before(ex):
    a = analyse(ex, "Die Türkei kritisierte Griechenland. Sie forderte Athen zum Dialog auf.")
    assert roles(only(a, "Demand")) == {("agent", "turkey"), ("addressee", "greece")}


def test_sie_with_a_plural_verb_is_the_coordinated_subject_before(ex):
    a = analyse(ex, "Kenia und Uganda trafen sich in Arusha. Sie unterzeichneten ein Abkommen.")
    assert roles(only(a, "Agreement")) == {("participant", "kenya"), ("participant", "uganda")}


def test_the_members_of_a_body_named_before_act_for_it(ex):
    a = analyse(
        ex,
        "Der Sicherheitsrat tagte am Montag. Die Mitglieder des Gremiums forderten eine "
        "Waffenruhe.",
    )
    assert [e.actors() for e in of_class(a, "CeasefireDemand")] == [("un-security-council",)]


# -- the conflict: its start, sides and place from the sentences about the fighting -------


def test_a_duration_before_the_report_dates_a_civil_war_in_the_state_named(ex):
    a = analyse(
        ex,
        "Nach zwölf Jahren Bürgerkrieg haben die Regierung Sierra Leones und die Rebellen "
        "ein Abkommen unterzeichnet.",
    )
    assert a.conflict is not None
    assert a.conflict.start == ("2012", "gYear")  # the test article is dated 2024
    assert a.conflict.locations == ("sierra-leone",)


def test_an_explicit_year_beats_a_duration_and_the_fighter_is_a_side(ex):
    a = analyse(
        ex,
        "Nach fast vier Jahrzehnten Konflikt wurde in Oslo ein Abkommen geschlossen. Seit "
        "1983 kämpft die Volksbefreiungsfront (VBF) gegen die Regierung Sri Lankas.",
    )
    c = a.conflict
    assert c is not None and c.start == ("1983", "gYear")
    assert any("volksbefreiungsfront" in p for p in c.parties), c.parties


def test_a_year_span_dates_the_war_and_the_relative_clause_of_a_civil_war(ex):
    a = analyse(ex, "Die Unita hatte von 1975 bis 2002 einen Bürgerkrieg in Angola geführt.")
    assert a.conflict is not None and a.conflict.start == ("1975", "gYear")
    b = analyse(
        ex,
        "Der Vertrag soll den Bürgerkrieg in Guatemala beenden, der seit 1960 Zehntausende "
        "das Leben gekostet hat.",
    )
    assert b.conflict is not None and b.conflict.start == ("1960", "gYear")
    assert b.conflict.locations == ("guatemala",)


def test_an_acronym_is_not_transliterated_into_another_name(ex):
    a = analyse(ex, "Die Kämpfer der UÇK legten die Waffen nieder.")
    assert not any("united-kingdom" in m.keys for m in a.mentions)


# -- offices: appositions, genitive lists, organisations no dictionary lists ---------------


def _offices(a) -> set[tuple[str, str, str]]:
    return {(f.subject, f.role, f.object) for f in a.facts if f.kind == FactKind.POSITION}


def test_plural_title_genitive_list_and_names_pair_in_order(ex):
    a = analyse(
        ex,
        "Der Feier wohnten die Präsidenten Perus und Boliviens, Pedro Castillo und Luis Arce, bei.",
    )
    offices = {(h.split("-")[0], o) for h, _r, o in _offices(a)}
    assert {("pedro", "peru"), ("luis", "bolivia")} <= offices, _offices(a)


def test_a_capitalised_word_after_a_given_name_is_a_surname(ex):
    a = analyse(
        ex, "Es unterschrieben die Außenminister Chiles und Perus, Carlos Frei und Ana Klein."
    )
    names = {m.text for m in a.mentions if m.cls == "Person"}
    assert {"Carlos Frei", "Ana Klein"} <= names, names


def test_title_of_an_unlisted_organisation_with_its_holder_in_apposition(ex):
    a = analyse(
        ex, "Es unterschrieb der Oberkommandierende der Mai-Mai, Kasongo Lenge, am Freitag."
    )
    assert any(r == "commander" and h.startswith("kasongo") for h, r, _o in _offices(a)), _offices(
        a
    )
    a = analyse(ex, "Kritik kam vom Vorsitzenden der Nationalen Front (NF), Omar Bakri.")
    assert any(r == "chairperson" and h.startswith("omar") for h, r, _o in _offices(a)), _offices(a)
    # the title is no part of the organisation's name
    assert not any("Vorsitzend" in m.text for m in a.mentions if m.cls == "Organization")


def test_ministries_and_the_eu_foreign_policy_chief_are_offices(ex):
    a = analyse(ex, "Das Protokoll unterzeichnete Kenias Finanzminister John Mbadi.")
    assert ("finance-minister", "kenya") in {(r, o) for _h, r, o in _offices(a)}
    a = analyse(ex, "Die EU-Außenbeauftragte Kaja Kallas reiste nach Kiew.")
    assert ("high-representative", "european-union") in {(r, o) for _h, r, o in _offices(a)}


# -- unnamed actors, targets that are places, "als" clauses ---------------------------------


def test_an_unnamed_subject_keeps_the_object_out_of_the_agents_role(ex):
    # the unnamed subject is a group of the article's own (once no actor at all)
    a = analyse(ex, "Milizionäre haben die Hafenstadt Kismayo angegriffen.")
    attack = only(a, "MilitaryAction")
    assert attack.actors(RoleProperty.AGENT) == ("t/milizionaere",), roles(attack)
    assert any(r == "location" for r, _k in roles(attack)), roles(attack)


def test_a_city_attacked_is_the_place_not_an_actor(ex):
    a = analyse(ex, "Die Armee griff die Stadt Goma an.")
    attack = only(a, "MilitaryAction")
    assert all(r != "addressee" for r, _k in roles(attack)), roles(attack)
    assert any(r == "location" for r, _k in roles(attack)), roles(attack)


def test_als_after_a_comma_opens_a_clause_whose_subject_acts(ex):
    a = analyse(
        ex,
        "Die Kämpfe begannen im Mai, als armenische Truppen die Stellungen bei Tavush angriffen.",
    )
    attack = only(a, "MilitaryAction")
    assert ("agent", "armenia") in roles(attack), roles(attack)


def test_a_state_acts_through_its_government_or_army_named_with_a_genitive(ex):
    for text in (
        "Die Regierung Tansanias lehnte den Vorschlag ab.",
        "Tansanias Regierung lehnte den Vorschlag ab.",
        "Die Armee Tansanias lehnte den Vorschlag ab.",
    ):
        a = analyse(ex, text)
        assert roles(only(a, "Rejection")) == {("agent", "tanzania")}, text


def test_a_verb_of_accusing_finds_its_dative_in_a_der_phrase_after_the_subject(ex):
    a = analyse(ex, "Die Regierung Malis warf der Afrikanischen Union vor, untätig zu sein.")
    assert roles(only(a, "Accusation")) == {("agent", "mali"), ("addressee", "african-union")}


def test_haben_a_und_b_participle_is_one_predicate_with_both_subjects(ex):
    a = analyse(
        ex, "Nach Jahren haben die Republik Zypern und die abtrünnige Region Nordzypern verhandelt."
    )
    neg = only(a, "Negotiation")
    assert ("participant", "cyprus") in roles(neg), roles(neg)
    # both subjects are read; a region is no actor (kg/extract/ranges.py): it is the place
    assert ("location", "northern-cyprus") in roles(neg), roles(neg)


def test_names_at_the_sentence_start_with_an_arabic_article_and_after_a_title(ex):
    a = analyse(ex, "Omar al-Raschid und Salva Lual unterzeichneten das Protokoll.")
    names = {m.text for m in a.mentions if m.cls == "Person"}
    assert {"Omar al-Raschid", "Salva Lual"} <= names, names
    a = analyse(ex, "Kenias Chefunterhändler Pagan Otieno sagte, die Gespräche gingen weiter.")
    assert ("chief-negotiator", "kenya") in {(r, o) for _h, r, o in _offices(a)}


def test_a_state_adjective_on_weapons_or_soldiers_names_the_attacker(ex):
    a = analyse(ex, "Äthiopische Kampfflugzeuge bombardierten Stellungen im Norden.")
    assert ("agent", "ethiopia") in roles(only(a, "MilitaryAction"))


def test_an_unlisted_place_after_in_or_a_place_noun_compound_is_where(ex):
    a = analyse(ex, "Präsident Ruto hatte das Dokument im Palast in Kilimani unterzeichnet.")
    places = {k for e in a.events for r, k in roles(e) if r == "location"}
    assert places and all("kilimani" in k for k in places), places
    a = analyse(ex, "Die Waffenruhe wurde in der Küstenstadt Lamuri vereinbart.")
    labels = {label for _k, _c, label in a.new_entities}
    assert "Lamuri" in labels, labels


def test_a_group_named_after_a_noun_of_its_class_acts_under_that_name(ex):
    a = analyse(
        ex,
        "Die Regierung Perus und die Guerillaorganisation Sendero haben sich auf eine "
        "Waffenruhe geeinigt. Die Sendero lehnte später Gespräche ab.",
    )
    sides = {k for e in a.events for r, k in roles(e) if r in ("participant", "agent")}
    assert "peru" in sides and any("sendero" in k for k in sides), sides
    assert any(c == "ArmedGroup" for _k, c, _l in a.new_entities), a.new_entities


def test_the_mediator_of_a_document_in_a_participle_attribute_mediates_its_signing(ex):
    a = analyse(
        ex,
        "Das von Norwegen vermittelte Abkommen wurde am Montag von Präsident Ruto und "
        "Präsident Hassan unterzeichnet.",
    )
    signing = only(a, "Agreement")
    assert ("mediator", "norway") in roles(signing), roles(signing)


def test_membership_noun_with_an_elliptical_non_member_and_a_companion(ex):
    a = analyse(ex, "Angola ist zudem Mitglied der Afrikanischen Union, Marokko dagegen nicht.")
    assert facts(a, FactKind.MEMBER) == {("angola", "african-union")}
    assert facts(a, FactKind.NOT_MEMBER) == {("morocco", "african-union")}
    a = analyse(ex, "Ghana ist wie Togo Mitglied der Afrikanischen Union.")
    assert facts(a, FactKind.MEMBER) == {("ghana", "african-union"), ("togo", "african-union")}


def test_a_time_phrase_is_no_subject_and_a_noun_attribute_is_no_participant(ex):
    a = analyse(
        ex,
        "Zwei Wochen nach dem Rücktritt von Präsident Omar Bongo haben Gabuns Regierung und "
        "die beiden Rebellengruppen FRN und MLG in Libreville ein Abkommen unterzeichnet.",
    )
    sides = {k for r, k in roles(only(a, "Agreement")) if r == "participant"}
    assert "gabon" in sides and {"frn", "mlg"} <= sides, sides
    assert not any("bongo" in k for k in sides), sides


def test_an_agreement_told_in_the_passive_without_its_parties_is_still_an_agreement(ex):
    a = analyse(
        ex, "Im Januar war in Lusaka eine Einstellung der Feindseligkeiten vereinbart worden."
    )
    ceasefire = only(a, "CeasefireAgreement")
    assert ceasefire.date == ("2024-01", "gYearMonth")
    a = analyse(ex, "Die im Mai in Lusaka vereinbarte Waffenruhe hält.")
    assert of_class(a, "CeasefireAgreement")
    # a passive with no document or ceasefire named says nothing
    assert not analyse(ex, "Die Rede wurde in Lusaka gehalten.").events


def test_er_after_a_masculine_state_and_das_land_refer_to_the_state(ex):
    a = analyse(
        ex,
        "Der Tschad wurde 1960 unabhängig. Noch im selben Jahr wurde er Mitglied der "
        "Vereinten Nationen.",
    )
    assert ("chad", "united-nations") in facts(a, FactKind.MEMBER)
    a = analyse(ex, "Georgien strebt in die Nato. Mitglied der Nato ist das Land nicht.")
    assert facts(a, FactKind.NOT_MEMBER) == {("georgia", "nato")}


def test_a_title_prefix_names_the_state_also_on_a_whole_title_and_a_group_prefix(ex):
    a = analyse(ex, "Kremlchef Wladimir Putin und Bundeskanzlerin Angela Merkel berieten.")
    assert {("president", "russia"), ("chancellor", "germany")} <= {
        (r, o) for _h, r, o in _offices(a)
    }
    a = analyse(
        ex,
        "Peru und die Guerillaorganisation Sendero einigten sich. Sendero-Kommandeur Abimael "
        "Rojas sagte nichts.",
    )
    assert any(r == "commander" and "sendero" in o for _h, r, o in _offices(a)), _offices(a)


def test_a_call_to_stop_the_fighting_is_a_ceasefire_demand_a_call_to_stop_work_is_not(ex):
    a = analyse(ex, "Die Afrikanische Union forderte beide Seiten auf, die Kämpfe einzustellen.")
    assert roles(only(a, "CeasefireDemand")) >= {("agent", "african-union")}
    a = analyse(ex, "Die Afrikanische Union forderte die Firmen auf, die Produktion einzustellen.")
    assert not of_class(a, "CeasefireDemand")


def test_a_hyphenated_title_prefix_names_a_group_known_or_not(ex):
    a = analyse(ex, "Der Sprecher blickte auf ADF-Chef Musa Baluku.")
    assert any(r == "leader" and o == "adf" for _h, r, o in _offices(a)), _offices(a)
    a = analyse(
        ex,
        "Die Bewegung für Demokratie (MFD) unterschrieb. Es unterzeichnete MFD-Führer Ali Bongo.",
    )
    assert any(r == "leader" and "bevegung" in o for _h, r, o in _offices(a)), _offices(a)


def test_supporters_of_a_rebel_leader_who_attack_are_no_protesters(ex):
    a = analyse(ex, "Anhänger des Milizenführers Kuku Kapenda griffen die Stadt Beni an.")
    attack = only(a, "MilitaryAction")
    assert any(r == "agent" and "kapenda" in k for r, k in roles(attack)), roles(attack)


def test_names_in_other_scripts_get_distinct_stable_keys(ex):
    a = analyse(ex, "Präsident Владимир Путин traf Außenminister Сергей Лавров in Minsk.")
    keys = {m.keys[0] for m in a.mentions if m.cls == "Person" and m.keys}
    assert len(keys) == 2, keys
    b = analyse(ex, "Präsident Владимир Путин traf Außenminister Сергей Лавров in Minsk.")
    assert keys == {m.keys[0] for m in b.mentions if m.cls == "Person" and m.keys}


def test_the_one_name_after_a_verb_of_saying_behind_a_quotation_is_the_speaker(ex):
    a = analyse(ex, "„Die Waffen schweigen endlich“, sagte Kabarebe bei der Zeremonie.")
    said = only(a, "Statement")
    assert any(r == "agent" and "kabarebe" in k for r, k in roles(said)), roles(said)


def test_after_a_meeting_with_someone_both_met(ex):
    a = analyse(
        ex,
        "„Wir brauchen Ruhe“, sagte Präsident Ruto nach einem Treffen mit seinem "
        "somalischen Amtskollegen Hassan Mohamud.",
    )
    met = {k for e in of_class(a, "Meeting") for r, k in roles(e) if r == "participant"}
    assert "william-ruto" in met and any("mohamud" in k for k in met), met


def test_the_rebels_refer_to_a_group_the_article_named_by_its_class(ex):
    a = analyse(
        ex,
        "Peru und die Guerillaorganisation Sendero einigten sich. Die Rebellen lehnten "
        "später einen Abzug ab.",
    )
    rejection = only(a, "Rejection")
    assert any(r == "agent" and "sendero" in k for r, k in roles(rejection)), roles(rejection)


def test_a_bare_noun_after_a_unit_of_time_beneath_it_keeps_a_tree(ex):
    # the parse hangs "zehn Jahren" under "Freiheitsentzug"; re-attaching the noun under
    # the unit of time would make a cycle (the extraction looped on it)
    a = analyse(
        ex, "Ein Militärgericht verurteilte ihn wegen Spionage zu zehn Jahren Freiheitsentzug."
    )
    heads = a.sentences[0].parse.heads
    for i in range(len(heads)):
        seen, j = {i}, i
        while heads[j] != j:
            j = heads[j]
            assert j not in seen, "a cycle in the parse"
            seen.add(j)


def test_a_genitive_name_before_the_finite_verb_belongs_to_the_phrase_there(ex):
    # one phrase before the finite verb: "Unter Vermittlung Katars" is who mediated
    a = analyse(
        ex, "Unter Vermittlung Katars einigten sich Israel und die Hamas auf eine Feuerpause."
    )
    assert roles(only(a, "CeasefireAgreement")) == {
        ("participant", "israel"),
        ("participant", "hamas"),
        ("mediator", "qatar"),
    }


def test_the_source_of_a_report_is_not_the_attacker(ex):
    a = analyse(ex, "Nach Angaben Moskaus griffen ukrainische Drohnen eine Raffinerie an.")
    assert ("agent", "russia") not in roles(only(a, "MilitaryAction"))


def test_the_source_after_von_is_not_the_passives_agent(ex):
    # "nach Angaben von X": X reports, the bombing has no agent named
    a = analyse(
        ex,
        "Bombardiert wurden nach Angaben von Verteidigungsminister Robert McNamara vier "
        "Stützpunkte bei Vinh.",
    )
    assert ("agent", "robert-mcnamara") not in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Bombardiert wurden die Stützpunkte bei Vinh von der US-Marine.")
    assert ("agent", "united-states") in roles(only(a, "MilitaryAction"))


def test_a_negation_inside_the_infinitive_asked_for_does_not_negate_the_call(ex):
    a = analyse(ex, "Wang Yi forderte die USA auf, keine Truppen zu schicken.")
    assert ("addressee", "united-states") in roles(only(a, "Demand"))
    a = analyse(
        ex,
        "In einem Telefonat mit US-Außenminister Mike Pompeo mahnte Wang Yi, Gewalt nicht "
        "zu missbrauchen.",
    )
    assert ("participant", "mike-pompeo") in roles(only(a, "PhoneCall"))
    # the call itself negated is none
    assert not analyse(ex, "Wang Yi forderte die USA nicht auf, Truppen zu schicken.").events


def test_a_genitive_name_after_a_noun_is_its_attribute(ex):
    # "Kenias" is "Kenia" + s: the government's, not a second object of the verb
    a = analyse(ex, "»Wir sind bereit«, erklärte die Regierung Kenias am Montag.")
    assert roles(only(a, "Statement")) == {("agent", "kenya")}


def test_a_dative_first_is_no_subject_even_where_the_parse_mislabels_its_article(ex):
    # the parse gives "Dem" no determiner label: read as one, it shows the dative
    a = analyse(ex, "Dem Sudan warf die Regierung des Tschad vor, Rebellen zu unterstützen.")
    assert roles(only(a, "Accusation")) == {("agent", "chad"), ("addressee", "sudan")}


def test_a_genitive_after_und_is_coordinated_with_the_genitive_before(ex):
    # "der Hamas" continues "Israels": the representatives of both negotiated
    a = analyse(
        ex,
        "Bei Gesprächen in Kairo haben Vertreter Israels und der Hamas über eine Waffenruhe "
        "verhandelt.",
    )
    assert roles(only(a, "Negotiation")) == {
        ("participant", "israel"),
        ("participant", "hamas"),
        ("location", "cairo"),
    }


def test_the_members_after_darunter_are_the_subject_s(ex):
    a = analyse(ex, "Mehrere Staaten, darunter Deutschland und Frankreich, begrüßten die Einigung.")
    assert roles(only(a, "Endorsement")) == {("agent", "germany"), ("agent", "france")}


def test_a_negation_of_the_next_clause_does_not_reach_a_membership(ex):
    # the comma joins two clauses; only Switzerland is no member
    for text in (
        "Schweden ist seit März Mitglied der Nato, die Schweiz gehört dem Bündnis nicht an.",
        "Schweden ist Mitglied der Nato, aber die Schweiz gehört dem Bündnis nicht an.",
    ):
        a = analyse(ex, text)
        assert facts(a, FactKind.MEMBER) == {("sweden", "nato")}, text
        assert facts(a, FactKind.NOT_MEMBER) == {("switzerland", "nato")}, text


def test_an_office_stated_by_a_present_copula(ex):
    for text in (
        "William Ruto ist seit 2022 Präsident Kenias.",
        "Der Präsident Kenias ist William Ruto.",
        "William Ruto, der kenianischer Präsident ist, lehnte den Plan ab.",
    ):
        assert ("william-ruto", "president", "kenya") in positions(analyse(ex, text)), text


def test_a_past_or_negated_copula_states_no_office(ex):
    for text in ("William Ruto war Präsident Kenias.", "Ruto ist nicht mehr Präsident Kenias."):
        assert not positions(analyse(ex, text)), text


def test_a_relative_pronoun_of_a_singular_antecedent_is_no_plural_verb_s_subject(ex):
    a = analyse(
        ex,
        "Die Vereinbarung, die Kenia und Somalia am Montag unterzeichnet hatten, tritt am "
        "Freitag in Kraft.",
    )
    assert roles(only(a, "Agreement")) == {("participant", "kenya"), ("participant", "somalia")}


def test_a_bare_prefield_phrase_is_the_subject_of_a_later_caseless_subject(ex):
    # the parse gives the title and name no function and makes the predicative noun the
    # subject: the one phrase before the finite verb spoke
    a = analyse(ex, "Hisbollah-Generalsekretär Naim Kassem nannte die Resolution eine Provokation.")
    assert [e.event_class for e in a.events] == ["Statement"]
    assert roles(a.events[0]) == {("agent", "naim-qassem")}


def test_a_von_phrase_after_the_subject_of_a_fronted_participle_is_the_agent(ex):
    # the parse hangs "von den Präsidenten …" on "das Abkommen"
    a = analyse(
        ex,
        "Unterzeichnet wurde das Abkommen von den Präsidenten Ruandas und der "
        "Demokratischen Republik Kongo.",
    )
    assert roles(only(a, "Agreement")) == {("participant", "rwanda"), ("participant", "dr-congo")}


def test_als_opening_the_sentence_with_the_verb_last_is_a_conjunction(ex):
    # the tagger reads "Als" as the preposition ("as Ethiopian troops")
    a = analyse(
        ex,
        "Als äthiopische Truppen im Dezember 2006 einmarschierten, wurden die Gerichte aus "
        "Mogadischu vertrieben.",
    )
    assert ("agent", "ethiopia") in roles(only(a, "MilitaryAction"))
    # "Als Vermittler unterschrieb …" is no clause: the verb does not close it
    a = analyse(ex, "Als Garanten unterschrieben Kuba und Norwegen.")
    assert not of_class(a, "MilitaryAction")


def test_a_plural_verb_takes_the_bare_plural_not_the_feminine_singular(ex):
    a = analyse(ex, "Am Montag eroberten russische Verbände die Stadt Isjum.")
    assert ("agent", "russia") in roles(only(a, "MilitaryAction"))


def test_a_named_partner_after_a_place_phrase_is_the_verbs(ex):
    # the parser hangs "mit dem … Ministerpräsidenten" on "Flughafen"
    a = analyse(
        ex,
        "Der sowjetische Ministerpräsident Alexej Kossygin traf am Donnerstag auf dem "
        "Pekinger Flughafen mit dem chinesischen Ministerpräsidenten Tschou En-lai zusammen.",
    )
    people = {m.keys[0] for m in a.mentions if m.cls == "Person"}
    assert {k for r, k in roles(only(a, "Meeting")) if r == "participant"} == people
    assert len(people) == 2
    # a call keeps its partner: "mit" after an event noun stays the noun's
    a = analyse(ex, "In einem Telefonat mit Wladimir Putin entschuldigte sich Ilham Alijew.")
    assert ("participant", "vladimir-putin") in roles(only(a, "PhoneCall"))


def test_the_phrase_after_auch_beside_a_neben_phrase_is_the_subject(ex):
    a = analyse(
        ex,
        "Zu den Unterzeichnern zählen neben den fünf ständigen Mitgliedern des "
        "UN-Sicherheitsrats auch Vietnam, Laos und Japan.",
    )
    signed = only(a, "Agreement")
    assert {("participant", "vietnam"), ("participant", "laos"), ("participant", "japan")} <= (
        roles(signed)
    )


def test_a_feminine_singular_object_first_leaves_the_coordination_the_subject(ex):
    a = analyse(
        ex,
        "Die Waffenruhe hatten Kambodscha und Vietnam bereits im Juni im thailändischen "
        "Badeort Pattaya vereinbart.",
    )
    truce = only(a, "CeasefireAgreement")
    assert {("participant", "cambodia"), ("participant", "vietnam")} <= roles(truce)
    assert any(r == "location" for r, _k in roles(truce))  # "Badeort Pattaya" is a place


def test_a_quantified_time_phrase_is_no_subject_and_a_bare_name_is(ex):
    a = analyse(
        ex,
        "Wenige Stunden vor dem Treffen mit Sarkozy hatte Dmitri Medwedew das Ende des "
        "Militäreinsatzes verkündet.",
    )
    assert ("agent", "dmitry-medvedev") in roles(only(a, "Statement"))


def test_who_refuses_to_sign_a_negotiated_plan_did_not_negotiate_it(ex):
    a = analyse(
        ex,
        "Präsident Slobodan Milošević hatte sich geweigert, den in Rambouillet "
        "ausgehandelten Friedensplan zu unterzeichnen.",
    )
    assert not [
        e
        for e in a.events
        if e.event_class == "Agreement"
        and e.roles
        and any(k == "slobodan-milosevic" for _r, k in e.roles)
    ]
    assert ("agent", "slobodan-milosevic") in roles(only(a, "Rejection"))


def test_a_verb_particle_ends_the_list_before_a_comma(ex):
    # regression: "Ruanda vor, die M23" was read as a list, so the M23 was accused too
    a = analyse(ex, "Die kongolesische Regierung warf Ruanda vor, die M23 zu unterstützen.")
    assert roles(only(a, "Accusation")) == {("agent", "dr-congo"), ("addressee", "rwanda")}


def test_a_pronoun_is_never_a_co_argument_of_its_own_verb(ex):
    # regression: in "Putin dankte er" the pronoun was Putin, who thanked himself
    a = analyse(
        ex,
        "Kasachstans Präsident Kassym-Schomart Tokajew sprach von einem Putschversuch. "
        "Russlands Präsident Wladimir Putin dankte er für die rasche Hilfe.",
    )
    assert roles(only(a, "Endorsement")) == {
        ("agent", "kassym-jomart-tokayev"),
        ("addressee", "vladimir-putin"),
    }


def test_a_pronoun_in_a_clause_of_its_own_still_refers_to_the_speaker(ex):
    a = analyse(ex, "Wladimir Putin sagte, er werde die Truppen nach Kasachstan entsenden.")
    assert ("agent", "vladimir-putin") in roles(only(a, "Statement"))


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        (
            "Ihre Forderung nach der Freilassung der Gefangenen lehnte Präsident Alberto "
            "Fujimori stets ab.",
            "alberto-fujimori",
        ),
        (
            "Verhandlungen mit den Geiselnehmern hatte die Regierung Frankreichs abgelehnt.",
            "france",
        ),
    ],
)
def test_a_thing_the_parse_takes_for_the_subject_leaves_the_role_to_the_actor(ex, sentence, agent):
    # object first: a demand or talks do not reject anything
    assert only(analyse(ex, sentence), "Rejection").actors(RoleProperty.AGENT) == (agent,)


def test_an_actor_the_parse_hangs_on_a_time_is_the_object(ex):
    a = analyse(ex, "Zu Hilfe gerufen hatte Präsident Tokajew am Mittwochabend die OVKS.")
    assert ("addressee", "csto") in roles(only(a, "AssistanceRequest"))


def test_plural_sie_continues_a_group_that_was_the_plural_subject_before(ex):
    a = analyse(
        ex,
        "Die Aufständischen hatten die Stadt Mocímboa da Praia im August erobert. Ende März "
        "überfielen sie die Küstenstadt Palma.",
    )
    palma = [e for e in of_class(a, "MilitaryAction") if ("location", "palma") in roles(e)]
    assert palma and ("agent", "t/aufstaendischen") in roles(palma[0])


def test_their_fighters_are_the_group_named_before(ex):
    a = analyse(ex, "Die M23 rückte weiter vor. Ihre Kämpfer eroberten am Montag die Stadt Goma.")
    goma = [e for e in of_class(a, "MilitaryAction") if ("location", "goma") in roles(e)]
    assert goma and ("agent", "m23") in roles(goma[0])


def test_a_bare_phrase_after_a_place_is_the_clause_s_own(ex):
    # "in Transnistrien russische Soldaten": no genitive of the place (the parse said so)
    a = analyse(ex, "Seither sind in Transnistrien russische Soldaten stationiert.")
    assert roles(only(a, "Deployment")) == {("agent", "russia"), ("location", "transnistria")}


def test_a_relative_clause_s_last_verb_is_its_finite_verb(ex):
    # "verlangt", tagged as a participle, ends the clause "deren Abzug Chisinau verlangt":
    # Chisinau demands, not the soldiers of the main clause
    a = analyse(
        ex,
        "Seither sind in Transnistrien russische Soldaten stationiert, deren Abzug Chisinau "
        "seit Jahren verlangt.",
    )
    assert only(a, "Demand").actors(RoleProperty.AGENT) == ("moldova",)


def test_a_rank_between_a_title_and_the_name(ex):
    # "Marschall" is no name: the office is the person's after it
    a = analyse(ex, "Chinas Verteidigungsminister Marschall Lin Piao sagte, die Armee sei bereit.")
    holders = {(h, role, of) for h, role, of in positions(a)}
    assert ("lin-biao", "defence-minister", "china") in holders
    assert not any(h.startswith("marsha") for h, _r, _o in holders)


def test_an_island_group_before_its_name_is_a_place(ex):
    a = analyse(ex, "Die Armee beschoss die Inselgruppe Matsu vor der Küste.")
    # (the army, with no state named, is an actor of the article's own)
    assert [(cls, label) for _k, cls, label in a.new_entities] == [
        ("Region", "Matsu"),
        ("Actor", "Armee"),
    ]


def test_a_person_in_apposition_after_a_nationality_noun(ex):
    # "der Ire X" after the comma: X is the representative, and speaks, not the UN
    a = analyse(
        ex,
        "Der UN-Vertreter in Darfur, der Norweger Jan Egil Sørbø, erklärte am Montag, die "
        "Kämpfe hätten aufgehört.",
    )
    st = only(a, "Statement")
    assert [k for r, k in st.roles if r.value == "agent"] == ["yan-egil-sorbo"]


def test_a_mediator_named_by_a_compound_mediates(ex):
    # "der AU-Vermittler" leading talks mediates them: the AU takes no part
    a = analyse(
        ex, "Geführt hatte die Verhandlungen zwischen Sudan und Südsudan der AU-Vermittler."
    )
    ev = only(a, "Negotiation")
    assert ("mediator", "african-union") in {(r.value, k) for r, k in ev.roles}
    assert ("participant", "african-union") not in {(r.value, k) for r, k in ev.roles}


def test_a_revolutionary_leader_and_state_radio(ex):
    a = analyse(
        ex,
        "Der libysche Rundfunk meldete, Revolutionsführer Muammar al-Gaddafi sei unverletzt.",
    )
    assert ("muammar-gaddafi", "leader", "libya") in positions(a)
    assert roles(only(a, "Statement")) == {("agent", "libya")}


def test_a_nominative_title_after_a_thing_the_parse_took_for_the_subject(ex):
    # "der katarische Emir" is nominative: he mediated the agreement (object first)
    a = analyse(ex, "Vermittelt hatte die Einigung der katarische Emir Tamim bin Hamad Al Thani.")
    assert ("agent", "tamim-bin-hamad-al-thani") in roles(only(a, "Mediation"))
    # "der Gemeinschaft" is a feminine genitive: no subject of "stationiert"
    a = analyse(ex, "Dort sollen Friedenstruppen der GUS stationiert werden.")
    assert not of_class(a, "Deployment")


def test_consisting_of_is_no_meeting(ex):
    # the parse hangs "aus russischen Soldaten" on "im Wesentlichen", not on the verb
    a = analyse(
        ex,
        "Die Truppe der GUS, die sich nach Moskauer Angaben im Wesentlichen aus russischen "
        "Soldaten zusammensetzen wird, bleibt.",
    )
    assert not of_class(a, "Meeting")


def test_a_name_with_a_number_keeps_it(ex):
    # "M4" (a highway) is no spelling of "M-18" (Barrio 18): numbers are part of a name
    a = analyse(ex, "Die Kolonnen rückten über die Fernstraße M4 nach Norden vor.")
    assert "barrio-18" not in {k for m in a.mentions for k in m.keys}


def test_a_verb_after_a_closed_relative_clause_is_the_main_clause_s(ex):
    # ", und verlangte": the comma closed the relative clause; Kenyatta demands
    a = analyse(
        ex,
        "Ihr Vorsitzender, Kenias Präsident Uhuru Kenyatta, sprach von einem Vorgang, der wie "
        "ein Putsch aussehe, und verlangte die Rückkehr zur Ordnung.",
    )
    assert ("agent", "uhuru-kenyatta") in roles(only(a, "Demand"))


def test_a_justification_speaks_and_reported_speech_goes_on(ex):
    a = analyse(
        ex,
        "Präsident Emmanuel Macron begründete den Einsatz mit der Bedrohung durch "
        "Islamisten. Die Lage sei „ernst und gefährlich“.",
    )
    st = of_class(a, "Statement")
    assert {(e.sentence, k) for e in st for r, k in e.roles if r.value == "agent"} == {
        (0, "emmanuel-macron"),
        (1, "emmanuel-macron"),
    }
    assert [e.quote for e in st if e.sentence == 1] == ["ernst und gefährlich"]


def test_a_known_surname_closing_a_longer_name_is_no_link(ex):
    # "García" alone is a known person's surname; "Pedro García" is someone else
    a = analyse(
        ex,
        "Als Vermittler schlugen die Rebellen den Bischof von Tapachula, Pedro Ruiz García, "
        "vor, der sich dazu bereit erklärte.",
    )
    keys = {k for m in a.mentions for k in m.keys}
    assert "antonio-garcia-eln" not in keys and "pedro-ruis-garkia" in keys


def test_weder_noch_on_the_subjects_of_a_membership_noun(ex):
    a = analyse(ex, "Weder Israel noch Iran sind Mitglieder der Arabischen Liga.")
    assert facts(a, FactKind.NOT_MEMBER) == {("israel", "arab-league"), ("iran", "arab-league")}
    assert not facts(a, FactKind.MEMBER)
    # "nicht nur" negates nothing
    a = analyse(ex, "Nicht nur Israel ist Mitglied der Vereinten Nationen.")
    assert facts(a, FactKind.MEMBER) == {("israel", "united-nations")}


def test_members_after_an_inverted_zaehlen_zu(ex):
    a = analyse(ex, "Zu den Gründungsmitgliedern der Afrikanischen Union zählen Ghana und Nigeria.")
    assert facts(a, FactKind.MEMBER) == {("ghana", "african-union"), ("nigeria", "african-union")}


def test_a_member_of_a_body_behind_an_extended_attribute(ex):
    for text, member in (
        ("Togo ist Gründungsmitglied der 1975 ins Leben gerufenen Ecowas.", ("togo", "ecowas")),
        ("Ghana ist Gründungsmitglied der 1963 in Addis Abeba ins Leben gerufenen OAU.",
         ("ghana", "oau")),
    ):  # fmt: skip
        assert facts(analyse(ex, text), FactKind.MEMBER) == {member}, text


def test_a_state_compared_with_the_members_is_one_too(ex):
    a = analyse(ex, "Ruanda und Burundi gehören der EAC ebenso an wie Tansania.")
    assert facts(a, FactKind.MEMBER) == {("rwanda", "eac"), ("burundi", "eac"), ("tanzania", "eac")}


def test_dessen_land_is_the_state_of_the_person_before(ex):
    a = analyse(
        ex,
        "Der kasachische Präsident Kassym-Schomart Tokajew, dessen Land der OVKS angehört, "
        "sprach in Astana.",
    )
    assert ("kazakhstan", "csto") in facts(a, FactKind.MEMBER)


def test_a_relative_possessive_opens_a_clause_not_a_conjunct(ex):
    # "dessen Truppen" is no second subject of "lehnte ab"
    a = analyse(ex, "Äthiopien, dessen Truppen in Somalia kämpfen, lehnte den Plan ab.")
    assert roles(only(a, "Rejection")) == {("agent", "ethiopia")}


def test_a_fronted_accusative_demonstrative_phrase_is_no_subject(ex):
    a = analyse(ex, "Diesen Bericht nannte Kiew eine »glatte Lüge«.")
    assert roles(only(a, "Rejection")) == {("agent", "ukraine")}


def test_an_expelled_state_is_no_member(ex):
    for text in (
        "Mali wurde 2022 aus der Ecowas ausgeschlossen.",
        "Die Ecowas schloss Mali aus.",
    ):
        assert facts(analyse(ex, text), FactKind.NOT_MEMBER) == {("mali", "ecowas")}, text
    # ruled out, or not yet expelled
    for text in (
        "Die Nato schloss einen Einsatz in Mali aus.",
        "Mali wird aus der Ecowas ausgeschlossen.",
    ):
        assert not facts(analyse(ex, text), FactKind.NOT_MEMBER), text


def test_a_name_in_the_opening_phrase_is_no_subject(ex):
    # the parse took "Nord-Kivu" for the subject and gave the verb two objects
    a = analyse(
        ex, "In der ostkongolesischen Provinz Nord-Kivu griffen Rebellen der M23 ein Dorf an."
    )
    assert roles(only(a, "MilitaryAction")) == {("agent", "m23"), ("location", "north-kivu")}


def test_a_part_of_a_region_locates_the_event(ex):
    a = analyse(ex, "Im Süden des Libanon griff die israelische Armee Stellungen der Hisbollah an.")
    assert ("location", "lebanon") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Im Norden von Syrien griff die Türkei Stellungen der PKK an.")
    assert ("location", "syria") in roles(only(a, "MilitaryAction"))


def test_a_group_with_its_article_after_an_event_noun_is_its_genitive(ex):
    # "der Rebellen" opens with its own article: a genitive, no close apposition
    a = analyse(ex, "Der Angriff der Rebellen auf die Kaserne forderte 20 Todesopfer.")
    assert ("agent", "t/rebellen") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Bei Angriffen der Rebellen auf Aschkelon starben 40 Menschen.")
    assert ("agent", "t/rebellen") in roles(only(a, "MilitaryAction"))


def test_er_is_the_subject_where_the_parse_made_it_the_object(ex):
    a = analyse(
        ex,
        "Der Anführer der Hisbollah, Hassan Nasrallah, sprach in Beirut. "
        "Eine Entwaffnung der Miliz lehnte er ab.",
    )
    assert roles(only(a, "Rejection")) == {("agent", "hassan-nasrallah")}


def test_a_titled_name_glued_to_a_place_name_is_the_verb_s_object(ex):
    # the parse reads "Santiago Präsident Augusto Pinochet" as one name
    a = analyse(
        ex,
        "Rom (dpa) – Der Gesandte des Papstes, Kardinal Antonio Samorè, traf am Montag in "
        "Santiago Präsident Augusto Pinochet.",
    )
    meeting = [e for e in a.events if e.event_class == "Meeting"]
    assert len(meeting) == 1
    assert {(r.value, k) for r, k in meeting[0].roles} >= {
        ("agent", "antonio-samore"),
        ("participant", "augusto-pinochet"),
        ("location", "santiago-de-chile"),
    }


def test_a_span_of_time_the_parse_took_for_the_subject_does_not_act(ex):
    a = analyse(
        ex,
        "Wenige Stunden zuvor hatte UNO-Generalsekretär Ban Ki-moon ein Ende der Gewalt verlangt.",
    )
    assert roles(only(a, "CeasefireDemand")) == {("agent", "ban-ki-moon")}


def test_a_framing_noun_takes_its_class_from_its_own_phrase(ex):
    # the clause's "zu Verhandlungen" is what is urged, not what the meeting was
    a = analyse(
        ex,
        "Scholz hatte Erdoğan am Montag bei einem Treffen in Ankara zu Verhandlungen gedrängt.",
    )
    assert only(a, "Meeting").trigger.pattern == "talks-frame-in"
    assert not of_class(a, "Negotiation")
    # the noun's own phrase still upgrades it: a phone call
    a = analyse(ex, "Bei einem kurzen Telefongespräch mit Putin forderte Scholz eine Waffenruhe.")
    assert only(a, "PhoneCall").trigger.pattern == "talks-frame-in"


def test_a_meeting_in_a_body_named_by_its_building_is_in_its_city(ex):
    a = analyse(ex, "Biden empfing Selenskyj am Freitag im Weißen Haus.")
    assert ("location", "washington-dc") in roles(only(a, "Meeting"))
    a = analyse(ex, "Macron traf Scholz am Dienstag im Élysée-Palast.")
    assert ("location", "paris") in roles(only(a, "Meeting"))


def test_a_phrase_on_a_noun_that_does_not_take_it_is_the_verbs(ex):
    # the parse hangs "bei Putin" on "Rede"; a speech is not held "bei" anyone, the
    # apology is made to someone
    a = analyse(
        ex, "Alijew entschuldigte sich am Donnerstag in einer Rede bei Putin für den Abschuss."
    )
    assert ("addressee", "vladimir-putin") in roles(only(a, "Apology"))
    # a call that frames the act shares the phrase: the call is with Erdoğan, and so is
    # the apology
    a = analyse(
        ex,
        "Putin entschuldigte sich am Montag in einem Telefonat bei Präsident Erdoğan für den "
        "Abschuss.",
    )
    assert ("addressee", "recep-tayyip-erdogan") in roles(only(a, "Apology"))
    assert ("participant", "recep-tayyip-erdogan") in roles(only(a, "PhoneCall"))
    # a noun that takes the phrase keeps it: "nach einem Treffen mit X" is no party to
    # the agreement
    a = analyse(
        ex,
        "Nach einem Treffen mit Putin einigten sich Armenien und Aserbaidschan auf eine "
        "Waffenruhe.",
    )
    assert ("participant", "vladimir-putin") not in roles(only(a, "CeasefireAgreement"))


def test_a_zu_infinitive_has_no_subject_of_its_own(ex):
    # "Soldaten" is who was attacked; the accused did it, as the accuser claims
    a = analyse(ex, "Die Armee warf der Miliz Al-Shabaab vor, Soldaten angegriffen zu haben.")
    attack = only(a, "MilitaryAction")
    assert ("agent", "al-shabaab") in roles(attack)
    assert ("agent", "t/soldaten") not in roles(attack)


@pytest.mark.parametrize(
    ("text", "cls", "agent", "addressees"),
    [
        ("Offenbar hat der Iran Israel in der Nacht angegriffen.", "MilitaryAction",
         "iran", {"israel"}),
        ("Am Montag hat Außenminister Sergej Lawrow Armenien und Aserbaidschan zu Gesprächen "
         "aufgerufen.", "Demand", "sergey-lavrov", {"armenia", "azerbaijan"}),
        ("Russland habe die Stadt bombardiert, warf Präsident Selenskyj Moskau vor.",
         "Accusation", "volodymyr-zelenskyy", {"russia"}),
    ],
)  # fmt: skip
def test_a_name_the_parse_glues_to_the_subject_is_the_object(ex, text, cls, agent, addressees):
    # the parse reads two adjacent names as one ("der Iran Israel"); the mentions are two,
    # and the second is the verb's object, not a second subject
    ev = only(analyse(ex, text), cls)
    assert {r for r in roles(ev) if r[0] == "agent"} == {("agent", agent)}
    assert {r for r in roles(ev) if r[0] == "addressee"} == {("addressee", a) for a in addressees}


@pytest.mark.parametrize(
    "text",
    [
        "Russland habe die Stadt bombardiert, sagte Selenskyj in Kiew.",
        "Russland habe die Stadt bombardiert, warf Präsident Selenskyj Moskau vor.",
    ],
)
def test_the_place_of_a_reporting_clause_is_not_that_of_the_report(ex, text):
    attack = only(analyse(ex, text), "MilitaryAction")
    assert not {r for r in roles(attack) if r[0] == "location"}, roles(attack)


# -- a preposition read as a conjunction, "der" before a feminine, adjective + delegation --
def test_a_phrase_opened_by_waehrend_before_the_verb_is_no_clause(ex):
    # "Während der Beratungen hatte …": the verb follows the phrase, so it is a phrase;
    # the clause the parse subordinated is the main one, and its subject speaks
    a = analyse(
        ex,
        "Während der Beratungen hatte die serbische Delegation Pristina vorgeworfen, seine "
        "Polizei habe die Abmachung gebrochen.",
    )
    acc = only(a, "Accusation")
    assert ("agent", "serbia") in roles(acc)
    assert ("agent", "kosovo") not in roles(acc)
    # a real clause ("während der Präsident sprach,") stays one
    a = analyse(ex, "Während der Präsident sprach, griffen Rebellen die Stadt Goma an.")
    assert ("location", "goma") in roles(only(a, "MilitaryAction"))


def test_a_state_adjective_names_the_delegation_that_acts(ex):
    acc = only(analyse(ex, "Die armenische Delegation warf Baku Provokationen vor."), "Accusation")
    assert {("agent", "armenia"), ("addressee", "azerbaijan")} <= roles(acc)


@pytest.mark.parametrize(
    "text",
    [
        "Der Regierung Kenias hatte Mogadischu wiederholt vorgeworfen, die Grenze zu verletzen.",
        "Der Führung in Nairobi warf Mogadischu Provokationen vor.",
    ],
)
def test_der_before_a_feminine_noun_is_no_subject(ex, text):
    # "der Regierung" is a dative: the bare name after the verb accuses
    acc = only(analyse(ex, text), "Accusation")
    assert {("agent", "somalia"), ("addressee", "kenya")} <= roles(acc), roles(acc)


def test_a_verb_after_und_shares_the_subject_of_the_verb_before(ex):
    # the parse coordinated "warf" with the noun "Fernsehsender": the accuser is the
    # subject of "nannte", not the man named
    a = analyse(
        ex,
        "Präsident Ruto nannte Präsident Museveni im Fernsehsender KTN einen Lügner und warf "
        "ihm vor, die Grenze zu verletzen.",
    )
    acc = [e for e in of_class(a, "Accusation") if e.trigger.pattern == "accuse"]
    assert len(acc) == 1
    assert ("agent", "william-ruto") in roles(acc[0])
    assert ("agent", "museveni") not in roles(acc[0])


def test_a_name_in_capitals_is_no_plural(ex):
    # HanTa lemmatises "UN-Generalversammlung" as "Un-generalversammlung": the form differs
    # from the lemma only in letter case, so it is no plural that the singular verb
    # cannot agree with; and what the call asks to stop, several words on, is a ceasefire
    a = analyse(
        ex,
        "Mit 50 gegen 8 Stimmen forderte die UN-Generalversammlung Eritrea auf, jeden "
        "bewaffneten Angriff auf das Nachbarland sofort einzustellen.",
    )
    demand = only(a, "CeasefireDemand")
    assert {("agent", "un-general-assembly"), ("addressee", "eritrea")} <= roles(demand)
