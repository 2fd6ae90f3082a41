"""Claims that several documents make: the links between them, and the groups they form.

Two claims are linked when their files record it (a ``same_as`` link on either claim, as
:func:`claimtrack.corpus.links.same_as_pairs` reads them) or when ``claimtrack match``
proposes them (:func:`claimtrack.corpus.match.propose`). Linked claims form one group
however the links run: if A is linked to B and B to C, A, B and C are one repeated claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from claimtrack.corpus.match import ClaimRef, MatchIndex
from claimtrack.model import ClaimFile

__all__ = ["RepeatIndex", "RepeatLink", "group_links", "repeat_links"]


@attrs.frozen(kw_only=True)
class RepeatLink:
    """Two claims of different files that are the same claim: recorded in the files
    (``accepted``), proposed by matching (with its ``score`` and ``reason``), or both."""

    claim: ClaimRef
    other: ClaimRef
    accepted: bool
    score: float | None = None
    reason: str | None = None

    @property
    def how(self) -> str:
        """How the link is known, in words."""
        if self.accepted and self.score is not None:
            return f"recorded as same_as; matching agrees (score {self.score:.2f})"
        if self.accepted:
            return "recorded as same_as"
        return f"proposed by matching (score {self.score:.2f}: {self.reason})"


def _pair(a: ClaimRef, b: ClaimRef) -> tuple[ClaimRef, ClaimRef]:
    first, second = sorted((a, b), key=lambda ref: (ref.path, ref.claim_id))
    return first, second


class RepeatIndex:
    """The files of a corpus taken in one at a time, to give the links between their
    claims once all are in (see :func:`repeat_links`). Only each claim's ``same_as`` links
    and, unless ``threshold`` is None, its matching features are kept, not the files."""

    def __init__(self, *, threshold: float | None) -> None:
        self._threshold = threshold
        self._match = MatchIndex() if threshold is not None else None
        self._documents: dict[str, str] = {}
        self._same_as: list[tuple[ClaimRef, str, str]] = []

    def add(self, path: str, claim_file: ClaimFile) -> None:
        """Take in the records of the claim file ``path``."""
        self._documents[claim_file.document.id] = path
        for claim in claim_file.claims:
            ref = ClaimRef(path, claim.id)
            self._same_as.extend((ref, link.document, link.claim) for link in claim.same_as)
            if self._match is not None:
                self._match.add(ref, claim)

    def links(self) -> list[RepeatLink]:
        """The links between the claims of the files taken in (see :func:`repeat_links`)."""
        links: dict[tuple[ClaimRef, ClaimRef], RepeatLink] = {}
        for a, document, claim_id in self._same_as:
            other = self._documents.get(document)
            if other is not None and a.path != other:
                first, second = _pair(a, ClaimRef(other, claim_id))
                links[first, second] = RepeatLink(claim=first, other=second, accepted=True)
        if self._match is not None and self._threshold is not None:
            for proposal in self._match.propose(threshold=self._threshold):
                key = _pair(proposal.claim, proposal.other)
                known = links.get(key)
                links[key] = RepeatLink(
                    claim=key[0],
                    other=key[1],
                    accepted=known is not None,
                    score=proposal.score,
                    reason=proposal.reason,
                )
        return sorted(links.values(), key=lambda link: (link.claim.path, link.claim.claim_id))


def repeat_links(
    files: Sequence[tuple[str, ClaimFile]], *, threshold: float | None
) -> list[RepeatLink]:
    """The links between claims of ``files``: the recorded ``same_as`` links and, unless
    ``threshold`` is None, the matches proposed at that threshold. A link between two
    claims of one file is left out (a file repeating itself is not a corpus repeat)."""
    index = RepeatIndex(threshold=threshold)
    for path, claim_file in files:
        index.add(path, claim_file)
    return index.links()


def group_links(links: Iterable[RepeatLink]) -> list[tuple[set[ClaimRef], list[RepeatLink]]]:
    """The groups of claims the links connect, each with its links (union–find)."""
    parent: dict[ClaimRef, ClaimRef] = {}

    def root(ref: ClaimRef) -> ClaimRef:
        parent.setdefault(ref, ref)
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    kept = list(links)
    for link in kept:
        parent[root(link.claim)] = root(link.other)
    members: dict[ClaimRef, set[ClaimRef]] = {}
    grouped: dict[ClaimRef, list[RepeatLink]] = {}
    for link in kept:
        top = root(link.claim)
        members.setdefault(top, set()).update((link.claim, link.other))
        grouped.setdefault(top, []).append(link)
    return [(members[top], grouped[top]) for top in members]
