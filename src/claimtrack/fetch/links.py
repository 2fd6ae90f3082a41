"""``sources check --online``: dead links, soft 404s and sources changed since their snapshot.

A failure (an error status after retries, a host that does not resolve, a timeout, or a
*soft 404*: a page answered 200 whose title or first words say it is not found, or a
redirect from a deep link to the site's front page) is remembered in a small state file. A
link is reported dead (F210) once it has failed at least :data:`DEAD_AFTER` times over at
least :data:`DEAD_SPAN` (as InternetArchiveBot waits for repeated failures days apart), or at
once with ``strict``; before that it is failing (F211). A success clears its failures. A
source with a full snapshot whose readable text now hashes differently is changed (F212),
with a summary of the lines added and removed.
"""

from __future__ import annotations

import difflib
import json
import re
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs

from claimtrack import rules
from claimtrack.anchor import normalize
from claimtrack.errors import ClaimtrackError
from claimtrack.fetch._extract import MissingExtra, extract_text, media_type
from claimtrack.fetch._http import FetchError, HttpSettings, Response, Session
from claimtrack.findings import Finding
from claimtrack.io.atomic import write_atomic
from claimtrack.io.load import LoadedDocument
from claimtrack.io.source_snapshot import read_source_snapshots
from claimtrack.lint.link_flags import LINK_DEAD, LINK_FAILING, SOURCE_CHANGED
from claimtrack.model import Coverage, Source

__all__ = [
    "DEAD_AFTER",
    "DEAD_SPAN",
    "LinkSettings",
    "LinkState",
    "LinkStateError",
    "check_links",
    "soft_404",
]

DEAD_AFTER = 3
"""Failures needed before a link is called dead."""
DEAD_SPAN = timedelta(days=3)
"""The least time between the first and the last of those failures."""
_MAX_FAILURES_KEPT = 10
_NOT_FOUND = re.compile(
    r"\b(?:404|page not found|not found|no longer (?:available|exists)|does not exist"
    r"|doesn't exist|could not be found|cannot be found|page (?:is )?unavailable)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@attrs.frozen(kw_only=True)
class LinkSettings:
    """How links are checked: HTTP limits, strictness, the clock."""

    http: HttpSettings = attrs.field(factory=HttpSettings)
    strict: bool = False
    now: Callable[[], datetime] = attrs.field(default=lambda: datetime.now(UTC))


class LinkStateError(ClaimtrackError, ValueError):
    """The link-state file cannot be used: not a regular file, too large, or damaged. It is
    left as it is (the history it holds would be lost if it were written over)."""


_AFRESH = "move it aside or delete it to start afresh"


def _state_error(name: str, problem: str) -> LinkStateError:
    return LinkStateError(f"{name}: {problem}; {_AFRESH}")


def _state_text(path: Path, name: str, limit: int) -> str | None:
    """The state file's text, read as claim files are (a regular file, at most ``limit``
    bytes); None when there is no file yet."""
    from claimtrack.io.regular import NotRegularFileError, TooLargeError, read_regular

    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        return None
    except NotRegularFileError as error:
        raise LinkStateError(
            f"{name}: cannot read the link state: {error.strerror}; give --state the path of"
            " a regular file"
        ) from None
    except TooLargeError as error:
        raise _state_error(name, f"cannot read the link state: it is {error}") from None
    except OSError as error:
        raise LinkStateError(
            f"{name}: cannot read the link state: {error.strerror or error}"
        ) from None
    except ValueError as error:  # a path holding a NUL
        raise LinkStateError(f"{name}: cannot read the link state: {error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _state_error(name, "the link state is not UTF-8 text") from None


def _times(url: str, times: object, name: str) -> list[str]:
    """A URL's failure times, each an ISO 8601 time with its offset (as :meth:`failed`
    writes them)."""
    if not isinstance(times, list):
        raise _state_error(name, f"the failures of {url!r} are not a list of times")
    for when in times:
        try:
            moment = datetime.fromisoformat(when) if isinstance(when, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise _state_error(
                name, f"a failure of {url!r} is not a time with its offset: {when!r}"
            )
    return list(times)


class LinkState:
    """The failures seen of each URL, kept between runs in a small JSON file."""

    def __init__(self, failures: dict[str, list[str]] | None = None) -> None:
        self.failures: dict[str, list[str]] = failures or {}

    @classmethod
    def load(cls, path: Path, *, limit: int | None = None) -> LinkState:
        """The state in ``path``; an empty state when there is no file yet. The file is read
        as claim files are (only a regular file, at most ``limit`` bytes: default the input
        limit); one that cannot be read or is damaged is a :class:`LinkStateError` naming it
        (``FILE:LINE:COL`` for a JSON syntax error)."""
        from claimtrack.io.limits import Limits
        from claimtrack.io.names import display_name

        name = display_name(path)
        text = _state_text(path, name, Limits().max_bytes if limit is None else limit)
        if text is None:
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            line, column, reason = error.lineno, error.colno, error.msg
            raise _state_error(
                f"{name}:{line}:{column}", f"the link state is not valid JSON: {reason}"
            ) from None
        except RecursionError:
            raise _state_error(name, "the link state is nested too deep to read") from None
        failures = data.get("failures") if isinstance(data, dict) else None
        if not isinstance(failures, dict) or data.get("version", 1) != 1:
            raise _state_error(
                name, 'not a claimtrack link-state file (version 1, with a "failures" object)'
            )
        return cls({url: _times(url, times, name) for url, times in failures.items()})

    def save(self, path: Path) -> None:
        """Write the state atomically (creating its folder)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": 1, "failures": dict(sorted(self.failures.items()))}
        write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")

    def failed(self, url: str, when: datetime) -> list[datetime]:
        """Record a failure of ``url``; every failure remembered, oldest first."""
        times = [*self.failures.get(url, []), when.isoformat()]
        self.failures[url] = times[-_MAX_FAILURES_KEPT:]
        return [datetime.fromisoformat(t) for t in self.failures[url]]

    def succeeded(self, url: str) -> None:
        """Forget the failures of ``url``."""
        self.failures.pop(url, None)


def soft_404(response: Response) -> bool:
    """Whether a page answered 200 says it is not found: its title or the start of its text
    says so, or a deep link was redirected to the site's front page."""
    asked = urllib.parse.urlsplit(response.requested_url)
    landed = urllib.parse.urlsplit(response.url)
    if asked.path.strip("/") and not landed.path.strip("/") and not landed.query:
        return True
    if media_type(response.content_type, response.body) not in ("text/html", "text/plain"):
        return False
    title = _TITLE.search(response.body[:65536])
    head = title.group(1) if title else response.body[:300]
    return bool(_NOT_FOUND.search(head.decode("utf-8", "replace")))


def _changes(old: str, new: str) -> str:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    added = removed = 0
    first: str | None = None
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0):
        if line.startswith(("+++", "---", "@@")):
            continue
        if line.startswith("+"):
            added += 1
        elif line.startswith("-"):
            removed += 1
            first = first or line[1:]
    summary = f"{added} line{'s' if added != 1 else ''} added, {removed} removed"
    if first:
        shown = first if len(first) <= 80 else first[:79] + "…"
        summary += f"; first removed: {shown!r}"
    return summary


class _Checker:
    def __init__(
        self, document: LoadedDocument, settings: LinkSettings, state: LinkState, session: Session
    ) -> None:
        self.document = document
        self.settings = settings
        self.state = state
        self.session = session

    def failure(self, index: int, source: Source, url: str, why: str) -> Finding:
        times = self.state.failed(url, self.settings.now())
        span = times[-1] - times[0]
        where = self.document.location(("sources", index, "url"))
        dead = self.settings.strict or (len(times) >= DEAD_AFTER and span >= DEAD_SPAN)
        if dead:
            seen = "" if self.settings.strict else f" ({len(times)} failures over {span.days} days)"
            return rules.finding(
                LINK_DEAD, f"the URL of source {source.id!r} is dead: {why}{seen}", where
            )
        return rules.finding(
            LINK_FAILING,
            f"the URL of source {source.id!r} failed: {why} (failure {len(times)}; called dead"
            f" after {DEAD_AFTER} over at least {DEAD_SPAN.days} days)",
            where,
        )

    def check(self, index: int, source: Source, snapshot_text: str | None) -> list[Finding]:
        url = source.url
        if url is None:
            return []
        try:
            response = self.session.get(url)
        except FetchError as error:
            return [self.failure(index, source, url, str(error))]
        if response.status >= 400:
            why = f"it answers {response.status} {response.reason}".rstrip()
            return [self.failure(index, source, url, why)]
        if soft_404(response):
            return [self.failure(index, source, url, "the page says it is not found (soft 404)")]
        self.state.succeeded(url)
        if snapshot_text is None:
            return []
        try:
            text = extract_text(response.body, response.content_type).text
        except MissingExtra:
            raise
        except FetchError:
            return []
        recorded = normalize(snapshot_text)
        if text == recorded:  # the same text, so the same SHA-256
            return []
        return [
            rules.finding(
                SOURCE_CHANGED,
                f"the text of source {source.id!r} changed since its snapshot:"
                f" {_changes(recorded, text)}",
                self.document.location(("sources", index, "snapshot", "sha256")),
            )
        ]


def check_links(
    document: LoadedDocument,
    sources: list[Source],
    state: LinkState,
    settings: LinkSettings,
    session: Session | None = None,
) -> list[Finding]:
    """The link findings of one claim file's ``sources``, updating ``state``."""
    checker = _Checker(document, settings, state, session or Session(settings.http))
    full = [s for s in sources if s.snapshot is not None and s.snapshot.coverage is Coverage.FULL]
    texts = read_source_snapshots(full, document.file_path)
    findings: list[Finding] = []
    for index, source in enumerate(sources):
        read = texts.get(source.id)
        findings.extend(checker.check(index, source, read.text if read is not None else None))
    return findings
