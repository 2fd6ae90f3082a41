"""Claims that several documents make: the links between them, and the groups they form.

Two claims are linked when their files record it (a ``same_as`` link on either claim,
:func:`claimtrack.corpus.links.same_as_pairs`) or when ``claimtrack match`` proposes them
(:func:`claimtrack.corpus.match.propose`). Linked claims form one group however the links
run: if A is linked to B and B to C, A, B and C are one repeated claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from claimtrack.corpus.links import same_as_pairs
from claimtrack.corpus.match import ClaimRef, propose
from claimtrack.model import ClaimFile

__all__ = ["RepeatLink", "group_links", "repeat_links"]


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


def repeat_links(
    files: Sequence[tuple[str, ClaimFile]], *, threshold: float | None
) -> list[RepeatLink]:
    """The links between claims of ``files``: the recorded ``same_as`` links and, unless
    ``threshold`` is None, the matches proposed at that threshold. A link between two
    claims of one file is left out (a file repeating itself is not a corpus repeat)."""
    links: dict[tuple[ClaimRef, ClaimRef], RepeatLink] = {}
    for a, b in same_as_pairs(files):
        if a.path != b.path:
            first, second = _pair(a, b)
            links[first, second] = RepeatLink(claim=first, other=second, accepted=True)
    if threshold is not None:
        claims = ((ClaimRef(path, claim.id), claim) for path, cf in files for claim in cf.claims)
        for proposal in propose(claims, threshold=threshold):
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
