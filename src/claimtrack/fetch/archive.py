"""Asking the Internet Archive's Save Page Now (SPN2) to capture a source's URL.

The protocol is the one SPN2's public API documents: a capture request (``POST`` to the
endpoint, form field ``url``, ``Accept: application/json``) answers ``{"url", "job_id"}`` or,
still with HTTP 200, ``{"status": "error", "status_ext", "message"}``; the status request
(``GET ENDPOINT/status/JOB_ID``) answers ``pending``, ``success`` (with ``timestamp`` and
``original_url``) or ``error``. The capture is then at ``/web/TIMESTAMP/ORIGINAL_URL`` on the
endpoint's host.

Capture requests are spaced by :attr:`ArchiveSettings.capture_interval` (SPN2 allows few
captures a minute), a reply of HTTP 429 is waited out (its ``Retry-After``, in seconds or as a date,
up to :attr:`ArchiveSettings.max_retry_after`, or an exponential backoff) a bounded number
of times, and a job is polled at most
:attr:`ArchiveSettings.max_wait` seconds. Nothing is written here.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import attrs

from claimtrack.fetch._deadline import Deadline
from claimtrack.fetch._http import USER_AGENT, FetchError

__all__ = ["DEFAULT_ENDPOINT", "ArchiveSettings", "Archiver"]

DEFAULT_ENDPOINT = "https://web.archive.org/save"
_MAX_REPLY = 1024 * 1024


@attrs.frozen(kw_only=True)
class ArchiveSettings:
    """Where Save Page Now is and how gently it is asked."""

    endpoint: str = DEFAULT_ENDPOINT
    """The capture endpoint; status requests go to ``ENDPOINT/status/JOB_ID``."""
    keys: str | None = None
    """``ACCESS:SECRET`` of the archive.org S3 keys, sent as ``Authorization: LOW ...``."""
    capture_interval: float = 20.0
    """The least seconds between two capture requests (3 a minute, SPN2's anonymous limit)."""
    poll_interval: float = 5.0
    """Seconds between two status requests for one job."""
    max_wait: float = 180.0
    """Seconds a job may stay pending before it is given up on."""
    timeout: float = 60.0
    """Seconds one HTTP request may take."""
    rate_limit_retries: int = 2
    """Further capture requests after an HTTP 429 reply."""
    backoff: float = 60.0
    """Seconds waited after an HTTP 429 without ``Retry-After``, doubled each time."""
    max_retry_after: float = 600.0
    """The longest ``Retry-After`` waited out; a longer one fails the capture at once."""
    user_agent: str = USER_AGENT
    use_proxies: bool = True


class _RateLimited(Exception):
    def __init__(self, wait: float | None) -> None:
        super().__init__("rate limited")
        self.wait = wait


def _retry_after(value: str | None, now: datetime) -> float | None:
    """The seconds a ``Retry-After`` header asks for: a number, or an HTTP date."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


class Archiver:
    """Captures URLs with Save Page Now within :class:`ArchiveSettings`."""

    def __init__(
        self,
        settings: ArchiveSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or ArchiveSettings()
        self._sleep = sleep
        self._clock = clock
        self._last_capture: float | None = None
        self._deadline = Deadline(self.settings.use_proxies)
        self._opener = urllib.request.build_opener(*self._deadline.handlers)
        parts = urllib.parse.urlsplit(self.settings.endpoint)
        self._web = f"{parts.scheme}://{parts.netloc}/web"

    def capture(self, url: str) -> str:
        """Ask for a capture of ``url`` and wait for it; the address of the capture.

        Raises :class:`~claimtrack.fetch.FetchError` saying why when there is none."""
        reply = self._submit(url)
        job = reply.get("job_id")
        if not isinstance(job, str) or not job:
            raise FetchError(f"Save Page Now gave no job for {url}: {_said(reply)}")
        deadline = self._clock() + self.settings.max_wait
        while True:
            status = self._request("GET", f"{self.settings.endpoint}/status/{job}", None)
            state = status.get("status")
            if state == "success":
                stamp, original = status.get("timestamp"), status.get("original_url") or url
                if not isinstance(stamp, str) or not stamp.isdigit():
                    raise FetchError(f"Save Page Now reported job {job} done without a timestamp")
                return f"{self._web}/{stamp}/{original}"
            if state == "error":
                raise FetchError(f"Save Page Now could not capture {url}: {_said(status)}")
            if state != "pending":
                raise FetchError(f"Save Page Now answered job {job} with {_said(status)}")
            if self._clock() + self.settings.poll_interval > deadline:
                raise FetchError(
                    f"Save Page Now did not finish job {job} for {url} within"
                    f" {self.settings.max_wait:g} s; it may still finish: run again later"
                )
            self._sleep(self.settings.poll_interval)

    def _submit(self, url: str) -> dict[str, Any]:
        body = urllib.parse.urlencode({"url": url}).encode("ascii")
        attempt = 0
        while True:
            if self._last_capture is not None:
                wait = self.settings.capture_interval - (self._clock() - self._last_capture)
                if wait > 0:
                    self._sleep(wait)
            self._last_capture = self._clock()
            try:
                reply = self._request("POST", self.settings.endpoint, body)
            except _RateLimited as limited:
                if attempt >= self.settings.rate_limit_retries:
                    raise FetchError(
                        f"Save Page Now is limiting the rate (HTTP 429) after {attempt + 1}"
                        f" capture requests for {url}; wait a while and run again"
                    ) from None
                wait = limited.wait or self.settings.backoff * 2**attempt
                if wait > self.settings.max_retry_after:
                    raise FetchError(
                        f"Save Page Now is limiting the rate (HTTP 429) and asks to wait"
                        f" {wait:,.0f} s before capturing {url}; run again later"
                    ) from None
                self._sleep(wait)
                attempt += 1
                continue
            if reply.get("status") == "error":
                raise FetchError(f"Save Page Now refused to capture {url}: {_said(reply)}")
            return reply

    def _exchange(
        self, request: urllib.request.Request, address: str
    ) -> tuple[int, bytes, float | None]:
        """The status, the start of the body and the wait a ``Retry-After`` asks for."""
        try:
            reply = self._opener.open(request, timeout=self.settings.timeout)
        except urllib.error.HTTPError as error:
            reply = error
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            raise FetchError(f"Save Page Now at {address} cannot be reached: {reason}") from None
        with reply:
            status = int(reply.status or 0)
            try:
                raw = reply.read(_MAX_REPLY + 1)
            except (OSError, http.client.HTTPException) as error:
                raise FetchError(f"Save Page Now's reply could not be read: {error}") from None
            wait = _retry_after(reply.headers.get("Retry-After"), datetime.now(UTC))
        return status, raw, wait

    def _request(self, method: str, address: str, body: bytes | None) -> dict[str, Any]:
        headers = {"Accept": "application/json", "User-Agent": self.settings.user_agent}
        if self.settings.keys:
            headers["Authorization"] = f"LOW {self.settings.keys}"
        request = urllib.request.Request(address, data=body, headers=headers, method=method)  # noqa: S310
        with self._deadline.watch(self.settings.timeout):
            status, raw, wait = self._exchange(request, address)
        if status == 429:
            raise _RateLimited(wait)
        try:
            data = json.loads(raw[:_MAX_REPLY])
        except ValueError:
            data = None
        if status >= 400:
            said = _said(data) if isinstance(data, dict) else f"HTTP {status}"
            hint = " (check the archive keys)" if status in (401, 403) else ""
            raise FetchError(f"Save Page Now answered HTTP {status}: {said}{hint}")
        if not isinstance(data, dict):
            raise FetchError(f"Save Page Now answered HTTP {status} with something not JSON")
        return data


def _said(reply: dict[str, Any]) -> str:
    """What a reply says, in a line: its error code and message, or its keys."""
    parts = [str(reply[key]) for key in ("status_ext", "message") if reply.get(key)]
    if parts:
        return ": ".join(parts)[:300]
    return json.dumps(reply, ensure_ascii=False)[:300]
