"""The URLs a fetch asks for, as a browser would send them: only http and https, no user
name or password, a host name in IDNA form, and the path and query percent-encoded where
they hold spaces, control characters or characters beyond ASCII (a ``%XX`` already there is
kept). A redirect's ``Location`` is read as UTF-8 when its bytes are UTF-8, as browsers do.
"""

from __future__ import annotations

import urllib.parse

from claimtrack.fetch._errors import FetchError

__all__ = ["MAX_URL_LENGTH", "location_text", "request_url"]

MAX_URL_LENGTH = 2048
"""The longest URL a snapshot records (the claim file schema's limit)."""


def location_text(header: str) -> str:
    """A ``Location`` header's text: http.client reads header bytes as Latin-1, and a
    server that sends UTF-8 there means UTF-8."""
    try:
        return header.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return header


def _encoded(part: str) -> str:
    """``part`` with spaces, control characters and non-ASCII characters percent-encoded
    (as UTF-8) and every other character kept, so that an ordinary URL stays as it is."""
    return "".join(
        char if " " < char < "\x7f" else urllib.parse.quote(char, safe="") for char in part
    )


def request_url(url: str) -> str:
    """``url`` as it is sent, or :class:`FetchError` saying why claimtrack does not fetch
    it (the message names no URL: the caller says which)."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError as error:  # a bracketed host that is not an IPv6 address
        raise FetchError(f"it is not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("only http and https are fetched")
    if parts.username is not None or parts.password is not None:
        raise FetchError("a URL with a user name or password is not fetched")
    try:
        parts.port  # noqa: B018  (a port that is not a number raises)
    except ValueError:
        raise FetchError("its port is not a number from 0 to 65535") from None
    if not parts.hostname:
        raise FetchError("it has no host")
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(f"the host name {parts.hostname!r} is not valid") from None
    path, query, fragment = (_encoded(part) for part in (parts.path, parts.query, parts.fragment))
    if (netloc, path, query, fragment) == (parts.netloc, parts.path, parts.query, parts.fragment):
        return url
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, fragment))
