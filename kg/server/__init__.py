"""``ckg serve``: a SPARQL 1.1 Protocol endpoint, a query page and the explorer over a store.

>>> from pathlib import Path
>>> ServerConfig(store_path=Path("/tmp/store")).limits == Limits()
True
"""

from __future__ import annotations

from kg.server.app import ServerConfig, SparqlServer, make_server
from kg.server.limits import Limits

__all__ = ["Limits", "ServerConfig", "SparqlServer", "make_server"]
