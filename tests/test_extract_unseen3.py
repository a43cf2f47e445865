"""General German/domain rules found with the fourth held-out set (tests/data/heldout4),
each tested on sentences written for the test about yet other conflicts and actors:
deputy title compounds ("Vizeregierungschef"), "Gastgeber" as hosting, "Streit beilegen"
as an agreement, new given names before known surnames, given names referring back,
unknown organisation names ("der Karibischen Gemeinschaft"), membership by "gehört ... an"
and "ist kein Mitglied", "dauert seit 1988 an" as a conflict start, and "der Präsident von
X, Name"."""

from extract_helpers import analyse, of_class, positions

from kg.extract.model import FactKind
from kg.extract.names import name_key
from kg.vocabulary import RoleProperty


def test_deputy_title_compound_is_the_deputy_office_and_names_a_person(ex):
    a = analyse(
        ex,
        "Der georgische Vizeministerpräsident Lewan Dawitaschwili und der türkische "
        "Vizeregierungschef Cevdet Yilmaz unterzeichneten am Dienstag ein Abkommen.",
    )
    pos = positions(a)
    assert any(r == "deputy-prime-minister" and o == "georgia" for _p, r, o in pos), pos
    assert any(r == "deputy-head-of-government" and o == "turkey" for _p, r, o in pos), pos
    agreements = of_class(a, "Agreement")
    assert agreements and len(agreements[0].actors(RoleProperty.PARTICIPANT)) == 2


def test_deputy_prefix_of_an_unknown_office_is_no_title(ex):
    a = analyse(ex, "Der Vizeweltmeister Paul Weber sagte, er sei zufrieden.")
    assert not any(r.startswith("deputy-") for _p, r, _o in positions(a))


def test_host_noun_with_copula_is_a_meeting_hosted_by_the_subject(ex):
    a = analyse(
        ex,
        "Serbien und Kroatien haben sich in Wien getroffen. Der österreichische Kanzler "
        "Karl Nehammer war Gastgeber des Treffens.",
    )
    hosts = [e for e in of_class(a, "Meeting") if e.actors(RoleProperty.AGENT)]
    assert hosts and hosts[0].actors(RoleProperty.AGENT) == (
        "karl-nehammer",
    )  # keys are transliteration-neutral, a.events


def test_settling_a_dispute_under_mediation_is_a_mediated_agreement(ex):
    a = analyse(
        ex,
        "Unter Vermittlung Katars haben Eritrea und Dschibuti am Montag ihren Grenzstreit "
        "beigelegt.",
    )
    agreements = of_class(a, "Agreement")
    assert agreements, a.events
    assert set(agreements[0].actors(RoleProperty.PARTICIPANT)) == {"eritrea", "djibouti"}
    assert agreements[0].actors(RoleProperty.MEDIATOR) == ("qatar",)


def test_new_given_name_before_a_known_surname_is_a_new_person(ex):
    # "Ali" alone is also a name of a known person; "Samir Ali" is someone else
    a = analyse(
        ex,
        "Der ägyptische Außenminister Samir Ali und sein sudanesischer Amtskollege "
        "Omar Hassan trafen sich am Montag in Kairo.",
    )
    pos = positions(a)
    assert any(p == "samir-ali" and r == "foreign-minister" for p, r, _o in pos), pos
    meetings = of_class(a, "Meeting")
    assert meetings and "samir-ali" in meetings[0].actors(RoleProperty.PARTICIPANT)


def test_given_name_refers_back_to_the_person_named_in_full(ex):
    a = analyse(
        ex,
        "Der kenianische Präsident William Ruto empfing am Montag eine Delegation. "
        "Die Gespräche dauerten Stunden. William sagte danach, man sei zufrieden.",
    )
    speech = of_class(a, "Statement")
    assert speech and speech[0].actors(RoleProperty.AGENT) == ("william-ruto",), a.events


def test_known_surname_as_a_given_name_after_a_title_starts_a_new_person(ex):
    # "Ahmed" is also the surname of a known person; here it is two people's given name
    a = analyse(
        ex,
        "Präsident Ahmed Musa und Außenminister Ahmed Bello reisten nach Abuja. "
        "Bello sagte, die Lage sei ernst.",
    )
    speech = of_class(a, "Statement")
    assert speech and speech[0].actors(RoleProperty.AGENT) == (
        "ahmed-belo",
    )  # keys are transliteration-neutral


def _members(a) -> set[tuple[str, str, str]]:
    kinds = (FactKind.MEMBER, FactKind.NOT_MEMBER)
    return {(f.kind.value, f.subject, f.object) for f in a.facts if f.kind in kinds}


def test_capitalised_adjective_before_an_organisation_noun_is_a_new_organisation(ex):
    a = analyse(ex, "Die Bolivarische Allianz begrüßte die Einigung zwischen Peru und Ecuador.")
    endorse = of_class(a, "Endorsement")
    assert endorse and endorse[0].actors(RoleProperty.AGENT) == (name_key("Bolivarische Allianz"),)
    labels = {k: lab for k, _c, lab in a.new_entities}
    assert labels[name_key("Bolivarische Allianz")] == "Bolivarische Allianz"


def test_lowercase_adjective_before_an_organisation_noun_is_no_name(ex):
    a = analyse(ex, "Die internationale Gemeinschaft begrüßte die Einigung.")
    assert not a.new_entities
    assert all(not e.actors() for e in of_class(a, "Endorsement"))


def test_membership_verb_angehoeren_and_negated_noun_pointing_back(ex):
    a = analyse(
        ex,
        "Bolivien gehört der Pazifischen Allianz an, Chile ist kein Mitglied.",
    )
    m = _members(a)
    assert ("member", "bolivia", name_key("Pazifische Allianz")) in m, m
    assert ("not-member", "chile", name_key("Pazifische Allianz")) in m, m


def test_membership_verb_negated_with_separable_particle(ex):
    a = analyse(ex, "Marokko gehört der Afrikanischen Union nicht an. Kenia gehört zur Nato.")
    m = _members(a)
    assert ("not-member", "morocco", "african-union") in m, m
    assert ("member", "kenya", "nato") in m, m
    assert not any(s == "morocco" and k == "member" for k, s, _o in m)


def test_lasting_conflict_seit_date_is_its_start(ex):
    a = analyse(
        ex,
        "Armenien und Aserbaidschan haben verhandelt. Der Konflikt um Bergkarabach "
        "dauert seit 1988 an.",
    )
    assert a.conflict is not None and a.conflict.start == ("1988", "gYear")
    b = analyse(
        ex,
        "Eritrea und Dschibuti haben verhandelt. Der Grenzkonflikt zwischen Eritrea und "
        "Dschibuti schwelt seit Juni 2008.",
    )
    assert b.conflict is not None and b.conflict.start == ("2008-06", "gYearMonth")


def test_seit_date_of_the_conflict_itself_is_its_start_not_that_of_a_bystander(ex):
    # the conflict as the clause's subject: "has claimed victims since 1988" dates it
    a = analyse(
        ex,
        "Armenien und Aserbaidschan haben verhandelt. Seit 1988 hat der Konflikt um "
        "Bergkarabach viele Opfer gefordert.",
    )
    assert a.conflict is not None and a.conflict.start == ("1988", "gYear")
    # someone else acting in it since a date says nothing of when it began (the known
    # conflict keeps the year the dictionary gives)
    b = analyse(
        ex,
        "Armenien und Aserbaidschan haben verhandelt. Seit 1994 vermittelt Frankreich in "
        "dem Konflikt um Bergkarabach.",
    )
    assert b.conflict is not None and b.conflict.start in (None, ("1988", "gYear"))


def test_title_von_state_with_apposition_name_is_the_holder(ex):
    a = analyse(
        ex,
        "Der Präsident von Kenia, William Ruto, vermittelte am Montag zwischen Äthiopien "
        "und Somalia.",
    )
    assert ("william-ruto", "president", "kenya") in positions(a)
    med = of_class(a, "Mediation")
    assert med and med[0].actors(RoleProperty.AGENT) == ("william-ruto",)
