"""Per-claim suppressions: a claim's ``suppress`` entries silence flags on that claim.

Each entry names a rule (code or name) and must give a reason. An entry that silences
nothing is itself flagged (F001), as ruff's RUF100 does for ``noqa`` comments, so stale
suppressions do not pile up. Errors cannot be suppressed: they say the file is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from claimtrack import rules
from claimtrack.findings import Finding, Severity
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import ClaimFacts
from claimtrack.lint.selection import RuleSelection
from claimtrack.rules import RuleInfo

__all__ = ["UNUSED_SUPPRESSION", "SuppressedFinding", "apply_suppressions"]

UNUSED_SUPPRESSION = rules.register(
    RuleInfo(
        code="F001",
        name="unused-suppression",
        severity=Severity.WARNING,
        summary="A suppression that suppresses nothing, or names no known flag.",
        rationale="A suppression outlives the problem it silenced; left in place it would hide "
        "the same problem if it came back, and it tells readers something that is no longer "
        "true.",
        bad_example="""\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
  suppress:
    - {rule: when-needed, reason: The date is in the next sentence.}
""",
        good_example="""\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
""",
        hint="Remove the suppression (or correct the rule it names).",
    )
)


@attrs.frozen
class SuppressedFinding:
    """A finding silenced by a claim's suppression, with the reason given."""

    finding: Finding
    reason: str


def apply_suppressions(
    document: LoadedDocument,
    facts: ClaimFacts,
    findings: Sequence[Finding],
    selection: RuleSelection,
) -> tuple[list[Finding], list[SuppressedFinding]]:
    """Split findings into those kept and those suppressed; add F001 for unused entries."""
    wanted: dict[tuple[str, str], tuple[str, int, int]] = {}
    unknown: list[tuple[int, str, int, str]] = []
    for index, claim_id, entries in facts.suppressions:
        for number, entry in enumerate(entries):
            rule = rules.lookup_rule(entry.rule)
            if rule is None or rule.code.startswith("E") or rule is UNUSED_SUPPRESSION:
                unknown.append((index, claim_id, number, entry.rule))
                continue
            wanted.setdefault((claim_id, rule.code), (entry.reason, index, number))
    kept: list[Finding] = []
    suppressed: list[SuppressedFinding] = []
    used: set[tuple[str, str]] = set()
    for finding in findings:
        key = (finding.location.claim_id or "", finding.code)
        if key in wanted:
            used.add(key)
            suppressed.append(SuppressedFinding(finding, wanted[key][0]))
        else:
            kept.append(finding)
    if not selection.is_enabled(UNUSED_SUPPRESSION.code):
        return kept, suppressed
    for index, claim_id, number, name in unknown:
        rule = rules.lookup_rule(name)
        why = "errors cannot be suppressed" if rule is not None else "no flag has this code or name"
        kept.append(
            rules.finding(
                UNUSED_SUPPRESSION,
                f"the suppression of {name!r} on claim {claim_id!r} cannot apply: {why}",
                document.location(("claims", index, "suppress", number, "rule")),
            )
        )
    for (claim_id, code), (_reason, index, number) in wanted.items():
        if (claim_id, code) in used or not selection.is_enabled(code):
            continue
        kept.append(
            rules.finding(
                UNUSED_SUPPRESSION,
                f"the suppression of {code} ({rules.RULES[code].name}) on claim {claim_id!r}"
                " suppresses nothing",
                document.location(("claims", index, "suppress", number, "rule")),
            )
        )
    return kept, suppressed
