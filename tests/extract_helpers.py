"""Helpers for the extraction tests that run the pipeline on sentences written for them.

The ``ex`` fixture (one :class:`kg.extract.Extractor` for the whole run) is in conftest.
"""

from __future__ import annotations

from kg.articles import parse_article_text
from kg.extract import Extractor
from kg.extract.model import FactKind


def analyse(ex: Extractor, body: str, date: str = "2024-03-15"):
    """The extractor's analysis of ``body`` as an article published on ``date``."""
    art = parse_article_text(f"date {date} Test\n{body}\n", identifier="t.txt", origin="t.txt")
    return ex.analyse(art)


def analyse_titled(ex: Extractor, headline: str, body: str, date: str = "2024-03-15"):
    """The extractor's analysis of an article with ``headline`` (its first line) and
    ``body``, published on ``date``."""
    text = f"date {date} {headline}\n\n{body}\n"
    return ex.analyse(parse_article_text(text, identifier="t.txt", origin="t.txt"))


def of_class(a, cls: str) -> list:
    """The analysis' events of class ``cls`` (local name, e.g. ``"Agreement"``)."""
    return [e for e in a.events if e.event_class == cls]


def positions(a) -> set[tuple[str, str, str]]:
    """(holder, office, of) of every position the analysis found."""
    return {(f.subject, f.role, f.object) for f in a.facts if f.kind == FactKind.POSITION}


def members(a) -> set[tuple[str, str]]:
    """(member, organisation) of every membership the analysis found."""
    return {(f.subject, f.object) for f in a.facts if f.kind == FactKind.MEMBER}


def not_members(a) -> set[tuple[str, str]]:
    """(non-member, organisation) of every non-membership the analysis found."""
    return {(f.subject, f.object) for f in a.facts if f.kind == FactKind.NOT_MEMBER}


def minted(a, label: str) -> str:
    """The key the analysis minted for the entity it introduced as ``label``."""
    return next(k for k, _cls, lab in a.new_entities if lab == label)


def roles(ev) -> set[tuple[str, str]]:
    """(role, entity key) of every role an event fills."""
    return {(r.value, k) for r, k in ev.roles}


def only(a, cls: str):
    """The analysis' one event of class ``cls``; fails, listing the events, otherwise."""
    evs = of_class(a, cls)
    assert len(evs) == 1, [(e.event_class, e.trigger.pattern, roles(e)) for e in a.events]
    return evs[0]


def classes(a) -> set[str]:
    """The classes of the analysis' events."""
    return {e.event_class for e in a.events}


def cameo(ev) -> str:
    """The CAMEO code of the pattern that coded an event."""
    return ev.trigger.cameo
