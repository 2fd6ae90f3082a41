"""The claims' anchors as W3C Web Annotation JSON-LD, so annotation tools can show the claims
on the document.

Each claim becomes an ``Annotation`` whose target is the document (its URL, or a
``urn:claimtrack:document:`` name when it has none) with two alternative selectors: a
``TextQuoteSelector`` (the exact quote, with the recorded prefix and suffix, or up to
32 characters of context taken from the snapshot) and, when the anchor is placed in the
snapshot, a ``TextPositionSelector`` (code-point offsets of the normalised text).

Offsets hold only in the text they were counted on, which is the snapshot, not whatever the
URL serves today. The W3C model ties a target to one representation of its source with a
``State``; the target then carries a ``TimeState`` whose ``cached`` copy is the snapshot,
named by its SHA-256 as an RFC 6920 ``ni:`` URI (the bytes, whatever folder they are in). A
position that could not be checked against a snapshot that was read is left out. The bodies
describe the claim, tag it, classify it by its verdict when it has one, and link the sources that
support it. All annotations sit in one ``AnnotationCollection``.
"""

from __future__ import annotations

import base64
from typing import Any

from claimtrack._version import __version__
from claimtrack.export._common import is_datetime, json_text, urn
from claimtrack.model import ClaimFile, Stance
from claimtrack.render.links import safe_url
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report
from claimtrack.render.report.state import VERDICTS

__all__ = [
    "CONTEXT",
    "CONTEXT_CHARS",
    "annotation_collection",
    "quote_selector",
    "render_web_annotation",
    "snapshot_iri",
]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32


def quote_selector(doc: DocumentReport, row: ClaimRow) -> dict[str, Any]:
    """The quote with its recorded prefix and suffix, or context taken from the snapshot."""
    anchor = row.claim.anchor
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": anchor.exact}
    prefix, suffix = anchor.prefix, anchor.suffix
    if doc.text is not None and row.placement is not None:
        if prefix is None and row.placement.start > 0:
            prefix = doc.text[max(0, row.placement.start - CONTEXT_CHARS) : row.placement.start]
        if suffix is None and row.placement.end < len(doc.text):
            suffix = doc.text[row.placement.end : row.placement.end + CONTEXT_CHARS]
    if prefix:
        selector["prefix"] = prefix
    if suffix:
        selector["suffix"] = suffix
    return selector


def snapshot_iri(sha256: str) -> str:
    """The RFC 6920 name of the bytes with this SHA-256 (hex): ``ni:///sha-256;`` and the
    digest in unpadded base64url."""
    digest = base64.urlsafe_b64encode(bytes.fromhex(sha256)).decode("ascii").rstrip("=")
    return f"ni:///sha-256;{digest}"


def _target(doc: DocumentReport, row: ClaimRow, source: str) -> dict[str, Any]:
    """The document with the claim's selectors; positions come with the state naming the
    snapshot they count."""
    target: dict[str, Any] = {"source": source}
    selectors = [quote_selector(doc, row)]
    if row.placement is not None and doc.text_sha256 is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": row.placement.start, "end": row.placement.end}
        )
        target["state"] = {"type": "TimeState", "cached": snapshot_iri(doc.text_sha256)}
    target["selector"] = selectors
    return target


def _bodies(claim_file: ClaimFile, row: ClaimRow) -> list[dict[str, Any]]:
    claim = row.claim
    describing: dict[str, Any] = {
        "type": "TextualBody",
        "purpose": "describing",
        "value": claim.text,
        "format": "text/plain",
    }
    if claim_file.document.language:
        describing["language"] = claim_file.document.language
    bodies = [describing]
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in claim.tags]
    if claim.status in VERDICTS:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": str(claim.status)})
    sources = {source.id: source for source in claim_file.sources}
    for citation in claim.citations:
        source = sources.get(citation.source)
        url = safe_url(source.url) if source is not None else None
        if url and citation.stance is Stance.SUPPORTS:
            bodies.append({"type": "SpecificResource", "purpose": "linking", "source": url})
    return bodies


def _annotation(doc: DocumentReport, claim_file: ClaimFile, row: ClaimRow) -> dict[str, Any]:
    document = claim_file.document
    target_source = safe_url(document.url) or urn("document", document.id)
    annotation: dict[str, Any] = {
        "id": urn("annotation", document.id, row.claim.id),
        "type": "Annotation",
        "motivation": "describing",
    }
    provenance = row.claim.provenance
    if provenance is not None and provenance.recorded_by:
        annotation["creator"] = {"name": provenance.recorded_by}
    if provenance is not None and is_datetime(provenance.recorded_at):
        annotation["created"] = provenance.recorded_at
    annotation["generator"] = {
        "id": urn("software", "claimtrack", __version__),
        "type": "Software",
        "name": f"claimtrack {__version__}",
    }
    annotation["body"] = _bodies(claim_file, row)
    annotation["target"] = _target(doc, row, target_source)
    return annotation


def annotation_collection(report: Report) -> dict[str, Any]:
    """Every claim of every document as one AnnotationCollection with one embedded page."""
    loaded = [(doc, doc.claim_file) for doc in report.documents if doc.claim_file is not None]
    ids = [claim_file.document.id for _, claim_file in loaded]
    collection_id = urn("annotations", "+".join(ids) or "empty")
    items = [_annotation(doc, claim_file, row) for doc, claim_file in loaded for row in doc.claims]
    titles = [claim_file.document.title for _, claim_file in loaded]
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": ("Claims of " + "; ".join(titles)) if titles else "Claims",
        "total": len(items),
        "first": {
            "id": f"{collection_id}:page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def render_web_annotation(report: Report) -> str:
    """The Web Annotation JSON-LD as text."""
    return json_text(annotation_collection(report))
