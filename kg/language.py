"""Is an article German? conflict-kg's rules read German only: an article in another
language would be coded as empty, silently. This module tells the language from function
words (``kg/data/language/function-words.yaml``) and from the script.

>>> language_problem("Die Regierung und die Rebellen haben sich am Montag auf eine "
...     "Waffenruhe geeinigt, die ab Mitternacht gelten soll, teilte der Sprecher mit.")
>>> why = language_problem("The government and the rebels agreed on Monday to a ceasefire "
...     "that is to take effect at midnight, the spokesman of the army said in a statement.")
>>> why.split(":")[0]
'reads as English (11 of 27 words are English function words, 0 German)'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.resources import data_dir

__all__ = ["FunctionWords", "language_problem", "load_function_words"]

_WORD = re.compile(r"[^\W\d_]+")
#: Fewer words than this tell no language.
MIN_WORDS = 20
#: Another language's function words must outnumber German ones this many times, and be
#: this share of the words at least, for the article to read as that language.
_RATIO, _SHARE = 3, 0.1


@dataclass(frozen=True)
class FunctionWords:
    """The function words of each language, and its name."""

    names: dict[str, str]
    words: dict[str, frozenset[str]]


@lru_cache(maxsize=4)
def load_function_words(path: Path | None = None) -> FunctionWords:
    """Read and check the data file: every key a language with ``name`` and ``words``."""
    path = path or data_dir() / "language" / "function-words.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "de" not in raw:
        raise InputError(f"{path}: no entry for 'de' (German)")
    names, words = {}, {}
    for tag, entry in raw.items():
        if not isinstance(entry, dict) or set(entry) != {"name", "words"}:
            raise InputError(f"{path}: {tag!r} must have exactly the keys 'name' and 'words'")
        names[str(tag)] = str(entry["name"])
        words[str(tag)] = frozenset(str(w).lower() for w in entry["words"])
    return FunctionWords(names, words)


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


def language_problem(text: str, *, words: FunctionWords | None = None) -> str | None:
    """Why ``text`` is not German, or ``None`` where it is (or is too short to tell)."""
    fw = words or load_function_words()
    tokens = [w.lower() for w in _WORD.findall(text)]
    if len(tokens) < MIN_WORDS:
        return None
    if _latin_share(text) < 0.5:
        return "is not written in the Latin alphabet: conflict-kg reads German articles only"
    counts = {tag: sum(1 for t in tokens if t in ws) for tag, ws in fw.words.items()}
    german = counts.pop("de")
    if not counts:
        return None
    tag = max(sorted(counts), key=lambda t: counts[t])
    if counts[tag] >= _RATIO * max(german, 1) and counts[tag] >= _SHARE * len(tokens):
        name = fw.names[tag]
        return (
            f"reads as {name} ({counts[tag]} of {len(tokens)} words are {name} function"
            f" words, {german} German): conflict-kg reads German articles only"
        )
    return None
