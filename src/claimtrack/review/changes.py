"""The records a diff is made of: what changed in each claim file between two sides.

Values before and after are plain JSON values (strings, numbers, booleans, lists, mappings,
or None for "absent"), as the claim file holds them with defaults filled in, so renderers
and the JSON output need no knowledge of the model.
"""

from __future__ import annotations

from typing import Any

import attrs

from claimtrack.findings import Finding

__all__ = [
    "AnchorChange",
    "CitationChange",
    "ClaimChange",
    "Diff",
    "DocumentDiff",
    "FieldChange",
    "Line",
    "SideInfo",
    "SourceChange",
]


@attrs.frozen
class FieldChange:
    """One field whose value differs: its dotted name, the value before and after."""

    field: str
    before: Any
    after: Any


@attrs.frozen(kw_only=True)
class Line:
    """Where a record stands on one side: the file as named on that side, and its line."""

    path: str
    line: int


@attrs.frozen(kw_only=True)
class CitationChange:
    """A citation ``added``, ``removed`` or ``changed`` (stance, backs, locator, quote)."""

    change: str
    source: str
    locator: str | None = None
    fields: tuple[FieldChange, ...] = ()


@attrs.frozen(kw_only=True)
class AnchorChange:
    """An anchor ``moved`` (its quote, context or offsets changed) or ``orphaned`` (its
    quote is no longer found in the document's snapshot)."""

    change: str
    fields: tuple[FieldChange, ...] = ()
    problem: str | None = None


@attrs.frozen(kw_only=True)
class ClaimChange:
    """A claim ``added``, ``removed``, ``renamed`` (new id, same anchor and text) or
    ``changed``; ``old_id`` is its id on the base side when renamed."""

    change: str
    claim_id: str
    old_id: str | None = None
    text: str
    fields: tuple[FieldChange, ...] = ()
    citations: tuple[CitationChange, ...] = ()
    anchor: AnchorChange | None = None
    base: Line | None = None
    head: Line | None = None

    @property
    def is_empty(self) -> bool:
        """True for a claim whose id, fields, citations and anchor are all unchanged."""
        return self.change == "changed" and not (self.fields or self.citations or self.anchor)


@attrs.frozen(kw_only=True)
class SourceChange:
    """A source record ``added``, ``removed`` or ``changed``."""

    change: str
    source_id: str
    fields: tuple[FieldChange, ...] = ()
    base: Line | None = None
    head: Line | None = None


@attrs.frozen(kw_only=True)
class DocumentDiff:
    """What changed in one claim file: ``added``, ``removed``, ``modified`` or ``renamed``
    (then ``old_path`` is its base-side name).

    ``base_problems``/``head_problems`` hold the findings of a side that could not be read,
    parsed or structured into records; its claims and sources are then not compared, but its
    flags still are. ``introduced`` and ``fixed`` are the findings only the head side, or
    only the base side, has (all checks run on both sides with the same settings).
    """

    path: str
    old_path: str | None = None
    status: str
    base_problems: tuple[Finding, ...] = ()
    head_problems: tuple[Finding, ...] = ()
    document: tuple[FieldChange, ...] = ()
    claims: tuple[ClaimChange, ...] = ()
    sources: tuple[SourceChange, ...] = ()
    introduced: tuple[Finding, ...] = ()
    fixed: tuple[Finding, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when nothing a reviewer would see changed (the bytes may still differ:
        comments, formatting, key order)."""
        return not (
            self.base_problems
            or self.head_problems
            or self.document
            or self.claims
            or self.sources
            or self.introduced
            or self.fixed
            or self.status in ("added", "removed", "renamed")
        )


@attrs.frozen(kw_only=True)
class SideInfo:
    """One side of a diff: as the user named it, the commit (None for the work tree or a
    plain file) and its short form."""

    label: str
    commit: str | None = None


@attrs.frozen(kw_only=True)
class Diff:
    """A whole diff: the two sides and, in path order, each claim file that changed."""

    base: SideInfo
    head: SideInfo
    documents: tuple[DocumentDiff, ...] = ()

    @property
    def has_problems(self) -> bool:
        """Whether a side of some file could not be read or parsed."""
        return any(doc.base_problems or doc.head_problems for doc in self.documents)

    def counts(self) -> dict[str, int]:
        """The figures a summary leads with, by stable snake_case name."""
        claims = [claim for doc in self.documents for claim in doc.claims]
        return {
            "documents": len(self.documents),
            "document_fields_changed": sum(len(d.document) for d in self.documents),
            "claims_added": sum(1 for c in claims if c.change == "added"),
            "claims_removed": sum(1 for c in claims if c.change == "removed"),
            "claims_renamed": sum(1 for c in claims if c.change == "renamed"),
            "claims_changed": sum(1 for c in claims if c.change == "changed"),
            "status_changes": sum(1 for c in claims for f in c.fields if f.field == "status"),
            "citations_added": _citations(claims, "added"),
            "citations_removed": _citations(claims, "removed"),
            "citations_changed": _citations(claims, "changed"),
            "anchors_moved": sum(1 for c in claims if c.anchor and c.anchor.change == "moved"),
            "anchors_orphaned": sum(
                1 for c in claims if c.anchor and c.anchor.change == "orphaned"
            ),
            "sources_added": sum(
                1 for d in self.documents for s in d.sources if s.change == "added"
            ),
            "sources_removed": sum(
                1 for d in self.documents for s in d.sources if s.change == "removed"
            ),
            "sources_changed": sum(
                1 for d in self.documents for s in d.sources if s.change == "changed"
            ),
            "flags_introduced": sum(len(d.introduced) for d in self.documents),
            "flags_fixed": sum(len(d.fixed) for d in self.documents),
        }


def _citations(claims: list[ClaimChange], change: str) -> int:
    return sum(1 for c in claims for item in c.citations if item.change == change)
