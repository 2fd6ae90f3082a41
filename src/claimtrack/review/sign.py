"""Recording a sign-off: who verified which claims, when, and a fingerprint of what they
verified, written into the claims' provenance by the lossless rewrite (every other byte of
the file kept), atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimtrack._api import to_model
from claimtrack.errors import ClaimtrackError
from claimtrack.io.atomic import replace_if_unchanged
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument, load_bytes, read_bytes
from claimtrack.io.names import display_name
from claimtrack.io.roundtrip import Change, Writer, rewrite
from claimtrack.lint.signoff import claim_fingerprint
from claimtrack.model import TIMESTAMP_PATTERN
from claimtrack.patterns import ecma_regex

__all__ = ["SignError", "SignOff", "plan_signoff", "prepare", "record", "sign"]


class SignError(ClaimtrackError, ValueError):
    """A sign-off that cannot be recorded: an unknown claim, a bad name or time."""


@attrs.frozen(kw_only=True)
class SignOff:
    """A sign-off worked out for one file: its new text, which claims it signs, and the
    writer the rewrite used."""

    path: str
    claim_ids: tuple[str, ...]
    text: str
    method: Writer
    #: The bytes the file held when the sign-off was worked out (empty when planned from a
    #: document): it is written only if it still holds them.
    original: bytes = b""


def plan_signoff(document: LoadedDocument, claim_ids: Sequence[str], by: str, at: str) -> SignOff:
    """The file's text with each named claim signed off by ``by`` at ``at`` (an ISO 8601
    timestamp): ``verified_by``, ``verified_at`` and ``verified_fingerprint`` set in its
    provenance. Raises SignError for a claim the file does not have, LoadError for a file
    that does not follow the schema, RewriteError if it cannot be rewritten losslessly."""
    if not by.strip():
        raise SignError("the name of who signs off is empty; give --by NAME")
    if ecma_regex(TIMESTAMP_PATTERN).search(at) is None:
        raise SignError(f"{at!r} is not an ISO 8601 date or date-time")
    claim_file = to_model(document)
    index = {claim.id: number for number, claim in enumerate(claim_file.claims)}
    missing = [claim_id for claim_id in claim_ids if claim_id not in index]
    if missing:
        raise SignError(f"{document.path}: no claim with id {missing[0]!r}")
    changes: list[Change] = []
    for claim_id in dict.fromkeys(claim_ids):
        number = index[claim_id]
        claim = claim_file.claims[number]
        values = {
            "verified_by": by,
            "verified_at": at,
            "verified_fingerprint": claim_fingerprint(claim),
        }
        data = document.data["claims"][number]
        if isinstance(data.get("provenance"), dict):
            changes += [
                Change(("claims", number, "provenance", key), value)
                for key, value in values.items()
            ]
        else:
            changes.append(Change(("claims", number, "provenance"), values))
    result = rewrite(document, changes)
    return SignOff(
        path=document.path,
        claim_ids=tuple(dict.fromkeys(claim_ids)),
        text=result.text,
        method=result.method,
    )


def sign(
    path: str | os.PathLike[str],
    claim_ids: Sequence[str],
    by: str,
    at: str,
    *,
    limits: Limits | None = None,
) -> SignOff:
    """Sign off claims of the file at ``path`` (see :func:`prepare`) and write it (see
    :func:`record`)."""
    plan = prepare(path, claim_ids, by, at, limits=limits)
    record(plan, path)
    return plan


def prepare(
    path: str | os.PathLike[str],
    claim_ids: Sequence[str],
    by: str,
    at: str,
    *,
    limits: Limits | None = None,
) -> SignOff:
    """The sign-off of claims of the file at ``path`` (see :func:`plan_signoff`), read
    within ``limits`` (default: the input limits); nothing is written."""
    original = read_bytes(path, name=display_name(path), limits=limits)
    document = load_bytes(original, display_name(path), limits=limits, file_path=Path(path))
    return attrs.evolve(plan_signoff(document, claim_ids, by, at), original=original)


def record(plan: SignOff, path: str | os.PathLike[str]) -> None:
    """Write a prepared sign-off to ``path`` atomically, keeping its mode, unless the file
    changed since it was read (:class:`~claimtrack.errors.FileChangedError`)."""
    if plan.method is not Writer.NONE:
        replace_if_unchanged(path, plan.original, plan.text)
