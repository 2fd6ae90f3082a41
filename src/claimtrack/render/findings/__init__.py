"""Findings renderers: text (for people and editors), JSON (for programs)."""
