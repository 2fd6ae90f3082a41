"""The readable text of a fetched source: trafilatura for HTML, pypdf for PDF, plain text
as it is. The text is decoded with the charset the server declared when that decoding
works, else the one the page declares, else UTF-8, else Windows-1252 (which decodes any
bytes), so a wrong charset never stops a fetch."""

from __future__ import annotations

import importlib.metadata
import io
import re

import attrs

from claimtrack.anchor import normalize
from claimtrack.fetch._http import FetchError

__all__ = ["Extracted", "MissingExtra", "extract_text", "media_type"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


class MissingExtra(FetchError):
    """A library that fetching needs is not installed."""


@attrs.frozen
class Extracted:
    """Readable text and what extracted it (tool and version)."""

    text: str
    tool: str
    version: str


def media_type(content_type: str | None, body: bytes) -> str:
    """The media type, lower-cased without parameters; sniffed from the body if missing."""
    if content_type:
        return content_type.split(";", 1)[0].strip().lower()
    if body.lstrip()[:5] == b"%PDF-":
        return "application/pdf"
    head = body[:512].lstrip().lower()
    return "text/html" if head.startswith((b"<!doctype html", b"<html")) else "text/plain"


def _decode(body: bytes, content_type: str | None) -> str:
    declared = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:4096])
    tried = [declared.group(1) if declared else None]
    tried.append(meta.group(1).decode("ascii", "replace") if meta else None)
    for charset in [*tried, "utf-8"]:
        if not charset:
            continue
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _html(body: bytes, content_type: str | None) -> Extracted:
    try:
        import trafilatura
    except ImportError as error:
        raise MissingExtra(
            f"reading HTML needs trafilatura ({error}); install claimtrack[fetch]"
        ) from None
    text = trafilatura.extract(
        _decode(body, content_type), include_comments=False, include_tables=True
    )
    if not text or not text.strip():
        raise FetchError("the page has no readable text (trafilatura found none)")
    return Extracted(text, "trafilatura", _version("trafilatura"))


def _pdf(body: bytes) -> Extracted:
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError as error:
        raise MissingExtra(
            f"reading PDF needs pypdf ({error}); install claimtrack[fetch]"
        ) from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(body))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise FetchError(f"the PDF cannot be read: {error}") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise FetchError("the PDF has no extractable text (a scan needs OCR first)")
    return Extracted(text, "pypdf", _version("pypdf"))


def extract_text(body: bytes, content_type: str | None) -> Extracted:
    """The readable text of ``body``, normalised (``nfc-lf``) and ending with a newline."""
    kind = media_type(content_type, body)
    if kind in ("text/html", "application/xhtml+xml"):
        found = _html(body, content_type)
    elif kind == "application/pdf":
        found = _pdf(body)
    elif kind.startswith("text/"):
        found = Extracted(_decode(body, content_type), "claimtrack", _version("claimtrack"))
    else:
        raise FetchError(f"claimtrack cannot extract text from {kind!r}")
    text = normalize(found.text).strip()
    if not text:
        raise FetchError("the source has no readable text")
    return attrs.evolve(found, text=text + "\n")
