"""``ckg summary``: what the store holds, in a few lines, and three commands to try next.

The main job (``scripts/demo.sh``) ends with it: what was read (the articles), what was
found (events by kind, standing facts, actors and places), what is stored and where, the
explorer page, then three commands ready to paste: a saved question about the actor in
the most events, the server with that actor's page, the list of saved questions. No line
is wider than :data:`WIDTH` characters, whatever the store holds.

>>> from kg.store.summary import ArticleRead, StoreSummary
>>> s = StoreSummary((ArticleRead("a.txt", "2020-10", "Titel"),), 2, (("Meeting", 2),), 1,
...                  3, 40, 900, ("https://w3id.org/conflict-kg/id/entity/x", "X"))
>>> lines = render(s, store="out/store", page=None, ckg="ckg")
>>> lines[0]
'Read    1 article: a.txt (2020-10) “Titel”'
>>> [line.split()[1] for line in lines if line.startswith("  ckg")]
['query', 'serve', 'query']
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from pathlib import Path

from kg.cli.options import add_store_option
from kg.errors import EXIT_OK
from kg.store.summary import StoreSummary

__all__ = ["WIDTH", "register", "render"]

#: The widest line ``ckg summary`` prints.
WIDTH = 120
_INDENT = " " * 8
_SHOWN_ARTICLES = 3
_SHOWN_KINDS = 5


def _shown_path(path: str | os.PathLike[str]) -> str:
    """A path as the user would type it here: relative to the working directory if inside."""
    resolved = Path(path).expanduser().resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _ckg_command() -> str:
    """How to call this ``ckg`` again: its name if the shell finds this one, else its path."""
    invoked = Path(sys.argv[0])
    found = shutil.which("ckg")
    if invoked.name == "ckg" and found and Path(found).resolve() == invoked.resolve():
        return "ckg"
    return _shown_path(invoked) if invoked.name == "ckg" else "ckg"


def _wrap(label: str, text: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=f"{label:<8}",
        subsequent_indent=_INDENT,
        break_on_hyphens=False,
    )


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _read(s: StoreSummary) -> str:
    if not s.articles:
        return "no articles yet (ckg ingest FILE... adds them)"
    if len(s.articles) == 1:
        a = s.articles[0]
        head = f"1 article: {a.identifier} ({a.date})"
        room = WIDTH - len(_INDENT) - len(head) - 3  # the headline fills the line, no more
        return f"{head} “{_short(a.title, max(room, 20))}”" if a.title else head
    names = ", ".join(a.identifier for a in s.articles[:_SHOWN_ARTICLES])
    more = ", …" if len(s.articles) > _SHOWN_ARTICLES else ""
    span = f"{s.articles[0].date} to {s.articles[-1].date}"
    return f"{len(s.articles)} articles, {span}: {names}{more}"


def _found(s: StoreSummary) -> list[str]:
    kinds = ", ".join(f"{name} {n}" for name, n in s.event_kinds[:_SHOWN_KINDS])
    rest = len(s.event_kinds) - _SHOWN_KINDS
    if rest > 0:
        kinds += f", {rest} more kind{'s' if rest > 1 else ''}"
    events = f"{s.events} events" + (f": {kinds}" if kinds else "")
    facts = f"{s.facts} standing facts (memberships, offices, ...); "
    facts += f"{s.entities} actors, places, conflicts"
    return [*_wrap("Found", events), *_wrap("", facts)]


def _command(ckg: str, args: str, comment: str) -> list[str]:
    """A command to paste, with its comment beside it or under it; a command too wide for
    one line is continued shell-style (`` \\``) at its options."""
    line = f"  {ckg} {args}"
    joined = f"{line}   # {comment}"
    if len(joined) <= WIDTH:
        return [joined]
    lines = [line]
    if len(line) > WIDTH:
        head, *options = line.split(" --")
        lines = [head]
        for option in options:
            if len(lines[-1]) + len(option) + 5 > WIDTH:
                lines[-1] += " \\"
                lines.append("      ")
            lines[-1] += " --" + option if lines[-1].strip() else "--" + option
    under = "      # "
    return [*lines, *textwrap.wrap(comment, WIDTH, initial_indent=under, subsequent_indent=under)]


def render(
    s: StoreSummary, *, store: str, page: str | None, ckg: str, store_option: bool = True
) -> list[str]:
    """The summary's lines (none wider than :data:`WIDTH`). ``store`` is where the store
    is; the commands name it with ``--store`` if ``store_option`` (else it is the default)."""
    store_opt = f" --store {store}" if store_option else ""
    lines = [*_wrap("Read", _read(s)), *_found(s)]
    lines += _wrap(
        "Stored",
        f"{s.article_triples} triples from the articles, {s.triples} with the ontology and "
        f"reference data, in {store}",
    )
    if page:
        lines += _wrap("Page", f"{page} (open it in a browser; it works offline)")
    else:
        lines += _wrap("Page", f"none yet: {ckg} viz{store_opt} -o explorer.html")
    lines += ["", "Try next:"]
    if s.top_actor is not None:
        iri, label = s.top_actor
        short = iri.replace("https://w3id.org/conflict-kg/id/", "id:")
        local = iri.replace("https://w3id.org/conflict-kg", "")
        lines += _command(
            ckg,
            f"query actor-events --param actor={short}{store_opt}",
            f"what {label} did or had done to them, event by event",
        )
        lines += _command(
            ckg,
            f"serve{store_opt}",
            f"then open http://127.0.0.1:8000{local}: a page for each actor, event and article",
        )
    else:
        lines += _command(ckg, "ingest examples/articles/de" + store_opt, "read an article")
        lines += _command(ckg, f"serve{store_opt}", "then open http://127.0.0.1:8000/")
    lines += _command(
        ckg, f"query --list{store_opt}", "the saved questions; ckg query NAME runs one"
    )
    return lines


def _run(args: argparse.Namespace) -> int:
    from kg.store import open_store_for_reading, resolve_store_path
    from kg.store.summary import summarize_store

    summary = summarize_store(open_store_for_reading(args.store))
    page = args.page if args.page and Path(args.page).is_file() else None
    lines = render(
        summary,
        store=_shown_path(resolve_store_path(args.store)),
        store_option=bool(args.store),
        page=_shown_path(page) if page else None,
        ckg=_ckg_command(),
    )
    print("\n".join(lines))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``summary`` to ``sub``."""
    p = sub.add_parser(
        "summary",
        help="what the store holds in a few lines, and three commands to try next",
        description="Say in a few lines what the store holds: the articles read, the events "
        "(by kind) and standing facts found, the triples stored, the explorer page "
        "(--page), and three commands to try next.",
    )
    p.add_argument("--page", metavar="FILE", help="the explorer page to point to, if written")
    add_store_option(p)
    p.set_defaults(handler=_run)
