"""The claims as a file the Hypothesis client imports (its share dialog's "Import" tab).

The shape is the one the client's own exporter writes and its importer reads (hypothesis/client:
``src/sidebar/services/annotations-exporter.ts`` writes ``export_date``, ``export_userid``,
``client_version`` and ``annotations``; ``readExportFile`` (in ``import.ts``) accepts any JSON
object with an ``annotations`` array; ``src/sidebar/services/import-annotations.ts`` keeps
``target``, ``tags``, ``text``, ``uri`` and ``document`` of each, and the dialog lists the
annotations by ``user``). Each claim becomes one annotation on the document's live URL:

- ``target``: one entry, ``source`` the URL, with a ``TextQuoteSelector`` (the quote with its
  prefix and suffix) only. Hypothesis applies a ``TextPositionSelector`` to the live page's
  text (counted in UTF-16 code units); our offsets count the snapshot, so they are left out
  rather than point at the wrong words;
- ``text``: Markdown: the claim, its status, and links to the sources that support or dispute it;
- ``tags``: the claim's tags, then ``claimtrack`` and ``status:<status>``;
- ``user``: the account given (``acct:name@authority``), else
  ``acct:claimtrack@claimtrack.invalid``
  (the reserved ``.invalid`` domain: a placeholder, never a real account). The importer saves
  what it imports as the signed-in user whichever ``user`` the file names.

A document without an http(s) URL cannot be annotated in Hypothesis; its claims are left out
and :func:`hypothesis_gaps` says so.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack._version import __version__
from claimtrack.export._common import json_text
from claimtrack.export.webannotation import quote_selector
from claimtrack.model import ClaimFile, Stance
from claimtrack.render.links import safe_url
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report

__all__ = [
    "ACCOUNT_PATTERN",
    "PLACEHOLDER_USER",
    "hypothesis_export",
    "hypothesis_gaps",
    "render_hypothesis",
]

#: A Hypothesis user id, as the server's import schema wants creators: ``acct:name@authority``.
ACCOUNT_PATTERN = re.compile(r"^acct:[^@\s]+@[^@\s]+$")
PLACEHOLDER_USER = "acct:claimtrack@claimtrack.invalid"


def _markdown_text(text: str) -> str:
    """Plain text safe in Markdown: characters that would start markup are escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def _text(claim_file: ClaimFile, row: ClaimRow) -> str:
    claim = row.claim
    lines = [_markdown_text(claim.text), "", f"Status: {claim.status}."]
    sources = {source.id: source for source in claim_file.sources}
    links = []
    for citation in claim.citations:
        source = sources.get(citation.source)
        url = safe_url(source.url) if source is not None else None
        if url is None or source is None or citation.stance is Stance.MENTIONS:
            continue
        target = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
        links.append(f"- {citation.stance}: [{_markdown_text(source.title)}](<{target}>)")
    if links:
        lines += ["", *links]
    return "\n".join(lines)


def _annotation(
    doc: DocumentReport, claim_file: ClaimFile, row: ClaimRow, user: str, url: str
) -> dict[str, Any]:
    claim = row.claim
    annotation: dict[str, Any] = {
        "uri": url,
        "document": {"title": claim_file.document.title},
        "target": [{"source": url, "selector": [quote_selector(doc, row)]}],
        "text": _text(claim_file, row),
        "tags": [*claim.tags, "claimtrack", f"status:{claim.status}"],
        "user": user,
    }
    provenance = claim.provenance
    if provenance is not None and provenance.recorded_by:
        annotation["user_info"] = {"display_name": provenance.recorded_by}
    return annotation


def _annotated(report: Report) -> list[tuple[DocumentReport, ClaimFile, str]]:
    return [
        (doc, doc.claim_file, url)
        for doc in report.documents
        if doc.claim_file is not None and (url := safe_url(doc.claim_file.document.url))
    ]


def hypothesis_export(report: Report, user: str | None = None, now: str = "") -> dict[str, Any]:
    """The import file: ``export_date`` (``now``, an ISO date-time the caller gives, so the
    output is reproducible), ``export_userid``, ``client_version`` and the annotations.

    ``user`` must look like ``acct:name@authority``; a :class:`ValueError` says so otherwise.
    """
    if user is not None and not ACCOUNT_PATTERN.match(user):
        raise ValueError(f"expected an account such as acct:name@hypothes.is, got {user!r}")
    account = user or PLACEHOLDER_USER
    annotations = [
        _annotation(doc, claim_file, row, account, url)
        for doc, claim_file, url in _annotated(report)
        for row in doc.claims
    ]
    return {
        "export_date": now,
        "export_userid": account,
        "client_version": f"claimtrack {__version__}",
        "annotations": annotations,
    }


def hypothesis_gaps(report: Report, user: str | None = None) -> list[str]:
    """What the import will miss: documents without an http(s) URL (their claims are left
    out) and, without ``user``, the placeholder account."""
    gaps = [
        f"{doc.path}: the document has no http(s) url, so its {len(doc.claims)} claims cannot"
        " be annotated in Hypothesis; record the document's url"
        for doc in report.documents
        if doc.claim_file is not None and safe_url(doc.claim_file.document.url) is None
    ]
    if user is None:
        gaps.append(
            f"hypothesis: the annotations name the placeholder user {PLACEHOLDER_USER}; give"
            " --hypothesis-user acct:NAME@AUTHORITY to name yours"
        )
    return gaps


def render_hypothesis(report: Report, user: str | None = None, now: str = "") -> str:
    """The Hypothesis import file as text."""
    return json_text(hypothesis_export(report, user, now))
