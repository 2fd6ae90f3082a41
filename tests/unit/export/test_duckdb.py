"""The SQLite export loads unchanged into DuckDB, and its views and queries answer the same.

Table names in the SQL below come from the fixed list TABLES, never from input."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import duckdb
import duckdb_extension_sqlite
import pytest

import claimtrack
from claimtrack.export.sqlite import CANNED_QUERIES, VIEWS, corpus_matches, write_database
from claimtrack.render.report import build_report

ROOT = Path(__file__).resolve().parents[3]
FILES = [
    ROOT / "claims" / "assad-fall-iran-syria.yaml",
    *sorted((ROOT / "tests" / "fixtures" / "corpus" / "claims").glob("*.yaml")),
]
TABLES = (
    "documents",
    "sources",
    "claims",
    "citations",
    "quantities",
    "dates",
    "entities",
    "findings",
    "provenance",
    "matches",
)


def _scanner(folder: Path) -> Path:
    """The SQLite scanner extension the PyPI package ships, under the name DuckDB loads."""
    shipped = next(Path(duckdb_extension_sqlite.__path__[0]).rglob("*.duckdb_extension"))
    target = folder / "sqlite_scanner.duckdb_extension"
    shutil.copy(shipped, target)
    return target


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("duckdb")
    report = build_report(claimtrack.check([str(path) for path in FILES]).files)
    path = folder / "claims.db"
    write_database(report.documents, path, corpus_matches(report.documents))
    return path


def _rows(cursor_rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return sorted(tuple(str(value) for value in row) for row in cursor_rows)


class TestDuckDB:
    def test_tables_copy_over_and_queries_agree(self, exported: Path, tmp_path: Path) -> None:
        """Every table copies into a DuckDB database with its rows; the views recreated
        from the same SQL, and every canned query, give SQLite's answers."""
        warehouse = duckdb.connect(
            str(tmp_path / "warehouse.duckdb"), config={"allow_unsigned_extensions": "true"}
        )
        warehouse.execute(f"LOAD '{_scanner(tmp_path)}'")
        warehouse.execute(f"ATTACH '{exported}' AS export (TYPE sqlite, READ_ONLY)")
        lite = sqlite3.connect(exported)
        for table in TABLES:
            warehouse.execute(f"CREATE TABLE {table} AS SELECT * FROM export.{table}")  # noqa: S608
            count = warehouse.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608
            assert count is not None
            in_sqlite = lite.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608
            assert count[0] == in_sqlite[0]
        warehouse.execute("DETACH export")
        warehouse.execute(VIEWS)
        source = lite.execute("SELECT source_id FROM citations LIMIT 1").fetchone()[0]
        for _name, (_title, _description, sql) in CANNED_QUERIES.items():
            parameters = {"source": source} if ":source" in sql else {}
            expected = lite.execute(sql, parameters).fetchall()
            got = warehouse.execute(sql.replace(":source", "$source"), parameters)
            assert _rows(got.fetchall()) == _rows(expected)
            assert expected or _name == "disputed_by_document"
        lite.close()
        warehouse.close()
