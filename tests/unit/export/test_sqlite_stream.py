"""The SQLite export one document at a time: the same database as from a whole report,
each document released once its rows are written, and a failed export leaving the old
database in place."""

from __future__ import annotations

import gc
import shutil
import sqlite3
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.export import sqlite_rows
from claimtrack.export.sqlite import corpus_matches, export_database, write_database
from claimtrack.render.report import build_report
from claimtrack.render.report.model import DocumentReport, document_report

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "claims"


def _files() -> list[str]:
    article = ROOT / "claims" / "assad-fall-iran-syria.yaml"
    return [str(article), *map(str, sorted(CORPUS.glob("*.yaml")))]


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the full-text index through a search), in id order."""
    with sqlite3.connect(path) as db:
        names = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'claims_fts%'"
        ).fetchall()
        tables = {
            name: db.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()  # noqa: S608
            for (name,) in names
        }
        tables["fts"] = db.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'iran' ORDER BY rowid"
        ).fetchall()
    assert len(tables) == 12
    return tables


def _documents(files: list[str]) -> Iterator[DocumentReport]:
    for index, result in enumerate(claimtrack.iter_check(files), start=1):
        yield document_report(index, result)
        del result


class TestStreamedExport:
    def test_same_database_as_from_the_whole_report(self, tmp_path: Path) -> None:
        """Documents streamed one by one, their matches found on the way, give exactly the
        rows a whole report and its matches give."""
        report = build_report(claimtrack.check(_files()).files)
        whole = tmp_path / "whole.db"
        write_database(report.documents, whole, corpus_matches(report.documents))
        streamed = tmp_path / "streamed.db"
        summary = export_database(_documents(_files()), streamed)
        assert _rows(streamed) == _rows(whole)
        assert summary.counts["claims"] == sum(len(doc.claims) for doc in report.documents)
        assert summary.counts["matches"] > 0

    def test_check_results_are_numbered_and_stated_as_the_report_shows(
        self, tmp_path: Path
    ) -> None:
        """Check results exported as they are, with no report made of each, give each claim
        the number and sourcing state the citation report gives it, and each document its
        report's title, a file that does not load included."""
        broken = tmp_path / "broken.yaml"
        broken.write_text("version: 1\ndocument: {id: x}\n", encoding="utf-8")
        files = [*_files(), str(broken)]
        path = tmp_path / "claims.db"
        export_database(claimtrack.iter_check(files), path)
        report = build_report(claimtrack.check(files).files)
        with sqlite3.connect(path) as db:
            documents = db.execute("SELECT path, title FROM documents ORDER BY id").fetchall()
            claims = db.execute(
                "SELECT documents.path, claim_id, number, sourcing_state FROM claims"
                " JOIN documents ON documents.id = claims.document ORDER BY claims.id"
            ).fetchall()
        assert documents == [(doc.path, doc.title) for doc in report.documents]
        assert documents[-1] == (str(broken), str(broken))
        assert claims == [
            (doc.path, row.claim.id, row.number, str(row.state))
            for doc in report.documents
            for row in doc.claims
        ]

    def test_rows_written_in_small_batches_are_the_same(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """However few rows wait before they are inserted, the database is the same."""
        whole = tmp_path / "whole.db"
        export_database(_documents(_files()), whole)
        monkeypatch.setattr(sqlite_rows, "_FLUSH_ROWS", 3)
        small = tmp_path / "small.db"
        export_database(_documents(_files()), small)
        assert _rows(small) == _rows(whole)

    def test_each_document_is_released_once_written(self, tmp_path: Path) -> None:
        """When the export asks for the next document, no earlier one is still held."""
        refs: list[weakref.ref[DocumentReport]] = []
        alive_when_asked: list[int] = []

        def documents() -> Iterator[DocumentReport]:
            for document in _documents(_files()):
                gc.collect()
                alive_when_asked.append(sum(ref() is not None for ref in refs))
                refs.append(weakref.ref(document))
                yield document
                del document

        export_database(documents(), tmp_path / "claims.db")
        assert len(refs) == len(_files())
        assert alive_when_asked == [0] * len(refs)

    def test_a_failed_export_leaves_the_old_database(self, tmp_path: Path) -> None:
        """An export that fails half way leaves the previous database whole and no
        temporary file beside it."""
        path = tmp_path / "claims.db"
        export_database(_documents(_files()[:1]), path)
        before = _rows(path)

        def failing() -> Iterator[DocumentReport]:
            documents = _documents(_files())
            yield next(documents)
            yield next(documents)
            raise RuntimeError("the disk is gone")

        with pytest.raises(RuntimeError, match="the disk is gone"):
            export_database(failing(), path)
        assert _rows(path) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]

    def test_the_database_opens_with_a_journal(self, tmp_path: Path) -> None:
        """The database is built without a journal, but the file it leaves is an ordinary
        database that readers and writers open with the default rollback journal."""
        path = tmp_path / "claims.db"
        export_database(_documents(_files()[:1]), path)
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class TestCommand:
    def test_an_invalid_file_is_named_and_the_rest_exported(self, tmp_path: Path) -> None:
        """A file that is not a valid claim file is named on stderr with its errors, gets
        a document row with its findings, and the other files are exported; exit 1, as
        for every export."""
        broken = tmp_path / "broken.yaml"
        broken.write_text("version: 1\ndocument: {id: x}\n", encoding="utf-8")
        out = tmp_path / "claims.db"
        args = ["export", str(CORPUS), str(broken), "--to", "sqlite", "-o", str(out)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert f"{broken}: not exported: it is not a valid claim file" in result.stderr
        with sqlite3.connect(out) as db:
            loaded = dict(db.execute("SELECT path, loaded FROM documents").fetchall())
            assert loaded[str(broken)] == 0
            assert sum(loaded.values()) == len(list(CORPUS.glob("*.yaml")))

    def test_nothing_valid_says_so(self, tmp_path: Path) -> None:
        """When no file is a valid claim file, the export says nothing was exported, and
        exits 1."""
        broken = tmp_path / "broken.yaml"
        broken.write_text("version: 1\ndocument: {id: x}\n", encoding="utf-8")
        out = tmp_path / "claims.db"
        result = CliRunner().invoke(cli, ["export", str(broken), "--to", "sqlite", "-o", str(out)])
        assert result.exit_code == 1, result.output
        assert "nothing was exported" in result.stderr

    def test_an_id_given_twice_keeps_its_first_record(self, tmp_path: Path) -> None:
        """A claim id used twice in one file (an E201 error) gives one claim row, the
        first's, and the error is in the findings, never an internal error."""
        twice = tmp_path / "twice.yaml"
        twice.write_text(
            "version: 1\ndocument: {id: d, title: T}\nclaims:\n"
            "  - {id: a, text: One thing happened., kind: event, anchor: {exact: one}}\n"
            "  - {id: a, text: Another thing happened., kind: event, anchor: {exact: two}}\n",
            encoding="utf-8",
        )
        out = tmp_path / "claims.db"
        result = CliRunner().invoke(cli, ["export", str(twice), "--to", "sqlite", "-o", str(out)])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(out) as db:
            assert db.execute("SELECT claim_id, text FROM claims").fetchall() == [
                ("a", "One thing happened.")
            ]
            assert ("E201",) in db.execute("SELECT code FROM findings").fetchall()

    def test_one_name_twice_is_refused_with_the_reason(self, tmp_path: Path) -> None:
        """Standard input named after a file also given is refused with exit 2 and why,
        and the database is left as it was."""
        claims = tmp_path / "claims.yaml"
        shutil.copy(next(CORPUS.glob("*.yaml")), claims)
        out = tmp_path / "claims.db"
        args = ["export", str(claims), "-", "--stdin-filename", str(claims), "--to", "sqlite"]
        result = CliRunner().invoke(cli, [*args, "-o", str(out)], input=claims.read_bytes())
        assert result.exit_code == 2
        assert "is given twice" in result.stderr
        assert not out.exists()
