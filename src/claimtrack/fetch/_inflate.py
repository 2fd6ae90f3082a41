"""A body decoded from its Content-Encoding (gzip or deflate), to at most a given size.

Decoding stops one byte past the limit, so a compression bomb costs no more memory than
the limit. A gzip body of several members (concatenated gzip files) is decoded whole, as
``gzip -d`` does; ``deflate`` is read with or without its zlib wrapper, as browsers read
it; a compressed body that ends before its compressed stream does is refused, since its
text would be cut short without a sign.
"""

from __future__ import annotations

import zlib

from claimtrack.fetch._errors import FetchError

__all__ = ["decoded"]

_GZIP = 16 + zlib.MAX_WBITS


def _bomb(limit: int) -> FetchError:
    return FetchError(
        f"the body decompresses to more than {limit:,} bytes (a compression bomb?); it was not kept"
    )


def _inflate(raw: bytes, wbits: int, limit: int) -> bytes:
    pieces: list[bytes] = []
    size = 0
    rest = raw
    while True:
        inflater = zlib.decompressobj(wbits)
        piece = inflater.decompress(rest, limit + 1 - size)
        size += len(piece)
        pieces.append(piece)
        if size > limit or inflater.unconsumed_tail:
            raise _bomb(limit)
        if not inflater.eof:
            raise FetchError("the compressed body is cut short; it was not kept")
        rest = inflater.unused_data
        if wbits != _GZIP or not rest.strip(b"\0"):  # another gzip member, or padding
            return b"".join(pieces)


def decoded(raw: bytes, encoding: str | None, limit: int) -> bytes:
    """``raw`` decoded from ``encoding`` (a Content-Encoding value) to at most ``limit``
    bytes; :class:`FetchError` for an encoding claimtrack cannot read or a damaged body."""
    kind = (encoding or "").strip().lower()
    if kind in ("", "identity") or not raw:
        return raw
    if kind not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"the server sent the body in an encoding claimtrack cannot read: {kind}")
    try:
        if kind != "deflate":
            return _inflate(raw, _GZIP, limit)
        try:
            return _inflate(raw, zlib.MAX_WBITS, limit)
        except zlib.error:
            return _inflate(raw, -zlib.MAX_WBITS, limit)  # deflate without the zlib wrapper
    except zlib.error as error:
        raise FetchError(f"the compressed body is damaged: {error}") from None
