"""Groups a text names by a noun alone ("die Rebellen", "die Koalition"): they refer back
to the group the article named, else they are an actor of the article's own. Sentences
written for the tests, on conflicts and actors of their own."""

import pytest
from extract_helpers import analyse, of_class, only, roles

from kg.articles import parse_article_text
from kg.extract.rdf import analysis_graph
from kg.namespaces import CKG, RDF, RDFS
from kg.vocabulary import EventProperty


def test_rebels_the_article_never_names_are_an_armed_group_of_its_own(ex):
    a = analyse(ex, "Die Rebellen lehnten den Vorschlag der Regierung ab.")
    rejection = only(a, "Rejection")
    assert roles(rejection) == {("agent", "t/rebellen")}
    assert ("t/rebellen", "ArmedGroup", "Rebellen") in a.new_entities


def test_an_adjective_stays_in_the_label_of_the_unnamed_group(ex):
    a = analyse(ex, "Die radikalen Separatisten beschossen am Sonntag einen Grenzposten.")
    attack = only(a, "MilitaryAction")
    assert ("agent", "t/radikalen-separatisten") in roles(attack)
    assert ("t/radikalen-separatisten", "ArmedGroup", "radikalen Separatisten") in (a.new_entities)


def test_the_coalition_refers_back_to_the_named_coalition(ex):
    a = analyse(
        ex,
        "Die von Frankreich angeführte Militärkoalition kündigte neue Einsätze an. "
        "Die Koalition bombardierte am Dienstag Stellungen bei Gao.",
    )
    attack = only(a, "MilitaryAction")
    agents = {k for r, k in attack.roles if r.value == "agent"}
    assert len(agents) == 1 and "militarkoalition" in agents.pop(), roles(attack)


def test_rebels_refer_back_to_the_group_named_in_a_leaders_title(ex):
    a = analyse(
        ex,
        "Der Anführer der Rebellenbewegung FPS, Samuel Okoro, traf in Lomé ein. "
        "Die Rebellen lehnten den Vorschlag der Regierung ab.",
    )
    assert roles(only(a, "Rejection")) == {("agent", "fps")}


def test_the_headline_rebels_are_the_group_the_body_names(ex):
    art = parse_article_text(
        "date 2024-03-15 Regierung und Rebellen unterzeichnen in Accra Abkommen\n"
        "Accra – Die Regierung Liberias und die Rebellengruppe LURD haben am Freitag in der "
        "ghanaischen Hauptstadt ein Abkommen unterzeichnet.\n",
        identifier="t.txt",
        origin="t.txt",
    )
    a = ex.analyse(art)
    assert all("rebellen" not in k for e in a.events for _r, k in e.roles)


def test_unnamed_groups_of_two_articles_get_two_iris(ex):
    iris = []
    for name in ("a.txt", "b.txt"):
        art = parse_article_text(
            "date 2024-03-15 Test\nDie Rebellen lehnten den Vorschlag ab.\n",
            identifier=name,
            origin=name,
        )
        g = analysis_graph(art, ex.analyse(art), ex.dictionary, ex.lexicon)
        groups = [s for s in g.subjects(RDF.type, CKG.ArmedGroup)]
        assert len(groups) == 1 and str(g.value(groups[0], RDFS.label)) == "Rebellen"
        iris.append(str(groups[0]))
    assert iris[0] != iris[1]
    assert iris[0].endswith("/id/entity/a/rebellen")


def test_the_spokesman_of_an_unnamed_junta_speaks_as_himself(ex):
    a = analyse(
        ex, "Im Radio verlas der Sprecher der Junta, Hauptmann Ibrahim Sanou, ein Kommuniqué."
    )
    assert {k for _r, k in only(a, "Statement").roles} == {"ibrahim-sanu"}


def test_a_subject_after_a_comma_opens_the_reported_clause_not_a_list(ex):
    # "Kenia, Uganda" would be a list; a finite verb right after the second name makes
    # it the subject of what was said
    a = analyse(ex, "Am Montag sagte Tansania, Burundi habe eingelenkt.")
    assert roles(only(a, "Statement")) == {("agent", "tanzania")}


def test_reported_speech_after_a_comma_is_no_relative_clause(ex):
    a = analyse(ex, "Das Außenministerium in Accra erklärte, die Rebellen hätten eingelenkt.")
    assert roles(only(a, "Statement")) == {("agent", "ghana")}


def test_a_threat_at_the_clause_end_is_no_attack(ex):
    a = analyse(
        ex,
        "Umkämpft war die Stadt Kidal, wo die Rebellen die Armee einzukesseln drohen.",
    )
    assert not [
        e for e in a.events if e.event_class == "MilitaryAction" and e.trigger.pattern == "siege"
    ]


def test_the_two_people_counted_are_the_two_named_last(ex):
    a = analyse(
        ex,
        "Präsident Salva Kiir und Rebellenführer Riek Machar trafen in Addis Abeba ein. "
        "Auf dem Platz besiegelten die beiden Männer den Vertrag mit einem Handschlag.",
    )
    assert roles(only(a, "Agreement")) == {
        ("participant", "salva-kiir"),
        ("participant", "riek-machar"),
    }


def test_people_counted_are_not_those_their_own_sentence_names(ex):
    a = analyse(
        ex,
        "Jair Lapid und Gabi Aschkenasi reisten nach Washington. Dort unterzeichneten "
        "Präsident Donald Trump und die beiden Minister eine Erklärung.",
    )
    assert roles(only(a, "Agreement")) == {
        ("participant", "yair-lapid"),
        ("participant", "gabi-ashkenazi"),
        ("participant", "donald-trump"),
        ("location", "washington-dc"),  # "Dort": the place named last
    }


def test_a_people_acting_as_one_is_an_actor_not_the_state(ex):
    a = analyse(ex, "Die Kurden im Norden forderten mehr Autonomie.")
    assert roles(only(a, "Demand")) == {("agent", "t/kurden")}
    assert ("t/kurden", "Actor", "Kurden") in a.new_entities


def test_rebels_of_a_lead_are_the_armed_group_named_first_after_them(ex):
    a = analyse(
        ex,
        "Manila – Die Regierung und die größte muslimische Rebellengruppe des Landes haben "
        "ein Friedensabkommen unterzeichnet. Der Vorsitzende der MILF, Al Haj Murad Ebrahim, "
        "wohnte der Zeremonie bei. Eine andere Gruppe, die MNLF, war nicht beteiligt.",
    )
    agreement = only(a, "Agreement")
    assert ("participant", "milf") in roles(agreement), roles(agreement)
    assert ("participant", "mnlf") not in roles(agreement)


def test_the_government_of_a_dateline_capital_when_no_state_is_named(ex):
    art = parse_article_text(
        "date 2006-11-21 Regierung und Rebellen besiegeln Frieden\n"
        "Kathmandu – Die Regierung und die maoistischen Rebellen haben ein "
        "Friedensabkommen geschlossen.\n",
        identifier="t.txt",
        origin="t.txt",
    )
    agreement = only(ex.analyse(art), "Agreement")
    assert ("participant", "nepal") in roles(agreement)


def test_a_bare_plural_is_a_group_of_its_own_phrase(ex):
    a = analyse(
        ex, "Am Montag griffen maskierte Kämpfer einen Stützpunkt der Armee bei Kismayo an."
    )
    attack = only(a, "MilitaryAction")
    assert ("agent", "t/maskierte-kaempfer") in roles(attack)
    assert ("t/maskierte-kaempfer", "ArmedGroup", "maskierte Kämpfer") in a.new_entities


def test_a_bare_plural_never_refers_back_to_the_group_named_before(ex):
    # Regression: "maskierte Kämpfer" became the Islamic Courts named a sentence before,
    # the very attribution the article leaves open.
    a = analyse(
        ex,
        "Die Union islamischer Gerichte hatte die Stadt bis Dezember kontrolliert. "
        "Am Dienstag griffen maskierte Kämpfer einen Stützpunkt bei Kismayo an.",
    )
    agents = {k for r, k in roles(only(a, "MilitaryAction")) if r == "agent"}
    assert agents == {"t/maskierte-kaempfer"}


def test_the_insurgents_as_a_nominalised_adjective_are_a_group(ex):
    a = analyse(ex, "Die Aufständischen eroberten im August die Hafenstadt Mocímboa da Praia.")
    assert ("agent", "t/aufstaendischen") in roles(only(a, "MilitaryAction"))


def test_a_plural_with_a_determiner_of_its_own_is_no_bare_group(ex):
    a = analyse(ex, "Seine Kämpfer griffen am Montag einen Stützpunkt bei Kismayo an.")
    assert not any("kaempfer" in k for k, _c, _l in a.new_entities)


def test_armed_men_tagged_as_an_adjective_are_a_group(ex):
    a = analyse(ex, "Die Bewaffneten hätten die Metropole Almaty angegriffen, sagte der Minister.")
    assert ("agent", "t/bewaffneten") in roles(only(a, "MilitaryAction"))


def test_a_body_with_an_indefinite_article_is_one_of_the_article_s_own(ex):
    a = analyse(ex, "Vermittelt wurden die Gespräche von einer Garantenkommission.")
    assert roles(only(a, "Mediation")) == {("agent", "t/garantenkommission")}
    assert ("t/garantenkommission", "Organization", "Garantenkommission") in a.new_entities


def test_the_rebels_still_refer_to_the_named_group_after_a_bare_plural(ex):
    # regression: "islamistischer Rebellen" (a bare plural) took "die Rebellen" from Ansar
    # Dine, named before
    a = analyse(
        ex,
        "Die Gruppe Ansar Dine kontrolliert den Norden Malis. Nach dem Vormarsch "
        "islamistischer Rebellen bat Mali um Hilfe. Die Rebellen griffen am Donnerstag die "
        "Stadt Konna an.",
    )
    attacks = [e for e in of_class(a, "MilitaryAction") if e.actors(EventProperty.LOCATION)]
    assert attacks and all(("agent", "ansar-dine") in roles(e) for e in attacks)


def test_hostage_takers_and_hijackers_are_the_armed_group_named(ex):
    a = analyse(
        ex,
        "Das Flugzeug war von Kämpfern der Volksfront zur Befreiung Palästinas (PFLP) "
        "entführt worden. Die Entführer verlangten die Freilassung von 53 Gefangenen.",
    )
    assert ("agent", "pflp") in roles(only(a, "Demand"))
    # with none named, the article's own unnamed group acts
    (demand,) = of_class(analyse(ex, "Die Geiselnehmer verlangten Lösegeld."), "Demand")
    assert demand.actors()


def test_mutineers_are_an_armed_group_and_their_delegation_stands_for_them(ex):
    a = analyse(
        ex,
        "Die Meuterer hatten die Kaserne besetzt. Präsident Tinubu empfing am Abend eine "
        "Abordnung der Meuterer.",
    )
    (taken,) = of_class(a, "MilitaryAction")
    assert roles(taken) == {("agent", "t/meuterer")}
    assert ("participant", "t/meuterer") in roles(only(a, "Meeting"))


def test_the_federal_republic_is_germany(ex):
    a = analyse(ex, "Die Bundesrepublik verurteilte den Angriff.")
    assert ("agent", "germany") in roles(only(a, "Accusation"))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Tausende Schüler demonstrierten in Soweto gegen die neue Unterrichtssprache.", "Schüler"),
        ("In Ost-Berlin streikten Tausende Bauarbeiter.", "Bauarbeiter"),
        ("Hunderte Studenten protestierten vor der Universität.", "Studenten"),
        ("Die Demonstranten forderten Reformen.", "Demonstranten"),
    ],
)
def test_a_crowd_that_protests_is_an_unnamed_actor(ex, text, label):
    a = analyse(ex, text)
    (agent,) = only(a, "Protest").actors()
    assert (agent, "Actor", label) in a.new_entities


def test_a_counted_group_opening_its_clause_acts(ex):
    for text in (
        "Rund 200 Kämpfer griffen am Montag das Lager an.",
        "Mehrere hundert schwer bewaffnete Kämpfer hatten das Lager überfallen.",
    ):
        attack = only(analyse(ex, text), "MilitaryAction")
        assert [r for r, _k in roles(attack)] == ["agent"], text
        (key,) = [k for _r, k in roles(attack)]
        assert key.startswith("t/") and key.endswith("kaempfer") and "200" not in key
    # counted after the verb they are what is done to
    attack = only(analyse(ex, "Die Armee tötete 20 Kämpfer."), "MilitaryAction")
    assert ("agent", "t/kaempfer") not in roles(attack)


def test_a_people_named_with_its_place_is_a_group_not_the_place(ex):
    # "Kosovo-Serben" are people of Kosovo, neither Kosovo nor Serbia
    a = analyse(ex, "Die Kosovo-Serben lehnten den Plan der Regierung ab.")
    assert roles(only(a, "Rejection")) >= {("agent", "t/kosovo-serben")}
    assert not {("agent", "kosovo"), ("agent", "serbia")} & roles(only(a, "Rejection"))
    # the Armenians acting as one are an actor of their own, not Armenia
    a = analyse(ex, "Die Armenier in Karabach stimmten einer Waffenruhe zu.")
    assert ("participant", "t/armenier") in roles(only(a, "CeasefireAgreement"))


def test_a_group_after_a_participle_phrase_acts(ex):
    # "die von Ruanda unterstützten Rebellen": the phrase says who backs them; the rebels
    # attack
    a = analyse(ex, "Am Montag griffen die von Ruanda unterstützten Rebellen die Stadt Goma an.")
    attack = only(a, "MilitaryAction")
    assert ("location", "goma") in roles(attack)
    assert any(r == "agent" and k.endswith("/rebellen") for r, k in roles(attack)), roles(attack)
