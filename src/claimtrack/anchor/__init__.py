"""Anchors: placing a claim's quote in its document, filling in offsets and context, and
moving anchors to a new version of the document.

Offsets are Unicode code points of the snapshot after normalisation (line endings to LF,
then Unicode NFC: :func:`normalize`), start inclusive and end exclusive, as the W3C
TextPositionSelector counts.
"""

from claimtrack.anchor._fill import (
    CONTEXT_LIMIT,
    FillResult,
    FillStatus,
    disambiguate,
    fill,
    shortest_context,
)
from claimtrack.anchor._place import (
    Match,
    Placement,
    PlacementStatus,
    find_all,
    fits_context,
    locate,
    normalize,
    normalize_anchor,
    place,
)
from claimtrack.anchor._rebase import (
    CONTEXT_WEIGHT,
    CONTEXT_WIDTH,
    MIN_CONTEXT_SIMILARITY,
    MIN_FUZZY_QUOTE,
    MIN_QUOTE_SIMILARITY,
    POSITION_WEIGHT,
    QUOTE_WEIGHT,
    THRESHOLD,
    TIE_MARGIN,
    Candidate,
    RebaseResult,
    RebaseStatus,
    nearest,
    rebase,
    rebase_all,
)

__all__ = [
    "CONTEXT_LIMIT",
    "CONTEXT_WEIGHT",
    "CONTEXT_WIDTH",
    "MIN_CONTEXT_SIMILARITY",
    "MIN_FUZZY_QUOTE",
    "MIN_QUOTE_SIMILARITY",
    "POSITION_WEIGHT",
    "QUOTE_WEIGHT",
    "THRESHOLD",
    "TIE_MARGIN",
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
    "normalize_anchor",
    "place",
    "rebase",
    "rebase_all",
    "shortest_context",
]
