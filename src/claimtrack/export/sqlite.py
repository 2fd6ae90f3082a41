"""Claim files as one SQLite database, for Datasette and SQL.

The tables are normalised, one row per record: documents, sources, claims, citations,
quantities, dates, entities, findings, provenance and matches, tied by foreign keys and
indexed on them. ``claims_fts`` is an SQLite FTS5 index over each claim's text, the quotes of
its citations and its notes. Views answer the common questions. The database is written
document by document at a temporary path beside the target (the rows themselves are made in
:mod:`claimtrack.export.sqlite_rows`), then renamed over it in one atomic replace, so a
reader (a running Datasette) sees the old database or the new one, never half of one.

The standard library's ``sqlite3`` does all of it: the schema is ours and fixed, so a
table-building library would add a dependency without removing any code.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.export.sqlite_rows import ExportedFile

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
    "export_database",
    "write_database",
]

#: The version of the table layout, kept in ``PRAGMA user_version``. Raised whenever a
#: table or column changes meaning; a database of a newer version is never overwritten.
SCHEMA_VERSION = 1

#: The ``application_id`` that marks a database as claimtrack's ("CLMT").
APPLICATION_ID = 0x434C4D54


class DatabaseError(ClaimtrackError, OSError):
    """The target database cannot be replaced: not SQLite, another program's database, a
    newer claimtrack layout, or locked by a writer; or the documents cannot all be stored
    (two under one name)."""


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


def _statements(script: str) -> list[str]:
    """The statements of one of the scripts above, to run one by one inside the export's
    transaction (``executescript`` would commit it first)."""
    return [statement for statement in script.split(";\n") if statement.strip()]


class _Corpus:
    """What matching needs of the documents, gathered one document at a time: each claim's
    features and ``same_as`` links, and which file holds which document id."""

    def __init__(self) -> None:
        from claimtrack.corpus.match import MatchIndex

        self.index = MatchIndex()
        self.paths: dict[str, str] = {}  # document id → path
        self.links: list[tuple[str, str, str, str]] = []  # path, claim, document, claim

    def add(self, document: ExportedFile) -> None:
        from claimtrack.corpus.match import ClaimRef

        claim_file = document.claim_file
        if claim_file is None:
            return
        path = document.path
        self.paths[claim_file.document.id] = path  # the last file of an id, as ever
        for claim in claim_file.claims:
            self.index.add(ClaimRef(path, claim.id), claim)
            self.links.extend((path, claim.id, link.document, link.claim) for link in claim.same_as)

    def matches(self) -> list[MatchRow]:
        """Every pair matching proposes, and every ``same_as`` link (``accepted``)."""
        rows: dict[frozenset[tuple[str, str]], MatchRow] = {}
        for proposal in self.index.propose():
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
        for path, claim_id, document_id, other_claim in self.links:
            other = self.paths.get(document_id)
            if other is None:
                continue
            key = frozenset(((path, claim_id), (other, other_claim)))
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
        return sorted(
            rows.values(), key=lambda m: (m.path, m.claim_id, m.other_path, m.other_claim_id)
        )


def corpus_matches(documents: Iterable[ExportedFile]) -> list[MatchRow]:
    """The matches to store: every pair :func:`claimtrack.corpus.match.propose` proposes,
    and every ``same_as`` link the records hold (those are ``accepted``)."""
    corpus = _Corpus()
    for document in documents:
        corpus.add(document)
    return corpus.matches()


def _fill(
    connection: sqlite3.Connection,
    documents: Iterable[ExportedFile],
    matches: Iterable[MatchRow] | None,
) -> ExportSummary:
    """Create the tables in ``connection`` and fill them in one transaction: each
    document's rows as it comes, then the matches (found among the documents when
    ``matches`` is None), then the indexes, the full-text index and the views, each built
    once over all the rows (far cheaper than keeping them up to date row by row)."""
    from claimtrack.export.sqlite_rows import RowWriter

    connection.isolation_level = None  # the transaction below is the only one
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.execute("BEGIN")
    for statement in _statements(_TABLES):
        connection.execute(statement)
    connection.execute(
        "INSERT INTO claimtrack_meta (key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )
    writer = RowWriter(connection)
    corpus = _Corpus() if matches is None else None
    paths: set[str] = set()  # the documents table keys documents by their path
    for document in documents:
        if document.path in paths:
            raise DatabaseError(
                f"{document.path} is given twice (a file, and standard input named after it"
                " by --stdin-filename?); give each document once, under a name of its own"
            )
        paths.add(document.path)
        writer.document(document)
        if corpus is not None:
            corpus.add(document)
        del document  # not held while the next one is made
    writer.flush()
    _insert_matches(connection, writer.claim_rows, corpus.matches() if corpus else matches or ())
    connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    for statement in (*_statements(_INDEXES), *_statements(VIEWS)):
        connection.execute(statement)
    connection.execute("COMMIT")
    counts = {"claimtrack_meta": 1, **{table: n for table, n in writer.counts.items() if n}}
    counts["matches"] = connection.execute("SELECT COUNT(*) FROM matches").fetchone()[0]
    return ExportSummary(counts=counts)


def _insert_matches(
    connection: sqlite3.Connection,
    claim_rows: dict[tuple[str, str], int],
    matches: Iterable[MatchRow],
) -> None:
    """The matches between claims the database holds (a pair given twice is kept once,
    accepted if either was, with the higher score)."""
    rows = []
    for match in matches:
        claim = claim_rows.get((match.path, match.claim_id))
        other = claim_rows.get((match.other_path, match.other_claim_id))
        if claim is None or other is None or claim == other:
            continue
        rows.append((claim, other, match.score, 1 if match.accepted else 0))
    connection.executemany(
        "INSERT INTO matches (claim, other, score, accepted) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (claim, other) DO UPDATE SET"
        " accepted = max(accepted, excluded.accepted), score = max(score, excluded.score)",
        rows,
    )


def build_database(
    documents: Iterable[ExportedFile], matches: Sequence[MatchRow] = ()
) -> tuple[bytes, ExportSummary]:
    """The bytes of a SQLite database holding ``documents`` (and the claim ``matches``),
    with the row count of each table. The database is built in memory; to write a file,
    :func:`write_database` and :func:`export_database` build it in place instead."""
    connection = sqlite3.connect(":memory:")
    try:
        summary = _fill(connection, documents, matches)
        return connection.serialize(), summary
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
    documents: Iterable[ExportedFile],
    path: str | os.PathLike[str],
    matches: Sequence[MatchRow] = (),
) -> ExportSummary:
    """Build the database of ``documents`` and ``matches`` and replace ``path`` with it
    atomically (after :func:`check_target` agreed): see :func:`export_database`."""
    return _write(documents, path, matches)


def export_database(
    documents: Iterable[ExportedFile], path: str | os.PathLike[str]
) -> ExportSummary:
    """Build the database of ``documents`` (check results, or a report's documents: see
    :class:`~claimtrack.export.sqlite_rows.ExportedFile`), with the matches among their claims (as
    :func:`corpus_matches` finds them), and replace ``path`` with it atomically (after
    :func:`check_target` agreed).

    The documents are taken one at a time and each one's rows are written before the next
    is asked for, so a generator of documents is exported in the memory of a few of them
    (and of what matching keeps of every claim). The database is written at a temporary
    path beside ``path``, with no journal and no waiting for the disk (a crash leaves only
    a temporary file, which a later export clears), then flushed to the disk and renamed
    over ``path``: a reader (a running Datasette) sees the old database or the new one,
    never half of one, and a replaced database's permissions are kept.
    """
    return _write(documents, path, None)


def _write(
    documents: Iterable[ExportedFile],
    path: str | os.PathLike[str],
    matches: Sequence[MatchRow] | None,
) -> ExportSummary:
    from claimtrack.io.atomic import replaced_on_success

    check_target(path)
    with replaced_on_success(path) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            # The file is new and private until it is renamed: no journal to roll back to,
            # no sync per transaction (it is synced once, whole, before the rename), and a
            # page cache large enough to build the indexes in.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            summary = _fill(connection, documents, matches)
        finally:
            connection.close()
    return summary


#: The page cache of a database being written, in KiB (SQLite's default is 2 MiB).
_CACHE_KIB = 64 * 1024


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
