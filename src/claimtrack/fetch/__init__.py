"""Fetching sources: the one part of claimtrack that uses the network, and only when the
``sources fetch`` command (or a caller of :func:`fetch_claim_file`) asks.

It needs the ``fetch`` extra (``pip install 'claimtrack[fetch]'``: trafilatura, pypdf and
warcio); without it :class:`MissingExtra` says so.
"""

from claimtrack.fetch._extract import Extracted, MissingExtra, extract_text
from claimtrack.fetch._http import USER_AGENT, FetchError, HttpSettings, Response, Session
from claimtrack.fetch.archive import DEFAULT_ENDPOINT, Archiver, ArchiveSettings
from claimtrack.fetch.plan import (
    SNAPSHOT_FOLDER,
    FetchOutcome,
    FetchResult,
    FetchSettings,
    FetchStatus,
    fetch_claim_file,
)

__all__ = [
    "DEFAULT_ENDPOINT",
    "SNAPSHOT_FOLDER",
    "USER_AGENT",
    "ArchiveSettings",
    "Archiver",
    "Extracted",
    "FetchError",
    "FetchOutcome",
    "FetchResult",
    "FetchSettings",
    "FetchStatus",
    "HttpSettings",
    "MissingExtra",
    "Response",
    "Session",
    "extract_text",
    "fetch_claim_file",
]
