"""States that no longer exist (issue 14): the Soviet Union, Yugoslavia, the GDR,
Czechoslovakia, North and South Vietnam, South Yemen are actors of their own, named by
their German names, abbreviations and adjectives; Zaire is today's DR Congo. A capital
that is today another state's stays with that state, so today's news about Moskau,
Belgrad or Prag is unchanged. Sentences written for the test."""

from extract_helpers import analyse, of_class, positions

from kg.dictionary import load_dictionary
from kg.vocabulary import RoleProperty

AGENT, ADDRESSEE, PARTICIPANT = RoleProperty.AGENT, RoleProperty.ADDRESSEE, RoleProperty.PARTICIPANT


def test_the_soviet_union_invades_czechoslovakia(ex):
    a = analyse(
        ex,
        "Die Sowjetunion marschierte im August 1968 in die Tschechoslowakei ein.",
        date="1968-08-22",
    )
    [attack] = of_class(a, "MilitaryAction")
    assert attack.actors(AGENT) == ("soviet-union",)
    assert attack.actors(ADDRESSEE) == ("czechoslovakia",)


def test_abbreviations_of_former_states_are_the_states(ex):
    a = analyse(
        ex, "Die UdSSR und die DDR unterzeichneten einen Freundschaftsvertrag.", date="1964-06-13"
    )
    [agreement] = of_class(a, "Agreement")
    assert set(agreement.actors(PARTICIPANT)) == {"soviet-union", "east-germany"}


def test_a_soviet_head_of_government_holds_an_office_of_the_soviet_union(ex):
    a = analyse(
        ex,
        "Nikita Chruschtschow, Regierungschef der Sowjetunion, traf in Wien mit "
        "Präsident John F. Kennedy zusammen.",
        date="1961-06-04",
    )
    assert {(role, of) for _, role, of in positions(a)} >= {("head-of-government", "soviet-union")}
    b = analyse(
        ex,
        "Der jugoslawische Präsident Slobodan Milošević lehnte den Friedensplan ab.",
        date="1999-03-25",
    )
    assert {(role, of) for _, role, of in positions(b)} == {("president", "yugoslavia")}


def test_the_federal_republic_of_yugoslavia_is_yugoslavia_not_germany(ex):
    a = analyse(ex, "Die Nato griff Ziele in der Bundesrepublik Jugoslawien an.", date="1999-03-25")
    [attack] = of_class(a, "MilitaryAction")
    assert attack.actors(AGENT) == ("nato",)
    assert attack.actors(ADDRESSEE) == ("yugoslavia",)


def test_north_vietnam_attacks_south_vietnam(ex):
    a = analyse(ex, "Nordvietnam griff Südvietnam an.", date="1975-03-12")
    [attack] = of_class(a, "MilitaryAction")
    assert attack.actors(AGENT) == ("north-vietnam",)
    assert attack.actors(ADDRESSEE) == ("south-vietnam",)


def test_east_berlin_stands_for_the_gdr(ex):
    a = analyse(ex, "Ost-Berlin warf dem amerikanischen Studenten Spionage vor.", date="1962-02-10")
    [accusation] = of_class(a, "Accusation")
    assert accusation.actors(AGENT) == ("east-germany",)
    b = analyse(ex, "Die DDR-Regierung protestierte in Ost-Berlin.", date="1961-08-20")
    [protest] = of_class(b, "Protest")
    assert protest.actors(AGENT) == ("east-germany",)


def test_zaire_is_the_dr_congo(ex):
    a = analyse(ex, "Die zairische Regierung warf Ruanda vor, Rebellen zu unterstützen.")
    [accusation] = of_class(a, "Accusation")
    assert accusation.actors(AGENT) == ("dr-congo",)
    assert accusation.actors(ADDRESSEE) == ("rwanda",)


def test_todays_capitals_and_states_are_unaffected(ex):
    a = analyse(ex, "Moskau warf Kiew am Montag Provokationen vor.")
    [accusation] = of_class(a, "Accusation")
    assert accusation.actors(AGENT) == ("russia",)
    b = analyse(ex, "Belgrad warf der Nato einen Angriff auf ein souveränes Land vor.")
    assert [e.actors(AGENT) for e in of_class(b, "Accusation")] == [("serbia",)]
    c = analyse(ex, "Russland und Serbien unterzeichneten in Moskau ein Abkommen mit Deutschland.")
    [agreement] = of_class(c, "Agreement")
    assert set(agreement.actors(PARTICIPANT)) == {"russia", "serbia", "germany"}
    d = analyse(ex, "Die Regierung in Prag verurteilte den Angriff.")
    assert [e.actors(AGENT) for e in of_class(d, "Accusation")] == [("czechia",)]


def test_todays_official_names_are_not_the_former_states(ex):
    # "Republik Vietnam" (South Vietnam) inside "Sozialistischen Republik Vietnam"
    a = analyse(
        ex,
        "Der Präsident der Sozialistischen Republik Vietnam traf in Hanoi den Präsidenten "
        "der Republik Jemen.",
    )
    [meeting] = of_class(a, "Meeting")
    assert set(meeting.actors()) == {"vietnam", "yemen"}
    # today's "Südjemen" is the south of Yemen, no former state
    b = analyse(ex, "Die Separatisten im Südjemen fordern die Unabhängigkeit.")
    assert "south-yemen" not in {k for m in b.mentions for k in m.keys}


def test_former_states_have_no_capital_of_a_successor():
    d = load_dictionary()
    assert d.capital_of("moscow") == "russia"
    assert d.capital_of("belgrade") == "serbia"
    assert d.capital("soviet-union") is None
    assert d.capital("east-germany") == "east-berlin"


def test_a_seat_of_government_that_is_no_capital_stands_for_its_state(ex):
    # regression: "Die Regierung in Abidjan" (capital: Yamoussoukro) named no one
    a = analyse(
        ex,
        "Die Regierung in Abidjan hatte Burkina Faso vorgeworfen, die Rebellen zu unterstützen.",
    )
    [accusation] = of_class(a, "Accusation")
    assert accusation.actors(AGENT) == ("cote-divoire",)
