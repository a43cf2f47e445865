"""The headline as part of the article: the state a story is about (kg.extract.headline)."""

from __future__ import annotations

from extract_helpers import positions

from kg.articles import parse_article_text


def _analyse(ex, headline: str, body: str):
    text = f"date 2021-05-10 {headline}\n\n{body}\n"
    return ex.analyse(parse_article_text(text, identifier="t.txt", origin="t.txt"))


def test_the_topic_before_a_colon_is_the_state_of_an_unnamed_office(ex):
    # datelined in Doha, which the body names: the headline says the story is Lebanese
    a = _analyse(
        ex,
        "Libanon: Lager einigen sich in Katar",
        "Doha – Die Gespräche in Katar dauerten fünf Tage. Ministerpräsident Karim Haddad "
        "begrüßte die Einigung.",
    )
    assert ("karim-hadad", "prime-minister", "lebanon") in positions(a)
    assert not any(of == "qatar" for _h, _r, of in positions(a))


def test_the_only_state_of_the_headline_without_a_colon(ex):
    a = _analyse(
        ex,
        "Nepals Regierung und Rebellen besiegeln Frieden",
        "Genf – Präsident Ram Bahadur Thapa unterzeichnete das Abkommen.",
    )
    assert ("ram-bahadur-thapa", "president", "nepal") in positions(a)


def test_a_headline_of_several_states_gives_no_state(ex):
    a = _analyse(
        ex,
        "Nepal und Indien schließen Grenzabkommen",
        "Genf – Präsident Ram Bahadur Thapa unterzeichnete das Abkommen.",
    )
    assert not any(h == "ram-bahadur-thapa" for h, _r, _of in positions(a))


def test_coordinated_titles_share_the_state_of_the_first(ex):
    a = _analyse(
        ex,
        "Gespräche in Doha",
        "Doha – Das verlas Katars Ministerpräsident und Außenminister Scheich Salim bin "
        "Nasser al-Harthi.",
    )
    assert {
        ("salim-bin-naser-al-harthi", "prime-minister", "qatar"),
        ("salim-bin-naser-al-harthi", "foreign-minister", "qatar"),
    } <= positions(a)


def test_the_country_is_the_story_s_state_once_named(ex):
    # the state named last is Portugal; "das Land" of a Sambian story is Sambia
    a = _analyse(
        ex,
        "Sambia: Regierung und Rebellen schließen Frieden",
        "Lusaka – Sambia und die Rebellen haben Frieden geschlossen. Der Krieg hatte mit "
        "der Unabhängigkeit von Portugal begonnen. Das wasserreiche Land, das der SADC "
        "angehört, gilt als arm.",
    )
    facts = {(f.kind.value, f.subject, f.object) for f in a.facts}
    assert ("member", "zambia", "sadc") in facts
    assert ("member", "portugal", "sadc") not in facts


def test_the_government_with_no_state_is_the_story_s(ex):
    a = _analyse(
        ex,
        "Sambia: Regierung und Rebellen schließen Frieden",
        "Lusaka – Sambia hat Frieden geschlossen. Die Regierung sprach von einem "
        "historischen Tag. Für die Rebellen setzten Jonas Mbeki und Paul Tembo ihre Namen "
        "unter den Vertrag.",
    )
    (said,) = [e for e in a.events if e.event_class == "Statement"]
    assert said.actors() == ("zambia",)
    (signed,) = [e for e in a.events if e.event_class == "Agreement" and e.sentence == 2]
    assert {"yonas-mbeki", "paul-tembo"} <= set(signed.actors())


def test_the_government_of_a_story_about_no_state_stays_unknown(ex):
    a = _analyse(
        ex,
        "Gespräche in Genf",
        "Genf – Kenia und Uganda haben verhandelt. Die Regierung sprach von einem Erfolg.",
    )
    assert not [e for e in a.events if e.event_class == "Statement"]


def test_a_ministry_with_no_state_is_the_story_s(ex):
    a = _analyse(
        ex,
        "Sambia: Regierung weist Vorwürfe zurück",
        "Lusaka – Sambia steht in der Kritik. Das Verteidigungsministerium wies die "
        "Vorwürfe zurück.",
    )
    (rejected,) = [e for e in a.events if e.event_class == "Rejection"]
    assert rejected.actors() == ("zambia",)
