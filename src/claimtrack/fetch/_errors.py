"""The error of fetching."""

from __future__ import annotations

from claimtrack.errors import ClaimtrackError

__all__ = ["FetchError"]


class FetchError(ClaimtrackError):
    """A URL could not be fetched within the limits; the message says why."""
