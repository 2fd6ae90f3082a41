"""Anchors: placing a claim's quote in its document, filling in offsets and context, and
moving anchors to a new version of the document.

Offsets are Unicode code points of the snapshot after normalisation (line endings to LF,
then Unicode NFC: :func:`normalize`), start inclusive and end exclusive, as the W3C
TextPositionSelector counts.
"""

from claimtrack.anchor._place import (
    Match,
    Placement,
    PlacementStatus,
    find_all,
    fits_context,
    locate,
    normalize,
    place,
)
from claimtrack.anchor.fill import FillResult, FillStatus, disambiguate, fill, shortest_context
from claimtrack.anchor.rebase import Candidate, RebaseResult, RebaseStatus, nearest, rebase

__all__ = [
    "Candidate",
    "FillResult",
    "FillStatus",
    "Match",
    "Placement",
    "PlacementStatus",
    "RebaseResult",
    "RebaseStatus",
    "disambiguate",
    "fill",
    "find_all",
    "fits_context",
    "locate",
    "nearest",
    "normalize",
    "place",
    "rebase",
    "shortest_context",
]
