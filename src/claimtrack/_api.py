"""The library's front door: load, loads, dump, dumps (``check`` lives in check.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from claimtrack._convert import unstructure
from claimtrack.errors import LoadError
from claimtrack.io.atomic import write_atomic
from claimtrack.io.load import Format, Limits, LoadedDocument, detect_format, load_bytes, load_path
from claimtrack.io.yaml import dump_yaml
from claimtrack.model import ClaimFile
from claimtrack.records import records_or_findings
from claimtrack.validate import schema_findings

__all__ = ["dump", "dumps", "load", "load_document", "loads", "to_model"]


def to_model(document: LoadedDocument) -> ClaimFile:
    """The records of a loaded document.

    Raises :class:`~claimtrack.errors.LoadError` with every schema finding if the document
    does not follow the schema."""
    findings = schema_findings(document)
    if findings:
        raise LoadError(findings)
    records = records_or_findings(document)
    if isinstance(records, ClaimFile):
        return records
    raise LoadError(records)


def load_document(path: str | os.PathLike[str], *, limits: Limits | None = None) -> LoadedDocument:
    """Read and parse a claim file, keeping positions (no schema check)."""
    return load_path(path, limits=limits)


def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> ClaimFile:
    """Read a claim file into records.

    Raises :class:`~claimtrack.errors.LoadError` (with findings) if the file is unreadable,
    malformed or not schema-valid. Integrity rules and flags are :func:`claimtrack.check`'s."""
    return to_model(load_path(path, limits=limits))


def loads(
    text: str | bytes,
    format: Format | str = Format.YAML,
    *,
    name: str = "<string>",
    limits: Limits | None = None,
) -> ClaimFile:
    """Parse claim-file text (YAML or JSON) into records, as :func:`load` does."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return to_model(load_bytes(data, name, format=Format(format), limits=limits))


def dumps(claim_file: ClaimFile, format: Format | str = Format.YAML) -> str:
    """The text of a claim file: YAML (block style, keys in schema order) or JSON."""
    data = unstructure(claim_file)
    if Format(format) is Format.JSON:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return dump_yaml(data)


def dump(
    claim_file: ClaimFile, path: str | os.PathLike[str], format: Format | str | None = None
) -> None:
    """Write a claim file atomically; the format follows the suffix unless given."""
    fmt = Format(format) if format is not None else detect_format(Path(path).name)
    write_atomic(path, dumps(claim_file, fmt))
