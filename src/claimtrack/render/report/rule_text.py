"""Flags in words: each finding's rule with its name, its one-line summary and, when the
documentation site's address is known, the link to the rule's page."""

from __future__ import annotations

import attrs

from claimtrack import lint as _lint  # noqa: F401  (registers the flag rules)
from claimtrack.render.findings.sarif import rule_help_uri
from claimtrack.rules import lookup_rule

__all__ = ["RuleText", "rule_text"]


@attrs.frozen(kw_only=True)
class RuleText:
    """A rule as a report names it: ``F101 citation-needed``, what it means, and its page."""

    code: str
    name: str
    summary: str
    url: str | None

    @property
    def label(self) -> str:
        """Code and name, "F101 citation-needed"."""
        return f"{self.code} {self.name}"


def rule_text(code: str, name: str, docs_url: str | None = None) -> RuleText:
    """The rule with ``code`` (as a finding names it: code and name); a rule the registry
    does not know keeps the given name and has no summary or link."""
    rule = lookup_rule(code)
    if rule is None:
        return RuleText(code=code, name=name, summary="", url=None)
    return RuleText(
        code=rule.code,
        name=rule.name,
        summary=rule.summary,
        url=rule_help_uri(rule, docs_url) if docs_url else None,
    )
