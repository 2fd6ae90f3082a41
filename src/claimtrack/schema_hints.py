"""Hints that read the schema around a schema error: the values a missing field may take,
and the key that sits one indentation level too far left.

A key written at the indentation of its parent's siblings (``attribution:`` with nothing
after it, then ``specificity: named`` under it instead of inside it) gives two errors that
say nothing of indentation: the parent is null, the key is unknown. Both are explained here
as the one mistake they are.
"""

from __future__ import annotations

from typing import Any

__all__ = ["misplaced_key_parent", "missing_field_hint", "resolve"]


def resolve(schema: Any, root: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with local ``$ref`` chains followed (``#/$defs/...``)."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 32:
        reference: str = schema["$ref"]
        if not reference.startswith("#/"):
            break
        target: Any = root
        for step in reference[2:].split("/"):
            target = target.get(step.replace("~1", "/").replace("~0", "~"), {})
        schema, seen = target, seen + 1
    return schema if isinstance(schema, dict) else {}


def _values(schema: dict[str, Any]) -> list[Any] | None:
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    return None


def missing_field_hint(owner_schema: dict[str, Any], name: str, root: dict[str, Any]) -> str:
    """How to add the missing field ``name``, listing its values when the schema fixes them."""
    field = resolve(owner_schema.get("properties", {}).get(name), root)
    values = _values(field)
    if values:
        shown = ", ".join(str(value) for value in values)
        return f"Add {name!r} to this mapping, with one of: {shown}."
    return f"Add {name!r} to this mapping."


def misplaced_key_parent(
    owner_schema: dict[str, Any], instance: dict[str, Any], key: str, root: dict[str, Any]
) -> str | None:
    """The empty (null) sibling of the unknown ``key`` whose own mapping would accept it: the
    key was most likely meant to be indented under that sibling."""
    properties = owner_schema.get("properties", {})
    for sibling, value in instance.items():
        if value is not None or sibling == key or sibling not in properties:
            continue
        if key in resolve(properties[sibling], root).get("properties", {}):
            return str(sibling)
    return None
