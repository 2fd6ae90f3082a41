"""A worker process that dies costs only the file it was checking, never the run."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

import claimtrack
from claimtrack import pipeline
from claimtrack.concurrency import WorkerDied, iter_in_processes, map_in_processes
from tests.conftest import FIXTURES

DOOMED = "doomed"


def _square_unless_doomed(item: str) -> int:
    """The item's length squared; the process ends at once, as if killed, on ``DOOMED``."""
    if item == DOOMED:
        os.kill(os.getpid(), signal.SIGKILL)
    return len(item) ** 2


class TestMapInProcesses:
    """map_in_processes gives every result in order, and WorkerDied only where a worker
    died of its own item."""

    def test_results_come_back_in_order(self) -> None:
        """Items spread over two workers come back in the order given."""
        items = ["a" * n for n in range(1, 30)]
        assert map_in_processes(_square_unless_doomed, items, 2, chunksize=4) == [
            n * n for n in range(1, 30)
        ]

    def test_a_killed_worker_costs_its_own_item_only(self) -> None:
        """The item that kills its worker gives WorkerDied; every other item, including
        those in the same chunk and those pending when the pool broke, keeps its result."""
        items = ["ab", "abc", DOOMED, "a", "abcd", "abcde", "ab", "abc"]
        results = map_in_processes(_square_unless_doomed, items, 2, chunksize=3)
        assert results == [4, 9, WorkerDied(), 1, 16, 25, 4, 9]


class TestIterInProcesses:
    """iter_in_processes gives the results map_in_processes gives, one by one, while the
    workers go on."""

    def test_results_come_back_in_order(self) -> None:
        """Items spread over two workers, a few chunks ahead, come back in the order given."""
        items = ["a" * n for n in range(1, 30)]
        results = iter_in_processes(_square_unless_doomed, items, 2, chunksize=3, ahead=1)
        assert list(results) == [n * n for n in range(1, 30)]

    def test_a_killed_worker_costs_its_own_item_only(self) -> None:
        """The item that kills its worker gives WorkerDied; the results given before it
        and every item after it keep their results."""
        items = ["ab", "abc", "a", DOOMED, "abcd", "abcde", "ab", "abc", "a"]
        results = list(iter_in_processes(_square_unless_doomed, items, 2, chunksize=2))
        assert results == [4, 9, 1, WorkerDied(), 16, 25, 4, 9, 1]


def _check_path_killing_doomed(
    item: str | os.PathLike[str], settings: claimtrack.CheckSettings, content: bytes | None = None
) -> pipeline.CheckedPath:
    """check_path, except that the process checking a file named ``doomed.yaml`` is killed."""
    if Path(item).name == f"{DOOMED}.yaml":
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_CHECK_PATH(item, settings, content)


_REAL_CHECK_PATH = pipeline.check_path


def test_a_killed_worker_is_one_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check() over many files with --jobs 2, one of which kills the worker checking it,
    reports an E100 finding naming that file, and every other file's findings as a run in
    one process does."""
    sources = sorted((FIXTURES / "claims" / "invalid").glob("E2*.yaml"))
    paths: list[str | os.PathLike[str]] = []
    for index in range(24):
        target = tmp_path / f"file-{index:02}.yaml"
        shutil.copy(sources[index % len(sources)], target)
        paths.append(target)
    doomed = tmp_path / f"{DOOMED}.yaml"
    shutil.copy(sources[0], doomed)
    paths.insert(7, doomed)
    serial = claimtrack.check(paths, claimtrack.CheckSettings(jobs=1))
    # Workers are forked, so they inherit the patched function.
    monkeypatch.setattr(pipeline, "check_path", _check_path_killing_doomed)
    parallel = claimtrack.check(paths, claimtrack.CheckSettings(jobs=2))
    assert len(parallel.files) == len(paths)
    (died,) = (result for result in parallel.files if result.path.endswith(f"{DOOMED}.yaml"))
    assert [finding.code for finding in died.findings] == ["E100"]
    assert "ended before it gave a result" in died.findings[0].message
    assert died.findings[0].location.path == died.path
    others = [(r.path, r.findings) for r in parallel.files if r is not died]
    assert others == [(r.path, r.findings) for r in serial.files if r.path != died.path]
