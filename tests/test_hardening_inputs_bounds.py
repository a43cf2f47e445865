"""Issue 11, item 8: bounded work per input (token, sentence and article length).

Seeded by the issue's reproduction: one 2 000-letter word took 54 s to tag (HanTa is
quadratic in word length), 100 000 characters without a full stop 498 s (stages compare
the words of a sentence pairwise), while the input limit allowed a megabyte. The tests
assert what bounds the work (pieces of bounded length, long words not given to the
tagger); ``bench/bench_pathological.py`` times the same inputs at full size beside normal
text of the same length, so no test here depends on how busy the machine is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.articles import Article, Rejected, parse_article_text, read_articles
from kg.cli import main
from kg.extract.sentences import MAX_SENTENCE_CHARS, limit_notes, split_sentences
from kg.extract.tokens import MAX_TOKEN_CHARS

WORDS = [
    "Putin",
    "traf",
    "Erdogan",
    "in",
    "Moskau",
    "und",
    "sprach",
    "über",
    "den",
    "Krieg",
    "mit",
    "Kenia",
]


def _no_full_stop(size: int) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(WORDS[i % len(WORDS)] + (", " if i % 17 == 16 else " "))
        n += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


def _article(body: str) -> Article:
    art = parse_article_text(f"date 2023-05-12 T\n{body}", identifier="t.txt", origin="t.txt")
    assert isinstance(art, Article)
    return art


def test_text_without_full_stop_is_split_into_bounded_pieces_with_exact_offsets() -> None:
    text = _no_full_stop(100_000)
    ss = split_sentences(text)
    assert len(ss) >= 100 and max(len(s.text) for s in ss) <= MAX_SENTENCE_CHARS
    assert all(text[s.start : s.end] == s.text for s in ss)
    assert "".join(s.text for s in ss).replace(" ", "") == text.replace(" ", "")
    assert sum(s.text.endswith(",") for s in ss) > len(ss) * 0.9  # cut after commas


def test_a_stretch_without_commas_is_cut_at_blanks_then_hard() -> None:
    words = " ".join(["Verhandlung"] * 200)
    assert all(not s.text.startswith(" ") for s in split_sentences(words))
    assert max(len(s.text) for s in split_sentences(words)) <= MAX_SENTENCE_CHARS
    [a, b, c] = split_sentences("x" * 2_500)
    assert (len(a.text), len(b.text), len(c.text)) == (1_000, 1_000, 500)


def test_many_abbreviations_end_no_sentence() -> None:
    text = "Laut Dr. Müller kam Nr. 5 an. " * 5_000  # 150 000 characters, 15 000 dots
    ss = split_sentences(text)
    assert len(ss) == 5_000 and {s.text for s in ss} == {"Laut Dr. Müller kam Nr. 5 an."}


def test_normal_sentences_are_not_touched() -> None:
    sentence = "Kenia, Äthiopien und Somalia einigten sich, sagte der Sprecher. " * 4
    assert [s.text for s in split_sentences(sentence)] == [sentence.split(". ")[0] + "."] * 4


def test_a_2000_letter_word_is_tagged_at_once_and_not_by_hanta(ex) -> None:  # type: ignore[no-untyped-def]
    word = "a" * 2_000  # 54 s in HanTa before
    analysis = ex.analyse(_article(f"Putin sagte {word} am Montag."))
    long = [t for ts in analysis.sentences for t in ts.tokens if len(t.text) > MAX_TOKEN_CHARS]
    assert long and all((t.pos, t.lemma) == ("XY", t.text) for t in long)
    short = [t for ts in analysis.sentences for t in ts.tokens if t.text == "sagte"]
    assert short[0].lemma == "sagen"


def test_extraction_of_text_without_full_stop_works_on_bounded_pieces(ex) -> None:  # type: ignore[no-untyped-def]
    body = _no_full_stop(15_000)  # about 8 s before, growing with the square of the length
    analysis = ex.analyse(_article(body))
    assert max(len(ts.sentence.text) for ts in analysis.sentences) <= MAX_SENTENCE_CHARS
    words = [t.text for ts in analysis.sentences for t in ts.tokens]
    assert len(analysis.sentences) >= 15 and words[:3] == ["Putin", "traf", "Erdogan"]
    assert sum(map(len, words)) == len(body.replace(" ", ""))  # every letter analysed once


def test_limit_notes_say_what_is_cut() -> None:
    text = "date 2023-05-12 T\nEr sagte " + "b" * 100 + ". " + _no_full_stop(3_000)
    notes = limit_notes(text, text.index("\n") + 1)
    assert notes[0] == "characters 27-127: a word of 100 characters (over 64) is not tagged"
    assert notes[1].startswith("characters 129-3129: no sentence end in 3,000 characters")
    assert limit_notes("date 2023-05-12 T\nEr kam. Sie ging.\n", 18) == []


def test_extract_prints_the_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "long.txt"
    src.write_text("date 2023-05-12 T\nEr sagte " + "c" * 80 + " heute.\n", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "o.trig")]) == 0
    err = capsys.readouterr().err
    assert f"ckg extract: note: {src}: characters 27-107: a word of 80 characters" in err


def test_article_over_the_length_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    rec = {"id": "big", "date": "2023-05-12", "text": "Kenia verhandelt. " * 20_000}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [r] = read_articles([path])
    assert isinstance(r, Rejected)
    assert r.reason == "text has 360,000 characters, more than the limit of 200,000"
