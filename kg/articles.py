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
file (and line) and says what is wrong. Every JSON Lines record is judged alone: a record
with a bad field (an ``url`` that is not a valid IRI, a language tag that is none, a NUL
character or a lone surrogate in any string, bytes that are not UTF-8) is refused, and
the records around it are read. A text file with a NUL byte anywhere is refused whole.

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

from kg.language import language_problem

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Article",
    "Rejected",
    "iri_problem",
    "parse_article_text",
    "parse_json_record",
    "read_articles",
]

#: Longest article accepted (characters). A news article is far shorter (the longest of
#: the dev corpus has a few thousand); anything bigger is almost surely a wrong file.
#: Extraction is linear in length, about 5 s per 100 000 characters, so this bounds the
#: work for one article to about ten seconds.
DEFAULT_MAX_CHARS = 200_000

_DATE_LINE = re.compile(r"^\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+(.*))?$")
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
# Characters RFC 3987 allows nowhere in an IRI (blanks, controls, and <>"{}|\^`).
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
_CHAR_NAMES = {
    " ": "a space",
    '"': "a quotation mark",
    "<": "an angle bracket",
    ">": "an angle bracket",
}
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


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not a valid absolute IRI (to be written as ``<value>``), or ``None``.

    >>> iri_problem("https://example.org/a%20b?x=1") is None
    True
    >>> iri_problem("http://example.org/a b")
    'a space at character 21'
    >>> iri_problem('http://x/"q'), iri_problem("http://x/\\x01")
    ('a quotation mark at character 10', 'control character U+0001 at character 10')
    >>> iri_problem("http//x")
    'not an absolute IRI (No scheme found in an absolute IRI)'
    """
    m = _IRI_FORBIDDEN.search(value)
    if m:
        ch = m.group()
        name = _CHAR_NAMES.get(ch) or (
            f"control character U+{ord(ch):04X}"
            if ch.isspace() or not ch.isprintable()
            else repr(ch)
        )
        return f"{name} at character {m.start() + 1}"
    import pyoxigraph as ox

    try:
        ox.NamedNode(value)
    except ValueError as err:
        return f"not an absolute IRI ({err})"
    return None


def _string_problem(value: str) -> str | None:
    """Why a string cannot be stored as RDF text: a NUL character or a lone surrogate.

    >>> _string_problem("ok"), _string_problem("a\\x00b"), _string_problem("\\ud800")
    (None, 'a NUL character at character 2', 'a lone surrogate U+D800 at character 1')
    """
    nul = value.find("\x00")
    if nul >= 0:
        return f"a NUL character at character {nul + 1}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"a lone surrogate U+{ord(value[err.start]):04X} at character {err.start + 1}"
    return None


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
    problem = language_problem(text[body_start:])
    if problem:
        return Rejected(origin, f"article {problem}")
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
    problem = _field_problem(str(ident), text, optional)
    if problem:
        return Rejected(origin, problem)
    lang = optional["lang"]
    if lang and lang.split("-")[0].lower() != "de":
        return Rejected(origin, f"field 'lang' is {lang!r}: conflict-kg reads German articles only")
    problem = language_problem(text)
    if problem:
        return Rejected(origin, f"text {problem}")
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


def _field_problem(ident: str, text: str, optional: dict[str, str | None]) -> str | None:
    """The first field of a record that cannot become RDF, and why; ``None`` if all can.

    >>> _field_problem("a", "x", {"url": "http://a b", "lang": None, "title": None})
    "field 'url' is not a valid IRI: a space at character 9"
    >>> _field_problem("a", "x", {"url": None, "lang": "de DE"})
    "field 'lang' must be a language tag such as 'de' or 'de-CH', found 'de DE'"
    """
    fields = {"id": ident, "text": text, **optional}
    for key, value in fields.items():
        problem = _string_problem(value) if value else None
        if problem:
            return f"field {key!r} has {problem}"
    url, lang = optional.get("url"), optional.get("lang")
    if url and url.startswith("http"):  # written as an IRI (otherwise as a literal)
        problem = iri_problem(url)
        if problem:
            return f"field 'url' is not a valid IRI: {problem}"
    if lang and not _LANG_TAG.fullmatch(lang):
        return f"field 'lang' must be a language tag such as 'de' or 'de-CH', found {lang!r}"
    return None


def _decode(data: bytes, origin: str) -> str | Rejected:
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        return Rejected(origin, f"line {line}: binary file (NUL byte), not UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Rejected(origin, f"line {line}: not UTF-8 text (byte {err.start})")
    # Same newline handling as Path.read_text, so offsets agree with any reader.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_jsonl(text: str, origin: str, max_chars: int) -> Iterator[Article | Rejected]:
    for n, line in enumerate(text.split("\n"), start=1):
        if "\x00" in line:
            yield Rejected(f"{origin}:{n}", "a NUL byte in the record (binary data)")
        elif line.strip():
            yield parse_json_record(line, origin=f"{origin}:{n}", max_chars=max_chars)


def _read_jsonl_bytes(data: bytes, origin: str, max_chars: int) -> Iterator[Article | Rejected]:
    """Records of a JSON Lines file, each decoded alone: a bad line refuses only itself.

    Lines end at ``\\n`` (a ``\\r`` before it is dropped), never at U+2028 or other
    characters that Python's ``splitlines`` would also split at.
    """
    for n, raw in enumerate(data.split(b"\n"), start=1):
        where = f"{origin}:{n}"
        raw = raw.removesuffix(b"\r")
        if b"\x00" in raw:
            yield Rejected(where, "a NUL byte in the record (binary data)")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Rejected(where, f"not UTF-8 text (byte {err.start} of the line)")
            continue
        if line.strip():
            yield parse_json_record(line, origin=where, max_chars=max_chars)


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
    if path.suffix in _JSONL_SUFFIXES:
        yield from _read_jsonl_bytes(data.removeprefix(b"\xef\xbb\xbf"), origin, max_chars)
        return
    text = _decode(data, origin)
    if isinstance(text, Rejected):
        yield text
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
            elif "\x00" in text:
                line = text[: text.index("\x00")].count("\n") + 1
                results = iter([Rejected("<stdin>", f"line {line}: binary input (NUL byte)")])
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
