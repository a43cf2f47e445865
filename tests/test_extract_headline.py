"""The headline as part of the article: the state a story is about (kg.extract.headline)."""

from __future__ import annotations

from extract_helpers import analyse_titled, positions

from kg.articles import parse_article_text


def _analyse(ex, headline: str, body: str):
    return analyse_titled(ex, headline, body, date="2021-05-10")


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


def test_the_authorities_with_no_state_are_the_story_s(ex):
    a = _analyse(
        ex,
        "Sambia: Anschlag auf Kaserne",
        "Lusaka – In Sambia ist eine Kaserne angegriffen worden. Die Behörden machten den "
        "Rebellenführer Jonas Mbeki für den Anschlag verantwortlich.",
    )
    (blamed,) = [e for e in a.events if e.event_class == "Accusation"]
    assert {(r.value, k) for r, k in blamed.roles} == {
        ("agent", "zambia"),
        ("addressee", "yonas-mbeki"),
    }


def test_the_authorities_in_a_capital_are_the_state_s_elsewhere_the_city_s(ex):
    a = _analyse(
        ex,
        "Angriff auf Flughafen",
        "Nach Angaben der Behörden in Kabul griffen Bewaffnete den Flughafen an. Nach Angaben "
        "der Behörden in Herat wurde auch dort ein Stützpunkt beschossen.",
    )
    claimed = sorted(
        e.claimed_by for e in a.events if e.event_class == "MilitaryAction" and e.claimed_by
    )
    assert claimed == [("afghanistan",), ("herat",)]


def _headline_events(a):
    return [e for e in a.events if e.sentence < 0]


def test_a_headline_event_the_body_does_not_tell_counts_with_the_lead_date(ex):
    a = _analyse(
        ex,
        "Tschad schickt Soldaten nach Niger",
        "N'Djamena – Am Freitag haben sich die Außenminister Tschads und Nigers in "
        "N'Djamena getroffen.",
    )
    [deployed] = [e for e in _headline_events(a) if e.event_class == "Deployment"]
    assert deployed.actors() == ("chad",)
    assert deployed.date == ("2021-05-07", "date")  # the lead's Friday, not the article date


def test_a_headline_event_the_body_tells_is_not_counted_twice(ex):
    a = _analyse(
        ex,
        "Kenia und Somalia vereinbaren Waffenruhe",
        "Nairobi – Kenia und Somalia haben sich am Montag auf eine Waffenruhe geeinigt.",
    )
    assert not _headline_events(a)
    assert len([e for e in a.events if "Agreement" in e.event_class]) == 1


def test_the_topic_before_a_colon_is_no_party_of_the_headline_event(ex):
    a = _analyse(
        ex,
        "Sudan: Armee und Rebellen unterzeichnen Abkommen in Juba",
        "Juba – Die Gespräche dauerten zehn Tage.",
    )
    assert all("sudan" not in e.actors() for e in _headline_events(a))


def test_a_surname_in_the_headline_is_the_person_the_body_names(ex):
    a = _analyse(
        ex,
        "Haddad lehnt Rücktritt ab – Tschad beschuldigt Sudan",
        "Beirut – Ministerpräsident Karim Haddad hat am Montag im Parlament gesprochen.",
    )
    [rejection] = [e for e in _headline_events(a) if e.event_class == "Rejection"]
    assert rejection.actors() == ("karim-hadad",)
    [accusation] = [e for e in _headline_events(a) if e.event_class == "Accusation"]
    assert accusation.actors() == ("chad", "sudan")


def test_a_person_s_office_makes_the_body_s_statement_the_headline_s(ex):
    a = _analyse(
        ex,
        "Kiew spricht von »Kriegserklärung«",
        "Kiew – Der ukrainische Regierungschef Arsenij Jazenjuk sagte am Samstag, das sei "
        "eine Kriegserklärung.",
    )
    assert not _headline_events(a)


def _evidence(ex, text: str, cls):
    """The span of the article that the one node of class ``cls`` was derived from."""
    from kg.namespaces import CKG, PROV

    g = ex.extract(parse_article_text(text, identifier="t.txt", origin="t.txt"))
    node = next(g.subjects(None, cls))
    mention = next(g.objects(node, PROV.wasDerivedFrom))
    start, end = (int(next(g.objects(mention, p))) for p in (CKG.start, CKG.end))
    assert text[start:end] == str(next(g.objects(mention, CKG.text)))
    return text[start:end]


def test_the_headline_is_the_evidence_of_its_event(ex):
    from kg.namespaces import CKG

    text = (
        "date 2021-05-10 Tschad schickt Soldaten nach Niger\n\n"
        "N'Djamena – Die Außenminister Tschads und Nigers trafen sich.\n"
    )
    assert _evidence(ex, text, CKG.Deployment) == "Tschad schickt Soldaten nach Niger"


def test_a_duration_in_the_headline_dates_the_conflict(ex):
    from kg.namespaces import CKG

    text = (
        "date 2003-05-20 Liberia: Regierung und Rebellen unterzeichnen Frieden nach 14 Jahren "
        "Bürgerkrieg\n\nAccra – Die Delegationen trafen sich am Montag.\n"
    )
    a = ex.analyse(parse_article_text(text, identifier="t.txt", origin="t.txt"))
    assert a.conflict is not None and a.conflict.start == ("1989", "gYear")
    assert _evidence(ex, text, CKG.ArmedConflict).endswith("nach 14 Jahren Bürgerkrieg")


def test_the_state_of_a_title_in_the_headline_is_the_story_s_state(ex):
    # "Malawis Präsident" names no state mention of its own: the title's state is the home
    text = (
        "date 2021-05-10 Malawis Präsident Chakwera lehnt Gespräche mit den Rebellen ab\n\n"
        "Lilongwe/Maputo – Präsident Lazarus Chakwera wies am Sonntag ein Angebot der "
        "Rebellen zurück.\n"
    )
    a = ex.analyse(parse_article_text(text, identifier="t.txt", origin="t.txt"))
    assert ("lazarus-chakwera", "president", "malawi") in positions(a)
