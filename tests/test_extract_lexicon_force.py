"""Material conflict and force posture in the event lexicon (kg/data/patterns/events.yaml).

Sentences written for these tests, on conflicts of our own choosing (Sudan, eastern Congo,
Yemen and the Red Sea, the Sahel, Ukraine, the Caucasus): for each CAMEO code the
lexicon codes under 07 (deploy), 15 (force posture), 18 (assault), 19 (fight) and 20 (mass
violence) several German expressions, asserting the class, the CAMEO code and the roles;
then the false friends (criticism with "angreifen", markets "erobert", resolutions
"blockiert", a letter "geschickt", troops sent home) and what did not happen.
"""

from __future__ import annotations

import pytest
from extract_helpers import analyse, classes, of_class, only, roles

# -- 07 deployments and 15 force posture ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        (
            "Deutschland beteiligt sich mit 300 Soldaten an der UN-Mission in Mali.",
            "germany",
            "074",
        ),
        ("Russland mobilisierte 300.000 Reservisten.", "russia", "154"),
        ("Russland zog Truppen an der ukrainischen Grenze zusammen.", "russia", "154"),
        ("Die USA verstärkten ihre Militärpräsenz in der Region.", "united-states", "154"),
        ("Frankreich stockte sein Kontingent in Mali auf.", "france", "154"),
    ],
)
def test_troops_taking_part_mobilised_or_reinforced(ex, text, agent, code):
    ev = only(analyse(ex, text), "Deployment")
    assert ("agent", agent) in roles(ev)
    assert ev.trigger.cameo == code


def test_a_mobilisation_ordered(ex):
    ev = only(analyse(ex, "Putin ordnete eine Teilmobilmachung an."), "Deployment")
    assert roles(ev) == {("agent", "vladimir-putin")} and ev.trigger.cameo == "154"


def test_a_deployment_named_by_a_noun_with_its_sender(ex):
    a = analyse(ex, "Die Entsendung kenianischer Polizisten nach Haiti begann im Juni.")
    assert roles(only(a, "Deployment")) == {("agent", "kenya"), ("location", "haiti")}
    a = analyse(ex, "Seit der Stationierung russischer Truppen in Transnistrien ist es ruhig.")
    assert roles(only(a, "Deployment")) == {("agent", "russia"), ("location", "transnistria")}


def test_a_deployment_decided_or_ordered(ex):
    a = analyse(ex, "Kenia ordnete die Entsendung von 1000 Polizisten nach Haiti an.")
    assert roles(only(a, "Deployment")) == {("agent", "kenya"), ("location", "haiti")}
    a = analyse(
        ex,
        "Überwacht wird die Waffenruhe von einer Mission der Vereinten Nationen, deren "
        "Entsendung der Sicherheitsrat im Januar beschlossen hatte.",
    )
    assert ("agent", "un-security-council") in roles(only(a, "Deployment"))
    # a decision only wanted is none
    a = analyse(ex, "Der Sicherheitsrat will die Entsendung von Blauhelmen beschließen.")
    assert "Deployment" not in classes(a)


def test_troops_of_a_list_of_states_in_a_relative_clause_were_deployed(ex):
    # the parse hangs the relative clause on the last state of the troops' attribute
    a = analyse(
        ex,
        "Den Rebellen standen Soldaten aus Kenia, Uganda und Ruanda gegenüber, die auf "
        "Bitten Somalias nach Mogadischu verlegt worden waren.",
    )
    assert {("agent", "kenya"), ("agent", "uganda"), ("agent", "rwanda")} <= roles(
        only(a, "Deployment")
    )


def test_peacekeepers_moving_in_deploy_and_do_not_invade(ex):
    a = analyse(ex, "UN-Blauhelme rückten in die Stadt Goma ein.")
    assert roles(only(a, "Deployment")) == {("agent", "united-nations"), ("location", "goma")}
    assert "MilitaryAction" not in classes(a)


@pytest.mark.parametrize(
    "text",
    [
        "Frankreich schickte seine Soldaten nach Hause.",
        "Der Rückzug der russischen Truppen aus Kiew ist abgeschlossen.",
        "Der Abzug der Blauhelme aus Mali begann im Juli.",
        "Die USA schickten Hilfsgüter nach Gaza.",
        "Ruanda schickte einen Brief an die Vereinten Nationen.",
        "Die Opposition mobilisierte ihre Anhänger.",
        "Der Konzern mobilisierte drei Milliarden Euro.",
        "Russland will weitere Soldaten mobilisieren.",
        "Armenien versetzte seine Armee in Alarmbereitschaft.",
    ],
)
def test_withdrawals_letters_supporters_and_plans_are_no_deployment(ex, text):
    assert "Deployment" not in classes(analyse(ex, text))


# -- 19 fighting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        (
            "Die sudanesische Armee ging gegen die RSF vor.",
            {("agent", "sudan"), ("addressee", "rsf")},
            "190",
        ),
        (
            "Russland überzog die Ukraine mit Drohnenangriffen.",
            {("agent", "russia"), ("addressee", "ukraine")},
            "195",
        ),
        (
            "Die Hisbollah feuerte Raketen auf Israel.",
            {("agent", "hezbollah"), ("addressee", "israel")},
            "195",
        ),
        (
            "Die sudanesische Armee beschoss El Fasher mit Artillerie.",
            {("agent", "sudan"), ("location", "el-fasher")},
            "194",
        ),
        (
            "Russland griff die Ukraine mit Drohnen an.",
            {("agent", "russia"), ("addressee", "ukraine")},
            "195",
        ),
        (
            "Sudanesische Soldaten eröffneten das Feuer auf Demonstranten.",
            {("agent", "sudan")},
            "193",
        ),
    ],
)
def test_attacks_by_verb_with_the_code_the_weapon_tells(ex, text, expected, code):
    ev = only(analyse(ex, text), "MilitaryAction")
    assert roles(ev) >= expected
    assert ev.trigger.cameo == code


@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        (
            "Aserbaidschan blockierte den Latschin-Korridor.",
            {("agent", "azerbaijan"), ("location", "lachin-corridor")},
            "191",
        ),
        (
            "Die Huthi blockierten die Schifffahrt im Roten Meer.",
            {("agent", "houthis"), ("location", "red-sea")},
            "191",
        ),
        ("Die Stadt fiel an die Taliban.", {("agent", "taliban")}, "192"),
        (
            "Die Ukraine erzielte Geländegewinne bei Charkiw.",
            {("agent", "ukraine"), ("location", "kharkiv")},
            "192",
        ),
        (
            "Die kongolesische Armee befreite die Stadt Goma.",
            {("agent", "dr-congo"), ("location", "goma")},
            "192",
        ),
    ],
)
def test_blockades_and_places_taken(ex, text, expected, code):
    ev = only(analyse(ex, text), "MilitaryAction")
    assert roles(ev) >= expected
    assert ev.trigger.cameo == code


def test_fighting_flares_up_between_sides(ex):
    a = analyse(ex, "Zwischen Armenien und Aserbaidschan entbrannten heftige Kämpfe.")
    assert roles(only(a, "MilitaryAction")) == {
        ("participant", "armenia"),
        ("participant", "azerbaijan"),
    }
    a = analyse(ex, "In Charkiw kam es zu russischen Luftangriffen.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "russia"), ("location", "kharkiv")}


def test_ceasefire_violated(ex):
    ev = only(analyse(ex, "Die Hamas verstieß gegen die Waffenruhe."), "MilitaryAction")
    assert roles(ev) == {("agent", "hamas")} and ev.trigger.cameo == "196"


# -- 18 assault and 20 mass violence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Die Taliban zündeten eine Autobombe in Kabul.", "taliban", "183"),
        ("Die Al-Shabaab verübte einen Selbstmordanschlag in Mogadischu.", "al-shabaab", "183"),
        ("Die ETA verübte ein Attentat auf den Ministerpräsidenten.", "eta", "185"),
        ("Die Hamas ermordete den Bürgermeister.", "hamas", "186"),
        ("Russische Soldaten folterten Gefangene.", "russia", "182"),
        ("Die Huthi kaperten ein Frachtschiff im Roten Meer.", "houthis", "181"),
        ("Die Taliban exekutierten zwei Männer.", "taliban", "202"),
    ],
)
def test_assaults_bombings_and_killings(ex, text, agent, code):
    ev = only(analyse(ex, text), "MilitaryAction")
    assert ("agent", agent) in roles(ev)
    assert ev.trigger.cameo == code


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kämpfer der ADF griffen am Donnerstag die Basis der Monusco in Beni an.", "monusco"),
        ("Bei einem Angriff der Armee auf ein Lager der ELN starben zehn Kämpfer.", "eln"),
        ("Die Miliz überfiel in der Nacht Posten der Hamas.", "hamas"),
    ],
)
def test_the_owner_of_a_base_post_or_camp_is_attacked(ex, text, target):
    ev = only(analyse(ex, text), "MilitaryAction")
    assert ("addressee", target) in roles(ev)


def test_an_assassination_survived_names_its_target(ex):
    ev = only(analyse(ex, "Trump überlebte ein Attentat."), "MilitaryAction")
    assert roles(ev) == {("addressee", "donald-trump")}


def test_a_suicide_bomber_blowing_himself_up(ex):
    a = analyse(ex, "Ein Attentäter sprengte sich in Mogadischu in die Luft.")
    ev = only(a, "MilitaryAction")
    assert ev.trigger.cameo == "183" and ("location", "mogadishu") in roles(ev)


# -- false friends and what did not happen -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trump griff Selenskyj scharf an.",
        "Selenskyj attackierte Putin in seiner Rede.",
        "Selenskyj attackierte Putin öffentlich.",
        "Siemens eroberte den chinesischen Markt.",
        "Die Taliban eroberten die Herzen der Wähler.",
        "Russland blockierte die Resolution im Sicherheitsrat.",
        "Die Regierung ging gegen die Korruption vor.",
        "Die Hamas ignorierte die Forderung.",
        "Israel droht mit einer Bodenoffensive in Rafah.",
        "Die Türkei erwägt eine Bodenoffensive.",
        "Die Huthi wollen die Schifffahrt blockieren.",
        "Die Regierung torpedierte die Friedensgespräche.",
        "Ruandische Soldaten überschritten die Grenze zum Kongo.",
    ],
)
def test_false_friends_and_plans_are_no_military_action(ex, text):
    assert "MilitaryAction" not in classes(analyse(ex, text))


def test_retaliating_with_strikes_is_an_attack_not_one_repelled(ex):
    ev = only(analyse(ex, "Israel schlug mit Luftangriffen zurück."), "MilitaryAction")
    assert roles(ev) == {("agent", "israel")}


@pytest.mark.parametrize(
    ("text", "cls", "agent", "code"),
    [
        ("Frankreich griff militärisch in Libyen ein.", "MilitaryAction", "france", "190"),
        ("Russische Panzer rollten in die Stadt Cherson.", "MilitaryAction", "russia", "190"),
        ("Russland verleibte sich die Krim ein.", "MilitaryAction", "russia", "192"),
        ("Israel nahm Stellungen der Hisbollah ins Visier.", "MilitaryAction", "israel", "190"),
        ("Die RSF verübten einen Massenmord an den Masalit.", "MilitaryAction", "rsf", "202"),
        ("Russland berief 300.000 Reservisten ein.", "Deployment", "russia", "154"),
        ("Kenia stellte 1000 Polizisten für die Mission ab.", "Deployment", "kenya", "074"),
        ("Russland stationierte taktische Atomwaffen in Belarus.", "Deployment", "russia", "154"),
    ],
)
def test_more_expressions_by_code(ex, text, cls, agent, code):
    ev = only(analyse(ex, text), cls)
    assert ("agent", agent) in roles(ev)
    assert ev.trigger.cameo == code


def test_a_battle_between_two_armies(ex):
    a = analyse(ex, "Die Armee lieferte sich mit der M23 eine Schlacht um Goma.")
    assert ("participant", "m23") in roles(only(a, "MilitaryAction"))


@pytest.mark.parametrize(
    "text",
    [
        "Frankreich griff in den Streit ein.",
        "Der Präsident berief eine Sondersitzung ein.",
        "Die Kandidaten lieferten sich eine Wahlschlacht.",
        "Die Opposition nahm den Präsidenten ins Visier.",
        "Die USA schickten Raketen an die Ukraine.",
    ],
)
def test_more_false_friends(ex, text):
    assert not classes(analyse(ex, text)) & {"MilitaryAction", "Deployment"}


def test_fighting_resumed_or_continued_against_a_side(ex):
    for text in (
        "Die kongolesische Armee setzte die Kämpfe gegen die M23 fort.",
        "Die kongolesische Armee und die M23 nahmen die Kämpfe wieder auf.",
    ):
        assert roles(only(analyse(ex, text), "MilitaryAction")) == {
            ("participant", "dr-congo"),
            ("participant", "m23"),
        }


@pytest.mark.parametrize(
    "text",
    [
        "Die Armee setzt den Kampf gegen die Korruption fort.",
        "Pakistan sperrte den Grenzübergang.",
    ],
)
def test_a_fight_against_corruption_and_a_crossing_closed_are_no_fighting(ex, text):
    assert "MilitaryAction" not in classes(analyse(ex, text))


def test_attacks_and_fighting_that_claimed_lives(ex):
    a = analyse(ex, "Der Angriff der Al-Shabaab kostete 20 Menschen das Leben.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "al-shabaab")}
    a = analyse(ex, "Russische Luftangriffe forderten zahlreiche Opfer in Charkiw.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "russia"), ("location", "kharkiv")}
    a = analyse(
        ex, "Die Gefechte zwischen Armenien und Aserbaidschan kosteten 50 Soldaten das Leben."
    )
    assert roles(only(a, "MilitaryAction")) == {
        ("participant", "armenia"),
        ("participant", "azerbaijan"),
    }


def test_demanding_an_end_of_attacks_is_no_attack(ex):
    a = analyse(ex, "Die Hamas forderte ein Ende der israelischen Angriffe.")
    assert "MilitaryAction" not in classes(a)


def test_covered_with_shells_is_an_attack(ex):
    # "belegen"/"eindecken mit" weapons, beside "überziehen mit"
    for text in (
        "Russland belegte die Stadt Charkiw in der Nacht mit Raketen.",
        "Die Volksbefreiungsarmee deckte die Insel mit Granaten ein.",
    ):
        assert of_class(analyse(ex, text), "MilitaryAction"), text
    a = analyse(ex, "Die Volksbefreiungsarmee deckte die Insel mit Granaten ein.")
    assert ("agent", "chinese-pla") in roles(only(a, "MilitaryAction"))
    # a place "belegt" with a rank or a fine is no attack
    assert not of_class(analyse(ex, "Russland belegte Georgien mit Sanktionen."), "MilitaryAction")


# -- force against uprisings and crowds, riots -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Die birmanische Armee schlug den Aufstand in Mandalay blutig nieder.", "myanmar", "190"),
        ("Die Sowjetunion warf die Revolte der Arbeiter nieder.", "soviet-union", "190"),
        ("Kenianische Polizisten schossen in Nairobi in die Menge.", "kenya", "193"),
        ("Sowjetische Panzer rollten am Mittwoch durch Ost-Berlin.", "soviet-union", "190"),
        ("Russische Soldaten steckten die Dörfer in Brand.", "russia", "190"),
    ],
)
def test_force_against_an_uprising_or_a_crowd(ex, text, agent, code):
    ev = only(analyse(ex, text), "MilitaryAction")
    assert ("agent", agent) in roles(ev) and ev.trigger.cameo == code


@pytest.mark.parametrize(
    "text",
    [
        "Randalierer setzten in Nouméa Geschäfte in Brand.",
        "Der Aufstand brach am 17. Juni aus.",
        "Bei Zusammenstößen zwischen Demonstranten und der kenianischen Polizei wurden 30 "
        "Menschen verletzt.",
    ],
)
def test_riots_uprisings_and_clashes_of_protesters(ex, text):
    a = analyse(ex, text)
    assert only(a, "Protest").trigger.cameo == "145"
    assert "MilitaryAction" not in classes(a)


def test_clashes_between_sides_framing_a_passive_toll(ex):
    a = analyse(
        ex,
        "Bei Zusammenstößen zwischen armenischen und aserbaidschanischen Soldaten wurden drei "
        "Menschen getötet.",
    )
    assert {("participant", "armenia"), ("participant", "azerbaijan")} <= roles(
        only(a, "MilitaryAction")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung setzte eine Kommission ein.",
        "Der Stürmer schoss ein Tor.",
        "Die Opposition zerschlug das Bündnis.",
        "Die Armee will den Aufstand niederschlagen.",
    ],
)
def test_no_force_where_none_is_used(ex, text):
    assert "MilitaryAction" not in classes(analyse(ex, text))


def test_a_weapon_that_kills_or_wounds_is_a_strike(ex):
    a = analyse(ex, "Eine russische Rakete tötete in Odessa drei Menschen.")
    ev = only(a, "MilitaryAction")
    assert ("agent", "russia") in roles(ev) and ev.trigger.cameo == "195"
    a = analyse(ex, "Eine ukrainische Drohne verletzte in Belgorod zwei Menschen.")
    assert ("agent", "ukraine") in roles(only(a, "MilitaryAction"))


def test_an_attack_expected_warned_of_or_threatened_has_not_happened(ex):
    for text in (
        "Diplomaten rechnen mit einer baldigen Offensive der Rebellen auf die Hauptstadt.",
        "Die Regierung warnte vor einem Angriff der Hamas auf Aschkelon.",
        "Die Armee drohte mit Luftangriffen auf die Stellungen der Rebellen.",
    ):
        assert not of_class(analyse(ex, text), "MilitaryAction"), text
    a = analyse(ex, "Nach einem Angriff der Hamas auf Aschkelon wurden fünf Israelis verletzt.")
    assert ("agent", "hamas") in roles(only(a, "MilitaryAction"))


def test_a_past_form_the_tagger_left_unlemmatised_still_triggers(ex):
    # HanTa gives "umzingelten" as its own lemma
    a = analyse(ex, "Die Truppen umzingelten am Montag die Stadt Sévaré.")
    assert only(a, "MilitaryAction").trigger.pattern == "siege"


def test_forces_moving_against_a_group_named_after_its_class_noun(ex):
    a = analyse(
        ex,
        "Ruandische Soldaten gehen gemeinsam mit der kongolesischen Armee gegen die Miliz "
        "FDLR vor.",
    )
    # who moves "gemeinsam mit" the subject acts too
    assert roles(only(a, "MilitaryAction")) == {
        ("agent", "rwanda"),
        ("agent", "dr-congo"),
        ("addressee", "fdlr"),
    }


def test_a_town_struck_or_entered_after_auf_or_von_is_where_it_happened(ex):
    a = analyse(ex, "Die Armee rückte am Montag auf Kidal vor.")
    assert ("location", "kidal") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Die Miliz stürmte das Gefängnis von Kidal.")
    assert ("location", "kidal") in roles(only(a, "MilitaryAction"))
    # a state after "von" in the passive is the side that acts, not a place
    a = analyse(ex, "Die Stadt Kidal wurde von Frankreich bombardiert.")
    assert ("location", "france") not in roles(only(a, "MilitaryAction"))


def test_fighters_moving_in_after_a_withdrawal_advance(ex):
    a = analyse(ex, "In die geräumten Dörfer rückten Kämpfer der Hisbollah nach.")
    assert ("agent", "hezbollah") in roles(only(a, "MilitaryAction"))


def test_units_of_a_body_arriving_are_its_deployment(ex):
    # the genitive of the arriving forces is who sent them
    a = analyse(
        ex, "Am Montag trafen die ersten Einheiten der Afrikanischen Union in Mogadischu ein."
    )
    assert roles(only(a, "Deployment")) >= {("agent", "african-union"), ("location", "mogadishu")}


def test_a_force_sent_by_someone_named_in_its_attribute_is_deployed(ex):
    # "entsandt", the participle of a mixed verb, read as a verb's attribute
    a = analyse(
        ex, "Im Osten des Tschad wird eine von der Europäischen Union entsandte Truppe stationiert."
    )
    assert ("agent", "european-union") in roles(only(a, "Deployment"))
