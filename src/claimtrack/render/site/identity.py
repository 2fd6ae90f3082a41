"""Which sources of different documents are the same source.

A corpus site has one page per source, listing every claim of every document that cites it,
so the sources of different claim files must be matched up. :func:`source_key` decides, in
this order:

1. a source from the shared source library (its id is one of ``library_ids``) is that
   library entry, whatever file cites it: ``library:<id>``;
2. a source with a DOI is that DOI, case folded (DOIs are case-insensitive): ``doi:<doi>``;
   a URL on ``doi.org`` counts as its DOI;
3. a source with an http(s) URL is that URL, normalised (:func:`normalise_url`): ``url:…``;
4. otherwise the source is only itself: ``file:<path>#<id>``.

The archived copy (``archive_url``) is never used: an archive's address is not the source's.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Collection

from claimtrack.model import Source

__all__ = ["normalise_doi", "normalise_url", "source_key"]

_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
#: Query parameters that track a click, not name a page: dropped before comparing.
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid)$")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def normalise_doi(doi: str) -> str:
    """``doi`` without a ``doi:`` or resolver prefix, case folded."""
    text = doi.strip()
    lowered = text.casefold()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if lowered.startswith(prefix):
            text = text[len(prefix) :]
            break
    return urllib.parse.unquote(text).casefold()


def _upper_escapes(text: str) -> str:
    return _PERCENT.sub(lambda match: match.group(0).upper(), text)


def normalise_url(url: str) -> str | None:
    """``url`` in the form two spellings of one address share, or None when it is not an
    http(s) URL with a host.

    The scheme (http and https alike) and ``www.`` are dropped, the host is lower-cased,
    a default port, the fragment, tracking parameters (``utm_*``, ``fbclid``, …) and a
    trailing slash are removed, and percent escapes are upper-cased. The rest of the path
    and the query keep their case and order: servers may tell them apart.
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    host = host.removeprefix("www.")
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = _upper_escapes(parts.path).rstrip("/")
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING.match(pair.split("=", 1)[0].lower())
    )
    return f"{host}{path}" + (f"?{_upper_escapes(query)}" if query else "")


def source_key(path: str, source: Source, library_ids: Collection[str] = ()) -> str:
    """The identity of ``source``, a source record of the claim file ``path``, across a
    corpus (see the module's description for the order of the rules)."""
    if source.id in library_ids:
        return f"library:{source.id}"
    if source.doi:
        return f"doi:{normalise_doi(source.doi)}"
    if source.url:
        normal = normalise_url(source.url)
        host, _, doi = (normal or "").partition("/")
        if host in _DOI_HOSTS and doi:
            return f"doi:{normalise_doi(doi)}"
        if normal is not None:
            return f"url:{normal}"
    return f"file:{path}#{source.id}"
