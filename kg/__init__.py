"""conflict-kg: German news on armed conflicts as a traceable RDF knowledge graph.

The public API is what ``__all__`` lists; the ``ckg`` command line calls only these.
"""

from __future__ import annotations

from kg.namespaces import CKG, ID, WD

__all__ = ["CKG", "ID", "WD"]
