"""The readable text of a fetched source: trafilatura for HTML, pypdf for PDF, plain text
as it is, each decoded as :mod:`claimtrack.fetch._charset` says. The kind is the one the
server declared, except that a body beginning as a PDF is read as one whatever it was
declared as, and a body declared a PDF (or sent as bare bytes) that is not one is read by
what it begins with. Control characters other than tab and line feed (NUL, escape
sequences) are dropped from the text: a browser shows none of them."""

from __future__ import annotations

import importlib.metadata
import io
import re

import attrs

from claimtrack.anchor import normalize
from claimtrack.fetch._charset import decode
from claimtrack.fetch._errors import FetchError

__all__ = ["MAX_PDF_PAGES", "Extracted", "MissingExtra", "extract_text", "media_type"]

MAX_PDF_PAGES = 5000
"""The most pages of a PDF that are read (a PDF of many pages stops there)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BARE_BYTES = frozenset({"", "application/octet-stream", "binary/octet-stream"})


class MissingExtra(FetchError):
    """A library that fetching needs is not installed."""


@attrs.frozen
class Extracted:
    """Readable text and what extracted it (tool and version)."""

    text: str
    tool: str
    version: str


def _sniffed(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    return "text/html" if head.startswith((b"<!doctype html", b"<html")) else "text/plain"


def media_type(content_type: str | None, body: bytes) -> str:
    """The media type, lower-cased without parameters: the declared one, unless the body
    begins as a PDF, or is HTML declared a PDF, or none or bare bytes were declared."""
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    found = _sniffed(body)
    if found == "application/pdf" or declared in _BARE_BYTES:
        return found
    if declared == "application/pdf" and found == "text/html":
        return found
    return declared


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
        decode(body, content_type), include_comments=False, include_tables=True
    )
    if not text or not text.strip():
        raise FetchError("the page has no readable text (trafilatura found none)")
    return Extracted(text, "trafilatura", _version("trafilatura"))


def _pdf(body: bytes) -> Extracted:
    try:
        import pypdf
    except ImportError as error:
        raise MissingExtra(
            f"reading PDF needs pypdf ({error}); install claimtrack[fetch]"
        ) from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(body))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise FetchError(
                f"the PDF has {len(reader.pages):,} pages, over the limit of {MAX_PDF_PAGES:,};"
                " it was not kept"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except FetchError:
        raise
    except Exception as error:  # a damaged PDF can make pypdf raise almost anything
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
        found = Extracted(decode(body, content_type), "claimtrack", _version("claimtrack"))
    else:
        raise FetchError(f"claimtrack cannot extract text from {kind!r}")
    text = _CONTROL.sub("", normalize(found.text)).strip()
    if not text:
        raise FetchError("the source has no readable text")
    return attrs.evolve(found, text=text + "\n")
