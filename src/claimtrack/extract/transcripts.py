"""The labels that open the turns of interviews and transcripts, and who speaks in each turn.

An interview labels its turns "Q:" and "A:" (or "Q." and "A.", or "Q -"); a transcript labels
each with its speaker in capitals ("SMITH:", "SEN. WARREN:", "DAVID MUIR (00:12:01):"). A label
is not a word of what is said: the reading view blanks it, so anchors quote the words alone.
A capitalised label names a speaker when the text labels at least two turns so, and the label
is not one of the notes pages print in the same shape ("NOTE:", "UPDATE:", "CLAIM:"); the
statements of that turn are then the speaker's own. "Q" and "A" name no one. The labels of
such notes ("Claim:", "Verdict:", "Note:", in any case) are blanked wherever they open a
line, as a fact check's page prints them.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["SpeakerTurn", "blank_labels"]

_QA_LABEL = re.compile(r"^[ \t]*[QA](?::|[ \t]*[-–—](?=[ \t]))(?=[ \t]+\S)", re.MULTILINE)
# "Q." and "A." could be initials ("A. Ruiz said"): labels only where the questions have them.
_DOTTED_QUESTION = re.compile(r"^[ \t]*Q\.[ \t]+\S", re.MULTILINE)
_DOTTED_QA_LABEL = re.compile(r"^[ \t]*[QA]\.(?=[ \t]+\S)", re.MULTILINE)
_SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?P<speaker>(?:[A-Z][A-Z'’-]*\.?[ \t]+){0,3}[A-Z][A-Z'’-]+)"
    r"(?:[ \t]*\([^()\n]{1,24}\))?:(?=[ \t]+\S)",
    re.MULTILINE,
)
# The notes pages print in the same shape, in any case ("Claim:", "**Verdict:**", "Note:").
_NOTE_WORDS = (
    r"note|notes|update|updated|correction|clarification|editor['’]s note|context|background"
    r"|summary|claim|the claim|verdict|rating|our rating|ruling|our ruling|conclusion"
    r"|the facts|fact check|bottom line|the bottom line"
)
_NOTE_LABEL = re.compile(
    rf"^[ \t]*(?:{_NOTE_WORDS})[ \t]*:(?=[ \t]+\S)", re.MULTILINE | re.IGNORECASE
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NOT_SPEAKERS = frozenset(
    """NOTE NOTES UPDATE UPDATED CORRECTION CORRECTIONS CLARIFICATION EDITOR'S EDITORS WARNING
    BREAKING WATCH READ RELATED PHOTO PHOTOS VIDEO SOURCE SOURCES DISCLAIMER CLAIM CLAIMS
    VERDICT RATING FACT CONTEXT BACKGROUND TRANSCRIPT ADVERTISEMENT LISTEN SUMMARY TL;DR TLDR
    WHAT WHY HOW WHO WHEN WHERE ANALYSIS OPINION EXCLUSIVE LIVE""".split()
)


@attrs.frozen
class SpeakerTurn:
    """A labelled turn of a transcript: ``view[start:end]`` is what ``speaker`` says."""

    start: int
    end: int
    speaker: str


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_labels(view: str) -> tuple[str, tuple[SpeakerTurn, ...]]:
    """``view`` with its turn labels blanked (same length), and the turns whose labels name a
    speaker; a turn runs to the next label or blank line."""
    view = _NOTE_LABEL.sub(_blank, _QA_LABEL.sub(_blank, view))
    if _DOTTED_QUESTION.search(view):
        view = _DOTTED_QA_LABEL.sub(_blank, view)
    labels = list(_SPEAKER_LABEL.finditer(view))
    if len(labels) < 2:
        return view, ()
    turns: list[SpeakerTurn] = []
    for number, match in enumerate(labels):
        speaker = " ".join(match.group("speaker").split())
        if _NOT_SPEAKERS.intersection(speaker.replace(".", " ").split()):
            continue
        end = labels[number + 1].start() if number + 1 < len(labels) else len(view)
        blank_line = _BLANK_LINE.search(view, match.end(), end)
        turns.append(SpeakerTurn(match.end(), blank_line.start() if blank_line else end, speaker))
    return _SPEAKER_LABEL.sub(_blank, view), tuple(turns)
