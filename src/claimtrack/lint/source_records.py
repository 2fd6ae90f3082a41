"""F2xx: flags on source records: incomplete bibliographic data, sources nothing cites."""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import ClaimFacts, FileCheck
from claimtrack.lint.source_record_flags import SOURCE_INCOMPLETE, SOURCE_UNUSED
from claimtrack.model import ClaimFile

__all__ = ["CHECKS"]


def source_incomplete(
    document: LoadedDocument, claim_file: ClaimFile, facts: ClaimFacts
) -> Iterator[Finding]:
    """F201."""
    for index, source in enumerate(claim_file.sources):
        missing = []
        if source.issued is None:
            missing.append("a date ('issued')")
        if source.url is None and source.doi is None and source.archive_url is None:
            missing.append("a URL, DOI or archive URL")
        if missing:
            yield rules.finding(
                SOURCE_INCOMPLETE,
                f"source {source.id!r} lacks {' and '.join(missing)}",
                document.location(("sources", index, "id")),
            )


def source_unused(
    document: LoadedDocument, claim_file: ClaimFile, facts: ClaimFacts
) -> Iterator[Finding]:
    """F202."""
    for index, source in enumerate(claim_file.sources):
        if source.id not in facts.cited:
            yield rules.finding(
                SOURCE_UNUSED,
                f"source {source.id!r} is not cited by any claim",
                document.location(("sources", index, "id")),
            )


CHECKS: tuple[FileCheck, ...] = (
    (source_incomplete, (SOURCE_INCOMPLETE,)),
    (source_unused, (SOURCE_UNUSED,)),
)
