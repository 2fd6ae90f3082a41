"""Sourcing flags: the F-rules, their selection, suppressions and the baseline.

Importing this package registers every flag in :mod:`claimtrack.rules` (their metadata is in
:mod:`claimtrack.lint.flags`), so the one registry feeds findings, documentation, SARIF and
``--help``. It loads no checks: they are in :mod:`claimtrack.lint.run`, imported by what
runs them. Codes: ``F0xx`` flags about suppressions themselves, ``F1xx`` claim sourcing
flags, ``F2xx`` source-record flags, ``F3xx`` sign-off flags.
"""

from __future__ import annotations

from claimtrack.findings import SuppressedFinding
from claimtrack.lint import link_flags as _link_flags  # noqa: F401  (registers)
from claimtrack.lint import quote_flags as _quote_flags  # noqa: F401  (registers)
from claimtrack.lint import signoff_flags  # noqa: F401 - importing it registers the F3xx flags
from claimtrack.lint.flags import UNUSED_SUPPRESSION
from claimtrack.lint.selection import RuleSelection, SelectionLayer

__all__ = ["UNUSED_SUPPRESSION", "RuleSelection", "SelectionLayer", "SuppressedFinding"]
