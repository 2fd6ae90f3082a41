"""What the report says of each citation's quote: verified against the source's snapshot
(how, and against which snapshot of what date), not found in it, or not checked and why.

A citation whose source has no snapshot carries no :class:`QuoteCheck`; its label is
"not checked", so the report never implies a check that did not happen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from claimtrack.io.source_snapshot import SourceText, read_source_snapshots
from claimtrack.lint.verify import MatchKind, SnapshotIndex, seek_quote
from claimtrack.model import ClaimFile, Coverage

__all__ = ["NOT_CHECKED", "QuoteCheck", "is_failed", "quote_checks", "verification_label"]

UNCHECKED = "unchecked"
NOT_CHECKED = "not checked"


@attrs.frozen(kw_only=True)
class QuoteCheck:
    """The verification of one citation's quote against its source's snapshot.

    ``result`` is a :class:`~claimtrack.lint.verify.MatchKind` value, or ``"unchecked"`` when the
    snapshot could not be used (``problem`` says why); ``score`` is the similarity of the
    passage found (or of the closest one, for a quote not found)."""

    result: str
    snapshot: str
    sha256: str
    coverage: Coverage
    retrieved: str | None = None
    score: float | None = None
    passage: str | None = None
    problem: str | None = None

    @property
    def verified(self) -> bool:
        """Whether the quote was found in the snapshot."""
        return self.result in (MatchKind.EXACT, MatchKind.NORMALISED, MatchKind.FUZZY)

    @property
    def note(self) -> str:
        """A few plain words for a citation marker."""
        of = f"snapshot of {self.retrieved[:10]}" if self.retrieved else "snapshot"
        if self.coverage is Coverage.EXCERPT:
            of = f"excerpt {of}"
        if self.result == UNCHECKED:
            return f"quote not checked: {self.problem}"
        if self.result == MatchKind.EXACT:
            return f"quote verified in {of}"
        if self.verified:
            return f"quote verified ({self.result}, {self.score or 0:.2f}) in {of}"
        return f"quote NOT in {of}"


def verification_label(check: QuoteCheck | None) -> str:
    """The check in words, naming the snapshot and its date: "verified against PATH
    (excerpt, retrieved DATE)", "not found in PATH …", "not checked: why", or "not checked"
    when the source has no snapshot."""
    if check is None:
        return NOT_CHECKED
    if check.result == UNCHECKED:
        return f"{NOT_CHECKED}: {check.problem}" if check.problem else NOT_CHECKED
    details = []
    if check.coverage is Coverage.EXCERPT:
        details.append("excerpt")
    if check.retrieved:
        details.append(f"retrieved {check.retrieved[:10]}")
    where = check.snapshot + (f" ({', '.join(details)})" if details else "")
    if check.result == MatchKind.EXACT:
        return f"verified against {where}"
    if check.verified:
        score = check.score or 0
        return f"verified against {where} after {check.result} matching, score {score:.2f}"
    closest = f"; the closest passage scores {check.score:.2f}" if check.score is not None else ""
    return f"not found in {where}{closest}"


def is_failed(check: QuoteCheck | None) -> bool:
    """True when the quote was looked for in a snapshot and not found."""
    return check is not None and check.result != UNCHECKED and not check.verified


def quote_checks(
    claim_file: ClaimFile,
    file_path: Path | None,
    snapshots: Sequence[SourceText] | None = None,
) -> dict[tuple[int, int], QuoteCheck]:
    """The check of every citation quote whose source has a snapshot, by claim and citation
    position; ``file_path`` is the claim file's (snapshot paths are relative to it).
    ``snapshots`` holds the snapshots as the file's check read them (held to its project folder
    and input limit); when None, they are read here, held to the project folder found
    above the claim file."""
    quoted = {c.source for claim in claim_file.claims for c in claim.citations if c.quote}
    wanted = [s for s in claim_file.sources if s.id in quoted and s.snapshot is not None]
    if not wanted:
        return {}
    if snapshots is None:
        texts = read_source_snapshots(wanted, file_path)
    else:
        texts = {item.source.id: item for item in snapshots if item.source.id in quoted}
    checks: dict[tuple[int, int], QuoteCheck] = {}
    indexes: dict[str, SnapshotIndex] = {}
    for index, claim in enumerate(claim_file.claims):
        for number, citation in enumerate(claim.citations):
            read = texts.get(citation.source)
            snapshot = read.source.snapshot if read is not None else None
            if citation.quote is None or read is None or snapshot is None:
                continue
            base = QuoteCheck(
                result=UNCHECKED,
                snapshot=snapshot.path,
                sha256=snapshot.sha256,
                coverage=snapshot.coverage,
                retrieved=snapshot.retrieved,
                problem=read.problem,
            )
            if read.text is None:
                checks[index, number] = base
                continue
            if citation.source not in indexes:
                indexes[citation.source] = SnapshotIndex(read.text)
            match = seek_quote(indexes[citation.source], citation.quote)
            checks[index, number] = attrs.evolve(
                base,
                result=str(match.kind),
                score=round(match.score, 4),
                passage=match.passage,
            )
    return checks
