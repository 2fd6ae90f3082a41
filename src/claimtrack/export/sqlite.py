"""Claim files as one SQLite database, for Datasette and SQL.

The tables are normalised, one row per record: documents, sources, claims, citations,
quantities, dates, entities, findings, provenance and matches, tied by foreign keys and
indexed on them. ``claims_fts`` is an SQLite FTS5 index over each claim's text, the quotes of
its citations and its notes. Views answer the common questions. The database is built in
memory and written over the target in one atomic replace, so a reader (a running Datasette)
sees the old database or the new one, never half of one.

The standard library's ``sqlite3`` does all of it: the schema is ours and fixed, so a
table-building library would add a dependency without removing any code.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError
from claimtrack.model import Claim, Provenance, Source
from claimtrack.render.report.model import DocumentReport

__all__ = [
    "CANNED_QUERIES",
    "SCHEMA_VERSION",
    "VIEWS",
    "DatabaseError",
    "ExportSummary",
    "MatchRow",
    "build_database",
    "check_target",
    "corpus_matches",
    "datasette_metadata",
    "write_database",
]

#: The version of the table layout, kept in ``PRAGMA user_version``. Raised whenever a
#: table or column changes meaning; a database of a newer version is never overwritten.
SCHEMA_VERSION = 1

#: The ``application_id`` that marks a database as claimtrack's ("CLMT").
APPLICATION_ID = 0x434C4D54


class DatabaseError(ClaimtrackError, OSError):
    """The target database cannot be replaced: not SQLite, another program's database, a
    newer claimtrack layout, or locked by a writer."""


@attrs.frozen(kw_only=True)
class MatchRow:
    """A proposed or accepted link between two claims, by (document path, claim id)."""

    path: str
    claim_id: str
    other_path: str
    other_claim_id: str
    score: float
    accepted: bool


@attrs.frozen(kw_only=True)
class ExportSummary:
    """How many rows each table received."""

    counts: dict[str, int]


_TABLES = """
CREATE TABLE claimtrack_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  document_id TEXT,
  title TEXT NOT NULL,
  authors TEXT,
  publisher TEXT,
  container_title TEXT,
  published TEXT,
  url TEXT,
  language TEXT,
  snapshot_path TEXT,
  snapshot_sha256 TEXT,
  loaded INTEGER NOT NULL,
  claims INTEGER NOT NULL,
  check_worthy INTEGER NOT NULL,
  check_worthy_cited INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  notes TEXT
);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  source_id TEXT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  authors TEXT,
  container_title TEXT,
  publisher TEXT,
  issued TEXT,
  url TEXT,
  doi TEXT,
  accessed TEXT,
  archive_url TEXT,
  language TEXT,
  reliability TEXT,
  is_primary INTEGER NOT NULL,
  notes TEXT,
  UNIQUE (document, source_id)
);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  claim_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  check_worthy INTEGER NOT NULL,
  status TEXT NOT NULL,
  sourcing_state TEXT NOT NULL,
  citations INTEGER NOT NULL,
  anchor_exact TEXT NOT NULL,
  anchor_start INTEGER,
  anchor_end INTEGER,
  specificity TEXT,
  asserted_by TEXT,
  reported_by TEXT,
  hedges TEXT,
  likelihood TEXT,
  analytic_confidence TEXT,
  rationale TEXT,
  credibility INTEGER,
  quotes TEXT,
  notes TEXT,
  tags TEXT,
  UNIQUE (document, claim_id)
);
CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claims(id),
  source INTEGER REFERENCES sources(id),
  source_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  stance TEXT NOT NULL,
  backs TEXT NOT NULL,
  locator TEXT,
  quote TEXT
);
CREATE TABLE quantities (
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claims(id),
  position INTEGER NOT NULL,
  value REAL,
  low REAL,
  high REAL,
  lower_bound REAL,
  upper_bound REAL,
  unit TEXT,
  currency TEXT,
  approximate INTEGER NOT NULL,
  text TEXT
);
CREATE TABLE dates (
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claims(id),
  position INTEGER NOT NULL,
  date TEXT,
  start TEXT,
  "end" TEXT,
  approximate INTEGER NOT NULL,
  text TEXT,
  label TEXT
);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claims(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  role TEXT,
  wikidata TEXT
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  claim INTEGER REFERENCES claims(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  hint TEXT,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL,
  pointer TEXT NOT NULL
);
CREATE TABLE provenance (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  subject TEXT NOT NULL CHECK (subject IN ('document', 'source', 'claim', 'citation')),
  source INTEGER REFERENCES sources(id),
  claim INTEGER REFERENCES claims(id),
  citation INTEGER REFERENCES citations(id),
  recorded_by TEXT,
  recorded_at TEXT,
  method TEXT,
  tool TEXT,
  tool_version TEXT,
  reviewed_by TEXT,
  reviewed_at TEXT,
  verified_by TEXT,
  verified_at TEXT
);
CREATE TABLE matches (
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claims(id),
  other INTEGER NOT NULL REFERENCES claims(id),
  score REAL NOT NULL,
  accepted INTEGER NOT NULL,
  UNIQUE (claim, other)
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text, quotes, notes, content='claims', content_rowid='id'
);
"""

#: Indexes on every foreign key and on the columns the views filter by, built after the rows
#: are in (cheaper than keeping them up to date row by row).
_INDEXES = """
CREATE INDEX sources_document ON sources(document);
CREATE INDEX sources_url ON sources(url);
CREATE INDEX claims_document ON claims(document);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_state ON claims(sourcing_state);
CREATE INDEX citations_claim ON citations(claim);
CREATE INDEX citations_source ON citations(source);
CREATE INDEX quantities_claim ON quantities(claim);
CREATE INDEX dates_claim ON dates(claim);
CREATE INDEX entities_claim ON entities(claim);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX findings_document ON findings(document);
CREATE INDEX findings_claim ON findings(claim);
CREATE INDEX findings_code ON findings(code);
CREATE INDEX provenance_document ON provenance(document);
CREATE INDEX matches_claim ON matches(claim);
CREATE INDEX matches_other ON matches(other);
"""

VIEWS = """
CREATE VIEW check_worthy_unsourced AS
  SELECT documents.title AS document, documents.path, claims.claim_id, claims.text,
         claims.kind, claims.status, claims.specificity, claims.asserted_by
  FROM claims JOIN documents ON documents.id = claims.document
  WHERE claims.check_worthy = 1 AND claims.citations = 0;
CREATE VIEW disputed_claims AS
  SELECT documents.title AS document, documents.path, claims.claim_id, claims.text,
         claims.status, claims.sourcing_state,
         (SELECT COUNT(*) FROM citations
          WHERE citations.claim = claims.id AND citations.stance = 'disputes')
           AS disputing_citations
  FROM claims JOIN documents ON documents.id = claims.document
  WHERE claims.sourcing_state = 'disputed';
CREATE VIEW claim_citations AS
  SELECT documents.title AS document, documents.path, claims.claim_id, claims.text,
         claims.status, citations.stance, citations.backs, citations.quote,
         citations.source_id, sources.title AS source_title, sources.url AS source_url,
         sources.issued AS source_issued
  FROM citations
  JOIN claims ON claims.id = citations.claim
  JOIN documents ON documents.id = claims.document
  LEFT JOIN sources ON sources.id = citations.source;
CREATE VIEW repeated_claims AS
  SELECT matches.score, matches.accepted,
         a_doc.title AS document, a.claim_id, a.text,
         b_doc.title AS other_document, b.claim_id AS other_claim_id, b.text AS other_text
  FROM matches
  JOIN claims AS a ON a.id = matches.claim
  JOIN documents AS a_doc ON a_doc.id = a.document
  JOIN claims AS b ON b.id = matches.other
  JOIN documents AS b_doc ON b_doc.id = b.document;
CREATE VIEW open_flags AS
  SELECT documents.title AS document, documents.path, findings.code, findings.name,
         findings.severity, claims.claim_id, findings.message, findings.line
  FROM findings
  JOIN documents ON documents.id = findings.document
  LEFT JOIN claims ON claims.id = findings.claim;
"""


def _names(names: Iterable[Any]) -> str | None:
    joined = "; ".join(name.display() for name in names)
    return joined or None


def _lines(values: Iterable[str | None]) -> str | None:
    joined = "\n".join(value for value in values if value)
    return joined or None


def _flag(value: bool) -> int:
    return 1 if value else 0


class _Writer:
    """Collects one row per record, numbering each table's rows itself so that foreign keys
    are known before anything is inserted; :meth:`flush` inserts each table at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.claim_rows: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = {}
        self.rows: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}

    def insert(self, table: str, row: dict[str, Any]) -> int:
        row_id = self.counts.get(table, 0) + 1
        self.counts[table] = row_id
        columns = ("id", *row)
        self.rows.setdefault((table, columns), []).append((row_id, *row.values()))
        return row_id

    def flush(self) -> None:
        for (table, columns), rows in self.rows.items():
            names = ", ".join(f'"{name}"' for name in columns)
            marks = ", ".join("?" for _ in columns)
            self.db.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 (fixed names)
                rows,
            )
        self.rows.clear()

    def provenance(
        self, document: int, subject: str, record: Provenance | None, **ids: int
    ) -> None:
        if record is None:
            return
        self.insert(
            "provenance",
            {
                "document": document,
                "subject": subject,
                **ids,
                **{name: getattr(record, name) for name in _PROVENANCE_FIELDS},
                "method": str(record.method) if record.method is not None else None,
            },
        )

    def document(self, report: DocumentReport) -> None:
        claim_file = report.claim_file
        errors = sum(1 for f in report.findings if f.severity == "error")
        warnings = sum(1 for f in report.findings if f.severity == "warning")
        base: dict[str, Any] = {
            "path": report.path,
            "title": report.title,
            "loaded": _flag(claim_file is not None),
            "claims": len(report.claims),
            "check_worthy": sum(1 for row in report.claims if row.claim.check_worthy),
            "check_worthy_cited": sum(
                1 for row in report.claims if row.claim.check_worthy and row.claim.citations
            ),
            "errors": errors,
            "warnings": warnings,
        }
        if claim_file is not None:
            doc = claim_file.document
            base.update(
                document_id=doc.id,
                authors=_names(doc.authors),
                publisher=doc.publisher,
                container_title=doc.container_title,
                published=_when_text(doc.published),
                url=doc.url,
                language=doc.language,
                snapshot_path=doc.snapshot.path if doc.snapshot else None,
                snapshot_sha256=doc.snapshot.sha256 if doc.snapshot else None,
                notes=doc.notes,
            )
        document = self.insert("documents", base)
        if claim_file is None:
            self._findings(document, report, {})
            return
        self.provenance(document, "document", claim_file.document.provenance)
        sources = {source.id: self._source(document, source) for source in claim_file.sources}
        claims: dict[str, int] = {}
        for row in report.claims:
            claims[row.claim.id] = self._claim(document, row.number, row, sources)
            self.claim_rows[(report.path, row.claim.id)] = claims[row.claim.id]
        self._findings(document, report, claims)

    def _source(self, document: int, source: Source) -> int:
        row_id = self.insert(
            "sources",
            {
                "document": document,
                "source_id": source.id,
                "type": str(source.type),
                "title": source.title,
                "authors": _names(source.authors),
                "container_title": source.container_title,
                "publisher": source.publisher,
                "issued": source.issued,
                "url": source.url,
                "doi": source.doi,
                "accessed": source.accessed,
                "archive_url": source.archive_url,
                "language": source.language,
                "reliability": str(source.reliability) if source.reliability else None,
                "is_primary": _flag(source.primary),
                "notes": source.notes,
            },
        )
        self.provenance(document, "source", source.provenance, source=row_id)
        return row_id

    def _claim(self, document: int, number: int, row: Any, sources: dict[str, int]) -> int:
        claim: Claim = row.claim
        attribution = claim.attribution
        confidence = claim.confidence
        claim_row = self.insert(
            "claims",
            {
                "document": document,
                "claim_id": claim.id,
                "number": number,
                "text": claim.text,
                "kind": str(claim.kind),
                "check_worthy": _flag(claim.check_worthy),
                "status": str(claim.status),
                "sourcing_state": str(row.state),
                "citations": len(claim.citations),
                "anchor_exact": claim.anchor.exact,
                "anchor_start": claim.anchor.start,
                "anchor_end": claim.anchor.end,
                "specificity": str(attribution.specificity) if attribution else None,
                "asserted_by": attribution.asserted_by if attribution else None,
                "reported_by": attribution.reported_by if attribution else None,
                "hedges": _lines(attribution.hedges) if attribution else None,
                "likelihood": _opt_str(confidence.likelihood if confidence else None),
                "analytic_confidence": _opt_str(confidence.analytic if confidence else None),
                "rationale": confidence.rationale if confidence else None,
                "credibility": confidence.credibility if confidence else None,
                "quotes": _lines(citation.quote for citation in claim.citations),
                "notes": claim.notes,
                "tags": _lines(claim.tags),
            },
        )
        self.provenance(document, "claim", claim.provenance, claim=claim_row)
        for position, citation in enumerate(claim.citations, start=1):
            citation_row = self.insert(
                "citations",
                {
                    "claim": claim_row,
                    "source": sources.get(citation.source),
                    "source_id": citation.source,
                    "position": position,
                    "stance": str(citation.stance),
                    "backs": str(citation.backs),
                    "locator": citation.locator,
                    "quote": citation.quote,
                },
            )
            self.provenance(
                document, "citation", citation.provenance, claim=claim_row, citation=citation_row
            )
        for position, quantity in enumerate(claim.quantities, start=1):
            self.insert(
                "quantities",
                {
                    "claim": claim_row,
                    "position": position,
                    **{name: getattr(quantity, name) for name in _QUANTITY_FIELDS},
                    "approximate": _flag(quantity.approximate),
                },
            )
        for position, when in enumerate(claim.dates, start=1):
            self.insert(
                "dates",
                {
                    "claim": claim_row,
                    "position": position,
                    **{name: getattr(when, name) for name in ("date", "start", "end", "text")},
                    "label": when.label,
                    "approximate": _flag(when.approximate),
                },
            )
        for position, entity in enumerate(claim.entities, start=1):
            self.insert(
                "entities",
                {
                    "claim": claim_row,
                    "position": position,
                    "name": entity.name,
                    "type": str(entity.type),
                    "role": entity.role,
                    "wikidata": entity.wikidata,
                },
            )
        return claim_row

    def _findings(self, document: int, report: DocumentReport, claims: dict[str, int]) -> None:
        for finding in report.findings:
            location = finding.location
            self.insert(
                "findings",
                {
                    "document": document,
                    "claim": claims.get(location.claim_id) if location.claim_id else None,
                    "code": finding.code,
                    "name": finding.name,
                    "severity": str(finding.severity),
                    "message": finding.message,
                    "hint": finding.hint,
                    "line": location.line,
                    "column": location.column,
                    "pointer": location.pointer,
                },
            )

    def matches(self, matches: Iterable[MatchRow]) -> None:
        for match in matches:
            claim = self.claim_rows.get((match.path, match.claim_id))
            other = self.claim_rows.get((match.other_path, match.other_claim_id))
            if claim is None or other is None or claim == other:
                continue
            self.db.execute(
                "INSERT INTO matches (claim, other, score, accepted) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (claim, other) DO UPDATE SET"
                " accepted = max(accepted, excluded.accepted), score = max(score, excluded.score)",
                (claim, other, match.score, _flag(match.accepted)),
            )
        self.counts["matches"] = self.db.execute("SELECT COUNT(*) FROM matches").fetchone()[0]


_PROVENANCE_FIELDS = (
    "recorded_by",
    "recorded_at",
    "tool",
    "tool_version",
    "reviewed_by",
    "reviewed_at",
    "verified_by",
    "verified_at",
)
_QUANTITY_FIELDS = (
    "value",
    "low",
    "high",
    "lower_bound",
    "upper_bound",
    "unit",
    "currency",
    "text",
)


def _opt_str(value: object | None) -> str | None:
    return str(value) if value is not None else None


def _when_text(when: Any) -> str | None:
    if when is None:
        return None
    if when.date is not None:
        return str(when.date)
    return "/".join(part or ".." for part in (when.start, when.end))


def corpus_matches(documents: Sequence[DocumentReport]) -> list[MatchRow]:
    """The matches to store: every pair :func:`claimtrack.corpus.match.propose` proposes,
    and every ``same_as`` link the records hold (those are ``accepted``)."""
    from claimtrack.corpus.match import ClaimRef, propose

    loaded = [doc for doc in documents if doc.claim_file is not None]
    paths = {doc.claim_file.document.id: doc.path for doc in loaded if doc.claim_file}
    rows: dict[frozenset[tuple[str, str]], MatchRow] = {}
    claims = [(ClaimRef(doc.path, row.claim.id), row.claim) for doc in loaded for row in doc.claims]
    for proposal in propose(claims):
        key = frozenset(
            (
                (proposal.claim.path, proposal.claim.claim_id),
                (proposal.other.path, proposal.other.claim_id),
            )
        )
        rows[key] = MatchRow(
            path=proposal.claim.path,
            claim_id=proposal.claim.claim_id,
            other_path=proposal.other.path,
            other_claim_id=proposal.other.claim_id,
            score=proposal.score,
            accepted=False,
        )
    for doc in loaded:
        for row in doc.claims:
            for link in row.claim.same_as:
                other = paths.get(link.document)
                if other is None:
                    continue
                key = frozenset(((doc.path, row.claim.id), (other, link.claim)))
                a, b = sorted(key)
                previous = rows.get(key)
                rows[key] = MatchRow(
                    path=a[0],
                    claim_id=a[1],
                    other_path=b[0],
                    other_claim_id=b[1],
                    score=previous.score if previous else 1.0,
                    accepted=True,
                )
    return sorted(rows.values(), key=lambda m: (m.path, m.claim_id, m.other_path, m.other_claim_id))


def build_database(
    documents: Iterable[DocumentReport], matches: Sequence[MatchRow] = ()
) -> tuple[bytes, ExportSummary]:
    """The bytes of a SQLite database holding ``documents`` (and the claim ``matches``),
    with the row count of each table."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.executescript(_TABLES)
        writer = _Writer(connection)
        with connection:
            connection.execute(
                "INSERT INTO claimtrack_meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            for document in documents:
                writer.document(document)
            writer.flush()
            writer.matches(matches)
            connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            connection.executescript(_INDEXES)
            connection.executescript(VIEWS)
        counts = {"claimtrack_meta": 1, **writer.counts}
        return connection.serialize(), ExportSummary(counts=counts)
    finally:
        connection.close()


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse to replace ``path`` unless it is absent or an older or equal claimtrack
    database that no one is writing to; :class:`DatabaseError` says why."""
    target = Path(path)
    shown = target.as_posix()
    if not target.exists():
        return
    if not target.is_file():
        raise DatabaseError(f"{shown} is not a regular file; choose another output path")
    try:
        with target.open("rb") as stream:
            header = stream.read(16)
    except OSError as error:
        raise DatabaseError(f"{shown} cannot be read: {error.strerror or error}") from None
    if header == b"":
        return
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"{shown} is not a SQLite database; it was left alone: remove it or choose another"
            " output path"
        )
    try:
        connection = sqlite3.connect(f"{target.resolve().as_uri()}?mode=rw", uri=True, timeout=0)
    except sqlite3.Error as error:
        raise DatabaseError(f"{shown} cannot be opened: {error}") from None
    try:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if application != APPLICATION_ID:
            raise DatabaseError(
                f"{shown} is another program's SQLite database; it was left alone: remove it"
                " or choose another output path"
            )
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{shown} has claimtrack's database layout {version}, newer than this"
                f" version's {SCHEMA_VERSION}; upgrade claimtrack or choose another output path"
            )
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseError(
                f"{shown} is locked by another program writing to it; try again when it is done"
            ) from None
        raise DatabaseError(f"{shown} is not a usable SQLite database: {error}") from None
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{shown} is a corrupt SQLite database: {error}") from None
    finally:
        connection.close()


def write_database(
    documents: Iterable[DocumentReport],
    path: str | os.PathLike[str],
    matches: Sequence[MatchRow] = (),
) -> ExportSummary:
    """Build the database and replace ``path`` with it atomically (after
    :func:`check_target` agreed)."""
    from claimtrack.io.atomic import write_atomic

    check_target(path)
    data, summary = build_database(documents, matches)
    write_atomic(path, data)
    return summary


#: Canned queries for Datasette: name → (title, description, SQL).
CANNED_QUERIES: dict[str, tuple[str, str, str]] = {
    "check_worthy_unsourced": (
        "Check-worthy claims without a citation",
        "The work still to do: claims worth checking that no source backs or disputes.",
        "SELECT * FROM check_worthy_unsourced ORDER BY document, claim_id",
    ),
    "disputed_by_document": (
        "Disputed claims by document",
        "How many claims of each document are disputed or refuted.",
        "SELECT document, path, COUNT(*) AS disputed FROM disputed_claims"
        " GROUP BY document, path ORDER BY disputed DESC, document",
    ),
    "claims_citing_source": (
        "Claims citing a given source",
        "Every claim citing a source, given its id, its URL or words of its title.",
        "SELECT * FROM claim_citations WHERE source_id = :source OR source_url = :source"
        " OR source_title LIKE '%' || :source || '%' ORDER BY document, claim_id",
    ),
    "repeated_claims": (
        "Claims repeated across documents",
        "Pairs of claims in different documents that state the same thing.",
        "SELECT * FROM repeated_claims ORDER BY accepted DESC, score DESC, document",
    ),
}


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a database named ``database`` (its file name without the
    suffix): titles, the full-text search table and the canned queries."""
    return {
        "title": "Claims",
        "description": "Claims, sources, citations and findings exported by claimtrack.",
        "databases": {
            database: {
                "tables": {
                    "claims": {"fts_table": "claims_fts", "fts_pk": "id"},
                },
                "queries": {
                    name: {"title": title, "description": description, "sql": sql}
                    for name, (title, description, sql) in CANNED_QUERIES.items()
                },
            }
        },
    }
