"""Universal Dependencies treebanks (CoNLL-U) as sentences of surface tokens.

The parser is trained on UD German treebanks and measured on one (``bench/bench_syntax.py``);
both need the treebank's words with their character offsets in the sentence's ``# text``,
and the words of a multiword token ("im" = "in dem") joined into the one token the
project's tokenizer makes of them. A joined token takes the relation of its word that
attaches outside the token ("in" → case), so training and runtime see the same tokens.

>>> text = '''# text = Er kam im Mai.
... 1\\tEr\\ter\\tPRON\\tPPER\\t_\\t2\\tnsubj\\t_\\t_
... 2\\tkam\\tkommen\\tVERB\\tVVFIN\\t_\\t0\\troot\\t_\\t_
... 3-4\\tim\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_
... 3\\tin\\tin\\tADP\\tAPPR\\t_\\t5\\tcase\\t_\\t_
... 4\\tdem\\tder\\tDET\\tART\\t_\\t5\\tdet\\t_\\t_
... 5\\tMai\\tMai\\tNOUN\\tNN\\t_\\t2\\tobl\\t_\\tSpaceAfter=No
... 6\\t.\\t.\\tPUNCT\\t$.\\t_\\t2\\tpunct\\t_\\t_
... '''
>>> s = next(read_conllu(text.splitlines()))
>>> [(w.form, w.head, w.deprel) for w in s.words][1:4]
[('kam', -1, 'root'), ('in', 4, 'case'), ('dem', 4, 'det')]
>>> [(t.form, s.text[t.start:t.end], t.head, t.deprel) for t in s.surface()][2:4]
[('im', 'im', 3, 'case'), ('Mai', 'Mai', 1, 'obl')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TreebankSentence", "Word", "read_conllu", "read_conllu_file"]


@dataclass(frozen=True)
class Word:
    """A syntactic word (or a surface token) of a treebank sentence; ``head`` is the
    0-based index of its governor in the same list, -1 for the root."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int = -1  # character offsets in the sentence text, -1 where not found
    end: int = -1


@dataclass(frozen=True)
class TreebankSentence:
    """One sentence: its ``# sent_id``, ``# text``, words, and multiword token ranges."""

    sent_id: str
    text: str
    words: tuple[Word, ...]
    multiword: tuple[tuple[int, int, str], ...] = ()  # (first, last inclusive, form)

    def surface(self) -> tuple[Word, ...]:
        """The surface tokens: each multiword token joined into one word that takes the
        head and relation of its part attaching outside it."""
        owner = list(range(len(self.words)))  # word index -> surface index
        spans: list[tuple[int, int, str | None]] = []
        ranges = {a: (a, b, form) for a, b, form in self.multiword}
        i = 0
        while i < len(self.words):
            a, b, form = ranges.get(i, (i, i, None))
            for w in range(a, b + 1):
                owner[w] = len(spans)
            spans.append((a, b, form))
            i = b + 1
        out = []
        for a, b, form in spans:
            parts = range(a, b + 1)
            outside = [w for w in parts if not a <= self.words[w].head <= b]
            main = self.words[outside[0] if outside else a]
            head = owner[main.head] if main.head >= 0 else -1
            first, last = self.words[a], self.words[b]
            out.append(
                Word(
                    form=form or main.form,
                    lemma=main.lemma,
                    upos=main.upos,
                    xpos=main.xpos,
                    feats=main.feats,
                    head=head,
                    deprel=main.deprel,
                    start=first.start,
                    end=last.end,
                )
            )
        return tuple(out)


def _offsets(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where each form stands in the text, searched left to right (-1 where absent)."""
    pos = 0
    out = []
    for f in forms:
        at = text.find(f, pos)
        if at < 0:
            out.append((-1, -1))
            continue
        out.append((at, at + len(f)))
        pos = at + len(f)
    return out


def _sentence(meta: dict[str, str], rows: list[list[str]]) -> TreebankSentence:
    words: list[list[str]] = []
    mwt_rows: list[tuple[int, int, str, str]] = []
    for cols in rows:
        ident = cols[0]
        if "." in ident:
            continue  # empty nodes of enhanced dependencies
        if "-" in ident:
            lo, hi = ident.split("-")
            mwt_rows.append((int(lo) - 1, int(hi) - 1, cols[1], cols[9]))
            continue
        words.append(cols)
    mwt = {a: (b, form, misc) for a, b, form, misc in mwt_rows}
    text = meta.get("text", "")
    # surface forms in order, for offsets: a multiword token stands as one form
    surface_forms: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(words):
        if i in mwt:
            b, form, misc = mwt[i]
            surface_forms.append((i, b, form, misc))
            i = b + 1
        else:
            surface_forms.append((i, i, words[i][1], words[i][9]))
            i += 1
    offs = _offsets(text, [f for _a, _b, f, _m in surface_forms])
    word_off: dict[int, tuple[int, int]] = {}
    for (a, b, _f, _m), (s, e) in zip(surface_forms, offs, strict=True):
        for w in range(a, b + 1):
            word_off[w] = (s, e)
    out = tuple(
        Word(
            form=c[1],
            lemma=c[2],
            upos=c[3],
            xpos=c[4],
            feats=c[5],
            head=int(c[6]) - 1 if c[6] not in ("_", "") else -1,
            deprel=c[7],
            start=word_off[n][0],
            end=word_off[n][1],
        )
        for n, c in enumerate(words)
    )
    return TreebankSentence(
        sent_id=meta.get("sent_id", ""),
        text=text,
        words=out,
        multiword=tuple((a, b, f) for a, b, f, _m in mwt_rows),
    )


def read_conllu(lines: Iterable[str]) -> Iterator[TreebankSentence]:
    """The sentences of CoNLL-U text given line by line."""
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if rows:
                yield _sentence(meta, rows)
            meta, rows = {}, []
        elif line.startswith("#"):
            key, sep, value = line[1:].partition("=")
            if sep:
                meta.setdefault(key.strip(), value.strip())
        else:
            cols = line.split("\t")
            if len(cols) == 10:
                rows.append(cols)
    if rows:
        yield _sentence(meta, rows)


def read_conllu_file(path: Path) -> Iterator[TreebankSentence]:
    """The sentences of a CoNLL-U file."""
    with path.open(encoding="utf-8") as f:
        yield from read_conllu(f)
