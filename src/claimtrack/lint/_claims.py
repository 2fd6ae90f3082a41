"""Small facts about claims and citations that several flags share."""

from __future__ import annotations

from claimtrack.model import Backs, Citation, Claim, Stance

__all__ = ["backs_attribution", "backs_content", "supporting", "supports_content"]


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
