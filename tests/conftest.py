"""Shared test configuration: hypothesis profiles, fixture paths, the report fixtures, and
the official reference schemas beside the repository."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import claimtrack
from claimtrack.render.report import Report, build_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# A long local run (the fuzz suite tries 20,000 documents per test under it).
settings.register_profile(
    "fuzz", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI (which sets CI=true) runs the thorough profile; HYPOTHESIS_PROFILE overrides either.
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`claimtrack check` run from the repository's root keeps its cache in a temporary
    folder, not in a .claimtrack-cache beside the sources (tests write under tmp only)."""
    from claimtrack.cli import check as check_command
    from claimtrack.io.snapshot import find_project_root

    original = check_command._cache

    def redirected(settings: Any, config_path: Path | None, folder: Path | None) -> Any:
        if folder is None and find_project_root(Path.cwd()).resolve() == ROOT:
            folder = tmp_path_factory.getbasetemp() / "claimtrack-cache"
        return original(settings, config_path, folder)

    monkeypatch.setattr(check_command, "_cache", redirected)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any test left a result cache in the repository's root."""
    if (ROOT / ".claimtrack-cache").exists() and not _CACHE_BEFORE:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nA test wrote .claimtrack-cache into the repository's root.")  # noqa: T201


_CACHE_BEFORE = (ROOT / ".claimtrack-cache").exists()


@pytest.fixture
def fixtures() -> Path:
    """The folder of test fixtures."""
    return FIXTURES


REPORT_FIXTURES = ROOT / "tests" / "fixtures" / "reports"


def _reference_dir() -> Path | None:
    """``shared/reference`` beside the repository (CI) or beside one of its parent folders."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "reference"
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The official schemas and examples; required in CI, skipped elsewhere when absent."""
    found = _reference_dir()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("../shared/reference is missing beside the repository")
        pytest.skip("../shared/reference (official schemas) is not beside the repository")
    return found


def _report_of(*names: str) -> Report:
    paths = [REPORT_FIXTURES / name / "claims.yaml" for name in names]
    return build_report(claimtrack.check(paths).files)


@pytest.fixture(scope="session")
def report_of() -> Callable[..., Report]:
    """A function giving the report data of report fixtures, by folder name."""
    return _report_of


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The folder of the report fixtures."""
    return REPORT_FIXTURES


@pytest.fixture(scope="session")
def article_report() -> Report:
    """The report of the realistic article fixture."""
    return _report_of("article")


@pytest.fixture(scope="session")
def small_report() -> Report:
    """The report of the small fixture (overlaps, an unplaced anchor, an uncited source)."""
    return _report_of("small")


@pytest.fixture(scope="session")
def hostile_report() -> Report:
    """The report of the hostile fixture (markup, quotes and formulas in every field)."""
    return _report_of("hostile")
