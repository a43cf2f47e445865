"""The one serializer (kg.serialize): what ckg extract, ckg export and ingest write or
compare, the same bytes for the same graphs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store_fixtures import CORPUS, EXAMPLE

from kg.articles import read_articles
from kg.extract import serialize_graphs as extraction_serialize_graphs
from kg.extract_batch import extract_dataset
from kg.serialize import canonical_quads, serialize_graphs, serialize_quads
from kg.store import rdflib_quads


@pytest.fixture(scope="module")
def graphs():
    inputs = [EXAMPLE, *sorted(CORPUS.glob("*.txt"))[:3]] if CORPUS.is_dir() else [EXAMPLE]
    return extract_dataset(read_articles(inputs)).graphs


def test_extraction_writes_through_the_one_serializer():
    """``ckg extract``, the Dask shards (kg.cluster) and the library all write with
    kg.serialize: no second copy whose output could drift from the one process's."""
    assert extraction_serialize_graphs is serialize_graphs


def test_extracted_trig_and_nquads_hold_the_same_quads(graphs):
    trig = ox.Dataset(ox.parse(serialize_graphs(graphs).encode(), format=ox.RdfFormat.TRIG))
    nq = ox.Dataset(
        ox.parse(serialize_graphs(graphs, fmt="nq").encode(), format=ox.RdfFormat.N_QUADS)
    )
    assert len(trig) == len(nq) > 100
    assert set(map(str, trig)) == set(map(str, nq))


def test_store_quads_are_written_the_same_whatever_their_blank_node_labels():
    """What ckg export relies on: the store's own blank node labels never show."""
    p, g = ox.NamedNode("https://example.org/p"), ox.NamedNode("https://example.org/g")

    def quads(label: str) -> list[ox.Quad]:
        b = ox.BlankNode(label)
        return [ox.Quad(b, p, ox.Literal("x"), g), ox.Quad(g, p, b, g)]

    for fmt in ("trig", "nq", "ttl", "jsonld"):
        assert serialize_quads(quads("one"), fmt) == serialize_quads(quads("two"), fmt)
    assert canonical_quads(quads("one")) == canonical_quads(quads("two"))


def test_extracted_graphs_are_written_as_trig_or_nquads_only(graphs):
    with pytest.raises(ValueError, match="trig or nq"):
        serialize_graphs(graphs, fmt="ttl")


def test_an_extracted_graph_in_the_store_exports_as_the_quads_extracted(graphs):
    graph = graphs[1]
    extracted = ox.parse(serialize_graphs([graph], fmt="nq").encode(), format=ox.RdfFormat.N_QUADS)
    exported = ox.parse(serialize_quads(rdflib_quads(graph), "nq"), format=ox.RdfFormat.N_QUADS)
    assert set(map(str, extracted)) == set(map(str, exported))
