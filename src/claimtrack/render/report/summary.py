"""Coverage figures: what share of the claims is sourced, by whom, how sure, how checked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from claimtrack.findings import Finding
from claimtrack.model import AnalyticConfidence, Claim, Likelihood, Specificity, Status
from claimtrack.render.report.state import SourcingState, sourcing_state

__all__ = ["NOT_GRADED", "NOT_RECORDED", "CoverageFigures", "RuleCount", "coverage", "merge"]

NOT_RECORDED = "not-recorded"
NOT_GRADED = "not-graded"


@attrs.frozen(kw_only=True)
class RuleCount:
    """How many findings one rule gave."""

    code: str
    name: str
    severity: str
    count: int


@attrs.frozen(kw_only=True)
class CoverageFigures:
    """The coverage figures of one document, or of several added up.

    Every mapping holds every possible key (zeros included), in a fixed order.
    """

    claims: int
    check_worthy: int
    check_worthy_cited: int
    by_state: dict[str, int]
    by_specificity: dict[str, int]
    by_likelihood: dict[str, int]
    by_analytic: dict[str, int]
    by_status: dict[str, int]
    by_status_state: dict[str, dict[str, int]]
    flags_by_rule: tuple[RuleCount, ...]

    @property
    def cited_share(self) -> float | None:
        """The share of check-worthy claims with at least one citation (None if there are none)."""
        if self.check_worthy == 0:
            return None
        return self.check_worthy_cited / self.check_worthy

    @property
    def flags(self) -> int:
        """How many findings in all."""
        return sum(rule.count for rule in self.flags_by_rule)


def _keys(values: Iterable[str], extra: str) -> list[str]:
    return [*values, extra]


_STATES = [str(state) for state in SourcingState]
_SPECIFICITIES = _keys((str(s) for s in Specificity), NOT_RECORDED)
_LIKELIHOODS = _keys((str(v) for v in Likelihood), NOT_GRADED)
_ANALYTIC = _keys((str(v) for v in AnalyticConfidence), NOT_GRADED)
_STATUSES = [str(status) for status in Status]


def _tally(keys: list[str], values: Iterable[str]) -> dict[str, int]:
    counts = Counter(values)
    return {key: counts[key] for key in keys}


def _rule_counts(findings: Iterable[Finding]) -> tuple[RuleCount, ...]:
    counts: Counter[tuple[str, str, str]] = Counter(
        (finding.code, finding.name, str(finding.severity)) for finding in findings
    )
    return tuple(
        RuleCount(code=code, name=name, severity=severity, count=count)
        for (code, name, severity), count in sorted(counts.items())
    )


def coverage(claims: Sequence[Claim], findings: Iterable[Finding]) -> CoverageFigures:
    """The coverage figures of one document's claims and findings."""
    states = [str(sourcing_state(claim)) for claim in claims]
    by_status_state = {
        status: _tally(
            _STATES,
            (state for claim, state in zip(claims, states, strict=True) if claim.status == status),
        )
        for status in _STATUSES
    }
    worthy = [claim for claim in claims if claim.check_worthy]
    return CoverageFigures(
        claims=len(claims),
        check_worthy=len(worthy),
        check_worthy_cited=sum(1 for claim in worthy if claim.citations),
        by_state=_tally(_STATES, states),
        by_specificity=_tally(
            _SPECIFICITIES,
            (
                str(claim.attribution.specificity) if claim.attribution else NOT_RECORDED
                for claim in claims
            ),
        ),
        by_likelihood=_tally(
            _LIKELIHOODS,
            (
                str(claim.confidence.likelihood)
                if claim.confidence and claim.confidence.likelihood
                else NOT_GRADED
                for claim in claims
            ),
        ),
        by_analytic=_tally(
            _ANALYTIC,
            (
                str(claim.confidence.analytic)
                if claim.confidence and claim.confidence.analytic
                else NOT_GRADED
                for claim in claims
            ),
        ),
        by_status=_tally(_STATUSES, (str(claim.status) for claim in claims)),
        by_status_state=by_status_state,
        flags_by_rule=_rule_counts(findings),
    )


def _add(left: dict[str, int], right: dict[str, int]) -> dict[str, int]:
    return {key: left.get(key, 0) + right.get(key, 0) for key in (*left, *right)}


def merge(parts: Sequence[CoverageFigures]) -> CoverageFigures:
    """Several documents' figures added up."""
    rules: Counter[tuple[str, str, str]] = Counter()
    for part in parts:
        for rule in part.flags_by_rule:
            rules[(rule.code, rule.name, rule.severity)] += rule.count
    empty = coverage((), ())
    total = empty
    for part in parts:
        total = CoverageFigures(
            claims=total.claims + part.claims,
            check_worthy=total.check_worthy + part.check_worthy,
            check_worthy_cited=total.check_worthy_cited + part.check_worthy_cited,
            by_state=_add(total.by_state, part.by_state),
            by_specificity=_add(total.by_specificity, part.by_specificity),
            by_likelihood=_add(total.by_likelihood, part.by_likelihood),
            by_analytic=_add(total.by_analytic, part.by_analytic),
            by_status=_add(total.by_status, part.by_status),
            by_status_state={
                status: _add(total.by_status_state[status], part.by_status_state[status])
                for status in total.by_status_state
            },
            flags_by_rule=(),
        )
    return attrs.evolve(
        total,
        flags_by_rule=tuple(
            RuleCount(code=code, name=name, severity=severity, count=count)
            for (code, name, severity), count in sorted(rules.items())
        ),
    )
