"""The raw response of a fetch, kept as a WARC file (request and response records)."""

from __future__ import annotations

import io

from claimtrack.fetch._extract import MissingExtra
from claimtrack.fetch._http import Response

__all__ = ["warc_bytes"]


def warc_bytes(response: Response, user_agent: str, retrieved: str) -> bytes:
    """A gzipped WARC holding the final request and the response as received. (Lengths are
    given so that warcio needs no temporary file to measure the payloads.)"""
    try:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
    except ImportError as error:
        raise MissingExtra(f"keeping the raw response needs warcio ({error})") from None
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    dated = {"WARC-Date": retrieved}
    request_headers = StatusAndHeaders(
        f"GET {response.url} HTTP/1.1", [("User-Agent", user_agent)], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(
            response.url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=request_headers,
            warc_headers_dict=dated,
        )
    )
    reason = response.reason.encode("ascii", "replace").decode("ascii")  # a status line is ASCII
    reply_headers = StatusAndHeaders(
        f"{response.status} {reason}".strip(), list(response.headers), protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            response.url,
            "response",
            payload=io.BytesIO(response.raw),
            length=len(response.raw),
            http_headers=reply_headers,
            warc_headers_dict=dated,
        )
    )
    return buffer.getvalue()
