"""How much German the event lexicon holds: expressions per event class and per CAMEO root.

The README's coverage table is this module's output (a test keeps the two equal), so a
researcher who extends ``kg/data/patterns/events.yaml`` regenerates it with
``python -m kg.extract.coverage``.

>>> from kg.extract.lexicon import load_lexicon
>>> table = coverage_table(load_lexicon())
>>> table.splitlines()[0]
'| event class | patterns | words | CAMEO codes |'
"""

from __future__ import annotations

from collections import defaultdict

from kg.extract.lexicon import Lexicon, load_lexicon

__all__ = ["coverage_table"]


def coverage_table(lex: Lexicon) -> str:
    """A Markdown table: for each event class its patterns, the distinct words (verbs and
    nouns) that trigger them, and their CAMEO codes; then one row per CAMEO root."""
    patterns: dict[str, int] = defaultdict(int)
    words: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    roots: dict[str, int] = defaultdict(int)
    for p in lex.patterns:
        patterns[p.event_class] += 1
        words[p.event_class].update(w for w in (*p.verbs, *p.nouns) if w != "*")
        codes[p.event_class].add(p.cameo)
        roots[p.cameo[:2]] += 1
    lines = ["| event class | patterns | words | CAMEO codes |", "|---|---|---|---|"]
    for cls in sorted(patterns):
        lines.append(
            f"| {cls} | {patterns[cls]} | {len(words[cls])} | {', '.join(sorted(codes[cls]))} |"
        )
    lines += ["", "| CAMEO root | patterns |", "|---|---|"]
    lines += [f"| {root} | {roots[root]} |" for root in sorted(roots)]
    return "\n".join(lines)


if __name__ == "__main__":
    print(coverage_table(load_lexicon()))
