"""Integrity: what a schema cannot express. Ids used twice, citations of unknown sources,
inverted ranges, impossible dates; the snapshot and the anchors are checked by
:mod:`claimtrack.validate.anchors`, called from here.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from claimtrack import _dates, rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.io.snapshot import SnapshotText
from claimtrack.model import ClaimFile, Quantity, Source, When
from claimtrack.validate._values import Path
from claimtrack.validate._values import show as _show
from claimtrack.validate.anchors import anchor_findings, anchor_text, snapshot_problems

__all__ = [
    "claim_integrity_findings",
    "file_integrity_findings",
    "integrity_findings",
    "source_date_findings",
]


def integrity_findings(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> list[Finding]:
    """Errors beyond the schema: ids, references, ranges, dates, snapshot and anchors."""
    claim_ids = [claim.id for claim in claim_file.claims]
    return [
        *file_integrity_findings(document, claim_file, claim_ids, snapshot),
        *claim_integrity_findings(document, claim_file, anchor_text(claim_file, snapshot)),
    ]


def file_integrity_findings(
    document: LoadedDocument,
    claim_file: ClaimFile,
    claim_ids: Sequence[str],
    snapshot: SnapshotText | None,
) -> list[Finding]:
    """The integrity errors of the file as a whole: ids used twice (``claim_ids`` are those of
    every claim, by position), the dates of the document and the sources, and the snapshot
    itself. ``claim_file``'s claims are not looked at."""
    findings = list(_duplicate_ids(document, "claims", claim_ids))
    findings.extend(
        _duplicate_ids(document, "sources", [source.id for source in claim_file.sources])
    )
    findings.extend(_file_dates(document, claim_file))
    findings.extend(snapshot_problems(document, claim_file, snapshot))
    return findings


def claim_integrity_findings(
    document: LoadedDocument,
    claim_file: ClaimFile,
    text: str | None,
    shared: Collection[str] | None = None,
) -> list[Finding]:
    """The integrity errors of each claim on its own: citations of unknown sources, its
    ranges and dates, and (given the normalised snapshot ``text``) its anchor. Any run of a
    file's claims may be checked apart from the rest. ``shared`` are the ids the shared
    source library defines (None when no library is configured): a citation of one of them
    is known, whether or not ``claim_file.sources`` holds it."""
    findings = list(_unknown_sources(document, claim_file, shared))
    findings.extend(_claim_dates(document, claim_file))
    if text is not None:
        findings.extend(anchor_findings(document, claim_file, text))
    return findings


def _duplicate_ids(document: LoadedDocument, section: str, ids: Sequence[str]) -> Iterator[Finding]:
    first_seen: dict[str, int] = {}
    for index, record_id in enumerate(ids):
        if record_id in first_seen:
            first = document.location((section, first_seen[record_id], "id"))
            yield rules.finding(
                rules.DUPLICATE_ID,
                f"{section[:-1]} id {record_id!r} is already used by {section[:-1]}"
                f" #{first_seen[record_id] + 1} (line {first.line})",
                document.location((section, index, "id")),
            )
        else:
            first_seen[record_id] = index


def _unknown_sources(
    document: LoadedDocument, claim_file: ClaimFile, shared: Collection[str] | None
) -> Iterator[Finding]:
    known = [source.id for source in claim_file.sources]
    known_set = set(known)
    where = "'sources'" if shared is None else "neither 'sources' nor the shared source library"
    add = "'sources'" if shared is None else "'sources' or to the shared source library"
    for index, claim in enumerate(claim_file.claims):
        for number, citation in enumerate(claim.citations):
            if citation.source not in known_set and (
                shared is None or citation.source not in shared
            ):
                candidates = known if shared is None else [*known, *shared]
                close = difflib.get_close_matches(citation.source, candidates, n=1, cutoff=0.6)
                hint = (
                    f"Did you mean {close[0]!r}?"
                    if close
                    else f"Add a record with this id to {add}, or correct the id."
                )
                yield rules.finding(
                    rules.UNKNOWN_SOURCE,
                    f"claim {claim.id!r} cites the source {citation.source!r}, which {where}"
                    f" {'does not define' if shared is None else 'defines'}",
                    document.location(("claims", index, "citations", number, "source")),
                    hint=hint,
                )


def _when_findings(document: LoadedDocument, when: When, path: Path) -> Iterator[Finding]:
    for field in ("date", "start", "end"):
        value = getattr(when, field)
        if value is not None and not _dates.is_real_date(value):
            yield rules.finding(
                rules.INVALID_DATE,
                f"{value!r} is not a date in the calendar",
                document.location((*path, field)),
            )
            return
    if (
        when.start is not None
        and when.end is not None
        and _dates.earliest(when.start) > _dates.latest(when.end)
    ):
        yield rules.finding(
            rules.INVERTED_RANGE,
            f"the period starts ({when.start}) after it ends ({when.end})",
            document.location((*path, "start")),
        )


def _quantity_findings(
    document: LoadedDocument, quantity: Quantity, path: Path
) -> Iterator[Finding]:
    pairs = (("low", "high"), ("lower_bound", "upper_bound"))
    for low_name, high_name in pairs:
        low, high = getattr(quantity, low_name), getattr(quantity, high_name)
        if low is not None and high is not None and low > high:
            yield rules.finding(
                rules.INVERTED_RANGE,
                f"{low_name} ({_show(low)}) is greater than {high_name} ({_show(high)})",
                document.location((*path, low_name)),
            )


def _timestamps(record: Any, path: Path) -> Iterator[tuple[str, Path]]:
    provenance = getattr(record, "provenance", None)
    if provenance is None:
        return
    for field in ("recorded_at", "reviewed_at", "verified_at"):
        value = getattr(provenance, field)
        if value is not None:
            yield value, (*path, "provenance", field)


def _invalid_dates(document: LoadedDocument, dated: list[tuple[str, Path]]) -> Iterator[Finding]:
    for value, path in dated:
        if not _dates.is_real_date(value):
            yield rules.finding(
                rules.INVALID_DATE,
                f"{value!r} is not a date in the calendar",
                document.location(path),
            )


def _file_dates(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    dated: list[tuple[str, Path]] = list(_timestamps(claim_file.document, ("document",)))
    if claim_file.document.published is not None:
        yield from _when_findings(
            document, claim_file.document.published, ("document", "published")
        )
    yield from _invalid_dates(document, dated)
    yield from source_date_findings(document, claim_file.sources)


def source_date_findings(document: LoadedDocument, sources: Sequence[Source]) -> Iterator[Finding]:
    """E204 for the impossible dates of source records, which stand under ``sources`` in
    ``document`` (a claim file or a shared source library file)."""
    dated: list[tuple[str, Path]] = []
    for index, source in enumerate(sources):
        path: Path = ("sources", index)
        dated.extend(_timestamps(source, path))
        for field in ("issued", "accessed"):
            value = getattr(source, field)
            if value is not None:
                dated.append((value, (*path, field)))
    yield from _invalid_dates(document, dated)


def _claim_dates(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    dated: list[tuple[str, Path]] = []
    for index, claim in enumerate(claim_file.claims):
        path: Path = ("claims", index)
        dated.extend(_timestamps(claim, path))
        for number, citation in enumerate(claim.citations):
            dated.extend(_timestamps(citation, (*path, "citations", number)))
        for number, when in enumerate(claim.dates):
            yield from _when_findings(document, when, (*path, "dates", number))
        for number, quantity in enumerate(claim.quantities):
            yield from _quantity_findings(document, quantity, (*path, "quantities", number))
    yield from _invalid_dates(document, dated)
