"""Researcher-editable dictionaries: actors (TSV) and German event patterns (YAML)."""
