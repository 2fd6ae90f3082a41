"""A corpus read for matching, one claim file at a time.

Matching compares every claim with the others, so what it keeps of each claim (its
features) is kept for the whole corpus; the files themselves (bytes, parsed text, records)
are not: each is let go before the next is read. Only ``match --accept`` reads again the
files it rewrites.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimtrack.corpus.match import ClaimRef, MatchIndex
from claimtrack.corpus.members import load_members
from claimtrack.findings import Finding
from claimtrack.io.limits import Limits

__all__ = ["Scanned", "scan"]


@attrs.define
class Scanned:
    """What matching needs of a corpus: each claim's features, which file holds which
    document id, the ``same_as`` links the files record, how many files loaded, and the
    findings of those that did not."""

    index: MatchIndex = attrs.field(factory=MatchIndex)
    documents: dict[str, str] = attrs.field(factory=dict)  # document id → path
    links: list[tuple[str, str, str, str]] = attrs.field(factory=list)
    files: int = 0
    problems: list[Finding] = attrs.field(factory=list)

    def recorded(self) -> list[tuple[ClaimRef, ClaimRef]]:
        """The ``same_as`` links recorded, as pairs of claims (links naming a document the
        corpus does not hold are left out), as
        :func:`claimtrack.corpus.links.recorded_links` gives them."""
        pairs = []
        for path, claim_id, document, other_claim in self.links:
            other = self.documents.get(document)
            if other is not None:
                pairs.append((ClaimRef(path, claim_id), ClaimRef(other, other_claim)))
        return pairs


def scan(names: Iterable[str], limits: Limits | None = None) -> Scanned:
    """Read each named claim file in turn (within ``limits``: default the input limits),
    keep what matching needs of it, and let it go."""
    scanned = Scanned()
    for name in names:
        loaded = load_members([name], limits)
        scanned.problems.extend(loaded.problems)
        for member in loaded.members:
            scanned.files += 1
            claim_file = member.claim_file
            scanned.documents[claim_file.document.id] = member.path  # the last one wins
            for claim in claim_file.claims:
                scanned.index.add(ClaimRef(member.path, claim.id), claim)
                scanned.links.extend(
                    (member.path, claim.id, link.document, link.claim) for link in claim.same_as
                )
        del loaded
    return scanned
