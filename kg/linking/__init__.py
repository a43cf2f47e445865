"""Linking: the same event across sources, researchers' links, imports, checks, tables.

The ingest hook is :func:`link_articles_events` (once per written batch; one article:
:func:`link_article_events`); what a killed run left unlinked is linked by
:func:`link_pending_events` (and by the next :func:`link_articles_events`); ``ckg relink``
calls :func:`relink`.

>>> 0 < DEFAULT_THRESHOLD < 1
True
"""

from __future__ import annotations

from kg.linking.events import (
    DEFAULT_THRESHOLD,
    EventLink,
    find_links,
    link_article_events,
    link_articles_events,
    link_pending_events,
    relink,
    stored_links,
    unlink,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "EventLink",
    "find_links",
    "link_article_events",
    "link_articles_events",
    "link_pending_events",
    "relink",
    "stored_links",
    "unlink",
]
