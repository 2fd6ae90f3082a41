"""The rows of the SQLite export: each record of a document report as one tuple per table.

Every table's columns are fixed here, in one tuple per table, so a row is built as a plain
tuple (no mapping per row) and a table's rows go to the database in one ``executemany``.
Rows are numbered here, not by the database, so a foreign key is known before anything is
inserted, and rows are held only until :data:`_FLUSH_ROWS` of them wait: the export of any
number of documents holds a bounded number of rows, however many it has written.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from typing import Any, Protocol

from claimtrack.findings import Finding
from claimtrack.model import Claim, ClaimFile, Provenance, Source, When
from claimtrack.render.report.state import SourcingState, sourcing_state

__all__ = ["COLUMNS", "ExportedFile", "RowWriter"]


class ExportedFile(Protocol):
    """What the database holds of one claim file: its path, its records (None when it
    could not be loaded) and its findings. A check result
    (:class:`~claimtrack.results.FileResult`) is one, and so is a report's
    :class:`~claimtrack.render.report.model.DocumentReport`; both give the same rows, and a
    check result needs no report made first."""

    @property
    def path(self) -> str: ...

    @property
    def claim_file(self) -> ClaimFile | None: ...

    @property
    def findings(self) -> tuple[Finding, ...]: ...


#: Each table's columns after ``id``, in the order its rows list them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "path",
        "document_id",
        "title",
        "authors",
        "publisher",
        "container_title",
        "published",
        "url",
        "language",
        "snapshot_path",
        "snapshot_sha256",
        "loaded",
        "claims",
        "check_worthy",
        "check_worthy_cited",
        "errors",
        "warnings",
        "notes",
    ),
    "sources": (
        "document",
        "source_id",
        "type",
        "title",
        "authors",
        "container_title",
        "publisher",
        "issued",
        "url",
        "doi",
        "accessed",
        "archive_url",
        "language",
        "reliability",
        "is_primary",
        "notes",
    ),
    "claims": (
        "document",
        "claim_id",
        "number",
        "text",
        "kind",
        "check_worthy",
        "status",
        "sourcing_state",
        "citations",
        "anchor_exact",
        "anchor_start",
        "anchor_end",
        "specificity",
        "asserted_by",
        "reported_by",
        "hedges",
        "likelihood",
        "analytic_confidence",
        "rationale",
        "credibility",
        "quotes",
        "notes",
        "tags",
    ),
    "citations": (
        "claim",
        "source",
        "source_id",
        "position",
        "stance",
        "backs",
        "locator",
        "quote",
    ),
    "quantities": (
        "claim",
        "position",
        "value",
        "low",
        "high",
        "lower_bound",
        "upper_bound",
        "unit",
        "currency",
        "text",
        "approximate",
    ),
    "dates": ("claim", "position", "date", "start", "end", "text", "label", "approximate"),
    "entities": ("claim", "position", "name", "type", "role", "wikidata"),
    "findings": (
        "document",
        "claim",
        "code",
        "name",
        "severity",
        "message",
        "hint",
        "line",
        "column",
        "pointer",
    ),
    "provenance": (
        "document",
        "subject",
        "source",
        "claim",
        "citation",
        "recorded_by",
        "recorded_at",
        "method",
        "tool",
        "tool_version",
        "reviewed_by",
        "reviewed_at",
        "verified_by",
        "verified_at",
    ),
}

#: How many rows wait in memory, all tables together, before they are inserted.
_FLUSH_ROWS = 20_000

#: What a missing value is bound as. SQLite stores a NaN as NULL (``sqlite3_bind_double``
#: turns it into one), and the driver binds a float directly, where ``None`` goes through its
#: adapter lookup (a key built, a registry searched, two attributes looked up) for every
#: value. A third of the values of a typical export are missing, and binding them as NaN
#: made inserting the rows 40% quicker (see docs/performance.md). No value of ours is a NaN
#: (the loaders refuse one), and one would be stored as NULL either way.
NULL = math.nan


def _insert(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{name}"' for name in ("id", *columns))
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 (fixed names)


_INSERTS = {table: _insert(table, columns) for table, columns in COLUMNS.items()}


def _names(names: Iterable[Any]) -> str | None:
    joined = "; ".join(name.display() for name in names)
    return joined or None


def _lines(values: Iterable[str | None]) -> str | None:
    joined = "\n".join(value for value in values if value)
    return joined or None


def _text(value: object | None) -> str | None:
    # An enum bound as itself costs SQLite's adapter lookup on every row; its str does not.
    return None if value is None else str(value)


def _when_text(when: When | None) -> str | None:
    if when is None:
        return None
    if when.date is not None:
        return str(when.date)
    return "/".join(part or ".." for part in (when.start, when.end))


#: The whole numbers SQLite stores as integers (64-bit).
_INTEGERS = range(-(2**63), 2**63)


def _storable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """``row`` with each whole number beyond SQLite's integers as the real number SQLite
    itself makes of such a literal (infinite past a float's range): a file may hold any
    whole number, and the database driver refuses to bind one that does not fit."""
    return tuple(
        _real(value) if value.__class__ is int and value not in _INTEGERS else value
        for value in row
    )


def _real(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf  # copysign would convert it too


class RowWriter:
    """Turns document reports into rows and inserts them, a bounded batch at a time.

    Enum values are bound as plain strings (a ``str`` subclass would go through the
    driver's adapter lookup, row after row). ``claim_rows`` maps (path, claim id) to the
    claim's row, for the matches inserted once every document is in.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.claim_rows: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self._rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        self._waiting = 0

    def _add(self, table: str, row: tuple[Any, ...]) -> int:
        """Queue one row (without its id); its id."""
        row_id = self.counts[table] + 1
        self.counts[table] = row_id
        self._rows[table].append((row_id, *[NULL if value is None else value for value in row]))
        return row_id

    def flush(self) -> None:
        """Insert every row waiting, one ``executemany`` per table."""
        for table, rows in self._rows.items():
            if rows:
                try:
                    self.db.executemany(_INSERTS[table], rows)
                except OverflowError:  # a whole number beyond SQLite's (rare: look only now)
                    self.db.execute(f"DELETE FROM {table} WHERE id >= ?", (rows[0][0],))  # noqa: S608
                    self.db.executemany(_INSERTS[table], [_storable(row) for row in rows])
                rows.clear()
        self._waiting = 0

    def document(self, report: ExportedFile) -> None:
        """Queue the rows of one document: the document, its sources, claims (with their
        citations, quantities, dates and entities), findings and provenance."""
        before = sum(self.counts.values())
        claim_file = report.claim_file
        findings = report.findings
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = sum(1 for f in findings if f.severity == "warning")
        records = claim_file.claims if claim_file is not None else ()
        worthy = [claim for claim in records if claim.check_worthy]
        counts = (
            1 if claim_file is not None else 0,
            len(records),
            len(worthy),
            sum(1 for claim in worthy if claim.citations),
            errors,
            warnings,
        )
        if claim_file is None:
            empty = (None,) * 8  # authors … snapshot_sha256
            unloaded = (report.path, None, report.path, *empty, *counts, None)
            document = self._add("documents", unloaded)
            self._findings(document, report, {})
        else:
            doc = claim_file.document
            snapshot = doc.snapshot
            document = self._add(
                "documents",
                (
                    report.path,
                    doc.id,
                    doc.title,
                    _names(doc.authors),
                    doc.publisher,
                    doc.container_title,
                    _when_text(doc.published),
                    doc.url,
                    doc.language,
                    snapshot.path if snapshot else None,
                    snapshot.sha256 if snapshot else None,
                    *counts,
                    doc.notes,
                ),
            )
            self._provenance(document, "document", doc.provenance)
            # An id given twice in one file (an E201 error, in the findings) has one row: the
            # first record's; the database keys sources and claims by their ids.
            sources: dict[str, int] = {}
            for source in claim_file.sources:
                if source.id not in sources:
                    sources[source.id] = self._source(document, source)
            claims: dict[str, int] = {}
            path = report.path
            for number, claim in enumerate(records, start=1):
                if claim.id in claims:
                    continue
                claim_row = self._claim(document, number, claim, sources)
                claims[claim.id] = claim_row
                self.claim_rows[(path, claim.id)] = claim_row
            self._findings(document, report, claims)
        self._waiting += sum(self.counts.values()) - before
        if self._waiting >= _FLUSH_ROWS:
            self.flush()

    def _provenance(
        self,
        document: int,
        subject: str,
        record: Provenance | None,
        source: int | None = None,
        claim: int | None = None,
        citation: int | None = None,
    ) -> None:
        if record is None:
            return
        self._add(
            "provenance",
            (
                document,
                subject,
                source,
                claim,
                citation,
                record.recorded_by,
                record.recorded_at,
                _text(record.method),
                record.tool,
                record.tool_version,
                record.reviewed_by,
                record.reviewed_at,
                record.verified_by,
                record.verified_at,
            ),
        )

    def _source(self, document: int, source: Source) -> int:
        row_id = self._add(
            "sources",
            (
                document,
                source.id,
                str(source.type),
                source.title,
                _names(source.authors),
                source.container_title,
                source.publisher,
                source.issued,
                source.url,
                source.doi,
                source.accessed,
                source.archive_url,
                source.language,
                _text(source.reliability),
                1 if source.primary else 0,
                source.notes,
            ),
        )
        self._provenance(document, "source", source.provenance, source=row_id)
        return row_id

    def _claim(self, document: int, number: int, claim: Claim, sources: dict[str, int]) -> int:
        state: SourcingState = sourcing_state(claim)  # as the report's claim rows have it
        attribution = claim.attribution
        confidence = claim.confidence
        citations = claim.citations
        claim_row = self._add(
            "claims",
            (
                document,
                claim.id,
                number,
                claim.text,
                str(claim.kind),
                1 if claim.check_worthy else 0,
                str(claim.status),
                str(state),
                len(citations),
                claim.anchor.exact,
                claim.anchor.start,
                claim.anchor.end,
                *(
                    (
                        str(attribution.specificity),
                        attribution.asserted_by,
                        attribution.reported_by,
                        _lines(attribution.hedges),
                    )
                    if attribution
                    else (None, None, None, None)
                ),
                *(
                    (
                        _text(confidence.likelihood),
                        _text(confidence.analytic),
                        confidence.rationale,
                        confidence.credibility,
                    )
                    if confidence
                    else (None, None, None, None)
                ),
                _lines(citation.quote for citation in citations) if citations else None,
                claim.notes,
                _lines(claim.tags) if claim.tags else None,
            ),
        )
        if claim.provenance is not None:
            self._provenance(document, "claim", claim.provenance, claim=claim_row)
        for position, citation in enumerate(citations, start=1):
            citation_row = self._add(
                "citations",
                (
                    claim_row,
                    sources.get(citation.source),
                    citation.source,
                    position,
                    str(citation.stance),
                    str(citation.backs),
                    citation.locator,
                    citation.quote,
                ),
            )
            self._provenance(
                document, "citation", citation.provenance, claim=claim_row, citation=citation_row
            )
        for position, quantity in enumerate(claim.quantities, start=1):
            self._add(
                "quantities",
                (
                    claim_row,
                    position,
                    quantity.value,
                    quantity.low,
                    quantity.high,
                    quantity.lower_bound,
                    quantity.upper_bound,
                    quantity.unit,
                    quantity.currency,
                    quantity.text,
                    1 if quantity.approximate else 0,
                ),
            )
        for position, when in enumerate(claim.dates, start=1):
            self._add(
                "dates",
                (
                    claim_row,
                    position,
                    when.date,
                    when.start,
                    when.end,
                    when.text,
                    when.label,
                    1 if when.approximate else 0,
                ),
            )
        for position, entity in enumerate(claim.entities, start=1):
            self._add(
                "entities",
                (claim_row, position, entity.name, str(entity.type), entity.role, entity.wikidata),
            )
        return claim_row

    def _findings(self, document: int, report: ExportedFile, claims: dict[str, int]) -> None:
        first = self.counts["findings"]
        self._rows["findings"].extend(
            (
                first + number,
                document,
                claims.get(location.claim_id, NULL) if location.claim_id else NULL,
                finding.code,
                finding.name,
                str(finding.severity),
                finding.message,
                NULL if finding.hint is None else finding.hint,
                location.line,
                location.column,
                location.pointer,
            )
            for number, finding in enumerate(report.findings, start=1)
            for location in (finding.location,)
        )
        self.counts["findings"] = first + len(report.findings)
