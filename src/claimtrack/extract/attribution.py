"""Who a statement says asserts it: a named source, a vague one, or the author's own voice.

Cues are generic reporting patterns, not names: a subject before a verb of saying ("X said",
"officials cite"), "according to X", a possessive before a noun of speech ("X's remarks"), a
relative clause ("an analyst … who told the newspaper"), and reporting adverbs and passives
("reportedly", "are believed to"). A source is *named* when its words carry a proper name or
a definite institution ("the ministry"), *vague* when it is unnamed ("officials", "an
analyst", "reports"), and the statement is the author's own (*none*) when no cue is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from claimtrack.extract import quotations
from claimtrack.extract.dates import DAY_ABBREVIATIONS, DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES
from claimtrack.extract.hedges import find_hedges
from claimtrack.model import Attribution, Specificity

__all__ = ["SPEECH_VERBS", "classify_source", "detect_attribution", "has_quotation"]

SPEECH_VERBS = frozenset(
    """said says say told tells tell stated states revealed reveals reported reports report
    cited cites cite claimed claims claim announced announces confirmed confirms denied denies
    estimated estimates estimate warned warns noted notes argued argues added adds wrote writes
    explained explains insisted insists acknowledged acknowledges admitted admits alleged
    alleges asserted asserts disclosed discloses testified testifies maintained maintains
    remarked remarks commented comments declared declares predicted predicts concluded
    concludes charged charges accused accuses""".split()
)
_ALSO_NOUNS = frozenset(
    "states reports report claims claim notes estimates estimate comments remarks charges".split()
)
_NOUN_BEFORE = re.compile(
    r"(?:['’]s|\b(?:the|a|an|his|her|their|its|our|these|those|this|that))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_SPEECH_NOUNS = (
    "comments|remarks|statement|statements|words|speech|interview|testimony|report|reports"
    "|claim|claims|assessment|account|estimate|estimates|announcement|admission|warning"
)
_VAGUE_NOUNS = frozenset(
    """official officials source sources report reports analyst analysts expert experts observer
    observers diplomat diplomats witness witnesses resident residents critic critics insider
    insiders people person activist activists media rumour rumours rumor rumors account
    accounts estimate estimates someone commentator commentators monitor monitors aide aides
    individuals figures engineers scientists researchers economists doctors officers lawyers
    investigators prosecutors workers employees staff farmers locals citizens members leaders
    authorities campaigners protesters negotiators""".split()
)
_INSTITUTIONS = frozenset(
    """newspaper paper agency ministry government company department office army military
    police court council committee commission embassy broadcaster channel network website
    spokesman spokeswoman spokesperson president minister prime study survey report research
    poll analysis paper review census chair chairman chairwoman chief director head leader
    secretary governor mayor commissioner bank fund bureau institute organisation organization
    union authority board regulator watchdog observatory monitor group charity service centre
    center foundation association federation coalition alliance party parliament senate
    congress cabinet administration""".split()
)
_PRONOUNS = frozenset("he she they it we".split())
_DEFINITE = frozenset("the its his her their our".split())
_DOCUMENTS = frozenset("report study survey research poll analysis paper review census".split())
_INDEFINITE = frozenset("a an some several many one two three various unnamed".split())
_WORD = re.compile(r"[\w'’.-]+")
_CLAUSE_START = re.compile(
    r"(?:^|[,;:—–(]\s*|\b(?:that|and|but|by|though|although|while|whereas|because|after|when"
    r"|if)\s+)(?=\S)",
    re.IGNORECASE,
)
_TRAILING_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|also|then|later|\w+ly))+$", re.IGNORECASE
)
_VAGUE_CUES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|(?:is|are|was|were)\s+(?:said|believed|thought|"
    r"reported|alleged|understood|rumou?red)\s+to|it\s+is\s+(?:said|believed|understood|"
    r"reported)|according\s+to\s+(?:reports|sources|media))\b",
    re.IGNORECASE,
)
_MAX_SUBJECT_WORDS = 10
# A name in the possessive, as a determiner: "Peru's foreign ministry".
_POSSESSOR = re.compile(r"^[A-Z][\w.-]*['’]s?$")
# A form of "to be" before a verb of saying makes it a passive ("was estimated", "were
# reported"), whose subject is what is said, not who says it; "by" names who does.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_AGENT = re.compile(
    r"\s+(?:\w+ly\s+)?by\s+((?:(?!(?:that|on|in|at|after|before|when|as|during|last|this|to"
    r"|with|while|because|since|and|but)\b)[\w'’.-]+\s*){1,8})",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r"(?:a|an|the|its|his|her|their)\s+[a-z]")


def has_quotation(text: str) -> bool:
    """True when ``text`` quotes someone: five words or more in quotation marks, double or
    single (see :mod:`claimtrack.extract.quotations`)."""
    return quotations.has_quotation(text)


def classify_source(
    phrase: str, at_start: bool, is_name: Callable[[str], bool]
) -> Specificity | None:
    """Named, vague, or not a plausible source at all (``None``)."""
    words = _WORD.findall(phrase)
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    lowered = [word.lower().strip(".") for word in words]
    if len(words) == 1 and lowered[0] in _PRONOUNS:
        return Specificity.NAMED
    names = []
    for index, word in enumerate(words):
        if not word[0].isupper():
            continue
        if index == 0 and at_start and not is_name(word):
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        if following[:1].islower() and lowered[index + 1] not in ("of", "and", "et", "for"):
            continue  # an adjective ("Kenyan officials", "Official figures")
        names.append(word)
    vague = any(word in _VAGUE_NOUNS for word in lowered)
    if lowered[0] in _DEFINITE and lowered[-1] in _DOCUMENTS:
        return Specificity.NAMED  # one definite document: "the report", "its latest survey"
    if names and not (vague and lowered[0] in _INDEFINITE):
        return Specificity.NAMED
    if lowered[0] == "the" and re.search(r"['’]s$", lowered[1] if len(lowered) > 1 else ""):
        return Specificity.NAMED  # a definite body's document: "the board's annual report"
    if vague or lowered[0] in _INDEFINITE:
        return Specificity.VAGUE  # unnamed: "officials", "a trader close to the board"
    possessor = (
        len(words) > 1 and _POSSESSOR.search(words[0]) and (not at_start or is_name(words[0]))
    )
    if (lowered[0] in _DEFINITE or possessor) and _institution_head(lowered):
        return Specificity.NAMED  # "the central bank", "Peru's foreign ministry"
    return None


def _institution_head(lowered: list[str]) -> bool:
    """True when the phrase's head is an institution: its last word ("the central bank"), or
    the word before "of" or "for" ("the ministry of health"); not any word of a clause ("the
    board will repair the dam")."""
    heads = [lowered[-1]]
    heads += [lowered[i - 1] for i, word in enumerate(lowered) if word in ("of", "for") and i]
    return any(head in _INSTITUTIONS for head in heads)


def _clean(phrase: str) -> str:
    return phrase.strip(" ,;:—–-“”\"'").strip()


_MONTHS_AND_DAYS = "|".join([*MONTH_NAMES, *DAY_NAMES])
# Abbreviated only with their full stop: "Sun" may open a name ("Sun Yat-sen said").
_ABBREVIATED = "|".join([*MONTH_ABBREVIATIONS, *DAY_ABBREVIATIONS])
_TIME_WORD = (
    rf"(?:{_MONTHS_AND_DAYS}|(?:{_ABBREVIATED})\.|\d{{1,4}}(?:st|nd|rd|th|s)?|early|late|mid"
    r"|last|next|this"
    r"|past|recent|year|years|week|weeks|month|months|days?|morning|afternoon|evening|night"
    r"|weekend|spring|summer|autumn|fall|winter|decade|century|today|yesterday|tonight|ago"
    r"|earlier|later|the(?=\s+(?:early|late|mid|past|last|next|same|following|morning"
    r"|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter)\b))"
)
# A time phrase opening the subject without a comma: "In Jan. 2025 the UN reported", "On
# Monday officials said", "Last year the agency said", "Earlier this week the ministry said".
_TIME_LEAD = re.compile(
    rf"(?:(?:in|on|at|during|since|until|by|over|throughout|from|before|after)\s+{_TIME_WORD}"
    r"|last|next|this|earlier|later|yesterday|today|tonight)"
    rf"(?:,?\s+{_TIME_WORD})*(?:,?\s+(?=\S)|,?$)",
    re.IGNORECASE,
)

# A place opening the subject without a comma: "In Lima officials said", "At the UN the
# envoy said"; only before words in lower case, so "In-Q-Tel said" keeps its name.
_PLACE_LEAD = re.compile(
    r"(?:in|at|across|inside|outside|throughout)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*)*,?\s+(?=[a-z])",
    re.IGNORECASE,
)


def _subject_before(text: str, position: int) -> tuple[str, bool, int]:
    """The words between the last clause boundary before ``position`` and ``position``
    (without trailing auxiliaries and adverbs: "engineers have warned", and without a time
    phrase before them: "in 2025 the agency said"), whether they open the statement, and
    where they begin."""
    head = _TRAILING_AUXILIARIES.sub("", text[:position].rstrip())
    starts = [match.end() for match in _CLAUSE_START.finditer(head)]
    begin = max([0, *[start for start in starts if start < len(head)]])
    begin += len(head[begin:]) - len(head[begin:].lstrip())
    lead = _TIME_LEAD.match(head, begin) or _PLACE_LEAD.match(head, begin)
    if lead is not None:
        begin = lead.end()
    return _clean(head[begin:]), begin == 0, begin


def _with_name_before(
    text: str, subject: str, begin: int, is_name: Callable[[str], bool]
) -> tuple[str, bool]:
    """ "Dr. A. Name, a hydrologist at X" when the subject is an appositive of a name."""
    before = text[:begin].rstrip()
    if not before.endswith(",") or not _APPOSITIVE.match(subject):
        return subject, begin == 0
    name, at_start, _ = _subject_before(before, len(before) - 1)
    combined = f"{name}, {subject}"
    if name and classify_source(name, at_start, is_name) is Specificity.NAMED:
        return combined, at_start
    return subject, begin == 0


@attrs.frozen
class _Found:
    specificity: Specificity
    asserted_by: str | None
    reported_by: str | None = None


def _reported_by(text: str, after: int) -> str | None:
    match = re.match(
        r"\s+((?:the\s+|a\s+|an\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|(?:the|a|an)\s+\w+)",
        text[after:],
    )
    if match is None:
        return None
    phrase = _clean(match.group(1)).rstrip(".")
    return phrase if phrase.split()[0].lower() not in ("that", "him", "her", "them") else None


def _passive_agent(text: str, after: int, is_name: Callable[[str], bool]) -> _Found | None:
    """Who a passive names with "by" ("was confirmed by the health ministry"), if anyone."""
    match = _AGENT.match(text, after)
    if match is None:
        return None
    phrase = _clean(match.group(1)).rstrip(".")
    specificity = classify_source(phrase, False, is_name)
    return _Found(specificity, phrase) if specificity is not None else None


def _by_subject_verb(text: str, is_name: Callable[[str], bool]) -> _Found | None:
    """The first verb of saying with a plausible subject; words that are nouns as often as
    verbs ("reports", "claims") are tried last."""
    verbs = [
        match
        for match in re.finditer(r"(?<![\w'’-])([a-z]+)(?![\w'’-])", text)
        if match.group(1) in SPEECH_VERBS
    ]
    verbs.sort(key=lambda match: (match.group(1) in _ALSO_NOUNS, match.start()))
    for match in verbs:
        if match.group(1) in _ALSO_NOUNS and _NOUN_BEFORE.search(text[: match.start()]):
            continue  # "her remarks", "the board's report": a noun here
        if _PASSIVE_BEFORE.search(text, 0, match.start()):
            agent = _passive_agent(text, match.end(), is_name)
            if agent is not None:
                return agent
            continue
        # "… an analyst close to the regime who told the newspaper"
        relative = re.search(r"\b(?:who|which)\s+$", text[: match.start()])
        end = relative.start() if relative else match.start()
        subject, _, begin = _subject_before(text, end)
        subject, at_start = _with_name_before(text, subject, begin, is_name)
        specificity = classify_source(subject, at_start, is_name)
        if specificity is None:
            continue
        reported = (
            _reported_by(text, match.end()) if match.group(1) in ("told", "tells", "tell") else None
        )
        asserted = None if subject.lower() in _PRONOUNS else subject
        return _Found(specificity, asserted, reported)
    return None


def _according_to(text: str, is_name: Callable[[str], bool]) -> _Found | None:
    match = re.search(r"\baccording\s+to\s+([^,.;:—()]+)", text, re.IGNORECASE)
    if match is None:
        return None
    phrase = _clean(match.group(1))
    if not re.search(r"\w", phrase):
        return None
    specificity = classify_source(phrase, False, is_name) or Specificity.VAGUE
    return _Found(specificity, phrase)


def _possessive(text: str, is_name: Callable[[str], bool]) -> _Found | None:
    pattern = rf"((?:[A-Z][\w.-]*\s+){{0,3}}[A-Z][\w.-]*)['’]s\s+(?:\w+\s+)?(?:{_SPEECH_NOUNS})\b"
    for match in re.finditer(pattern, text):
        phrase = match.group(1)
        if classify_source(phrase, match.start() == 0, is_name) is Specificity.NAMED:
            return _Found(Specificity.NAMED, phrase)
    return None


def detect_attribution(
    text: str, is_name: Callable[[str], bool] = lambda _word: False
) -> Attribution:
    """The attribution of one statement; ``is_name`` says whether a capitalised word opening
    the statement is a name (the document capitalises it elsewhere too)."""
    hedges = find_hedges(text)
    found = (
        _according_to(text, is_name)
        or _by_subject_verb(text, is_name)
        or _possessive(text, is_name)
    )
    if found is None:
        cue = _VAGUE_CUES.search(text)
        if cue is not None:
            found = _Found(Specificity.VAGUE, " ".join(cue.group(0).split()))
    if found is None:
        return Attribution(specificity=Specificity.NONE, hedges=hedges)
    return Attribution(
        specificity=found.specificity,
        asserted_by=found.asserted_by or None,
        reported_by=found.reported_by or None,
        hedges=hedges,
    )
