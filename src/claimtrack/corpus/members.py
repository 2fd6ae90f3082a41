"""The claim files of a corpus, loaded for the commands that look across documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from claimtrack._api import to_model
from claimtrack.errors import LoadError
from claimtrack.findings import Finding
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument, load_bytes, read_bytes
from claimtrack.model import Claim, ClaimFile

__all__ = ["Loaded", "Member", "claims_of", "load_members"]


@attrs.frozen(kw_only=True)
class Member:
    """A claim file of the corpus: its name, its bytes as read, its parsed text and its
    records."""

    path: str
    original: bytes
    document: LoadedDocument
    claim_file: ClaimFile


@attrs.frozen(kw_only=True)
class Loaded:
    """The files that loaded, and the findings of those that did not."""

    members: tuple[Member, ...]
    problems: tuple[Finding, ...]


def load_members(names: Iterable[str], limits: Limits | None = None) -> Loaded:
    """Load each named claim file into records, within ``limits`` (default: the input
    limits); a file that cannot be read or is not schema-valid gives its findings instead."""
    members = []
    problems: list[Finding] = []
    for name in names:
        try:
            # Only a regular file, within the input limit: a pipe must not block the run.
            original = read_bytes(name, name=name, limits=limits)
            document = load_bytes(original, name, limits=limits, file_path=Path(name))
            claim_file = to_model(document)
        except LoadError as error:
            problems.extend(error.findings)
            continue
        members.append(
            Member(path=name, original=original, document=document, claim_file=claim_file)
        )
    return Loaded(members=tuple(members), problems=tuple(problems))


def claims_of(members: Iterable[Member]) -> Iterator[tuple[str, Claim]]:
    """Every claim of the corpus with the file it is in."""
    for member in members:
        for claim in member.claim_file.claims:
            yield member.path, claim
