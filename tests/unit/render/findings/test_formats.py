"""SARIF output validates against the official SARIF 2.1.0 schema; JSON against ours."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from claimtrack import check
from claimtrack.render.findings.json import render_json
from claimtrack.render.findings.sarif import render_sarif
from claimtrack.results import FileResult
from claimtrack.rules import iter_rules
from claimtrack.schema import load_schema

ROOT = Path(__file__).resolve().parents[4]
FIXTURES = ROOT / "tests" / "fixtures" / "claims"


def _sarif_schema() -> dict[str, Any]:
    for shared in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        path = shared / "reference" / "sarif" / "sarif-schema-2.1.0.json"
        if path.is_file():
            loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return loaded
    if os.environ.get("CI"):
        pytest.fail("../shared/reference/sarif/sarif-schema-2.1.0.json is missing")
    pytest.skip("the shared reference files are not beside this checkout")


def _results() -> list[FileResult]:
    invalid = sorted((FIXTURES / "invalid").glob("*.yaml"))
    paths = [*invalid, FIXTURES / "valid" / "F001-unused-suppression.yaml"]
    return list(check(paths).files)


class TestSarif:
    def test_validates_against_the_official_schema(self) -> None:
        """The SARIF log of the invalid fixtures is valid SARIF 2.1.0."""
        log = json.loads(render_sarif(_results()))
        errors = sorted(Draft4Validator(_sarif_schema()).iter_errors(log), key=str)
        assert [error.message for error in errors] == []

    def test_rules_come_from_the_registry(self) -> None:
        """tool.driver.rules lists every registered rule with its documentation link."""
        docs = "https://docs.example.test/claimtrack/"
        driver = json.loads(render_sarif([], docs))["runs"][0]["tool"]["driver"]
        assert [rule["id"] for rule in driver["rules"]] == [r.code for r in iter_rules()]
        by_id = {rule["id"]: rule for rule in driver["rules"]}
        assert by_id["F101"]["name"] == "citation-needed"
        assert by_id["F101"]["helpUri"] == docs + "generated/rules/F101.html"
        plain = json.loads(render_sarif([]))["runs"][0]["tool"]["driver"]
        assert "helpUri" not in plain["rules"][0]  # no docs site given: no invented link
        assert by_id["F111"]["defaultConfiguration"] == {"level": "note"}

    def test_results_have_regions_and_suppressions(self) -> None:
        """Results carry a region; suppressed findings carry an inSource suppression."""
        results = json.loads(render_sarif(_results()))["runs"][0]["results"]
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
        assert all(region["startLine"] >= 1 and region["startColumn"] >= 1 for region in regions)
        suppressed = [r for r in results if "suppressions" in r]
        assert [s["suppressions"][0]["justification"] for s in suppressed] == [
            "The date is in the next sentence."
        ]


class TestJson:
    def test_validates_against_the_published_output_schema(self) -> None:
        """The JSON report, suppression and baseline counts included, fits its schema."""
        data = json.loads(render_json(_results()))
        validator = Draft202012Validator(load_schema("check-output.schema.json"))
        assert [error.message for error in validator.iter_errors(data)] == []
        assert data["summary"]["suppressed"] == 1


_HEAD = "version: 1\ndocument: {id: d, title: T}\nclaims:\n"
_ONE = "  - {id: one, text: t, kind: assessment, anchor: {exact: a}}\n"
_TWO = "  - {id: two, text: t, kind: assessment, anchor: {exact: b}}\n"


def _sarif_of(text: str) -> list[dict[str, Any]]:
    """The SARIF results of one claim file's text."""
    from claimtrack.io.load import load_bytes

    outcome = check(load_bytes(text.encode(), "c.yaml"))
    results: list[dict[str, Any]] = json.loads(render_sarif(list(outcome.files)))["runs"][0][
        "results"
    ]
    return results


class TestSarifFingerprints:
    def test_fingerprints_survive_moving_claims(self) -> None:
        """Reordering claims changes lines but not the results' fingerprints."""

        head, one, two = _HEAD, _ONE, _TWO

        def prints(text: str) -> set[str]:
            return {r["partialFingerprints"]["claimtrackKey/v1"] for r in _sarif_of(text)}

        assert prints(head + one + two) == prints(head + two + "\n\n" + one)
        assert len(prints(head + one + two)) == 2

    def test_primary_location_line_hash_ignores_inserted_lines(self) -> None:
        """GitHub's primaryLocationLineHash stays put when lines are inserted above a finding,
        and tells two findings with the same key apart by occurrence."""

        head, one, two = _HEAD, _ONE, _TWO

        def hashes(text: str) -> list[str]:
            return sorted(
                r["partialFingerprints"]["primaryLocationLineHash"] for r in _sarif_of(text)
            )

        before = hashes(head + one + two)
        assert before == hashes("# a comment\n\n" + head + "\n" + one + "\n\n" + two)
        assert len(set(before)) == len(before) == 2
        assert all(re.fullmatch(r"[0-9a-f]{16}:1", value) for value in before)

    def test_identical_keys_are_told_apart_by_occurrence(self) -> None:
        """Two findings with one key get the occurrences 1 and 2 of one hash."""
        from collections import Counter

        from claimtrack.findings import Finding, Location, Severity
        from claimtrack.render.findings.sarif import _fingerprints

        finding = Finding(
            code="F101",
            name="citation-needed",
            severity=Severity.WARNING,
            message="m",
            location=Location(path="c.yaml", line=1, column=1, pointer="/claims/0"),
        )
        seen: Counter[str] = Counter()
        first = _fingerprints(finding, None, seen)["primaryLocationLineHash"]
        second = _fingerprints(finding, None, seen)["primaryLocationLineHash"]
        assert first.endswith(":1")
        assert second == first.removesuffix(":1") + ":2"


class TestSarifBaseline:
    def test_new_results_and_fixed_entries_against_a_baseline(self, tmp_path: Path) -> None:
        """With a baseline, counted results are baselineState new and fixed entries become
        notifications (never results GitHub would show as open alerts); the log stays valid."""
        from claimtrack.lint.baseline import BaselineEntry, load_baseline, render_baseline
        from claimtrack.settings import CheckSettings

        claim_file = FIXTURES / "invalid" / "F101-citation-needed.yaml"
        copied = tmp_path / claim_file.name
        copied.write_bytes(claim_file.read_bytes())
        gone = BaselineEntry(path=copied.name, code="F105", claim_id="nobody", pointer="/text")
        baseline_file = tmp_path / "baseline.json"
        baseline_file.write_text(render_baseline([gone]), encoding="utf-8")
        settings = CheckSettings(baseline=load_baseline(baseline_file))
        files = list(check([copied], settings).files)
        log = json.loads(render_sarif(files, baseline="baseline.json"))
        run = log["runs"][0]
        assert run["results"]
        assert {r["baselineState"] for r in run["results"]} == {"new"}
        notes = run["invocations"][0]["toolExecutionNotifications"]
        assert len(notes) == 1
        assert "F105" in notes[0]["message"]["text"]
        assert "nobody" in notes[0]["message"]["text"]
        errors = sorted(Draft4Validator(_sarif_schema()).iter_errors(log), key=str)
        assert [error.message for error in errors] == []
        plain = json.loads(render_sarif(files))["runs"][0]
        assert "invocations" not in plain
        assert all("baselineState" not in r for r in plain["results"])
