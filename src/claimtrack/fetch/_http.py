"""A careful HTTP client for fetching sources: bounded in time, size, redirects and rate.

Only http and https are spoken, and a redirect to any other scheme, or to a URL with a user
name or password, is refused (see :mod:`claimtrack.fetch._urls`). Every request carries an
honest User-Agent; requests to one host are spaced by at least
:attr:`HttpSettings.per_host_interval` seconds; transient failures (connection errors,
timeouts, 429 and 5xx replies, a body cut short of its Content-Length) are retried with
exponential backoff. A request is cut off at its deadline however slowly the server trickles
its reply (:mod:`claimtrack.fetch._deadline`). A body is read up to
:attr:`HttpSettings.max_bytes` and, when the server compressed it anyway, decompressed to at
most as many bytes (a compression bomb stops there). Nothing is cached or written here.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import attrs

from claimtrack._version import __version__
from claimtrack.fetch._deadline import Deadline
from claimtrack.fetch._errors import FetchError
from claimtrack.fetch._inflate import decoded
from claimtrack.fetch._urls import location_text, request_url

__all__ = ["USER_AGENT", "FetchError", "HttpSettings", "Response", "Session"]

USER_AGENT = f"claimtrack/{__version__} (keeps a copy of a cited source for fact-checking)"
_CHUNK = 64 * 1024
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@attrs.frozen(kw_only=True)
class HttpSettings:
    """The limits of fetching: time, retries, rate, size and redirects."""

    timeout: float = 20.0
    """Seconds a whole request (connect, redirects and body) may take."""
    retries: int = 2
    """Further attempts after a transient failure."""
    backoff: float = 1.0
    """Seconds before the first retry, doubled for each further one."""
    per_host_interval: float = 1.0
    """The least seconds between two requests to one host."""
    max_bytes: int = 20 * 1024 * 1024
    """The most bytes a body may have, before and after decompression."""
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    use_proxies: bool = True
    """Whether the proxies the environment names are used (tests on 127.0.0.1 turn it off)."""


@attrs.frozen(kw_only=True)
class Response:
    """A final response: the URL asked for and the one answered, status, headers, bodies."""

    requested_url: str
    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    raw: bytes
    """The body as received (still compressed if the server compressed it)."""
    body: bytes
    """The body decoded from any Content-Encoding."""

    def header(self, name: str) -> str | None:
        """The first value of a header, by case-insensitive name."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def content_type(self) -> str | None:
        """The media type the server gave, as given."""
        return self.header("Content-Type")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Session:
    """Fetches URLs within :class:`HttpSettings`, spacing requests to each host."""

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or HttpSettings()
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._deadline = Deadline(self.settings.use_proxies)
        self._opener = urllib.request.build_opener(_NoRedirects(), *self._deadline.handlers)

    def _wait_for(self, url: str) -> float:
        """Space requests to ``url``'s host; the seconds waited."""
        host = urllib.parse.urlsplit(url).netloc.lower()
        last = self._last.get(host)
        wait = 0.0
        if last is not None:
            wait = max(0.0, self.settings.per_host_interval - (self._clock() - last))
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()
        return wait

    def get(self, url: str) -> Response:
        """Fetch ``url``, following redirects within http(s), retrying transient failures."""
        attempt = 0
        while True:
            try:
                return self._follow(url)
            except _Transient as problem:
                if attempt >= self.settings.retries:
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise FetchError(f"{problem}{tries}") from None
                self._sleep(self.settings.backoff * 2**attempt)
                attempt += 1

    def _follow(self, url: str) -> Response:
        deadline = self._clock() + self.settings.timeout
        try:
            current = request_url(url)
        except FetchError as refused:
            raise FetchError(f"{url} is not fetched: {refused}") from None
        for _hop in range(self.settings.max_redirects + 1):
            # The timeout is the server's time: the pauses between requests to one host
            # (a redirect within a site) are claimtrack's own and do not count.
            deadline += self._wait_for(current)
            status, reason, headers, raw = self._once(current, deadline)
            if status in (301, 302, 303, 307, 308):
                location = {k.lower(): v for k, v in headers}.get("location")
                if not location:
                    raise FetchError(f"{current} redirects ({status}) without a Location")
                target = location_text(location)
                try:
                    target = urllib.parse.urljoin(current, target)
                    current = request_url(target)
                except (FetchError, ValueError) as refused:
                    raise FetchError(f"{current} redirects to {target!r}; {refused}") from None
                continue
            if status in _RETRY_STATUSES:
                raise _Transient(f"{current} answered {status} {reason}".rstrip())
            encoding = {k.lower(): v for k, v in headers}.get("content-encoding")
            body = decoded(raw, encoding, self.settings.max_bytes)
            return Response(
                requested_url=url,
                url=current,
                status=status,
                reason=reason,
                headers=headers,
                raw=raw,
                body=body,
            )
        raise FetchError(f"{url} redirects more than {self.settings.max_redirects} times")

    def _once(
        self, url: str, deadline: float
    ) -> tuple[int, str, tuple[tuple[str, str], ...], bytes]:
        request = urllib.request.Request(  # noqa: S310  (the scheme is checked to be http(s))
            url,
            headers={
                "User-Agent": self.settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,"
                "*/*;q=0.5",
                "Accept-Encoding": "gzip",
            },
        )
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise self._timed_out(url)
        with self._deadline.watch(remaining):
            return self._exchange(request, url, remaining, deadline)

    def _timed_out(self, url: str) -> _Transient:
        return _Transient(f"{url} timed out after {self.settings.timeout:g} s")

    def _exchange(
        self, request: urllib.request.Request, url: str, remaining: float, deadline: float
    ) -> tuple[int, str, tuple[tuple[str, str], ...], bytes]:
        try:
            reply = self._opener.open(request, timeout=remaining)
        except urllib.error.HTTPError as error:
            reply = error
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, socket.timeout | TimeoutError) or self._clock() >= deadline:
                raise self._timed_out(url) from None
            if isinstance(reason, socket.gaierror):
                raise FetchError(f"{url}: the host name cannot be resolved") from None
            said = " ".join(str(reason).split())  # a bad status line may hold line breaks
            raise _Transient(f"{url}: {said}") from None
        with reply:
            headers = tuple((str(k), str(v)) for k, v in reply.headers.items())
            length = reply.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.settings.max_bytes:
                raise FetchError(
                    f"{url} is {int(length):,} bytes, over the limit of"
                    f" {self.settings.max_bytes:,}; it was not kept"
                )
            raw = self._read(reply, url, deadline)
            status = int(reply.status)
            if status not in (204, 304) and length and length.isdigit() and len(raw) < int(length):
                raise _Transient(
                    f"{url}: the connection closed after {len(raw):,} of the"
                    f" {int(length):,} bytes the server announced"
                )
            return status, str(reply.reason or ""), headers, raw

    def _read(self, reply: object, url: str, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        read = getattr(reply, "read")  # noqa: B009  (HTTPResponse and HTTPError both read)
        while True:
            try:
                chunk = read(_CHUNK)
            except (TimeoutError, OSError, http.client.HTTPException) as error:
                if self._clock() >= deadline:
                    raise self._timed_out(url) from None
                raise _Transient(f"{url}: the body could not be read ({error})") from None
            if self._clock() >= deadline:  # the socket was shut at the deadline
                raise self._timed_out(url)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise FetchError(
                    f"{url} is over the limit of {self.settings.max_bytes:,} bytes; it was not kept"
                )
            chunks.append(chunk)


class _Transient(Exception):
    """A failure worth retrying."""
