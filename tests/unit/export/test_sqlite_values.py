"""The SQLite export stores each value as what it is: a missing one as SQL NULL, a zero, a
false flag or an offset of 0 as itself, however the rows are bound."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import claimtrack
from claimtrack.export.sqlite import write_database
from claimtrack.render.report.model import document_report

SPARSE = """\
version: 1
document: {id: sparse, title: A document that leaves most fields out}
sources:
  - id: count
    type: report
    title: Casualty count
claims:
  - id: zero
    text: No one was hurt.
    kind: quantity
    anchor: {exact: No one was hurt, start: 0, end: 15}
    quantities: [{value: 0, approximate: false}]
    citations: [{source: count}]
  - id: bare
    text: The talks ended.
    kind: event
    check_worthy: false
    anchor: {exact: The talks ended}
"""


def _export(tmp_path: Path) -> sqlite3.Connection:
    claim_file = tmp_path / "sparse.yaml"
    claim_file.write_text(SPARSE, encoding="utf-8")
    results = claimtrack.check([str(claim_file)]).files
    database = tmp_path / "sparse.db"
    write_database([document_report(1, result) for result in results], database)
    return sqlite3.connect(database)


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def _types(db: sqlite3.Connection, table: str, where: str = "1") -> dict[str, str]:
    columns = _columns(db, table)
    kinds = ", ".join(f'typeof("{column}")' for column in columns)
    row = db.execute(f'SELECT {kinds} FROM "{table}" WHERE {where}').fetchone()  # noqa: S608
    return dict(zip(columns, row, strict=True))


class TestStoredValues:
    def test_missing_values_are_null(self, tmp_path: Path) -> None:
        """A field the record leaves out is NULL in its column (never a number), and reads
        back as None."""
        db = _export(tmp_path)
        document = _types(db, "documents")
        for column in ("authors", "publisher", "published", "url", "snapshot_path", "notes"):
            assert document[column] == "null", column
        bare = _types(db, "claims", "claim_id = 'bare'")
        for column in ("anchor_start", "anchor_end", "specificity", "likelihood", "credibility"):
            assert bare[column] == "null", column
        source = _types(db, "sources")
        for column in ("issued", "url", "doi", "reliability", "notes"):
            assert source[column] == "null", column
        quantity = _types(db, "quantities")
        for column in ("low", "high", "lower_bound", "upper_bound", "unit", "text"):
            assert quantity[column] == "null", column
        assert db.execute("SELECT publisher, url FROM documents").fetchone() == (None, None)
        file_level = db.execute("SELECT COUNT(*) FROM findings WHERE claim IS NULL").fetchone()
        assert file_level[0] > 0  # the unused or incomplete source is the file's, no claim's
        tables = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'claims_fts%'"
        ).fetchall()
        real = [
            (table, column)
            for (table,) in tables
            for column in _columns(db, table)
            if db.execute(
                f'SELECT COUNT(*) FROM "{table}" WHERE typeof("{column}") = \'real\''  # noqa: S608
            ).fetchone()[0]
        ]
        assert real == [("quantities", "value")]

    def test_zero_and_false_are_kept(self, tmp_path: Path) -> None:
        """A quantity of 0, an offset of 0 and a false flag are stored as themselves, not
        as NULL."""
        db = _export(tmp_path)
        assert db.execute("SELECT value, approximate FROM quantities").fetchone() == (0.0, 0)
        zero = db.execute(
            "SELECT anchor_start, anchor_end FROM claims WHERE claim_id = 'zero'"
        ).fetchone()
        assert zero == (0, 15)
        bare = db.execute("SELECT check_worthy FROM claims WHERE claim_id = 'bare'").fetchone()
        assert bare == (0,)

    def test_numbers_beyond_sqlite_integers_are_stored_as_reals(self, tmp_path: Path) -> None:
        """An offset or figure too large for SQLite's 64-bit integers is stored as the real
        number SQLite itself makes of such a literal, and the rest of the file as usual."""
        huge = 10**20
        claim_file = tmp_path / "huge.yaml"
        claim_file.write_text(
            SPARSE.replace("start: 0, end: 15", f"start: {huge}, end: {huge + 15}").replace(
                "value: 0", f"value: {huge}"
            ),
            encoding="utf-8",
        )
        results = claimtrack.check([str(claim_file)]).files
        database = tmp_path / "huge.db"
        summary = write_database([document_report(1, r) for r in results], database)
        assert summary.counts["claims"] == 2
        db = sqlite3.connect(database)
        zero = db.execute(
            "SELECT anchor_start, typeof(anchor_start), anchor_end FROM claims"
            " WHERE claim_id = 'zero'"
        ).fetchone()
        assert zero == (float(huge), "real", float(huge + 15))
        assert db.execute("SELECT value FROM quantities").fetchone() == (float(huge),)
        assert db.execute("SELECT COUNT(*) FROM claims").fetchone() == (2,)

    def test_numbers_beyond_a_float_are_stored_as_infinite_reals(self, tmp_path: Path) -> None:
        """A figure too large even for a float is stored as SQLite stores such a literal
        (an infinite real, signed), and the export finishes."""
        claim_file = tmp_path / "huger.yaml"
        claim_file.write_text(SPARSE.replace("value: 0", f"value: -{10**400}"), encoding="utf-8")
        results = claimtrack.check([str(claim_file)]).files
        database = tmp_path / "huger.db"
        write_database([document_report(1, r) for r in results], database)
        db = sqlite3.connect(database)
        assert db.execute("SELECT value FROM quantities").fetchone() == (-math.inf,)
