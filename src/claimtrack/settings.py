"""How to check: the settings :func:`claimtrack.check` and the pipeline take."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from claimtrack._version import __version__
from claimtrack.io.cache import fingerprint
from claimtrack.io.limits import Limits
from claimtrack.lint.selection import RuleSelection
from claimtrack.schema import schema_text

if TYPE_CHECKING:
    from claimtrack.io.cache import ResultCache
    from claimtrack.lint.baseline import Baseline
    from claimtrack.validate.library import SourceLibrary

__all__ = ["CheckSettings"]


@attrs.frozen(kw_only=True)
class CheckSettings:
    """How to check: input limits, the folder snapshots may not leave, which flags run (and
    how severe they are), and a baseline of known findings."""

    limits: Limits = attrs.field(factory=Limits)
    project_root: Path | None = None
    rules: RuleSelection = attrs.field(factory=RuleSelection)
    baseline: Baseline | None = None
    cache: ResultCache | None = None
    #: At most this many worker processes check a batch of paths (one file per worker at a
    #: time; a batch smaller than a few files per worker is checked in this process).
    jobs: int = 1
    #: Whether each result keeps the file's records (``claim_file``) and the document
    #: snapshot it read (``snapshot``). A caller that needs only the findings (the ``check``
    #: command) turns it off, so that neither outlives the file's check and workers send
    #: back findings alone. Cached results never carry records.
    keep_records: bool = True
    #: Whether each result keeps the file as loaded (``FileResult.document``: its data, the
    #: position of every value and its text), the largest part of a checked file. Off by
    #: default, so that no file outlives its own check; a caller that maps findings back
    #: into the text (``claimtrack diff``) turns it on.
    keep_documents: bool = False
    #: Whether results from the cache carry their findings. A caller that needs only an
    #: exit status (the ``check`` command printing nothing) turns it off: a cached result
    #: with findings then carries the severity of its most severe one
    #: (:attr:`FileResult.severest`) and no findings, suppressed findings or record ids, and
    #: the cache decodes none. With a baseline the findings are always read, since the
    #: baseline needs them.
    keep_findings: bool = True
    #: The shared source library claim files may cite (:func:`claimtrack.load_source_library`);
    #: None when none is configured. Load it once per run: every file shares it.
    library: SourceLibrary | None = None
    #: Whether :func:`claimtrack.check` adds a result for each library file, with the flags
    #: of its records (F201), judged there once rather than in every file citing them.
    library_results: bool = False
    #: With ``library_results``: whether a shared source no checked file cites is flagged
    #: too (F202): only a run that checks every claim file the library serves can tell.
    library_unused: bool = False

    def fingerprint(self) -> str:
        """What a cached result depends on besides the files: version, schema, settings,
        and the shared source library's files (any claim file may cite them)."""
        shared = () if self.library is None else (f"library {self.library.digest}",)
        return fingerprint(
            __version__,
            schema_text(),
            repr(self.limits),
            str(self.project_root),
            # Sorted: a frozenset's order changes from one process to the next.
            repr(sorted(self.rules.enabled) if self.rules.enabled is not None else None),
            repr(sorted((code, str(level)) for code, level in self.rules.severities.items())),
            *shared,
        )
