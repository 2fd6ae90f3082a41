"""The one exception the parsers raise: a problem with a rule, a message and a position."""

from __future__ import annotations

from claimtrack.findings import Span
from claimtrack.rules import RuleInfo

__all__ = ["ParseProblem"]


class ParseProblem(Exception):
    """Raised inside :mod:`claimtrack.io` and turned into a finding by the loader."""

    def __init__(
        self,
        rule: RuleInfo,
        message: str,
        span: Span | None = None,
        hint: str | None = None,
        pointer: str = "",
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.span = span
        self.hint = hint
        self.pointer = pointer
