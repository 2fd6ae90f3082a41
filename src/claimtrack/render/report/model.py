"""The data of a citation report, computed once from check results.

Renderers (Markdown, HTML, JSON, CSV) only format what :func:`build_report` computed: the
document headers, coverage figures, claim rows with citation markers and sourcing states, the
findings, and the numbered bibliography.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from claimtrack.anchor import Match, locate, normalize
from claimtrack.findings import Finding
from claimtrack.io.source_snapshot import SourceText
from claimtrack.model import Backs, Claim, ClaimFile, Stance
from claimtrack.render.report.bibliography import BibEntry, number_sources
from claimtrack.render.report.state import SourcingState, sourcing_state
from claimtrack.render.report.summary import CoverageFigures, coverage, merge
from claimtrack.render.report.verification import QuoteCheck, quote_checks
from claimtrack.results import FileResult

__all__ = ["ClaimRow", "DocumentReport", "Marker", "Report", "build_report", "document_report"]


@attrs.frozen(kw_only=True)
class Marker:
    """A citation as the claims table shows it: the bibliography number and what it backs."""

    number: int | None
    source_id: str
    stance: Stance
    backs: Backs
    locator: str | None = None
    quote: str | None = None
    #: The quote checked against the source's snapshot; None when the source has none.
    verification: QuoteCheck | None = None

    @property
    def label(self) -> str:
        """``[3]``, or ``[?id]`` for a source the file does not define."""
        return f"[{self.number}]" if self.number is not None else f"[?{self.source_id}]"

    @property
    def note(self) -> str:
        """What the citation does, when it is not plain support of the content."""
        words = []
        if self.stance is not Stance.SUPPORTS:
            words.append(str(self.stance))
        if self.backs is Backs.ATTRIBUTION:
            words.append("attribution only")
        elif self.backs is Backs.BOTH:
            words.append("content and attribution")
        if self.locator:
            words.append(self.locator)
        if self.verification is not None:
            words.append(self.verification.note)
        return ", ".join(words)


@attrs.frozen(kw_only=True)
class ClaimRow:
    """One claim as the report shows it."""

    number: int
    claim: Claim
    state: SourcingState
    markers: tuple[Marker, ...]
    placement: Match | None
    flags: tuple[Finding, ...]


@attrs.frozen(kw_only=True)
class DocumentReport:
    """The report of one claim file (``claim_file`` is None when it could not be loaded)."""

    index: int
    path: str
    claim_file: ClaimFile | None
    text: str | None
    text_problem: str | None
    coverage: CoverageFigures
    claims: tuple[ClaimRow, ...]
    findings: tuple[Finding, ...]
    bibliography: tuple[BibEntry, ...]
    #: The SHA-256 of the snapshot bytes ``text`` was read from (None without ``text``).
    text_sha256: str | None = None

    @property
    def title(self) -> str:
        """The document's title, or the file name when it could not be loaded."""
        return self.claim_file.document.title if self.claim_file else self.path


@attrs.frozen(kw_only=True)
class Report:
    """A whole report: one entry per claim file, and the figures added up."""

    documents: tuple[DocumentReport, ...]
    summary: CoverageFigures


def _text_of(result: FileResult) -> tuple[str | None, str | None]:
    claim_file = result.claim_file
    if claim_file is None:
        return None, None
    if claim_file.document.snapshot is None:
        return None, "the claim file records no snapshot of the document text"
    snapshot = result.snapshot
    if snapshot is None:
        return None, "the document snapshot was not read"
    if snapshot.text is None:
        return None, f"the document snapshot cannot be read: {snapshot.problem}"
    return normalize(snapshot.text), None


def _rows(
    claim_file: ClaimFile,
    text: str | None,
    bibliography: tuple[BibEntry, ...],
    findings: Sequence[Finding],
    file_path: Path | None = None,
    snapshots: Sequence[SourceText] | None = None,
) -> tuple[ClaimRow, ...]:
    numbers = {entry.source.id: entry.number for entry in bibliography}
    checks = quote_checks(claim_file, file_path, snapshots)
    flags: dict[str | None, list[Finding]] = {}
    for finding in findings:  # once, not once per claim
        flags.setdefault(finding.location.claim_id, []).append(finding)
    rows = []
    for number, claim in enumerate(claim_file.claims, start=1):
        markers = tuple(
            Marker(
                number=numbers.get(citation.source),
                source_id=citation.source,
                stance=citation.stance,
                backs=citation.backs,
                locator=citation.locator,
                quote=citation.quote,
                verification=checks.get((number - 1, position)),
            )
            for position, citation in enumerate(claim.citations)
        )
        rows.append(
            ClaimRow(
                number=number,
                claim=claim,
                state=sourcing_state(claim),
                markers=markers,
                placement=locate(text, claim.anchor) if text is not None else None,
                flags=tuple(flags.get(claim.id, ())),
            )
        )
    return tuple(rows)


def _file_path(result: FileResult) -> Path | None:
    """Where the claim file is (source snapshot paths are relative to it)."""
    if result.document is not None:
        return result.document.file_path
    return None if result.path.startswith("<") else Path(result.path)


def document_report(index: int, result: FileResult) -> DocumentReport:
    """The report data of one checked claim file, numbered ``index`` (from 1) in its
    report; :func:`build_report` is this for each file, with the figures added up. A caller
    that handles one file at a time (the SQLite export) builds each with this."""
    claim_file = result.claim_file
    text, problem = _text_of(result)
    if claim_file is None:
        return DocumentReport(
            index=index,
            path=result.path,
            claim_file=None,
            text=None,
            text_problem=None,
            coverage=coverage((), result.findings),
            claims=(),
            findings=result.findings,
            bibliography=(),
        )
    bibliography = number_sources(claim_file.sources, claim_file.claims)
    return DocumentReport(
        index=index,
        path=result.path,
        claim_file=claim_file,
        text=text,
        text_problem=problem,
        coverage=coverage(claim_file.claims, result.findings),
        claims=_rows(
            claim_file,
            text,
            bibliography,
            result.findings,
            _file_path(result),
            result.source_snapshots,
        ),
        findings=result.findings,
        bibliography=bibliography,
        text_sha256=result.snapshot.sha256 if text is not None and result.snapshot else None,
    )


def build_report(results: Sequence[FileResult]) -> Report:
    """The report data of checked claim files, in the order given."""
    documents = tuple(
        document_report(index, result) for index, result in enumerate(results, start=1)
    )
    return Report(documents=documents, summary=merge([doc.coverage for doc in documents]))
