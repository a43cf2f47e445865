"""Acceptance on the dev corpus: the Moscow talks are one linked event, the three
ceasefires (10 Oct, 25 Oct, 10 Nov 2020) are not linked, actors get one IRI each.

Runs the real extraction (``kg.extract.extract_article``); skipped while it or the
shared corpus is missing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "de"
extract = pytest.importorskip("kg.extract")
if not hasattr(extract, "extract_article") or not CORPUS.is_dir():
    pytest.skip("extraction or dev corpus not available", allow_module_level=True)

from kg.articles import Article, read_articles  # noqa: E402
from kg.linking import relink  # noqa: E402
from kg.linking.features import DateSpan  # noqa: E402
from kg.namespaces import CKG, RDF, RDFS  # noqa: E402

ID = "https://w3id.org/conflict-kg/id/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    for art in read_articles(sorted(CORPUS.glob("*.txt"))):
        assert isinstance(art, Article)
        g = extract.extract_article(art)
        s.load(
            g.serialize(format="nt").encode(),
            format=ox.RdfFormat.N_TRIPLES,
            to_graph=ox.NamedNode(str(g.identifier)),
        )
    relink(s)
    return s


def _clusters(store: ox.Store) -> dict[str, int]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for q in store.quads_for_pattern(None, ox.NamedNode(str(CKG.sameEventAs)), None, None):
        parent[find(q.subject.value)] = find(q.object.value)  # type: ignore[union-attr]
    return {x: hash(find(x)) for x in list(parent)}


def _events(store: ox.Store, article: str, *classes: str) -> list[tuple[str, DateSpan | None]]:
    g = ox.NamedNode(ID + "article/" + article)
    out = []
    for c in classes:
        for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG[c])), g
        ):
            dates = [
                DateSpan.parse(d.object.value)
                for d in store.quads_for_pattern(q.subject, ox.NamedNode(str(CKG.date)), None, g)
            ]  # type: ignore[union-attr]
            out.append((q.subject.value, dates[0] if dates else None))  # type: ignore[union-attr]
    return out


def test_moscow_talks_are_linked(store: ox.Store) -> None:
    clusters = _clusters(store)
    a = {
        clusters.get(e)
        for e, _ in _events(store, "2020-10-moskau-verhandlungen", "Meeting", "Negotiation")
    }
    b = {
        clusters.get(e)
        for e, _ in _events(store, "2020-10-10-humanitaere-waffenruhe", "Meeting", "Negotiation")
    }
    assert (a & b) - {None}, (
        "no Meeting/Negotiation of the two reports shares a sameEventAs cluster"
    )


def test_three_ceasefires_are_not_linked(store: ox.Store) -> None:
    clusters = _clusters(store)
    days = {
        "2020-10-10-humanitaere-waffenruhe": "2020-10-10",
        "2020-10-25-waffenruhe-washington": "2020-10-2",
        "2020-11-10-dreiseitige-erklaerung": "2020-11-10",
    }
    main: dict[str, set[int]] = {}
    for art, prefix in days.items():
        evs = [
            e
            for e, d in _events(store, art, "CeasefireAgreement")
            if d and str(d.start).startswith(prefix)
        ]
        assert evs, f"no dated ceasefire extracted from {art}"
        main[art] = {clusters.get(e, hash(e)) for e in evs}
    arts = list(main)
    for i, x in enumerate(arts):
        for y in arts[i + 1 :]:
            assert not (main[x] & main[y]), f"ceasefires of {x} and {y} are linked"


def test_no_two_actors_share_an_iri_and_variants_converge(store: ox.Store) -> None:
    labels: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, ox.NamedNode(str(RDFS.label)), None, None):
        if q.subject.value.startswith(ID + "entity/") and getattr(q.object, "language", "") == "de":  # type: ignore[union-attr]
            labels[q.subject.value].add(q.object.value)  # type: ignore[union-attr]
    clashes = {iri: names for iri, names in labels.items() if len(names) > 1}
    assert not clashes, f"entities with several German labels: {clashes}"
    for pattern in ("Mna[tz]+a[ck]an|Mnazakan", "Alijew|Aliyev", "Berg-?[kK]arabach$|Nagorno"):
        iris = {iri for iri, names in labels.items() if any(re.search(pattern, n) for n in names)}
        assert len(iris) == 1, f"{pattern}: {sorted(iris)}"
