"""The documentation has a page per rule, generated from the registry."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from claimtrack.rules import iter_rules

ROOT = Path(__file__).resolve().parents[3]


def _extension() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "claimtrack_docs", ROOT / "docs" / "_ext" / "claimtrack_docs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRulePages:
    def test_write_pages_emits_a_page_per_rule_and_an_index(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every registered rule gets generated/rules/<code>.md, linked from the index."""
        extension = _extension()
        monkeypatch.setattr(extension, "GENERATED", tmp_path)
        extension.write_pages()
        index = (tmp_path / "rules" / "index.md").read_text(encoding="utf-8")
        for rule in iter_rules():
            page = (tmp_path / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
            assert page.startswith(f"# {rule.code} {rule.name}\n")
            assert rule.rationale in page
            assert f"[{rule.code}]({rule.code}.md)" in index
            if rule.bad_example:
                assert rule.bad_example.rstrip() in page

    def test_claim_flags_explain_suppression_and_errors_do_not(self) -> None:
        """Claim flag pages show a suppress entry; error pages say errors cannot be silenced."""
        extension = _extension()
        rules = {rule.code: rule for rule in iter_rules()}
        assert "suppress:\n  - rule: citation-needed" in extension.render_rule(rules["F101"])
        assert "cannot be ignored" in extension.render_rule(rules["E203"])
