"""The event table (``ckg table``): one event a row, as CSV for statistical users.

Columns: ``event, class, cameo, plover, agents, other_actors, date, place, confidence,
claimed_by, source, sentence``. Multi-values are ``|``-separated and sorted; actors and
places are written by their English label (else German, else their IRI's last segment);
``other_actors`` carry their role (``participant:Armenia``). CAMEO and PLOVER codes are
the record's own (imported events) or the class's alignment in the ontology. ``source``
is the article identifier and URL, or the imported record's URL; ``sentence`` the
evidence sentence (mention text) or the record's text.

>>> import pyoxigraph as ox, io
>>> buf = io.StringIO()
>>> write_event_table(ox.Store(), buf)
0
>>> buf.getvalue().split(",")[:3]
['event', 'class', 'cameo']
"""

from __future__ import annotations

import csv
from collections import defaultdict
from typing import TextIO

import pyoxigraph as ox
import rdflib

from kg.linking.store_io import LinkingVocabulary, default_vocabulary, nn, read_events
from kg.namespaces import CAMEO, CKG, DCTERMS, PLOVER, PROV, RDFS, SKOS
from kg.resources import ontology_files

__all__ = ["COLUMNS", "write_event_table"]

COLUMNS = (
    "event", "class", "cameo", "plover", "agents", "other_actors", "date", "place",
    "confidence", "claimed_by", "source", "sentence",
)  # fmt: skip


def _v(t: object) -> str:
    return str(getattr(t, "value", t))


def _alignments() -> dict[str, tuple[list[str], list[str]]]:
    g = rdflib.Graph()
    for p in ontology_files():
        g.parse(p, format="turtle")
    out: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for cls, target in g.subject_objects(SKOS.closeMatch):
        t = str(target)
        if t.startswith(str(CAMEO)):
            out[str(cls)][0].append(t[len(str(CAMEO)) :])
        elif t.startswith(str(PLOVER)) and "/" not in t[len(str(PLOVER)) :]:
            out[str(cls)][1].append(t[len(str(PLOVER)) :])
    return out


def write_event_table(
    store: ox.Store, out: TextIO, *, vocabulary: LinkingVocabulary | None = None
) -> int:
    """Write the CSV to ``out``; returns the number of event rows."""
    vocab = vocabulary or default_vocabulary()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    records = read_events(store, vocab)
    if not records:
        return 0
    align = _alignments()
    labels: dict[str, str] = {}

    def label(iri: str) -> str:
        if iri not in labels:
            found: dict[str, str] = {}
            for q in store.quads_for_pattern(nn(iri), nn(RDFS.label), None, None):
                found.setdefault(getattr(q.object, "language", "") or "", _v(q.object))
            labels[iri] = found.get("en") or found.get("de") or iri.rsplit("/", 1)[-1]
        return labels[iri]

    def values(s: str, p: object, g: str) -> list[str]:
        return sorted(_v(q.object) for q in store.quads_for_pattern(nn(s), nn(p), None, nn(g)))

    agent = str(CKG.agent)
    for r in records:
        cls = sorted(vocab.hierarchy.specific(r.classes))
        cameo = [v.rsplit("/", 1)[-1] for v in values(r.iri, CKG.cameoCode, r.graph)]
        plover = [v.rsplit("/", 1)[-1] for v in values(r.iri, CKG.ploverType, r.graph)]
        for c in cls:
            cameo = cameo or sorted(align[c][0])
            plover = plover or sorted(align[c][1])
        agents = sorted(label(a) for role, a in r.actors if role == agent)
        others = sorted(
            f"{role.rsplit('#', 1)[-1]}:{label(a)}" for role, a in r.actors if role != agent
        )
        sources, sentences = [], []
        for d in values(r.iri, PROV.wasDerivedFrom, r.graph):
            sentences += values(d, CKG.text, r.graph) + values(d, RDFS.comment, r.graph)
            sources += [v for v in values(d, DCTERMS.source, r.graph) if "://" in v]
        if r.origin == r.graph:  # an article: its identifier and URL
            sources = values(r.graph, DCTERMS.identifier, r.graph) + sources
            sources += [v for v in values(r.graph, DCTERMS.source, r.graph) if "://" in v]
        writer.writerow(
            [
                r.iri,
                "|".join(c.rsplit("#", 1)[-1] for c in cls),
                "|".join(cameo),
                "|".join(plover),
                "|".join(agents),
                "|".join(others),
                "|".join(values(r.iri, CKG.date, r.graph)),
                "|".join(sorted(label(p) for p in r.places)),
                "|".join(values(r.iri, CKG.confidence, r.graph)),
                "|".join(sorted(label(c) for c in values(r.iri, CKG.claimedBy, r.graph))),
                "|".join(dict.fromkeys(sources)),
                " | ".join(dict.fromkeys(sentences)),
            ]
        )
    return len(records)
