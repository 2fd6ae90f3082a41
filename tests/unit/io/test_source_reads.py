"""SourceReads: each source snapshot of one file's check read and hashed once, and the
result's cache dependencies taken from those reads."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import claimtrack.io.source_snapshot as source_snapshot
from claimtrack._convert import structure
from claimtrack.io.load import load_path
from claimtrack.io.snapshot import SnapshotText
from claimtrack.io.source_snapshot import SourceReads
from claimtrack.pipeline import check_path
from claimtrack.settings import CheckSettings

TEXT = "The ministry said the bridge reopened on Monday.\n"


def _claim_file(folder: Path, sha256: str) -> Path:
    """A claim file quoting two sources that share one snapshot, and one uncited source
    with a snapshot of its own."""
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "note.txt").write_text(TEXT, encoding="utf-8")
    (folder / "other.txt").write_text("Other.\n", encoding="utf-8")
    other = hashlib.sha256(b"Other.\n").hexdigest()
    record = (
        "  - id: {id}\n    type: report\n    title: Bridge {id}\n    issued: 2024-04\n"
        "    url: https://ministry.example.org/{id}\n"
        "    snapshot: {{path: {path}, sha256: {sha256}}}\n"
    )
    sources = "".join(
        record.format(id=name, path=path, sha256=digest)
        for name, path, digest in (
            ("first", "note.txt", sha256),
            ("second", "note.txt", sha256),
            ("unused", "other.txt", other),
        )
    )
    path = folder / "claims.yaml"
    path.write_text(
        "version: 1\ndocument: {id: doc, title: Bridge}\nsources:\n"
        + sources
        + "claims:\n  - id: reopened\n    text: The bridge reopened.\n    kind: event\n"
        "    anchor: {exact: the bridge reopened}\n"
        "    citations:\n"
        '      - {source: first, quote: "the bridge reopened on Monday"}\n'
        '      - {source: second, quote: "the bridge reopened"}\n',
        encoding="utf-8",
    )
    return path


class TestSourceReads:
    def test_each_snapshot_is_read_once_per_check(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """One check reads each snapshot file once, though two checks and two sources use it."""
        path = _claim_file(tmp_path, hashlib.sha256(TEXT.encode()).hexdigest())
        counted: list[str] = []
        real = source_snapshot.read_held_snapshot

        def counting(
            relative: str,
            base: Path,
            root: Path,
            *,
            max_bytes: int | None = None,
            found_from: Path | None = None,
            resolved_base: str | None = None,
        ) -> SnapshotText:
            counted.append(relative)
            return real(
                relative,
                base,
                root,
                max_bytes=max_bytes,
                found_from=found_from,
                resolved_base=resolved_base,
            )

        monkeypatch.setattr(source_snapshot, "read_held_snapshot", counting)
        checked = check_path(path, CheckSettings())
        assert sorted(counted) == ["note.txt", "other.txt"]
        assert [f.code for f in checked.result.findings if f.code.startswith(("E", "F12"))] == []

    def test_dependencies_hash_the_bytes_read(self, tmp_path: Path) -> None:
        """The dependencies name each snapshot read, with the SHA-256 of its bytes."""
        path = _claim_file(tmp_path, hashlib.sha256(TEXT.encode()).hexdigest())
        checked = check_path(path, CheckSettings())
        by_name = {Path(str(d["written"])).name: d for d in checked.snapshot}
        assert sorted(by_name) == ["note.txt", "other.txt"]
        assert by_name["note.txt"]["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
        assert by_name["note.txt"]["root"] == str(tmp_path.resolve())
        assert by_name["note.txt"]["found_from"] == str(tmp_path)

    def test_a_changed_snapshot_is_seen_by_a_new_check(self, tmp_path: Path) -> None:
        """Reads live for one check: the next check of the file reads the snapshot anew."""
        path = _claim_file(tmp_path, hashlib.sha256(TEXT.encode()).hexdigest())
        assert "E214" not in {f.code for f in check_path(path, CheckSettings()).result.findings}
        (tmp_path / "note.txt").write_text("Changed.\n", encoding="utf-8")
        again = check_path(path, CheckSettings())
        assert [f.code for f in again.result.findings if f.code == "E214"] == ["E214", "E214"]

    def test_missing_snapshot_is_a_dependency_without_bytes(self, tmp_path: Path) -> None:
        """A snapshot that cannot be read is a dependency with an empty SHA-256, and its
        source's text says why it cannot be used."""
        path = _claim_file(tmp_path, hashlib.sha256(TEXT.encode()).hexdigest())
        (tmp_path / "note.txt").unlink()
        claim_file = structure(load_path(path).data)
        reads = SourceReads(path)
        texts = reads.texts(claim_file.sources)
        assert texts["first"].text is None
        assert texts["first"].problem is not None
        (dependency,) = [d for d in reads.dependencies() if str(d["written"]).endswith("note.txt")]
        assert dependency["sha256"] == ""
