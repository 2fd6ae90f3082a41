"""Checking the claims of one file in windows, across processes, finds exactly what checking
the file whole finds: every finding, located in the file, and every file-wide fact (ids used
twice, sources no claim cites, suppressions) across window boundaries."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import _windows
from claimtrack import batch as _check
from claimtrack import pipeline as _evaluate
from claimtrack._convert import unstructure
from claimtrack.cli.main import cli
from claimtrack.io.load import load_bytes, load_path
from claimtrack.model import Claim, ClaimFile
from tests import strategies
from tests.conftest import FIXTURES, ROOT

SERIAL = _check.CheckSettings(keep_records=False)
ARTICLE = ROOT / "claims" / "assad-fall-iran-syria.yaml"


@pytest.fixture
def tiny_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of a few claims, and a second process for as few as two claims, so that small
    files are cut as a large one would be."""
    monkeypatch.setattr(_windows, "MIN_CLAIMS_PER_PROCESS", 2)
    monkeypatch.setattr(_windows, "WINDOW", 2)


@pytest.fixture
def early(monkeypatch: pytest.MonkeyPatch) -> None:
    """Helpers started before parsing for files of any size, as for a large one."""
    monkeypatch.setattr(_windows, "EARLY_BYTES", 0)


@pytest.fixture
def parent_windows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first claims of the windows this process checks (helpers' are not seen here)."""
    seen: list[int] = []
    real = _windows._check_window

    def spy(prepared: _windows.Prepared, selection: Any, window: tuple[int, int]) -> Any:
        seen.append(window[0])
        return real(prepared, selection, window)

    monkeypatch.setattr(_windows, "_check_window", spy)
    return seen


def _in_helpers(real: Any, change: Any) -> Any:
    """``real``, but ``change(real, ...)`` where a helper process calls it."""
    parent = os.getpid()

    def call(*args: Any) -> Any:
        return real(*args) if os.getpid() == parent else change(real, *args)

    return call


def _same(path: Path, jobs: int) -> None:
    # keep_records=True keeps the file whole; the CLI's setting (False) allows windows.
    (whole,) = _check.check([path], SERIAL).files
    (windowed,) = _check.check([path], attrs.evolve(SERIAL, jobs=jobs)).files
    assert windowed.findings == whole.findings
    assert windowed.suppressed == whole.suppressed
    assert windowed.snapshot == whole.snapshot


FILES = sorted(
    [
        *(FIXTURES / "claims" / "valid").glob("*.yaml"),
        *(FIXTURES / "claims" / "invalid").glob("*.yaml"),
        *(ROOT / "claims").glob("*.yaml"),
    ]
)


@pytest.mark.usefixtures("tiny_windows")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_fixture_checks_alike_in_windows(path: Path) -> None:
    _same(path, jobs=3)


@pytest.mark.usefixtures("tiny_windows", "early")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_fixture_checks_alike_with_helpers_started_before_parsing(path: Path) -> None:
    _same(path, jobs=3)
    assert multiprocessing.active_children() == []  # used or not, every helper is gone


def _claim_number(claim: Claim, number: int, pool: list[str], sources: list[str]) -> Claim:
    """A claim with an id from a small pool (so ids repeat, across windows too) citing the
    file's own sources or an unknown one."""
    citations = tuple(
        attrs.evolve(citation, source=sources[n % len(sources)] if sources else "nowhere")
        for n, citation in enumerate(claim.citations)
    )
    return attrs.evolve(claim, id=pool[number % len(pool)], citations=citations)


@st.composite
def _files(draw: st.DrawFn) -> ClaimFile:
    base = draw(strategies.claim_files)
    claims = draw(st.lists(strategies.claims, min_size=2, max_size=9))
    pool = draw(st.lists(strategies.ids, min_size=1, max_size=len(claims), unique=True))
    sources = [source.id for source in base.sources]
    used = draw(st.lists(st.sampled_from(sources), max_size=len(sources))) if sources else []
    renumbered = [
        _claim_number(claim, number, pool, used or sources) for number, claim in enumerate(claims)
    ]
    return attrs.evolve(base, claims=tuple(renumbered))


@settings(max_examples=40, deadline=None)
@given(_files(), st.integers(min_value=1, max_value=3), st.sampled_from(["json", "yaml"]))
def test_any_file_checks_alike_in_windows(claim_file: ClaimFile, window: int, form: str) -> None:
    """Random files, with ids that repeat and sources cited or not, in windows of 1–3 claims:
    the same findings and suppressions as checking the file whole."""
    data: Any = unstructure(claim_file)
    text = json.dumps(data, indent=1) if form == "json" else _yaml(data)
    document = load_bytes(text.encode("utf-8"), f"claims.{form}")
    whole = _check.check_document(document, SERIAL)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_windows, "MIN_CLAIMS_PER_PROCESS", 1)
        patch.setattr(_windows, "WINDOW", window)
        windowed = _check.check_document(document, attrs.evolve(SERIAL, jobs=2))
    assert windowed.findings == whole.findings
    assert windowed.suppressed == whole.suppressed


def _yaml(data: Any) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.usefixtures("tiny_windows")
def test_a_duplicate_id_and_its_suppression_in_other_windows() -> None:
    """A suppression on one claim silences the flag of a claim with the same id in another
    window, as it does in a whole-file check, and the duplicate id is still reported."""
    claim = {
        "id": "twin",
        "text": "Iran withdrew its advisers.",
        "kind": "event",
        "anchor": {"exact": "Iran withdrew"},
        "dates": [{"date": "2024-12"}],
    }
    data = {
        "version": 1,
        "document": {"id": "doc", "title": "A document"},
        "claims": [
            {**claim, "suppress": [{"rule": "F101", "reason": "Checked by hand."}]},
            {**claim, "id": "other"},
            {**claim, "id": "third"},
            claim,
        ],
    }
    document = load_bytes(json.dumps(data, indent=2).encode(), "twins.json")
    whole = _check.check_document(document, SERIAL)
    windowed = _check.check_document(document, attrs.evolve(SERIAL, jobs=2))
    assert windowed.findings == whole.findings
    assert windowed.suppressed == whole.suppressed
    duplicates = [f.location.pointer for f in whole.findings if f.code == "E201"]
    assert duplicates == ["/claims/3/id"]  # the second 'twin', a window later
    assert [item.finding.location.claim_id for item in whole.suppressed] == ["twin", "twin"]


@pytest.mark.usefixtures("tiny_windows")
def test_claims_that_cannot_be_structured_are_reported_as_a_whole_check_reports_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If a window's claims cannot be structured (the schema and the model disagree, a
    defect), the file is checked whole, which says what failed."""
    document = load_path(ARTICLE)
    whole = _check.check_document(document, SERIAL)

    monkeypatch.setattr(_windows, "structure_claims", _refuse)
    windowed = _check.check_document(document, attrs.evolve(SERIAL, jobs=2))
    assert windowed.findings == whole.findings


@pytest.mark.usefixtures("tiny_windows")
@pytest.mark.parametrize("started", ["after parsing", "before parsing"])
def test_no_helper_processes_means_one_process(
    monkeypatch: pytest.MonkeyPatch, parent_windows: list[int], started: str
) -> None:
    """Where processes cannot be forked or started, the file is checked in this one."""
    if started == "before parsing":
        monkeypatch.setattr(_windows, "EARLY_BYTES", 0)
    whole = _check.check([ARTICLE], SERIAL).files[0]

    def cannot_start(*args: object, **kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", cannot_start)
    assert _check.check([ARTICLE], attrs.evolve(SERIAL, jobs=2)).files[0].findings == (
        whole.findings
    )
    monkeypatch.setattr(_windows, "fork_context", lambda: None)
    assert _check.check([ARTICLE], attrs.evolve(SERIAL, jobs=2)).files[0].findings == (
        whole.findings
    )
    assert parent_windows == []  # no windows: the file was checked whole


def _other_snapshot(real: Any, document: Any, settings: Any) -> Any:
    prepared, snapshot = real(document, settings)
    return attrs.evolve(prepared, snapshot_sha256="0" * 64), snapshot


def _die(real: Any, *args: Any) -> Any:
    os._exit(3)


def _cannot_structure(real: Any, data: Any) -> Any:
    return _refuse(data)


@pytest.mark.usefixtures("tiny_windows", "early")
@pytest.mark.parametrize(
    ("trouble", "target", "change"),
    [
        ("read another snapshot", "_prepared", _other_snapshot),
        ("dies", "_prepared", _die),
        ("cannot structure a window", "structure_claims", _cannot_structure),
    ],
)
def test_a_helper_in_trouble_means_the_file_is_checked_whole(
    monkeypatch: pytest.MonkeyPatch, trouble: str, target: str, change: Any
) -> None:
    """A helper that read another snapshot (the file changed between two reads), died, or
    could not check a window it took: its windows do not count, so the file is checked
    whole in this process, with the same findings as ever."""
    whole = _check.check([ARTICLE], SERIAL).files[0]
    module = _evaluate if target == "_prepared" else _windows
    monkeypatch.setattr(module, target, _in_helpers(getattr(module, target), change))
    # This process takes its time, so the helper surely takes windows of its own.
    real_window = _windows._check_window

    def slowly(*args: Any) -> Any:
        time.sleep(0.01)
        return real_window(*args)

    monkeypatch.setattr(_windows, "_check_window", slowly)
    checked_whole: list[bool] = []
    real = _evaluate.windowed

    def spy(*args: Any) -> Any:
        outcome = real(*args)
        checked_whole.append(outcome is None)
        return outcome

    monkeypatch.setattr(_evaluate, "windowed", spy)
    result = _check.check([ARTICLE], attrs.evolve(SERIAL, jobs=2)).files[0]
    assert checked_whole == [True]
    assert result.findings == whole.findings
    assert result.suppressed == whole.suppressed
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("tiny_windows")
@pytest.mark.parametrize("started", ["after parsing", "before parsing"])
def test_helpers_share_the_windows_when_all_goes_well(
    monkeypatch: pytest.MonkeyPatch, started: str
) -> None:
    """This process checks some windows, a helper the others, and the findings are those
    of a whole-file check."""
    if started == "before parsing":
        monkeypatch.setattr(_windows, "EARLY_BYTES", 0)
    whole = _check.check([ARTICLE], SERIAL).files[0]
    mine: list[int] = []
    real = _windows._check_window

    def slowly(prepared: _windows.Prepared, selection: Any, window: tuple[int, int]) -> Any:
        mine.append(window[0])  # seen here for this process's windows only
        time.sleep(0.01)  # so that the helper, started later, surely takes some
        return real(prepared, selection, window)

    monkeypatch.setattr(_windows, "_check_window", slowly)
    shared: list[bool] = []
    real_windowed = _evaluate.windowed

    def spy(*args: Any) -> Any:
        outcome = real_windowed(*args)
        shared.append(outcome is not None)
        return outcome

    monkeypatch.setattr(_evaluate, "windowed", spy)
    result = _check.check([ARTICLE], attrs.evolve(SERIAL, jobs=2)).files[0]
    assert shared == [True]  # the helper's windows counted
    assert 0 < len(mine) < len(range(0, 186, 2))
    assert result.findings == whole.findings
    assert result.suppressed == whole.suppressed
    assert multiprocessing.active_children() == []


def _refuse(data: Any) -> tuple[Claim, ...]:
    from cattrs.errors import ClassValidationError

    raise ClassValidationError("planted by the test", [ValueError("no")], Claim)


def test_windows_only_for_large_files_and_several_jobs() -> None:
    assert _windows.processes_for(5 * _windows.MIN_CLAIMS_PER_PROCESS, 1) == 1
    assert _windows.processes_for(_windows.MIN_CLAIMS_PER_PROCESS * 2 - 1, 8) == 1
    assert _windows.processes_for(_windows.MIN_CLAIMS_PER_PROCESS * 2, 8) == 2
    assert _windows.processes_for(_windows.MIN_CLAIMS_PER_PROCESS * 100, 8) == 8


def test_records_kept_means_the_file_is_checked_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that keeps the records gets them, so the file is not cut into windows."""
    monkeypatch.setattr(_windows, "MIN_CLAIMS_PER_PROCESS", 1)
    path = ARTICLE
    result = _check.check_document(load_path(path), _check.CheckSettings(jobs=2))
    assert result.claim_file is not None


@pytest.mark.usefixtures("tiny_windows")
def test_the_check_command_prints_the_same_with_and_without_windows(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    runner = CliRunner()
    args = ["check", "--no-cache", "-f", "json", str(tmp_path / "claims")]
    serial = runner.invoke(cli, [*args, "--jobs", "1"])
    windowed = runner.invoke(cli, [*args, "--jobs", "3"])
    assert windowed.exit_code == serial.exit_code
    assert windowed.stdout == serial.stdout
    assert json.loads(serial.stdout)["findings"]


def test_a_counter_lock_never_let_go_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that died holding the counter's lock does not hang the others."""
    monkeypatch.setattr(_windows, "_LOCK_SECONDS", 0.05)
    counter = multiprocessing.get_context().Value("q", 0)
    total = 3 * _windows.WINDOW
    assert _windows._take(counter, total) == (0, _windows.WINDOW)
    # Taken by another thread and never released, as by a process that died holding it.
    holder = threading.Thread(target=counter.get_lock().acquire)
    holder.start()
    holder.join()
    with pytest.raises(_windows._Stuck):
        _windows._take(counter, total)


@pytest.mark.usefixtures("tiny_windows")
def test_a_stuck_counter_means_the_file_is_checked_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _check.check([ARTICLE], SERIAL).files[0]

    def stuck(counter: Any, total: int) -> None:
        raise _windows._Stuck

    monkeypatch.setattr(_windows, "_take", stuck)
    result = _check.check([ARTICLE], attrs.evolve(SERIAL, jobs=2)).files[0]
    assert result.findings == whole.findings
    assert multiprocessing.active_children() == []


def _check_in_a_pool_worker(path: str) -> tuple[Any, ...]:
    return _check.check_document(load_path(path), attrs.evolve(SERIAL, jobs=2)).findings


@pytest.mark.usefixtures("tiny_windows")
def test_a_daemonic_process_checks_in_one_process() -> None:
    """A pool's worker may not have children: the file is checked in it, without helpers."""
    whole = _check.check_document(load_path(ARTICLE), SERIAL)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_check_in_a_pool_worker, (str(ARTICLE),)) == whole.findings
