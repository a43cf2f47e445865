"""The embedded, on-disk knowledge-graph store (pyoxigraph) and its managed graphs.

A store is a directory holding a pyoxigraph (RocksDB) database with one named graph per
article, plus two graphs the store keeps up to date by itself on every read-write open:

- :data:`~kg.namespaces.ONTOLOGY_GRAPH`: the project's OWL ontology, with the RDFS closure
  of its class and property hierarchies written out (:func:`hierarchy_closure`), so that
  queries follow sub-classes and sub-properties with ONE plain ``rdfs:subClassOf`` /
  ``rdfs:subPropertyOf`` pattern, on any SPARQL store, without property paths;
- :data:`~kg.namespaces.REFERENCE_GRAPH`: known entities, labels and Wikidata links.

Each is refreshed when its content changed; the content hashes live in a small JSON file
beside the database (``conflict-kg-store.json``), invisible to SPARQL.

Many graphs are written through :class:`kg.writer.GraphWriter` (batched bulk ingestion);
it uses :func:`replace_graphs` for replacements, which replaces whole named graphs in ONE
transaction: a single SPARQL update (``DROP SILENT GRAPH ...; INSERT DATA {...}``) when a
graph is already there, else a single ``Store.extend``. pyoxigraph applies each as one
transaction ("either the full operation succeeds, or nothing is written"), so a graph is
wholly replaced or left as it was, even if the process is killed half-way
(``tests/test_store_ingest.py`` kills an ingest with SIGKILL to check).

>>> import tempfile, pyoxigraph as ox
>>> from rdflib import Graph, Literal, URIRef
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(Path(d) / "s")
...     g = Graph(identifier=URIRef("https://example.org/g"))
...     _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
...     replace_graphs(store, {g.identifier: rdflib_quads(g)})
...     replace_graphs(store, {g.identifier: rdflib_quads(g)})  # replaced, not duplicated
...     len(list(store.quads_for_pattern(None, None, None, ox.NamedNode("https://example.org/g"))))
1
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import CkgError, UsageError
from kg.gazetteer import coordinates_graph
from kg.iris import article_iri
from kg.namespaces import CKG, DCTERMS, ID, ONTOLOGY_GRAPH, OWL, RDF, RDFS, REFERENCE_GRAPH
from kg.resources import data_dir, ontology_files
from kg.store_lock import GATE_FILE, LOCK_FILE, acquire, reap, release, tie, tie_writer

__all__ = [
    "META_FILE",
    "STORE_ENV",
    "article_graphs",
    "default_store_path",
    "find_article",
    "graph_quads",
    "hierarchy_closure",
    "managed_graphs",
    "open_store",
    "open_store_for_reading",
    "rdflib_graph",
    "rdflib_quads",
    "replace_graphs",
    "resolve_store_path",
    "sync_managed_graphs",
    "to_ox",
    "to_rdflib",
]

#: Environment variable naming the store directory.
STORE_ENV = "CKG_STORE"
#: File beside the database that records the content hashes of the managed graphs.
META_FILE = "conflict-kg-store.json"
_READ_ONLY_ATTEMPTS = 5
_IN_USE = (
    "store {path} is in use by another process (e.g. a running 'ckg serve'); stop it or use --store"
)


def default_store_path() -> Path:
    """``$CKG_STORE``, else ``$XDG_DATA_HOME/conflict-kg/store`` (~/.local/share/...).

    >>> import os
    >>> os.environ.get("CKG_STORE") is not None or default_store_path().name == "store"
    True
    """
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "conflict-kg" / "store"


def resolve_store_path(path: str | Path | None) -> Path:
    """The store directory to use: ``path`` if given, else :func:`default_store_path`."""
    return Path(path).expanduser() if path else default_store_path()


def open_store(
    path: str | Path | None = None, *, read_only: bool = False, lock_timeout: float | None = None
) -> ox.Store:
    """Open (creating if needed) the store in directory ``path``.

    Read-write opens make sure the ontology and reference graphs are current. Read-only
    opens (``Store.read_only``) write nothing; the store must already exist.

    Readers and writers are kept apart by the store's lock (:mod:`kg.store_lock`): a
    read-write open holds it exclusively until the database is closed (the handle
    dropped), a read-only open shared until nobody references the handle (each released
    within milliseconds). A reader waits at most ``lock_timeout`` seconds
    (``$CKG_LOCK_TIMEOUT``, 5) for a writer, a writer (``$CKG_WRITE_LOCK_TIMEOUT``, 120)
    for readers; then :class:`~kg.store_lock.StoreBusy` ("the store ... is being written
    by another process (pid N); try again"). Errors are :class:`~kg.errors.CkgError`
    with a one-line message: busy, locked by another process, not writable, not a store.
    """
    where = resolve_store_path(path)
    reap()  # close this process's handles nobody uses any more (and free their locks)
    if read_only:
        if not (where / "CURRENT").is_file():
            raise CkgError(f"no store at {where} (create one with 'ckg ingest' or 'ckg load')")
        token = _lock(where, exclusive=False, timeout=lock_timeout)
        try:
            store = _open_read_only(where)
        except BaseException:
            release(token)
            raise
        tie(store, token)
        return store
    _check_directory(where)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _open_error(where, err) from err
    token = _lock(where, exclusive=True, timeout=lock_timeout)
    try:
        store = ox.Store(str(where))
    except OSError as err:
        release(token)
        raise _open_error(where, err) from err
    tie_writer(where, token)  # released once the database is closed
    sync_managed_graphs(store, where)
    return store


def _lock(where: Path, *, exclusive: bool, timeout: float | None) -> str:
    try:
        return acquire(where, exclusive=exclusive, timeout=timeout)
    except OSError as err:  # the lock file cannot be made
        raise _open_error(where, err) from err


def _open_read_only(where: Path) -> ox.Store:
    # Under the shared lock no conflict-kg writer is active; a writer that bypasses the
    # lock (pyoxigraph used directly) may be replacing its MANIFEST just then (RocksDB:
    # "may be corrupted", a file gone): try again on the next state before giving up.
    for attempt in range(_READ_ONLY_ATTEMPTS):
        try:
            return ox.Store.read_only(str(where))
        except (OSError, RuntimeError) as err:
            if attempt + 1 == _READ_ONLY_ATTEMPTS:
                raise CkgError(f"cannot open store {where} read-only: {_reason(err)}") from err
            time.sleep(0.2)
    raise AssertionError("unreachable")


def open_store_for_reading(path: str | Path | None = None) -> ox.Store:
    """Open the store in directory ``path`` for commands that only read it.

    An existing store whose managed graphs are current is opened read-only
    (``Store.read_only``) under the store's shared lock: while another conflict-kg
    process writes the store (``ckg ingest``, ``load``, ...), this waits for it at most
    ``$CKG_LOCK_TIMEOUT`` seconds (5) and then fails with
    :class:`~kg.store_lock.StoreBusy`, never reading a store being written. A store that
    does not exist yet, or was written by an older version (e.g. without the hierarchy
    closure the saved queries rely on), is opened read-write once, which creates it or
    brings its ontology and reference graphs up to date; if another process holds it
    meanwhile, it is read as it is. Errors are the one-line :class:`~kg.errors.CkgError`
    of :func:`open_store`.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     writer = open_store(Path(d) / "s")  # holds the lock
    ...     reader = open_store_for_reading(Path(d) / "s")  # the same process may read
    ...     reader.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)))
    True
    """
    where = resolve_store_path(path)
    if not (where / "CURRENT").is_file():
        return open_store(where)
    if not _managed_graphs_current(where):
        try:
            return open_store(where, lock_timeout=0)
        except CkgError:
            pass  # held by another process: read what is there
    return open_store(where, read_only=True)


def _read_meta(where: Path) -> dict[str, object]:
    try:
        meta = json.loads((where / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _managed_graphs_current(where: Path) -> bool:
    meta = _read_meta(where)
    return meta.get("format") == _FORMAT and meta.get("sources") == _sources_fingerprint()


def _check_directory(where: Path) -> None:
    if where.exists() and not where.is_dir():
        raise CkgError(f"store {where} is not writable: it exists and is not a directory")
    ours = {LOCK_FILE, GATE_FILE}
    if (
        where.is_dir()
        and not (where / "CURRENT").exists()
        and any(p.name not in ours for p in where.iterdir())
    ):
        raise CkgError(
            f"{where} is not a store (it holds other files); use an empty or new directory"
        )


def _reason(err: Exception) -> str:
    return str(err).removeprefix("IO error: ").strip()


def _open_error(where: Path, err: OSError) -> CkgError:
    text = str(err)
    if "lock hold by current process" in text:
        return CkgError(f"store {where} is already open in this process")
    if "lock" in text.lower() and ("unavailable" in text.lower() or "LOCK" in text):
        return CkgError(_IN_USE.format(path=where))
    refusals = ("Permission denied", "Operation not permitted", "Read-only file system")
    if any(s in text for s in (*refusals, "Not a directory")):
        return CkgError(f"store {where} is not writable: {_reason(err)}")
    return CkgError(f"cannot open store {where}: {_reason(err)}")


# --- term conversion -------------------------------------------------------------------


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term.

    >>> to_ox(Literal("Armenien", lang="de"))
    <Literal value=Armenien language=de>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_rdflib(term: object) -> Node:
    """The rdflib term for a pyoxigraph term (plain strings stay plain ``xsd:string``).

    >>> to_rdflib(ox.Literal("0.9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    rdflib.term.Literal('0.9', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def rdflib_quads(graph: Graph, name: Node | None = None) -> list[ox.Quad]:
    """The triples of an rdflib graph as pyoxigraph quads in graph ``name``
    (default: the graph's identifier)."""
    g = to_ox(name if name is not None else graph.identifier)
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]  # type: ignore[arg-type]


def graph_quads(store: ox.Store, name: URIRef | ox.NamedNode) -> list[ox.Quad]:
    """Every quad of one named graph of the store."""
    g = name if isinstance(name, ox.NamedNode) else ox.NamedNode(str(name))
    return list(store.quads_for_pattern(None, None, None, g))


def rdflib_graph(store: ox.Store, name: URIRef) -> Graph:
    """One named graph of the store as an rdflib :class:`~rdflib.Graph` (a copy)."""
    graph = Graph(identifier=name)
    for q in graph_quads(store, name):
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


# --- writing ------------------------------------------------------------------------------


def replace_graphs(store: ox.Store, graphs: Mapping[Node, Sequence[ox.Quad]]) -> None:
    """Replace each named graph by the given quads, all in ONE transaction.

    The quads' own graph names are ignored: each goes to the graph it is listed under.
    Blank nodes are taken as given: labels shared between graphs are one node (the SPARQL
    path used for replacements renames them). :class:`kg.writer.GraphWriter` makes them
    local to each unit first.
    """
    if not graphs:
        return
    names = [ox.NamedNode(str(name)) for name in graphs]
    if not any(store.contains_named_graph(n) for n in names):
        # Nothing to replace: Store.extend is one transaction too, and needs no SPARQL text.
        store.extend(
            ox.Quad(q.subject, q.predicate, q.object, n)
            for n, quads in zip(names, graphs.values(), strict=True)
            for q in quads
        )
        for n, quads in zip(names, graphs.values(), strict=True):
            if not quads:  # an empty graph is recorded as a graph, as DROP/INSERT would
                store.add_graph(n)
        return
    parts: list[str] = []
    inserts: list[str] = []
    for name, quads in graphs.items():
        g = str(to_ox(name))
        parts.append(f"DROP SILENT GRAPH {g}")
        if quads:
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
            inserts.append(f"GRAPH {g} {{\n{body} .\n}}")
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    store.update(" ;\n".join(parts))


# --- managed graphs: ontology and reference ---------------------------------------------


def _ontology_graph() -> Graph:
    module = importlib.import_module("kg.ontology")
    loader = getattr(module, "load_ontology", None)
    if callable(loader):
        loaded = loader()
        if isinstance(loaded, Graph):
            return loaded
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (
    RDF.Property,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
)


def _closure(graph: Graph, relation: URIRef, kinds: Sequence[URIRef]) -> set[tuple[URIRef, URIRef]]:
    """Every (sub, super) pair of IRIs with sub ``relation*`` super (reflexive, transitive)."""
    supers: dict[URIRef, set[URIRef]] = {}
    for kind in kinds:
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef):
                supers.setdefault(node, set())
    for sub, sup in graph.subject_objects(relation):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            supers.setdefault(sub, set()).add(sup)
            supers.setdefault(sup, set())
    pairs: set[tuple[URIRef, URIRef]] = set()
    for start in supers:
        seen = {start}
        todo = [start]
        while todo:
            for sup in supers[todo.pop()]:
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        pairs.update((start, sup) for sup in seen)
    return pairs


def hierarchy_closure(graph: Graph) -> Graph:
    """A copy of an ontology graph with its class and property hierarchies closed.

    Adds ``C rdfs:subClassOf D`` whenever ``C rdfs:subClassOf* D`` (reflexive: every class
    declared or used in the hierarchy is its own sub-class), and the same for
    ``rdfs:subPropertyOf``. RDFS semantics entail each added triple (rules rdfs5, rdfs6,
    rdfs10, rdfs11), so no answer changes meaning; queries then need no property path
    (Virtuoso 7.2 loses rows when a ``*`` path over this graph is joined with other
    graphs). Only IRIs are closed: anonymous classes (OWL restrictions) stay as they are.

    >>> from rdflib import Graph, URIRef
    >>> g = Graph()
    >>> a, b, c = (URIRef(f"https://example.org/{x}") for x in "abc")
    >>> _ = g.add((a, RDFS.subClassOf, b)).add((b, RDFS.subClassOf, c))
    >>> closed = hierarchy_closure(g)
    >>> sorted(str(o)[-1] for o in closed.objects(a, RDFS.subClassOf))
    ['a', 'b', 'c']
    >>> len(closed), len(g)
    (6, 2)
    """
    closed = Graph(identifier=graph.identifier)
    for prefix, namespace in graph.namespaces():
        closed.bind(prefix, namespace, override=True)
    for triple in graph:
        closed.add(triple)
    for relation, kinds in (
        (RDFS.subClassOf, _CLASS_TYPES),
        (RDFS.subPropertyOf, _PROPERTY_TYPES),
    ):
        for sub, sup in _closure(graph, relation, kinds):
            closed.add((sub, relation, sup))
    return closed


def _reference_graph() -> Graph:
    if importlib.util.find_spec("kg.extract") is None:
        return Graph()
    extract = importlib.import_module("kg.extract")
    builder = getattr(extract, "reference_graph", None)
    return builder() if callable(builder) else Graph()


def managed_graphs() -> dict[URIRef, Graph]:
    """The graphs the store maintains itself: the ontology (with its hierarchies closed,
    :func:`hierarchy_closure`) and reference data."""
    return {
        ONTOLOGY_GRAPH: hierarchy_closure(_ontology_graph()),
        REFERENCE_GRAPH: _reference_graph() + coordinates_graph(),  # geo:lat/long (issue 12)
    }


_EMPTY = hashlib.sha256(b"").hexdigest()
# Version of how the managed graphs are built from their sources: a store written by an
# older version rebuilds them (format 2 added the hierarchy closure).
_FORMAT = 2


def _content_hash(quads: Iterable[ox.Quad]) -> str:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = sorted(str(q) for q in dataset)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _sources_fingerprint() -> str:
    """A digest of the files the managed graphs are built from (ontology, dictionaries,
    extraction code), so that an unchanged installation skips rebuilding them."""
    paths = list(ontology_files())
    paths += sorted(p for p in data_dir().rglob("*") if p.suffix in {".tsv", ".yaml", ".ttl"})
    spec = importlib.util.find_spec("kg.extract")
    for location in (spec.submodule_search_locations or []) if spec else []:
        paths += sorted(Path(location).glob("*.py"))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def sync_managed_graphs(store: ox.Store, where: Path) -> list[URIRef]:
    """Bring the ontology and reference graphs up to date; return the graphs refreshed.

    The graphs are rebuilt only when their sources changed (or a graph is missing), and
    rewritten only when their content changed.
    """
    meta_path = where / META_FILE
    meta = _read_meta(where)
    hashes: dict[str, str] = dict(meta.get("graphs", {}))  # type: ignore[call-overload]
    sources = _sources_fingerprint()
    present = all(
        store.contains_named_graph(ox.NamedNode(name)) or hashes.get(name) == _EMPTY
        for name in (str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH))
    )
    if meta.get("sources") == sources and meta.get("format") == _FORMAT and present:
        return []
    refreshed: list[URIRef] = []
    for name, graph in managed_graphs().items():
        quads = rdflib_quads(graph, name)
        digest = _content_hash(quads)
        stored = store.contains_named_graph(ox.NamedNode(str(name)))
        if hashes.get(str(name)) == digest and (stored or not quads):
            continue
        replace_graphs(store, {name: quads})
        hashes[str(name)] = digest
        refreshed.append(name)
    tmp = meta_path.with_suffix(".tmp")
    doc = {"format": _FORMAT, "sources": sources, "graphs": hashes}
    tmp.write_text(json.dumps(doc, indent=1, sort_keys=True))
    os.replace(tmp, meta_path)
    return refreshed


# --- articles ----------------------------------------------------------------------------


def article_graphs(store: ox.Store) -> list[dict[str, Node | None]]:
    """The articles in the store: graph IRI, identifier, title, date, sorted by IRI."""
    rows = store.query(
        f"""SELECT ?g ?id ?title ?date WHERE {{
          GRAPH ?g {{ ?g a <{CKG.Article}> .
            OPTIONAL {{ ?g <{DCTERMS.identifier}> ?id }}
            OPTIONAL {{ ?g <{DCTERMS.title}> ?title }}
            OPTIONAL {{ ?g <{DCTERMS.date}> ?date }} }} }} ORDER BY ?g"""
    )
    return [
        {k: (None if row[k] is None else to_rdflib(row[k])) for k in ("g", "id", "title", "date")}
        for row in rows  # type: ignore[union-attr]
    ]


def find_article(store: ox.Store, ref: str) -> URIRef:
    """The graph IRI of an article named by its identifier, slug, ``id:article/...`` or IRI.

    An unknown article is a :class:`~kg.errors.UsageError`.
    """
    candidates: list[str] = []
    text = ref.strip()
    if text.startswith("<") and text.endswith(">"):
        candidates.append(text[1:-1])
    elif text.startswith(("http://", "https://")):
        candidates.append(text)
    elif text.startswith("id:"):
        candidates.append(str(ID) + text[3:])
    candidates.append(str(article_iri(text)))
    for iri in candidates:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        if store.contains_named_graph(node):
            return URIRef(iri)
    for row in article_graphs(store):
        if row["id"] is not None and str(row["id"]) == text:
            return URIRef(str(row["g"]))
    raise UsageError(f"no article {ref!r} in the store (see 'ckg articles')")
