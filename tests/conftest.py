"""Shared test configuration: hypothesis profiles, fixture paths, the report fixtures, and
the official reference schemas beside the repository."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

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
# CI (which sets CI=true) runs the thorough profile; HYPOTHESIS_PROFILE overrides either.
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


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
