"""German time expressions: finding and resolving them (``kg.extract.dates``).

The sentences are written for these tests (other conflicts, other wordings than the dev
corpus). Weekday facts used: 2023-05-12 Fri, 2024-03-10 Sun, 2024-01-08 Mon,
2024-11-26 Tue, 2023-11-15 Wed, 2022-03-01 Tue, 2023-04-20 Thu.
"""

from __future__ import annotations

import pytest

from kg.extract.dates import (
    TimeExpression,
    TimeKind,
    duration_days,
    find_time_expressions,
    parse_german_number,
    pin_from_duration,
    resolve_weekday,
)


def found(
    text: str, article_date: str, anchor: str | None = None
) -> list[tuple[str, TimeKind, str, str]]:
    expressions = find_time_expressions(text, article_date=article_date, anchor=anchor)
    for e in expressions:
        assert text[e.start : e.end] == e.text
    return [(e.text, e.kind, e.value, e.datatype) for e in expressions]


def one(text: str, article_date: str, anchor: str | None = None) -> tuple[str, TimeKind, str, str]:
    result = found(text, article_date, anchor)
    assert len(result) == 1, result
    return result[0]


P, E, S, D = TimeKind.POINT, TimeKind.EFFECTIVE, TimeKind.START, TimeKind.DURATION


# --- weekdays ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # Friday article: Tuesday evening of the same week.
        ("Am Dienstagabend griffen Milizen das Dorf an.", "2023-05-12", "2023-05-09"),
        # The article's own weekday is the article day.
        ("Die Armee meldete am Freitag neue Angriffe.", "2023-05-12", "2023-05-12"),
        ("Rebellen eroberten am vergangenen Freitag die Stadt.", "2023-05-12", "2023-05-05"),
        ("Die Regierung bestätigte Sonntag den Rückzug.", "2024-03-10", "2024-03-10"),
        ("Am Samstagmorgen schlugen Raketen ein.", "2024-03-10", "2024-03-09"),
    ],
)
def test_weekdays_look_back_from_the_article_date(
    text: str, article_date: str, expected: str
) -> None:
    assert one(text, article_date)[1:] == (P, expected, "date")


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Drohnen trafen in der Nacht zum Sonntag ein Depot.", "2024-03-10", "2024-03-10"),
        ("Drohnen trafen in der Nacht zum Sonntag ein Depot.", "2024-03-11", "2024-03-10"),
        ("In der Nacht von Freitag auf Samstag fielen Schüsse.", "2024-03-10", "2024-03-09"),
        ("In der Nacht auf Montag wurde gekämpft.", "2024-01-08", "2024-01-08"),
    ],
)
def test_a_night_is_dated_by_the_day_it_leads_into(
    text: str, article_date: str, expected: str
) -> None:
    assert one(text, article_date)[1:] == (P, expected, "date")


def test_forward_looking_weekdays() -> None:
    # "kommenden" is strictly after; "sollen" makes a plain weekday look forward.
    assert one("Die Gespräche beginnen am kommenden Montag in Genf.", "2024-01-08")[2] == (
        "2024-01-15"
    )
    assert one("Die Delegationen sollen am Donnerstag in Doha eintreffen.", "2024-01-08")[2] == (
        "2024-01-11"
    )
    assert one("Die Feuerpause gilt ab Mittwoch.", "2024-01-08")[1:] == (E, "2024-01-10", "date")


def test_weekday_without_full_reference_date_gives_the_month() -> None:
    # Month-only article date, no anchor: never invent a day.
    assert one("Der Minister reiste am Dienstag nach Kiew.", "2022-04")[1:] == (
        P,
        "2022-04",
        "gYearMonth",
    )
    # With an anchor the weekday resolves against it.
    assert one("Der Minister reiste am Dienstag nach Kiew.", "2022-04", anchor="2022-04-14")[2] == (
        "2022-04-12"
    )


def test_resolve_weekday() -> None:
    assert resolve_weekday("Mittwoch", "2023-11-15") == "2023-11-15"
    assert resolve_weekday("Donnerstag", "2023-11-15") == "2023-11-09"
    assert resolve_weekday("donnerstagabend", "2023-11-15") == "2023-11-09"
    assert resolve_weekday("Donnerstag", "2023-11-15", forward=True) == "2023-11-16"
    assert resolve_weekday("Sonnabend", "2023-11-15") == "2023-11-11"
    assert resolve_weekday("Freitag", "2023-11") is None
    assert resolve_weekday("Feiertag", "2023-11-15") is None


# --- relative days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern wurden drei Zivilisten getötet.", "2023-11-14"),
        ("Vorgestern begann die Offensive.", "2023-11-13"),
        ("Die Außenminister beraten heute Morgen in Brüssel.", "2023-11-15"),
        ("Das Kabinett entscheidet morgen über Waffenlieferungen.", "2023-11-16"),
    ],
)
def test_deictic_days(text: str, expected: str) -> None:
    assert one(text, "2023-11-15")[2] == expected


def test_am_morgen_is_the_morning_not_tomorrow() -> None:
    assert found("Am Morgen zogen sich die Truppen zurück.", "2023-11-15") == []
    assert found("Jeden morgen gab es Alarm.", "2023-11-15") == []


def test_vortag_uses_the_anchor() -> None:
    text = "Bereits am Vortag hatte der Präsident mit seinem Amtskollegen telefoniert."
    assert one(text, "2022-04", anchor="2022-04-14")[1:] == (P, "2022-04-13", "date")
    assert one(text, "2022-04-14")[2] == "2022-04-13"
    assert one(text, "2022-04")[2:] == ("2022-04", "gYearMonth")
    assert one("Tags darauf kam es zu Protesten.", "2022-04-14")[2] == "2022-04-15"


def test_the_same_day_is_the_anchor_s() -> None:
    text = "Am selben Tag griffen maskierte Kämpfer einen Stützpunkt an."
    assert one(text, "2007-03-07", anchor="2007-03-06")[2] == "2007-03-06"
    assert one("Am gleichen Tag kam es zu Protesten.", "2022-04-14")[2] == "2022-04-14"


def test_days_ago() -> None:
    assert one("Vor drei Tagen wurde der Konvoi beschossen.", "2023-11-15")[2] == "2023-11-12"
    # Weeks and months ago are approximate: month precision only.
    assert one("Vor zwei Wochen fiel die Stadt.", "2023-11-15")[2:] == ("2023-11", "gYearMonth")
    assert one("Vor einem Jahr begann der Krieg.", "2023-11-15")[1:] == (S, "2022", "gYear")
    assert one("Drei Tage später fiel die Stadt.", "2023-11", anchor="2023-10-30")[2] == (
        "2023-11-02"
    )
    # From a month-only date a day count cannot be placed: nothing rather than a guess.
    assert found("Vor drei Tagen fiel die Stadt.", "2023-11") == []


# --- calendar dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Russland griff die Ukraine am 24. Februar an.", "2022-03-01", "2022-02-24"),
        ("Russland griff die Ukraine am 24. Februar an.", "2022-12-20", "2022-02-24"),
        # The same day in the article's year would lie months ahead: the previous year.
        ("Russland griff die Ukraine am 24. Februar an.", "2023-01-10", "2022-02-24"),
        ("Russland griff die Ukraine am 24. Februar 2022 an.", "2024-06-01", "2022-02-24"),
        ("Die Wahl fand am 27.9. statt.", "2020-10", "2020-09-27"),
        ("Die Wahl fand am 27.09.2020 statt.", "2021-05-05", "2020-09-27"),
        ("Das Abkommen wurde am 5. Okt. unterzeichnet.", "2023-11-15", "2023-10-05"),
        ("Am Freitag, dem 9. Oktober 2020, trafen sie sich.", "2020-10", "2020-10-09"),
    ],
)
def test_calendar_dates(text: str, article_date: str, expected: str) -> None:
    assert one(text, article_date)[2:] == (expected, "date")


def test_impossible_dates_are_skipped() -> None:
    assert found("Das Treffen am 31. Februar fiel aus.", "2023-03-10") == []


def test_forward_dates_roll_into_the_next_year() -> None:
    # Looking forward from November, January is next year's.
    assert one("Die Truppen sollen bis Ende Januar abziehen.", "2020-11-10")[2:] == (
        "2021-01",
        "gYearMonth",
    )
    assert one("Die Frist läuft bis zum 15. Januar.", "2020-11-10")[2] == "2021-01-15"


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Die Offensive begann Anfang März 2022.", "2022-06-01", ("2022-03", "gYearMonth")),
        ("Mitte Dezember eskalierte die Lage.", "2021-01-10", ("2020-12", "gYearMonth")),
        ("Im Mai 2023 kam es zu Gefechten.", "2024-01-01", ("2023-05", "gYearMonth")),
        ("Die Gruppe entstand im Jahr 2012.", "2024-01-01", ("2012", "gYear")),
        ("Im Herbst 2020 wurde erneut gekämpft.", "2024-01-01", ("2020", "gYear")),
        ("Die Lage hat sich Ende 2021 verschärft.", "2024-01-01", ("2021", "gYear")),
    ],
)
def test_months_and_years(text: str, article_date: str, expected: tuple[str, str]) -> None:
    assert one(text, article_date)[2:] == expected


def test_bare_numbers_and_month_names_are_not_dates() -> None:
    assert found("Russland entsendet 1960 Soldaten.", "2020-11-10") == []
    assert found("Die Inflation stieg um 12.5 Prozent.", "2020-11-10") == []
    assert found("Der Sprecher August Kern widersprach.", "2020-11-10") == []
    assert found("Die Menschen feierten den Mai-Feiertag.", "2020-11-10") == []
    assert found("Freitags finden Proteste statt.", "2020-11-10") == []
    assert found("Die Armee setzt 30 Jahre alte Panzer ein.", "2020-11-10") == []


# --- kinds ------------------------------------------------------------------------------


def test_start_expressions() -> None:
    assert one("Seit dem 7. Oktober sind Tausende getötet worden.", "2023-11-15")[1:] == (
        S,
        "2023-10-07",
        "date",
    )
    assert one("Die Kämpfe brachen am 15. April aus.", "2023-04-20")[1:] == (
        S,
        "2023-04-15",
        "date",
    )
    assert one("Der Konflikt war im Oktober 2023 erneut entbrannt.", "2024-01-01")[1] is S
    assert one("Seit 2014 kontrollieren Separatisten die Region.", "2020-01-01")[1:] == (
        S,
        "2014",
        "gYear",
    )


def test_effective_expressions() -> None:
    text = "Die Waffenruhe soll um Mitternacht Ortszeit in Kraft treten."
    # The coming midnight: the start of the next day, local time without offset.
    assert one(text, "2024-11-26")[1:] == (E, "2024-11-27T00:00:00", "dateTime")
    assert one("Die Feuerpause gilt seit Dienstag.", "2023-11-15")[1:] == (
        E,
        "2023-11-14",
        "date",
    )
    assert one("Die Feuerpause gilt seit 6 Uhr Kiewer Zeit.", "2023-11-15")[1:] == (
        E,
        "2023-11-15T06:00:00",
        "dateTime",
    )
    assert one("Die Vereinbarung trete am Sonntag um 20 Uhr in Kraft, sagte er.", "2024-03-08")[
        1:
    ] == (E, "2024-03-10T20:00:00", "dateTime")


def test_the_past_days_are_the_month_of_the_report() -> None:
    assert one("In den vergangenen Tagen war Goma mehrfach beschossen worden.", "2024-03-08")[
        1:
    ] == (P, "2024-03", "gYearMonth")


def test_from_a_day_on_is_when_it_takes_effect() -> None:
    # "von Dienstag, 6.00 Uhr, an": the coming Tuesday at six, not the past one
    assert one("Die Waffen sollen von Dienstag, 6.00 Uhr, an schweigen.", "2024-03-08")[1:] == (
        E,
        "2024-03-12T06:00:00",
        "dateTime",
    )


def test_time_of_day_without_effect_is_a_point() -> None:
    assert one("Um 14.30 Uhr MEZ schlug eine Rakete ein.", "2024-01-08")[1:] == (
        P,
        "2024-01-08T14:30:00+01:00",
        "dateTime",
    )
    assert one("Am Samstag um 6 Uhr UTC begann der Angriff.", "2024-03-10")[2] == (
        "2024-03-09T06:00:00Z"
    )
    assert one("Gestern um 8 Uhr abends fielen Schüsse.", "2024-03-10")[2] == (
        "2024-03-09T20:00:00"
    )
    # Without a day the time of day cannot be placed: month precision.
    assert one("Um 12 Uhr fielen Schüsse.", "2024-03")[2:] == ("2024-03", "gYearMonth")


# --- durations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nach dreitägigen Beratungen einigten sich die Parteien.", "P3D"),
        ("Eine zweiwöchige Waffenruhe wurde vereinbart.", "P14D"),
        ("Der 44-tägige Krieg endete mit einer Erklärung.", "P44D"),
        ("Nach mehr als zwölfstündigen Gesprächen gab es eine Einigung.", "PT12H"),
        ("Die Armee kämpft seit zehn Tagen um die Stadt.", "P10D"),
        ("Nach sechs Wochen schwerer Kämpfe kam die Wende.", "P42D"),
        ("Das Ultimatum läuft 48 Stunden.", "PT48H"),
        ("Die Mission wurde um drei Monate verlängert.", "P3M"),
        ("Der Einsatz dauerte einundzwanzig Tage.", "P21D"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    assert one(text, "2023-11-15")[1:] == (D, expected, "duration")


def test_ages_and_vague_durations_are_not_durations() -> None:
    assert found("Ein 20-jähriger Soldat wurde verletzt.", "2023-11-15") == []
    assert found("Nach mehrtägigen Kämpfen zogen sie ab.", "2023-11-15") == []


def test_pin_from_duration_and_anchor() -> None:
    # "seit dem Ausbruch am 1. März ... den zwölftägigen Krieg": the speaking date.
    outbreak, length = "2022-03-01", duration_days("P12D")
    assert length == 12
    speaking = pin_from_duration(outbreak, length)
    assert speaking == "2022-03-13"  # a Sunday
    assert one("Der Präsident sprach am Sonntag.", "2022-03", anchor=speaking)[2] == speaking
    assert one("Am Freitag hatte er telefoniert.", "2022-03", anchor=speaking)[2] == "2022-03-11"
    assert pin_from_duration("2020-12-25", 10) == "2021-01-04"


def test_parse_german_number() -> None:
    assert parse_german_number("zwölf") == 12
    assert parse_german_number("dreiundvierzig") == 43
    assert parse_german_number("Zwanzig") == 20
    assert parse_german_number("007") == 7
    assert parse_german_number("einundeinzig") is None
    assert parse_german_number("viele") is None
    assert duration_days("P2Y") is None


# --- offsets and several expressions ----------------------------------------------------


def test_offsets_order_and_determinism() -> None:
    text = "Am 3. März vereinbarten beide Seiten eine dreitägige Feuerpause ab Freitag."
    first = find_time_expressions(text, article_date="2023-03-05", offset=100)
    again = find_time_expressions(text, article_date="2023-03-05", offset=100)
    assert first == again
    assert [(e.start, e.end, e.kind) for e in first] == [
        (100, 110, P),
        (142, 152, D),
        (164, 174, E),
    ]
    assert all(isinstance(e, TimeExpression) for e in first)
    assert [e.value for e in first] == ["2023-03-03", "P3D", "2023-03-10"]
    assert text[first[2].start - 100 : first[2].end - 100] == "ab Freitag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last September before a March article is the year before's
        (
            "Sie hatten im vergangenen September die Hafenstadt angegriffen.",
            ("im vergangenen September", P, "2013-09", "gYearMonth"),
        ),
        ("Im vergangenen Jahr griffen sie an.", ("Im vergangenen Jahr", P, "2013", "gYear")),
        ("Vergangenes Jahr griffen sie an.", ("Vergangenes Jahr", P, "2013", "gYear")),
        (
            "Seit dem vergangenen Jahr kämpfen sie.",
            ("Seit dem vergangenen Jahr", S, "2013", "gYear"),
        ),
    ],
)
def test_the_last_month_or_year_before_the_article(text, expected) -> None:
    assert one(text, "2014-03-27") == expected


def test_a_genitive_year_after_a_month_is_no_expression_of_its_own() -> None:
    assert found("im September vergangenen Jahres", "2014-03-27") == [
        ("im September", P, "2013-09", "gYearMonth")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der 1964 begonnene Konflikt kostete Tausende das Leben.", [("1964", P, "1964", "gYear")]),
        ("Der Krieg hatte 1983 begonnen, als die SPLA angriff.", [("1983", S, "1983", "gYear")]),
        ("1962 hatten die beiden Staaten einen Krieg geführt.", [("1962", P, "1962", "gYear")]),
        ("Er kam 1991 an die Macht.", [("1991", P, "1991", "gYear")]),
    ],
)
def test_a_year_without_preposition(text, expected) -> None:
    assert found(text, "2016-06-24") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rund 1900 Marineinfanteristen landeten.",  # a count before its noun
        "Der Kreml schickte 1960 Soldaten.",
        "Sie legten knapp 2000 Kilometer zurück.",
        "Es waren etwa 2000, sagte er.",  # a count after a quantifier
        "Das Ziel ist 2030 erreicht.",  # a year after the article's is a plan
        "Die Zahl stieg auf 1.950 oder 2.010 Tote.",
    ],
)
def test_a_number_that_counts_is_no_year(text) -> None:
    assert [e for e in found(text, "2016-06-24") if e[3] == "gYear" and e[0].isdigit()] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Bürgerkrieg hatte an Heiligabend 1989 begonnen.", "1989-12-24"),
        ("Die Rebellen hatten am Neujahrstag die Stadt besetzt.", "1994-01-01"),
        ("Am Silvestertag unterzeichneten sie das Protokoll.", "1993-12-31"),
        ("Seit Weihnachten wird in der Provinz gekämpft.", "1993-12-25"),
    ],
)
def test_a_day_named_by_its_holiday(text, value):
    # before the article's date: the last such day (the article is of 13 January 1994)
    (found,) = find_time_expressions(text, article_date="1994-01-13")
    assert found.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Am Vorabend hatte er gesprochen.", "2023-06-14"),
        ("Zwei Tage zuvor griffen sie an.", "2023-06-13"),
        ("Am Abend zuvor griffen sie an.", "2023-06-14"),
        ("Am selben Abend griffen sie an.", "2023-06-15"),
        ("Am Montag vergangener Woche griffen sie an.", "2023-06-05"),
        # a weekend or a past week: its month
        ("Am Wochenende wurde gekämpft.", "2023-06"),
        ("In der vergangenen Woche kam es zu Kämpfen.", "2023-06"),
    ],
)
def test_days_and_weeks_relative_to_the_anchor(text, value):
    (found,) = find_time_expressions(text, article_date="2023-06-15")
    assert found.value == value


def test_a_week_not_said_to_be_past_is_no_date():
    assert not find_time_expressions("Die Woche begann ruhig.", article_date="2023-06-15")
