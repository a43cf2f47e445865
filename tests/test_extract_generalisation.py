"""General German/domain rules on self-written sentences about yet other conflicts
(Libyen, Jemen, Sahel, Kongo, Myanmar): names with particles, hosting, nominal
mediation, calls inside a phone call, agreements of "Vertreter der X und der Y"."""

import pytest
from extract_helpers import analyse

from kg.vocabulary import RoleProperty


def events(ex, body, date="2024-03-15"):
    a = analyse(ex, body, date)
    return [(e.event_class, sorted((r.value, k) for r, k in e.roles), e) for e in a.events]


def test_name_with_particles_after_title_is_one_person(ex):
    a = analyse(
        ex,
        "Der libysche Ministerpräsident Abdul Hamid Dbeibah traf den saudischen "
        "Außenminister Faisal bin Farhan Al Saud in Tripolis.",
    )
    people = {m.keys[0]: m.offices for m in a.mentions if m.keys and "bin" in m.text}
    assert list(people) == ["faisal-bin-farhan"]
    assert people["faisal-bin-farhan"] == (("foreign-minister", "saudi-arabia", False),)


def test_lowercase_article_prefix_name_after_genitive_title(ex):
    a = analyse(
        ex,
        "Der Anführer der Miliz in Darfur, Musa al-Hilali, wies die Vorwürfe zurück.",
    )
    keys = [m.keys[0] for m in a.mentions if m.keys]
    assert "musa-al-hilali" in keys
    rejection = [e for e in a.events if e.event_class == "Rejection"]
    assert rejection and rejection[0].actors()[0] == "musa-al-hilali"


def test_agreement_of_representatives_of_two_groups_with_passive_mediators(ex):
    evs = events(
        ex,
        "Vertreter der malischen Armee und der Tuareg-Rebellen haben sich in Algier auf ein "
        "Friedensabkommen verständigt. Die Verhandlungen wurden von Algerien vermittelt.",
    )
    agreements = [r for c, r, _ in evs if c == "Agreement"]
    assert agreements, evs
    roles = set(agreements[0])
    assert ("participant", "mali") in roles
    assert ("mediator", "algeria") in roles


def test_fighters_of_a_group_are_the_attacker(ex):
    evs = events(ex, "Kämpfer der M23 haben am Dienstag die Stadt Goma angegriffen.")
    attacks = [r for c, r, _ in evs if c == "MilitaryAction"]
    assert attacks and ("agent", "m23") in attacks[0]


def test_demand_inside_a_phone_call_gives_two_events(ex):
    evs = events(
        ex,
        "Der nigerianische Präsident Bola Tinubu rief in einem Telefongespräch mit dem "
        "malischen Präsidenten Assimi Goïta zu einem Ende der Kämpfe auf.",
    )
    by = {c: r for c, r, _ in evs}
    assert ("agent", "bola-tinubu") in by["CeasefireDemand"]
    assert ("agent", "bola-tinubu") in by["PhoneCall"]
    assert ("participant", "assimi-goita") in by["PhoneCall"]


def test_mediation_noun_with_light_verb_but_not_under_mediation(ex):
    evs = events(ex, "Angola verstärkt seine Vermittlungsbemühungen zwischen Kongo und Ruanda.")
    by = {c: r for c, r, _ in evs}
    assert ("agent", "angola") in by["Mediation"]
    assert ("participant", "rwanda") in by["Mediation"]
    evs = events(
        ex,
        "Die Konfliktparteien verpflichteten sich, unter Vermittlung Algeriens "
        "Gespräche aufzunehmen.",
    )
    assert "Mediation" not in {c for c, _, _ in evs}


def test_hosting_a_delegation_is_a_meeting_with_the_host_as_agent(ex):
    evs = events(
        ex,
        "Der kenianische Präsident William Ruto empfing die Delegationen am Montag in Nairobi.",
    )
    meetings = [r for c, r, _ in evs if c == "Meeting"]
    assert meetings and ("agent", "william-ruto") in meetings[0]
    # receiving weapons is no meeting
    evs = events(ex, "Die ukrainische Armee hat neue Panzer aus Polen empfangen.")
    assert "Meeting" not in {c for c, _, _ in evs}


def test_bundes_title_names_germany(ex):
    a = analyse(ex, "Bundesverteidigungsminister Boris Pistorius besuchte am Montag Niamey.")
    offices = [m.offices for m in a.mentions if m.cls == "Person"]
    assert offices == [(("defence-minister", "germany", False),)]


def test_agreement_subject_with_genitive_attribute_and_onset_date(ex):
    evs = events(
        ex,
        "Die Armee und die Kachin Independence Army (KIA) des Generals N'Ban La haben in "
        "Myitkyina ein Abkommen über eine Waffenruhe unterzeichnet. Die KIA hatte im "
        "Oktober 2023 eine Offensive im Norden begonnen.",
        date="2024-01-12",
    )
    by = {c: (r, e) for c, r, e in evs}
    roles, _ = by["CeasefireAgreement"]
    assert ("participant", "kia-kachin") in roles  # the dictionary's armed group
    _, offensive = by["MilitaryAction"]
    assert offensive.date == ("2023-10", "gYearMonth")


def test_a_temporal_als_clause_takes_the_time_of_its_main_clause(ex):
    # regression: the incursion took the article's date, not the war's onset
    a = analyse(
        ex,
        "Georgien und Abchasien unterzeichneten eine Waffenruhe. Der Krieg war im August 1992 "
        "ausgebrochen, als georgische Truppen in Abchasien einrückten.",
        date="1994-05-16",
    )
    (entered,) = [
        e
        for e in a.events
        if ("agent", "georgia") in {(r.value, k) for r, k in e.roles}
        and e.event_class == "MilitaryAction"
    ]
    assert entered.date == ("1992-08", "gYearMonth")


def test_a_date_after_vom_is_its_noun_s_not_the_verb_s(ex):
    a = analyse(
        ex,
        "Die USA waren im Oktober 2001 nach den Anschlägen vom 11. September in Afghanistan "
        "einmarschiert.",
        date="2020-03-02",
    )
    (invasion,) = [e for e in a.events if e.event_class == "MilitaryAction"]
    assert invasion.date == ("2001-10", "gYearMonth")


def test_fighting_that_goes_on_since_a_month_is_dated_by_it(ex):
    a = analyse(
        ex,
        "Seit März 2015 bekämpft eine von Saudi-Arabien angeführte Militärkoalition die "
        "Huthi-Rebellen.",
        date="2018-12-13",
    )
    (fight,) = [e for e in a.events if e.event_class == "MilitaryAction"]
    assert fight.date == ("2015-03", "gYearMonth")
    # a state that lasts is not dated by its start ("seit 1991 geltende Waffenruhe")
    a = analyse(ex, "Die seit 1991 geltende Waffenruhe wurde aufgekündigt.", date="2020-11-14")
    assert all(e.date != ("1991", "gYear") for e in a.events)


def test_the_meeting_referred_back_to_is_no_second_meeting(ex):
    a = analyse(
        ex,
        "Die Außenminister Thailands und Kambodschas trafen sich am Dienstag in Jakarta. "
        "Nach dem Treffen sagte Marty Natalegawa, die Asean habe Erfolg gehabt.",
    )
    assert len([e for e in a.events if e.event_class == "Meeting"]) == 1
    # a meeting with a partner of its own is another one
    a = analyse(
        ex,
        "Heiko Maas und Nikos Dendias trafen sich in Athen. Mevlüt Çavuşoğlu sagte nach dem "
        "Treffen mit Maas, die Türkei sei bereit.",
    )
    assert len([e for e in a.events if e.event_class == "Meeting"]) == 2


def test_attack_on_a_state_that_began_dates_the_war(ex):
    a = analyse(
        ex,
        "Russland und die Ukraine verhandeln in Istanbul. Der russische Angriff auf die "
        "Ukraine hatte am 24. Februar begonnen.",
        date="2022-03-29",
    )
    assert a.conflict is not None and a.conflict.start == ("2022-02-24", "date")


def test_a_state_that_is_party_and_place_alone_does_not_pick_its_conflict(ex):
    a = analyse(ex, "Der türkische Präsident Recep Tayyip Erdoğan begrüßte die Einigung in Genf.")
    assert a.conflict is None or a.conflict.key != "kurdish-turkish-conflict"


def test_attack_reported_by_a_government_in_a_city_is_only_claimed(ex):
    a = analyse(
        ex,
        "Nach Angaben der Behörden in Misrata hatten Haftars Truppen am Freitag den "
        "Flughafen Mitiga beschossen.",
    )
    attacks = [e for e in a.events if e.event_class == "MilitaryAction"]
    assert attacks and attacks[0].claimed_by == ("misrata",)
    assert "Statement" not in {e.event_class for e in a.events}


def test_delegation_from_states_meets_representatives_of_a_group(ex):
    evs = events(
        ex,
        "Eine Delegation aus Katar ist in Goma mit Vertretern der M23 zusammengekommen.",
    )
    meetings = [r for c, r, _ in evs if c == "Meeting"]
    assert meetings
    assert {("participant", "qatar"), ("participant", "m23")} <= set(meetings[0])


def test_state_adjective_with_government_compound_is_the_state(ex):
    evs = events(
        ex,
        "Die malische Übergangsregierung und die Tuareg-Rebellen haben in Algier ein "
        "Abkommen unterzeichnet.",
    )
    agreements = [r for c, r, _ in evs if c == "Agreement"]
    assert agreements and ("participant", "mali") in agreements[0]


def test_coordinated_members_of_an_organisation(ex):
    a = analyse(ex, "Mali und der Niger sind Mitglieder der Vereinten Nationen.")
    members = {(f.subject, f.object) for f in a.facts if f.kind.value == "member"}
    assert {("mali", "united-nations"), ("niger", "united-nations")} <= members


def test_call_partner_with_particle_name_and_demand_to_both_sides(ex):
    evs = events(
        ex,
        "Der jemenitische Präsident Raschad al-Alimi hatte mit dem saudischen Kronprinzen "
        "Mohammed bin Salman telefoniert und beide Seiten zu einer Waffenruhe aufgerufen. "
        "Die Huthi und die Regierung kämpfen seit 2014.",
    )
    by = {c: r for c, r, _ in evs}
    assert not any(k == "houthis" for _r, k in by["PhoneCall"])


def test_accused_is_the_agent_of_the_claimed_act(ex):
    a = analyse(
        ex,
        "Die malische Regierung beschuldigte Algerien, Stellungen im Norden bombardiert zu haben.",
    )
    claimed = [e for e in a.events if e.claimed_by]
    assert claimed and claimed[0].actors()[0] == "algeria"
    assert claimed[0].claimed_by == ("mali",)


def test_support_an_accusation_alleges_is_no_endorsement(ex):
    # armed help alleged ("Rebellen zu unterstützen") is no praise or endorsement (051):
    # the accusation records who accuses whom
    a = analyse(
        ex, "Die malische Regierung beschuldigte Algerien, Rebellen im Norden zu unterstützen."
    )
    assert [e.event_class for e in a.events] == ["Accusation"]
    assert a.events[0].actors(RoleProperty.ADDRESSEE) == ("algeria",)


@pytest.mark.parametrize(
    "second",
    [
        "Als Vermittler und Zeuge unterschrieb auch der Emir von Katar.",
        "Vermittelt hatte das Emirat Katar.",
    ],
)
def test_a_mediation_of_no_one_named_is_of_the_agreement_just_told(ex, second):
    a = analyse(
        ex, "Eritrea und Dschibuti unterzeichneten am Sonntag in Doha ein Abkommen. " + second
    )
    (agreement,) = [e for e in a.events if e.event_class == "Agreement"]
    assert "qatar" in agreement.actors(RoleProperty.MEDIATOR)
    assert set(agreement.actors(RoleProperty.PARTICIPANT)) == {"eritrea", "djibouti"}


def test_a_mediation_between_others_stays_apart(ex):
    a = analyse(
        ex,
        "Eritrea und Dschibuti unterzeichneten am Sonntag in Doha ein Abkommen. Katar "
        "vermittelt auch zwischen Äthiopien und Somalia.",
    )
    (agreement,) = [e for e in a.events if e.event_class == "Agreement"]
    assert not agreement.actors(RoleProperty.MEDIATOR)


def test_both_countries_are_not_the_mediator_named_last(ex):
    a = analyse(
        ex,
        "Libanon und Israel haben ihr von den USA vermitteltes Abkommen in Kraft gesetzt. "
        "Delegationen beider Länder übergaben in Nakura ihre unterzeichneten Schreiben an den "
        "US-Vermittler Amos Hochstein.",
    )
    handover = [e for e in a.events if e.event_class == "Agreement" and e.sentence == 1]
    assert handover
    assert set(handover[0].actors(RoleProperty.PARTICIPANT)) == {"lebanon", "israel"}
    assert handover[0].actors(RoleProperty.MEDIATOR) == ("amos-hochstein",)


def test_who_is_named_beside_the_subject_with_auch_takes_part_too(ex):
    a = analyse(
        ex,
        "Neben den Präsidenten Kenias und Ugandas, William Ruto und Yoweri Museveni, nahmen "
        "an dem Gipfel auch Vertreter Tansanias teil.",
    )
    (meeting,) = [e for e in a.events if e.event_class == "Meeting"]
    parts = set(meeting.actors(RoleProperty.PARTICIPANT))
    assert {"william-ruto", "yoweri-museveni", "tanzania"} <= parts
    assert not {"kenya", "uganda"} & parts  # the people, not the states of their title


def test_beside_without_auch_is_a_place_not_a_companion(ex):
    a = analyse(ex, "Neben dem Präsidenten William Ruto nahm Tansania am Gipfel in Nairobi teil.")
    meetings = [e for e in a.events if e.event_class == "Meeting"]
    assert meetings and "tanzania" in meetings[0].actors(RoleProperty.PARTICIPANT)
    assert all("william-ruto" not in e.actors(RoleProperty.PARTICIPANT) for e in meetings)
