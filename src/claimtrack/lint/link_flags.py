"""Metadata of the rules ``claimtrack sources check --online`` reports: dead links, links
failing but not yet dead, and sources whose text changed since their snapshot. Importing
this module registers them in :mod:`claimtrack.rules`."""

from __future__ import annotations

from claimtrack.findings import Severity
from claimtrack.lint.flags import flag

__all__ = ["LINK_DEAD", "LINK_FAILING", "ONLINE_RULES", "SOURCE_CHANGED"]

_SOURCE = """\
sources:
  - id: wire-report
    type: article-newspaper
    title: Rebels enter the capital
    issued: 2024-12-08
    url: {url}
claims:
  - id: capital
    text: Rebels entered the capital.
    kind: event
    anchor: {{exact: Rebels entered the capital}}
    dates: [{{date: 2024-12-08}}]
    citations: [{{source: wire-report}}]
"""
_GOOD = _SOURCE.format(url="https://news.example.org/rebels")
_BAD = _SOURCE.format(url="https://news.example.org/gone") + "# sources check --online: 404\n"

LINK_DEAD = flag(
    "F210",
    "dead-link",
    "A source's URL failed repeatedly, days apart (404 or another error status, a host that"
    " does not resolve, a timeout, or a page that says it is not found).",
    "A reader who follows a dead link cannot check the source. Links fail for an hour and"
    " come back, so a link is called dead only after repeated failures spread over days (as"
    " InternetArchiveBot does), unless --strict. Only 'claimtrack sources check --online'"
    " reports it: 'check' never uses the network.",
    _BAD,
    _GOOD,
    "Replace the URL with the source's new address, or add an 'archive_url' to an archived copy.",
)
LINK_FAILING = flag(
    "F211",
    "link-failing",
    "A source's URL failed, but not yet often or long enough to be called dead.",
    "One failure is often a passing outage; the state file remembers it so that a link"
    " failing again days later is reported dead.",
    _BAD,
    _GOOD,
    "Nothing to do yet; check again later, or look at the page now.",
    severity=Severity.INFO,
)
SOURCE_CHANGED = flag(
    "F212",
    "source-changed",
    "A source's readable text differs from its full snapshot (the text's SHA-256 changed).",
    "Pages are revised silently. A quote verified against the snapshot may no longer be on"
    " the live page, or the page may now say something else; the message summarises the"
    " difference.",
    _BAD,
    _GOOD,
    "Read the changes; if the quotes still hold, fetch a new snapshot with"
    " 'claimtrack sources fetch --refresh'.",
)

#: The rules only ``sources check --online`` reports (their examples need a live server).
ONLINE_RULES = (LINK_DEAD, LINK_FAILING, SOURCE_CHANGED)
