"""Linking: the same event across sources, researchers' links, imports, checks, tables.

Reports of one event form a cluster (:mod:`kg.linking.clusters`), stored linearly in the
links graph (:mod:`kg.linking.links_graph`); :func:`same_event_pairs` lists its pairs.

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
    EventCluster,
    EventLink,
    find_clusters,
    find_links,
    link_article_events,
    link_articles_events,
    link_pending_events,
    relink,
    stored_links,
    unlink,
)
from kg.linking.links_graph import same_event_pairs, stored_clusters

__all__ = [
    "DEFAULT_THRESHOLD",
    "EventCluster",
    "EventLink",
    "find_clusters",
    "find_links",
    "link_article_events",
    "link_articles_events",
    "link_pending_events",
    "relink",
    "same_event_pairs",
    "stored_clusters",
    "stored_links",
    "unlink",
]
