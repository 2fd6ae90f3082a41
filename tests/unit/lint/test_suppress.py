"""Per-claim suppressions: they silence one rule on one claim, and stale ones are flagged."""

from __future__ import annotations

import textwrap

from claimtrack import CheckSettings, check
from claimtrack.io.load import LoadedDocument, load_bytes
from claimtrack.lint import RuleSelection, SelectionLayer

HEAD = """\
version: 1
document: {id: d, title: T}
claims:
  - id: fall
    text: The president fled.
    kind: event
    anchor: {exact: the president fled}
"""


def _doc(tail: str) -> LoadedDocument:
    return load_bytes((HEAD + textwrap.indent(textwrap.dedent(tail), "    ")).encode(), "c.yaml")


class TestSuppressions:
    def test_suppression_by_name_moves_the_finding_with_its_reason(self) -> None:
        """A suppression naming a rule silences it on that claim and keeps the reason."""
        result = check(
            _doc("""\
                suppress:
                  - {rule: citation-needed, reason: Common knowledge.}
                  - {rule: F105, reason: Date in the next claim.}
            """)
        ).files[0]
        assert result.findings == ()
        assert sorted((s.finding.code, s.reason) for s in result.suppressed) == [
            ("F101", "Common knowledge."),
            ("F105", "Date in the next claim."),
        ]

    def test_suppression_applies_only_to_its_own_claim(self) -> None:
        """A suppression on one claim leaves the same flag on another claim alone."""
        doc = load_bytes(
            (
                HEAD
                + "    dates: [{date: '2024'}]\n"
                + "    suppress: [{rule: F101, reason: r}]\n"
                + "  - {id: other, text: t, kind: assessment, anchor: {exact: x}}\n"
            ).encode(),
            "c.yaml",
        )
        result = check(doc).files[0]
        assert [(f.code, f.location.claim_id) for f in result.findings] == [("F101", "other")]

    def test_unused_suppression_is_flagged_at_its_rule(self) -> None:
        """A suppression that silences nothing is F001, located at its 'rule' value."""
        result = check(
            _doc("""\
                dates: [{date: '2024'}]
                citations: []
                suppress:
                  - {rule: source-unused, reason: r}
            """)
        ).files[0]
        codes = [(f.code, f.location.pointer) for f in result.findings]
        assert ("F001", "/claims/0/suppress/0/rule") in codes

    def test_suppressing_an_error_or_an_unknown_rule_is_flagged(self) -> None:
        """Errors cannot be suppressed, and a rule nobody knows cannot apply."""
        result = check(
            _doc("""\
                dates: [{date: '2024'}]
                suppress:
                  - {rule: F101, reason: r}
                  - {rule: E203, reason: r}
                  - {rule: no-such-rule, reason: r}
            """)
        ).files[0]
        messages = [f.message for f in result.findings if f.code == "F001"]
        assert len(messages) == 2
        assert "errors cannot be suppressed" in messages[0] + messages[1]
        assert "no flag has this code or name" in messages[0] + messages[1]

    def test_suppression_of_a_deselected_rule_is_not_flagged(self) -> None:
        """When a rule does not run, its suppressions cannot be judged and are left alone."""
        selection = RuleSelection.build([SelectionLayer(where="w", ignore=["F105"])])
        result = check(
            _doc("""\
                citations: []
                suppress:
                  - {rule: F105, reason: r}
                  - {rule: F101, reason: r}
            """),
            CheckSettings(rules=selection),
        ).files[0]
        assert result.findings == ()

    def test_unused_suppression_rule_can_be_ignored(self) -> None:
        """Ignoring F001 drops the flag on stale suppressions."""
        selection = RuleSelection.build([SelectionLayer(where="w", ignore=["F001"])])
        result = check(
            _doc("""\
                dates: [{date: '2024'}]
                suppress: [{rule: F105, reason: r}, {rule: F101, reason: r}]
            """),
            CheckSettings(rules=selection),
        ).files[0]
        assert result.findings == ()
