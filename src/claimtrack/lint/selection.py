"""Which flags run and how severe they are: select, extend-select, ignore, severity.

Selectors name rules by code (``F101``), name (``citation-needed``), code prefix (``F1``,
``F``) or ``ALL``. Errors (``E`` codes) say the file is wrong and always run; selection
shapes the flags. Settings come in layers (a configuration file, then the command line):
a layer's ``select`` starts afresh, its ``extend-select`` adds and its ``ignore`` removes,
as in ruff.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from claimtrack import rules
from claimtrack.errors import ConfigError
from claimtrack.findings import Finding, Severity

__all__ = ["RuleSelection", "SelectionLayer", "resolve"]


def _is_error(code: str) -> bool:
    return code.startswith("E")


def resolve(selector: str, where: str) -> frozenset[str]:
    """The codes a selector names; :class:`ConfigError` naming ``where`` if it names none."""
    text = selector.strip()
    if text.upper() == "ALL":
        return frozenset(rules.RULES)
    rule = rules.lookup_rule(text)
    if rule is not None:
        return frozenset({rule.code})
    if text[:1].isupper() and (text[1:].isdigit() or len(text) == 1) and len(text) < 4:
        codes = frozenset(code for code in rules.RULES if code.startswith(text))
        if codes:
            return codes
    raise ConfigError(
        f"{where}: unknown rule {selector!r} (use a code such as F101, a name such as"
        " citation-needed, a code prefix such as F1, or ALL)"
    )


def _flag_codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(code for code in codes if not _is_error(code))


@attrs.frozen(kw_only=True)
class SelectionLayer:
    """One source of settings: ``select`` (``None``: keep what came before), extras, ignores."""

    where: str
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


@attrs.frozen(kw_only=True, hash=False)
class RuleSelection:
    """The flags that run (by code) and per-rule severities that replace the defaults."""

    enabled: frozenset[str] | None = None
    severities: Mapping[str, Severity] = attrs.field(factory=dict)

    @classmethod
    def build(
        cls,
        layers: Sequence[SelectionLayer] = (),
        severities: Sequence[tuple[str, str, str]] = (),
    ) -> RuleSelection:
        """Resolve layers in order, then severities given as (selector, level, where)."""
        enabled = _flag_codes(rules.RULES)
        for layer in layers:
            if layer.select is not None:
                enabled = frozenset().union(
                    *(_flag_codes(resolve(s, layer.where)) for s in layer.select)
                )
            for selector in layer.extend_select:
                enabled |= _flag_codes(resolve(selector, layer.where))
            for selector in layer.ignore:
                enabled -= resolve(selector, layer.where)
        levels: dict[str, Severity] = {}
        for selector, level, where in severities:
            try:
                severity = Severity(level)
            except ValueError:
                raise ConfigError(
                    f"{where}: unknown severity {level!r} for {selector!r} (use error, warning"
                    " or info)"
                ) from None
            codes = resolve(selector, where)
            if any(_is_error(code) for code in codes) and not _flag_codes(codes):
                raise ConfigError(f"{where}: {selector!r} is an error; errors cannot be re-graded")
            for code in _flag_codes(codes):
                levels[code] = severity
        return cls(enabled=enabled, severities=levels)

    def is_enabled(self, code: str) -> bool:
        """Whether findings of this rule are reported (errors always are)."""
        if _is_error(code) or self.enabled is None:
            return True
        return code in self.enabled

    def grade(self, finding: Finding) -> Finding:
        """The finding with its configured severity."""
        severity = self.severities.get(finding.code)
        if severity is None or severity is finding.severity:
            return finding
        return attrs.evolve(finding, severity=severity)
