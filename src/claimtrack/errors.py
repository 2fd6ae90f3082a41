"""The exception hierarchy. Batch APIs report bad input as findings; these are for callers
who asked for one thing that cannot be given."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:  # annotations only: importing the errors builds no record classes
    from collections.abc import Sequence

    from claimtrack.findings import Finding

__all__ = ["ClaimtrackError", "ConfigError", "FileChangedError", "InputLimitError", "LoadError"]


class ClaimtrackError(Exception):
    """Root of every exception claimtrack raises on purpose."""


class ConfigError(ClaimtrackError, ValueError):
    """A configuration file or option value is wrong (unknown key or rule, bad value)."""


class LoadError(ClaimtrackError, ValueError):
    """A claim file cannot be read, parsed or turned into records; carries its findings."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        first = self.findings[0] if self.findings else None
        if first is None:
            message = "the file could not be loaded"
        else:
            loc = first.location
            message = f"{loc.path}:{loc.line}:{loc.column}: {first.code} {first.message}"
            if len(self.findings) > 1:
                message += f" (and {len(self.findings) - 1} more)"
        super().__init__(message)


class InputLimitError(LoadError):
    """A file is over a size, depth or alias-expansion limit."""


class FileChangedError(ClaimtrackError, OSError):
    """A file changed on disk between reading it and replacing it; it was left alone."""
