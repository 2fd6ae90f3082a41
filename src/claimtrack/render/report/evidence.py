"""The evidence behind each claim, and the claims behind each source, as every renderer
shows them: which source, of what date, with what stance, backing what, quoting what, and
whether the quote was verified."""

from __future__ import annotations

import attrs

from claimtrack.model import Backs
from claimtrack.render.report.bibliography import BibEntry
from claimtrack.render.report.model import ClaimRow, DocumentReport, Marker
from claimtrack.render.report.verification import verification_label

__all__ = ["Evidence", "backs_text", "citing", "evidence_of"]

_BACKS = {
    Backs.CONTENT: "that it is true",
    Backs.ATTRIBUTION: "that it was said (attribution only)",
    Backs.BOTH: "that it was said and that it is true",
}


@attrs.frozen(kw_only=True)
class Evidence:
    """One citation of a claim, with the source record it points to (None if unknown)."""

    marker: Marker
    entry: BibEntry | None

    @property
    def title(self) -> str:
        """The source's title, or its id when the file does not define it."""
        return self.entry.source.title if self.entry else f"unknown source {self.marker.source_id}"

    @property
    def issued(self) -> str:
        """The source's date, or "undated"."""
        return (self.entry.source.issued if self.entry else None) or "undated"

    @property
    def verification(self) -> str:
        """Whether the quote was verified; "no quote recorded" when there is none."""
        if not self.marker.quote:
            return "no quote recorded"
        return verification_label(self.marker.verification)


def backs_text(backs: Backs) -> str:
    """What a citation is evidence of, in words."""
    return _BACKS[backs]


def evidence_of(doc: DocumentReport, row: ClaimRow) -> tuple[Evidence, ...]:
    """The citations of ``row``, each with its bibliography entry."""
    entries = {entry.number: entry for entry in doc.bibliography}
    return tuple(
        Evidence(
            marker=marker,
            entry=entries.get(marker.number) if marker.number is not None else None,
        )
        for marker in row.markers
    )


def citing(doc: DocumentReport, entry: BibEntry) -> tuple[tuple[ClaimRow, Marker], ...]:
    """Every citation of the source ``entry``, with the claim that makes it, in claim order."""
    return tuple(
        (row, marker)
        for row in doc.claims
        for marker in row.markers
        if marker.number == entry.number
    )
