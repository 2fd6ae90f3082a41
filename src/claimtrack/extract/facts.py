"""One sentence, several checkable facts: where a sentence is cut into fact-sized parts.

A sentence often carries an actor's act, a figure and a date at once ("X will rebuild …, Y
said on Tuesday, as the death toll reached 90 and thousands more people were displaced").
A fact-checker records each on its own, so the draft does too. A sentence is cut only at
boundaries of grammar, and only when the part that follows states something checkable of its
own (a number, a date, or a verb of its own):

- a clause joined by ", and", ", as", ", while", ", whereas", ", but", ";", or by "and"
  followed by a verb ("… and has been followed by …") or a new clause with its own number;
- a clause opened by ", who", or by "which" whose part has a number;
- a participle clause with a number (", killing thousands");
- an appositive with a number (", a city more than 250km south of …"), or the post of a
  speaker named after the verb ("…, said X, head of the Department …").

Cuts never fall inside a quotation. Each part keeps the sentence's speaker when it stands
before the verb of saying ("A, B, the official said": both A and B are the official's), or
after a verb followed by "that" or a colon; a part after the speaker phrase otherwise is the
author's own ("…, X said on Tuesday, as the death toll reached 90").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.extract.attribution import SPEECH_VERBS
from claimtrack.extract.quotations import quotations

__all__ = ["fact_parts"]

_MIN_WORDS = 3
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|did|does|do|\w+ed)\b"
    r"|\b\w{3,}s\s+(?:to|that|a|an|the|more|about|\d)"  # "expects to", "runs more than"
    r"|\b(?:fell|rose|lost|won|fled|hit|struck|said|told|went|came|took|made|began|grew|left"
    r"|led|met|paid|sent|sold|spent|built|cut|put|set|ran|saw|gave|became|kept|held|brought"
    r"|fought|thought|found|shot|stood|drew|drove|broke|chose|froze|rang|sank|shrank)\b"
)
_CONDITION = re.compile(r"\b(?:if|unless|when)\b.*", re.IGNORECASE)
_AND_VERB = re.compile(
    r"\s+and\s+(?=(?:has|have|had|is|are|was|were|will|would|can|could|also|then)\b)"
)
_CLAUSE = re.compile(r",\s+(?=(?:and|as|while|whereas|but|though|although)\s)|;\s+")
_AS_PRONOUN = re.compile(r"\s+(?=as\s+(?:he|she|they|it|we)\s+\w+)")
_WHO = re.compile(r",\s+(?=who\s)")
_WHICH = re.compile(r",?\s+(?=which\s)")
_PARTICIPLE = re.compile(r",\s+(?=[a-z]+ing\s)")
_APPOSITIVE = re.compile(r",\s+(?=(?:a|an)\s)")
_POST = re.compile(
    r"(?<=[A-Za-z]),\s+(?=(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of|at|for)\s+"
    r"(?:the\s+)?[A-Z])"
)
_AND = re.compile(r"\s+and\s+")
_NAMED_AFTER_VERB = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_VERBS | {'explained'}))})\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\w$"
)


def _inside_quotation(text: str, position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _words(text: str) -> int:
    return len(text.split())


def fact_parts(sentence: str, has_fact: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The fact-sized parts of ``sentence`` as (start, end) offsets in it, in order.

    ``has_fact`` says whether a piece of text states a number or a date.
    """
    quoted = [(quote.start, quote.end) for quote in quotations(sentence)]
    cuts: dict[int, int] = {}  # where a separator starts → where the next part starts

    def consider(
        pattern: re.Pattern[str], needs_fact: bool, needs_verb: bool, least: int = _MIN_WORDS
    ) -> None:
        for match in pattern.finditer(sentence):
            head, tail = sentence[: match.start()], sentence[match.end() :]
            if _inside_quotation(sentence, match.start(), quoted):
                continue
            if _words(head) < _MIN_WORDS or _words(_until_next_cut(tail)) < least:
                continue
            piece = _until_next_cut(tail)
            if needs_fact and not has_fact(piece):
                continue
            if needs_verb and _FINITE.search(_CONDITION.sub("", piece)) is None:
                continue
            cuts[match.start()] = match.end()

    consider(_CLAUSE, needs_fact=False, needs_verb=True)
    consider(_AS_PRONOUN, needs_fact=False, needs_verb=True)
    consider(_AND_VERB, needs_fact=False, needs_verb=False)
    consider(_WHO, needs_fact=False, needs_verb=True)
    consider(_WHICH, needs_fact=True, needs_verb=False)
    consider(_PARTICIPLE, needs_fact=True, needs_verb=False, least=2)  # ", killing thousands"
    consider(_APPOSITIVE, needs_fact=True, needs_verb=False)
    for match in _POST.finditer(sentence):
        # "…, said A. Name, head of the Department …": the post of a speaker just named
        # after the verb is a fact of its own; "X, a hydrologist at Y, told …" is the
        # speaker's own description, one phrase with the verb that follows
        if _NAMED_AFTER_VERB.search(sentence[: match.start()]) and not _inside_quotation(
            sentence, match.start(), quoted
        ):
            cuts[match.start()] = match.end()
    for match in _AND.finditer(sentence):
        # "reached 90 and thousands more people were displaced": a new clause with a number
        head, tail = sentence[: match.start()], _until_next_cut(sentence[match.end() :])
        if _inside_quotation(sentence, match.start(), quoted) or _words(tail) < _MIN_WORDS:
            continue
        last_clause = re.split(r"[,;]\s+", head)[-1]
        if has_fact(last_clause) and has_fact(tail) and _FINITE.search(tail) is not None:
            cuts[match.start()] = match.end()
    parts: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(cuts), len(sentence)]:
        if cut < start:
            continue
        end = cut
        piece = sentence[start:end]
        trimmed_end = start + len(piece.rstrip(" ,;"))
        trimmed_start = start + len(piece) - len(piece.lstrip())
        if trimmed_end > trimmed_start:
            parts.append((trimmed_start, trimmed_end))
        start = cuts.get(cut, cut)
    return parts


def _until_next_cut(text: str) -> str:
    """The words of ``text`` up to the next comma or semicolon (the part a cut would open)."""
    return re.split(r"[,;]\s+", text, maxsplit=1)[0]
