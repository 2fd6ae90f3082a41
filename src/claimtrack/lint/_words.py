"""Word lists and whole-word matching for the text-based flags.

Matching is by whole words and phrases, case-insensitive, so "may" never matches "mayor"
and "over" never matches "overall". A few entries are matched only in lower case where the
capitalised form is usually something else ("may" the hedge against "May" the month).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["HEDGES", "VAGUE_ATTRIBUTIONS", "find_phrases"]

# Epistemic hedges: words that mark a statement as uncertain. Approximators of quantities
# ("about", "roughly") are left out on purpose: an approximate number is not a doubtful one.
HEDGES: tuple[str, ...] = (
    "allegedly",
    "alleged",
    "apparently",
    "appear to",
    "appears to",
    "appeared to",
    "believed",
    "conceivably",
    "estimated",
    "it is thought",
    "likely",
    "may",
    "maybe",
    "might",
    "perhaps",
    "possibly",
    "presumably",
    "probably",
    "purportedly",
    "reportedly",
    "rumored",
    "rumoured",
    "said to be",
    "seem to",
    "seems to",
    "seemed to",
    "seemingly",
    "supposedly",
    "thought to",
    "unconfirmed",
)

# Phrases that attribute a statement to nobody in particular (Wikipedia's weasel words).
VAGUE_ATTRIBUTIONS: tuple[str, ...] = (
    "according to officials",
    "according to reports",
    "according to sources",
    "allegedly",
    "analysts believe",
    "analysts say",
    "critics say",
    "experts believe",
    "experts say",
    "it has been reported",
    "it has been said",
    "it is believed",
    "it is claimed",
    "it is reported",
    "it is said",
    "many believe",
    "observers say",
    "official reports",
    "officials said",
    "officials say",
    "reportedly",
    "reports suggest",
    "some say",
    "sources said",
    "sources say",
    "unnamed sources",
    "is believed to",
    "are believed to",
    "was believed to",
    "were believed to",
)

_CASE_SENSITIVE = frozenset({"may"})


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


@cache
def _pattern(phrase: str) -> re.Pattern[str]:
    flags = 0 if phrase in _CASE_SENSITIVE else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-]){_words(phrase)}(?![\w'’-])", flags)


@cache
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Matches wherever any phrase might (ignoring case throughout): a quick first test.
    either = "|".join(_words(phrase) for phrase in phrases)
    return re.compile(rf"(?<![\w'’-])(?:{either})(?![\w'’-])", re.IGNORECASE)


def find_phrases(text: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases of ``phrases`` that occur in ``text`` as whole words, in list order."""
    if not _any_of(phrases).search(text):  # most texts have none: one search decides
        return []
    return [phrase for phrase in phrases if _pattern(phrase).search(text)]
