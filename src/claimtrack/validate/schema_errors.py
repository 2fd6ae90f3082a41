"""Schema errors in words: every JSON Schema error of a document, as a finding with the
position of the offending value and a message that says what to do.

The compiled validator decides whether a document is valid; only a refused document is
validated again by python-jsonschema, whose errors are worded here (E110–E113).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.schema import CLAIM_FILE_SCHEMA, fast_validator, load_schema, validator
from claimtrack.schema_hints import misplaced_key_parent, missing_field_hint
from claimtrack.validate._values import Path
from claimtrack.validate._values import show as _show

__all__ = ["schema_findings"]

_JSON_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "a mapping",
    type(None): "null",
}
_TYPE_NAMES = {
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}


def _def_names() -> dict[str, str]:
    """Definition names by their (unique) description: the validator hands us copies of the
    definitions, so identity cannot tell which one an error is about."""
    schema = load_schema()
    return {
        definition.get("description", ""): name
        for name, definition in schema.get("$defs", {}).items()
    }


def _what(path: Path) -> str:
    """How to name the place of a value in a message: field 'x' or 'the file'."""
    for step in reversed(path):
        if isinstance(step, str):
            return f"field {step!r}"
    return "the file"


def _owner(document: LoadedDocument, path: Path) -> str:
    """How to name the record that holds a path: claim 'x' (or claim #3), the document."""
    if not path:
        return "the file"
    if path[0] == "document":
        return "the document"
    if len(path) >= 2 and isinstance(path[1], int) and path[0] in ("claims", "sources"):
        records = document.data.get(path[0])
        record = records[path[1]] if isinstance(records, list) else None
        record_id = record.get("id") if isinstance(record, dict) else None
        kind = "claim" if path[0] == "claims" else "source"
        if isinstance(record_id, str) and record_id:
            return f"{kind} {record_id!r}"
        return f"{kind} #{path[1] + 1}"
    return "the file"


def _suggest(value: Any, choices: Iterable[Any]) -> str:
    options = [str(choice) for choice in choices]
    if isinstance(value, str):
        close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
        if close:
            return f"did you mean {close[0]!r}?"
    return "expected one of " + ", ".join(repr(option) for option in options)


def schema_findings(document: LoadedDocument, schema: str = CLAIM_FILE_SCHEMA) -> list[Finding]:
    """Every schema violation of the document, as findings in path order (against the
    claim-file schema, or another packaged ``schema`` such as the source library's)."""
    fast = fast_validator(schema)
    if fast is not None and fast.is_valid(document.data):
        return []
    names = _def_names()
    findings: list[Finding] = []
    errors = sorted(
        validator(schema).iter_errors(document.data),
        key=lambda error: [str(step) for step in error.absolute_path],
    )
    seen: set[tuple[str, str]] = set()
    for error in errors:
        for finding in _from_error(document, error, names):
            # One value breaking two constraints (empty text: minLength and pattern) is one
            # problem to the person fixing it.
            key = (finding.code, finding.location.pointer)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings


def _from_error(document: LoadedDocument, error: Any, names: dict[str, str]) -> Iterator[Finding]:
    path: Path = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        for name in error.validator_value:
            if name not in instance:
                yield rules.finding(
                    rules.MISSING_FIELD,
                    f"{_owner(document, path)} is missing the required field {name!r}",
                    document.location(path),
                    hint=missing_field_hint(error.schema, name, load_schema()),
                )
    elif keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(
        instance, dict
    ):
        known = sorted(error.schema.get("properties", {}))
        for name in instance:
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            parent = misplaced_key_parent(error.schema, instance, name, load_schema())
            hint = (
                f"{name!r} belongs to {parent!r}, which is empty here: indent {name!r}"
                f" under {parent!r}, further than {parent!r} itself."
                if parent is not None
                else f"Did you mean {close[0]!r}?"
                if close
                else "Known fields here: " + ", ".join(known) + "."
            )
            yield rules.finding(
                rules.UNKNOWN_FIELD,
                f"{_owner(document, path)} has an unknown field {name!r}",
                document.location((*path, name), key=True),
                hint=hint,
            )
    elif keyword == "type":
        expected = error.validator_value
        wanted = (
            " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in expected)
            if isinstance(expected, list)
            else _TYPE_NAMES.get(expected, expected)
        )
        got = _JSON_TYPES.get(type(instance), type(instance).__name__)
        hint = f"Write {wanted} here."
        if expected == "boolean" and isinstance(instance, str):
            hint = "Write true or false (without quotes)."
        elif expected in ("number", "integer") and isinstance(instance, str):
            hint = "Write the number without quotes, digits only (2000, not '2,000')."
        yield rules.finding(
            rules.WRONG_TYPE,
            f"{_what(path)} of {_owner(document, path)} must be {wanted},"
            f" got {got}" + ("" if instance is None else f" {_show(instance)}"),
            document.location(path),
            hint=hint,
        )
    elif keyword in ("enum", "const"):
        choices = error.validator_value if keyword == "enum" else [error.validator_value]
        yield rules.finding(
            rules.INVALID_VALUE,
            f"{_what(path)} of {_owner(document, path)} has the invalid value {_show(instance)}",
            document.location(path),
            hint=_suggest(instance, choices).capitalize(),
        )
    elif keyword in ("oneOf", "anyOf", "not", "allOf"):
        description = error.schema.get("description", "")
        name = names.get(description, "record").lower()
        keys = ", ".join(repr(key) for key in instance) if isinstance(instance, dict) else ""
        yield rules.finding(
            rules.INVALID_SHAPE,
            f"this {name} of {_owner(document, path)} combines fields the schema does not allow"
            + (f" together ({keys})" if keys else ""),
            document.location(path),
            hint=description or None,
        )
    else:
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        yield rules.finding(
            rules.INVALID_VALUE,
            f"{_what(path)} of {_owner(document, path)} has the invalid value {_show(instance)}:"
            f" {_constraint(keyword, error.validator_value)}",
            document.location(path),
            hint=description,
        )


def _constraint(keyword: str, value: Any) -> str:
    if keyword == "pattern":
        return "it does not have the required form"
    if keyword == "minLength":
        return "it must not be empty" if value == 1 else f"it needs at least {value} characters"
    if keyword == "maxLength":
        return f"it may have at most {value} characters"
    if keyword == "minimum":
        return f"it must be at least {value}"
    if keyword == "maximum":
        return f"it must be at most {value}"
    return f"it breaks the schema's {keyword!r} rule"
