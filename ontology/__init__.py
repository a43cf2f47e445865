"""The OWL ontology and SHACL shapes of conflict-kg (Turtle files), installed as ``kg.ontology``."""
