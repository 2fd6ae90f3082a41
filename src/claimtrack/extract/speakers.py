"""Speakers written beside their quotations, in the orders news styles use.

- "‘…,’ says A. Name" and "“…”, said X, head of Y": the verb before its speaker;
- "‘…,’ X says", "“…,” he said", "“…,” she tells a broadcaster": the speaker before the verb
  (what a verb of telling is told to is the medium, ``reported_by``, never the speaker);
- "X, who is part of Y, said that …": a speaker described by a relative clause;
- "X described … as …";
- "…, the report estimates.": a speaker and verb closing the sentence;
- "the survey of 4,000 adults showed …": a document as the source of what it found.

A pronoun speaker is reported as such (``pronoun``), for the draft to resolve to the last
named speaker. Everything is a generic pattern of reporting: no speaker is known in advance.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from claimtrack.extract.attribution import SPEECH_VERBS, classify_source
from claimtrack.extract.quotations import quotations
from claimtrack.model import Specificity

__all__ = ["SpeakerCue", "find_speaker"]

_VERBS = "|".join(
    sorted(
        SPEECH_VERBS | {"explained", "asked", "continued", "described", "describes", "recalled"},
        key=len,
        reverse=True,
    )
)
_TELL = frozenset("told tells tell".split())
_PRONOUNS = frozenset("he she they we it".split())
_TITLE = r"(?:(?:Prof|Dr|Mr|Mrs|Ms|Mx|Sir|Dame|Lord|Lady|Gen|Col|Capt|Rev)\.?\s+)"
_CAPWORD = r"[A-Z][\w'’.-]*\w"
_NAME = rf"{_TITLE}?{_CAPWORD}(?:\s+(?:(?:of|de|van|von|bin|al|the)\s+)?{_CAPWORD})*"
_DETERMINED = (
    r"(?:the|a|an|one|another|two|three|several|some)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?"
)
_SUBJECT = rf"(?P<subject>{_NAME}|{_DETERMINED}|he|she|they|we|it)"
_AFTER_QUOTE_VERB_FIRST = re.compile(
    rf"^\s*[,.;:!?—–-]*\s*(?P<verb>{_VERBS})\s+{_SUBJECT}"
    r"(?=\s*(?:[,.;:!?)]|$|\s+(?:on|in|at)\b))"
)
_AFTER_QUOTE_SUBJECT_FIRST = re.compile(
    rf"^\s*[,.;:!?—–-]*\s*{_SUBJECT}\s+(?:\w+ly\s+)?(?P<verb>{_VERBS})\b"
)
_RELATIVE = re.compile(
    rf"(?:^|[,;]\s+)(?P<subject>{_DETERMINED}|{_NAME})\s+(?:who|which)\s+[^,;]{{3,120}},\s+"
    rf"(?P<verb>{_VERBS})\b"
)
_DESCRIBED = re.compile(rf"(?:^|[,;]\s+){_SUBJECT}\s+(?P<verb>described|describes)\s+\S.*?\s+as\b")
_DOCUMENT = re.compile(
    r"(?:^|[,;]\s+)(?P<subject>(?:(?:the|a|an|this|that|its|their|one|new)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:study|survey|report|research|poll|analysis|review|census|paper)"
    r"|(?:(?:the|its|their|new|official|latest)\s+(?:[\w'’-]+\s+){0,2}?)?"
    r"(?:figures|data|statistics|records|results|findings|estimates))"
    r"(?:\s+(?:of|by|from|for)\s+[\w'’.,()-]+(?:\s+[\w'’.,()-]+){0,5}?)?)\s+(?:\w+ly\s+)?"
    r"(?P<verb>showed|shows|show|found|finds|suggests|suggested|suggest|revealed|reveals"
    r"|reveal|indicates|indicated|indicate)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    rf",\s+{_SUBJECT}\s+(?:\w+ly\s+)?(?P<verb>{_VERBS})(?:\s+(?:on|in|at)\s+\w+)?\s*[.!?]?\s*$"
)
_MEDIUM = re.compile(r"\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


@attrs.frozen(kw_only=True)
class SpeakerCue:
    """A speaker found beside a verb of saying."""

    specificity: Specificity
    asserted_by: str | None
    reported_by: str | None = None
    pronoun: bool = False
    verb_end: int = 0
    content_follows: bool = False


def _medium(text: str, verb: str, end: int) -> str | None:
    if verb not in _TELL:
        return None
    match = _MEDIUM.match(text, end)
    return match.group(1).rstrip(".") if match else None


def _cue(
    text: str, subject: str, verb: str, verb_end: int, is_name: Callable[[str], bool]
) -> SpeakerCue | None:
    subject = subject.strip()
    lowered = subject.lower()
    if lowered in _PRONOUNS:
        return SpeakerCue(
            specificity=Specificity.NAMED,
            asserted_by=None,
            reported_by=_medium(text, verb, verb_end),
            pronoun=True,
            verb_end=verb_end,
        )
    specificity = classify_source(subject, False, is_name)
    if specificity is None:
        return None
    follows = re.match(r"\s*(?:that\b|:|[“‘\"'])", text[verb_end:]) is not None
    return SpeakerCue(
        specificity=specificity,
        asserted_by=subject,
        reported_by=_medium(text, verb, verb_end),
        verb_end=verb_end,
        content_follows=follows,
    )


def find_speaker(text: str, is_name: Callable[[str], bool]) -> SpeakerCue | None:
    """The speaker of a quotation in ``text``, or of a relative-clause or "described … as"
    statement; ``None`` when the statement has no such cue (the general attribution rules
    then apply)."""
    for quote in quotations(text):
        if not quote.closed:
            continue
        after = text[quote.end :]
        for pattern in (_AFTER_QUOTE_VERB_FIRST, _AFTER_QUOTE_SUBJECT_FIRST):
            match = pattern.match(after)
            if match is None:
                continue
            cue = _cue(
                text,
                match.group("subject"),
                match.group("verb"),
                quote.end + match.end("verb")
                if pattern is _AFTER_QUOTE_SUBJECT_FIRST
                else quote.end + match.end("subject"),
                is_name,
            )
            if cue is not None:
                return cue
    for pattern in (_TRAILING, _RELATIVE, _DESCRIBED, _DOCUMENT):
        found = pattern.search(text)
        if found is not None:
            cue = _cue(
                text, found.group("subject"), found.group("verb"), found.end("verb"), is_name
            )
            if cue is not None:
                return cue
    return None
