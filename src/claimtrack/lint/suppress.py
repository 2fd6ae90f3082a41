"""Per-claim suppressions: a claim's ``suppress`` entries silence flags on that claim.

Each entry names a rule (code or name) and must give a reason. An entry that silences
nothing is itself flagged (F001), as ruff's RUF100 does for ``noqa`` comments, so stale
suppressions do not pile up. Errors cannot be suppressed: they say the file is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack import rules
from claimtrack.findings import Finding, SuppressedFinding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import ClaimFacts
from claimtrack.lint.flags import UNUSED_SUPPRESSION
from claimtrack.lint.selection import RuleSelection

__all__ = ["UNUSED_SUPPRESSION", "SuppressedFinding", "apply_suppressions"]


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
