"""Citation reports: the report data computed once (:func:`build_report`), and renderers to
Markdown, self-contained HTML, JSON and CSV."""

from claimtrack.citations.model import ClaimRow, DocumentReport, Marker, Report, build_report
from claimtrack.citations.state import SourcingState, sourcing_state

__all__ = [
    "ClaimRow",
    "DocumentReport",
    "Marker",
    "Report",
    "SourcingState",
    "build_report",
    "sourcing_state",
]
