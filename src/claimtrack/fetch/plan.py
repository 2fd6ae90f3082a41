"""``sources fetch`` for one claim file: fetch each source's URL, keep its text and raw
response beside the claim file, and record the snapshot in the claim file.

Snapshot files go to ``snapshots/sources/`` beside the claim file, named by source id
(``ID.txt`` for the text, ``ID.warc.gz`` for the raw request and response), and never
outside the project. The claim file is rewritten once, at the end, by the lossless rewrite
(comments and formatting kept) and only if nobody changed it meanwhile: a fetch that fails or
is interrupted leaves it as it was. A source that already has a snapshot is left alone unless
``refresh`` is set.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError, LoadError
from claimtrack.fetch._extract import MissingExtra, extract_text
from claimtrack.fetch._http import FetchError, HttpSettings, Session
from claimtrack.fetch._record import snapshot_record, unrecordable
from claimtrack.fetch._warc import warc_bytes
from claimtrack.fetch.archive import Archiver, ArchiveSettings
from claimtrack.findings import Location
from claimtrack.io.atomic import replace_if_unchanged, write_atomic
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument, load_path
from claimtrack.io.roundtrip import Change, rewrite
from claimtrack.io.snapshot import find_project_root
from claimtrack.model import Source

__all__ = ["FetchOutcome", "FetchResult", "FetchSettings", "FetchStatus", "fetch_claim_file"]

SNAPSHOT_FOLDER = "snapshots/sources"


class FetchStatus(StrEnum):
    """What happened to one source."""

    FETCHED = "fetched"
    SKIPPED = "skipped"
    FAILED = "failed"
    ARCHIVED = "archived"
    NOT_ARCHIVED = "not archived"


@attrs.frozen(kw_only=True)
class FetchSettings:
    """Which sources to fetch, whether to replace snapshots, the limits of fetching."""

    http: HttpSettings = attrs.field(factory=HttpSettings)
    sources: frozenset[str] | None = None
    refresh: bool = False
    project_root: Path | None = None
    folder: str = SNAPSHOT_FOLDER
    now: Callable[[], datetime] = attrs.field(default=lambda: datetime.now(UTC))
    archive: ArchiveSettings | None = None
    """When set, Save Page Now is asked for each selected source without an ``archive_url``."""
    limits: Limits = attrs.field(factory=Limits)
    """The input limits claim files are read within (the configuration's, as ``check`` has)."""


@attrs.frozen(kw_only=True)
class FetchOutcome:
    """One source: fetched, skipped or failed, and why, where its record stands."""

    source_id: str
    status: FetchStatus
    message: str
    location: Location


@attrs.frozen(kw_only=True)
class FetchResult:
    """One claim file: each source's outcome, whether the file was rewritten, or why the
    file could not be handled at all (``error``)."""

    path: str
    outcomes: tuple[FetchOutcome, ...] = ()
    rewritten: bool = False
    error: str | None = None


def _load(path: str, limits: Limits) -> tuple[LoadedDocument, list[Source]] | str:
    from claimtrack._convert import structure
    from claimtrack.schema import SOURCE_LIBRARY_SCHEMA
    from claimtrack.validate import schema_findings
    from claimtrack.validate.library import is_library_data, library_records

    try:
        document = load_path(path, limits=limits)
    except LoadError as error:
        first = error.findings[0] if error.findings else None
        return first.message if first is not None else str(error)
    if is_library_data(document.data):  # a shared source library file: its own schema
        problems = schema_findings(document, SOURCE_LIBRARY_SCHEMA)
        records = None if problems else library_records(document)
        if records is None or isinstance(records, list):
            return "the library file is not schema-valid; run 'claimtrack check' and fix it first"
        return document, list(records)
    if schema_findings(document):
        return "the file is not schema-valid; run 'claimtrack check' and fix it first"
    return document, list(structure(document.data).sources)


class _Fetcher:
    def __init__(self, document: LoadedDocument, settings: FetchSettings, session: Session):
        self.document = document
        self.settings = settings
        self.session = session
        base = (document.file_path or Path(document.path)).parent
        self.base = base
        self.root = (settings.project_root or find_project_root(base)).resolve()
        self.folder = (base / settings.folder).resolve()

    def outcome(self, index: int, source: Source, status: FetchStatus, message: str) -> Any:
        where = self.document.location(("sources", index, "id"))
        return FetchOutcome(source_id=source.id, status=status, message=message, location=where)

    def fetch(self, index: int, source: Source) -> tuple[FetchOutcome, Change | None]:
        if source.url is None:
            return self.outcome(index, source, FetchStatus.SKIPPED, "it has no URL"), None
        if source.snapshot is not None and not self.settings.refresh:
            why = "it already has a snapshot (--refresh replaces it)"
            return self.outcome(index, source, FetchStatus.SKIPPED, why), None
        if not self.folder.is_relative_to(self.root):
            why = f"the snapshot folder {self.settings.folder!r} leaves the project"
            return self.outcome(index, source, FetchStatus.FAILED, why), None
        try:
            response = self.session.get(source.url)
            if response.status >= 400:
                raise FetchError(f"{response.url} answered {response.status} {response.reason}")
            extracted = extract_text(response.body, response.content_type)
            when = self.settings.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            warc = warc_bytes(response, self.session.settings.user_agent, when)
        except MissingExtra:
            raise
        except FetchError as error:
            return self.outcome(index, source, FetchStatus.FAILED, str(error)), None
        text = extracted.text.encode("utf-8")
        relative = f"{self.settings.folder.rstrip('/')}/{source.id}"
        record = snapshot_record(
            response,
            f"{relative}.txt",
            hashlib.sha256(text).hexdigest(),
            f"{relative}.warc.gz",
            extracted.tool,
            extracted.version,
            when,
        )
        refused = unrecordable(record, "SourceSnapshot", "snapshot")
        if refused is not None:
            return self.outcome(index, source, FetchStatus.FAILED, refused), None
        targets = [self.folder / f"{source.id}.txt", self.folder / f"{source.id}.warc.gz"]
        for target in targets:
            if not target.resolve().is_relative_to(self.root):  # a link leading out
                why = f"{self.settings.folder.rstrip('/')}/{target.name} leads outside the project"
                return self.outcome(index, source, FetchStatus.FAILED, why + "; not written"), None
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(targets[0], text)
        write_atomic(targets[1], warc)
        message = f"{len(extracted.text):,} characters from {response.url} ({extracted.tool})"
        fetched = self.outcome(index, source, FetchStatus.FETCHED, message)
        return fetched, Change(("sources", index, "snapshot"), record)


def _archive(
    fetcher: _Fetcher, archiver: Archiver, index: int, source: Source, url: str
) -> tuple[FetchOutcome, Change | None]:
    try:
        address = archiver.capture(url)
    except FetchError as error:
        return fetcher.outcome(index, source, FetchStatus.NOT_ARCHIVED, str(error)), None
    refused = unrecordable(address, "HttpUrl", "archive_url")
    if refused is not None:
        return fetcher.outcome(index, source, FetchStatus.NOT_ARCHIVED, refused), None
    archived = fetcher.outcome(index, source, FetchStatus.ARCHIVED, address)
    return archived, Change(("sources", index, "archive_url"), address)


def _selected(sources: list[Source], wanted: frozenset[str] | None) -> Iterator[tuple[int, Source]]:
    for index, source in enumerate(sources):
        if wanted is None or source.id in wanted:
            yield index, source


def fetch_claim_file(
    path: str,
    settings: FetchSettings,
    session: Session | None = None,
    progress: Callable[[str], None] | None = None,
    archiver: Archiver | None = None,
) -> FetchResult:
    """Fetch the sources of the claim file at ``path`` and record their snapshots (and, with
    ``settings.archive``, the Save Page Now captures of their URLs as ``archive_url``).

    Raises :class:`~claimtrack.fetch.MissingExtra` when a library fetching needs is not
    installed; every other problem is a value in the result."""
    loaded = _load(path, settings.limits)
    if isinstance(loaded, str):
        return FetchResult(path=path, error=loaded)
    document, sources = loaded
    fetcher = _Fetcher(document, settings, session or Session(settings.http))
    outcomes: list[FetchOutcome] = []
    changes: list[Change] = []
    for index, source in _selected(sources, settings.sources):
        if progress is not None:
            progress(source.id)
        outcome, change = fetcher.fetch(index, source)
        outcomes.append(outcome)
        if change is not None:
            changes.append(change)
        if settings.archive is not None and source.url is not None and not source.archive_url:
            archiver = archiver or Archiver(settings.archive)
            outcome, change = _archive(fetcher, archiver, index, source, source.url)
            outcomes.append(outcome)
            if change is not None:
                changes.append(change)
    if not changes:
        return FetchResult(path=path, outcomes=tuple(outcomes))
    try:
        text = rewrite(document, changes).text
        original = document.text.encode("utf-8")
        replace_if_unchanged(document.file_path or path, original, text)
    except (ClaimtrackError, OSError) as error:
        return FetchResult(path=path, outcomes=tuple(outcomes), error=str(error))
    return FetchResult(path=path, outcomes=tuple(outcomes), rewritten=True)
