"""The library's front door: load, loads, dump, dumps, check."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtrack
from tests.conftest import FIXTURES

FULL = FIXTURES / "claims" / "valid" / "full.yaml"


class TestLoad:
    """load and loads."""

    def test_load_returns_records(self) -> None:
        """load gives typed records with enums and tuples."""
        claim_file = claimtrack.load(FULL)
        claim = claim_file.claims[0]
        assert claim.kind is claimtrack.ClaimKind.QUANTITY
        assert claim.quantities[0].lower_bound == 2000
        assert claim.citations[0].backs is claimtrack.Backs.BOTH
        assert claim_file.sources[0].reliability is claimtrack.Reliability.B

    def test_loads_raises_with_every_schema_finding(self) -> None:
        """loads of an invalid text raises LoadError carrying all its findings."""
        with pytest.raises(claimtrack.LoadError) as caught:
            claimtrack.loads("version: 2\ndocument: {id: X}\n")
        codes = sorted(f.code for f in caught.value.findings)
        assert codes == ["E110", "E113", "E113"]

    def test_loads_json(self) -> None:
        """loads reads JSON when asked."""
        text = '{"version": 1, "document": {"id": "d", "title": "T"}}'
        assert claimtrack.loads(text, "json").document.id == "d"


class TestDump:
    """dump and dumps."""

    def test_dump_round_trips_through_a_file(self, tmp_path: Path) -> None:
        """dump writes a file that load reads back equal, in both formats."""
        claim_file = claimtrack.load(FULL)
        for name in ("out.yaml", "out.json"):
            target = tmp_path / name
            claimtrack.dump(claim_file, target)
            assert claimtrack.load(target) == claim_file

    def test_dumps_omits_defaults_but_keeps_version(self) -> None:
        """Defaults are left out of dumped text; the format version always stays."""
        claim_file = claimtrack.ClaimFile(
            document=claimtrack.Document(id="d", title="T"),
            claims=(
                claimtrack.Claim(
                    id="c",
                    text="t",
                    kind=claimtrack.ClaimKind.EVENT,
                    anchor=claimtrack.Anchor(exact="x"),
                ),
            ),
        )
        text = claimtrack.dumps(claim_file)
        assert text.startswith("version: 1\n")
        assert "status" not in text
        assert "check_worthy" not in text


class TestModelInvariants:
    """Field validators state what the schema states."""

    def test_bad_id_is_refused(self) -> None:
        """An id that is not a slug is refused, naming the field and the value."""
        with pytest.raises(ValueError, match="id must be a lower-case slug"):
            claimtrack.Document(id="Not A Slug", title="T")

    def test_quantity_needs_one_form(self) -> None:
        """A quantity with both a value and a range is refused."""
        with pytest.raises(ValueError, match="exactly one of"):
            claimtrack.Quantity(value=1, low=0, high=2)

    def test_when_needs_a_date(self) -> None:
        """An empty date is refused."""
        with pytest.raises(ValueError, match="needs 'date'"):
            claimtrack.When()

    def test_boolean_is_not_a_number(self) -> None:
        """True is not accepted where a number belongs."""
        with pytest.raises(TypeError):
            claimtrack.Quantity(value=True)


class TestCheck:
    """check over paths and documents."""

    def test_check_accepts_documents_and_paths(self) -> None:
        """check takes a mix of loaded documents and paths, in order."""
        document = claimtrack.io.load_bytes(b"version: 1\ndocument: {id: d}\n", "mem.yaml")
        result = claimtrack.check([document, FULL])
        assert [r.path for r in result.files] == ["mem.yaml", FULL.as_posix()]
        assert [f.code for f in result.findings] == ["E110"]
        assert result.count(claimtrack.Severity.ERROR) == 1

    def test_check_never_raises_for_bad_files(self, tmp_path: Path) -> None:
        """A missing file is an E100 result, not an exception."""
        result = claimtrack.check(tmp_path / "missing.yaml")
        assert [f.code for f in result.findings] == ["E100"]

    def test_snapshot_root_can_be_given(self, tmp_path: Path) -> None:
        """A snapshot outside the given project root is refused even if it exists."""
        (tmp_path / "text.txt").write_text("hello", encoding="utf-8")
        inner = tmp_path / "inner"
        inner.mkdir()
        claim = inner / "c.yaml"
        claim.write_text(
            "version: 1\ndocument:\n  id: d\n  title: T\n  snapshot:\n    path: ../text.txt\n"
            "    sha256: '" + "0" * 63 + "1'\n",
            encoding="utf-8",
        )
        settings = claimtrack.CheckSettings(project_root=inner)
        result = claimtrack.check(claim, settings)
        assert [f.code for f in result.findings] == ["E211"]


class TestDocExamples:
    """Examples in docstrings run."""

    def test_package_docstring_example(self) -> None:
        """The example in claimtrack's docstring gives the output it shows."""
        import doctest

        outcome = doctest.testmod(claimtrack, verbose=False)
        assert (outcome.failed, outcome.attempted > 0) == (0, True)


class TestPublicNames:
    """The curated top-level API."""

    def test_every_public_name_resolves(self) -> None:
        """Each name in claimtrack.__all__ is importable from the package."""
        for name in claimtrack.__all__:
            assert getattr(claimtrack, name) is not None, name

    def test_check_stays_the_function(self) -> None:
        """claimtrack.check is the function even after the checking module is imported."""
        import claimtrack.batch

        assert callable(claimtrack.check)
        assert claimtrack.check is claimtrack.batch.check

    def test_import_is_light(self) -> None:
        """import claimtrack alone loads no other claimtrack module (start-up stays short)."""
        import subprocess
        import sys

        code = (
            "import sys, claimtrack; "
            "print(sorted(m for m in sys.modules if m.startswith('claimtrack')))"
        )
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, text=True
        )
        assert completed.stdout.strip() == "['claimtrack', 'claimtrack._version']"
