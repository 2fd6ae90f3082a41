"""The text of a fetched body's bytes, decoded as a browser would decode them.

A byte order mark wins (UTF-8 or UTF-16), then the charset the server declared if the bytes
decode with it, then the one the page declares, then UTF-8. As in the WHATWG Encoding
standard, the labels ``iso-8859-1`` and ``us-ascii`` mean Windows-1252 (so a page declared
Latin-1 keeps its curly quotes and dashes). Bytes that none of those decode are read as
UTF-8 with U+FFFD for the odd invalid byte when most of the page is UTF-8, else as
Windows-1252, so a wrong charset never stops a fetch. A label that names no encoding of
the web (``rot13``, ``unicode_escape``) counts as none.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MEANS_CP1252 = frozenset({"ascii", "latin-1", "iso8859-1"})
# The character encodings of the web (the WHATWG Encoding standard's, with the supersets
# pages name for them), by Python's codec name. Other codecs a label can name are no
# charset at all ("rot13", "base64", "undefined", which raise) or rewrite the text
# ("unicode_escape" reads "C:\new" as a line break, "utf-7" reads "+" as a shift).
_WEB_CODECS = frozenset(
    {
        *("utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u"),
        *(f"iso8859-{number}" for number in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
        *(f"cp{number}" for number in (874, 932, 949, *range(1250, 1259))),
        *("mac-roman", "mac-cyrillic", "tis-620", "gbk", "gb2312", "gb18030", "big5"),
        *("big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"),
    }
)


def _codec(label: str | None, *, in_page: bool = False) -> str | None:
    """The codec a charset label names, if it is one of the web's; ``in_page`` for a
    label the page's own ``<meta>`` gives, which cannot be UTF-16 since it was read as
    ASCII (the HTML standard reads it as UTF-8)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = "cp1252" if name in _MEANS_CP1252 else name
    if name not in _WEB_CODECS and name != "cp1252":
        return None
    return "utf-8" if in_page and name.startswith("utf-16") else name


def _mostly_utf8(body: bytes) -> str | None:
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    wide = sum(1 for char in text if char > "\x7f") - invalid
    return text if wide > invalid else None


def decode(body: bytes, content_type: str | None) -> str:
    """The text of ``body``, given the Content-Type the server sent with it."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    declared = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:4096])
    tried = [_codec(declared.group(1) if declared else None)]
    tried.append(_codec(meta.group(1).decode("ascii", "replace") if meta else None, in_page=True))
    for codec in [name for name in tried if name is not None] + ["utf-8"]:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    return _mostly_utf8(body) or body.decode("cp1252", errors="replace")
