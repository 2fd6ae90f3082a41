"""F301, F302, F303: the sign-off flags, and the fingerprint of what was verified."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from claimtrack import rules
from claimtrack._convert import unstructure_claim
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import Check, at_claim, checkworthy
from claimtrack.lint.signoff_flags import (
    CHANGED_AFTER_VERIFICATION,
    SELF_VERIFIED,
    UNVERIFIED_IN_PUBLISHED,
)
from claimtrack.model import Claim, ClaimFile, DocumentState

__all__ = ["CHECKS", "claim_fingerprint"]

#: Fields that are about the record rather than the claim: editing them is no edit of what
#: was verified.
_NOT_CONTENT = ("provenance", "suppress")


def claim_fingerprint(claim: Claim) -> str:
    """``sha256:`` and the SHA-256 of a claim's content as claimtrack writes it (defaults
    left out, keys sorted, UTF-8), provenance and suppressions excepted."""
    data = unstructure_claim(claim)
    for field in _NOT_CONTENT:
        data.pop(field, None)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def unverified_in_published(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F301."""
    if claim_file.document.state is not DocumentState.PUBLISHED:
        return
    for index, claim in checkworthy(claim_file):
        if claim.provenance is None or claim.provenance.verified_by is None:
            yield rules.finding(
                UNVERIFIED_IN_PUBLISHED,
                f"claim {claim.id!r} is check-worthy, in a published document, and nobody"
                " verified it",
                at_claim(document, index),
            )


def self_verified(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F302."""
    if not claim_file.document.four_eyes:
        return
    for index, claim in enumerate(claim_file.claims):
        provenance = claim.provenance
        if provenance is None or provenance.verified_by is None:
            continue
        if provenance.recorded_by is not None and _same(
            provenance.verified_by, provenance.recorded_by
        ):
            yield rules.finding(
                SELF_VERIFIED,
                f"claim {claim.id!r} was verified by {provenance.verified_by!r}, who recorded"
                " it; this document is under four-eyes review",
                at_claim(document, index, "provenance", "verified_by"),
            )


def _same(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def changed_after_verification(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F303."""
    for index, claim in enumerate(claim_file.claims):
        recorded = claim.provenance.verified_fingerprint if claim.provenance else None
        if recorded is not None and recorded != claim_fingerprint(claim):
            who = claim.provenance.verified_by if claim.provenance else None
            by = f" by {who!r}" if who else ""
            yield rules.finding(
                CHANGED_AFTER_VERIFICATION,
                f"claim {claim.id!r} changed after it was verified{by}: its content no longer"
                " matches the recorded fingerprint",
                at_claim(document, index, "provenance", "verified_fingerprint"),
            )


CHECKS: tuple[Check, ...] = (
    (unverified_in_published, (UNVERIFIED_IN_PUBLISHED,)),
    (self_verified, (SELF_VERIFIED,)),
    (changed_after_verification, (CHANGED_AFTER_VERIFICATION,)),
)
