"""The OWL ontology and SHACL shapes of conflict-kg (Turtle files).

Installed as ``kg.ontology_ttl``; ``kg.ontology`` is the Python module that loads them.
"""
