"""Hedge words: the words by which a text holds back from asserting a claim outright.

The list is wooorm's ``hedges`` data (MIT, shipped in ``data/``). It was gathered for
conversational and academic English, so a few of its entries are dropped here: boosters,
which strengthen rather than hedge ("clearly", "certainly", "must"), and words whose everyday
senses in news prose are not hedges ("found", "read", "say", "will", "some", "most").
Reporting hedges of news writing are added ("reportedly", "allegedly", "purportedly").
"""

from __future__ import annotations

import functools
import re
from importlib import resources

__all__ = ["find_hedges", "hedge_words"]

_NOT_HEDGES = frozenset(
    """
    always certain certainly clear clearly definite definitely must surely will would should
    can actually really effectively find found finds read say says think understand
    understands understood consider considers like much many most some several few little
    couple bunch something someone somebody somewhere overall mainly mostly often usually
    generally frequently occasionally sometimes seldom rarely rare largely diagnostic indicate
    tend about around rather fairly pretty considered assume assumes assumed
    """.split()
) | {"be sure", "quite clearly", "so far", "in general", "at least"}
_EXTRA = (
    "reportedly",
    "allegedly",
    "purportedly",
    "ostensibly",
    "supposedly",
    "rumoured",
    "rumored",
    "unconfirmed",
    "unverified",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is thought to",
    "are thought to",
    "was thought to",
    "were thought to",
    "is expected to",
    "are expected to",
    "speculative",
    "potentially",
    "potential",
)


@functools.cache
def hedge_words() -> tuple[str, ...]:
    """The hedge words and phrases matched, longest first."""
    data = resources.files("claimtrack.extract").joinpath("data/hedges.txt").read_text("utf-8")
    entries = {
        line.strip().lower()
        for line in data.splitlines()
        if line.strip() and not line.lstrip().startswith("%")
    }
    entries = (entries - _NOT_HEDGES) | set(_EXTRA)
    return tuple(sorted(entries, key=lambda entry: (-len(entry), entry)))


@functools.cache
def _pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in hedge_words())
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)


def find_hedges(text: str) -> tuple[str, ...]:
    """The hedge words of ``text`` in order of first appearance, lower-cased, each once."""
    seen: dict[str, None] = {}
    for match in _pattern().finditer(text.replace("’", "'")):
        seen.setdefault(" ".join(match.group(0).lower().split()), None)
    return tuple(seen)
