"""Diplomatic cooperation in the event lexicon (CAMEO roots 01, 03, 04, 05, 08).

Sentences written for these tests, on conflicts chosen for them (Armenia and Azerbaijan,
Ethiopia and Eritrea, Colombia and the ELN, Sudan, Myanmar, Serbia and Kosovo ...), not
taken from any article: several per family of expressions (statements and the mood of a
comment, condolences, readiness to mediate, meetings, visits, hosting, calls, negotiation,
mediation, backing, consent, agreement, apology, ceasefires), each asserting the class, the
CAMEO code where the family tells it, and the roles; false friends too ("erwiderten das
Feuer", "tauschten Gefangene aus", "setzt sich aus … zusammen", a breakthrough at the
front, a mountain's summit, a signal received, a war declared, talks only wanted).
"""

from __future__ import annotations

import pytest
from extract_helpers import analyse, classes, of_class, only, roles

from kg.vocabulary import RoleProperty

# -- 01 statements: verbs of saying, statements named by nouns, the mood of a comment ----------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Die Regierung Kolumbiens informierte über die Ergebnisse der Gespräche.", "colombia"),
        ("Armenien verwies auf das Völkerrecht.", "armenia"),
        ("Aserbaidschan erinnerte an die Resolutionen des Sicherheitsrats.", "azerbaijan"),
        ("Eritrea stellte fest, die Grenze sei ruhig.", "eritrea"),
        ("Serbien entgegnete, es habe keine Truppen verlegt.", "serbia"),
        ("Äthiopien erwiderte, die Vorwürfe seien falsch.", "ethiopia"),
        ("Kolumbien äußerte sich am Abend zu den Gesprächen mit der ELN.", "colombia"),
        ("Die Hamas gab am Abend eine Erklärung ab.", "hamas"),
        ("Aserbaidschan meldete sich am Dienstag zu Wort.", "azerbaijan"),
        ("Die Afrikanische Union ergriff das Wort.", "african-union"),
        ("Die Armee Myanmars gab zu, Zivilisten getroffen zu haben.", "myanmar"),
    ],
)
def test_more_verbs_and_nouns_of_saying(ex, text, agent):
    ev = only(analyse(ex, text), "Statement")
    assert ("agent", agent) in roles(ev) and ev.trigger.cameo == "010"


def test_returned_fire_is_no_statement(ex):
    a = analyse(ex, "Die Soldaten Armeniens erwiderten das Feuer.")
    assert "Statement" not in classes(a)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Kenias Präsident William Ruto hielt am Montag eine Rede.", "william-ruto"),
        (
            "Der ukrainische Präsident Wolodymyr Selenskyj gab am Abend ein Interview.",
            "volodymyr-zelenskyy",
        ),
    ],
)
def test_a_speech_or_an_interview_is_a_statement(ex, text, agent):
    assert ("agent", agent) in roles(only(analyse(ex, text), "Statement"))


def test_a_press_conference_framing_a_clause_is_no_meeting(ex):
    a = analyse(ex, "Bei einer Pressekonferenz in Eriwan sprach Armenien von einem Erfolg.")
    assert "Meeting" not in classes(a)
    assert ("agent", "armenia") in roles(only(a, "Statement"))


@pytest.mark.parametrize(
    ("text", "agent", "code"),
    [
        (
            "Die Europäische Union äußerte ihre Besorgnis über die Lage im Sudan.",
            "european-union",
            "012",
        ),
        ("Die Türkei meldete Bedenken gegen das Abkommen an.", "turkey", "012"),
        ("Die Vereinten Nationen bedauerten die Entscheidung Serbiens.", "united-nations", "012"),
        ("Ägypten äußerte die Hoffnung auf eine baldige Einigung.", "egypt", "013"),
        ("Kenia brachte seine Zuversicht zum Ausdruck.", "kenya", "010"),
        ("Die Europäische Union verlieh ihrer Hoffnung Ausdruck.", "european-union", "010"),
    ],
)
def test_the_mood_of_a_comment(ex, text, agent, code):
    ev = only(analyse(ex, text), "Statement")
    assert ("agent", agent) in roles(ev) and ev.trigger.cameo == code


def test_condolences_by_letter_and_mourning(ex):
    a = analyse(ex, "Indien schickte ein Kondolenzschreiben an Nepal.")
    ev = only(a, "Statement")
    assert roles(ev) == {("agent", "india"), ("addressee", "nepal")}
    assert ev.trigger.cameo == "018"
    a = analyse(ex, "Die Afrikanische Union bekundete ihre Trauer.")
    assert only(a, "Statement").trigger.cameo == "018"


# -- 03 readiness to mediate ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norwegen erklärte sich bereit, zwischen Kolumbien und der ELN zu vermitteln.",
        "Norwegen zeigte sich zur Vermittlung bereit.",
        "Norwegen erklärte sich zur Vermittlung bereit.",
        "Norwegen signalisierte seine Bereitschaft, zwischen Kolumbien und der ELN zu vermitteln.",
        "Norwegen bekundete seine Bereitschaft zur Vermittlung.",
        "Norwegen stellte seine Vermittlung in Aussicht.",
    ],
)
def test_readiness_to_mediate_is_an_offer_not_a_mediation(ex, text):
    a = analyse(ex, text)
    assert ("agent", "norway") in roles(only(a, "MediationOffer"))
    assert "Mediation" not in classes(a)


# -- 04 meetings, visits, hosting --------------------------------------------------------------


def test_deliberating_exchanging_and_sitting_together_are_meetings(ex):
    a = analyse(ex, "Russland und die Türkei berieten in Ankara über die Lage in Syrien.")
    assert {("participant", "russia"), ("participant", "turkey")} <= roles(only(a, "Meeting"))
    a = analyse(ex, "Der Sudan und der Südsudan tauschten sich über die Grenze aus.")
    assert roles(only(a, "Meeting")) == {("participant", "sudan"), ("participant", "south-sudan")}
    a = analyse(ex, "Serbien und Kosovo setzten sich in Brüssel an einen Tisch.")
    assert {("participant", "serbia"), ("participant", "kosovo")} <= roles(only(a, "Meeting"))
    a = analyse(ex, "Serbien und Kosovo setzten sich in Brüssel zusammen.")
    assert {("participant", "serbia"), ("participant", "kosovo")} <= roles(only(a, "Meeting"))


def test_meeting_named_by_meet_and_by_a_session(ex):
    a = analyse(ex, "Armenien und Aserbaidschan begegneten sich in Prag.")
    assert {("participant", "armenia"), ("participant", "azerbaijan")} <= roles(only(a, "Meeting"))
    a = analyse(ex, "Der UN-Sicherheitsrat trat am Montag zusammen.")
    assert of_class(a, "Meeting")
    a = analyse(ex, "Es kam zu einem Treffen zwischen Armenien und Aserbaidschan.")
    assert roles(only(a, "Meeting")) == {("participant", "armenia"), ("participant", "azerbaijan")}


@pytest.mark.parametrize(
    "text",
    [
        # exchanging prisoners, a body's composition, a signal and a summit's mountain
        "Armenien und Aserbaidschan tauschten Gefangene aus.",
        "Die Delegation setzt sich aus Vertretern Armeniens und Aserbaidschans zusammen.",
        "Die Armee Armeniens empfing ein Signal aus Aserbaidschan.",
        "Der Bergsteiger aus Nepal erreichte den Gipfel.",
        # talks wanted or planned are no talks held
        "Die Regierung Kolumbiens will mit der ELN verhandeln.",
        "Armenien und Aserbaidschan sollen am Montag in Washington verhandeln.",
    ],
)
def test_no_meeting_from_false_friends_or_plans(ex, text):
    assert not {"Meeting", "Negotiation"} & classes(analyse(ex, text))


def test_a_guest_received_and_a_visit_framing_the_clause(ex):
    a = analyse(
        ex, "Kenias Präsident William Ruto nahm den Präsidenten Somalias am Flughafen in Empfang."
    )
    ev = only(a, "Meeting")
    assert roles(ev) >= {("agent", "william-ruto"), ("participant", "somalia")}
    assert ev.trigger.cameo == "043"
    a = analyse(
        ex, "Bei seinem Besuch bei Ilham Alijew sprach Recep Tayyip Erdoğan von einer Allianz."
    )
    ev = only(a, "Meeting")
    assert roles(ev) >= {("agent", "recep-tayyip-erdogan"), ("participant", "ilham-aliyev")}
    assert ev.trigger.cameo == "042"


def test_a_guest_and_talks_discussed_with_someone(ex):
    a = analyse(ex, "Der Ministerpräsident Nikol Paschinjan war zu Gast bei Emmanuel Macron.")
    ev = only(a, "Meeting")
    assert roles(ev) == {("agent", "nikol-pashinyan"), ("participant", "emmanuel-macron")}
    assert ev.trigger.cameo == "042"
    a = analyse(ex, "Emmanuel Macron erörterte mit Wladimir Putin die Lage in der Ukraine.")
    assert {("agent", "emmanuel-macron"), ("participant", "vladimir-putin")} <= roles(
        only(a, "Meeting")
    )


def test_a_guest_welcomed_is_hosted_a_decision_welcomed_is_praised(ex):
    a = analyse(ex, "Recep Tayyip Erdoğan begrüßte Wladimir Putin am Flughafen in Ankara.")
    ev = only(a, "Meeting")
    assert {("agent", "recep-tayyip-erdogan"), ("participant", "vladimir-putin")} <= roles(ev)
    assert ev.trigger.cameo == "043" and "Endorsement" not in classes(a)
    a = analyse(
        ex, "Die Europäische Union begrüßte die Einigung zwischen Armenien und Aserbaidschan."
    )
    assert "Meeting" not in classes(a)
    assert ("agent", "european-union") in roles(only(a, "Endorsement"))


def test_a_meeting_as_the_scene_of_a_clause(ex):
    a = analyse(ex, "In einem Treffen mit Ilham Alijew sprach Nikol Paschinjan über den Frieden.")
    assert roles(only(a, "Meeting")) == {
        ("participant", "ilham-aliyev"),
        ("participant", "nikol-pashinyan"),
    }
    a = analyse(ex, "Kolumbien und die ELN traten in Verhandlungen ein.")
    assert roles(only(a, "Negotiation")) == {("participant", "colombia"), ("participant", "eln")}


@pytest.mark.parametrize(
    "text",
    [
        # talks asked for or agreed to are not held; an interview is no meeting
        "Kolumbien drängte auf Verhandlungen mit der ELN.",
        "Armenien und Aserbaidschan einigten sich auf ein Treffen im Mai.",
        "Im Gespräch mit der Zeitung sprach Nikol Paschinjan über den Frieden.",
    ],
)
def test_talks_asked_for_agreed_to_or_an_interview_are_no_meeting(ex, text):
    assert not {"Meeting", "Negotiation"} & classes(analyse(ex, text))


# -- 04 negotiation, calls, mediation -----------------------------------------------------------


def test_negotiation_by_wrestling_and_at_the_table(ex):
    a = analyse(ex, "Äthiopien und Eritrea rangen in Dschidda um eine Einigung.")
    assert {("participant", "ethiopia"), ("participant", "eritrea")} <= roles(
        only(a, "Negotiation")
    )
    a = analyse(ex, "Kolumbien und die ELN kehrten an den Verhandlungstisch zurück.")
    assert roles(only(a, "Negotiation")) == {("participant", "colombia"), ("participant", "eln")}
    a = analyse(ex, "Serbien und Kosovo verhandelten in Brüssel nach.")
    assert {("participant", "serbia"), ("participant", "kosovo")} <= roles(only(a, "Negotiation"))


def test_calls_named_by_their_medium(ex):
    a = analyse(ex, "Emmanuel Macron sprach am Telefon mit Wladimir Putin.")
    assert roles(only(a, "PhoneCall")) == {
        ("agent", "emmanuel-macron"),
        ("participant", "vladimir-putin"),
    }
    a = analyse(
        ex, "Nach einem Telefonat mit Wladimir Putin sprach Emmanuel Macron von Fortschritten."
    )
    assert roles(only(a, "PhoneCall")) == {
        ("agent", "emmanuel-macron"),
        ("participant", "vladimir-putin"),
    }
    # a video conference framing the clause is a call, not a meeting
    a = analyse(ex, "Bei einer Videokonferenz mit Kenia einigte sich Somalia auf einen Plan.")
    assert "Meeting" not in classes(a) and of_class(a, "PhoneCall")


def test_mediation_named_by_its_noun_a_table_and_a_frame(ex):
    a = analyse(ex, "Ägypten übernahm die Vermittlung zwischen Äthiopien und dem Sudan.")
    assert roles(only(a, "Mediation")) == {
        ("agent", "egypt"),
        ("participant", "ethiopia"),
        ("participant", "sudan"),
    }
    a = analyse(ex, "Der Vatikan schaltete sich als Vermittler ein.")
    assert roles(only(a, "Mediation")) == {("agent", "holy-see")}
    a = analyse(ex, "Katar brachte Äthiopien und Eritrea an einen Tisch.")
    assert roles(only(a, "Mediation")) >= {("agent", "qatar"), ("participant", "eritrea")}
    a = analyse(ex, "Äthiopien und Eritrea einigten sich dank der Vermittlung Katars.")
    assert ("agent", "qatar") in roles(only(a, "Mediation"))
    assert {("participant", "ethiopia"), ("participant", "eritrea")} <= roles(only(a, "Agreement"))


def test_talks_that_preceded_the_agreement_and_their_host(ex):
    a = analyse(
        ex,
        "Die Regierung Mosambiks und die Renamo haben in Rom einen Friedensvertrag "
        "unterzeichnet. Dem Vertrag waren mehr als zwei Jahre zäher Verhandlungen "
        "vorausgegangen, die die katholische Gemeinschaft Sant'Egidio ausgerichtet hatte.",
    )
    # hosting talks is a negotiation (the pattern's upgrade), whose talks are the noun the
    # relative clause stands on
    hosted, held = sorted(of_class(a, "Negotiation"), key=lambda e: e.trigger.pattern)
    assert {("participant", "mozambique"), ("participant", "renamo")} <= roles(held)
    assert (hosted.trigger.pattern, roles(hosted)) == ("host-talks", {("agent", "sant-egidio")})
    assert "Meeting" not in {e.event_class for e in a.events}


def test_a_call_between_two_named_sides(ex):
    a = analyse(
        ex,
        "Das sei in einem Telefonat zwischen Premierminister Rishi Sunak und Präsident "
        "Emmanuel Macron vereinbart worden.",
    )
    call = only(a, "PhoneCall")
    assert ("participant", "emmanuel-macron") in roles(call)
    assert len([k for r, k in roles(call) if r == "participant"]) == 2
    # "sich bei X entschuldigen in einem Telefonat": X was on the call
    a = analyse(
        ex,
        "Präsident Ilham Alijew entschuldigte sich in einem Telefonat bei Kremlchef Wladimir "
        "Putin für den Tod der Soldaten.",
    )
    assert ("participant", "vladimir-putin") in roles(only(a, "PhoneCall"))
    # a call with nobody named is no event
    assert not of_class(analyse(ex, "Das sagte er in einem Telefonat."), "PhoneCall")


def test_guarantors_and_companions_of_talks_mediate(ex):
    a = analyse(ex, "Als Garanten der Gespräche fungieren Kuba und Norwegen.")
    assert roles(only(a, "Mediation")) == {("agent", "cuba"), ("agent", "norway")}
    a = analyse(ex, "Als Vermittler unterschrieb auch Katar das Abkommen.")
    assert ("agent", "qatar") in roles(only(a, "Mediation"))
    # a relative clause opened by "deren" is a clause of its own, not a participle
    a = analyse(
        ex,
        "Der Arabischen Liga, deren Generalsekretär Amr Mussa die Verhandlungen begleitete, "
        "gehören der Libanon und Katar an.",
    )
    assert ("agent", "amr-moussa") in roles(only(a, "Mediation"))
    assert "Negotiation" not in classes(a)
    # who rejects a guarantor does not mediate; a minister travelling along does not either
    a = analyse(ex, "Kolumbien lehnte Norwegen als Garanten ab.")
    assert "Mediation" not in classes(a)
    a = analyse(ex, "Der Minister begleitete den Präsidenten nach Moskau.")
    assert "Mediation" not in classes(a)


# -- 05 backing, consent, agreement, apology ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "addressee"),
    [
        ("Die USA gaben Israel Rückendeckung.", "united-states", "israel"),
        ("Die Afrikanische Union stärkte Somalia den Rücken.", "african-union", "somalia"),
        ("Kenia erhielt Rückendeckung von der Afrikanischen Union.", "african-union", "kenya"),
        ("Polen solidarisierte sich mit der Ukraine.", "poland", "ukraine"),
        (
            "Die Vereinten Nationen bestärkten Kolumbien in seinem Kurs.",
            "united-nations",
            "colombia",
        ),
    ],
)
def test_backing_given_and_received(ex, text, agent, addressee):
    ev = only(analyse(ex, text), "Endorsement")
    assert {("agent", agent), ("addressee", addressee)} <= roles(ev)


def test_approval_is_consent_to_a_pact_else_an_endorsement(ex):
    a = analyse(ex, "Die Arabische Liga gab ihre Zustimmung zu dem Friedensplan.")
    assert roles(only(a, "Agreement")) == {("participant", "arab-league")}
    a = analyse(ex, "Die Arabische Liga signalisierte ihre Zustimmung.")
    assert "Agreement" not in classes(a)
    assert roles(only(a, "Endorsement")) == {("agent", "arab-league")}


def test_agreement_signed_in_the_passive_with_its_parties_on_the_noun(ex):
    a = analyse(ex, "Ein Abkommen zwischen Armenien und Aserbaidschan wurde unterzeichnet.")
    assert roles(only(a, "Agreement")) == {
        ("participant", "armenia"),
        ("participant", "azerbaijan"),
    }


def test_agreement_that_came_about_and_a_breakthrough_in_talks(ex):
    a = analyse(ex, "Zwischen Äthiopien und Eritrea kam eine Einigung zustande.")
    assert roles(only(a, "Agreement")) == {("participant", "ethiopia"), ("participant", "eritrea")}
    a = analyse(ex, "Serbien und Kosovo erzielten einen Durchbruch bei den Verhandlungen.")
    assert {("participant", "serbia"), ("participant", "kosovo")} <= roles(only(a, "Agreement"))
    # a breakthrough at the front is no agreement
    a = analyse(ex, "Die Armee Aserbaidschans erzielte einen Durchbruch an der Front.")
    assert "Agreement" not in classes(a)


def test_a_ceasefire_arranged(ex):
    a = analyse(ex, "Armenien und Aserbaidschan verabredeten eine Waffenruhe.")
    assert roles(only(a, "CeasefireAgreement")) == {
        ("participant", "armenia"),
        ("participant", "azerbaijan"),
    }


def test_an_arrangement_reached(ex):
    a = analyse(ex, "Der Sudan und der Südsudan trafen eine Abmachung über die Grenze.")
    assert roles(only(a, "Agreement")) == {("participant", "sudan"), ("participant", "south-sudan")}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Japan leistete Abbitte.", "japan"),
        ("Die Türkei zeigte Reue.", "turkey"),
        ("Die Türkei bedauerte den Zwischenfall an der Grenze.", "turkey"),
    ],
)
def test_penance_and_regret_for_a_mishap_are_apologies(ex, text, agent):
    ev = only(analyse(ex, text), "Apology")
    assert ("agent", agent) in roles(ev) and ev.trigger.cameo == "055"


# -- 08 ceasefires declared, in force, silent guns --------------------------------------------


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Die Armee Myanmars kündigte eine Waffenruhe an.", "myanmar"),
        ("Russland gab eine Waffenruhe über Ostern bekannt.", "russia"),
        ("Die Hamas legte eine Feuerpause ein.", "hamas"),
        ("Die Armee Myanmars setzte die Waffenruhe in Kraft.", "myanmar"),
    ],
)
def test_ceasefire_announced_or_put_in_force(ex, text, party):
    ev = only(analyse(ex, text), "CeasefireAgreement")
    # the side that declares it alone is its agent
    assert ("agent", party) in roles(ev) and ev.trigger.cameo == "0871"
    assert "Statement" not in classes(analyse(ex, text))


def test_silent_guns_and_a_ceasefire_that_holds_sway(ex):
    a = analyse(ex, "Seit Sonntag schweigen zwischen Armenien und Aserbaidschan die Waffen.")
    assert roles(only(a, "CeasefireAgreement")) == {
        ("participant", "armenia"),
        ("participant", "azerbaijan"),
    }
    a = analyse(ex, "Seit Mitternacht herrscht zwischen Israel und der Hisbollah eine Waffenruhe.")
    assert roles(only(a, "CeasefireAgreement")) == {
        ("participant", "israel"),
        ("participant", "hezbollah"),
    }


def test_a_war_declared_is_no_agreement(ex):
    a = analyse(ex, "Russland erklärte der Ukraine den Krieg.")
    assert not {"Agreement", "CeasefireAgreement"} & classes(a)


@pytest.mark.parametrize(
    "text",
    [
        # the ceasefire is the object of the zu-infinitive, not of "ankündigen"
        "Indien kündigte an, die Waffenruhe zu respektieren.",
        # what one declares a ceasefire to be
        "Indien erklärte die Waffenruhe für gescheitert.",
    ],
)
def test_false_friends_of_a_declared_ceasefire(ex, text):
    assert "CeasefireAgreement" not in classes(analyse(ex, text))


def test_a_unilateral_ceasefire_declared_with_erklaeren(ex):
    a = analyse(ex, "Die Hamas erklärte eine einseitige Waffenruhe.")
    assert roles(only(a, "CeasefireAgreement")) == {("agent", "hamas")}


def test_talks_offered_to_a_side(ex):
    # the particle after a guillemet is still the verb's ("bot … »…« an")
    a = analyse(
        ex, "Zugleich bot Peking der Führung in Taipeh Gespräche über eine »friedliche Lösung« an."
    )
    ev = only(a, "Statement")
    assert ev.trigger.pattern == "offer-talks"
    assert roles(ev) == {("agent", "china"), ("addressee", "taiwan")}
    # an offer to mediate stays one
    a = analyse(ex, "Katar bot den Parteien Gespräche unter seiner Vermittlung an.")
    assert "MediationOffer" in classes(a)


# -- talks named by a noun with a participle or a verb that says they were held ---------------


def test_talks_with_a_participle_attribute_of_holding_were_held(ex):
    a = analyse(
        ex,
        "Vermittelt hatten die seit Ende Mai in Asmara geführten Gespräche zwischen "
        "Äthiopien und Eritrea der Sondergesandte Paolo Ferrante und der Diplomat Jan Ek.",
    )
    talks = only(a, "Negotiation")
    assert {("participant", "ethiopia"), ("participant", "eritrea")} <= roles(talks)
    # the mediator is no party to the talks he mediated
    ferrante = next(m.keys[0] for m in a.mentions if m.text.endswith("Paolo Ferrante"))
    assert ("participant", ferrante) not in roles(talks)
    assert ("agent", ferrante) in roles(only(a, "Mediation"))


def test_a_particle_past_another_finite_verb_is_that_verbs(ex):
    # "vorbei" is the particle of "sei", not of "sagte" ("vorbeisagen" is no verb)
    a = analyse(
        ex,
        "Präsident Ilham Alijew unterzeichnete. Alijew sagte, der Krieg sei nun endgültig vorbei.",
    )
    assert ("agent", "ilham-aliyev") in roles(only(a, "Statement"))


def test_an_assessment_is_a_statement(ex):
    ev = only(analyse(ex, "Serbien wertete das Abkommen als Erfolg."), "Statement")
    assert ("agent", "serbia") in roles(ev)


def test_a_council_taking_up_a_matter_meets_a_person_does_not(ex):
    a = analyse(ex, "Am Mittwoch befasste sich der UN-Sicherheitsrat in New York mit dem Konflikt.")
    assert ("participant", "un-security-council") in roles(only(a, "Meeting"))
    assert not analyse(ex, "Putin befasste sich am Mittwoch mit dem Konflikt.").events


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Es handle sich um einen Aufstand, hieß es im State Department.", "us-state-department"),
        ("Die Lage sei unter Kontrolle, hieß es aus dem Kreml.", "kremlin"),
        ("Die Lage sei unter Kontrolle, hieß es in Washington.", "united-states"),
        # the declaration's author speaks, not the place it is published in
        ("In einer Erklärung der FMLN hieß es, der Krieg sei vorbei.", "fmln"),
    ],
)
def test_it_was_said_in_an_institution_or_a_capital(ex, text, agent):
    assert ("agent", agent) in roles(only(analyse(ex, text), "Statement"))


def test_it_is_said_with_no_one_named_is_no_statement(ex):
    assert not of_class(analyse(ex, "Es heißt, die Lage sei unter Kontrolle."), "Statement")


def test_a_government_after_a_capital_opening_the_clause_is_that_capital_s(ex):
    a = analyse(
        ex,
        "Kiew (dpa) – Die Ukraine meldete Angriffe. In Peking erklärte die Regierung, ein "
        "Angriff auf Vietnam sei ein Angriff auf China.",
    )
    said = [e for e in of_class(a, "Statement") if e.sentence == 1]
    assert [e.actors(RoleProperty.AGENT) for e in said] == [("china",)]


def test_whom_a_speaker_addresses_during_a_meeting_was_at_it(ex):
    a = analyse(ex, "Macron lobte Scholz bei einem Treffen in Paris.")
    meeting = only(a, "Meeting")
    assert set(meeting.actors(RoleProperty.PARTICIPANT)) == {"emmanuel-macron", "olaf-scholz"}


def test_a_visit_framing_the_clause_is_to_the_state_of_its_capital(ex):
    a = analyse(ex, "Bei seinem Besuch in Nairobi sagte Macron weitere Hilfe zu.")
    assert roles(only(a, "Meeting")) >= {
        ("agent", "emmanuel-macron"),
        ("participant", "kenya"),
        ("location", "nairobi"),
    }


def test_during_before_a_genitive_frames_the_clause(ex):
    # HanTa tags "Während" as the conjunction; before "eines" it is the preposition
    a = analyse(ex, "Während eines Treffens mit Ruto kündigte Macron neue Hilfen an.")
    assert roles(only(a, "Meeting")) >= {
        ("participant", "emmanuel-macron"),
        ("participant", "william-ruto"),
    }


def test_what_a_meeting_deliberates_on_may_hang_on_its_place(ex):
    # the parse hangs "über Mali" on "Accra"; a place name takes no such phrase
    a = analyse(ex, "Die Staatschefs der Ecowas berieten am Sonntag in Accra über Mali.")
    assert roles(only(a, "Meeting")) >= {("participant", "ecowas"), ("location", "accra")}


def test_a_session_held_is_the_meeting_of_whom_its_genitive_names(ex):
    a = analyse(ex, "Die Sondersitzung des UN-Sicherheitsrats fand am Montag statt.")
    assert ("participant", "un-security-council") in roles(only(a, "Meeting"))
    a = analyse(ex, "Am Sonntag begann in Addis Abeba der Gipfel der Afrikanischen Union.")
    assert roles(only(a, "Meeting")) >= {
        ("participant", "african-union"),
        ("location", "addis-ababa"),
    }
