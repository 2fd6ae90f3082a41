"""The sources as CSL-JSON, valid against the CSL data schema, for Zotero, pandoc and
citeproc.

Our fields are shaped after CSL already; this module maps the spelling: ``container_title``
becomes ``container-title``, dates become ``date-parts``, ``url`` becomes ``URL`` and ``doi``
``DOI``; an archived copy's URL goes to ``archive_location``; the reliability grade and the
primary-source mark, which CSL has no field for, go to ``custom``.
"""

from __future__ import annotations

from typing import Any

import attrs

from claimtrack.export._common import date_parts, json_text
from claimtrack.model import Name, Source
from claimtrack.render.links import safe_url
from claimtrack.render.report.model import Report

__all__ = ["csl_item", "csl_items", "render_csl"]


def _name(name: Name) -> dict[str, str]:
    data: dict[str, str] = {}
    if name.literal is not None:
        data["literal"] = name.literal
    if name.family is not None:
        data["family"] = name.family
    if name.given is not None:
        data["given"] = name.given
    return data


def _retrieved_date(source: Source) -> str | None:
    """The day the source's snapshot was taken, when the record gives no ``accessed`` date."""
    snapshot = source.snapshot
    if snapshot is None or snapshot.retrieved is None:
        return None
    return snapshot.retrieved[:10]


def csl_item(source: Source, item_id: str | None = None) -> dict[str, Any]:
    """One source as a CSL-JSON item (with ``item_id`` in place of its own id if given)."""
    item: dict[str, Any] = {
        "id": item_id or source.id,
        "type": str(source.type),
        "title": source.title,
    }
    if source.authors:
        item["author"] = [_name(name) for name in source.authors]
    if source.container_title:
        item["container-title"] = source.container_title
    if source.publisher:
        item["publisher"] = source.publisher
    if source.issued:
        item["issued"] = {"date-parts": [date_parts(source.issued)]}
    url = safe_url(source.url)
    if url:
        item["URL"] = url
    if source.doi:
        item["DOI"] = source.doi
    accessed = source.accessed or _retrieved_date(source)
    if accessed:
        item["accessed"] = {"date-parts": [date_parts(accessed)]}
    archive = safe_url(source.archive_url)
    if archive:
        item["archive_location"] = archive
    if source.language:
        item["language"] = source.language
    if source.notes:
        item["note"] = source.notes
    custom: dict[str, Any] = {}
    if source.reliability is not None:
        custom["reliability"] = str(source.reliability)
    if source.primary:
        custom["primary_source"] = True
    if item_id is not None:
        custom["claimtrack_id"] = source.id
    if custom:
        item["custom"] = custom
    return item


def csl_items(report: Report) -> list[dict[str, Any]]:
    """Every source of every document, in bibliography order.

    A source id used by two documents for different records is qualified with the document
    id (``doc/source``); the same record in two documents is given once, under its own id
    (a shared library source cited from many documents is one item). Records that differ
    only in their snapshot's path (as one shared source does, seen from claim files in
    different folders) are the same record here: CSL carries no snapshot path.
    """
    entries = [
        (doc.claim_file.document.id, entry.source)
        for doc in report.documents
        if doc.claim_file is not None
        for entry in doc.bibliography
    ]
    records: dict[str, set[Source]] = {}
    for _, source in entries:
        records.setdefault(source.id, set()).add(_record(source))
    items: list[dict[str, Any]] = []
    seen: set[tuple[str, Source]] = set()
    for document_id, source in entries:
        clash = len(records[source.id]) > 1
        key = (document_id if clash else "", _record(source))
        if key in seen:
            continue
        seen.add(key)
        items.append(csl_item(source, f"{document_id}/{source.id}" if clash else None))
    return items


def _record(source: Source) -> Source:
    """The source as CSL-JSON tells records apart: its snapshot's path left out."""
    snapshot = source.snapshot
    if snapshot is None:
        return source
    return attrs.evolve(source, snapshot=attrs.evolve(snapshot, path="-"))


def render_csl(report: Report) -> str:
    """The CSL-JSON bibliography as text."""
    return json_text(csl_items(report))
