"""The examples every flag documents are true: the flagged one is flagged, the fixed one not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimtrack import check
from claimtrack.io.load import LoadedDocument, load_bytes
from claimtrack.io.yaml import parse_yaml
from claimtrack.lint.link_flags import ONLINE_RULES
from claimtrack.rules import RuleInfo, iter_rules

# The rules of `sources check --online` need a live server: tests/cli/test_sources_check.py.
FLAGS = [rule for rule in iter_rules() if rule.code.startswith("F") and rule not in ONLINE_RULES]


def _source(source_id: str) -> dict[str, Any]:
    return {
        "id": source_id,
        "type": "report",
        "title": source_id.replace("-", " "),
        "issued": "2024",
        "url": f"https://example.org/{source_id}",
    }


def _write_files(example: str, folder: Path) -> None:
    """Write the files an example's ``# file PATH: TEXT`` lines give (snapshots it reads)."""
    for line in example.splitlines():
        if line.startswith("# file "):
            name, text = line.removeprefix("# file ").split(": ", 1)
            (folder / name).write_text(text + "\n", encoding="utf-8")


def _document(example: str, folder: Path) -> LoadedDocument:
    """A whole claim file around an example (claims, sources, or a file body), written in
    ``folder`` beside the files the example reads."""
    _write_files(example, folder)
    data = parse_yaml(example)[0]
    if isinstance(data, dict):
        body = data
    elif data and "type" in data[0]:
        citing = {
            "id": "citing",
            "text": "Cites every source.",
            "kind": "assessment",
            "check_worthy": False,
            "anchor": {"exact": "x"},
            "citations": [{"source": s["id"], "stance": "mentions"} for s in data],
        }
        body = {"sources": data, "claims": [citing]}
    else:
        cited = sorted({c["source"] for claim in data for c in claim.get("citations", [])})
        body = {"sources": [_source(i) for i in cited], "claims": data}
    full = {"version": 1, "document": {"id": "example", "title": "Example"}, **body}
    return load_bytes(json.dumps(full).encode(), "example.json", file_path=folder / "example.json")


class TestRuleExamples:
    @pytest.mark.parametrize("rule", FLAGS, ids=lambda r: r.code)
    def test_flagged_example_triggers_only_its_rule(self, rule: RuleInfo, tmp_path: Path) -> None:
        """The 'flagged' example of a rule yields exactly one finding, of that rule."""
        assert rule.bad_example is not None
        findings = check(_document(rule.bad_example, tmp_path)).findings
        assert [f.code for f in findings] == [rule.code]

    @pytest.mark.parametrize("rule", FLAGS, ids=lambda r: r.code)
    def test_fixed_example_is_clean(self, rule: RuleInfo, tmp_path: Path) -> None:
        """The 'fixed' example of a rule yields no finding at all."""
        assert rule.good_example is not None
        assert [f.code for f in check(_document(rule.good_example, tmp_path)).findings] == []

    @pytest.mark.parametrize("rule", list(iter_rules()), ids=lambda r: r.code)
    def test_every_rule_is_documented(self, rule: RuleInfo) -> None:
        """Every rule has a kebab-case name, a summary, a rationale and a hint."""
        assert rule.name == rule.name.lower()
        assert " " not in rule.name
        assert rule.summary.endswith(".")
        assert rule.rationale
        assert rule.hint
