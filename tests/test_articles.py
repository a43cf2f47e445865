"""Reading articles: the two input forms, and a clear refusal for every kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.articles import Article, Rejected, read_articles

EXAMPLE = (
    Path(__file__).resolve().parents[1] / "examples/articles/de/2020-10-moskau-verhandlungen.txt"
)


def only(items: list[Article | Rejected]) -> Article | Rejected:
    assert len(items) == 1, items
    return items[0]


def test_example_article_reads_with_month_date_and_title() -> None:
    a = only(list(read_articles([EXAMPLE])))
    assert isinstance(a, Article)
    assert a.identifier == "2020-10-moskau-verhandlungen.txt"
    assert a.date == "2020-10"
    assert a.title.startswith("Im Konflikt um die Kaukasus-Region Bergkarabach")
    # Offsets refer to the file as Path.read_text gives it, date line included.
    assert a.text == EXAMPLE.read_text(encoding="utf-8")
    assert a.text[a.body_start :].startswith("\nMoskau – Im Konflikt")


def test_crlf_is_normalised_like_read_text(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"date 2021-03-05 T\r\n\r\nA sagte.\r\n")
    a = only(list(read_articles([p])))
    assert isinstance(a, Article)
    assert a.text == p.read_text(encoding="utf-8") == "date 2021-03-05 T\n\nA sagte.\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"date 2020-10-09 T\nStra\xdfe", "line 2: not UTF-8 text"),
        (b"Moskau - Ohne Datum.\n", "line 1: no date line"),
        (b"date 2020-02-30 T\nText.", "'2020-02-30' is not a valid date"),
        (b"date 2020-10-09 Nur Titel\n\n", "no text"),
    ],
)
def test_bad_text_files_are_refused_with_file_and_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = only(list(read_articles([p])))
    assert isinstance(r, Rejected)
    assert r.origin == str(p)
    assert reason in r.reason


def test_huge_article_is_refused_and_others_still_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("date 2020-10-09 T\n" + "Armenien verhandelt. " * 300_000, encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("date 2020-10-09 T\nArmenien verhandelt.", encoding="utf-8")
    out = list(read_articles([big, ok]))
    assert isinstance(out[0], Rejected) and "limit" in out[0].reason
    assert isinstance(out[1], Article) and out[1].identifier == "ok.txt"


def test_jsonl_records_and_bad_lines_name_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {
        "id": "r1",
        "date": "2022-11-02",
        "title": "T",
        "text": "Die AU vermittelte.",
        "url": "https://example.org/r1",
        "source": "dpa",
        "lang": "de",
    }
    p.write_text(
        "\n".join(
            [
                json.dumps(good),
                "{not json",
                json.dumps({"id": "r2", "date": "2022-11-02"}),
                json.dumps({"id": "r3", "text": "x"}),
                json.dumps(["a", "list"]),
                "",
                json.dumps({**good, "id": "r1"}),
            ]
        ),
        encoding="utf-8",
    )
    out = list(read_articles([p]))
    a = out[0]
    assert isinstance(a, Article)
    assert (a.identifier, a.url, a.source, a.body_start) == (
        "r1",
        "https://example.org/r1",
        "dpa",
        0,
    )
    rejected = {r.origin: r.reason for r in out[1:] if isinstance(r, Rejected)}
    assert "not a JSON object" in rejected[f"{p}:2"]
    assert "no 'text'" in rejected[f"{p}:3"]
    assert "'date'" in rejected[f"{p}:4"]
    assert "not a JSON object but list" in rejected[f"{p}:5"]
    assert "duplicate article identifier 'r1'" in rejected[f"{p}:7"]
    assert len(out) == 6


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("date 2020-10 T\nText.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2020-10 T\nText.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    ids = [x.identifier for x in read_articles([tmp_path]) if isinstance(x, Article)]
    assert ids == ["a.txt", "z.txt"]


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    out = list(read_articles([tmp_path / "nope.txt", tmp_path]))
    assert [type(x) for x in out] == [Rejected, Rejected]
    assert "no such file" in out[0].reason  # type: ignore[union-attr]
    assert "no .txt or .jsonl" in out[1].reason  # type: ignore[union-attr]


def test_stdin_text_article() -> None:
    a = only(list(read_articles(["-"], stdin=io.StringIO("date 2020-10-09 T\nText."))))
    assert isinstance(a, Article) and a.identifier == "stdin"


def test_markup_and_sparql_in_text_stay_data(tmp_path: Path) -> None:
    p = tmp_path / "evil.txt"
    text = 'date 2020-10-09 <script>alert(1)</script>\n"} ; DROP ALL ; {" sagte er.'
    p.write_text(text, encoding="utf-8")
    a = only(list(read_articles([p])))
    assert isinstance(a, Article)
    assert a.title == "<script>alert(1)</script>"
    assert a.body == '"} ; DROP ALL ; {" sagte er.'


ENGLISH = (
    "The government and the rebels agreed on Monday to a ceasefire that is to take effect at "
    "midnight, the spokesman of the army said in a statement after talks in the capital."
)
GERMAN = (
    "Die Regierung und die Rebellen haben sich am Montag auf eine Waffenruhe geeinigt, die ab "
    "Mitternacht gelten soll, teilte der Sprecher der Armee nach Gesprächen in der Hauptstadt mit."
)


def test_an_article_in_another_language_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a-en.txt").write_text(f"date 2024-03-15 Ceasefire\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "b-de.txt").write_text(f"date 2024-03-15 Waffenruhe\n{GERMAN}\n", encoding="utf-8")
    records = [
        {"id": "fr", "date": "2024-03-15", "text": "Le gouvernement et les rebelles ont signé "
         "un accord de cessez-le-feu qui est entré en vigueur dans la nuit, selon le porte-parole "
         "de la présidence, après des pourparlers dans la capitale avec les médiateurs."},
        {"id": "tagged", "date": "2024-03-15", "lang": "en", "text": GERMAN},
        {"id": "de", "date": "2024-03-15", "lang": "de-CH", "text": GERMAN},
    ]  # fmt: skip
    (tmp_path / "c.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    items = list(read_articles([tmp_path]))
    refused = {str(x.origin).rsplit("/", 1)[-1]: x.reason for x in items if isinstance(x, Rejected)}
    assert [x.identifier for x in items if isinstance(x, Article)] == ["b-de.txt", "de"]
    assert refused["a-en.txt"].startswith("article reads as English")
    assert refused["c.jsonl:1"].startswith("text reads as French")
    assert refused["c.jsonl:2"] == "field 'lang' is 'en': conflict-kg reads German articles only"


def test_an_article_in_another_script_is_refused(tmp_path: Path) -> None:
    text = (
        "Правительство и повстанцы договорились в понедельник о прекращении огня, которое "
        "вступит в силу в полночь, сообщил представитель армии после переговоров в столице."
    )
    (tmp_path / "ru.txt").write_text(f"date 2024-03-15 Перемирие\n{text}\n", encoding="utf-8")
    refused = only(list(read_articles([tmp_path / "ru.txt"])))
    assert isinstance(refused, Rejected)
    assert refused.reason == (
        "article is not written in the Latin alphabet: conflict-kg reads German articles only"
    )


def test_a_short_or_synthetic_text_is_not_judged(tmp_path: Path) -> None:
    # too few words to tell a language, or no function word of any language: read as German
    for text in ("The talks failed.", "Kenia verhandelt. " * 50):
        (tmp_path / "x.txt").write_text(f"date 2024-03-15 T\n{text}\n", encoding="utf-8")
        assert isinstance(only(list(read_articles([tmp_path / "x.txt"]))), Article)
