"""F2xx: flags on source records: incomplete bibliographic data, sources nothing cites."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

from claimtrack import rules
from claimtrack.findings import Finding, Location
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import ClaimFacts, FileCheck
from claimtrack.lint.source_record_flags import SOURCE_INCOMPLETE, SOURCE_UNUSED
from claimtrack.model import ClaimFile, Source

__all__ = ["CHECKS", "shared_source_findings"]


def _incomplete(source: Source, where: Location) -> Iterator[Finding]:
    missing = []
    if source.issued is None:
        missing.append("a date ('issued')")
    if source.url is None and source.doi is None and source.archive_url is None:
        missing.append("a URL, DOI or archive URL")
    if missing:
        yield rules.finding(
            SOURCE_INCOMPLETE, f"source {source.id!r} lacks {' and '.join(missing)}", where
        )


def source_incomplete(
    document: LoadedDocument, claim_file: ClaimFile, facts: ClaimFacts
) -> Iterator[Finding]:
    """F201."""
    for index, source in enumerate(claim_file.sources):
        yield from _incomplete(source, document.location(("sources", index, "id")))


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


def shared_source_findings(
    sources: Iterable[tuple[Source, Location]], cited: Container[str] | None
) -> Iterator[Finding]:
    """F201 and F202 for the shared source library's records, each given with the place of
    its id in its library file; each is judged once, there, not in every file that cites
    it. ``cited`` are the ids the checked claim files cite, None when the run does not
    cover every file the library serves (so no shared source is called unused)."""
    for source, where in sources:
        yield from _incomplete(source, where)
        if cited is not None and source.id not in cited:
            yield rules.finding(
                SOURCE_UNUSED,
                f"shared source {source.id!r} is not cited by any claim of the checked files",
                where,
                hint="Cite it from the claim it backs, or remove it from the library.",
            )


CHECKS: tuple[FileCheck, ...] = (
    (source_incomplete, (SOURCE_INCOMPLETE,)),
    (source_unused, (SOURCE_UNUSED,)),
)
