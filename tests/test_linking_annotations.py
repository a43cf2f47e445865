"""Researchers' links as W3C Web Annotations: round trip, determinism, bad IRIs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import InputError, UsageError
from kg.linking.annotations import LinkPredicate, add_annotation, list_annotations
from kg.namespaces import ANNOTATIONS_GRAPH, CKG, OA

DATA = Path(__file__).parent / "data"
M1 = "https://w3id.org/conflict-kg/id/event/moskau/m1"
H1 = "https://w3id.org/conflict-kg/id/event/waffenruhe-10/h1"


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(DATA / "linking-sample.trig"), format=ox.RdfFormat.TRIG)
    return s


def test_round_trip(store: ox.Store) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    a = add_annotation(
        store,
        "id:event/moskau/m1",
        "caused",
        H1,
        note="talks led to truce",
        creator="ana",
        created=when,
    )
    [b] = list_annotations(store)
    assert b == a
    assert (a.subject, a.predicate, a.object, a.creator, a.note) == (
        M1,
        str(CKG.caused),
        H1,
        "ana",
        "talks led to truce",
    )
    assert a.created == "2026-01-02T03:04:05Z"
    g = ox.NamedNode(str(ANNOTATIONS_GRAPH))
    ann = ox.NamedNode(a.iri)
    assert (
        ox.Quad(ann, ox.NamedNode(str(OA.motivatedBy)), ox.NamedNode(str(OA.linking)), g) in store
    )
    targets = {
        q.object.value
        for q in store.quads_for_pattern(ann, ox.NamedNode(str(OA.hasTarget)), None, g)
    }  # type: ignore[union-attr]
    assert targets == {M1, H1}
    assert ox.Quad(ox.NamedNode(M1), ox.NamedNode(str(CKG.caused)), ox.NamedNode(H1), g) in store


def test_iri_derives_from_content_not_time(store: ox.Store) -> None:
    a = add_annotation(
        store, M1, "followed", H1, note="n", creator="ana", created=datetime(2026, 1, 1, tzinfo=UTC)
    )
    b = add_annotation(
        store, M1, "followed", H1, note="n", creator="ana", created=datetime(2027, 1, 1, tzinfo=UTC)
    )
    c = add_annotation(store, M1, "followed", H1, note="other", creator="ana")
    assert a.iri == b.iri and b.created == a.created and c.iri != a.iri
    assert len(list_annotations(store)) == 2


def test_unknown_iri_writes_nothing(store: ox.Store) -> None:
    n = len(store)
    with pytest.raises(InputError, match="no such IRI"):
        add_annotation(store, M1, "same-event", "id:event/nowhere/x", note="?", creator="ana")
    assert len(store) == n
    with pytest.raises(UsageError):
        LinkPredicate.parse("loves")


def test_cli_link_and_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store import open_store

    d = tmp_path / "store"
    s = open_store(d)
    s.load(path=str(DATA / "linking-sample.trig"), format=ox.RdfFormat.TRIG)
    del s
    assert (
        main(
            [
                "link",
                "--store",
                str(d),
                M1,
                "same-event",
                H1,
                "--note",
                "same talks",
                "--creator",
                "bo",
            ]
        )
        == 0
    )
    assert main(["link", "--store", str(d), M1, "same-event", "id:event/x/y", "--note", "x"]) == 1
    capsys.readouterr()
    assert main(["links", "--store", str(d)]) == 0
    out = capsys.readouterr().out
    assert "sameEventAs" in out and "same talks" in out and "bo" in out
