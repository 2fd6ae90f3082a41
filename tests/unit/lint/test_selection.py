"""Selecting flags by code, name, prefix or ALL, in layers, and re-grading them."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES, ROOT

from claimtrack._convert import structure
from claimtrack.errors import ConfigError
from claimtrack.findings import Location, Severity
from claimtrack.io.load import LoadedDocument, load_path
from claimtrack.io.source_snapshot import SourceReads
from claimtrack.lint import RuleSelection, SelectionLayer
from claimtrack.lint.evidence import SINGLE_SOURCE
from claimtrack.lint.quotes import SNAPSHOT_CHECKS
from claimtrack.lint.run import CHECKS, lint_findings
from claimtrack.lint.selection import resolve
from claimtrack.lint.sourcing import CITATION_NEEDED
from claimtrack.model import ClaimFile
from claimtrack.rules import finding


class TestResolve:
    def test_code_name_prefix_and_all(self) -> None:
        """A selector may be a code, a name, a code prefix or ALL."""
        assert resolve("F101", "x") == {"F101"}
        assert resolve("citation-needed", "x") == {"F101"}
        assert "F112" in resolve("F1", "x")
        assert "F201" not in resolve("F1", "x")
        assert {"E100", "F001", "F202"} <= resolve("ALL", "x")

    @pytest.mark.parametrize("selector", ["F999", "citation-missing", "F9", "f1", ""])
    def test_unknown_selector_is_a_config_error_naming_where(self, selector: str) -> None:
        """A selector that names no rule is a ConfigError naming where it was given."""
        with pytest.raises(ConfigError, match=r"^pyproject\.toml: tool\.claimtrack\.select"):
            resolve(selector, "pyproject.toml: tool.claimtrack.select")


class TestRuleSelection:
    def test_default_runs_everything(self) -> None:
        """Without settings every rule runs."""
        selection = RuleSelection()
        assert selection.is_enabled("F101")
        assert selection.is_enabled("E203")

    def test_select_then_ignore(self) -> None:
        """A layer's select starts afresh and its ignore removes from it."""
        layer = SelectionLayer(where="w", select=["F1"], ignore=["by-whom"])
        selection = RuleSelection.build([layer])
        assert selection.is_enabled("F101")
        assert not selection.is_enabled("F102")
        assert not selection.is_enabled("F201")

    def test_errors_always_run(self) -> None:
        """Ignoring errors has no effect: they say the file is wrong."""
        selection = RuleSelection.build([SelectionLayer(where="w", ignore=["E", "F"])])
        assert selection.is_enabled("E203")
        assert not selection.is_enabled("F101")

    def test_later_layer_select_replaces_earlier(self) -> None:
        """The command line's select replaces the configuration's, as in ruff."""
        config = SelectionLayer(where="config", select=["F2"], ignore=["F101"])
        command_line = SelectionLayer(where="cli", select=["F101"])
        selection = RuleSelection.build([config, command_line])
        assert selection.is_enabled("F101")
        assert not selection.is_enabled("F201")

    def test_extend_select_adds(self) -> None:
        """extend-select adds to what earlier layers selected."""
        layers = [
            SelectionLayer(where="config", select=["F2"]),
            SelectionLayer(where="cli", extend_select=["F106"]),
        ]
        selection = RuleSelection.build(layers)
        assert selection.is_enabled("F106")
        assert selection.is_enabled("F201")
        assert not selection.is_enabled("F101")

    def test_severity_regrades_flags(self) -> None:
        """A severity entry changes the severity of the findings of the rules it names."""
        selection = RuleSelection.build(severities=[("single-source-high-confidence", "info", "w")])
        flagged = finding(SINGLE_SOURCE, "m", Location(path="p"))
        other = finding(CITATION_NEEDED, "m", Location(path="p"))
        assert selection.grade(flagged).severity is Severity.INFO
        assert selection.grade(other) is other

    def test_unknown_severity_is_a_config_error(self) -> None:
        """A severity level other than error, warning or info is a ConfigError."""
        with pytest.raises(ConfigError, match="unknown severity 'fatal'"):
            RuleSelection.build(severities=[("F101", "fatal", "w")])

    def test_errors_cannot_be_regraded(self) -> None:
        """Naming only error rules in the severity table is a ConfigError."""
        with pytest.raises(ConfigError, match="cannot be re-graded"):
            RuleSelection.build(severities=[("E203", "info", "w")])


class TestChecksThatRun:
    """Only the checks that can yield a selected flag run, and each yields what it says."""

    @staticmethod
    def _documents() -> list[tuple[LoadedDocument, ClaimFile]]:
        # The flag fixtures (each raising its flag), the source snapshot fixtures (the claims'
        # checks raise those errors), their near misses, and the article.
        paths = sorted((FIXTURES / "claims" / "invalid").glob("F*.yaml"))
        paths += sorted((FIXTURES / "claims" / "invalid").glob("E21[34]-*.yaml"))
        paths += sorted((FIXTURES / "claims" / "valid").glob("*.yaml"))
        paths += sorted((ROOT / "claims").glob("*.yaml"))
        documents = [load_path(path) for path in paths]
        return [(document, structure(document.data)) for document in documents]

    def test_each_check_yields_exactly_the_rules_it_declares(self) -> None:
        """Over the fixtures and the article, every flag a check raises is one it declares,
        and every declared flag is raised somewhere (so skipping a check loses nothing)."""
        declared: set[str] = set()
        raised: set[str] = set()
        for document, claim_file in self._documents():
            reads = SourceReads(document.file_path)
            checks = [
                *(
                    (check.__name__, yields, check(document, claim_file))
                    for check, yields in CHECKS
                ),
                *(
                    (check.__name__, yields, check(document, claim_file, reads))
                    for check, yields in SNAPSHOT_CHECKS
                ),
            ]
            for name, yields, findings in checks:
                codes = {rule.code for rule in yields}
                declared |= codes
                for found in findings:
                    assert found.code in codes, (name, found.code)
                    raised.add(found.code)
        assert raised == declared

    def test_a_narrow_selection_runs_only_its_checks(self) -> None:
        """Selecting F101 gives the F101 findings that a full run gives, and nothing else."""
        only = RuleSelection.build([SelectionLayer(select=("F101",), where="test")])
        for document, claim_file in self._documents():
            everything = lint_findings(document, claim_file)
            selected = lint_findings(document, claim_file, only)
            # Errors are always reported (the source snapshot errors come from claim checks).
            assert {f.code for f in selected if not f.code.startswith("E")} <= {"F101"}
            assert selected == [f for f in everything if f.code == "F101" or f.code[0] == "E"]
