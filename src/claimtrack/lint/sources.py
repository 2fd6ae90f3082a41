"""F2xx: flags on source records: incomplete bibliographic data, sources nothing cites."""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding, Severity
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import ClaimFacts, FileCheck
from claimtrack.model import ClaimFile
from claimtrack.rules import RuleInfo

__all__ = ["CHECKS"]

SOURCE_INCOMPLETE = rules.register(
    RuleInfo(
        code="F201",
        name="source-incomplete",
        severity=Severity.WARNING,
        summary="A source record has no date, or no URL, DOI or archive URL to find it by.",
        rationale="A reader who cannot find a source cannot check it, and a source without a "
        "date cannot be placed before or after the events it reports.",
        bad_example="""\
- id: nyt-2024-12-07
  type: article-newspaper
  title: Iran's Retreat From Syria
  container_title: The New York Times
""",
        good_example="""\
- id: nyt-2024-12-07
  type: article-newspaper
  title: Iran's Retreat From Syria
  container_title: The New York Times
  issued: 2024-12-07
  url: https://www.nytimes.com/2024/12/07/world/middleeast/iran-syria.html
""",
        hint="Add 'issued' (the publication date, as precisely as known) and a 'url', 'doi' or"
        " 'archive_url'.",
    )
)
SOURCE_UNUSED = rules.register(
    RuleInfo(
        code="F202",
        name="source-unused",
        severity=Severity.WARNING,
        summary="A source record that no claim cites.",
        rationale="An uncited source is usually a citation that was forgotten, or a leftover "
        "after a claim changed; either way the bibliography no longer matches the claims.",
        bad_example="""\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims: []
""",
        good_example="""\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims:
  - id: fall
    text: Assad fled Damascus.
    kind: event
    anchor: {exact: Assad fled}
    dates: [{date: 2024-12-08}]
    citations: [{source: wire-report}]
""",
        hint="Cite the source from the claim it backs, or remove it.",
    )
)


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
