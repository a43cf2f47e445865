"""RDF → NetworkX views and analytics, on the hand-written fixture tests/data/viz-sample.trig."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.errors import InputError, UsageError
from kg.namespaces import ID
from viz import build_graph, build_nx, load_file, mediators_between
from viz.analytics import centralities, communities, components
from viz.explorer import top_subgraph

SAMPLE = Path(__file__).parent / "data" / "viz-sample.trig"
E = "https://w3id.org/conflict-kg/id/entity/"
PUTIN, ARMENIA, AZERBAIJAN, RUSSIA, CSTO = (
    E + k for k in ("vladimir-putin", "armenia", "azerbaijan", "russia", "csto")
)


@pytest.fixture(scope="module")
def store():
    return load_file(SAMPLE)


@pytest.fixture(scope="module")
def actors(store) -> nx.MultiDiGraph:
    return build_nx(store, view="actors")


@pytest.fixture(scope="module")
def events(store) -> nx.MultiDiGraph:
    return build_nx(store, view="events")


def _edges(g, u, v):
    return [d for a, b, d in g.edges(data=True) if a == u and b == v]


def test_actor_view_nodes_are_the_actors_with_german_labels(actors):
    labels = {d["label"] for _, d in actors.nodes(data=True)}
    assert labels == {
        "Wladimir Putin",
        "Ilham Alijew",
        "Armenien",
        "Aserbaidschan",
        "Russland",
        "OVKS",
    }
    assert (
        actors.nodes[CSTO]["full_label"] == "Organisation des Vertrags über kollektive Sicherheit"
    )
    assert actors.nodes[PUTIN]["type"] == "Person"
    assert actors.nodes[CSTO]["type"] == "MilitaryAlliance"
    assert actors.nodes[ARMENIA]["wikidata"] == "http://www.wikidata.org/entity/Q399"


def test_event_becomes_typed_dated_edge_with_evidence(actors):
    (edge,) = _edges(actors, PUTIN, ARMENIA)
    assert (edge["kind"], edge["type"], edge["date"], edge["confidence"]) == (
        "event",
        "CeasefireDemand",
        "2020-10",
        0.9,
    )
    (ev,) = edge["evidence"]
    assert ev.sentence.startswith("Russlands Präsident Wladimir Putin hat die Konfliktparteien")
    assert ev.identifier == "2020-10-moskau-verhandlungen.txt"
    assert ev.url == "https://example.org/news/moskau-verhandlungen"
    assert (ev.start, ev.end) == (521, 676)


def test_mediator_linked_to_both_parties_and_parties_to_each_other(actors):
    assert [d["label"] for d in _edges(actors, RUSSIA, ARMENIA)] == ["mediates (Negotiation)"]
    assert [d["label"] for d in _edges(actors, RUSSIA, AZERBAIJAN)] == ["mediates (Negotiation)"]
    talks = [d for d in _edges(actors, ARMENIA, AZERBAIJAN) if d["type"] == "Negotiation"]
    assert len(talks) == 1 and talks[0]["directed"] is False and talks[0]["places"] == ["Moskau"]


def test_claim_carries_claimant_and_facts_are_not_claims(actors):
    shelling = [d for d in _edges(actors, AZERBAIJAN, ARMENIA) if d["date"] == "2020-10"]
    assert [d["claimed_by"] for d in shelling] == [["Armenien"]]
    offensive = [d for d in _edges(actors, AZERBAIJAN, ARMENIA) if d["date"] == "2020-09-27"]
    assert [d["claimed_by"] for d in offensive] == [[]]


def test_standing_facts_membership_non_membership_leadership_office(actors):
    assert [d["label"] for d in _edges(actors, ARMENIA, CSTO)] == ["member of"]
    (neg,) = _edges(actors, AZERBAIJAN, CSTO)
    assert (neg["kind"], neg["label"]) == ("notMemberOf", "not member of")
    assert (
        neg["evidence"][0].sentence == "Armenien ist Mitglied der OVKS, Aserbaidschan ist es nicht."
    )
    assert [d["label"] for d in _edges(actors, RUSSIA, CSTO)] == ["leads"]
    assert [d["label"] for d in _edges(actors, PUTIN, RUSSIA)] == ["Staatsoberhaupt"]


def test_events_view_links_events_to_actors_by_role(events):
    demand = ID["event/moskau/ceasefire-demand"]
    assert events.nodes[str(demand)]["kind"] == "event"
    roles = sorted((d["role"], v) for _, v, d in events.out_edges(str(demand), data=True))
    assert roles == [("addressee", ARMENIA), ("addressee", AZERBAIJAN), ("agent", PUTIN)]
    talks = str(ID["event/moskau/talks"])
    targets = {d["label"]: v for _, v, d in events.out_edges(talks, data=True)}
    assert targets["mediator"] == RUSSIA
    assert targets["location"] == E + "moscow"
    assert targets["part of"] == E + "nagorno-karabakh-conflict"
    shelling = str(ID["event/moskau/shelling"])
    assert events.nodes[shelling]["claimed_by"] == ["Armenien"]
    assert ("claimed by", ARMENIA) in [
        (d["label"], v) for _, v, d in events.out_edges(shelling, data=True)
    ]


def test_rdflib_dataset_and_graph_give_the_same_view_as_the_store(actors):
    ds = rdflib.Dataset()
    ds.parse(SAMPLE, format="trig")
    from_ds = build_nx(ds, view="actors")
    assert sorted(from_ds.nodes) == sorted(actors.nodes)
    assert sorted((u, v, k) for u, v, k in from_ds.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in actors.edges(keys=True)
    )
    # a plain Graph (as a CONSTRUCT result is): same events, evidence from the mentions
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    from_graph = build_nx(g, view="actors")
    (edge,) = _edges(from_graph, PUTIN, ARMENIA)
    assert edge["evidence"][0].identifier == "2020-10-moskau-verhandlungen.txt"


def test_unknown_view_and_bad_files_are_clear_errors(store, tmp_path):
    with pytest.raises(UsageError, match=r"unknown view 'timeline'.*actors, events"):
        build_nx(store, view="timeline")
    with pytest.raises(UsageError, match="unknown RDF file extension"):
        load_file(tmp_path / "x.csv")
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.trig: not valid"):
        load_file(bad)


def test_mediators_between_by_label_and_iri(actors):
    # Putin reaches the alliance through its member Armenien and its leader Russland
    assert mediators_between(actors, "Wladimir Putin", "OVKS") == [ARMENIA, RUSSIA]
    assert mediators_between(actors, PUTIN, "Ilham Alijew") == []  # direct edge
    assert mediators_between(actors, "Ilham Alijew", "Russland") == [PUTIN]
    with pytest.raises(UsageError, match="no node"):
        mediators_between(actors, "Narnia", "Russland")


def test_centrality_communities_components(actors):
    cent = centralities(actors)
    assert max(cent, key=lambda n: cent[n]["betweenness"]) == PUTIN  # the only link to Alijew
    assert cent[E + "ilham-aliyev"]["betweenness"] == 0.0
    assert components(actors) == [set(actors.nodes)]
    groups = communities(actors)
    assert sorted(n for c in groups for n in c) == sorted(actors.nodes)
    assert communities(actors) == groups  # fixed seed: same answer every time
    two = nx.MultiDiGraph([("a", "b"), ("c", "d")])
    assert components(two) == [{"a", "b"}, {"c", "d"}]


def test_top_keeps_the_most_central_actors(store):
    eg = build_graph(store, view="actors", top=3)
    # degree 4 each (Aserbaidschan has 3: its "not member of" edge is no tie)
    assert set(eg.graph.nodes) == {PUTIN, ARMENIA, RUSSIA}
    ev = build_graph(store, view="events", top=2)
    kinds = {d["kind"] for _, d in ev.graph.nodes(data=True)}
    assert kinds == {"actor", "event"}
    with pytest.raises(UsageError):
        top_subgraph(eg.graph, 0)


def test_events_with_one_actor_are_listed_on_the_actor():
    g = rdflib.Graph()
    ckg = rdflib.Namespace("https://w3id.org/conflict-kg/ontology#")
    ev, putin = rdflib.URIRef(str(ID["event/x/1"])), rdflib.URIRef(PUTIN)
    g.add((ev, rdflib.RDF.type, ckg.Statement))
    g.add((ev, ckg.agent, putin))
    g.add((ev, ckg.date, rdflib.Literal("2020-10-07", datatype=rdflib.XSD.date)))
    g.add((putin, rdflib.RDFS.label, rdflib.Literal("Putin", lang="en")))
    g.add((putin, rdflib.RDFS.label, rdflib.Literal("Wladimir Putin", lang="de")))
    actors = build_nx(g, view="actors")
    assert actors.number_of_edges() == 0
    assert actors.nodes[PUTIN]["label"] == "Wladimir Putin"
    assert [(e["type"], e["date"], e["role"]) for e in actors.nodes[PUTIN]["events"]] == [
        ("Statement", "2020-10-07", "agent")
    ]


_CO_MEDIATION = """
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix ent: <https://w3id.org/conflict-kg/id/entity/> .
@prefix ev: <https://w3id.org/conflict-kg/id/event/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x-test:article> {
  ev:talks a ckg:Mediation ; ckg:mediator ent:russia, ent:france ; %s .
  ent:russia a ckg:State ; rdfs:label "Russland"@de .
  ent:france a ckg:State ; rdfs:label "Frankreich"@de .
  ent:armenia a ckg:State ; rdfs:label "Armenien"@de .
  ent:azerbaijan a ckg:State ; rdfs:label "Aserbaidschan"@de .
}
"""


@pytest.mark.parametrize(
    "roles",
    [
        "ckg:participant ent:armenia, ent:azerbaijan",
        # the mediators also named as the ones acting, or among the participants
        "ckg:agent ent:russia, ent:france ; ckg:addressee ent:armenia, ent:azerbaijan",
        "ckg:participant ent:armenia, ent:azerbaijan, ent:russia, ent:france",
    ],
)
def test_co_mediators_each_mediate_the_event_not_one_another(roles):
    ds = rdflib.Dataset()
    ds.parse(data=_CO_MEDIATION % roles, format="trig")
    g = build_nx(ds, view="actors")
    france = E + "france"
    mediates = sorted((u, v) for u, v, k in g.edges(data="kind") if k == "mediates")
    assert mediates == sorted((m, p) for m in (RUSSIA, france) for p in (ARMENIA, AZERBAIJAN))
    assert not any({u, v} == {RUSSIA, france} for u, v in g.edges())
    assert not any(k == "event" and france in (u, v) for u, v, k in g.edges(data="kind"))
    events = build_nx(ds, view="events")
    mediator_of = sorted(v for _, v, r in events.edges(data="role") if r == "mediator")
    assert mediator_of == sorted([RUSSIA, france])


def test_co_mediators_with_no_party_named_are_drawn_acting_together():
    ds = rdflib.Dataset()
    ds.parse(data=_CO_MEDIATION % "ckg:confidence 0.8", format="trig")
    g = build_nx(ds, view="actors")
    (edge,) = [(u, v, d) for u, v, d in g.edges(data=True)]
    assert (edge[2]["kind"], edge[2]["directed"]) == ("event", False)
