"""The baseline: known findings keyed by file, rule, record id and pointer, never by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack import CheckSettings, check
from claimtrack.errors import ConfigError
from claimtrack.lint.baseline import Baseline, entry_for, load_baseline, render_baseline

CLAIM = """\
  - id: {id}
    text: Something happened.
    kind: assessment
    anchor: {{exact: something}}
"""


def _write(folder: Path, ids: list[str]) -> Path:
    path = folder / "claims.yaml"
    text = "version: 1\ndocument: {id: d, title: T}\nclaims:\n"
    path.write_text(text + "".join(CLAIM.format(id=i) for i in ids), encoding="utf-8")
    return path


def _baseline(folder: Path, claims: Path) -> Baseline:
    result = check(claims).files[0]
    entries = [entry_for(f, "claims.yaml", result.record_data) for f in result.findings]
    (folder / "baseline.json").write_text(render_baseline(entries), encoding="utf-8")
    return load_baseline(folder / "baseline.json")


class TestBaseline:
    def test_entries_are_relative_to_their_record(self, tmp_path: Path) -> None:
        """An entry names the claim by id and the pointer inside it, not the list index."""
        claims = _write(tmp_path, ["a", "b"])
        baseline = _baseline(tmp_path, claims)
        assert [(e.claim_id, e.pointer, e.code) for e in baseline.entries] == [
            ("a", "/id", "F101"),
            ("b", "/id", "F101"),
        ]

    def test_known_findings_survive_reordering_and_insertions(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Moving claims and adding new ones keeps old entries valid; only new ones count."""
        monkeypatch.chdir(tmp_path)
        claims = _write(tmp_path, ["a", "b"])
        baseline = _baseline(tmp_path, claims)
        _write(tmp_path, ["new", "b", "a"])
        result = check("claims.yaml", CheckSettings(baseline=baseline)).files[0]
        assert [f.location.claim_id for f in result.findings] == ["new"]
        assert len(result.baselined) == 2
        assert result.fixed == ()

    def test_fixed_entries_are_reported(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An entry that matches nothing any more is reported as fixed."""
        monkeypatch.chdir(tmp_path)
        claims = _write(tmp_path, ["a", "b"])
        baseline = _baseline(tmp_path, claims)
        _write(tmp_path, ["b"])
        outcome = check("claims.yaml", CheckSettings(baseline=baseline))
        assert outcome.findings == ()
        assert [entry.claim_id for entry in outcome.fixed] == ["a"]

    def test_matching_counts_duplicates(self, tmp_path: Path) -> None:
        """Two identical findings need two entries: one entry covers one finding."""
        claims = _write(tmp_path, ["a"])
        baseline = _baseline(tmp_path, claims)
        result = check(claims).files[0]
        new, known, fixed = baseline.split(str(claims), result.findings * 2, result.record_data)
        assert (len(new), len(known), fixed) == (1, 1, [])

    def test_render_is_sorted_versioned_json(self, tmp_path: Path) -> None:
        """The baseline file is JSON with a version and entries in a stable order."""
        claims = _write(tmp_path, ["b", "a"])
        _baseline(tmp_path, claims)
        data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
        assert data["version"] == 1
        assert [e["claim_id"] for e in data["entries"]] == ["a", "b"]

    def test_json_syntax_error_names_its_place_first(self, tmp_path: Path) -> None:
        """A baseline that is not JSON is an error starting FILE:LINE:COL, then what is
        wrong and what to do."""
        path = tmp_path / "baseline.json"
        path.write_text('{"version": 1,\n "entries": [}\n', encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            load_baseline(path)
        message = str(caught.value)
        assert message.startswith(f"{path.as_posix()}:2:14: the baseline is not valid JSON: ")
        assert "--write-baseline" in message
        assert "line 2" not in message

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("not json", "not valid JSON"),
            ('{"version": 2, "entries": []}', "not a claimtrack baseline"),
            ('{"version": 1, "entries": {}}', "'entries' must be a list"),
            ('{"version": 1, "entries": [{"path": 1, "code": "F101"}]}', "'path' must be"),
        ],
    )
    def test_bad_baseline_is_a_config_error(
        self, tmp_path: Path, content: str, message: str
    ) -> None:
        """A file that is not a baseline is a ConfigError naming the file."""
        path = tmp_path / "baseline.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=message) as caught:
            load_baseline(path)
        assert "baseline.json" in str(caught.value)

    def test_missing_baseline_is_a_config_error(self, tmp_path: Path) -> None:
        """A baseline that cannot be read is a ConfigError naming the file."""
        with pytest.raises(ConfigError, match="cannot read the baseline"):
            load_baseline(tmp_path / "missing.json")
