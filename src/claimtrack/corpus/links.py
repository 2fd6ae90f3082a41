"""Recording accepted matches as ``same_as`` links, by a lossless rewrite of each claim file.

A link is written on both claims: each names the other document's ``document.id`` and the
other claim's id. Links already recorded are kept; nothing else in the files changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimtrack.corpus.match import ClaimRef, Proposal
from claimtrack.corpus.members import Member
from claimtrack.errors import ClaimtrackError
from claimtrack.io.atomic import replace_if_unchanged
from claimtrack.io.roundtrip import Change, RewriteError, rewrite
from claimtrack.model import ClaimFile, ClaimLink

__all__ = ["LinkPlan", "apply_links", "plan_links", "recorded_links", "same_as_pairs"]


@attrs.frozen(kw_only=True)
class LinkPlan:
    """The new text of one claim file and how many links it gains."""

    path: str
    original: bytes
    text: str
    added: int


def recorded_links(members: Sequence[Member]) -> list[tuple[ClaimRef, ClaimRef]]:
    """The ``same_as`` links the files already record, as pairs of claims (links naming a
    document or claim the corpus does not hold are left out)."""
    return same_as_pairs([(member.path, member.claim_file) for member in members])


def same_as_pairs(files: Sequence[tuple[str, ClaimFile]]) -> list[tuple[ClaimRef, ClaimRef]]:
    """The ``same_as`` links recorded in ``files`` (each a path and its records), as pairs
    of claims; links naming a document the files do not hold are left out."""
    by_document = {claim_file.document.id: path for path, claim_file in files}
    pairs = []
    for path, claim_file in files:
        for claim in claim_file.claims:
            for link in claim.same_as:
                other = by_document.get(link.document)
                if other is not None:
                    pairs.append((ClaimRef(path, claim.id), ClaimRef(other, link.claim)))
    return pairs


def _link_value(links: Sequence[ClaimLink]) -> list[dict[str, str]]:
    return [{"document": link.document, "claim": link.claim} for link in links]


def plan_links(members: Sequence[Member], proposals: Sequence[Proposal]) -> list[LinkPlan]:
    """The rewrites that record ``proposals`` on both of their claims."""
    by_path = {member.path: member for member in members}
    wanted: dict[str, dict[str, list[ClaimLink]]] = defaultdict(lambda: defaultdict(list))
    for proposal in proposals:
        for here, there in ((proposal.claim, proposal.other), (proposal.other, proposal.claim)):
            other_document = by_path[there.path].claim_file.document.id
            wanted[here.path][here.claim_id].append(
                ClaimLink(document=other_document, claim=there.claim_id)
            )
    plans = []
    for path, claims in sorted(wanted.items()):
        member = by_path[path]
        changes = []
        added = 0
        for index, claim in enumerate(member.claim_file.claims):
            new = [link for link in claims.get(claim.id, ()) if link not in claim.same_as]
            new = list(dict.fromkeys(new))
            if not new:
                continue
            added += len(new)
            value = _link_value([*claim.same_as, *new])
            changes.append(Change(("claims", index, "same_as"), value))
        if not changes:
            continue
        try:
            result = rewrite(member.document, changes)
        except RewriteError as error:
            raise ClaimtrackError(str(error)) from None
        plans.append(
            LinkPlan(
                path=path,
                original=member.original,
                text=result.text,
                added=added,
            )
        )
    return plans


def apply_links(plans: Sequence[LinkPlan]) -> list[tuple[LinkPlan, str]]:
    """Write each plan atomically, unless its file changed since it was read; the plans that
    could not be written, with why."""
    failed = []
    for plan in plans:
        try:
            replace_if_unchanged(Path(plan.path), plan.original, plan.text)
        except ClaimtrackError as error:
            failed.append((plan, str(error)))
        except OSError as error:
            failed.append((plan, f"cannot be written: {error.strerror or error}"))
    return failed
