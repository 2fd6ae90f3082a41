"""Small facts about claims and citations that several flags share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeAlias

import attrs

from claimtrack.findings import Finding, Location
from claimtrack.io.load import LoadedDocument
from claimtrack.model import (
    Backs,
    Citation,
    Claim,
    ClaimFile,
    Likelihood,
    Stance,
    Suppression,
)
from claimtrack.rules import RuleInfo

__all__ = [
    "HIGH_LIKELIHOOD",
    "LIKELY_OR_MORE",
    "LOW_LIKELIHOOD",
    "Check",
    "ClaimFacts",
    "FileCheck",
    "at_claim",
    "backs_attribution",
    "backs_content",
    "checkworthy",
    "supporting",
    "supports_content",
]

#: A flag check and the rules whose findings it can yield (so a check none of whose rules are
#: selected need not run). It looks at each claim on its own (with the file's sources), so
#: any run of the claims may be checked apart from the rest.
Check: TypeAlias = tuple[
    Callable[[LoadedDocument, ClaimFile], Iterator[Finding]], tuple[RuleInfo, ...]
]


@attrs.frozen
class ClaimFacts:
    """What the checks of a file as a whole need to know of its claims: their ids by
    position, the sources they cite, and their suppressions (with each claim's position and
    id). Gathered from any run of the claims, and joined, so runs can be checked apart."""

    ids: tuple[str, ...] = ()
    cited: frozenset[str] = frozenset()
    suppressions: tuple[tuple[int, str, tuple[Suppression, ...]], ...] = ()

    @classmethod
    def of(cls, claims: Sequence[Claim], first: int = 0) -> ClaimFacts:
        """The facts of ``claims``, the first of which is claim number ``first`` of the file."""
        return cls(
            ids=tuple(claim.id for claim in claims),
            cited=frozenset(citation.source for claim in claims for citation in claim.citations),
            suppressions=tuple(
                (first + index, claim.id, claim.suppress)
                for index, claim in enumerate(claims)
                if claim.suppress
            ),
        )

    @classmethod
    def joined(cls, parts: Iterable[ClaimFacts]) -> ClaimFacts:
        """The facts of consecutive runs of claims, in order."""
        parts = list(parts)
        return cls(
            ids=tuple(claim_id for part in parts for claim_id in part.ids),
            cited=frozenset().union(*(part.cited for part in parts)),
            suppressions=tuple(entry for part in parts for entry in part.suppressions),
        )


#: A check of the file as a whole (its sources, and what ``ClaimFacts`` tells of all its
#: claims); the claims of the ``ClaimFile`` it receives may be only some of them, or none.
FileCheck: TypeAlias = tuple[
    Callable[[LoadedDocument, ClaimFile, ClaimFacts], Iterator[Finding]], tuple[RuleInfo, ...]
]

HIGH_LIKELIHOOD = frozenset({Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN})
LOW_LIKELIHOOD = frozenset(
    {Likelihood.UNLIKELY, Likelihood.VERY_UNLIKELY, Likelihood.ALMOST_NO_CHANCE}
)
LIKELY_OR_MORE = frozenset({Likelihood.LIKELY, *HIGH_LIKELIHOOD})


def backs_content(citation: Citation) -> bool:
    """Whether the citation is evidence about the claim's content (not only who said it)."""
    return citation.backs in (Backs.CONTENT, Backs.BOTH)


def backs_attribution(citation: Citation) -> bool:
    """Whether the citation is evidence that the named party really said it."""
    return citation.backs in (Backs.ATTRIBUTION, Backs.BOTH)


def supports_content(claim: Claim) -> list[Citation]:
    """The citations that support the claim's content."""
    return [c for c in claim.citations if c.stance is Stance.SUPPORTS and backs_content(c)]


def supporting(claim: Claim) -> list[Citation]:
    """The citations that support the claim, whatever they back."""
    return [c for c in claim.citations if c.stance is Stance.SUPPORTS]


def disputing(claim: Claim) -> list[Citation]:
    """The citations that dispute the claim."""
    return [c for c in claim.citations if c.stance is Stance.DISPUTES]


def at_claim(document: LoadedDocument, index: int, *rest: str | int) -> Location:
    """The location of a claim (its id) or of a field inside it."""
    return document.location(("claims", index, *rest) if rest else ("claims", index, "id"))


def checkworthy(claim_file: ClaimFile) -> Iterator[tuple[int, Claim]]:
    """The check-worthy claims with their index (opinion needs no source)."""
    for index, claim in enumerate(claim_file.claims):
        if claim.check_worthy:
            yield index, claim
