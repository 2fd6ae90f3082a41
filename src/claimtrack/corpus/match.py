"""Finding the same claim in different documents.

Two claims match when their words agree and nothing checkable sets them apart:

1. **Features.** Each claim's text is normalised (Unicode NFKC, case-folded, punctuation
   dropped) into content words; its figures come from its ``quantities`` and from the
   numbers its text writes, read as extract and the flags read digits ("$30bn" is
   30,000,000,000, "2½ million" 2,500,000, "1.200" both 1.2 and 1,200); its years from its
   ``dates`` and its text; its polarity from negation words ("not", "never", "denied", "n't").
2. **Candidates.** Claims are indexed by their rarest shared content words (the few words
   of a claim that the fewest other claims also use), their figures and their entities.
   Only claims of different documents sharing two keys or more are compared, and a key that
   too many claims share (more than ``max(200, 4 * sqrt(claims))``) is not used, so the work
   grows like the number of claims times its square root at worst, not like its square.
3. **Score.** The mean of :func:`rapidfuzz.fuzz.token_set_ratio` and
   :func:`~rapidfuzz.fuzz.token_sort_ratio` of the normalised texts, from 0 to 1, plus 0.15
   when both claims state the same figures, and from -0.10 to +0.10 by the share of the
   entities they name in common (when both name entities).
4. **Vetoes.** A pair never matches when both state figures and share none ("$30bn"
   against "$50bn"), when both name years and no year is shared, or when one is negated and
   the other is not: a claim and its negation are different claims.

A pair scoring at least :data:`DEFAULT_THRESHOLD` is proposed. The threshold and the weights
were set on the test corpus of known repeats and known near misses
(``tests/fixtures/corpus/``) and are documented in ``docs/corpus.md``.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from claimtrack._numerals import (
    DIGITS_PATTERN,
    FRACTIONS,
    MINUS,
    NAME_HYPHEN,
    digits_readings,
    letter_scale,
)
from claimtrack.extract.numbers import SCALES
from claimtrack.model import Claim

__all__ = [
    "DEFAULT_THRESHOLD",
    "ClaimRef",
    "Features",
    "MatchIndex",
    "Proposal",
    "features",
    "propose",
    "score",
]

#: The lowest score proposed as the same claim.
DEFAULT_THRESHOLD = 0.8
#: How many of a claim's rarest words index it.
_KEYS_PER_CLAIM = 4
#: Keys held by more claims than max(_MIN_KEY_CAP, _KEY_CAP_FACTOR * sqrt(claims)) are
#: not used to find candidates.
_MIN_KEY_CAP = 200
_KEY_CAP_FACTOR = 4
_MIN_SHARED_KEYS = 2
_FIGURE_BONUS = 0.15
_ENTITY_WEIGHT = 0.10

_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "has",
        "have",
        "had",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "nor",
        "so",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "do",
        "does",
        "did",
        "doing",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "through",
        "during",
        "against",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "also",
        "just",
        "said",
        "says",
        "say",
        "according",
    ]
)
_NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "deny",
        "denies",
        "denied",
        "denying",
        "false",
        "untrue",
        "cannot",
    ]
)
_SCALE_SUFFIXES = {
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
# A number as :mod:`claimtrack._numerals` reads digits, with its sign, a currency sign
# straight before it (money, for a scale letter) and its scale.
_NUMBER = re.compile(
    rf"(?<![\w.,]){NAME_HYPHEN}({MINUS})?([$€£¥₹])?({DIGITS_PATTERN})\s*"
    r"(k|mn|m|bn|b|tn|trn|thousand|million|billion|trillion)?(?![\w])",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|and)\s*", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DIGIT = re.compile(rf"[\d{FRACTIONS}]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


@attrs.frozen
class ClaimRef:
    """A claim of the corpus: the file it is in and its id."""

    path: str
    claim_id: str


@attrs.frozen(kw_only=True)
class Features:
    """What matching compares of one claim."""

    text: str
    words: frozenset[str]
    figures: frozenset[float]
    years: frozenset[str]
    entities: frozenset[str]
    negated: bool


@attrs.frozen(kw_only=True)
class Proposal:
    """Two claims proposed as the same claim, with the score and why."""

    claim: ClaimRef
    other: ClaimRef
    score: float
    reason: str


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(_WORD.findall(folded))


def _scale(scale: str, money: bool, after: str) -> float:
    """The factor a scale word, abbreviation or letter ("k", "m", "b": only with money or a
    count, as :func:`claimtrack._numerals.letter_scale` decides) gives a number."""
    key = scale.lower()
    if len(key) == 1:
        return letter_scale(key, money=money, after=after)
    return _SCALE_SUFFIXES.get(key) or SCALES.get(key, 1)


def _figures_of_text(text: str) -> set[float]:
    """The figures a text writes, scaled ("$30bn" → 3e10), as extract and the flags read
    digits (no Unicode normalisation: NFKC would make "2½" "21⁄2"); in a range such as
    "30–50 billion" or "between 30 and 50 billion" the scale word applies to both ends, and
    a number of two readings ("1.200") gives both."""
    if _DIGIT.search(text) is None:
        return set()  # most claims state no figure: no need to look at each number
    matches = list(_NUMBER.finditer(text))
    found: set[float] = set()
    for position, match in enumerate(matches):
        sign, currency, digits, scale = match.groups()
        after = text[match.end() : match.end() + 40]
        if not scale and position + 1 < len(matches):
            following = matches[position + 1]
            between = text[match.end() : following.start()]
            if following.group(4) and _RANGE_JOIN.fullmatch(between):
                scale, currency = following.group(4), currency or following.group(2)
                after = text[following.end() : following.end() + 40]
        if _YEAR.fullmatch(digits) and not scale:
            continue  # a year is compared as a date, not as a figure
        factor = _scale(scale, currency is not None, after) if scale else 1
        for value in digits_readings(digits):
            found.add(round(-value * factor if sign else value * factor, 6))
    return found


def _figure(value: float) -> float:
    """A quantity's value as figures compare: rounded to six places; a whole number too
    large for a float is kept exact (``float()`` of it would raise)."""
    try:
        return round(float(value), 6)
    except OverflowError:
        return value


def features(claim: Claim, words: dict[str, str] | None = None) -> Features:
    """The features of ``claim`` that matching compares. With ``words``, each content word
    is the one string ``words`` holds for it (added when new), so the features of many
    claims share their words."""
    text = _normalise(claim.text)
    tokens = text.split()
    figures = _figures_of_text(claim.text)
    for quantity in claim.quantities:
        for value in (
            quantity.value,
            quantity.low,
            quantity.high,
            quantity.lower_bound,
            quantity.upper_bound,
        ):
            if value is not None:
                figures.add(_figure(value))
    years = set(_YEAR.findall(claim.text))
    for when in claim.dates:
        for date in (when.date, when.start, when.end):
            if date is not None:
                years.add(date[:4])
    unique = set(tokens)
    negated = not _NEGATIONS.isdisjoint(unique) or (
        "n't" in text and any(token.endswith("n't") for token in unique)
    )
    return Features(
        text=text,
        words=frozenset(
            t if words is None else words.setdefault(t, t)
            for t in unique - _STOP_WORDS
            if not t.isdigit()
        ),
        figures=frozenset(figures),
        years=frozenset(years),
        entities=frozenset(_normalise(entity.name) for entity in claim.entities),
        negated=negated,
    )


def score(a: Features, b: Features) -> tuple[float, str]:
    """How alike two claims are, from 0 to 1, and a few words saying why (0 with the reason
    for a veto)."""
    if a.negated != b.negated:
        return 0.0, "one claim is negated and the other is not"
    if a.figures and b.figures and not a.figures & b.figures:
        return 0.0, "the claims state different figures"
    if a.years and b.years and not a.years & b.years:
        return 0.0, "the claims are about different years"
    # token_set_ratio forgives extra words (a full name, a clause); token_sort_ratio counts
    # them. Their mean keeps "X fled" close to "Bashar al-X fled" and "X fled" apart from
    # "X flew there for talks".
    value = (fuzz.token_set_ratio(a.text, b.text) + fuzz.token_sort_ratio(a.text, b.text)) / 200
    reasons = [f"wording {value:.2f}"]
    if a.figures and a.figures == b.figures:
        value += _FIGURE_BONUS
        reasons.append("same figures")
    if a.entities and b.entities:
        shared = len(a.entities & b.entities) / len(a.entities | b.entities)
        # From -0.10 (no entity in common) to +0.10 (the same entities).
        value += _ENTITY_WEIGHT * (2 * shared - 1)
        reasons.append(
            f"{len(a.entities & b.entities)} of {len(a.entities | b.entities)} entities shared"
        )
    return min(value, 1.0), ", ".join(reasons)


def _keys(feature: Features, frequency: Counter[str]) -> set[str]:
    """The index keys of one claim: its rarest words that some other claim shares, its
    figures and its entities."""
    shared = [word for word in feature.words if frequency[word] > 1]
    rarest = sorted(shared, key=lambda word: (frequency[word], word))[:_KEYS_PER_CLAIM]
    return {
        *(f"w:{word}" for word in rarest),
        *(f"n:{figure!r}" for figure in feature.figures),
        *(f"e:{entity}" for entity in feature.entities),
    }


def _candidates(refs: Sequence[ClaimRef], feats: Sequence[Features]) -> Iterable[tuple[int, int]]:
    frequency = Counter(itertools.chain.from_iterable(feature.words for feature in feats))
    index: dict[str, list[int]] = defaultdict(list)
    keys = [_keys(feature, frequency) for feature in feats]
    for position, claim_keys in enumerate(keys):
        for key in claim_keys:
            index[key].append(position)  # each list in ascending order
    # A key most claims share (a corpus about one country names it everywhere) tells
    # nothing and would make the comparisons quadratic: keys held by more claims than the
    # cap are not used.
    cap = max(_MIN_KEY_CAP, int(_KEY_CAP_FACTOR * math.sqrt(len(feats))))
    usable = {key: positions for key, positions in index.items() if 1 < len(positions) <= cap}
    # The claims of one file usually come one after the other: a claim is paired only with
    # claims after the end of its own run of the file's claims (and, where a file's claims
    # are not all in one run, with none of its own file either).
    ends = list(range(len(refs)))
    for position in range(len(refs) - 2, -1, -1):
        if refs[position].path == refs[position + 1].path:
            ends[position] = ends[position + 1]
    # A pair is compared only when it shares two keys or more: one rare word in common is
    # chance, and the pairs that share a single key are most of the pairs.
    for first, claim_keys in enumerate(keys):
        after = ends[first] + 1
        lists = [usable[key] for key in claim_keys if key in usable and usable[key][-1] >= after]
        if len(lists) < _MIN_SHARED_KEYS:
            continue
        shared = Counter(
            itertools.chain.from_iterable(
                positions[bisect.bisect_left(positions, after) :] for positions in lists
            )
        )
        path = refs[first].path
        for second in sorted(s for s, count in shared.items() if count >= _MIN_SHARED_KEYS):
            if refs[second].path != path:
                yield first, second


class MatchIndex:
    """Claims gathered one at a time (as a corpus is read file by file), to propose the
    matches among once all are in. Only the features of each claim are kept, not the
    claim, and a word many claims use is held once."""

    def __init__(self) -> None:
        self._refs: list[ClaimRef] = []
        self._feats: list[Features] = []
        self._words: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._refs)

    def add(self, ref: ClaimRef, claim: Claim) -> None:
        """Take in one claim of the corpus."""
        self._refs.append(ref)
        self._feats.append(features(claim, self._words))

    def propose(self, *, threshold: float = DEFAULT_THRESHOLD) -> list[Proposal]:
        """Pairs of claims in different files that look like the same claim, best first."""
        refs, feats = self._refs, self._feats
        proposals = []
        for first, second in _candidates(refs, feats):
            value, reason = score(feats[first], feats[second])
            if value >= threshold:
                a, b = sorted((refs[first], refs[second]), key=lambda r: (r.path, r.claim_id))
                proposals.append(Proposal(claim=a, other=b, score=round(value, 4), reason=reason))
        proposals.sort(key=lambda p: (-p.score, p.claim.path, p.claim.claim_id, p.other.path))
        return proposals


def propose(
    claims: Iterable[tuple[ClaimRef, Claim]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[Proposal]:
    """Pairs of claims in different files that look like the same claim, best first."""
    index = MatchIndex()
    for ref, claim in claims:
        index.add(ref, claim)
    return index.propose(threshold=threshold)
