"""Fuzzing: hostile and mutated claim files through ``loads``, ``check`` and ``check -``
raise nothing but LoadError, never crash the command line, and every finding has a place.

How many documents each test tries follows the hypothesis profile (see tests/conftest.py):
the ``dev`` profile a few dozen, the ``ci`` profile (``CI=true``) 1,700 per test (5,100 in
all), the ``fuzz`` profile 20,000 per test for a long local run. ``CLAIMTRACK_FUZZ_EXAMPLES``
sets the number directly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import claimtrack
from claimtrack.cli.main import cli
from tests.hostile import hostile_documents

_PER_PROFILE = {"dev": 40, "ci": 1700, "fuzz": 20000}
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
EXAMPLES = int(os.environ.get("CLAIMTRACK_FUZZ_EXAMPLES") or _PER_PROFILE.get(_PROFILE, 40))
_FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class TestFuzz:
    """No hostile document gets past the library's documented errors."""

    @_FUZZ
    @given(data=hostile_documents)
    def test_loads_raises_only_load_error(self, data: bytes) -> None:
        """``loads`` gives records or raises LoadError whose findings all have a line."""
        for fmt in ("yaml", "json"):
            try:
                claimtrack.loads(data, fmt, name="fuzz")
            except claimtrack.LoadError as error:
                assert error.findings
                assert all(f.location.line >= 1 for f in error.findings)

    @_FUZZ
    @given(data=hostile_documents)
    def test_check_never_raises(self, tmp_path: Path, data: bytes) -> None:
        """``check`` on a file holding the document returns findings and raises nothing;
        the JSON output of them is valid UTF-8 JSON."""
        path = tmp_path / "fuzz.yaml"
        path.write_bytes(data)
        result = claimtrack.check([path])
        for finding in result.findings:
            assert finding.location.line >= 1
            assert finding.location.column >= 1
        from claimtrack.render.findings.json import render_json

        json.loads(render_json(list(result.files)).encode("utf-8"))

    @_FUZZ
    @given(data=hostile_documents)
    def test_check_stdin_never_crashes(self, data: bytes) -> None:
        """``claimtrack check -`` exits 0, 1 or 2, never with an internal error, and its
        text output holds no raw escape character."""
        result = CliRunner().invoke(
            cli, ["check", "--no-cache", "--stdin-filename", "fuzz.json", "-"], input=data
        )
        assert result.exit_code in (0, 1, 2), result.output
        assert "internal error" not in result.output
        assert "\x1b" not in result.stdout
