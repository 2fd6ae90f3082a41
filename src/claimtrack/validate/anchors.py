"""The document snapshot and the anchors: a snapshot outside the project, unreadable, or
with another hash than recorded, and anchors not found in it, ambiguous, or with offsets or
context that do not hold (E210–E223)."""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.anchor import Match, PlacementStatus, fits_context, nearest, normalize, place
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.io.snapshot import SnapshotText
from claimtrack.model import Anchor, Claim, ClaimFile
from claimtrack.validate._values import Path
from claimtrack.validate._values import show as _show

__all__ = ["anchor_findings", "anchor_text", "snapshot_findings", "snapshot_problems"]


def anchor_text(claim_file: ClaimFile, snapshot: SnapshotText | None) -> str | None:
    """The normalised snapshot text the anchors are checked against, or None when there is
    no snapshot or it cannot be used (outside the project, unreadable)."""
    if claim_file.document.snapshot is None or snapshot is None or snapshot.outside_project:
        return None
    return None if snapshot.text is None else normalize(snapshot.text)


def snapshot_findings(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> Iterator[Finding]:
    """Errors of the recorded snapshot (unreadable, outside the project, hash) and of every
    anchor against it."""
    yield from snapshot_problems(document, claim_file, snapshot)
    text = anchor_text(claim_file, snapshot)
    if text is not None:
        yield from anchor_findings(document, claim_file, text)


def snapshot_problems(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> Iterator[Finding]:
    """Errors of the recorded snapshot itself: outside the project, unreadable, or with
    another hash than recorded."""
    recorded = claim_file.document.snapshot
    if recorded is None or snapshot is None:
        return
    where = ("document", "snapshot", "path")
    if snapshot.outside_project:
        yield rules.finding(
            rules.SNAPSHOT_OUTSIDE,
            f"the snapshot path {recorded.path!r} leaves the project folder",
            document.location(where),
        )
    elif snapshot.text is None:
        yield rules.finding(
            rules.SNAPSHOT_UNREADABLE,
            f"cannot read the snapshot {recorded.path!r}: {snapshot.problem}",
            document.location(where),
        )
    elif snapshot.sha256 != recorded.sha256:
        yield rules.finding(
            rules.SNAPSHOT_HASH,
            f"the snapshot {recorded.path!r} has SHA-256 {snapshot.sha256}, not the"
            f" {recorded.sha256} recorded",
            document.location(("document", "snapshot", "sha256")),
            hint="If you edited the snapshot on purpose, record its hash with `claimtrack"
            " anchor --rehash`; if the document changed, re-anchor the claims (`claimtrack"
            " anchor --rebase NEW`); if neither, restore the original snapshot.",
        )


def anchor_findings(
    document: LoadedDocument, claim_file: ClaimFile, text: str
) -> Iterator[Finding]:
    """Errors of every claim's anchor against normalised ``text``."""
    for index, claim in enumerate(claim_file.claims):
        yield from _anchor_findings(document, text, claim, ("claims", index, "anchor"))


def _offsets_hold(text: str, anchor: Anchor) -> bool:
    """Whether the anchor's offsets select its quote and its context fits: then it is placed
    (offsets pick one occurrence), whatever else the text holds."""
    start, end = anchor.start, anchor.end
    if start is None or end is None or text[start:end] != anchor.exact:
        return False
    return fits_context(text, Match(start, end), anchor)


def _anchor_findings(
    document: LoadedDocument, text: str, claim: Claim, path: Path
) -> Iterator[Finding]:
    anchor = claim.anchor
    if _offsets_hold(text, anchor):
        return  # the common case, decided without scanning the whole text
    placement = place(text, anchor)
    status = placement.status
    if status is PlacementStatus.FOUND:
        return
    quote = _show(anchor.exact, 50)
    if status is PlacementStatus.NOT_FOUND:
        candidate = nearest(text, anchor)
        closest = ""
        hint = None
        if candidate is not None:
            where = candidate.match
            line = text.count("\n", 0, where.start) + 1
            column = where.start - (text.rfind("\n", 0, where.start) + 1) + 1
            closest = (
                f"; the closest passage, {candidate.quote_similarity:.0%} alike, is"
                f" {_show(text[where.start : where.end], 50)} at offset {where.start}"
                f" (snapshot line {line}, column {column})"
            )
            hint = (
                "If the document was edited, run 'claimtrack anchor --rebase SNAPSHOT' to"
                " move the anchors; otherwise copy the quote exactly from the snapshot."
            )
        yield rules.finding(
            rules.ANCHOR_NOT_FOUND,
            f"the quote {quote} of claim {claim.id!r} does not occur in the snapshot{closest}",
            document.location((*path, "exact")),
            hint=hint,
        )
    elif status is PlacementStatus.AMBIGUOUS:
        starts = ", ".join(str(match.start) for match in placement.occurrences[:5])
        yield rules.finding(
            rules.ANCHOR_AMBIGUOUS,
            f"the quote {quote} of claim {claim.id!r} occurs {len(placement.occurrences)}"
            f" times in the snapshot (at offsets {starts})",
            document.location((*path, "exact")),
        )
    elif status is PlacementStatus.OFFSET_MISMATCH:
        actual = placement.occurrences
        hint = (
            f"The quote stands at start: {actual[0].start}, end: {actual[0].end}."
            if len(actual) == 1
            else None
        )
        field = "start" if anchor.start is not None else "end"
        yield rules.finding(
            rules.ANCHOR_OFFSETS,
            f"the offsets of claim {claim.id!r} ({anchor.start}–{anchor.end}) do not select"
            f" its quote {quote}",
            document.location((*path, field)),
            hint=hint,
        )
    else:
        field = "prefix" if anchor.prefix is not None else "suffix"
        yield rules.finding(
            rules.ANCHOR_CONTEXT,
            f"the {field} of claim {claim.id!r} does not surround its quote {quote} in the"
            " snapshot",
            document.location((*path, field)),
        )
