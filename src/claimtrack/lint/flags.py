"""How a flag's metadata is registered, and the suppression flag's own (``F001``).

Each rule family keeps its flags' metadata (code, name, default severity, summary,
rationale, a failing and a fixed example, the hint each finding carries) in a module beside
its checks, named after it: :mod:`claimtrack.lint.sourcing_flags` beside
:mod:`claimtrack.lint.sourcing`, and so on. Importing :mod:`claimtrack.lint` imports them all
and so registers every flag in :mod:`claimtrack.rules`.

The metadata modules import nothing but this one, so that what needs only the rule registry
(configuration, rule selection, a run whose results all come from the cache) does not load
the checks, the model and the parsers.
"""

from __future__ import annotations

from claimtrack import rules
from claimtrack.findings import Severity
from claimtrack.rules import RuleInfo

__all__ = ["UNUSED_SUPPRESSION", "flag"]


def flag(
    code: str,
    name: str,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    hint: str,
    severity: Severity = Severity.WARNING,
) -> RuleInfo:
    """Register a flag rule (a warning unless said otherwise)."""
    return rules.register(
        RuleInfo(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            rationale=rationale,
            bad_example=bad,
            good_example=good,
            hint=hint,
        )
    )


UNUSED_SUPPRESSION = flag(
    "F001",
    "unused-suppression",
    "A suppression that suppresses nothing, or names no known flag.",
    "A suppression outlives the problem it silenced; left in place it would hide "
    "the same problem if it came back, and it tells readers something that is no longer "
    "true.",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
  suppress:
    - {rule: when-needed, reason: The date is in the next sentence.}
""",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
""",
    "Remove the suppression (or correct the rule it names).",
)
