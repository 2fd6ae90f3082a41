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
from claimtrack.fetch._extract import MissingExtra, extract_text, media_type
from claimtrack.fetch._http import FetchError, HttpSettings, Response, Session
from claimtrack.findings import Finding
from claimtrack.io.atomic import write_atomic
from claimtrack.io.load import LoadedDocument
from claimtrack.io.source_snapshot import read_source_snapshots
from claimtrack.lint.link_flags import LINK_DEAD, LINK_FAILING, SOURCE_CHANGED
from claimtrack.model import Coverage, Source

__all__ = ["DEAD_AFTER", "DEAD_SPAN", "LinkSettings", "LinkState", "check_links", "soft_404"]

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


class LinkState:
    """The failures seen of each URL, kept between runs in a small JSON file."""

    def __init__(self, failures: dict[str, list[str]] | None = None) -> None:
        self.failures: dict[str, list[str]] = failures or {}

    @classmethod
    def load(cls, path: Path) -> LinkState:
        """The state in ``path``; an empty state when it is missing or damaged."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        failures = data.get("failures") if isinstance(data, dict) else None
        if not isinstance(failures, dict):
            return cls()
        return cls(
            {
                url: [when for when in times if isinstance(when, str)]
                for url, times in failures.items()
                if isinstance(url, str) and isinstance(times, list)
            }
        )

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
