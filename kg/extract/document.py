"""The document object the extraction stages read and extend, and the pipeline that runs
them (in the manner of spaCy's pipeline: small stages over one object, each declaring
what it reads and writes, checked when the pipeline is assembled).

>>> class Words:
...     name, reads, writes = "words", ("article",), ("sentences",)
...     def __call__(self, doc): doc.sentences = ()
>>> Pipeline([Words()]).names
('words',)
>>> class Needy:
...     name, reads, writes = "needy", ("events",), ("facts",)
...     def __call__(self, doc): pass
>>> Pipeline([Needy()])
Traceback (most recent call last):
...
ValueError: stage 'needy' reads 'events', which no stage before it writes
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Protocol

from kg.articles import Article
from kg.extract.dates import TimeExpression
from kg.extract.model import (
    ArticleAnalysis,
    Conflict,
    EntityMention,
    Event,
    Fact,
    TaggedSentence,
    Trigger,
)

__all__ = ["FIELDS", "Document", "Pipeline", "Stage"]


@dataclass
class Document:
    """One article on its way through the stages; each field is written by the stages
    that declare it (see :data:`FIELDS`)."""

    article: Article
    tagged: tuple[TaggedSentence, ...] = ()  # tokens with lemma and part of speech
    headline: tuple[TaggedSentence, ...] = ()  # the title's parts (indices -1, -2, …)
    headline_mentions: tuple[EntityMention, ...] = ()
    home: str | None = None  # the state the story is about, as its headline gives it
    mentions: tuple[EntityMention, ...] = ()  # as recognised (references unresolved)
    new_entities: tuple[tuple[str, str, str], ...] = ()  # key, class, label
    sentences: tuple[TaggedSentence, ...] = ()  # tokens with their dependency parse
    triggers: tuple[Trigger, ...] = ()
    parties: tuple[str, ...] = ()  # the conflict's parties named anywhere in the article
    events: tuple[Event, ...] = ()
    resolved: tuple[EntityMention, ...] = ()  # mentions with references resolved
    time_expressions: Mapping[int, list[TimeExpression]] = field(default_factory=dict)
    conflict: Conflict | None = None
    facts: tuple[Fact, ...] = ()

    def analysis(self) -> ArticleAnalysis:
        """What the RDF writer needs."""
        return ArticleAnalysis(
            self.sentences, self.resolved, self.events, self.facts, self.conflict,
            self.new_entities,
        )  # fmt: skip


#: The fields of :class:`Document` a stage may read or write.
FIELDS = tuple(f.name for f in fields(Document))


class Stage(Protocol):
    """A stage: its name, the document fields it reads and writes, and the call that
    reads and extends the document."""

    @property
    def name(self) -> str: ...

    @property
    def reads(self) -> tuple[str, ...]: ...

    @property
    def writes(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document) -> None: ...


class Pipeline:
    """Stages in a fixed order, each run once per document; assembling checks that
    every field a stage reads is the article or written by a stage before it."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        written = {"article"}
        names = set()
        for stage in stages:
            if stage.name in names:
                raise ValueError(f"stage {stage.name!r} appears twice")
            names.add(stage.name)
            for f in (*stage.reads, *stage.writes):
                if f not in FIELDS:
                    raise ValueError(f"stage {stage.name!r} names no document field {f!r}")
            for f in stage.reads:
                if f not in written:
                    raise ValueError(
                        f"stage {stage.name!r} reads {f!r}, which no stage before it writes"
                    )
            written.update(stage.writes)
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc
