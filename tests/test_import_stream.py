"""Streaming imports: records read lazily, batches committed whole before reading on,
progress per batch, JSON arrays a record at a time, over-long lines skipped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.linking.importers import ImportProgress, import_files
from kg.linking.importers.common import Mappings, SourceEvent
from kg.linking.importers.gdelt import COLUMNS, iter_gdelt
from kg.linking.importers.stream import LineSource, import_records
from kg.namespaces import PROV

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "imports"
DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))


def _gdelt_file(path: Path, rows: int) -> Path:
    """``rows`` valid GDELT rows: the first sample row with distinct ids and URLs."""
    first = (SAMPLES / "gdelt-karabakh.export.tsv").read_text(encoding="utf-8").split("\n")[0]
    base = dict(zip(COLUMNS, first.split("\t"), strict=True))
    with path.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            row = {**base, "GLOBALEVENTID": str(1_000 + i), "SOURCEURL": f"https://x.org/{i}"}
            fh.write("\t".join(row[c] for c in COLUMNS) + "\n")
    return path


def _stored_events(store: ox.Store, graph: str) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, DERIVED, None, ox.NamedNode(graph)))


class _Guard:
    """Hands the records on, and fails the test if a record beyond a batch is asked for
    before the batches before it are in the store: the importer must not read ahead."""

    def __init__(self, records: Iterator[SourceEvent | str], store: ox.Store, graph: str):
        self.records, self.store, self.graph = records, store, graph
        self.handed = 0

    def __iter__(self) -> Iterator[SourceEvent | str]:
        for record in self.records:
            committed = _stored_events(self.store, self.graph)
            assert committed == self.handed - self.handed % BATCH, (
                f"record {self.handed + 1} read with {committed} events committed"
            )
            self.handed += 1
            yield record


BATCH = 7


def test_records_are_read_one_batch_at_a_time_and_committed_before_reading_on(
    tmp_path: Path,
) -> None:
    path = _gdelt_file(tmp_path / "g.export.tsv", 5 * BATCH + 3)
    store = ox.Store()
    mappings = Mappings.load()
    graph = "https://w3id.org/conflict-kg/id/source/gdelt/g-export-tsv"
    guard = _Guard(iter_gdelt(LineSource(path), mappings), store, graph)
    result = import_records(
        store, guard, fmt="gdelt", path=path, mappings=mappings, batch_rows=BATCH
    )
    assert result.graph == graph and guard.handed == 5 * BATCH + 3
    assert result.events == _stored_events(store, graph) == 5 * BATCH + 3


def test_a_run_that_stops_mid_batch_leaves_whole_batches_only(tmp_path: Path) -> None:
    path = _gdelt_file(tmp_path / "g.export.tsv", 40)
    store = ox.Store()
    mappings = Mappings.load()

    def stopping() -> Iterator[SourceEvent | str]:
        for n, record in enumerate(iter_gdelt(LineSource(path), mappings)):
            if n == 2 * BATCH + 4:
                raise KeyboardInterrupt  # as a Ctrl-C or a kill half-way through batch 3
            yield record

    with pytest.raises(KeyboardInterrupt):
        import_records(
            store, stopping(), fmt="gdelt", path=path, mappings=mappings, batch_rows=BATCH
        )
    graph = "https://w3id.org/conflict-kg/id/source/gdelt/g-export-tsv"
    assert _stored_events(store, graph) == 2 * BATCH


def test_the_file_is_read_lazily_and_progress_is_reported_per_batch(tmp_path: Path) -> None:
    path = _gdelt_file(tmp_path / "g.export.tsv", 10 * BATCH)
    seen: list[ImportProgress] = []
    [r] = import_files(
        ox.Store(), [path], fmt="gdelt", link=False, batch_rows=BATCH, on_progress=seen.append
    )
    assert r.events == 10 * BATCH and r.refused == 0
    size = path.stat().st_size
    # one report per batch (and a last one): when the first batch was written, about a
    # tenth of the file had been read, not all of it
    assert [p.events for p in seen] == [BATCH * k for k in range(1, 11)] + [10 * BATCH]
    assert seen[0].done_bytes < size / 5
    assert [p.done_bytes for p in seen] == sorted(p.done_bytes for p in seen)
    assert seen[-1].done_bytes == seen[-1].total_bytes == size
    assert "100%" in str(seen[-1]) and "70 events" in str(seen[-1])


def test_errors_go_to_the_callback_as_they_come_and_are_counted(tmp_path: Path) -> None:
    path = _gdelt_file(tmp_path / "g.export.tsv", 3)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("not\ta\tgdelt\trow\n")
    said: list[str] = []
    [r] = import_files(ox.Store(), [path], fmt="gdelt", link=False, on_error=said.append)
    assert r.events == 3 and r.refused == 1 and r.errors == []
    assert said == [f"{path}:4: 4 columns, a GDELT 2.0 event row has 61"]


def test_an_over_long_line_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.tsv"
    path.write_bytes(b"short\n" + b"x" * 100 + b"\nnext\r\n")
    source = LineSource(path, max_bytes=32)
    assert list(source) == [
        (1, "short", None),
        (2, None, "longer than 32 bytes; skipped"),
        (3, "next", None),
    ]
    assert source.bytes_read == path.stat().st_size


def test_a_json_array_is_read_a_record_at_a_time_with_line_numbers(tmp_path: Path) -> None:
    records = [
        json.loads(line)
        for line in (SAMPLES / "polecat-karabakh.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    records.insert(1, {"id": "BAD-1", "date": "2020-10-09", "event": ["NO-SUCH-TYPE"]})
    path = tmp_path / "p.json"
    path.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    store = ox.Store()
    [r] = import_files(store, [path], fmt="polecat", link=False)
    assert r.events == 3
    # the bad record starts on the line where its '{' is, in the pretty-printed file
    start = path.read_text(encoding="utf-8").split("\n").index("  {", 2) + 1
    [error] = r.errors
    assert error.startswith(f"{path}:{start}: record BAD-1: unknown PLOVER event type")
    jsonl = import_files(ox.Store(), [SAMPLES / "polecat-karabakh.jsonl"], fmt="polecat")
    assert _stored_events(store, r.graph) == jsonl[0].events == 3


def test_a_broken_json_array_is_reported_where_its_record_starts(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    good = (SAMPLES / "polecat-karabakh.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f'[\n{good},\n{{"id": "x",\n "date": \n', encoding="utf-8")
    [r] = import_files(ox.Store(), [path], fmt="polecat", link=False)
    assert r.events == 1
    [error] = r.errors
    assert error.startswith(f"{path}:3: not valid JSON")


def test_a_reimport_replaces_the_graph_removed_a_piece_at_a_time(tmp_path: Path) -> None:
    from kg.linking.importers.stream import _clear

    path = _gdelt_file(tmp_path / "g.export.tsv", 30)
    store = ox.Store()
    [first] = import_files(store, [path], fmt="gdelt", link=False)
    _gdelt_file(path, 10)  # the file, shorter now
    [again] = import_files(store, [path], fmt="gdelt", link=False, batch_rows=BATCH)
    assert first.graph == again.graph and _stored_events(store, again.graph) == 10
    graph = ox.NamedNode(again.graph)
    _clear(store, graph, piece=7)  # many pieces: none left behind
    assert next(store.quads_for_pattern(None, None, None, graph), None) is None


def test_cli_import_no_link_writes_the_events_and_leaves_linking_for_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.namespaces import LINKS_GRAPH
    from kg.store import open_store
    from kg.writer import PENDING_GRAPH

    path = _gdelt_file(tmp_path / "g.export.tsv", 12)
    store_dir = str(tmp_path / "store")
    args = ["import", "--store", store_dir, "--format", "gdelt", "--no-link", str(path)]
    assert main(args) == 0
    assert f"{path}: 12 events" in capsys.readouterr().out
    store = open_store(store_dir)
    assert not store.contains_named_graph(PENDING_GRAPH)  # nothing left pending either
    assert not store.contains_named_graph(ox.NamedNode(str(LINKS_GRAPH)))
