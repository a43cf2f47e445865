"""Every namespace and prefix the project uses, defined once.

The contract (``CONTRACT.md``) fixes these IRIs; import them from here, never spell them
out elsewhere.

>>> str(CKG.Meeting)
'https://w3id.org/conflict-kg/ontology#Meeting'
>>> str(WD.Q7747)
'http://www.wikidata.org/entity/Q7747'
>>> PREFIXES["ckg"] == str(CKG)
True
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "ANNOTATIONS_GRAPH",
    "CAMEO",
    "CKG",
    "DCTERMS",
    "GEO",
    "ID",
    "LINKS_GRAPH",
    "OA",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PLOVER",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REFERENCE_GRAPH",
    "ROLE",
    "SEM",
    "SKOS",
    "WD",
    "WDT",
    "XSD",
    "sparql_prefixes",
]

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = Namespace("https://w3id.org/conflict-kg/id/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
CAMEO = Namespace("https://w3id.org/conflict-kg/cameo/")
PLOVER = Namespace("https://w3id.org/conflict-kg/plover/")
#: W3C Basic Geo (WGS84): ``geo:lat`` / ``geo:long`` of places, as xsd:decimal degrees.
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

PREFIXES: dict[str, str] = {
    "ckg": str(CKG),
    "id": str(ID),
    "wd": str(WD),
    "wdt": str(WDT),
    "sem": str(SEM),
    "oa": str(OA),
    "cameo": str(CAMEO),
    "plover": str(PLOVER),
    "geo": str(GEO),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def sparql_prefixes() -> str:
    """The PREFIX block for SPARQL text, one line per prefix.

    >>> sparql_prefixes().splitlines()[0]
    'PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>'
    """
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())


#: SKOS concepts for offices (``ckg:role`` values): ``ROLE["foreign-minister"]``.
ROLE = Namespace("https://w3id.org/conflict-kg/id/role/")
PREFIXES["role"] = str(ROLE)

# Named graphs that do not come from one article (contract: "Reference data ... lives in
# its own named graph"). An article's graph is named by the article's IRI (kg.iris).
REFERENCE_GRAPH = ID["graph/reference"]
ONTOLOGY_GRAPH = ID["graph/ontology"]
LINKS_GRAPH = ID["graph/links"]
ANNOTATIONS_GRAPH = ID["graph/annotations"]
