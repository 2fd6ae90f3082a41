"""Findings: what claimtrack reports about a file, each with a rule code and a location."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import attrs

__all__ = [
    "Finding",
    "Location",
    "Severity",
    "Span",
    "SuppressedFinding",
    "escape_pointer_token",
    "finding_from_row",
    "finding_row",
    "pointer",
]


class Severity(StrEnum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare severities with this."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@attrs.frozen
class Span:
    """A region of a file: 1-based line and column of its start and end (end inclusive of
    the last character's column + 1, as editors count)."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@attrs.frozen(kw_only=True)
class Location:
    """Where a finding stands: the file as the user named it, a position, a JSON pointer."""

    path: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    pointer: str = ""
    claim_id: str | None = None

    @classmethod
    def at(
        cls, path: str, span: Span | None, pointer: str = "", claim_id: str | None = None
    ) -> Location:
        """A location from a span (or the top of the file when there is none)."""
        if span is None:
            return cls(path=path, pointer=pointer, claim_id=claim_id)
        return cls(
            path=path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            pointer=pointer,
            claim_id=claim_id,
        )


@attrs.frozen(kw_only=True)
class Finding:
    """One problem: a rule code and name, a severity, a message, where, and what to do."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Deterministic order: file, line, column, code, pointer, message."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, loc.pointer, self.message)


@attrs.frozen
class SuppressedFinding:
    """A finding silenced by a claim's suppression, with the reason given."""

    finding: Finding
    reason: str


def finding_row(finding: Finding) -> list[Any]:
    """A finding as a flat list of strings, numbers and None: what the result cache stores
    and worker processes send back. A list, not a mapping: tens of thousands of findings are
    much quicker to write, pickle and read back so."""
    loc = finding.location
    return [
        finding.code,
        finding.name,
        str(finding.severity),
        finding.message,
        finding.hint,
        loc.path,
        loc.line,
        loc.column,
        loc.end_line,
        loc.end_column,
        loc.pointer,
        loc.claim_id,
    ]


_SEVERITIES = {str(severity): severity for severity in Severity}


def finding_from_row(row: list[Any]) -> Finding:
    """The finding :func:`finding_row` made; raises ValueError, KeyError or TypeError when
    the row is damaged."""
    code, name, severity, message, hint, path, line, column, end_line, end_column, at, claim = row
    location = Location(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        pointer=at,
        claim_id=claim,
    )
    return Finding(
        code=code,
        name=name,
        severity=_SEVERITIES[severity],
        message=message,
        hint=hint,
        location=location,
    )


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON Pointer reference token (RFC 6901: ``~`` then ``/``)."""
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def pointer(path: tuple[str | int, ...] | list[str | int]) -> str:
    """The RFC 6901 JSON Pointer of a key/index path (``""`` for the whole document)."""
    tokens = [token if isinstance(token, str) else str(token) for token in path]
    joined = "/".join(tokens)
    if "~" in joined or joined.count("/") != len(tokens) - 1:  # some token needs escaping
        return "".join(["/" + escape_pointer_token(token) for token in tokens])
    return "/" + joined if tokens else ""
