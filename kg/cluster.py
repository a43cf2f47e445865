"""Extraction on a Dask cluster: JSON Lines shards in, one N-Quads shard out for each.

When a corpus outgrows one machine, :func:`extract_shards` (``ckg extract --scheduler
ADDRESS SHARD... -o DIR``) sends each shard (a ``.jsonl`` / ``.ndjson`` file of articles,
or a text article) to a Dask distributed cluster as one task. A worker reads the shard,
extracts it with :func:`kg.extract_batch.extract_dataset` (one process, ``jobs=1``: the
code ``ckg extract`` runs) and writes ``DIR/<shard name>.nq``: the shard's article graphs
and the reference graph of the known entities they mention. So each output shard is, byte
for byte, what ``ckg extract SHARD -o SHARD.nq --jobs 1`` writes, and the sorted, unique
lines of all output shards (``LC_ALL=C sort -u DIR/*.nq``) are, byte for byte, what one
process writes for all the shards at once (``ckg extract SHARD... -o all.nq``).
``ckg load DIR/*.nq`` then bulk-loads them (it keeps the store's own reference graph).

Shards and ``DIR`` must be at the same path on every worker (a shared file system): the
shards' text and the graphs never pass through the client, only each shard's messages.
Bad input stays per record: a refused record is reported with its shard and line
(``error: shards/b.jsonl:7: ...``), and the rest of the shard and the other shards go on;
a shard whose task fails (a worker died twice, the output directory is not writable) is
reported and the other shards go on. An article identifier already seen in an earlier
shard is reported as an error too (both graphs are written, and ``ckg load`` of the later
one would replace the earlier one's graph): identifiers must be unique across shards.

Workers load the models once per process, on their first shard (the shipped dictionary;
with ``extra_dictionaries`` the dictionaries are loaded again for each shard, about a
second). Run workers with one thread each (``dask worker --nthreads 1 --nworkers N``):
extraction holds the GIL, and a lock keeps two threads of one worker from extracting at
once.

>>> shard_output(Path("shards/2020-10.jsonl"), Path("out"))
PosixPath('out/2020-10.nq')
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import UsageError
from kg.extract_batch import Message

__all__ = ["ClusterResult", "ShardResult", "extract_shard", "extract_shards", "shard_output"]

#: What a shard may be: JSON Lines files, or one text article.
SHARD_SUFFIXES = (".jsonl", ".ndjson", ".txt")

# One extraction at a time per worker process (see the module documentation).
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ShardResult:
    """What one shard gave: its output file, the articles written, the identifiers of
    those articles (for the check across shards), inputs refused, and its messages."""

    shard: str
    output: str
    articles: int
    refused: int
    identifiers: tuple[str, ...]
    messages: tuple[Message, ...]


@dataclass
class ClusterResult:
    """Every shard's result in shard order (``None`` for a shard whose task failed), and
    the number of problems: refused inputs, failed shards, duplicate identifiers."""

    shards: list[ShardResult | None] = field(default_factory=list)
    refused: int = 0

    @property
    def articles(self) -> int:
        return sum(s.articles for s in self.shards if s is not None)


def shard_output(shard: Path, output_dir: Path) -> Path:
    """The N-Quads file written for ``shard``: its name with ``.nq`` in ``output_dir``."""
    return output_dir / f"{shard.stem}.nq"


def extract_shard(
    shard: str,
    output: str,
    *,
    extra_dictionaries: Sequence[str] = (),
    full_reference: bool = False,
) -> ShardResult:
    """Extract one shard into ``output`` (N-Quads), as ``ckg extract SHARD -o OUTPUT
    --jobs 1`` would: the task a worker runs. The file appears whole or not at all
    (written beside it, then renamed)."""
    from kg.articles import read_articles
    from kg.extract import write_dataset
    from kg.extract_batch import extract_dataset

    messages: list[Message] = []
    with _LOCK:
        result = extract_dataset(
            read_articles([shard]),
            jobs=1,
            extra_dictionaries=[Path(p) for p in extra_dictionaries],
            full_reference=full_reference,
            on_message=messages.append,
        )
    target = Path(output)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    with partial.open("w", encoding="utf-8", newline="\n") as fh:
        write_dataset(result.graphs, fh, fmt="nq")
    partial.replace(target)
    identifiers = tuple(_article_id(g.identifier) for g in result.graphs[1:])
    return ShardResult(
        shard,
        output,
        len(result.graphs) - 1,
        result.refused,
        identifiers,
        tuple(messages),
    )


def _article_id(graph_name: object) -> str:
    return str(graph_name).rsplit("/", 1)[-1]


def _shards(paths: Iterable[str | Path]) -> list[Path]:
    """The shard files: files as given, directories as their JSON Lines files (sorted)."""
    shards: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            shards += sorted(p for p in path.iterdir() if p.suffix in (".jsonl", ".ndjson"))
        elif path.is_file():
            shards.append(path)
        else:
            raise UsageError(f"{path}: no such shard file or directory")
    if not shards:
        raise UsageError("no shards to extract (.jsonl or .ndjson files)")
    for shard in shards:
        if shard.suffix not in SHARD_SUFFIXES:
            raise UsageError(f"{shard}: a shard is a .jsonl, .ndjson or .txt file")
    seen: dict[str, Path] = {}
    for shard in shards:
        first = seen.setdefault(shard.stem, shard)
        if first != shard:
            raise UsageError(f"{shard} and {first} would both be written to {shard.stem}.nq")
    return [s.resolve() for s in shards]


def extract_shards(
    paths: Iterable[str | Path],
    *,
    scheduler: Any,
    output_dir: str | Path,
    extra_dictionaries: Sequence[Path] = (),
    full_reference: bool = False,
    on_message: Callable[[Message], object] | None = None,
    on_shard: Callable[[ShardResult | None, int, int], object] | None = None,
) -> ClusterResult:
    """Extract every shard on the Dask cluster at ``scheduler`` (an address such as
    ``tcp://host:8786``, or a ``distributed`` cluster or client) into ``output_dir``;
    see the module documentation.

    ``on_message``: each message (errors and notes), shard by shard as shards finish;
    ``on_shard``: called with each shard's result (``None`` if it failed), the number of
    shards done and of all shards.
    """
    from distributed import Client, as_completed

    shards = _shards(paths)
    out = Path(output_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for path in extra_dictionaries:
        if not Path(path).is_file():
            raise UsageError(f"{path}: dictionary file not found")
    extra = [str(Path(p).resolve()) for p in extra_dictionaries]

    def say(message: Message) -> None:
        if on_message is not None:
            on_message(message)

    result = ClusterResult(shards=[None] * len(shards))
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = {
            client.submit(
                extract_shard,
                str(shard),
                str(shard_output(shard, out)),
                extra_dictionaries=extra,
                full_reference=full_reference,
                # unique per run: a key the scheduler still holds would return its old result
                key=f"ckg-extract-{shard.name}-{uuid.uuid4().hex}",
                pure=False,
            ): index
            for index, shard in enumerate(shards)
        }
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            shard_result = _outcome(future, shards[index], say)
            result.shards[index] = shard_result
            result.refused += shard_result.refused if shard_result is not None else 1
            if on_shard is not None:
                on_shard(shard_result, done, len(shards))
    finally:
        if client is not scheduler:
            client.close()
    result.refused += _duplicates(result.shards, say)
    return result


def _outcome(future: Any, shard: Path, say: Callable[[Message], None]) -> ShardResult | None:
    """The shard's result, its messages said; ``None`` (and an error said) if it failed."""
    try:
        shard_result: ShardResult = future.result()
    except Exception as err:  # a failed task must not stop the other shards
        say(Message("error", str(shard), f"shard not extracted ({type(err).__name__}: {err})"))
        return None
    for message in shard_result.messages:
        say(message)
    return shard_result


def _duplicates(shards: Sequence[ShardResult | None], say: Callable[[Message], None]) -> int:
    """Report each article identifier that a later shard repeats; their number."""
    first: dict[str, str] = {}
    count = 0
    for shard in shards:
        if shard is None:
            continue
        for ident in shard.identifiers:
            seen = first.setdefault(ident, shard.shard)
            if seen != shard.shard:
                count += 1
                say(
                    Message(
                        "error",
                        shard.shard,
                        f"duplicate article identifier {ident!r} (first in {seen}); "
                        "identifiers must be unique across shards",
                    )
                )
    return count
