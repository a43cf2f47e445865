"""Read articles: plain-text files and JSON Lines, with a clear reason for every refusal.

Input forms (issue 3, "Input"):

* a plain-text file whose first line is ``date YYYY-MM[-DD] <headline>`` (leading blanks
  allowed), then the body;
* JSON Lines, one article a line: ``id``, ``date``, ``text`` (required), ``title``,
  ``url``, ``source``, ``lang`` (optional);
* a directory (its ``.txt``, ``.jsonl`` and ``.ndjson`` files, recursively, sorted);
* ``-`` for standard input (JSON Lines if it starts with ``{``, otherwise one text article).

Offsets in the graph refer to :attr:`Article.text`. For a text file that is the whole file
as Python reads it in UTF-8 text mode (``Path.read_text``: newlines normalised to
``\\n``), date line included, so ``text[start:end]`` is the same for every reader.

Bad input never stops the rest: each problem becomes a :class:`Rejected` that names the
file (and line) and says what is wrong.

>>> import io
>>> rec = '{"id": "a1", "date": "2022-11-02", "text": "Die AU vermittelte."}'
>>> src = io.StringIO(rec + "\\nnot json\\n")
>>> [type(x).__name__ for x in read_articles(["-"], stdin=src)]
['Article', 'Rejected']
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import TextIO

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Article",
    "Rejected",
    "parse_article_text",
    "parse_json_record",
    "read_articles",
]

#: Longest article accepted (characters). A news article is far shorter; anything
#: bigger is almost surely a wrong file, and would make extraction slow.
DEFAULT_MAX_CHARS = 1_000_000

_DATE_LINE = re.compile(r"^\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+(.*))?$")
_TEXT_SUFFIXES = {".txt"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Article:
    """One article, as read. Offsets in the graph are offsets into :attr:`text`."""

    identifier: str
    date: str
    title: str
    text: str
    body_start: int = 0
    lang: str = "de"
    url: str | None = None
    source: str | None = None
    origin: str = ""

    @property
    def body(self) -> str:
        """The text after the date line (all of it for JSON records)."""
        return self.text[self.body_start :]


@dataclass(frozen=True)
class Rejected:
    """An input that was refused: ``origin`` is ``path`` or ``path:LINE``."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def _check_date(value: object) -> str | None:
    """The date if it is ``YYYY-MM`` or ``YYYY-MM-DD`` and real, else ``None``."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return None
    try:
        _date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return None
    return value


def parse_article_text(
    text: str, *, identifier: str, origin: str, max_chars: int = DEFAULT_MAX_CHARS
) -> Article | Rejected:
    """An article from the text of a plain-text file (``date YYYY-MM[-DD] headline`` first).

    >>> a = parse_article_text("date 2020-10 Titel\\n\\nText.", identifier="x.txt", origin="x.txt")
    >>> a.date, a.title, a.body
    ('2020-10', 'Titel', '\\nText.')
    >>> parse_article_text("Kein Datum\\n", identifier="y.txt", origin="y.txt").reason
    "line 1: no date line: expected 'date YYYY-MM[-DD] <headline>', found 'Kein Datum'"
    """
    if not text.strip():
        return Rejected(origin, "empty article")
    if len(text) > max_chars:
        return Rejected(
            origin, f"article has {len(text):,} characters, more than the limit of {max_chars:,}"
        )
    first, sep, _ = text.partition("\n")
    m = _DATE_LINE.match(first.rstrip())
    if not m:
        shown = first.strip()[:40]
        return Rejected(
            origin,
            f"line 1: no date line: expected 'date YYYY-MM[-DD] <headline>', found {shown!r}",
        )
    when = _check_date(m.group(1))
    if when is None:
        return Rejected(origin, f"line 1: {m.group(1)!r} is not a valid date")
    body_start = len(first) + len(sep)
    if not text[body_start:].strip():
        return Rejected(origin, "article has a date line but no text")
    return Article(
        identifier=identifier,
        date=when,
        title=(m.group(2) or "").strip(),
        text=text,
        body_start=body_start,
        origin=origin,
    )


def parse_json_record(
    line: str, *, origin: str, max_chars: int = DEFAULT_MAX_CHARS
) -> Article | Rejected:
    """An article from one JSON Lines record.

    >>> parse_json_record('{"id": "r1", "date": "2020-13", "text": "x"}', origin="f:1").reason
    "field 'date' must be YYYY-MM or YYYY-MM-DD, found '2020-13'"
    """
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejected(origin, f"not a JSON object: {err.msg} at column {err.colno}")
    if not isinstance(rec, dict):
        return Rejected(origin, f"not a JSON object but {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(origin, "record has no 'text' (a non-empty string is required)")
    if len(text) > max_chars:
        return Rejected(
            origin, f"text has {len(text):,} characters, more than the limit of {max_chars:,}"
        )
    ident = rec.get("id")
    if not isinstance(ident, str | int) or isinstance(ident, bool) or not str(ident).strip():
        return Rejected(origin, "record has no 'id' (a string or number is required)")
    when = _check_date(rec.get("date"))
    if when is None:
        return Rejected(
            origin, f"field 'date' must be YYYY-MM or YYYY-MM-DD, found {rec.get('date')!r}"
        )
    optional = {}
    for key in ("title", "url", "source", "lang"):
        value = rec.get(key)
        if value is not None and not isinstance(value, str):
            return Rejected(origin, f"field {key!r} must be a string")
        optional[key] = value
    return Article(
        identifier=str(ident).strip(),
        date=when,
        title=(optional["title"] or "").strip(),
        text=text,
        body_start=0,
        lang=optional["lang"] or "de",
        url=optional["url"],
        source=optional["source"],
        origin=origin,
    )


def _decode(data: bytes, origin: str) -> str | Rejected:
    if b"\x00" in data[:8192]:
        return Rejected(origin, "binary file (NUL bytes), not UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Rejected(origin, f"line {line}: not UTF-8 text (byte {err.start})")
    # Same newline handling as Path.read_text, so offsets agree with any reader.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_jsonl(text: str, origin: str, max_chars: int) -> Iterator[Article | Rejected]:
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield parse_json_record(line, origin=f"{origin}:{n}", max_chars=max_chars)


def _read_file(path: Path, max_chars: int) -> Iterator[Article | Rejected]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Rejected(origin, f"cannot read: {err.strerror or err}")
        return
    if not data.strip():
        yield Rejected(origin, "empty file")
        return
    # Limit on bytes before decoding: a huge file is refused without building a huge str.
    if path.suffix not in _JSONL_SUFFIXES and len(data) > 4 * max_chars:
        yield Rejected(
            origin,
            f"file has {len(data):,} bytes, far beyond the limit of {max_chars:,} characters",
        )
        return
    text = _decode(data, origin)
    if isinstance(text, Rejected):
        yield text
    elif path.suffix in _JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, max_chars)
    else:
        yield parse_article_text(text, identifier=path.name, origin=origin, max_chars=max_chars)


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | str | Rejected]:
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in _TEXT_SUFFIXES | _JSONL_SUFFIXES
            )
            if not found:
                yield Rejected(str(path), "directory holds no .txt or .jsonl articles")
            yield from found
        elif path.exists():
            yield path
        else:
            yield Rejected(str(path), "no such file or directory")


def read_articles(
    paths: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Rejected]:
    """Every article in ``paths``, in order; refused inputs as :class:`Rejected`.

    A later article with an identifier already seen in this run is refused, so that one
    article never silently replaces another.

    >>> from pathlib import Path
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("date 2020-10-09 Titel\\nText.", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"\\xff\\xfe")
    >>> [str(x).replace(str(d), "D") for x in read_articles([d])]  # doctest: +ELLIPSIS
    ["Article(identifier='a.txt', ...)", 'D/b.txt: line 1: not UTF-8 text (byte 0)']
    """
    seen: dict[str, str] = {}
    for item in _expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        if item == "-":
            text = (stdin or sys.stdin).read()
            if not text.strip():
                results: Iterator[Article | Rejected] = iter([Rejected("<stdin>", "empty input")])
            elif text.lstrip().startswith("{"):
                results = _read_jsonl(text, "<stdin>", max_chars)
            else:
                results = iter(
                    [
                        parse_article_text(
                            text, identifier="stdin", origin="<stdin>", max_chars=max_chars
                        )
                    ]
                )
        else:
            assert isinstance(item, Path)
            results = _read_file(item, max_chars)
        for result in results:
            if isinstance(result, Article):
                first = seen.setdefault(result.identifier, result.origin)
                if first != result.origin:
                    yield Rejected(
                        result.origin,
                        f"duplicate article identifier {result.identifier!r} (first in {first})",
                    )
                    continue
            yield result
