"""Error findings beyond parsing: a loaded document in, findings out.

- :mod:`claimtrack.validate.schema_errors`: every JSON Schema error, worded (E11x);
- :mod:`claimtrack.validate.integrity`: ids, references, ranges, dates (E20x);
- :mod:`claimtrack.validate.anchors`: the document snapshot and the anchors (E21x, E22x).
"""

from __future__ import annotations

from claimtrack.validate.anchors import anchor_findings, anchor_text, snapshot_findings
from claimtrack.validate.integrity import (
    claim_integrity_findings,
    file_integrity_findings,
    integrity_findings,
)
from claimtrack.validate.schema_errors import schema_findings

__all__ = [
    "anchor_findings",
    "anchor_text",
    "claim_integrity_findings",
    "file_integrity_findings",
    "integrity_findings",
    "schema_findings",
    "snapshot_findings",
]
