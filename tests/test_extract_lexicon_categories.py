"""Event expressions by category (kg/data/patterns/events.yaml) and German quotation marks.

Sentences written for these tests, on other conflicts and in other words than the corpus:
several per family of expressions, organised as the lexicon is (by CAMEO root category),
each asserting the class and the roles a coder reads; false friends ("abziehen", "Wahlkampf
liefern", "treffen" as "hit", "wollen … aufnehmen") are tested too. Then the quotation
marks: „…“, »…«, «…», ‚…‘ and "…" delimit a quotation alike, and a first-person speech act
inside one is the speaker's.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
import yaml
from extract_helpers import analyse, cameo, classes, of_class, only, roles

import kg.extract
from kg.errors import InputError
from kg.extract.lexicon import load_lexicon
from kg.extract.model import Sentence
from kg.extract.quotes import CLOSING, MARKS, OPENING, QUOTE_PAIRS
from kg.extract.sentences import split_sentences
from kg.extract.tokens import Tagger
from kg.namespaces import CAMEO, CKG, RDFS, SKOS
from kg.ontology import load_ontology
from kg.resources import data_dir
from kg.vocabulary import RoleProperty

# -- 01 statements ------------------------------------------------------------------------


def test_statement_named_by_a_noun(ex):
    a = analyse(ex, "UN-Generalsekretär António Guterres gab am Montag eine Stellungnahme ab.")
    assert roles(only(a, "Statement")) >= {("agent", "antonio-guterres")}


def test_condolence_is_an_empathetic_statement(ex):
    a = analyse(ex, "Indien sprach Pakistan nach dem Erdbeben sein Beileid aus.")
    ev = only(a, "Statement")
    assert roles(ev) == {("agent", "india"), ("addressee", "pakistan")}
    assert cameo(ev) == "018"


# -- 02 appeals and 10 demands --------------------------------------------------------------


def test_appeal_for_restraint_is_a_ceasefire_demand(ex):
    a = analyse(ex, "Die Afrikanische Union rief Ruanda und Burundi zur Zurückhaltung auf.")
    ev = only(a, "CeasefireDemand")
    assert roles(ev) == {
        ("agent", "african-union"),
        ("addressee", "rwanda"),
        ("addressee", "burundi"),
    }
    assert cameo(ev) == "0256"


def test_demand_for_restraint_and_insisting_on_a_ceasefire(ex):
    a = analyse(ex, "Die Vereinten Nationen forderten von Venezuela Zurückhaltung.")
    assert roles(only(a, "CeasefireDemand")) == {
        ("agent", "united-nations"),
        ("addressee", "venezuela"),
    }
    a = analyse(ex, "Norwegen drang auf eine Waffenruhe zwischen Thailand und Kambodscha.")
    assert ("agent", "norway") in roles(only(a, "CeasefireDemand"))


def test_demands_carry_the_cameo_code_their_object_tells(ex):
    a = analyse(ex, "Katar forderte von der Hamas die Freilassung der Geiseln.")
    ev = only(a, "Demand")
    assert roles(ev) == {("agent", "qatar"), ("addressee", "hamas")} and cameo(ev) == "1053"
    a = analyse(ex, "Ägypten rief Israel und die Hamas zu neuen Verhandlungen auf.")
    ev = only(a, "Demand")
    assert roles(ev) == {("agent", "egypt"), ("addressee", "israel"), ("addressee", "hamas")}
    assert cameo(ev) == "026"


def test_a_request_to_someone_and_insisting(ex):
    a = analyse(ex, "Uganda bat Kenia, die Grenze zu öffnen.")
    assert roles(only(a, "Demand")) == {("agent", "uganda"), ("addressee", "kenya")}
    a = analyse(ex, "Tansania pochte auf die Einhaltung des Abkommens.")
    assert roles(only(a, "Demand")) == {("agent", "tanzania")}


def test_an_ultimatum_is_a_demand(ex):
    a = analyse(ex, "Die Nato stellte Serbien ein Ultimatum.")
    ev = only(a, "Demand")
    assert roles(ev) == {("agent", "nato"), ("addressee", "serbia")} and cameo(ev) == "139"


def test_appeal_for_help_named_by_a_noun(ex):
    a = analyse(ex, "Mali richtete ein Hilfeersuchen an die Vereinten Nationen.")
    assert roles(only(a, "AssistanceRequest")) == {
        ("agent", "mali"),
        ("addressee", "united-nations"),
    }
    a = analyse(ex, "Somalia bat die Afrikanische Union um militärischen Beistand.")
    ev = only(a, "AssistanceRequest")
    assert roles(ev) == {("agent", "somalia"), ("addressee", "african-union")}
    assert cameo(ev) == "023"


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        ("Der Sudan bat die Vereinten Nationen um Lebensmittel und Medikamente.", "sudan", "0233"),
        ("Haiti ersuchte die Vereinten Nationen um eine Friedenstruppe.", "haiti", "0234"),
        ("Haiti forderte von den Vereinten Nationen mehr Hilfe.", "haiti", "103"),
    ],
)
def test_requests_for_relief_protection_and_aid(ex, text, agent, code):
    ev = only(analyse(ex, text), "AssistanceRequest")
    assert roles(ev) == {("agent", agent), ("addressee", "united-nations")}
    assert cameo(ev) == code


def test_forces_asked_for_are_military_aid_the_troops_withdrawn_are_not(ex):
    for text in (
        "Die OECS hatte die Vereinigten Staaten um ein militärisches Eingreifen gebeten.",
        "Mali bat die Vereinigten Staaten um die Entsendung von Truppen.",
    ):
        ev = only(analyse(ex, text), "AssistanceRequest")
        assert ("addressee", "united-states") in roles(ev) and cameo(ev) == "0232", text
    a = analyse(ex, "Georgien bat Russland um den Abzug seiner Truppen.")
    assert "AssistanceRequest" not in classes(a)


def test_what_a_demand_asks_for_has_not_happened(ex):
    a = analyse(ex, "Die Vereinten Nationen forderten Kolumbien auf, der Waffenruhe zuzustimmen.")
    # a call to agree to a ceasefire asks for one; no agreement was reached
    assert classes(a) == {"CeasefireDemand"}
    a = analyse(
        ex, "Die Vereinten Nationen forderten Ruanda auf, Gespräche mit Burundi aufzunehmen."
    )
    assert classes(a) == {"Demand"}


# -- 04 consult: meetings, hosting, visits, calls, negotiation, mediation -------------------


def test_hosting_a_visit_and_visiting(ex):
    a = analyse(ex, "Tansania empfing am Montag eine Delegation aus Ruanda.")
    ev = only(a, "Meeting")
    assert roles(ev) == {("agent", "tanzania"), ("participant", "rwanda")} and cameo(ev) == "043"
    a = analyse(ex, "Der französische Präsident Emmanuel Macron besuchte Uganda.")
    ev = only(a, "Meeting")
    assert roles(ev) == {("agent", "emmanuel-macron"), ("participant", "uganda")}
    assert cameo(ev) == "042"
    a = analyse(ex, "Der französische Präsident Emmanuel Macron stattete Tansania einen Besuch ab.")
    assert roles(only(a, "Meeting")) == {("agent", "emmanuel-macron"), ("participant", "tanzania")}


def test_host_of_talks(ex):
    a = analyse(ex, "Ägypten richtete die Gespräche zwischen Israel und der Hamas aus.")
    ev = only(a, "Meeting")
    assert ("agent", "egypt") in roles(ev) and cameo(ev) == "043"


def test_talks_framing_a_clause_are_a_meeting_of_its_subject(ex):
    a = analyse(
        ex, "Bei Beratungen in Kairo einigten sich Israel und die Hamas auf eine Feuerpause."
    )
    assert {("participant", "israel"), ("participant", "hamas")} <= roles(only(a, "Meeting"))
    assert ("location", "cairo") in roles(only(a, "Meeting"))
    assert {("participant", "israel"), ("participant", "hamas")} <= roles(
        only(a, "CeasefireAgreement")
    )


def test_a_framing_noun_does_not_double_the_event_its_clause_tells(ex):
    a = analyse(ex, "Bei einem Treffen in Genf trafen sich Indien und Pakistan erneut.")
    assert {("participant", "india"), ("participant", "pakistan")} <= roles(only(a, "Meeting"))


def test_negotiations_resumed_and_a_call(ex):
    a = analyse(ex, "Die Vertreter Indiens und Pakistans nahmen die Verhandlungen wieder auf.")
    assert roles(only(a, "Negotiation")) == {("participant", "india"), ("participant", "pakistan")}
    a = analyse(ex, "Emmanuel Macron rief den türkischen Präsidenten Recep Tayyip Erdoğan an.")
    assert roles(only(a, "PhoneCall")) == {
        ("agent", "emmanuel-macron"),
        ("participant", "recep-tayyip-erdogan"),
    }


def test_schlichten_is_mediating(ex):
    a = analyse(ex, "Katar schlichtete zwischen den Huthi und Saudi-Arabien.")
    assert roles(only(a, "Mediation")) == {
        ("agent", "qatar"),
        ("participant", "houthis"),
        ("participant", "saudi-arabia"),
    }


def test_travelling_is_no_meeting(ex):
    a = analyse(ex, "Der französische Präsident Emmanuel Macron reiste am Montag nach Kampala.")
    assert "Meeting" not in classes(a)


def test_travelling_for_talks_or_a_visit_is_a_meeting(ex):
    a = analyse(
        ex, "Lawrow reiste am Montag zu Gesprächen mit seinem türkischen Amtskollegen nach Ankara."
    )
    talks = only(a, "Negotiation")  # talks in the plural negotiate
    assert roles(talks) == {
        ("participant", "sergey-lavrov"),
        ("participant", "turkey"),
        ("location", "ankara"),
    }
    a = analyse(ex, "Der US-Außenminister ist zu einem Besuch in Israel eingetroffen.")
    assert roles(only(a, "Meeting")) == {("agent", "united-states"), ("location", "israel")}
    assert cameo(only(a, "Meeting")) == "042"
    # travelling planned is no meeting yet; calling for talks is a demand
    a = analyse(ex, "Lawrow will am Montag zu Gesprächen nach Ankara reisen.")
    assert "Meeting" not in classes(a) and "Negotiation" not in classes(a)
    a = analyse(ex, "Der UN-Generalsekretär rief Armenien und Aserbaidschan zu Gesprächen auf.")
    assert "Meeting" not in classes(a) and "Negotiation" not in classes(a)


# -- 05 diplomatic cooperation: support, thanks, praise; agreement and consent; apology ------


def test_thanks_and_praise(ex):
    a = analyse(ex, "Uganda bedankte sich bei Tansania für die Unterstützung.")
    assert {("agent", "uganda"), ("addressee", "tanzania")} <= roles(only(a, "Endorsement"))
    a = analyse(ex, "Die Afrikanische Union lobte Kenia für seinen Einsatz.")
    assert roles(only(a, "Endorsement")) == {("agent", "african-union"), ("addressee", "kenya")}


def test_support_pledged_and_solidarity_named_by_a_noun(ex):
    a = analyse(ex, "Die Europäische Union sicherte Somalia ihre Unterstützung zu.")
    assert roles(only(a, "Endorsement")) == {("agent", "european-union"), ("addressee", "somalia")}
    a = analyse(ex, "Die Arabische Liga bekundete ihre Solidarität mit dem Libanon.")
    assert roles(only(a, "Endorsement")) == {("agent", "arab-league"), ("addressee", "lebanon")}


def test_concluding_a_ceasefire_but_not_closing_a_border(ex):
    a = analyse(ex, "Kolumbien und die ELN schlossen einen Waffenstillstand.")
    ev = only(a, "CeasefireAgreement")
    assert roles(ev) == {("participant", "colombia"), ("participant", "eln")}
    assert cameo(ev) == "0871"  # the code of the class the concept upgrades to
    a = analyse(ex, "Die türkische Regierung schloss die Grenze zu Syrien.")
    assert not {"Agreement", "CeasefireAgreement"} & classes(a)


def test_consent_and_an_agreement_reached(ex):
    a = analyse(ex, "Die ELN stimmte dem Friedensplan zu.")
    assert roles(only(a, "Agreement")) == {("participant", "eln")}
    a = analyse(ex, "Thailand und Kambodscha erzielten eine Einigung über die Grenze.")
    assert roles(only(a, "Agreement")) == {("participant", "thailand"), ("participant", "cambodia")}
    a = analyse(ex, "Die Huthi nahmen den Waffenstillstandsvorschlag der Vereinten Nationen an.")
    assert ("participant", "houthis") in roles(only(a, "CeasefireAgreement"))
    # a declaration adopted is no agreement of the body that adopts it
    a = analyse(ex, "Die Generalversammlung nahm eine Erklärung zur Waffenruhe an.")
    assert not {"Agreement", "CeasefireAgreement"} & classes(a)
    # a participle attribute's object is the noun it qualifies, not the clause's ceasefire
    a = analyse(
        ex,
        "In einer einstimmig angenommenen Erklärung rief die Afrikanische Union Ruanda zu "
        "einer Waffenruhe auf.",
    )
    assert classes(a) == {"CeasefireDemand"}


def test_regret_expressed_is_an_apology(ex):
    a = analyse(ex, "Ruanda sprach Burundi sein Bedauern über den Vorfall aus.")
    assert roles(only(a, "Apology")) == {("agent", "rwanda"), ("addressee", "burundi")}


# -- 07 deployment versus withdrawal ---------------------------------------------------------


def test_deployment_and_arrival_of_troops(ex):
    a = analyse(ex, "Kenia entsandte 400 Polizisten nach Haiti.")
    assert ("agent", "kenya") in roles(only(a, "Deployment"))
    a = analyse(ex, "Kenianische Soldaten trafen in Haiti ein.")
    assert roles(only(a, "Deployment")) == {("agent", "kenya"), ("location", "haiti")}


@pytest.mark.parametrize(
    "text",
    [
        "Die Türkei zog ihre Truppen aus Syrien ab.",
        "Russland hat seine Truppen aus der Region abgezogen.",
        "Russland zog seine Soldaten aus der Region zurück.",
        "Der Abzug der russischen Soldaten begann am Montag.",
    ],
)
def test_a_withdrawal_is_no_deployment(ex, text):
    assert "Deployment" not in classes(analyse(ex, text))


# -- 08 a ceasefire declared, taking effect, extended, ending ---------------------------------


def test_ceasefire_takes_effect_from_the_time_it_applies(ex):
    a = analyse(ex, "Die Waffenruhe zwischen Israel und der Hisbollah gilt ab Mittwoch um 4 Uhr.")
    ev = only(a, "CeasefireAgreement")
    assert roles(ev) == {("participant", "israel"), ("participant", "hezbollah")}
    assert ev.effective == "2024-03-20T04:00:00"


def test_the_start_goes_to_the_agreement_told_before(ex):
    a = analyse(
        ex,
        "Israel und die Hisbollah haben eine Waffenruhe vereinbart. Sie gilt ab Mittwoch um 4 Uhr.",
    )
    assert only(a, "CeasefireAgreement").effective == "2024-03-20T04:00:00"


def test_a_ceasefire_ending_is_neither_an_agreement_nor_its_start(ex):
    a = analyse(ex, "Die Waffenruhe zwischen Israel und der Hamas endete am Freitag.")
    assert "CeasefireAgreement" not in classes(a)
    a = analyse(
        ex,
        "Israel und die Hisbollah haben eine Waffenruhe vereinbart. "
        "Die Waffenruhe endet am Freitag um 8 Uhr.",
    )
    assert only(a, "CeasefireAgreement").effective is None


def test_ceasefire_extended_and_declared(ex):
    a = analyse(ex, "Israel und die Hamas verlängerten die Feuerpause um zwei Tage.")
    assert roles(only(a, "CeasefireAgreement")) == {
        ("participant", "israel"),
        ("participant", "hamas"),
    }
    # who declares a ceasefire alone, or stops its own attacks, is its agent
    a = analyse(ex, "Die Hamas rief eine einseitige Waffenruhe aus.")
    assert roles(only(a, "CeasefireAgreement")) == {("agent", "hamas")}
    a = analyse(ex, "China setzte den Beschuss der Inseln für eine Woche aus.")
    assert roles(only(a, "CeasefireAgreement")) == {("agent", "china")}
    # asked to stop is no ceasefire
    a = analyse(ex, "Russland forderte die Ukraine auf, die Kämpfe einzustellen.")
    assert not of_class(a, "CeasefireAgreement") and of_class(a, "CeasefireDemand")


# -- 11 accusation and blame ---------------------------------------------------------------


def test_blame_named_by_a_noun_and_by_verantwortlich_machen(ex):
    a = analyse(ex, "Pakistan gab Indien die Schuld an der Eskalation.")
    assert roles(only(a, "Accusation")) == {("agent", "pakistan"), ("addressee", "india")}
    a = analyse(ex, "Kenia machte die Al-Shabaab für den Anschlag verantwortlich.")
    assert roles(only(a, "Accusation")) == {("agent", "kenya"), ("addressee", "al-shabaab")}


def test_accusations_raised_and_criticism(ex):
    a = analyse(ex, "Thailand erhob schwere Vorwürfe gegen Kambodscha.")
    assert roles(only(a, "Accusation")) == {("agent", "thailand"), ("addressee", "cambodia")}
    a = analyse(ex, "Die Europäische Union übte scharfe Kritik an Venezuela.")
    ev = only(a, "Accusation")
    assert roles(ev) == {("agent", "european-union"), ("addressee", "venezuela")}
    assert cameo(ev) == "111"


def test_a_lawsuit_accuses(ex):
    a = analyse(ex, "Guyana verklagte Venezuela vor dem Internationalen Gerichtshof.")
    ev = only(a, "Accusation")
    assert roles(ev) == {("agent", "guyana"), ("addressee", "venezuela")} and cameo(ev) == "115"


# -- 12 rejection and denial ------------------------------------------------------------------


def test_accusations_rejected(ex):
    a = analyse(ex, "Kambodscha wies die Vorwürfe von sich.")
    assert roles(only(a, "Rejection")) == {("agent", "cambodia")}
    a = analyse(ex, "Venezuela erteilte dem Vorschlag Guyanas eine Absage.")
    assert roles(only(a, "Rejection")) == {("agent", "venezuela"), ("addressee", "guyana")}


def test_negated_recognition_is_a_rejection(ex):
    a = analyse(ex, "Serbien erkennt die Unabhängigkeit des Kosovo nicht an.")
    assert ("agent", "serbia") in roles(only(a, "Rejection"))


def test_refusal_and_veto(ex):
    a = analyse(ex, "Die Huthi weigerten sich, die Waffen niederzulegen.")
    ev = only(a, "Rejection")
    assert roles(ev) == {("agent", "houthis")} and cameo(ev) == "124"
    a = analyse(ex, "Russland legte im Sicherheitsrat ein Veto gegen die Resolution ein.")
    ev = only(a, "Rejection")
    assert ("agent", "russia") in roles(ev) and cameo(ev) == "129"


# -- 14 protests named by a noun --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tausende Demonstranten gingen in Nairobi auf die Straße.", "141"),
        ("In Nairobi kam es zu Protesten gegen die Regierung.", "141"),
        ("Bei Protesten in Nairobi wurden zwei Menschen verletzt.", "141"),
        ("Anhänger der Opposition veranstalteten eine Kundgebung in Kampala.", "141"),
        ("In Kampala kam es zu schweren Ausschreitungen.", "145"),
        ("Die Arbeiter streikten in Lagos.", "143"),
    ],
)
def test_protests(ex, text, code):
    a = analyse(ex, text)
    ev = only(a, "Protest")
    assert cameo(ev) == code
    assert "MilitaryAction" not in classes(a)


def test_clashes_of_protesters_are_a_riot_not_fighting(ex):
    a = analyse(ex, "Es kam zu Zusammenstößen zwischen Demonstranten und der Polizei.")
    assert classes(a) == {"Protest"}


# -- 19 fighting, 18/20 assault and mass violence ---------------------------------------------


def test_attack_named_by_a_noun_in_scare_quotes(ex):
    a = analyse(ex, "Russland begann eine „Sonderoperation“ gegen die Ukraine.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "russia"), ("addressee", "ukraine")}


def test_offensive_started_and_strikes_flown(ex):
    a = analyse(ex, "Die kenianische Armee startete eine Offensive gegen die Al-Shabaab.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "kenya"), ("addressee", "al-shabaab")}
    a = analyse(ex, "Israel flog Luftangriffe auf Ziele der Hisbollah.")
    assert ("agent", "israel") in roles(only(a, "MilitaryAction"))


def test_anschlag_veruebt(ex):
    a = analyse(ex, "Die Al-Shabaab verübte einen Anschlag auf ein Hotel in Mogadischu.")
    ev = only(a, "MilitaryAction")
    assert {("agent", "al-shabaab"), ("location", "mogadishu")} <= roles(ev)
    assert cameo(ev) == "183"


def test_gefechte_liefern_and_clashes_between_sides(ex):
    a = analyse(ex, "Es kam zu Zusammenstößen zwischen Thailand und Kambodscha.")
    assert roles(only(a, "MilitaryAction")) == {
        ("participant", "thailand"),
        ("participant", "cambodia"),
    }
    a = analyse(ex, "Nach Gefechten zwischen Indien und Pakistan schloss Indien die Grenze.")
    assert roles(only(a, "MilitaryAction")) == {
        ("participant", "india"),
        ("participant", "pakistan"),
    }
    a = analyse(ex, "Kambodschanische Soldaten lieferten sich heftige Gefechte mit Thailand.")
    assert {("participant", "cambodia"), ("participant", "thailand")} <= roles(
        only(a, "MilitaryAction")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Kandidaten lieferten sich ein heftiges Wortgefecht.",
        "Die beiden Parteien lieferten sich einen erbitterten Wahlkampf.",
        "Die Partei kämpft gegen die Korruption.",
    ],
)
def test_figurative_fighting_is_none(ex, text):
    assert "MilitaryAction" not in classes(analyse(ex, text))


def test_treffen_as_hit_is_no_meeting(ex):
    a = analyse(ex, "Russische Raketen trafen Charkiw.")
    assert classes(a) == {"MilitaryAction"}
    assert ("location", "kharkiv") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Die pakistanische Armee traf Stellungen der Taliban.")
    assert classes(a) == {"MilitaryAction"}
    assert ("agent", "pakistan") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Granaten schlugen in Goma ein.")
    assert roles(only(a, "MilitaryAction")) == {("location", "goma")}


def test_rockets_fired_and_shelling(ex):
    a = analyse(ex, "Die Huthi feuerten Raketen auf Saudi-Arabien ab.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "houthis"), ("addressee", "saudi-arabia")}
    a = analyse(ex, "Die kenianische Armee nahm die Stellungen der Al-Shabaab unter Beschuss.")
    assert ("agent", "kenya") in roles(only(a, "MilitaryAction"))


def test_occupying_and_taking_control(ex):
    a = analyse(ex, "Die Huthi brachten die Hafenstadt Hodeida unter ihre Kontrolle.")
    ev = only(a, "MilitaryAction")
    assert roles(ev) == {("agent", "houthis"), ("location", "hodeida")} and cameo(ev) == "192"
    a = analyse(ex, "Die Huthi übernahmen die Kontrolle über die Hafenstadt Hodeida.")
    assert roles(only(a, "MilitaryAction")) == {("agent", "houthis"), ("location", "hodeida")}


def test_blockade_hostages_and_a_repelled_attack(ex):
    a = analyse(ex, "Saudi-Arabien verhängte eine Seeblockade gegen den Jemen.")
    ev = only(a, "MilitaryAction")
    assert roles(ev) == {("agent", "saudi-arabia"), ("addressee", "yemen")} and cameo(ev) == "191"
    a = analyse(ex, "Die Hamas nahm israelische Soldaten als Geiseln.")
    assert ("agent", "hamas") in roles(only(a, "MilitaryAction"))
    a = analyse(ex, "Die ugandische Armee wehrte einen Angriff der Al-Shabaab ab.")
    assert ("agent", "uganda") not in roles(only(a, "MilitaryAction"))


# -- intentions, plans, hypotheticals --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Indien und Pakistan wollen die Verhandlungen fortsetzen.",
        "Thailand und Kambodscha könnten sich bald einigen.",
        "Kenia plant, Soldaten nach Haiti zu entsenden.",
        "Kenia würde Truppen entsenden, wenn der Sicherheitsrat zustimmt.",
        "Die Rebellen drohten, die Stadt anzugreifen.",
        "Kenia und Uganda wollen am Montag ein Abkommen unterzeichnen.",
        "Indien und Pakistan sollen am Montag in Genf verhandeln.",
    ],
)
def test_intentions_and_hypotheticals_are_no_events(ex, text):
    a = analyse(ex, text)
    assert not classes(a) & {
        "Negotiation",
        "Agreement",
        "Deployment",
        "MilitaryAction",
        "CeasefireAgreement",
    }


def test_a_deed_reported_with_sollen_is_coded(ex):
    a = analyse(ex, "Die Al-Shabaab soll einen Stützpunkt der Armee angegriffen haben.")
    assert ("agent", "al-shabaab") in roles(only(a, "MilitaryAction"))


def test_an_announced_deployment_has_not_happened(ex):
    a = analyse(ex, "Kenia kündigte an, Truppen nach Haiti zu entsenden.")
    assert classes(a) == {"Statement"}


# -- quotation marks ----------------------------------------------------------------------


QUOTED = [
    "„Die Lage ist ernst“, sagte UN-Generalsekretär António Guterres.",
    "»Die Lage ist ernst«, sagte UN-Generalsekretär António Guterres.",
    "«Die Lage ist ernst», sagte UN-Generalsekretär António Guterres.",
    "‚Die Lage ist ernst‘, sagte UN-Generalsekretär António Guterres.",
    '"Die Lage ist ernst", sagte UN-Generalsekretär António Guterres.',
]


@pytest.mark.parametrize("text", QUOTED)
def test_every_kind_of_quotation_mark_keeps_the_speaker(ex, text):
    a = analyse(ex, text)
    ev = only(a, "Statement")
    assert roles(ev) == {("agent", "antonio-guterres")}
    assert ev.quote == "Die Lage ist ernst"
    assert any(m.keys == ("antonio-guterres",) for m in a.mentions)


@pytest.mark.parametrize("text", QUOTED)
def test_the_words_inside_are_quoted_and_the_rest_is_not(text):
    ts = Tagger().tag(Sentence(0, 0, len(text), text))
    quoted = {t.text for t in ts.tokens if t.quoted}
    assert quoted == {"Die", "Lage", "ist", "ernst"}


@pytest.mark.parametrize(
    ("opening", "closing"), [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("“", "”")]
)
def test_first_person_speech_acts_in_quotes_are_the_speakers(ex, opening, closing):
    a = analyse(
        ex,
        f"{opening}Wir rufen Ruanda und Burundi zu einer Waffenruhe auf{closing}, sagte "
        "UN-Generalsekretär António Guterres.",
    )
    assert roles(only(a, "CeasefireDemand")) == {
        ("agent", "antonio-guterres"),
        ("addressee", "rwanda"),
        ("addressee", "burundi"),
    }


def test_quoted_condemnation_and_thanks_are_the_speakers(ex):
    a = analyse(ex, "„Wir verurteilen den Angriff auf das Schärfste“, sagte Emmanuel Macron.")
    assert roles(only(a, "Accusation")) == {("agent", "emmanuel-macron")}
    a = analyse(ex, "»Ich danke Katar für seine Vermittlung«, sagte Emmanuel Macron.")
    assert roles(only(a, "Endorsement")) == {("agent", "emmanuel-macron"), ("addressee", "qatar")}


def test_a_quoted_deed_or_third_person_is_not_the_speakers_act(ex):
    a = analyse(ex, "„Wir haben Truppen nach Somalia geschickt“, sagte Emmanuel Macron.")
    assert classes(a) == {"Statement"}
    a = analyse(ex, "„Die Türkei verurteilt den Angriff“, sagte Emmanuel Macron.")
    assert classes(a) == {"Statement"}


def test_a_quote_only_sentence_continues_its_speaker(ex):
    a = analyse(
        ex,
        "UN-Generalsekretär António Guterres äußerte sich am Montag in Genf. "
        "«Wir fordern Ruanda und Burundi zur Zurückhaltung auf.»",
    )
    demand = only(a, "CeasefireDemand")
    assert ("agent", "antonio-guterres") in roles(demand)
    assert ("addressee", "rwanda") in roles(demand)


def test_a_quotation_across_sentences(ex):
    text = "»Wir sind bereit. Wir rufen beide Seiten auf.« Das sagte Emmanuel Macron."
    spans = [s.text for s in split_sentences(text)]
    assert spans == [
        "»Wir sind bereit.",
        "Wir rufen beide Seiten auf.«",
        "Das sagte Emmanuel Macron.",
    ]
    ts = Tagger().tag(Sentence(1, 18, 47, spans[1]))
    assert all(t.quoted for t in ts.tokens[:-2])  # the quotation began a sentence before


def test_scare_quotes_are_words_not_quotations():
    text = "Russland nennt den Krieg eine „Sonderoperation“."
    ts = Tagger().tag(Sentence(0, 0, len(text), text))
    assert not any(t.quoted for t in ts.tokens)


@pytest.mark.parametrize(
    "text",
    [
        "Er ging. «Wir gehen.» Sie blieb.",
        "Er ging. »Wir gehen.« Sie blieb.",
        "Er ging. ‚Wir gehen.‘ Sie blieb.",
        "Er ging. “Wir gehen.” Sie blieb.",
    ],
)
def test_sentences_end_after_any_closing_mark(text):
    assert [s.text for s in split_sentences(text)] == ["Er ging.", text[9:-11], "Sie blieb."]


def test_the_quotation_marks_are_defined_once():
    assert frozenset(QUOTE_PAIRS) == OPENING and {"„", "»", "«", "‚", '"'} <= OPENING
    assert {"“", "«", "»", "‘", '"'} <= CLOSING
    # no other module of the pipeline keeps quotation marks of its own
    for path in Path(kg.extract.__file__).parent.glob("*.py"):
        if path.name == "quotes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
        own = [v for v in strings if isinstance(v, str) and v and set(v) <= MARKS]
        assert not own, (path.name, own)


# -- the lexicon as data --------------------------------------------------------------------


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


# The contract has no class for CAMEO 13 (threaten), 15 (force posture) or 18 (assault): an
# ultimatum (139) is a Demand, bombings, assassinations and abductions (18x) are
# MilitaryAction, forces mobilised or reinforced (154, PLOVER MOBILIZE) a Deployment.
CODES_BEYOND_ALIGNMENT = {("Demand", "139"), ("MilitaryAction", "18"), ("Deployment", "154")}


def aligned(onto, cls: str) -> list[str]:
    return [
        str(onto.value(m, SKOS.notation))
        for m in onto.objects(CKG[cls], SKOS.closeMatch)
        if str(m).startswith(str(CAMEO))
    ]


def event_classes(onto) -> set[str]:
    return {
        str(c).removeprefix(str(CKG))
        for c in onto.transitive_subjects(RDFS.subClassOf, CKG.Event)
        if c != CKG.Event and str(c).startswith(str(CKG))
    }


#: CAMEO codes no kind of the contract covers: their expressions make a plain ckg:Event
#: with the code ("16", reduce relations: "brach die Beziehungen ab"; "0874", surrender:
#: "kapitulierte", beside the ceasefires of 0871).
PLAIN_EVENT_CODES = {"083", "0874", "15", "16", "17"}


def _covered(code: str, kinds_codes: set[str]) -> bool:
    """Whether a kind of the contract aligns the code, a code above it or one beneath."""
    return any(code.startswith(k) or k.startswith(code) for k in kinds_codes)


def test_every_pattern_names_an_event_class_and_a_cameo_code_of_it(onto):
    known = event_classes(onto)
    kinds_codes = {code for cls in known for code in aligned(onto, cls)}
    for p in load_lexicon().patterns:
        assert (CAMEO[p.cameo], SKOS.notation, None) in onto, (p.id, p.cameo)
        if p.event_class == "Event":
            # a plain event only for a code of its own that no kind of the contract covers
            assert any(p.cameo.startswith(c) for c in PLAIN_EVENT_CODES), (p.id, p.cameo)
            assert not _covered(p.cameo, kinds_codes), (p.id, p.cameo)
            continue
        assert p.event_class in known, p.id
        roots = {code[:2] for code in aligned(onto, p.event_class)}
        beyond = {(p.event_class, p.cameo), (p.event_class, p.cameo[:2])}
        assert p.cameo[:2] in roots or beyond & CODES_BEYOND_ALIGNMENT, (p.id, p.cameo)


def test_every_event_class_and_aligned_cameo_code_has_a_german_expression(onto):
    patterns = load_lexicon().patterns
    for cls in event_classes(onto):
        codes = {p.cameo for p in patterns if p.event_class == cls}
        assert codes, f"no expression for {cls}"
        for code in aligned(onto, cls):
            assert any(c.startswith(code) for c in codes), f"no expression for {cls} {code}"


def test_pattern_ids_are_unique(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / "events.yaml").read_text(encoding="utf-8"))
    raw["patterns"].append(dict(raw["patterns"][0]))
    (patterns / "events.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="used twice"):
        load_lexicon(patterns)


def test_a_class_no_pattern_has_is_refused_in_the_speaker_section(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / "events.yaml").read_text(encoding="utf-8"))
    raw["speaker"]["classes"].append("Handshake")
    (patterns / "events.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"speaker: classes: no pattern has class \['Handshake'\]"):
        load_lexicon(patterns)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ob die Vereinten Nationen Blauhelme nach Mali schicken, ist noch offen.",
        "Unklar blieb, ob Russland Truppen nach Syrien entsendet.",
        "Falls Russland Truppen nach Syrien entsendet, droht eine Eskalation.",
    ],
)
def test_an_open_question_or_a_supposition_is_no_event(ex, sentence):
    assert not of_class(analyse(ex, sentence), "Deployment")


def test_the_told_deployment_beside_them_is_one(ex):
    a = analyse(ex, "Russland hat Truppen nach Syrien entsandt.")
    assert of_class(a, "Deployment")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mehr als 60.000 Menschen wurden in dem Bürgerkrieg getötet.",
        "Seit 1964 sind in dem Konflikt mehr als 220 000 Menschen getötet worden.",
        "Hunderttausende Menschen wurden getötet.",
    ],
)
def test_a_death_toll_is_no_military_action(ex, sentence):
    assert not of_class(analyse(ex, sentence), "MilitaryAction")


@pytest.mark.parametrize(
    "sentence",
    [
        "Bei einem Angriff in Mogadischu wurden 20 Soldaten getötet.",
        "Tausende Menschen wurden von der sudanesischen Armee getötet.",
    ],
)
def test_a_killing_told_with_its_scene_or_its_agent_is_one(ex, sentence):
    # (with neither a side nor a place named, fighting is not kept: test_extract_unseen4)
    assert of_class(analyse(ex, sentence), "MilitaryAction")


def test_a_fronted_participle_like_an_infinitive_is_the_verb(ex):
    # "Verlesen" is tagged as a nominalised infinitive; before "wurde" it is the participle
    a = analyse(ex, "Verlesen wurde die Erklärung von Kenias Außenminister Raphael Tuju.")
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("raphael-tuju",)


def test_a_command_of_a_states_forces_acts_for_it(ex):
    a = analyse(ex, "Das erklärte das Gemeinsame Operationskommando der irakischen Streitkräfte.")
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("iraq",)


def test_a_courts_sentence_is_no_condemnation(ex):
    # false friend: "verurteilen zu" a penalty
    a = analyse(ex, "Ein Gericht in Moskau verurteilte ihn wegen Spionage zu zehn Jahren Haft.")
    assert not of_class(a, "Accusation")
    assert of_class(analyse(ex, "Russland verurteilte den Angriff scharf."), "Accusation")


@pytest.mark.parametrize(
    "sentence",
    [
        "Der IS bekannte sich zu dem Anschlag in Kerman.",
        # the perfect: "bekannt" is the participle of "bekennen", not "known"
        "Der IS hat sich zu dem Anschlag in Kerman bekannt.",
    ],
)
def test_claiming_an_attack_is_a_statement_of_the_group(ex, sentence):
    (claimed,) = of_class(analyse(ex, sentence), "Statement")
    assert claimed.actors() == ("islamic-state",)


def test_a_claimed_attack_happened_and_is_claimed_by_the_claimant(ex):
    a = analyse(ex, "Die Hamas bekannte sich zu dem Anschlag in Jerusalem.")
    (attack,) = of_class(a, "MilitaryAction")
    assert ("location", "jerusalem") in roles(attack)
    assert attack.actors() == ("hamas",) and attack.claimed_by == ("hamas",)
    (claim,) = of_class(a, "Statement")  # the claim stays a statement beside it
    assert claim.actors() == ("hamas",)
    # what is claimed is no attack: "bekannte sich zu seiner Verantwortung"
    assert not of_class(
        analyse(ex, "Die Hamas bekannte sich zu ihrer Verantwortung."), "MilitaryAction"
    )


def test_known_is_no_claim(ex):
    assert not of_class(analyse(ex, "Es ist bekannt, dass der IS in Syrien kämpft."), "Statement")


def test_stopping_bombardments_is_a_ceasefire_demand(ex):
    a = analyse(ex, "Russland rief die Nato auf, die Bombardierungen sofort einzustellen.")
    (demand,) = of_class(a, "CeasefireDemand")
    assert set(demand.actors()) == {"russia", "nato"}


def test_a_genitive_name_before_a_title_and_name_is_no_speaker(ex):
    # "Raisis Berater X schrieb": the adviser writes, not Raisi
    a = analyse(
        ex,
        "Rutos politischer Berater Amos Kiprop schrieb im Onlinedienst X, die Lage sei ruhig.",
    )
    (said,) = of_class(a, "Statement")
    assert said.actors() == ("amos-kiprop",)


@pytest.mark.parametrize(
    ("sentence", "deployed"),
    [
        ("Frankreich hatte Fallschirmjäger nach Kigali entsandt.", True),
        ("Großbritannien schickte einen Flottenverband in den Südatlantik.", True),
        ("Die USA beorderten einen Flugzeugträger in den Golf.", True),
        # recalled and withdrawn are no deployment
        ("Russland beorderte seinen Militärvertreter aus Brüssel zurück.", False),
        ("Russland zog seine Panzer aus der Region ab.", False),
    ],
)
def test_units_and_assets_sent_are_deployments(ex, sentence, deployed):
    assert bool(of_class(analyse(ex, sentence), "Deployment")) == deployed


def test_troops_sent_in_the_passive_were_sent_by_their_state(ex):
    a = analyse(ex, "Kenianische Polizisten wurden im Juni nach Haiti entsandt.")
    assert roles(only(a, "Deployment")) == {("agent", "kenya"), ("location", "haiti")}


def test_quoted_words_of_praise_are_also_a_statement(ex):
    a = analyse(
        ex, "US-Präsident Joe Biden hatte die Einigung als „historischen Durchbruch“ gewürdigt."
    )
    assert {e.event_class for e in a.events} == {"Endorsement", "Statement"}
    assert only(a, "Statement").quote == "historischen Durchbruch"
    assert roles(only(a, "Statement")) == {("agent", "joe-biden")}
    # the praise itself carries the words it was made in
    assert only(a, "Endorsement").quote == "historischen Durchbruch"
    c = analyse(ex, "Botschafter Adlai Stevenson warf Nordvietnam »vorsätzliche Aggression« vor.")
    assert only(c, "Accusation").quote == "vorsätzliche Aggression"
    # a quoted name is nobody's words
    b = analyse(ex, "Kenia lobte die Besatzung der „Harambee“ für ihren Einsatz.")
    assert "Statement" not in {e.event_class for e in b.events}


def test_quoted_words_of_two_events_of_one_speaker_are_one_statement(ex):
    a = analyse(
        ex,
        "Der kenianische Präsident William Ruto forderte eine „sofortige Waffenruhe“ und "
        "verlangte den Abzug der Truppen.",
    )
    statements = of_class(a, "Statement")
    assert [(s.quote, s.actors()) for s in statements] == [
        ("sofortige Waffenruhe", ("william-ruto",))
    ]


def test_a_sentence_quoting_words_is_its_subjects_statement(ex):
    a = analyse(ex, "Russland nannte den Einsatz eine »militärische Spezialoperation«.")
    assert [(s.quote, s.actors()) for s in of_class(a, "Statement")] == [
        ("militärische Spezialoperation", ("russia",))
    ]
    a = analyse(
        ex, "Der Präsident William Ruto drohte den »verbrecherischen Feinden« mit einer Antwort."
    )
    assert [(s.quote, s.actors()) for s in of_class(a, "Statement")] == [
        ("verbrecherischen Feinden", ("william-ruto",))
    ]


def test_a_quoted_name_in_apposition_is_no_statement(ex):
    for text in (
        "Die Koalition begann die Operation »Sturm der Entschlossenheit«.",
        "Die Rakete traf den Zerstörer „Sheffield“ am Mittag.",
    ):
        assert not of_class(analyse(ex, text), "Statement"), text


def test_words_of_a_declaration_are_its_authors_statement(ex):
    a = analyse(
        ex, "Die Lage sei ernst, hieß es in einer Erklärung des kenianischen Außenministeriums."
    )
    assert roles(only(a, "Statement")) == {("agent", "kenya")}
    # a declaration nobody is named as the author of speaks for nobody
    b = analyse(ex, "In der Erklärung verpflichten sich beide Seiten zu Gesprächen.")
    assert not of_class(b, "Statement")


def test_a_verb_coordinated_with_a_subject_s_verb_shares_its_subject(ex):
    # regression: "forderte ein Ende der Kampfhandlungen" read the Kampfhandlungen as the
    # subject of "fordern" (fighting that claimed lives), and the demand was lost
    a = analyse(
        ex,
        "Die Regierung Irlands beantragte am Dienstag eine Sitzung des UN-Sicherheitsrats "
        "und forderte ein sofortiges Ende der Kampfhandlungen.",
    )
    assert of_class(a, "CeasefireDemand") and not of_class(a, "MilitaryAction")


def test_a_light_verb_silences_only_itself_not_another_verb_of_the_class(ex):
    a = analyse(
        ex,
        "Die Miliz verübte am Montag einen Anschlag auf eine Kaserne in Gao und beschoss am "
        "Dienstag einen Konvoi bei Kidal.",
    )
    assert len(of_class(a, "MilitaryAction")) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Regierung Tadschikistans ersuchte Russland, bei der Sicherung der Grenze zu helfen.",
        "Zu Hilfe gerufen hatte Präsident Tokajew am Mittwochabend die OVKS.",
    ],
)
def test_asked_to_help_or_called_to_help_is_a_request_for_aid(ex, sentence):
    (request,) = of_class(analyse(ex, sentence), "AssistanceRequest")
    assert request.actors(RoleProperty.ADDRESSEE) in (("russia",), ("csto",))


def test_a_veto_a_draft_failed_on_is_a_rejection_by_the_vetoing_state(ex):
    a = analyse(
        ex,
        "Im UN-Sicherheitsrat scheiterte am Sonntag ein Entschließungsentwurf am Veto der "
        "Sowjetunion.",
    )
    (veto,) = of_class(a, "Rejection")
    assert veto.actors(RoleProperty.AGENT) == ("soviet-union",) and cameo(veto) == "129"


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        (
            "Präsident Tokajew nannte Forderungen nach Gesprächen mit den Demonstranten »Unsinn«.",
            "kassym-jomart-tokayev",
        ),
        ("Russland bezeichnete die Vorwürfe der Ukraine als haltlos.", "russia"),
        # speaking of lies or propaganda dismisses a claim too
        ("Die Regierung in Kigali sprach von einem „Propagandamanöver“.", "rwanda"),
        ("Uganda sprach von „Märchen“ und Lügen.", "uganda"),
    ],
)
def test_a_dismissal_is_a_rejection_and_talks_asked_for_are_none(ex, sentence, agent):
    a = analyse(ex, sentence)
    (rejection,) = of_class(a, "Rejection")
    assert rejection.actors(RoleProperty.AGENT) == (agent,)
    assert not of_class(a, "Negotiation")


def test_calling_something_unacceptable_is_no_rejection(ex):
    a = analyse(ex, "Kolumbiens Präsident nannte die Schließung der Grenze inakzeptabel.")
    assert not of_class(a, "Rejection")
    a = analyse(ex, "Ugandas Präsident Yoweri Museveni sprach von einem historischen Tag.")
    assert not of_class(a, "Rejection")


def test_talks_arranged_by_a_third_are_its_mediation(ex):
    a = analyse(ex, "Eingefädelt worden war das Gespräch von US-Präsident Barack Obama.")
    assert only(a, "Mediation").actors(RoleProperty.AGENT) == ("barack-obama",)


def test_an_apology_accepted_is_an_endorsement(ex):
    a = analyse(ex, "Erdoğan nahm die Entschuldigung nach Angaben seines Büros an.")
    assert only(a, "Endorsement").actors(RoleProperty.AGENT) == ("recep-tayyip-erdogan",)


def test_a_passive_beside_an_event_noun_of_its_class_is_its_outcome(ex):
    a = analyse(
        ex,
        "Kämpfer der Hisbollah brachten den Westen Beiruts unter ihre Kontrolle; bei den "
        "Gefechten wurden mehr als 60 Menschen getötet.",
    )
    assert len(of_class(a, "MilitaryAction")) == 1


def test_an_attack_someone_claims_happened_is_their_claim(ex):
    a = analyse(
        ex,
        "Präsident Tokajew sprach von Terroristen. Die Bewaffneten hätten die Metropole "
        "Almaty angegriffen, behauptete er.",
    )
    assert only(a, "MilitaryAction").claimed_by == ("kassym-jomart-tokayev",)


def test_volunteers_of_a_state_are_its_side(ex):
    a = analyse(
        ex,
        "Indonesische Freiwillige waren seit 1963 immer wieder über die Grenze nach Sarawak "
        "vorgedrungen.",
    )
    assert ("agent", "indonesia") in roles(only(a, "MilitaryAction"))


def test_an_assault_a_clause_is_ended_with_is_an_attack(ex):
    a = analyse(
        ex,
        "In Lima ist das Geiseldrama mit einem Sturmangriff peruanischer Soldaten beendet worden.",
    )
    assert ("agent", "peru") in roles(only(a, "MilitaryAction"))


def test_the_host_named_in_a_copular_clause_after_a_comma(ex):
    a = analyse(
        ex,
        "Putin und Erdoğan hatten sich am Sonntag auf der Krim beraten, Gastgeber war Russland.",
    )
    meetings = of_class(a, "Meeting")
    hosted = [e for e in meetings if ("agent", "russia") in roles(e)]
    assert hosted and not any(("agent", "vladimir-putin") in roles(e) for e in meetings)
    # talks on an island or in a region after "auf" are held there
    talks = [e for e in meetings if ("participant", "vladimir-putin") in roles(e)]
    assert ("location", "crimea") in roles(talks[0])
    a = analyse(ex, "Putin und Erdoğan trafen sich auf Amboli.")
    assert ("location", "amboli") in roles(only(a, "Meeting"))


def test_condolences_the_parse_takes_for_the_subject_are_the_object(ex):
    a = analyse(
        ex,
        "Beileid bekundeten unter anderen Burkina Fasos Präsident Roch Marc Christian Kaboré "
        "und Senegals Staatschef Macky Sall.",
    )
    said = only(a, "Statement")
    assert cameo(said) == "018"
    assert roles(said) == {("agent", "roch-marc-christian-kabore"), ("agent", "macky-sall")}


def test_convening_a_body_or_a_session_is_hosting_a_meeting(ex):
    a = analyse(ex, "Präsident Mahamadou Issoufou berief das Kabinett zu einer Sondersitzung ein.")
    assert ("agent", "mahamadou-issoufou") in roles(only(a, "Meeting"))
    a = analyse(ex, "Präsident Mahamadou Issoufou berief eine Krisensitzung ein.")
    assert cameo(only(a, "Meeting")) == "043"
    # calling up reservists mobilises
    a = analyse(ex, "Russland berief 300000 Reservisten ein.")
    assert classes(a) == {"Deployment"}


def test_a_deed_the_speaker_claims_for_his_side_in_a_quote(ex):
    for text in (
        "„Heute haben unsere Streitkräfte Kidal eingenommen“, sagte der malische Präsident "
        "Assimi Goïta.",
        "„Wir haben Kidal eingenommen“, sagte der malische Präsident Assimi Goïta.",
    ):
        taken = only(analyse(ex, text), "MilitaryAction")
        assert roles(taken) == {("agent", "assimi-goita"), ("location", "kidal")}, text
    # announced, suffered or denied, it is no deed of his
    for text in (
        "„Wir werden Kidal einnehmen“, sagte der malische Präsident Assimi Goïta.",
        "„Wir wurden in der Nacht angegriffen“, sagte der malische Präsident Assimi Goïta.",
        "„Wir haben Kidal nicht angegriffen“, sagte der malische Präsident Assimi Goïta.",
    ):
        assert "MilitaryAction" not in classes(analyse(ex, text)), text


def test_a_guest_in_towns_visited_them(ex):
    a = analyse(
        ex,
        "Chinas Außenminister Wang Yi, der am Wochenende in Dhaka und Naypyidaw zu Gast war, "
        "warb für einen Plan.",
    )
    visit = only(a, "Meeting")
    assert cameo(visit) == "042"
    assert roles(visit) == {("agent", "wang-yi"), ("location", "dhaka"), ("location", "naypyidaw")}


def test_a_sources_account_framing_the_clause_is_its_statement(ex):
    # "nach Angaben von X": X states it, and is not the agent of the passive it frames
    a = analyse(
        ex,
        "Zerstört wurden nach Angaben von Verteidigungsminister Lloyd Austin drei Brücken "
        "bei Cherson.",
    )
    assert ("agent", "lloyd-austin") in roles(only(a, "Statement"))
    assert not [e for e in of_class(a, "MilitaryAction") if ("agent", "lloyd-austin") in roles(e)]
    a = analyse(ex, "Nach Darstellung der Armee wurden bei dem Angriff zehn Rebellen getötet.")
    assert ("agent", "t/armee") in roles(only(a, "Statement"))
