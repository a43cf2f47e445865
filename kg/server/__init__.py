"""``ckg serve``: a SPARQL 1.1 Protocol endpoint, a query page and the explorer over a store.

The names below are imported when first used, so that a worker process (which imports
:mod:`kg.server.worker`) does not load the HTTP server's libraries.

>>> from pathlib import Path
>>> from kg.server import Limits, ServerConfig
>>> ServerConfig(store_path=Path("/tmp/store")).limits == Limits()
True
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.server.app import ServerConfig
    from kg.server.http_server import SparqlServer, make_server
    from kg.server.limits import Limits

__all__ = ["Limits", "ServerConfig", "SparqlServer", "make_server"]

_HOMES = {
    "Limits": "kg.server.limits",
    "ServerConfig": "kg.server.app",
    "SparqlServer": "kg.server.http_server",
    "make_server": "kg.server.http_server",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg.server' has no attribute {name!r}")
