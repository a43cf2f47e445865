"""Extract articles and put each into the store whole, in atomic batches.

For every :class:`~kg.articles.Article`, :func:`ingest_articles` calls the extraction
(``kg.extract.extract_article``), compares the result with what the store holds for that
article, and, unless nothing changed, hands the article's named graph to a
:class:`~kg.writer.GraphWriter`. New articles are written in batches, each batch ONE
atomic bulk ingestion; an article that replaces an earlier version is written in its own
transaction. A process killed half-way therefore leaves every article either as it was
before or wholly written: it loses at most the batch in flight (about a second of work).
Re-ingesting an article replaces its graph, so nothing is duplicated.

An article counts as done (progress, report) once its batch is committed. Then
:func:`kg.linking.link_articles_events` runs once for the batch (unless ``link=False``),
and the links each article brought are counted (a link between two articles of the same
batch is counted once, for the later one).

Links are written after their batch, so a kill can land in between. Each article is
therefore entered in a journal (:data:`kg.writer.PENDING_GRAPH`) in the same atomic write
as the article, and the entry is removed once its links are written. A run starts by
linking whatever an interrupted run left in the journal
(:func:`kg.linking.link_pending_events`; :attr:`IngestReport.resumed`), so running the same
input again after a kill repairs the links even though every article is "unchanged".

With ``dry_run=True`` nothing is written; each article is reported as ``new``,
``unchanged`` or ``changed`` with the numbers of triples that would be added and removed.

>>> import tempfile
>>> from rdflib import Graph, Literal, URIRef
>>> from kg.store import open_store
>>> g = Graph(identifier=URIRef("https://w3id.org/conflict-kg/id/article/x"))
>>> _ = g.add((g.identifier, URIRef("http://purl.org/dc/terms/title"), Literal("X")))
>>> with tempfile.TemporaryDirectory() as d:
...     store = open_store(d + "/s")
...     first = ingest_graph(store, g, link=False)
...     again = ingest_graph(store, g, link=False)
>>> first.status.value, again.status.value, first.added
('new', 'unchanged', 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph

from kg import linking
from kg.articles import Article, Rejected
from kg.parallel import ExtractionPool
from kg.serialize import canonical_quads
from kg.store import graph_quads, rdflib_quads, replace_graphs
from kg.store.summary import count_events_and_facts, event_classes
from kg.writer import (
    DEFAULT_BATCH_QUADS,
    DEFAULT_BATCH_SECONDS,
    PENDING_GRAPH,
    GraphWriter,
    journal_unit,
)

__all__ = [
    "ArticleOutcome",
    "IngestReport",
    "Status",
    "count_events_and_facts",
    "event_classes",
    "ingest_articles",
    "ingest_graph",
]


class Status(StrEnum):
    """What ingesting an article did (or, in a dry run, would do)."""

    NEW = "new"
    UNCHANGED = "unchanged"
    CHANGED = "changed"


@dataclass(frozen=True)
class ArticleOutcome:
    """One article's result: status, counts, triples added/removed, links made."""

    identifier: str
    iri: str
    status: Status
    triples: int
    events: int
    facts: int
    added: int
    removed: int
    links: int = 0


@dataclass
class IngestReport:
    """Everything one ``ingest_articles`` run did.

    ``resumed``: graphs an interrupted run wrote but did not link, linked first.
    """

    dry_run: bool = False
    articles: list[ArticleOutcome] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(a.events for a in self.articles)

    @property
    def facts(self) -> int:
        return sum(a.facts for a in self.articles)

    @property
    def links(self) -> int:
        return sum(a.links for a in self.articles)

    def summary(self) -> str:
        """One line: articles by status, events, standing facts, links, rejected inputs,
        and the graphs whose links an interrupted run had left undone.

        >>> IngestReport(resumed=["g1", "g2"]).summary()  # doctest: +NORMALIZE_WHITESPACE
        'ingested 0 article(s) (0 new, 0 changed, 0 unchanged): 0 events, 0 standing facts,
        0 links; 0 input(s) rejected; linked 2 graph(s) an interrupted run had left unlinked'
        """
        by = {s: sum(1 for a in self.articles if a.status is s) for s in Status}
        verb = "would ingest" if self.dry_run else "ingested"
        resumed = (
            f"; linked {len(self.resumed)} graph(s) an interrupted run had left unlinked"
            if self.resumed
            else ""
        )
        return (
            f"{verb} {len(self.articles)} article(s) ({by[Status.NEW]} new, "
            f"{by[Status.CHANGED]} changed, {by[Status.UNCHANGED]} unchanged): "
            f"{self.events} events, {self.facts} standing facts, {self.links} links; "
            f"{len(self.rejected)} input(s) rejected{resumed}"
        )


class Progress(Protocol):
    def advance(self, label: str = "") -> None: ...
    def close(self) -> None: ...


def _canonical(quads: list[ox.Quad], name: ox.NamedNode) -> set[str]:
    # Blank nodes get store-specific labels; canonical labels (RDFC-1.0) make two
    # versions of a graph comparable.
    return {
        str(q)
        for q in canonical_quads(ox.Quad(q.subject, q.predicate, q.object, name) for q in quads)
    }


def _outcome(
    store: ox.Store,
    graph: Graph,
    identifier: str | None,
    events: set[str],
) -> tuple[ArticleOutcome, list[ox.Quad]]:
    """What storing ``graph`` would do, and its quads."""
    name = ox.NamedNode(str(graph.identifier))
    new_quads = rdflib_quads(graph, graph.identifier)
    old_quads = graph_quads(store, name)
    new_set = _canonical(new_quads, name)
    old_set = _canonical(old_quads, name) if old_quads else set()
    if not old_quads and not store.contains_named_graph(name):
        status = Status.NEW
    elif new_set == old_set:
        status = Status.UNCHANGED
    else:
        status = Status.CHANGED
    n_events, n_facts = count_events_and_facts(new_quads, events)
    outcome = ArticleOutcome(
        identifier=identifier or name.value.rsplit("/", 1)[-1],
        iri=name.value,
        status=status,
        triples=len(new_quads),
        events=n_events,
        facts=n_facts,
        added=len(new_set - old_set),
        removed=len(old_set - new_set),
    )
    return outcome, new_quads


def ingest_graph(
    store: ox.Store,
    graph: Graph,
    *,
    identifier: str | None = None,
    dry_run: bool = False,
    link: bool = True,
    events: set[str] | None = None,
) -> ArticleOutcome:
    """Put one article's graph (named by its ``identifier``) into the store now, replacing
    it, in one transaction; then link its events (``link``)."""
    outcome, quads = _outcome(
        store, graph, identifier, events if events is not None else event_classes(store)
    )
    if dry_run or outcome.status is Status.UNCHANGED:
        return outcome
    if not link:
        replace_graphs(store, {graph.identifier: quads})
        return outcome
    # The journal entry goes in the article's transaction; linking removes it.
    replace_graphs(
        store, {graph.identifier: quads, **journal_unit(store, PENDING_GRAPH, [outcome.iri])}
    )
    return replace(outcome, links=len(linking.link_article_events(store, outcome.iri)))


def ingest_articles(
    store: ox.Store,
    articles: Iterable[Article | Rejected],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    link: bool = True,
    max_batch_quads: int = DEFAULT_BATCH_QUADS,
    max_batch_seconds: float = DEFAULT_BATCH_SECONDS,
    jobs: int = 1,
) -> IngestReport:
    """Extract each article and store its graph whole (see the module documentation).

    ``articles`` is what :func:`kg.articles.read_articles` yields; refused inputs are
    collected in the report. An article whose extraction fails is reported as rejected
    with the reason, and the others go on. ``progress`` advances once per input, for a
    written article when it is committed. ``max_batch_quads`` and ``max_batch_seconds``
    bound a batch (:class:`~kg.writer.GraphWriter`).

    ``jobs``: extract in that many worker processes (:class:`kg.parallel.ExtractionPool`;
    1, the default, in this process). The graphs come back in input order and this
    process alone writes them, so the store receives the same content, in the same order
    of commits, with any number of jobs. A worker that dies stops the run with
    :class:`kg.parallel.WorkerCrashed`, naming the article; the articles before it are
    committed. (``ckg ingest`` uses every core; here it is opt-in, because worker
    processes re-import the calling script, which then needs a ``__main__`` guard.)
    """
    report = IngestReport(dry_run=dry_run)
    events = event_classes(store)
    link = link and not dry_run
    if link:  # what a killed run wrote but did not link
        report.resumed = sorted(linking.link_pending_events(store))
    waiting: dict[str, int] = {}  # graph IRI -> index of its outcome in the report

    def committed(names: list[str]) -> None:
        # One linking pass per batch: it reads the store once, not once per article.
        linked = linking.link_articles_events(store, names) if link else {}
        for name in names:
            index = waiting.pop(name)
            outcome = report.articles[index]
            if name in linked:
                outcome = report.articles[index] = replace(outcome, links=len(linked[name]))
            if progress is not None:
                progress.advance(outcome.identifier)

    writer = GraphWriter(
        store,
        max_quads=max_batch_quads,
        max_seconds=max_batch_seconds,
        on_commit=committed,
        journal=PENDING_GRAPH if link else None,  # links pending until written
    )
    # The pool is left last: on an error the writer first commits what it was handed.
    with ExtractionPool(jobs=jobs) as pool, writer:
        for item in pool.extract(articles):
            if isinstance(item, Rejected):
                report.rejected.append(item)
                label = item.origin
            else:
                article = item.article
                label = article.identifier or article.origin
                try:
                    graph = item.graph()
                except (ValueError, KeyError) as err:  # a bad article, not a bug elsewhere
                    report.rejected.append(Rejected(article.origin, f"extraction failed: {err}"))
                else:
                    if graph.identifier in writer:
                        writer.flush()  # the same article twice: compare with the first
                    outcome, quads = _outcome(store, graph, article.identifier, events)
                    report.articles.append(outcome)
                    if not dry_run and outcome.status is not Status.UNCHANGED:
                        waiting[outcome.iri] = len(report.articles) - 1
                        writer.put({graph.identifier: quads})
                        continue  # progress advances when the article is committed
            if progress is not None:
                progress.advance(label)
    if progress is not None:
        progress.close()
    return report
