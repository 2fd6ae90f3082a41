"""The SQLite export: normalised tables, full-text search, views, and a safe replace."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.article import check_article

from claimtrack.cli.main import cli
from claimtrack.export.sqlite import (
    SCHEMA_VERSION,
    DatabaseError,
    build_database,
    check_target,
    corpus_matches,
    write_database,
)
from claimtrack.render.report import build_report

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "claims"


def _report():  # type: ignore[no-untyped-def]
    result = check_article(*sorted(CORPUS.glob("*.yaml")))
    return build_report(result.files)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    report = _report()
    path = tmp_path_factory.mktemp("db") / "claims.db"
    write_database(report.documents, path, corpus_matches(report.documents))
    connection = sqlite3.connect(path)
    yield connection  # type: ignore[misc]
    connection.close()


def _one(db: sqlite3.Connection, sql: str, *args: object) -> object:
    return db.execute(sql, args).fetchone()[0]


class TestTables:
    def test_every_record_has_its_row(self, database: sqlite3.Connection) -> None:
        """Claims, sources, citations and findings are counted as in the records."""
        report = _report()
        files = [d.claim_file for d in report.documents if d.claim_file is not None]
        assert _one(database, "SELECT COUNT(*) FROM documents") == 4
        assert _one(database, "SELECT COUNT(*) FROM claims") == sum(len(f.claims) for f in files)
        assert _one(database, "SELECT COUNT(*) FROM sources") == sum(len(f.sources) for f in files)
        assert _one(database, "SELECT COUNT(*) FROM citations") == sum(
            len(c.citations) for f in files for c in f.claims
        )
        assert _one(database, "SELECT COUNT(*) FROM findings") == sum(
            len(d.findings) for d in report.documents
        )

    def test_foreign_keys_hold(self, database: sqlite3.Connection) -> None:
        """Every foreign key points at a row, and every citation of a defined source is
        tied to that source's row."""
        assert database.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _one(database, "SELECT COUNT(*) FROM citations WHERE source IS NULL") == 0
        assert _one(database, "PRAGMA user_version") == SCHEMA_VERSION

    def test_full_text_search_covers_text_quotes_and_notes(
        self, database: sqlite3.Connection
    ) -> None:
        """claims_fts finds a claim by a word of its text, of a citation's quote, of its
        notes."""

        def ids(word: str) -> set[str]:
            rows = database.execute(
                "SELECT claims.claim_id FROM claims_fts JOIN claims ON claims.id = claims_fts.rowid"
                " WHERE claims_fts MATCH ?",
                (word,),
            )
            return {row[0] for row in rows}

        text_word, quote_word, note_word = "propping", "lawmaker", "repost"
        assert "iran-spending" in ids(text_word)
        quoted = _one(database, "SELECT claim_id FROM claims WHERE quotes LIKE '%lawmaker%'")
        assert quoted in ids(quote_word)
        noted = _one(database, "SELECT claim_id FROM claims WHERE notes LIKE '%repost%'")
        assert noted in ids(note_word)

    def test_views_answer_the_common_questions(self, database: sqlite3.Connection) -> None:
        """The views list unsourced check-worthy claims, disputed claims, citations and
        repeated claims, each consistent with the tables."""
        assert _one(database, "SELECT COUNT(*) FROM check_worthy_unsourced") == _one(
            database, "SELECT COUNT(*) FROM claims WHERE check_worthy = 1 AND citations = 0"
        )
        assert _one(database, "SELECT COUNT(*) FROM disputed_claims") == _one(
            database, "SELECT COUNT(*) FROM claims WHERE sourcing_state = 'disputed'"
        )
        assert _one(database, "SELECT COUNT(*) FROM claim_citations") == _one(
            database, "SELECT COUNT(*) FROM citations"
        )
        pairs = {
            (row[0], row[1])
            for row in database.execute("SELECT claim_id, other_claim_id FROM repeated_claims")
        }
        assert ("tehran-poured", "iran-spending") in pairs or (
            "iran-spending",
            "tehran-poured",
        ) in pairs
        assert not any("fifty-billion" in pair for pair in pairs)


class TestReplace:
    def test_rerun_replaces_the_database_and_keeps_its_mode(self, tmp_path: Path) -> None:
        """A second export replaces the database whole and keeps its permission bits."""
        report = _report()
        path = tmp_path / "claims.db"
        write_database(report.documents[:1], path)
        os.chmod(path, 0o640)
        write_database(report.documents, path)
        assert path.stat().st_mode & 0o777 == 0o640
        with sqlite3.connect(path) as db:
            assert _one(db, "SELECT COUNT(*) FROM documents") == 4

    def test_not_a_database_is_left_alone(self, tmp_path: Path) -> None:
        """A file that is not SQLite is never overwritten."""
        path = tmp_path / "notes.db"
        path.write_text("my notes\n", encoding="utf-8")
        with pytest.raises(DatabaseError, match="not a SQLite database"):
            check_target(path)
        assert path.read_text(encoding="utf-8") == "my notes\n"

    def test_another_programs_database_is_left_alone(self, tmp_path: Path) -> None:
        """An SQLite database that claimtrack did not write is refused."""
        path = tmp_path / "other.db"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE t (x)")
        with pytest.raises(DatabaseError, match="another program's"):
            check_target(path)

    def test_a_newer_layout_is_refused(self, tmp_path: Path) -> None:
        """A database of a newer layout version is not replaced by an older claimtrack."""
        path = tmp_path / "claims.db"
        data, _ = build_database(())
        path.write_bytes(data)
        with sqlite3.connect(path) as db:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        with pytest.raises(DatabaseError, match="newer than this"):
            check_target(path)

    def test_a_locked_database_is_refused(self, tmp_path: Path) -> None:
        """A database another connection is writing to is reported as locked."""
        path = tmp_path / "claims.db"
        data, _ = build_database(())
        path.write_bytes(data)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatabaseError, match="locked"):
                check_target(path)
        finally:
            holder.rollback()
            holder.close()

    def test_a_corrupt_database_is_refused(self, tmp_path: Path) -> None:
        """An SQLite header followed by garbage is reported, never overwritten."""
        path = tmp_path / "claims.db"
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
        with pytest.raises(DatabaseError):
            check_target(path)


class TestCommand:
    def test_writes_database_and_datasette_metadata(self, tmp_path: Path) -> None:
        """--to sqlite -o FILE writes the database and FILE.metadata.yml beside it."""
        out = tmp_path / "claims.db"
        result = CliRunner().invoke(cli, ["export", str(CORPUS), "--to", "sqlite", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert (
            (tmp_path / "claims.metadata.yml")
            .read_text(encoding="utf-8")
            .startswith("title: Claims")
        )
        with sqlite3.connect(out) as db:
            assert _one(db, "SELECT COUNT(*) FROM claims") == 16

    def test_needs_an_output_file(self) -> None:
        """Without -o the command is a usage error (a database is not text)."""
        result = CliRunner().invoke(cli, ["export", str(CORPUS), "--to", "sqlite"])
        assert result.exit_code == 2
        assert "give -o FILE" in result.output

    def test_refusal_exits_2_with_the_reason(self, tmp_path: Path) -> None:
        """An output that is not a claimtrack database gives exit 2 and a message."""
        out = tmp_path / "claims.db"
        out.write_text("precious\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["export", str(CORPUS), "--to", "sqlite", "-o", str(out)])
        assert result.exit_code == 2
        assert "not a SQLite database" in result.stderr
        assert "Traceback" not in result.output
        assert out.read_text(encoding="utf-8") == "precious\n"
