"""Every flag has a fixture that triggers it exactly once and a near miss that must not.

The near misses live in fixtures/claims/valid/, whose files tests/unit/test_fixtures.py
checks to be free of any finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimtrack import check
from claimtrack.lint.link_flags import ONLINE_RULES
from claimtrack.rules import iter_rules

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "claims"
INVALID = sorted((FIXTURES / "invalid").glob("F*.yaml"))
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
MARKER = re.compile(r"#\s*<--\s*([A-Z][0-9]{3})\b")


def _expected(path: Path) -> tuple[str, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            return match.group(1), number
    raise AssertionError(f"{path.name} has no '# <-- CODE' marker")


class TestFlagFixtures:
    @pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
    def test_invalid_fixture_triggers_its_code_once_on_the_marked_line(self, path: Path) -> None:
        """An invalid fixture yields exactly one finding: its code, on the marked line."""
        code, line = _expected(path)
        assert path.name.startswith(code)
        findings = check(path).findings
        assert [(f.code, f.location.line) for f in findings] == [(code, line)]

    def test_every_flag_has_a_fixture_and_a_near_miss(self) -> None:
        """Each registered flag has an invalid fixture and a same-named valid near miss."""
        invalid = {path.name for path in INVALID}
        valid = {path.name for path in VALID}
        for rule in iter_rules():
            # The rules of `sources check --online` need a live server (see its tests).
            if not rule.code.startswith("F") or rule in ONLINE_RULES:
                continue
            name = f"{rule.code}-{rule.name}.yaml"
            assert name in invalid, f"missing invalid/{name}"
            assert name in valid, f"missing valid/{name}"
