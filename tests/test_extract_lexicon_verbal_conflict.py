"""Verbal conflict in the event lexicon: appeals and demands (CAMEO 02, 10), disapproval
(11), rejection (12) and protest (14), by CAMEO code.

Sentences written for these tests, on conflicts chosen for them (Armenia and Azerbaijan,
Serbia and Kosovo, Ethiopia and Eritrea, the Sudan, Russia and Ukraine): several per family
of expressions, each asserting the class, the CAMEO code where the object tells it, and the
roles a coder reads. False friends are tested beside them: "Opfer fordern", "verlangt viel
ab", "besteht auf beiden Seiten", "Migranten zurückweisen", "das Finale bestreiten", "aus
der Partei ausschließen", "einen Bericht zitieren", "demonstrierte Stärke", troops that
march.
"""

from __future__ import annotations

import pytest
from extract_helpers import analyse, cameo, classes, of_class, only, roles

# -- 02 appeals and 10 demands --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Frankreich plädierte für eine sofortige Waffenruhe.", "france"),
        ("Deutschland sprach sich für eine Waffenruhe im Sudan aus.", "germany"),
        ("Norwegen setzte sich für eine Feuerpause zwischen Armenien und Aserbaidschan ein.",
         "norway"),
        ("Die Ukraine rief nach einem Ende der Kämpfe.", "ukraine"),
        ("Die Ukraine bat um eine Waffenruhe.", "ukraine"),
    ],
)  # fmt: skip
def test_advocating_or_asking_for_a_ceasefire_is_a_ceasefire_demand(ex, text, agent):
    ev = only(analyse(ex, text), "CeasefireDemand")
    assert ("agent", agent) in roles(ev)
    assert cameo(ev) == "0256"


def test_suggesting_to_someone_is_a_call_and_what_it_asks_has_not_happened(ex):
    a = analyse(ex, "Die Türkei legte Armenien nahe, die Gespräche fortzusetzen.")
    assert roles(only(a, "Demand")) == {("agent", "turkey"), ("addressee", "armenia")}
    assert "Negotiation" not in classes(a)


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Die Afrikanische Union forderte den Rücktritt der Regierung.", "african-union", "104"),
        ("Die Nato forderte den Abzug der russischen Truppen.", "nato", "105"),
        ("Russland forderte die Aufhebung der Sanktionen.", "russia", "1054"),
        ("Die Vereinten Nationen riefen zur Freilassung der Geiseln auf.", "united-nations",
         "0253"),
        ("Die Nato forderte Russland zum Abzug seiner Truppen auf.", "nato", "025"),
        ("Die Europäische Union rief Serbien und den Kosovo zum Dialog auf.", "european-union",
         "026"),
        ("Die Afrikanische Union forderte eine politische Lösung des Konflikts.",
         "african-union", "107"),
        ("Die Europäische Union forderte freie Wahlen in Belarus.", "european-union", "104"),
        ("Die Vereinten Nationen riefen Myanmar zu Reformen auf.", "united-nations", "024"),
    ],
)  # fmt: skip
def test_what_a_demand_asks_for_tells_its_code(ex, text, agent, code):
    ev = only(analyse(ex, text), "Demand")
    assert ("agent", agent) in roles(ev)
    assert cameo(ev) == code


def test_whose_withdrawal_or_resignation_is_demanded_is_addressed(ex):
    for text, agent, addressee in (
        (
            "Der Sicherheitsrat verlangte den Abzug Armeniens aus Latschin.",
            "un-security-council",
            "armenia",
        ),
        ("Die Opposition forderte Putins sofortigen Rücktritt.", "t/opposition", "vladimir-putin"),
        ("Aserbaidschan forderte den Rückzug der armenischen Truppen.", "azerbaijan", "armenia"),
        # a press conference holds no talks, and the name before the noun is its possessor
        (
            "Die Opposition forderte am Montag auf einer Pressekonferenz Putins Rücktritt.",
            "t/opposition",
            "vladimir-putin",
        ),
    ):
        demand = only(analyse(ex, text), "Demand")
        assert {("agent", agent), ("addressee", addressee)} <= roles(demand), text
    # whose release is asked for is no addressee: the captors are
    demand = only(analyse(ex, "Russland forderte die Freilassung der Serben."), "Demand")
    assert roles(demand) == {("agent", "russia")}


@pytest.mark.parametrize(
    ("text", "addressees"),
    [
        ("Die Türkei verlangte, dass Griechenland seine Soldaten von den Inseln abzieht.",
         {"greece"}),
        ("Die Türkei forderte, Griechenland und Zypern müssten die Inseln räumen.",
         {"greece", "cyprus"}),
        ("Die Türkei verlangte am Montag, Griechenland solle die Inseln räumen.", {"greece"}),
    ],
)  # fmt: skip
def test_who_is_to_act_in_a_demanded_clause_is_addressed(ex, text, addressees):
    demand = only(analyse(ex, text), "Demand")
    assert {r for r in roles(demand) if r[0] == "addressee"} == {
        ("addressee", a) for a in addressees
    }
    assert ("agent", "turkey") in roles(demand)


def test_a_clause_that_only_reports_is_no_one_addressed(ex):
    # "dass" after a demand asks; a clause without a modal beside it tells, it asks nothing
    demand = only(analyse(ex, "Die Türkei verlangte Garantien, Griechenland lehnte ab."), "Demand")
    assert roles(demand) == {("agent", "turkey")}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Serbien bestand auf seiner territorialen Integrität.", "serbia"),
        ("Serbien beharrte auf der Souveränität über den Kosovo.", "serbia"),
        ("Russland pochte auf Garantien der Nato.", "russia"),
        ("Die USA drangen auf eine rasche Unterzeichnung.", "united-states"),
    ],
)
def test_insisting_is_a_demand(ex, text, agent):
    assert roles(only(analyse(ex, text), "Demand")) >= {("agent", agent)}


def test_conditions_set_are_a_demand(ex):
    a = analyse(ex, "Israel stellte Bedingungen für eine Waffenruhe.")
    assert roles(only(a, "Demand")) == {("agent", "israel")}
    assert "CeasefireDemand" not in classes(a)


def test_a_demand_framing_a_clause_names_who_made_it(ex):
    a = analyse(
        ex,
        "Nach einem Appell der Vereinten Nationen an beide Seiten öffnete Äthiopien die "
        "Grenze zu Eritrea.",
    )
    assert ("agent", "united-nations") in roles(only(a, "Demand"))
    a = analyse(
        ex,
        "Trotz der Forderung der Vereinten Nationen nach einer Waffenruhe setzte Russland "
        "die Angriffe fort.",
    )
    assert ("agent", "united-nations") in roles(only(a, "CeasefireDemand"))


@pytest.mark.parametrize(
    "text",
    [
        # "fordern" as "cost lives", "abverlangen", "bestehen" as "exist"
        "Der Krieg zwischen Armenien und Aserbaidschan forderte Tausende Todesopfer.",
        "Die Kämpfe im Sudan haben mehr als 10.000 Menschenleben gefordert.",
        "Der Konflikt verlangt Serbien viel ab.",
        "Die Gefahr einer Eskalation besteht auf beiden Seiten.",
    ],
)
def test_false_friends_of_demanding(ex, text):
    a = analyse(ex, text)
    assert not classes(a) & {"Demand", "CeasefireDemand", "AssistanceRequest"}


# -- 023 requests for aid ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "addressee", "code"),
    [
        ("Die Ukraine richtete eine Bitte um Hilfe an die Nato.", "nato", "023"),
        ("Die Ukraine forderte bei der Nato Verstärkung an.", "nato", "0234"),
        ("Die Ukraine bat die Nato um Militärhilfe.", "nato", "0232"),
        ("Die Ukraine beantragte bei der Nato Militärhilfe.", "nato", "0232"),
        ("Die Ukraine appellierte an die Vereinten Nationen um Hilfe.", "united-nations", "023"),
    ],
)
def test_aid_asked_for_by_kind(ex, text, addressee, code):
    ev = only(analyse(ex, text), "AssistanceRequest")
    assert roles(ev) == {("agent", "ukraine"), ("addressee", addressee)}
    assert cameo(ev) == code


def test_a_cry_for_help_and_a_loan(ex):
    a = analyse(ex, "Die Ukraine rief nach internationaler Hilfe.")
    assert roles(only(a, "AssistanceRequest")) == {("agent", "ukraine")}
    a = analyse(ex, "Die Ukraine bat die Europäische Union um einen Kredit.")
    ev = only(a, "AssistanceRequest")
    assert ("agent", "ukraine") in roles(ev) and cameo(ev) == "0231"
    assert "Demand" not in classes(a)


# -- 11 disapproval: criticism, accusation, official complaint, lawsuit -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Türkei verdammte den Anschlag in Jerewan.",
        "Die Vereinten Nationen bemängelten die fehlende Kooperation Serbiens.",
        "Die Afrikanische Union beanstandete das Vorgehen des Sudan.",
        "Serbien brachte scharfe Kritik an der Nato vor.",
        "Die Europäische Union erteilte Serbien eine Rüge.",
    ],
)
def test_criticism_by_verb_and_noun(ex, text):
    ev = only(analyse(ex, text), "Accusation")
    assert cameo(ev) == "111"
    assert any(role == "agent" for role, _ in roles(ev))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Ukraine warf Russland Kriegsverbrechen vor.", "1124"),
        ("Armenien bezichtigte Aserbaidschan der Aggression.", "1123"),
        ("Polen warf Belarus Spionage vor.", "1125"),
        ("Äthiopien beschuldigte Eritrea schwerer Menschenrechtsverletzungen.", "1122"),
        ("Kenia warf Somalia Korruption vor.", "1121"),
        ("Kenia kreidete Somalia die Eskalation an.", "112"),
    ],
)
def test_what_an_accusation_names_tells_its_code(ex, text, code):
    ev = only(analyse(ex, text), "Accusation")
    assert len({k for role, k in roles(ev) if role in ("agent", "addressee")}) == 2
    assert cameo(ev) == code


def test_blame_laid_on_someone(ex):
    a = analyse(ex, "Ruanda legte dem Kongo den Anschlag zur Last.")
    assert roles(only(a, "Accusation")) == {("agent", "rwanda"), ("addressee", "dr-congo")}
    a = analyse(ex, "Israel sah die Schuld bei der Hamas.")
    assert roles(only(a, "Accusation")) == {("agent", "israel"), ("addressee", "hamas")}
    a = analyse(ex, "Indien brachte Vorwürfe gegen Pakistan vor.")
    assert roles(only(a, "Accusation")) == {("agent", "india"), ("addressee", "pakistan")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenien überreichte Aserbaidschan eine Protestnote.", {"armenia", "azerbaijan"}),
        ("Serbien legte bei der Nato Protest gegen die Luftangriffe ein.", {"serbia", "nato"}),
        ("Das Außenministerium in Jerewan bestellte den Botschafter Aserbaidschans ein.",
         {"armenia", "azerbaijan"}),
        ("Äthiopien zitierte den eritreischen Botschafter ins Außenministerium.",
         {"ethiopia", "eritrea"}),
        ("Japan protestierte bei China gegen die Manöver.", {"japan", "china"}),
    ],
)  # fmt: skip
def test_official_complaints(ex, text, expected):
    a = analyse(ex, text)
    ev = only(a, "Accusation")
    assert cameo(ev) == "114"
    assert {k for role, k in roles(ev) if role in ("agent", "addressee")} == expected
    assert "Protest" not in classes(a)


def test_insinuating_but_not_placing_under_a_command(ex):
    a = analyse(ex, "Russland unterstellte der Ukraine Kriegstreiberei.")
    assert roles(only(a, "Accusation")) == {("agent", "russia"), ("addressee", "ukraine")}
    a = analyse(ex, "Die Einheiten Kenias wurden dem Kommando der Nato unterstellt.")
    assert "Accusation" not in classes(a)


def test_criticism_and_rejection_met_with_someone(ex):
    a = analyse(ex, "Der Plan stieß bei der Europäischen Union auf scharfe Kritik.")
    assert ("agent", "european-union") in roles(only(a, "Accusation"))
    a = analyse(ex, "Der Vorschlag Serbiens stieß bei Russland auf Ablehnung.")
    assert ("agent", "russia") in roles(only(a, "Rejection"))
    # troops meet resistance: no rejection
    a = analyse(ex, "Die Truppen Russlands stießen bei Bachmut auf heftigen Widerstand.")
    assert "Rejection" not in classes(a)


def test_criticism_without_a_critic_is_none(ex):
    a = analyse(ex, "Die Kritik an der Regierung Serbiens wächst.")
    assert "Accusation" not in classes(a)


def test_quoting_a_report_is_no_summons(ex):
    a = analyse(ex, "Äthiopien zitierte einen Bericht der Vereinten Nationen.")
    assert "Accusation" not in classes(a)


@pytest.mark.parametrize(
    "text",
    [
        "Die Ukraine zog gegen Russland vor den Internationalen Gerichtshof.",
        "Die Ukraine erstattete Anzeige gegen Russland.",
    ],
)
def test_lawsuits(ex, text):
    ev = only(analyse(ex, text), "Accusation")
    assert roles(ev) == {("agent", "ukraine"), ("addressee", "russia")} and cameo(ev) == "115"


def test_calling_on_a_court_is_no_phone_call(ex):
    a = analyse(ex, "Gambia rief den Internationalen Gerichtshof an.")
    assert cameo(only(a, "Accusation")) == "115"
    assert "PhoneCall" not in classes(a)


def test_criticism_framing_a_clause_names_who_made_it(ex):
    a = analyse(
        ex, "Nach scharfer Kritik der USA an Israel öffnete die Regierung den Grenzübergang."
    )
    assert roles(only(a, "Accusation")) == {
        ("agent", "united-states"),
        ("addressee", "israel"),
    }


# -- 12 rejection and denial ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Die Hamas lehnte eine Waffenruhe ab.", "hamas", "124"),
        ("Die Hamas lehnte Verhandlungen mit Israel ab.", "hamas", "125"),
        ("Russland schloss Verhandlungen mit der Ukraine aus.", "russia", "125"),
        ("Russland torpedierte die Friedensgespräche.", "russia", "125"),
        ("Serbien lehnte eine Vermittlung der Europäischen Union ab.", "serbia", "126"),
        ("Eritrea stimmte dem Abkommen nicht zu.", "eritrea", "127"),
        ("Die Delegation Eritreas habe den Plan nicht akzeptiert.", "eritrea", "127"),
        ("Russland ignorierte die Resolution des Sicherheitsrats.", "russia", "128"),
        ("Russland blockierte die Resolution im Sicherheitsrat.", "russia", "129"),
        ("Die Hamas gab dem Druck nicht nach.", "hamas", "124"),
        ("Serbien beugte sich nicht dem Druck der Europäischen Union.", "serbia", "124"),
        ("Serbien kam der Aufforderung der Europäischen Union nicht nach.", "serbia", "124"),
        ("Israel setzte die Resolution des Sicherheitsrats nicht um.", "israel", "128"),
    ],
)
def test_what_is_rejected_tells_the_code(ex, text, agent, code):
    a = analyse(ex, text)
    ev = only(a, "Rejection")
    assert ("agent", agent) in roles(ev) and cameo(ev) == code
    assert not classes(a) & {"MilitaryAction", "Agreement", "CeasefireAgreement"}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Russland stellte die Vorwürfe in Abrede.", "russia"),
        ("Aserbaidschan verneinte eine Beteiligung an dem Angriff.", "azerbaijan"),
        ("Serbien erteilte dem Plan eine Abfuhr.", "serbia"),
        ("Israel bekräftigte seine Ablehnung einer Waffenruhe.", "israel"),
        ("Russland veröffentlichte ein Dementi.", "russia"),
        ("Serbien widersetzte sich der Forderung.", "serbia"),
        ("Russland verwahrte sich gegen die Vorwürfe.", "russia"),
        ("Russland bestritt jede Verantwortung für den Anschlag.", "russia"),
        ("Ungarn wies die Kritik der Europäischen Union zurück.", "hungary"),
        ("Peking erklärte den Schiedsspruch für null und nichtig.", "china"),
    ],
)
def test_denials_and_rejections_by_verb_and_noun(ex, text, agent):
    ev = only(analyse(ex, text), "Rejection")
    assert ("agent", agent) in roles(ev) and cameo(ev) == "120"


@pytest.mark.parametrize(
    "text",
    [
        # people turned back at a border, a match or a campaign contested, a member expelled
        "Griechenland wies Migranten an der Grenze zurück.",
        "Ungarn wies Flüchtlinge an der Grenze ab.",
        "Serbien bestritt das Finale gegen Kroatien.",
        "Der Präsident Serbiens bestritt den Wahlkampf allein.",
        "Die Regierungspartei Serbiens schloss den Abgeordneten aus der Fraktion aus.",
        # not ruled out is no rejection
        "Eine Einigung schloss Russland nicht aus.",
    ],
)
def test_false_friends_of_rejecting(ex, text):
    assert "Rejection" not in classes(analyse(ex, text))


# -- 14 protest ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tausende Menschen demonstrierten in Belgrad gegen die Regierung.", "141"),
        ("Tausende Demonstranten versammelten sich vor dem Parlament in Belgrad.", "141"),
        ("Tausende Demonstranten zogen durch Belgrad.", "141"),
        ("Tausende Menschen nahmen an der Kundgebung in Jerewan teil.", "141"),
        ("Tausende bildeten eine Menschenkette in Jerewan.", "141"),
        ("Die Proteste in Belgrad dauerten an.", "141"),
        ("Die Demo in Belgrad verlief friedlich.", "141"),
        ("Nach Protesten in Jerewan trat der Regierungschef zurück.", "141"),
        ("Demonstranten skandierten in Belgrad Parolen gegen die Regierung.", "140"),
        ("Die Gewerkschaften in Khartum riefen einen Generalstreik aus.", "143"),
        ("Die Arbeiter in Khartum traten in den Ausstand.", "143"),
        ("Die Beamten in Khartum legten die Arbeit nieder.", "143"),
        ("Demonstranten errichteten Barrikaden in Jerewan.", "144"),
        # protesters voicing a demand protest; they do not issue a state's demand
        ("In Jerewan forderten Tausende Demonstranten den Rücktritt der Regierung.", "141"),
        ("Die Demonstranten in Belgrad verlangten Neuwahlen.", "141"),
        ("Es kam zu Plünderungen in Khartum.", "145"),
    ],
)
def test_protests_by_verb_and_noun(ex, text, code):
    a = analyse(ex, text)
    assert cameo(only(a, "Protest")) == code
    assert not classes(a) & {"MilitaryAction", "Meeting"}


def test_protests_broken_up_happened_but_the_police_is_no_protester(ex):
    a = analyse(ex, "Die Polizei löste die Kundgebung der Opposition in Belgrad auf.")
    assert roles(only(a, "Protest")) == {("location", "belgrade")}
    a = analyse(ex, "Sicherheitskräfte des Sudan schlugen die Proteste in Khartum nieder.")
    assert ("agent", "sudan") not in roles(only(a, "Protest"))


@pytest.mark.parametrize(
    "text",
    [
        # showing strength, troops on the move
        "Die Nato demonstrierte Stärke im Baltikum.",
        "Russland demonstrierte seine militärische Macht.",
        "Die Truppen marschierten durch Belgrad.",
        "Die Soldaten zogen in die Stadt.",
    ],
)
def test_false_friends_of_protesting(ex, text):
    assert "Protest" not in classes(analyse(ex, text))


def test_what_the_actor_denies_in_a_was_clause(ex):
    # the parse takes "was" for the subject and the government for the object
    a = analyse(
        ex,
        "Liberia soll die RUF bewaffnet haben, was die Regierung in Monrovia bestreitet.",
    )
    assert ("agent", "liberia") in roles(only(a, "Rejection"))
    # "was" does cause what follows a comma where no actor stands in the clause
    a = analyse(ex, "Die Kämpfe gingen weiter, was die Lage verschärfte.")
    assert not of_class(a, "Rejection")


def test_the_army_refers_back_to_the_army_named_with_its_state(ex):
    a = analyse(ex, "Die sudanesische Armee griff an. Die Armee bestritt das.")
    assert ("agent", "sudan") in roles(only(a, "Rejection"))
    # with no state named for it, "die Armee" is the article's own actor, no state
    a = analyse(ex, "Die Armee bestritt das.")
    assert roles(only(a, "Rejection")) == {("agent", "t/armee")}


def test_blame_with_what_is_blamed_left_to_the_context(ex):
    a = analyse(
        ex, "Die Regierung Russlands macht den Rebellenkommandeur Schamil Bassajew verantwortlich."
    )
    ev = only(a, "Accusation")
    assert ("agent", "russia") in roles(ev) and ev.trigger.cameo == "112"
    # "sich stark machen" is no blame
    assert not of_class(analyse(ex, "Russland macht sich für den Frieden stark."), "Accusation")


def test_a_threat_is_a_statement_of_the_one_who_threatens(ex):
    a = analyse(ex, "Russland drohte der Ukraine mit schweren Konsequenzen.")
    assert roles(only(a, "Statement")) == {("agent", "russia"), ("addressee", "ukraine")}
    # what is threatened has not happened
    a = analyse(ex, "Die Rebellen drohten, die Stadt anzugreifen.")
    assert classes(a) == {"Statement"}
    # false friends: talks that threaten to fail, a penalty that looms
    assert not analyse(ex, "Die Gespräche drohen zu scheitern.").events
    assert not analyse(ex, "Dem Präsidenten droht die Amtsenthebung.").events


def test_a_negated_attribute_neither_negates_the_clause_nor_rejects(ex):
    # "nicht mehr anerkannte" describes the president; his call stands
    a = analyse(
        ex,
        "Der von Moskau nicht mehr anerkannte tschetschenische Präsident Aslan Maschadow rief "
        "am Sonntag die Bevölkerung zum Widerstand auf.",
    )
    assert classes(a) == {"Demand"}
    assert ("agent", "aslan-mashadov") in roles(only(a, "Demand"))
    # a refusal to recognise told as such is a rejection
    a = analyse(ex, "Russland erkennt die Regierung in Kiew nicht an.")
    assert ("agent", "russia") in roles(only(a, "Rejection"))


def test_a_deed_labelled_a_crime_is_an_accusation(ex):
    a = analyse(
        ex,
        "Als „ethnische Säuberung“ bezeichnete US-Außenminister Rex Tillerson am Mittwoch das "
        "Vorgehen der russischen Armee.",
    )
    assert {("agent", "rex-tillerson"), ("addressee", "russia")} <= roles(only(a, "Accusation"))
    # a label that is no crime is no accusation
    a = analyse(ex, "Putin bezeichnete das Treffen mit Erdoğan als Erfolg.")
    assert "Accusation" not in classes(a)


@pytest.mark.parametrize(
    "text",
    [
        "Präsident Ruto nannte Präsident Museveni einen „Verbrecher“.",
        "Präsident Ruto bezeichnete Präsident Museveni als Aggressor.",
    ],
)
def test_a_doer_labelled_a_criminal_is_accused(ex, text):
    acc = only(analyse(ex, text), "Accusation")
    assert {("agent", "william-ruto"), ("addressee", "museveni")} <= roles(acc)


def test_ruling_out_military_involvement_is_a_rejection(ex):
    a = analyse(ex, "Kanada schloss am Montag eine Beteiligung eigener Kampftruppen aus.")
    assert roles(only(a, "Rejection")) == {("agent", "canada")}
    # not ruling it out, and expelling soldiers, are none
    for text in (
        "Kanada schloss eine Entsendung von Bodentruppen nicht aus.",
        "Die Armee schloss 20 Soldaten aus der Truppe aus.",
    ):
        assert "Rejection" not in classes(analyse(ex, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Äthiopien bestritt, Ziele in Eritrea bombardiert zu haben.",
        "Russland dementierte am Montag, Charkiw angegriffen zu haben.",
        "Die Rebellen lehnten es ab, mit der Regierung zu verhandeln.",
    ],
)
def test_what_is_denied_or_refused_did_not_happen(ex, text):
    # the rejection stands; the act in its zu-infinitive is no fact
    a = analyse(ex, text)
    assert classes(a) == {"Rejection"}
