"""``claimtrack anchor --rehash``: record the snapshot's SHA-256 after an intended edit.

A snapshot fixed by hand (a typo, a paragraph the article added) no longer matches the hash
recorded beside it, and every check says so (E212) until the new hash is recorded. Rehashing
writes only that one value, keeping the claim file's comments and layout; the anchors are
verified against the edited text at the same time, so a quote the edit broke is reported
rather than hidden by the new hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.io.roundtrip import Change
from claimtrack.model import ClaimFile, Snapshot

if TYPE_CHECKING:
    from claimtrack.reanchor import AnchorPlan

__all__ = ["plan_rehash"]


def plan_rehash(
    document: LoadedDocument,
    claim_file: ClaimFile,
    recorded: Snapshot,
    current_sha256: str,
    findings: Sequence[Finding],
    common: AnchorPlan,
) -> AnchorPlan:
    """The plan that records ``current_sha256``, the snapshot file's hash as read now; the
    hash-mismatch finding it resolves is dropped, the anchors' findings against the edited
    text are kept."""
    from claimtrack.reanchor import _finish, _verified

    left = [finding for finding in findings if finding.code != rules.SNAPSHOT_HASH.code]
    plan = attrs.evolve(
        common,
        findings=tuple(left),
        outcomes=_verified(document, claim_file, left),
        hash_updated=current_sha256 != recorded.sha256,
    )
    if not plan.hash_updated:
        return plan
    return _finish(document, [Change(("document", "snapshot", "sha256"), current_sha256)], plan)
