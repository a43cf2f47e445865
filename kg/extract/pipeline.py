"""The extraction pipeline: an article in, its named graph out.

Runs the stages of :mod:`kg.extract.stages` in their fixed order over one
:class:`~kg.extract.document.Document` (tokens → entities → headline → parse → triggers → parties →
roles → event anaphora → dates → conflict → places → facts → ranges → claims → headline
events), then the RDF writer.
Each stage declares what it reads and writes; the pipeline checks that when it is built.

>>> from kg.articles import parse_article_text
>>> art = parse_article_text("date 2022-03-04 Test\\nKiew – Die Ukraine und Russland haben "
...     "sich in Istanbul auf eine Waffenruhe geeinigt.\\n", identifier="t.txt", origin="t.txt")
>>> g = Extractor().extract(art)
>>> from kg.namespaces import CKG, RDF
>>> sorted(str(o).rsplit("#")[-1] for o in g.objects(None, RDF.type) if "Agreement" in str(o))
['CeasefireAgreement']
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.articles import Article
from kg.dictionary import ActorDictionary, load_dictionary, reference_graph_from
from kg.extract.document import Document, Pipeline
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.model import ArticleAnalysis
from kg.extract.rdf import analysis_graph, role_triples
from kg.extract.stages import default_stages

__all__ = ["Extractor", "default_extractor", "extract_article", "reference_graph"]


class Extractor:
    """All stages, built once (HanTa's model and the dictionary index are loaded here)."""

    def __init__(
        self,
        *,
        dictionary: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        extra_dictionaries: Sequence[Path] = (),
    ) -> None:
        self.dictionary = dictionary or load_dictionary(extra=extra_dictionaries)
        self.lexicon = lexicon or load_lexicon()
        self.pipeline = Pipeline(default_stages(self.dictionary, self.lexicon))

    def analyse(self, article: Article) -> ArticleAnalysis:
        """Run every stage except the RDF writer."""
        return self.pipeline(Document(article)).analysis()

    def extract(self, article: Article) -> Graph:
        """The article's named graph (contract: one named graph per article)."""
        return analysis_graph(article, self.analyse(article), self.dictionary, self.lexicon)

    def reference_graph(self, *, only: Set[Node] | None = None) -> Graph:
        """Known entities (labels, types, Wikidata links) and the labels of role concepts;
        with ``only``, just the entities among those nodes."""
        g = reference_graph_from(self.dictionary, only=only)
        for role in sorted(self.lexicon.role_labels):
            for t in role_triples(self.lexicon, role):
                g.add(t)
        return g


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """One extractor per process with the shipped dictionary and patterns."""
    return Extractor()


def extract_article(article: Article) -> Graph:
    """The named graph of one article, with the shipped dictionary and patterns."""
    return default_extractor().extract(article)


def reference_graph() -> Graph:
    """The reference named graph of known entities."""
    return default_extractor().reference_graph()
