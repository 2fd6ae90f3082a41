"""Counting findings for summaries, shared by every renderer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from claimtrack.findings import Severity
from claimtrack.results import FileResult

__all__ = ["Summary", "summarize"]


@attrs.frozen(kw_only=True)
class Summary:
    """Totals over a run: files, files with findings, findings by severity and by code."""

    files: int
    files_with_findings: int
    errors: int
    warnings: int
    infos: int
    by_code: dict[str, int]
    suppressed: int = 0
    baselined: int = 0
    fixed: int = 0

    @property
    def total(self) -> int:
        """All findings."""
        return self.errors + self.warnings + self.infos


def summarize(results: Sequence[FileResult]) -> Summary:
    """Count the findings of a run."""
    severities: Counter[Severity] = Counter()
    codes: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            severities[finding.severity] += 1
            codes[finding.code] += 1
    return Summary(
        files=len(results),
        files_with_findings=sum(1 for result in results if result.findings),
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        infos=severities[Severity.INFO],
        by_code=dict(sorted(codes.items())),
        suppressed=sum(len(result.suppressed) for result in results),
        baselined=sum(len(result.baselined) for result in results),
        fixed=sum(len(result.fixed) for result in results),
    )
