"""Verifying citation quotes against source snapshots, offline.

:func:`seek_quote` finds a quote in a snapshot text in three bounded stages (exact,
normalised, fuzzy; see :mod:`claimtrack.lint.verify._match` for what each one allows), and
:func:`missing_figures` tells whether a figure a claim states is in a quote or near it in the
source. ``check`` runs both on every citation whose source has a snapshot, and the report
shows the outcome.
"""

from claimtrack.lint.verify._explain import difference, shorten
from claimtrack.lint.verify._figures import NEAR_FIGURE, StatedFigures, missing_figures
from claimtrack.lint.verify._match import (
    FUZZY_THRESHOLD,
    MAX_ELLIPSIS_GAP,
    MIN_WORD_SIMILARITY,
    MatchKind,
    QuoteMatch,
    SnapshotIndex,
    figures,
    fold,
    seek_quote,
)

__all__ = [
    "FUZZY_THRESHOLD",
    "MAX_ELLIPSIS_GAP",
    "MIN_WORD_SIMILARITY",
    "NEAR_FIGURE",
    "MatchKind",
    "QuoteMatch",
    "SnapshotIndex",
    "StatedFigures",
    "difference",
    "figures",
    "fold",
    "missing_figures",
    "seek_quote",
    "shorten",
]
