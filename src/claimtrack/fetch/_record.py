"""The snapshot record a fetch writes into the claim file, and whether the claim file
schema accepts what a server chose (a final URL, a Content-Type, an archive address): a
value the schema refuses fails that source instead of making the claim file invalid."""

from __future__ import annotations

from typing import Any

from claimtrack.fetch._http import Response

__all__ = ["snapshot_record", "unrecordable"]


def snapshot_record(
    response: Response, relative: str, text_sha: str, warc: str, tool: str, version: str, when: str
) -> dict[str, Any]:
    """The ``snapshot`` mapping of a source fetched as ``response``."""
    record: dict[str, Any] = {
        "path": relative,
        "sha256": text_sha,
        "coverage": "full",
        "requested_url": response.requested_url,
        "url": response.url,
        "http_status": response.status,
    }
    if response.content_type:
        record["content_type"] = response.content_type
    record.update(
        {"retrieved": when, "extractor": tool, "extractor_version": version, "warc": warc}
    )
    return record


def unrecordable(value: Any, definition: str, name: str) -> str | None:
    """Why the claim file schema's ``definition`` (``SourceSnapshot``, ``HttpUrl``) refuses
    ``value``, which a source's ``name`` would hold; ``None`` when it accepts it."""
    from claimtrack.schema import bundled_schema, validator

    schema = {"$defs": bundled_schema()["$defs"], "$ref": f"#/$defs/{definition}"}
    for error in validator().evolve(schema=schema).iter_errors(value):
        field = ".".join([name, *(str(part) for part in error.path)])
        bad = str(error.instance)
        shown = bad if len(bad) <= 80 else bad[:79] + "…"
        return (
            f"the {field} the server gave ({len(bad):,} characters: {shown!r}) cannot be"
            f" recorded in a claim file (its {error.validator}); nothing was kept"
        )
    return None
