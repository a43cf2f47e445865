"""The input format, written once for the ``--help`` of every command that reads articles.

``ckg extract`` and ``ckg ingest`` read the same inputs (:mod:`kg.articles`); their help
ends with :data:`ARTICLE_INPUT`, attached where the parser is assembled
(:func:`attach`), so that the two never describe it differently.

>>> parser = argparse.ArgumentParser(prog="ckg extract", description="Extract.")
>>> attach(parser)
>>> "date YYYY-MM[-DD] headline" in parser.format_help()
True
"""

from __future__ import annotations

import argparse

__all__ = ["ARTICLE_INPUT", "KeepLineBreaks", "attach"]

#: What an article looks like as a text file and as a JSON Lines record.
ARTICLE_INPUT = """\
input:
  a text file (.txt) per article: the first line is 'date YYYY-MM[-DD] headline', the
  German text follows in paragraphs; offsets in the graph count from the file's start
      date 2020-10-09 Armenien und Aserbaidschan verhandeln in Moskau
      (blank line)
      Moskau – Im Konflikt um die Kaukasus-Region Bergkarabach ...
  JSON Lines (.jsonl, .ndjson), one article a line; id, date and text are required,
  title, url, source and lang (default de) optional:
      {"id": "dpa-0193", "date": "2022-11-02", "title": "...", "text": "Die AU ..."}
  a directory (its .txt, .jsonl and .ndjson files, recursively), or - for stdin"""


class KeepLineBreaks(argparse.HelpFormatter):
    """argparse's formatter, but text with line breaks of its own is shown as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def attach(parser: argparse.ArgumentParser) -> None:
    """End ``parser``'s help with the input format."""
    parser.epilog = ARTICLE_INPUT
    parser.formatter_class = KeepLineBreaks
