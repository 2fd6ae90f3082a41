"""What checking gives: one :class:`FileResult` per file, gathered in a :class:`CheckResult`.

Renderers take these (with findings and models) and never the code that made them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from claimtrack.findings import Finding, Severity, SuppressedFinding
from claimtrack.io.cache import severest

if TYPE_CHECKING:
    from claimtrack.io.load import LoadedDocument
    from claimtrack.io.snapshot import SnapshotText
    from claimtrack.io.source_snapshot import SourceText
    from claimtrack.lint.baseline import Baseline, BaselineEntry
    from claimtrack.model import ClaimFile

__all__ = ["CheckResult", "FileResult", "apply_baseline"]


def _nothing_when_omitted(result: FileResult, attribute: Any, value: Severity | None) -> None:
    # A result either lists its findings or says they were left out, never both: one with
    # its findings left out stands for at least one finding of that severity.
    if value is not None and (result.findings or result.suppressed or result.baselined):
        raise ValueError(
            f"omitted_severest is {value!s}, so findings were left out, yet the result lists"
            " findings; give one or the other"
        )


@attrs.frozen(kw_only=True)
class FileResult:
    """What checking one file gave: its findings, its records if it loaded, and the
    document and source snapshots as read (when the claim file names them), so reports
    need not read them again.

    ``findings`` are those that count; ``suppressed`` were silenced by the claims'
    suppressions, ``baselined`` are in the baseline, and ``fixed`` are baseline entries of
    this file that no longer match anything.
    """

    path: str
    findings: tuple[Finding, ...]
    claim_file: ClaimFile | None = None
    document: LoadedDocument | None = None
    suppressed: tuple[SuppressedFinding, ...] = ()
    baselined: tuple[Finding, ...] = ()
    fixed: tuple[BaselineEntry, ...] = ()
    snapshot: SnapshotText | None = None
    #: The snapshots of the sources its claims see (its own and the shared ones they cite)
    #: as the check read them, held to the same project folder and input limit, so reports
    #: need not read them again; None when they were not kept (see
    #: ``CheckSettings.keep_records``).
    source_snapshots: tuple[SourceText, ...] | None = None
    #: The ids of the file's claims and sources, by position (``{"claims": [{"id": ...}],
    #: "sources": [...]}``): what baselines and SARIF fingerprints key findings by. Kept even
    #: when the document is not (cached results, results from worker processes).
    record_data: Any = None
    #: For a result from the cache whose findings were left out (see
    #: ``CheckSettings.keep_findings``): the severity of its most severe finding, which
    #: stands in for them. None when the findings are all here (or there are none).
    omitted_severest: Severity | None = attrs.field(default=None, validator=_nothing_when_omitted)

    @property
    def findings_omitted(self) -> bool:
        """True when the findings were left out and only :attr:`severest` tells of them."""
        return self.omitted_severest is not None

    @property
    def severest(self) -> Severity | None:
        """The severity of the most severe finding that counts, None when there is none."""
        return self.omitted_severest if self.findings_omitted else severest(self.findings)


@attrs.frozen
class CheckResult:
    """What checking several files gave, file by file in the order given."""

    files: tuple[FileResult, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every file, in file order then position order."""
        return tuple(finding for result in self.files for finding in result.findings)

    @property
    def suppressed(self) -> tuple[SuppressedFinding, ...]:
        """Every finding silenced by a suppression."""
        return tuple(item for result in self.files for item in result.suppressed)

    @property
    def baselined(self) -> tuple[Finding, ...]:
        """Every finding the baseline knows."""
        return tuple(finding for result in self.files for finding in result.baselined)

    @property
    def fixed(self) -> tuple[BaselineEntry, ...]:
        """Every baseline entry of a checked file that matched nothing."""
        return tuple(entry for result in self.files for entry in result.fixed)

    @property
    def severest(self) -> Severity | None:
        """The severity of the most severe finding of any file, None when there is none."""
        return max(
            (worst for result in self.files if (worst := result.severest) is not None),
            key=lambda severity: severity.rank,
            default=None,
        )

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for finding in self.findings if finding.severity is severity)


def apply_baseline(result: FileResult, baseline: Baseline | None) -> FileResult:
    """Move a file's findings that the baseline knows to ``baselined``; note fixed entries
    (the result's ``record_data`` names the records findings point into)."""
    if baseline is None:
        return result
    new, known, fixed = baseline.split(result.path, result.findings, result.record_data)
    return attrs.evolve(result, findings=tuple(new), baselined=tuple(known), fixed=tuple(fixed))
