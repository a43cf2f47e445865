"""The extraction pipeline: one document, stages in a fixed order, each run once, and
their declarations checked when the pipeline is assembled."""

from __future__ import annotations

import pytest

from kg.articles import parse_article_text
from kg.extract.document import FIELDS, Document, Pipeline


class Counting:
    """Wraps a stage and counts its calls."""

    def __init__(self, stage, calls: list[str]) -> None:
        self.stage, self.calls = stage, calls
        self.name, self.reads, self.writes = stage.name, stage.reads, stage.writes

    def __call__(self, doc: Document) -> None:
        self.calls.append(self.name)
        self.stage(doc)


def test_every_stage_runs_once_in_order_and_writes_what_it_declares(ex):
    calls: list[str] = []
    pipeline = Pipeline([Counting(s, calls) for s in ex.pipeline.stages])
    art = parse_article_text(
        "date 2024-03-04 T\nKenia und Uganda haben sich in Nairobi auf eine Waffenruhe geeinigt.\n",
        identifier="t.txt",
        origin="t.txt",
    )
    doc = pipeline(Document(art))
    assert calls == list(ex.pipeline.names)
    assert len(set(calls)) == len(calls)
    assert doc.sentences and all(ts.parse is not None for ts in doc.sentences)
    assert {k for m in doc.resolved for k in m.keys} >= {"kenya", "uganda", "nairobi"}
    assert [e.event_class for e in doc.events] == ["CeasefireAgreement"]


def test_declarations_name_document_fields(ex):
    for stage in ex.pipeline.stages:
        assert set(stage.reads) | set(stage.writes) <= set(FIELDS), stage.name


def test_a_stage_out_of_order_is_refused_when_the_pipeline_is_built(ex):
    stages = list(ex.pipeline.stages)
    roles = next(s for s in stages if s.name == "roles")
    parsed = [s.name for s in stages].index("parse") + 1
    with pytest.raises(ValueError, match="stage 'roles' reads 'triggers'"):
        Pipeline([*stages[:parsed], roles])


def test_unknown_field_is_refused():
    class Odd:
        name, reads, writes = "odd", ("article",), ("opinions",)

        def __call__(self, doc: Document) -> None:
            pass

    with pytest.raises(ValueError, match="names no document field 'opinions'"):
        Pipeline([Odd()])
