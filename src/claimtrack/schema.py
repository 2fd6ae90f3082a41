"""The published JSON Schema of claim files, packaged with the library, and its validator.

``schemas/`` at the top of the repository is the source of truth; the package carries a
byte-identical copy so an installed claimtrack finds it without a checkout.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "CHECK_OUTPUT_SCHEMA",
    "CLAIM_FILE_SCHEMA",
    "SOURCE_LIBRARY_SCHEMA",
    "load_schema",
    "schema_path",
    "schema_text",
    "validator",
]

CLAIM_FILE_SCHEMA = "claim-file.schema.json"
CHECK_OUTPUT_SCHEMA = "check-output.schema.json"
SOURCE_LIBRARY_SCHEMA = "source-library.schema.json"
#: Where other packaged schemas refer into the claim-file schema's definitions.
_CLAIM_FILE_DEFS = "urn:claimtrack:schema:claim-file:1#/$defs/"


def schema_path(name: str = CLAIM_FILE_SCHEMA) -> Path:
    """Where a packaged schema lies when the package is plain files (beside this module)."""
    return Path(__file__).with_name("schemas").joinpath(name)


def schema_text(name: str = CLAIM_FILE_SCHEMA) -> str:
    """The text of a packaged schema, exactly as published."""
    # Every run reads it (the result cache's fingerprint holds it): read beside this module
    # where the package is plain files, so a run from the cache does not import
    # importlib.resources and the archive modules it brings; importlib.resources otherwise.
    try:
        return schema_path(name).read_text(encoding="utf-8")
    except OSError:
        from importlib import resources

        packaged = resources.files("claimtrack").joinpath("schemas", name)
        return packaged.read_text(encoding="utf-8")


@cache
def load_schema(name: str = CLAIM_FILE_SCHEMA) -> dict[str, Any]:
    """A packaged schema, parsed (cached: treat it as read-only)."""
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


def _local_refs(value: Any) -> Any:
    """``value`` with every reference into the claim-file schema's definitions made local."""
    if isinstance(value, dict):
        return {
            key: "#/$defs/" + item[len(_CLAIM_FILE_DEFS) :]
            if key == "$ref" and isinstance(item, str) and item.startswith(_CLAIM_FILE_DEFS)
            else _local_refs(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_local_refs(item) for item in value]
    return value


@cache
def bundled_schema(name: str = CLAIM_FILE_SCHEMA) -> dict[str, Any]:
    """A packaged schema with the claim-file definitions it refers to copied in, so that a
    validator needs no registry (the claim-file schema itself is returned as it is)."""
    schema = load_schema(name)
    if name == CLAIM_FILE_SCHEMA:
        return schema
    bundled: dict[str, Any] = _local_refs(schema)
    bundled["$defs"] = {**load_schema(CLAIM_FILE_SCHEMA)["$defs"], **bundled.get("$defs", {})}
    return bundled


@cache
def validator(name: str = CLAIM_FILE_SCHEMA) -> Any:
    """A Draft 2020-12 validator for a packaged schema, built once per process.

    Its ``pattern`` keyword follows ECMA-262 as JSON Schema specifies (``$`` is the end of
    the text), so it agrees with the compiled fast validator.
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    from claimtrack.patterns import ecma_search

    def pattern(checker: Any, regex: str, instance: Any, _schema: Any) -> Any:
        if checker.is_type(instance, "string") and not ecma_search(regex, instance):
            yield ValidationError(f"{instance!r} does not match {regex!r}")

    strict = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": pattern}
    )
    return strict(bundled_schema(name))


@cache
def fast_validator(name: str = CLAIM_FILE_SCHEMA) -> Any | None:
    """A compiled validator that only answers "valid or not", hundreds of times faster than
    :func:`validator`; ``None`` where the compiled package is not installed.

    Used as a fast path: a document it accepts needs no further schema work; a document it
    refuses is validated again by the reference validator, which explains every error.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without the compiled wheel
        return None
    return jsonschema_rs.validator_for(bundled_schema(name))
