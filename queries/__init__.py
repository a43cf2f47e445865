"""Saved SPARQL queries (one ``.rq`` file per question), installed as ``kg.queries``."""
