"""Named people, organisations and places, found by capitalisation.

No model: a name is a run of capitalised words (with particles such as "al-" and inner "of
the" or "for": "Office for Budget Responsibility"). A word that opens a sentence counts only
if the document also capitalises it in mid sentence, so "However" or "Official" at the start
of a sentence are not names while "Peru" is.
The type is guessed from titles ("General"), words naming bodies ("Council", "Ministry"),
acronyms, the preposition before a name ("in", "to"), and whether a part of the name is used
alone elsewhere (as people's family names are).
"""

from __future__ import annotations

import re

import attrs

from claimtrack.extract.dates import DAY_ABBREVIATIONS, DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES
from claimtrack.extract.furniture import dateline_end
from claimtrack.model import Entity, EntityType

__all__ = ["EntityFinder", "FoundEntity"]

_PARTICLE = r"(?:al|el|bin|ibn|abu|de|di|du|da|van|von|der|le|la)[-\s]"
_WORD = rf"(?:{_PARTICLE})?(?:[A-Z]\.){{2,}}|(?:{_PARTICLE})?[A-Z][\w'’.-]*\w"
_NAME = re.compile(rf"(?<![\w'’-])(?:{_WORD})(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?(?:{_WORD}))*")
_TITLES = frozenset(
    """president prime minister general major-general lieutenant colonel commander king queen
    prince princess sheikh ayatollah pope senator governor mayor dr mr mrs ms sir judge
    chancellor secretary professor prof rabbi imam bishop cardinal ambassador gen sen rep gov
    col capt lt sgt rev mx""".split()
)
_BODIES = frozenset(
    """force forces corps council ministry army navy brigade brigades division guard party times
    post news agency bank university group company committee government institute association
    union organization organisation front movement network commission court parliament
    assembly department office service services embassy authority coalition alliance
    federation foundation fund league militia police reuters press trust charity""".split()
)
_PLACES = frozenset(
    """heights mountains mountain river sea gulf valley strait island islands city province
    governorate region street square desert coast county state district""".split()
)
_PLACE_PREPOSITIONS = frozenset(
    "in to from at into across near toward towards throughout inside outside via".split()
)
_NOT_NAMES = frozenset([*MONTH_NAMES, *DAY_NAMES, "I"])
# Abbreviated months and days ("Dec. 8", "Sept 30", "Tues."): not names when a full stop or a
# number follows; alone they may be one ("Jan said").
_ABBREVIATED_DATES = frozenset([*MONTH_ABBREVIATIONS, *DAY_ABBREVIATIONS])
_AFTER_ABBREVIATION = re.compile(r"\.|,?\s+\d")
_FUNCTION_WORDS = frozenset(
    """a an the this that these those in on at as for but and or nor yet so if when while
    after before by with from of to it its their his her our one neither both either most much
    what many unlike given rather however meanwhile instead still now then there here such
    each every all some no not""".split()
)
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ite|ic|an|i)$")
_VERB_AFTER_NAME = re.compile(
    r"(?:\w+ed|has|had|have|was|were|is|are|will|would|could|can|may|might|must|did|does|do"
    r"|found|saw|made|took|gave|became|began|kept|lost|won|sent|left|led|ran|held|knew|thought"
    r"|got|came|went|grew|sought|brought|built|fought|paid|met|fell|said|says|told|also|then"
    r"|and|or|to|of|in|on|at|by|for|with|from)$"
)
_PLACED = re.compile(r"\b(?:in|into|near|across|throughout)\s+([A-Z][\w-]*\w)(?![\w'’-])")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_DATELINE_REACH = 200
_BOUNDARY = re.compile(r"(?:[.!?]['\"”’)]*\s+|\n\s*|[“\"(]\s*)")
# A full stop that ends a title or an initial, not a sentence.
_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w.])(?:[A-Z]|Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov|St|Mt|Jr|Sr)$"
)


@attrs.frozen
class FoundEntity:
    """An entity and where its name stands in the text searched."""

    start: int
    end: int
    entity: Entity


def _sentence_starts(text: str) -> set[int]:
    """Where sentences may start: after a sentence's end (not a title's or an initial's full
    stop: "Dr. Ana Ruiz", "A. Ruiz"), a line break, an opening quotation mark or bracket, and
    a dateline opening a line ("BEIRUT (Reuters) - The bank said")."""
    lead = len(text) - len(text.lstrip())
    starts = {0, lead, lead + dateline_end(text[lead : lead + _DATELINE_REACH])}
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        breaks_line = "\n" in match.group(0)
        if (
            not breaks_line
            and match.group(0)[0] == "."
            and _ABBREVIATION_BEFORE.search(text, max(0, match.start() - 6), match.start())
        ):
            continue
        starts.add(end)
        if breaks_line:
            starts.add(end + dateline_end(text[end : end + _DATELINE_REACH]))
    return starts


class EntityFinder:
    """Finds entities in statements of one document, knowing how the document capitalises."""

    def __init__(self, document: str) -> None:
        starts = _sentence_starts(document)
        self._mid_sentence: set[str] = set()
        self._alone: set[str] = set()
        self._family: set[str] = set()
        for match in re.finditer(r"[A-Z][\w'’-]*\w", document):
            word = _POSSESSIVE.sub("", match.group(0))
            if match.start() not in starts:
                self._mid_sentence.add(word)
        self._placed = {match.group(1) for match in _PLACED.finditer(document)}
        for match in _NAME.finditer(document):
            words = _POSSESSIVE.sub("", match.group(0)).split()
            while words and words[0].lower() in _FUNCTION_WORDS:
                words = words[1:]
            if not words:
                continue
            if len(words) == 1:
                self._alone.add(words[0])
            else:
                self._family.add(re.sub(rf"^{_PARTICLE}", "", words[-1]))

    def is_name(self, word: str) -> bool:
        """True when the document capitalises ``word`` in mid sentence."""
        return _POSSESSIVE.sub("", word) in self._mid_sentence

    def find(self, text: str, offset: int = 0) -> list[FoundEntity]:
        """The entities named in ``text`` (a statement starting at ``offset`` in the document)."""
        found: list[FoundEntity] = []
        starts = _sentence_starts(text)
        for match in _NAME.finditer(text):
            start, name = match.start(), match.group(0)
            words = name.split()
            while words and (
                words[0].lower() in _FUNCTION_WORDS
                or (start in starts and not self.is_name(words[0]))
            ):
                start += len(words[0]) + (len(name) - len(name.lstrip()))
                name = name[len(words[0]) :].lstrip()
                start = match.start() + match.group(0).index(name) if name else start
                words = name.split()
            name = _POSSESSIVE.sub("", name.rstrip(".")).strip()
            if not name or name in _NOT_NAMES or name.lower().startswith("of "):
                continue
            if name in _ABBREVIATED_DATES and _AFTER_ABBREVIATION.match(text, start + len(name)):
                continue
            after = re.match(r" ([a-z]+)\b", text[start + len(name) :])
            if (
                " " not in name
                and _ADJECTIVE.search(name)
                and after is not None
                and not _VERB_AFTER_NAME.match(after.group(1))
            ):
                # a demonym used as an adjective ("Kenyan officials"), not "Kenya has"; with a
                # word for a body it names one ("the Kenyan army")
                if after.group(1) in _BODIES:
                    body = f"{name} {after.group(1)}"
                    entity = Entity(name=body, type=EntityType.ORGANIZATION)
                    found.append(FoundEntity(offset + start, offset + start + len(body), entity))
                continue
            before = text[:start].split()[-1:] or [""]
            preposition = before[0].lower().rstrip(".")
            if name in self._placed:
                preposition = "in"
            entity = Entity(name=name, type=self._type(name, preposition))
            found.append(FoundEntity(offset + start, offset + start + len(name), entity))
        return found

    def _type(self, name: str, before: str) -> EntityType:
        words = [word.lower().strip(".") for word in re.split(r"[\s]+", name)]
        if words[0] in _TITLES or before in _TITLES or any("-general" in w for w in words[:1]):
            return EntityType.PERSON
        if any(word in _BODIES for word in words) or re.fullmatch(
            r"[A-Z]{2,6}|(?:[A-Z]\.){2,}", name
        ):
            return EntityType.ORGANIZATION
        if any(word in _PLACES for word in words):
            return EntityType.PLACE
        parts = name.split()
        if 2 <= len(parts) <= 4 and any(
            re.sub(rf"^{_PARTICLE}", "", part) in self._alone for part in parts[1:]
        ):
            return EntityType.PERSON
        if len(parts) == 1 and name in self._family:
            return EntityType.PERSON
        if len(parts) == 1 and before in _PLACE_PREPOSITIONS:
            return EntityType.PLACE
        return EntityType.OTHER
