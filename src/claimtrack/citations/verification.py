"""Whether a citation's quote was checked against a snapshot of its source, in words.

The report shows one verification label per citation. Until a citation carries a
:class:`QuoteVerification` (filled in when sources have snapshots), its label is
"not checked": the report never implies a check that did not happen.
"""

from __future__ import annotations

import attrs

__all__ = ["NOT_CHECKED", "QuoteVerification", "is_failed", "verification_label"]

NOT_CHECKED = "not checked"


@attrs.frozen(kw_only=True)
class QuoteVerification:
    """The outcome of looking for a citation's quote in a snapshot of the source."""

    verified: bool
    snapshot: str | None = None
    checked_on: str | None = None


def verification_label(verification: QuoteVerification | None) -> str:
    """The check in words: "verified against SNAPSHOT on DATE", "not found in SNAPSHOT on
    DATE", or "not checked"."""
    if verification is None:
        return NOT_CHECKED
    words = ["verified against" if verification.verified else "not found in"]
    words.append(verification.snapshot or "the source's snapshot")
    if verification.checked_on:
        words.append(f"on {verification.checked_on}")
    return " ".join(words)


def is_failed(verification: QuoteVerification | None) -> bool:
    """True when the quote was looked for and not found."""
    return verification is not None and not verification.verified
