"""The fixture folders: each invalid E-fixture triggers its code at its line; valid files are
clean. (Flag fixtures, F*, have their own test in tests/unit/lint/test_fixtures.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import claimtrack
from claimtrack.findings import Severity
from tests.conftest import FIXTURES

VALID = sorted((FIXTURES / "claims" / "valid").glob("*.*"))
INVALID = sorted((FIXTURES / "claims" / "invalid").glob("E*.*"))

# JSON has no comments, so the expected line of JSON fixtures is kept here.
JSON_LINES = {
    "E102-syntax-error-truncated.json": 4,
    "E103-duplicate-key.json": 4,
    "E105-unsupported-value.json": 5,
}


def _expected(path: Path) -> tuple[str, int]:
    code = path.name.split("-", 1)[0]
    if path.suffix == ".json":
        return code, JSON_LINES[path.name]
    head = path.read_bytes()[:200].decode("utf-8", errors="replace")
    match = re.search(r"# expect: ([A-Z][0-9]{3}) line ([0-9]+)", head)
    assert match is not None, f"{path.name} lacks an '# expect: CODE line N' header"
    assert match.group(1) == code, f"{path.name}: header and name disagree"
    return code, int(match.group(2))


class TestInvalidFixtures:
    """tests/fixtures/claims/invalid/<CODE>-<name>.*"""

    @pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
    def test_fixture_triggers_its_code_once_at_its_line(self, path: Path) -> None:
        """The file yields its code exactly once, at the line its header names, and no other
        error."""
        code, line = _expected(path)
        result = claimtrack.check(path)
        findings = result.findings
        matching = [f for f in findings if f.code == code]
        assert [(f.code, f.location.line) for f in matching] == [(code, line)], findings
        other_errors = [f for f in findings if f.severity is Severity.ERROR and f.code != code]
        assert other_errors == []

    def test_every_error_rule_has_a_fixture(self) -> None:
        """Each E-code in the registry has at least one invalid fixture."""
        from claimtrack.rules import iter_rules

        covered = {path.name.split("-", 1)[0] for path in INVALID}
        codes = {rule.code for rule in iter_rules() if rule.code.startswith("E")}
        # E100 (unreadable) needs a file that cannot be opened: see the CLI tests.
        assert codes - covered == {"E100"}


class TestValidFixtures:
    """tests/fixtures/claims/valid/*"""

    @pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
    def test_fixture_is_clean(self, path: Path) -> None:
        """A valid fixture, flag near misses included, loads and yields no finding at all."""
        result = claimtrack.check(path)
        assert [f"{f.code} {f.message}" for f in result.findings] == []
        assert result.files[0].claim_file is not None
