"""Checking many files holds one file at a time: a result keeps only what the caller asked
for, and nothing of a file outlives its result."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from pathlib import Path
from typing import Any

import pytest

import claimtrack
import claimtrack.pipeline
from claimtrack import CheckSettings, check, iter_check


def _claim_files(folder: Path, count: int, claims: int = 60) -> list[str]:
    """``count`` clean claim files (no findings, so results hold nothing but their path)."""
    body = "".join(
        f"  - id: c{number}\n"
        f"    text: The council met on a Tuesday and discussed item {number} at length.\n"
        "    kind: characterization\n"
        "    check_worthy: false\n"
        f'    anchor: {{exact: "item {number}"}}\n'
        for number in range(claims)
    )
    paths = []
    for index in range(count):
        path = folder / f"doc-{index:03d}.yaml"
        text = f"version: 1\ndocument: {{id: d{index}, title: T{index}}}\nclaims:\n{body}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[weakref.ref[Any]]:
    """Weak references to every document the pipeline loads, in the order loaded."""
    refs: list[weakref.ref[Any]] = []
    load_bytes = claimtrack.pipeline.load_bytes

    def spy(*args: Any, **kwargs: Any) -> Any:
        document = load_bytes(*args, **kwargs)
        refs.append(weakref.ref(document))
        return document

    monkeypatch.setattr(claimtrack.pipeline, "load_bytes", spy)
    return refs


def _alive(refs: list[weakref.ref[Any]]) -> list[int]:
    gc.collect()
    return [index for index, ref in enumerate(refs) if ref() is not None]


class TestWhatResultsKeep:
    def test_no_loaded_document_by_default(self, tmp_path: Path) -> None:
        """A result keeps its records and snapshot but not the file as loaded, unless
        asked to."""
        (path,) = _claim_files(tmp_path, 1)
        result = check(path).files[0]
        assert result.document is None
        assert result.claim_file is not None
        kept = check(path, CheckSettings(keep_documents=True)).files[0]
        assert kept.document is not None
        assert kept.document.path == path

    def test_without_records_only_findings_stay(self, tmp_path: Path) -> None:
        """With keep_records off, a result checked in this process carries its findings
        and record ids and nothing of the file itself, as a worker's result does."""
        (path,) = _claim_files(tmp_path, 1)
        slim = check(path, CheckSettings(keep_records=False)).files[0]
        full = check(path).files[0]
        assert (slim.claim_file, slim.snapshot, slim.document) == (None, None, None)
        assert slim.findings == full.findings
        assert slim.record_data == full.record_data

    def test_documents_die_with_the_check(self, tmp_path: Path, loaded: list[Any]) -> None:
        """Once check() returns, no loaded document is alive, records kept or not."""
        paths = _claim_files(tmp_path, 4)
        results = check(paths)
        assert len(loaded) == 4
        assert _alive(loaded) == []
        assert all(result.claim_file is not None for result in results.files)

    def test_records_die_with_their_result(self, tmp_path: Path) -> None:
        """Without keep_records, a file's records are gone before the next file's result
        is handed over."""
        paths = _claim_files(tmp_path, 3)
        refs: list[weakref.ref[Any]] = []
        original = claimtrack.pipeline._unbaselined

        def spy(*args: Any, **kwargs: Any) -> Any:
            made = original(*args, **kwargs)  # the result, and the shared sources it cites
            refs.append(weakref.ref(made[0].claim_file))
            return made

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(claimtrack.pipeline, "_unbaselined", spy)
            for index, _ in enumerate(iter_check(paths, CheckSettings(keep_records=False))):
                assert _alive(refs) == [], f"records alive at result {index}"
        assert len(refs) == 3


class TestIterCheck:
    def test_same_results_as_check(self, tmp_path: Path) -> None:
        """iter_check gives the results check gives, in the same order, mixed inputs too."""
        paths = _claim_files(tmp_path, 3)
        (tmp_path / "broken.yaml").write_text("version: [\n", encoding="utf-8")
        document = claimtrack.load_document(paths[0])
        inputs: list[Any] = [paths[2], str(tmp_path / "broken.yaml"), document, paths[1]]
        streamed = list(iter_check(inputs))
        assert [r.path for r in streamed] == [r.path for r in check(inputs).files]
        assert [r.findings for r in streamed] == [r.findings for r in check(inputs).files]
        assert streamed[1].findings[0].code == "E102"  # not parseable

    def test_one_document_alive_at_a_time(self, tmp_path: Path, loaded: list[Any]) -> None:
        """While the results are taken one by one, only the file just checked can still
        be in memory: every earlier document is already freed."""
        paths = _claim_files(tmp_path, 5)
        for index, result in enumerate(iter_check(paths)):
            assert result.path == paths[index]
            assert _alive(loaded) == [], f"documents alive at result {index}"
        assert len(loaded) == 5

    def test_memory_is_flat_in_the_number_of_files(self, tmp_path: Path) -> None:
        """The peak of checking 24 files, keeping findings only, is about that of 6: it
        does not grow with the number of files."""
        paths = _claim_files(tmp_path, 24)
        settings = CheckSettings(keep_records=False)
        check(paths[:1], settings)  # imports and caches outside the measurement

        def peak(count: int) -> int:
            tracemalloc.start()
            try:
                check(paths[:count], settings)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        few, many = peak(6), peak(24)
        assert many < few * 1.5, f"peak {many} bytes for 24 files, {few} for 6"
