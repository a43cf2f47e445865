"""Events and roles on self-written sentences (Ukraine, Sudan, Gaza, Sahel, Jemen, Kongo)."""

import pytest
from extract_helpers import analyse, of_class
from extract_helpers import roles as roles_of

from kg.articles import parse_article_text
from kg.vocabulary import EventProperty, RoleProperty


def events(ex, body, date="2023-05-12"):
    art = parse_article_text(f"date {date} Test\n{body}\n", identifier="t.txt", origin="t.txt")
    a = ex.analyse(art)
    return [(e.event_class, sorted((r.value, k) for r, k in e.roles), e) for e in a.events]


def test_separable_verb_meeting_with_host_and_place(ex):
    evs = events(
        ex,
        "Auf Einladung Saudi-Arabiens kamen am Samstag Vertreter der Armee und der RSF in Dschidda zusammen.",  # noqa: E501 (German test sentence)
    )
    cls, roles, ev = evs[0]
    assert cls == "Meeting"
    assert ("agent", "saudi-arabia") in roles
    assert ev.date == ("2023-05-06", "date")


def test_ceasefire_demand_with_addressees_and_mediation_offer(ex):
    evs = events(
        ex,
        "Die Ukraine und Russland kämpfen weiter. Der türkische Präsident Recep Tayyip Erdoğan hat "
        "beide Seiten zu einer Waffenruhe aufgefordert und die Vermittlung seines Landes angeboten.",  # noqa: E501 (German test sentence)
    )
    by = {c: r for c, r, _ in evs}
    assert ("agent", "recep-tayyip-erdogan") in by["CeasefireDemand"]
    assert {("addressee", "ukraine"), ("addressee", "russia")} <= set(by["CeasefireDemand"])
    assert ("agent", "recep-tayyip-erdogan") in by["MediationOffer"]


def test_agreement_reflexive_with_mediator(ex):
    evs = events(
        ex,
        "Israel und die Hamas haben sich unter Vermittlung Katars auf eine Feuerpause im Gazastreifen geeinigt.",  # noqa: E501 (German test sentence)
    )
    cls, roles, ev = evs[0]
    assert cls == "CeasefireAgreement"
    assert ("participant", "israel") in roles and ("mediator", "qatar") in roles
    assert "Feuerpause" in ev.topics


def test_negation_gives_no_event(ex):
    evs = events(ex, "Mali hat die Wagner-Gruppe nicht unterstützt.")
    assert not [e for e in evs if e[0] == "Endorsement"]


def test_passive_with_von_agent(ex):
    evs = events(ex, "Die Gespräche in Doha wurden von Katar vermittelt.")
    assert evs[0][0] == "Mediation" and ("agent", "qatar") in evs[0][1]


def test_accusation_claims_the_described_event(ex):
    evs = events(
        ex,
        "Die Huthi und Saudi-Arabien werfen sich gegenseitig vor, die Waffenruhe gebrochen zu haben.",  # noqa: E501 (German test sentence)
    )
    by = {c: e for c, _r, e in evs}
    assert set(by["Accusation"].actors(RoleProperty.AGENT)) == set(
        by["Accusation"].actors(RoleProperty.ADDRESSEE)
    )
    assert set(by["MilitaryAction"].claimed_by) == set(by["Accusation"].actors(RoleProperty.AGENT))
    assert by["Accusation"].claimed_by == ()


def test_a_clause_coordinated_after_an_accusation_is_the_accuser_s_own_act(ex):
    evs = events(
        ex,
        "Präsident Nicolás Maduro warf Kolumbien eine Provokation vor und rief die Armee zur "
        "Wachsamkeit auf.",
    )
    (call,) = [e for c, _r, e in evs if c == "Demand"]
    assert call.claimed_by == ()
    assert call.actors(RoleProperty.AGENT) == ("nicolas-maduro",)
    # what the accusation alleges stays the accuser's claim
    evs = events(
        ex, "Kolumbien warf Venezuela vor, die Grenze verletzt und Dörfer beschossen zu haben."
    )
    (shelled,) = [e for c, _r, e in evs if c == "MilitaryAction"]
    assert shelled.claimed_by == ("colombia",)


def test_a_quotation_over_two_sentences_is_the_speaker_s_who_closes_it(ex):
    evs = events(
        ex,
        "Die Polizei meldete Erfolge. „Wir haben gesiegt. Wir haben der Stadt den Frieden "
        "gebracht“, sagte Oberst Tiago Moreira.",
    )
    said = [(e.actors(RoleProperty.AGENT), e.quote) for c, _r, e in evs if e.quote]
    assert said == [
        (("tiago-moreira",), "Wir haben gesiegt. Wir haben der Stadt den Frieden gebracht")
    ]


def test_a_verb_coordinated_under_a_modal_shares_it(ex):
    # what the group wanted to do is no event, the second verb no more than the first
    evs = events(ex, "Die Rebellen wollten die Kaserne stürmen und den Gouverneur töten.")
    assert not [c for c, _r, _e in evs if c == "MilitaryAction"]
    evs = events(ex, "Die Rebellen stürmten die Kaserne und töteten den Gouverneur.")
    assert len([c for c, _r, _e in evs if c == "MilitaryAction"]) == 2


def test_quote_statement(ex):
    evs = events(ex, "„Wir werden nicht aufgeben“, sagte Felix Tshisekedi.")
    st = next(e for c, _r, e in evs if c == "Statement")
    assert st.quote == "Wir werden nicht aufgeben"
    assert st.actors(RoleProperty.AGENT)


_LEAD = "Kigali – Ruanda und Burundi haben ein Abkommen über ihre Grenze unterzeichnet."


@pytest.mark.parametrize(
    ("after", "day"),
    [
        # the lead in the perfect leaves the day to the next sentence of its paragraph
        (" Die Zeremonie leitete am Mittwoch der tansanische Präsident.", "2023-05-10"),
        # "hatten … am Montag begonnen" reports something earlier than the lead's news
        (" Die Gespräche hatten am Montag begonnen.", "2023-05-12"),
        # a day of the next paragraph is another story's
        ("\n\nAm Mittwoch demonstrierten in Bujumbura Hunderte Menschen.", "2023-05-12"),
    ],
)
def test_an_undated_lead_takes_the_day_its_paragraph_names(ex, after, day):
    evs = events(ex, _LEAD + after, date="2023-05-12")
    signed = next(e for c, _, e in evs if c == "Agreement")
    assert signed.date == (day, "date")


def test_a_past_form_read_as_a_participle_is_the_finite_verb(ex):
    # HanTa tags "besetzten"/"verstärkte" as adjectives: the sentence then has no verb
    evs = events(ex, "Damals besetzten türkische Truppen den Norden der Insel.", date="1974-07-30")
    assert [(c, r) for c, r, _ in evs] == [("MilitaryAction", [("agent", "turkey")])]
    evs = events(ex, "Russland verstärkte seine Truppen an der Grenze.")
    assert [(c, r) for c, r, _ in evs] == [("Deployment", [("agent", "russia")])]
    # a mixed verb's past, which no participle analysis gives back
    evs = events(ex, "Die Vereinten Nationen entsandten Soldaten nach Kigali.")
    assert [c for c, _, _ in evs] == ["Deployment"]
    assert ("agent", "united-nations") in evs[0][1]


def test_a_participle_after_an_article_stays_an_attribute(ex):
    assert events(ex, "Die besetzten Gebiete an der Grenze.") == []


def test_state_adjective_before_a_weapon_or_force_names_the_attacker(ex):
    # "Drohnen" is tagged as a nominalised adjective (NNA); "Blauhelme", "Raketen" are forces
    for body, state in (
        ("Ukrainische Drohnen griffen eine Raffinerie an.", "ukraine"),
        ("Kenianische Blauhelme griffen die Stellungen der Miliz an.", "kenya"),
        ("Russische Raketen trafen ein Wohnhaus in Kiew.", "russia"),
    ):
        evs = events(ex, body)
        assert [c for c, _, _ in evs] == ["MilitaryAction"], body
        assert ("agent", state) in evs[0][1], body


def test_a_signing_named_by_a_noun_with_its_signatories(ex):
    for body in (
        "Nach der Unterzeichnung des Abkommens durch Kenia und Somalia feierten Tausende.",
        "Die Unterzeichnung des Abkommens zwischen Kenia und Somalia fand in Nairobi statt.",
    ):
        evs = events(ex, body)
        assert [c for c, _, _ in evs] == ["Agreement"], body
        assert {("participant", "kenya"), ("participant", "somalia")} <= set(evs[0][1]), body


def test_a_framed_attack_and_its_passive_with_the_same_agent_are_one_event(ex):
    # "durch" names the attacker of the noun; the passive "getötet" tells the same attack
    evs = events(ex, "Bei dem Angriff durch russische Truppen wurden zwölf Menschen getötet.")
    assert [(c, r) for c, r, _ in evs] == [("MilitaryAction", [("agent", "russia")])]


def test_blame_for_fighting_is_no_fighting(ex):
    # "die Schuld an den Kämpfen geben" blames; it tells no clash of its own
    evs = events(ex, "Kenia gab Somalia die Schuld an den Kämpfen.")
    assert [c for c, _, _ in evs] == ["Accusation"]


def test_an_attack_someone_is_blamed_for_is_the_accused_s_as_the_accuser_claims(ex):
    evs = events(
        ex, "Georgien machte die Separatisten für den Raketenangriff auf Gori verantwortlich."
    )
    (attack,) = [e for c, _r, e in evs if c == "MilitaryAction"]
    (blame,) = [e for c, _r, e in evs if c == "Accusation"]
    assert attack.claimed_by == blame.actors(RoleProperty.AGENT) == ("georgia",)
    assert attack.actors(RoleProperty.AGENT) == blame.actors(RoleProperty.ADDRESSEE)
    assert ("location", "gori") in roles_of(attack)
    # the responsibility of someone named in the phrase is no act of the clause's subject
    evs = events(
        ex,
        "Der Präsident begründete die Strafmaßnahmen mit der Verantwortung Syriens für den "
        "Anschlag.",
    )
    assert not [e for c, _r, e in evs if c == "MilitaryAction"]


def test_responsibility_taken_for_an_attack_is_a_claim_of_it(ex):
    evs = events(ex, "Die Miliz übernahm die Verantwortung für den Anschlag in Mogadischu.")
    assert [c for c, _r, _e in evs] == ["Statement"]
    # a raid, a hostage-taking or "die Tat" is claimed as an attack is
    evs = events(ex, "Die Terrormiliz al-Shabaab reklamierte den Überfall für sich.")
    assert [c for c, _r, _e in evs] == ["Statement"]
    evs = events(ex, "Zu der Tat bekannte sich die Terrormiliz al-Shabaab.")
    assert [c for c, _r, _e in evs] == ["Statement"]


def test_the_envoy_summoned_is_his_state_not_a_compatriot_with_another_office(ex):
    evs = events(
        ex,
        "Algier – Ministerpräsident Karim Benali sprach in Algier. Japan bestellte den "
        "algerischen Botschafter ein.",
    )
    (summoned,) = [e for c, _r, e in evs if c == "Accusation"]
    assert roles_of(summoned) == {("agent", "japan"), ("addressee", "algeria")}
    evs = events(ex, "Der Minister übernahm die Verantwortung für die Wahlniederlage.")
    assert not evs


def test_a_state_adjective_before_a_military_target_names_the_side_attacked(ex):
    for body, roles in (
        (
            "Aserbaidschanische Truppen beschossen armenische Stellungen.",
            [("addressee", "armenia"), ("agent", "azerbaijan")],
        ),
        (
            "Armenische Stellungen bei Goris wurden beschossen.",
            [("addressee", "armenia"), ("location", "goris")],
        ),
    ):
        assert [(c, r) for c, r, _ in events(ex, body)] == [("MilitaryAction", roles)], body


@pytest.mark.parametrize(
    "second",
    [
        "Kurz zuvor hatten kenianische Kampfflugzeuge Stellungen der Miliz bombardiert.",
        "Kenianische Kampfflugzeuge bombardierten daraufhin Stellungen der Miliz.",
        "Kurz darauf hatten kenianische Kampfflugzeuge Stellungen der Miliz bombardiert.",
        "Wenige Tage später bombardierten kenianische Kampfflugzeuge Stellungen der Miliz.",
    ],
)
def test_an_event_told_as_following_another_is_dated_by_its_month(ex, second):
    first = "Im März 2019 griff die Miliz Al-Shabaab einen Stützpunkt in Lamu an. "
    a = analyse(ex, first + second)
    strikes = [e for e in of_class(a, "MilitaryAction") if ("agent", "kenya") in roles_of(e)]
    assert [e.date for e in strikes] == [("2019-03", "gYearMonth")]


@pytest.mark.parametrize(
    ("second", "date"),
    [
        # no word of sequence: the article's date
        ("Kenianische Kampfflugzeuge bombardierten Stellungen der Miliz.", ("2019-05-02", "date")),
        # years before: the year it names, not the month of the event told before
        ("Zwei Jahre zuvor hatten kenianische Kampfflugzeuge Stellungen der Miliz bombardiert.",
         ("2017", "gYear")),
    ],
)  # fmt: skip
def test_an_event_not_told_as_following_keeps_its_own_date(ex, second, date):
    first = "Im März 2019 griff die Miliz Al-Shabaab einen Stützpunkt in Lamu an. "
    a = analyse(ex, first + second, date="2019-05-02")
    strikes = [e for e in of_class(a, "MilitaryAction") if ("agent", "kenya") in roles_of(e)]
    assert [e.date for e in strikes] == [date]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # a perfect passive is as recent as the report: dated by the article's day
        ("Ein Stützpunkt der Armee Nigers ist von Kämpfern des IS angegriffen worden.",
         ("2019-12-11", "date")),
        ("Stellungen der Rebellen sind von Kampfflugzeugen Nigers bombardiert worden.",
         ("2019-12-11", "date")),
        # a pluperfect passive happened before it, on a day not said
        ("Ein Stützpunkt der Armee Nigers war von Kämpfern des IS angegriffen worden.", None),
    ],
)  # fmt: skip
def test_a_perfect_passive_is_dated_by_the_report_a_pluperfect_one_is_not(ex, body, date):
    a = analyse(ex, body, date="2019-12-11")
    assert [e.date for e in of_class(a, "MilitaryAction")] == [date]


def test_talks_going_on_since_a_month_are_dated_by_it(ex):
    a = analyse(ex, "Seit März 2023 verhandeln Kenia und Somalia in Nairobi.", date="2023-09-01")
    assert only_negotiation(a).date == ("2023-03", "gYearMonth")


def only_negotiation(a):
    (ev,) = of_class(a, "Negotiation")
    return ev


def test_a_following_event_is_dated_by_the_time_told_before_not_by_a_later_clause(ex):
    # "im Mai" belongs to the relative clause; "kurz darauf" follows the April of the
    # sentence before
    a = analyse(
        ex,
        "Der König hatte im April die Macht abgeben müssen. Die Rebellen hatten kurz darauf "
        "eine Waffenruhe ausgerufen, der sich die Regierung im Mai anschloss.",
        date="2006-11-21",
    )
    truce = [e for e in a.events if e.event_class == "CeasefireAgreement"]
    assert truce and truce[0].date == ("2006-04", "gYearMonth"), [e.date for e in truce]


def test_fighting_without_a_place_is_where_the_fighting_told_just_before_was(ex):
    a = analyse(
        ex,
        "Kämpfer der Al-Shabaab griffen am Montag ein Hotel in Mogadischu an. Am Dienstag "
        "stürmten Soldaten der somalischen Armee das Gebäude.",
    )
    storm = [e for e in of_class(a, "MilitaryAction") if ("agent", "somalia") in roles_of(e)]
    assert [e.actors(EventProperty.LOCATION) for e in storm] == [("mogadishu",)]


def test_what_someone_says_happened_takes_no_place_from_the_story(ex):
    # reported speech in the second subjunctive: the claim is placed by its own words only
    a = analyse(
        ex,
        "Kämpfer der Al-Shabaab griffen am Montag ein Hotel in Mogadischu an. Zwei ihrer "
        "Kämpfer hätten Sprengsätze gezündet, hieß es in einer Erklärung der Miliz.",
    )
    claimed = [e for e in of_class(a, "MilitaryAction") if e.claimed_by]
    assert claimed and all(not e.actors(EventProperty.LOCATION) for e in claimed)
