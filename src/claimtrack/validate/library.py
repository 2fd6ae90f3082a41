"""The shared source library: sources defined once, cited from any claim file.

:func:`load_library` reads the library files (:mod:`claimtrack.io.library`), checks each
against ``schemas/source-library.schema.json`` (whose records are the claim-file schema's
source records), structures the records and checks what a schema cannot: the same id twice
in the library (in one file or in two), and impossible dates. Every problem is a finding
with its file, line and column; a library with problems must not be used (the command line
stops with exit status 2).

Resolution is deterministic: a citation's ``source`` is the claim file's own source with
that id, else the library's. :func:`resolve_sources` gives the claim file as its claims see
it (its own sources, then the shared sources it cites, in order of first citation), and
:func:`clash_findings` the E201 errors of a file whose own source reuses a shared id.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from claimtrack import rules
from claimtrack._convert import iter_structure_errors, make_converter
from claimtrack.findings import Finding, Location
from claimtrack.io.library import read_library
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument
from claimtrack.model import ClaimFile, Source
from claimtrack.schema import SOURCE_LIBRARY_SCHEMA
from claimtrack.validate.integrity import source_date_findings
from claimtrack.validate.schema_errors import schema_findings

__all__ = [
    "LibraryFile",
    "SharedSource",
    "SourceLibrary",
    "clash_findings",
    "is_clash",
    "is_library_data",
    "library_records",
    "load_library",
    "resolve_sources",
]


_SOURCE_ID = re.compile(r"/sources/([0-9]+)/id")


@attrs.frozen
class SharedSource:
    """One source of the library: its record (the snapshot path as the library file writes
    it), where its id stands, the folder its snapshot path starts from, and, when it has a
    snapshot, where its ``snapshot.path`` and ``snapshot.sha256`` stand (E213 and E214 of a
    shared snapshot are reported there)."""

    source: Source
    location: Location
    folder: str
    snapshot_path_at: Location | None = None
    snapshot_sha256_at: Location | None = None


@attrs.frozen
class LibraryFile:
    """One library file: its name in findings, its absolute path, and the ids of its
    records by position (for baseline keys)."""

    path: str
    file: str
    source_ids: tuple[str | None, ...] = ()


@attrs.frozen(kw_only=True, eq=False)
class SourceLibrary:
    """A loaded library: its sources by id (each id once: a repeated id is a problem, and
    the first record stands), its files, the problems found, and a digest of the files'
    bytes that cached results depend on."""

    sources: Mapping[str, SharedSource] = attrs.field(factory=dict)
    files: tuple[LibraryFile, ...] = ()
    problems: tuple[Finding, ...] = ()
    digest: str = ""

    @property
    def paths(self) -> frozenset[str]:
        """The library files, as absolute paths (they are not claim files)."""
        return frozenset(item.file for item in self.files)

    def holds(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` names one of the library files (checked as the library, never
        as a claim file)."""
        return os.path.abspath(path) in self.paths

    @property
    def ids(self) -> tuple[str, ...]:
        """Every shared id, in file order then record order."""
        return tuple(self.sources)

    def cited_by(self, claim_file: ClaimFile) -> tuple[str, ...]:
        """The shared ids ``claim_file``'s claims cite (ids it defines itself left out), in
        order of first citation."""
        own = {source.id for source in claim_file.sources}
        cited: dict[str, None] = {}
        for claim in claim_file.claims:
            for citation in claim.citations:
                if citation.source in self.sources and citation.source not in own:
                    cited.setdefault(citation.source)
        return tuple(cited)


def is_library_data(data: Any) -> bool:
    """Whether parsed data is meant as a library file (sources, and no document)."""
    return isinstance(data, dict) and "sources" in data and "document" not in data


@cache
def _converter() -> Any:
    return make_converter()


def library_records(document: LoadedDocument) -> tuple[Source, ...] | list[Finding]:
    """The records of a schema-valid library document, or E114 findings where they cannot
    be built (as for a claim file, this would be a defect of ours)."""
    try:
        sources: tuple[Source, ...] = _converter().structure(
            document.data["sources"], tuple[Source, ...]
        )
    except BaseValidationError as error:
        return [
            rules.finding(rules.INVALID_SHAPE, message, document.location(("sources", *path)))
            for path, message in iter_structure_errors(error)
        ]
    return sources


def _at(location: Location) -> str:
    return f"{location.path}:{location.line}:{location.column}"


def load_library(
    patterns: Sequence[tuple[str, Location]], base: Path, limits: Limits | None = None
) -> SourceLibrary:
    """Read, check and index the library files ``patterns`` name (glob patterns relative to
    ``base``, each with where the configuration writes it). Never raises for bad input: what
    is wrong is in its ``problems``."""
    read = read_library(patterns, base, limits)
    problems = list(read.problems)
    sources: dict[str, SharedSource] = {}
    files: list[LibraryFile] = []
    for document in read.documents:
        absolute = os.path.abspath(document.file_path or document.path)
        found = schema_findings(document, SOURCE_LIBRARY_SCHEMA)
        records = found or library_records(document)
        if isinstance(records, list):
            problems.extend(records)
            files.append(LibraryFile(document.path, absolute))
            continue
        problems.extend(source_date_findings(document, records))
        files.append(LibraryFile(document.path, absolute, tuple(s.id for s in records)))
        folder = os.path.dirname(absolute)
        for index, source in enumerate(records):
            where = document.location(("sources", index, "id"))
            first = sources.get(source.id)
            if first is None:
                sources[source.id] = _shared(document, index, source, where, folder)
                continue
            problems.append(
                rules.finding(
                    rules.DUPLICATE_ID,
                    f"source id {source.id!r} is already defined in the shared source library"
                    f" at {_at(first.location)}",
                    where,
                    hint="Keep one of the two records (merge what each knows into it) or give"
                    " this one another id; every shared id must be unique across the library"
                    " files.",
                )
            )
    problems.sort(key=lambda finding: finding.sort_key)
    return SourceLibrary(
        sources=sources, files=tuple(files), problems=tuple(problems), digest=read.digest
    )


def _shared(
    document: LoadedDocument, index: int, source: Source, where: Location, folder: str
) -> SharedSource:
    """The library's record at ``index`` of ``document``, with the places of its snapshot."""
    if source.snapshot is None:
        return SharedSource(source, where, folder)
    snapshot = ("sources", index, "snapshot")
    return SharedSource(
        source,
        where,
        folder,
        snapshot_path_at=document.location((*snapshot, "path")),
        snapshot_sha256_at=document.location((*snapshot, "sha256")),
    )


def _as_cited_from(shared: SharedSource, folder: str) -> Source:
    """The shared record as a claim file in ``folder`` sees it: a snapshot path, which the
    library gives relative to its own file, is given relative to the claim file's folder."""
    snapshot = shared.source.snapshot
    if snapshot is None:
        return shared.source
    target = os.path.join(shared.folder, snapshot.path)
    try:
        path = Path(os.path.relpath(target, folder)).as_posix()
    except ValueError:  # another drive: only an absolute path leads there
        path = Path(target).as_posix()
    return attrs.evolve(shared.source, snapshot=attrs.evolve(snapshot, path=path))


def resolve_sources(
    document: LoadedDocument, claim_file: ClaimFile, library: SourceLibrary | None
) -> ClaimFile:
    """The claim file as its claims see it: its own sources, then the shared sources it
    cites and does not define itself, in order of first citation. Without a library, or
    when it cites none, ``claim_file`` itself."""
    if library is None:
        return claim_file
    cited = library.cited_by(claim_file)
    if not cited:
        return claim_file
    folder = os.path.dirname(os.path.abspath(document.file_path or document.path))
    shared = tuple(_as_cited_from(library.sources[source_id], folder) for source_id in cited)
    return attrs.evolve(claim_file, sources=(*claim_file.sources, *shared))


def clash_findings(
    document: LoadedDocument, claim_file: ClaimFile, library: SourceLibrary | None
) -> Iterator[Finding]:
    """E201 (two sources share an id) for each of the file's own sources whose id the library
    also defines: a clash, which :func:`is_clash` tells from other duplicates."""
    if library is None:
        return
    for index, source in enumerate(claim_file.sources):
        shared = library.sources.get(source.id)
        if shared is not None:
            yield rules.finding(
                rules.DUPLICATE_ID,
                f"source {source.id!r} is defined here and in the shared source library at"
                f" {_at(shared.location)}",
                document.location(("sources", index, "id")),
                hint="Remove this record and cite the shared one, or give this record another"
                " id: a claim file's own source may not reuse a shared id.",
            )


def is_clash(finding: Finding, record_data: Any, library: SourceLibrary) -> bool:
    """Whether ``finding`` (of a file whose record ids are ``record_data``, as results keep
    them) is an E201 at a source of the file's own whose id the library also defines."""
    if finding.code != rules.DUPLICATE_ID.code:
        return False
    match = _SOURCE_ID.fullmatch(finding.location.pointer or "")
    records = record_data.get("sources") if isinstance(record_data, dict) else None
    if match is None or not isinstance(records, list) or int(match[1]) >= len(records):
        return False
    record = records[int(match[1])]
    return isinstance(record, dict) and record.get("id") in library.sources
