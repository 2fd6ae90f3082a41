"""Sourcing flags: the F-rules, their selection, suppressions and the baseline.

Importing this package registers every flag in :mod:`claimtrack.rules`: each rule family's
metadata sits beside its checks, in a module named after it (``lint/sourcing_flags.py``
beside ``lint/sourcing.py``, ...), so the one registry feeds findings, documentation, SARIF
and ``--help``. It loads no checks: they are in the family modules, run by
:mod:`claimtrack.lint.run`, imported by what runs them. Codes: ``F0xx`` flags about
suppressions themselves, ``F1xx`` claim sourcing flags, ``F2xx`` source-record flags,
``F3xx`` sign-off flags.
"""

from __future__ import annotations

from claimtrack.findings import SuppressedFinding
from claimtrack.lint import (  # noqa: F401 - importing them registers the flags
    attribution_flags,
    evidence_flags,
    link_flags,
    quantity_flags,
    quote_flags,
    signoff_flags,
    source_record_flags,
    sourcing_flags,
)
from claimtrack.lint.flags import UNUSED_SUPPRESSION
from claimtrack.lint.selection import RuleSelection, SelectionLayer

__all__ = ["UNUSED_SUPPRESSION", "RuleSelection", "SelectionLayer", "SuppressedFinding"]
