"""What ``ckg extract`` does, as one library call: articles → their checked graphs.

:func:`extract_dataset` extracts every article (in ``jobs`` processes,
:class:`kg.parallel.ExtractionPool`), keeps each graph that can be written and read back
(:func:`kg.extract.rdf.graph_problems`), and adds the reference graph of the known
entities the articles mention (or of all, ``full_reference``). Bad input stays per
record: a refused input, an article whose extraction fails and an article whose graph
could not be read back are each reported as an ``error`` :class:`Message` naming the
file (and line), and the rest goes on. What the limits on work cut is reported as a
``note``. Messages come in input order, the same with any number of jobs.

>>> from kg.articles import parse_article_text, Rejected
>>> art = parse_article_text("date 2022-03-04 Test\\nKiew – Die Ukraine und Russland haben "
...     "sich in Istanbul auf eine Waffenruhe geeinigt.\\n", identifier="t.txt", origin="t.txt")
>>> said = []
>>> result = extract_dataset([art, Rejected("b.txt", "empty file")], on_message=said.append)
>>> [str(m) for m in said], result.refused, len(result.graphs)
(['error: b.txt: empty file'], 1, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.articles import Article, Rejected
from kg.errors import InputError
from kg.parallel import ExtractionPool

__all__ = ["ExtractedDataset", "Message", "extract_dataset"]


@dataclass(frozen=True)
class Message:
    """An ``error`` (the input was refused) or a ``note`` about one input."""

    kind: str
    origin: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.origin}: {self.text}"


@dataclass(frozen=True)
class ExtractedDataset:
    """The reference graph, then each written article's graph in input order; and the
    number of inputs refused."""

    graphs: list[Graph]
    refused: int


def extract_dataset(
    items: Iterable[Article | Rejected],
    *,
    jobs: int = 1,
    extra_dictionaries: Sequence[Path] = (),
    full_reference: bool = False,
    on_message: Callable[[Message], object] | None = None,
) -> ExtractedDataset:
    """Extract the articles of ``items`` (what :func:`kg.articles.read_articles` yields)
    into their named graphs plus the reference graph; see the module documentation.

    A reference graph that cannot be written is an :class:`~kg.errors.InputError` (it
    comes from the dictionaries, so nothing can be written); a dead worker process is a
    :class:`~kg.parallel.WorkerCrashed` naming the article.
    """
    from kg.extract.rdf import graph_problems
    from kg.extract.sentences import limit_notes

    def say(kind: str, origin: str, text: str) -> None:
        if on_message is not None:
            on_message(Message(kind, origin, text))

    graphs: list[Graph] = []
    refused = 0
    with ExtractionPool(jobs=jobs, extra_dictionaries=extra_dictionaries) as pool:
        for item in pool.extract(items):
            if isinstance(item, Rejected):
                refused += 1
                say("error", item.origin, item.reason)
                continue
            article = item.article
            for note in limit_notes(article.text, article.body_start):
                say("note", article.origin, note)
            try:
                graph = item.graph()
            except Exception as err:  # a fault on one article must not lose the batch
                refused += 1
                say(
                    "error",
                    article.origin,
                    f"extraction failed ({type(err).__name__}: {err}); please report this article",
                )
                continue
            problems = graph_problems(graph)
            if problems:
                refused += 1
                say("error", article.origin, f"cannot be written: {'; '.join(problems)}")
                continue
            graphs.append(graph)
        # Entities are IRIs: the literals (every sentence) need not travel to a worker.
        used = (
            None
            if full_reference
            else {t for g in graphs for s, _p, o in g for t in (s, o) if isinstance(t, URIRef)}
        )
        reference = pool.reference_graph(only=used)
    problems = graph_problems(reference)
    if problems:
        raise InputError(f"the reference graph cannot be written: {'; '.join(problems)}")
    return ExtractedDataset([reference, *graphs], refused)
