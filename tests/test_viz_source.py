"""Reading RDF into the explorer's index: blank-node labels, duplicates, the paused collector."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import rdflib

from viz import TripleIndex, load_file
from viz.gcpause import gc_paused
from viz.source import Lit

EDGE = Path(__file__).parent / "data" / "viz-edge-cases.trig"
OWL = "http://www.w3.org/2002/07/owl#"


def _blank_view(idx: TripleIndex) -> dict[str, dict[str, list[object]]]:
    return {s: dict(idx.predicates(s)) for s in idx.subjects() if s.startswith("_:")}


def test_blank_nodes_get_the_same_labels_from_any_load_or_parser() -> None:
    first = TripleIndex.from_source(load_file(EDGE))
    again = TripleIndex.from_source(load_file(EDGE))  # the store invents new labels
    ds = rdflib.Dataset()
    ds.parse(EDGE, format="trig")
    from_rdflib = TripleIndex.from_source(ds)
    assert sorted(_blank_view(first)) == ["_:b0", "_:b1", "_:b2"]
    assert _blank_view(first) == _blank_view(again) == _blank_view(from_rdflib)
    # ordered by what they say: the non-membership with a mention, the one without,
    # then the position (owl:... < rdf:type is not what orders them: their triples are)
    sources = [first.first(b, OWL + "sourceIndividual") for b in ("_:b0", "_:b1")]
    assert sources == [
        "https://w3id.org/conflict-kg/id/entity/beta",
        "https://w3id.org/conflict-kg/id/entity/gamma",
    ]
    assert first.first("_:b2", "https://w3id.org/conflict-kg/ontology#holder") == (
        "https://w3id.org/conflict-kg/id/entity/delta"
    )


def test_a_triple_in_several_graphs_is_indexed_once_with_all_its_graphs() -> None:
    idx = TripleIndex.from_source(load_file(EDGE))
    alpha = "https://w3id.org/conflict-kg/id/entity/alpha"
    member = "https://w3id.org/conflict-kg/ontology#memberOf"
    un = "https://w3id.org/conflict-kg/id/entity/un"
    assert idx.objects(alpha, member) == [un]
    assert idx.triple_graphs(alpha, member, un) == {
        "https://w3id.org/conflict-kg/id/article/a",
        "https://w3id.org/conflict-kg/id/article/b",
        "https://w3id.org/conflict-kg/id/graph/not-an-article",
    }


def test_objects_are_sorted_iris_first_then_literals() -> None:
    idx = TripleIndex(
        [
            ("urn:s", "urn:p", Lit("b", "de", None), "urn:g1"),
            ("urn:s", "urn:p", "urn:z", None),
            ("urn:s", "urn:p", Lit("a", None, "urn:dt"), "urn:g2"),
            ("urn:s", "urn:p", "urn:a", "urn:g1"),
            ("urn:s", "urn:p", Lit("b", "de", None), "urn:g2"),
        ]
    )
    assert idx.objects("urn:s", "urn:p") == [
        "urn:a",
        "urn:z",
        Lit("a", None, "urn:dt"),
        Lit("b", "de", None),
    ]
    assert idx.graphs("urn:s") == {"urn:g1", "urn:g2"}


def test_collector_is_paused_inside_and_restored_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
