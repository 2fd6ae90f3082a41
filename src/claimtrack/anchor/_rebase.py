"""Moving an anchor to a new version of its document, or saying that it cannot be moved.

An anchor whose quote, context and all the text on one side of it are unchanged stays
where that side puts it, unsearched. Otherwise the search runs in stages, each bounded:

1. **exact** — the quote occurs in the new text. One occurrence of a quote that was unique
   before is taken; several are ranked by context and position, and the best is taken only
   if its context agrees (at least :data:`MIN_CONTEXT_SIMILARITY`) and nothing ties with it.
2. **context and fuzzy** — otherwise candidates come from the old surrounding text found in
   the new text (the span between the old prefix and the old suffix) and from an
   edit-distance alignment of the quote over the text (rapidfuzz's ``partial_ratio``, whole
   text up to :data:`MAX_FUZZY_TEXT` code points, else a window round the expected position).
   Each candidate's ends are adjusted to the best score, then all are ranked. Quotes shorter
   than :data:`MIN_FUZZY_QUOTE` skip this stage.

A candidate's score is the weighted mean of its quote similarity (Levenshtein, 1 = the same
text), context similarity (the text just before and after it against the old context) and
position similarity (distance from where the quote stood, scaled to the document's length),
with weights :data:`QUOTE_WEIGHT`, :data:`CONTEXT_WEIGHT` and :data:`POSITION_WEIGHT` over
the parts that are known. A changed quote is placed only when its quote similarity is at least
:data:`MIN_QUOTE_SIMILARITY`, its score at least :data:`THRESHOLD`, and no other candidate
comes within :data:`TIE_MARGIN`; otherwise the anchor is orphaned, never guessed.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from operator import itemgetter

import attrs

from claimtrack.anchor._fill import disambiguate
from claimtrack.anchor._place import Match, PlacementStatus, find_all, normalize_anchor, place
from claimtrack.model import Anchor

__all__ = [
    "CONTEXT_WEIGHT",
    "CONTEXT_WIDTH",
    "MAX_FUZZY_QUOTE",
    "MAX_FUZZY_TEXT",
    "MIN_CONTEXT_SIMILARITY",
    "MIN_FUZZY_QUOTE",
    "MIN_QUOTE_SIMILARITY",
    "POSITION_WEIGHT",
    "QUOTE_WEIGHT",
    "THRESHOLD",
    "TIE_MARGIN",
    "Candidate",
    "RebaseResult",
    "RebaseStatus",
    "nearest",
    "rebase",
    "rebase_all",
]

QUOTE_WEIGHT = 0.6
CONTEXT_WEIGHT = 0.3
POSITION_WEIGHT = 0.1
THRESHOLD = 0.7
"""The least score at which a changed quote is placed."""
MIN_QUOTE_SIMILARITY = 0.75
"""The least quote similarity a changed quote may have, whatever its context."""
MIN_CONTEXT_SIMILARITY = 0.5
"""The least context similarity for picking one of several exact occurrences."""
TIE_MARGIN = 0.02
"""Two candidates scoring closer than this are a tie: the anchor is orphaned."""
CONTEXT_WIDTH = 32
"""How much old text before and after the quote is compared, in code points."""
MAX_FUZZY_TEXT = 2_000_000
"""Texts longer than this are searched fuzzily only near the expected position."""
MAX_FUZZY_QUOTE = 2_000
"""Quotes longer than this are not searched fuzzily (exact and context stages only)."""
MIN_FUZZY_QUOTE = 8
"""Quotes shorter than this are placed only where they occur exactly: a one-letter edit of a
short quote matches too much by chance."""
_CONTEXT_CANDIDATES = 20
_REFINED_CANDIDATES = 6
_MAX_SLACK = 64


class RebaseStatus(StrEnum):
    """What rebasing did to an anchor record."""

    UNCHANGED = "unchanged"
    MOVED = "moved"
    ORPHANED = "orphaned"


@attrs.frozen
class Candidate:
    """A span of the new text and how well it matches the old quote."""

    match: Match
    score: float
    quote_similarity: float
    context_similarity: float | None


@attrs.frozen(kw_only=True)
class RebaseResult:
    """The outcome of rebasing one anchor.

    ``anchor`` is the anchor to record (the old one when orphaned); ``best`` is the best
    candidate seen, also when it was rejected; ``reason`` says why an anchor is orphaned.
    """

    status: RebaseStatus
    anchor: Anchor
    old: Anchor
    best: Candidate | None = None
    reason: str | None = None

    @property
    def match(self) -> Match | None:
        """Where the anchor now stands, unless it is orphaned."""
        if self.status is RebaseStatus.ORPHANED or self.best is None:
            return None
        return self.best.match

    @property
    def score(self) -> float:
        """The score of the chosen (or best rejected) candidate; 0 when there was none."""
        return self.best.score if self.best is not None else 0.0

    @property
    def quote_changed(self) -> bool:
        """Whether the quote text itself changed."""
        return self.anchor.exact != self.old.exact


@attrs.frozen
class _Origin:
    """What is known of where the anchor stood: its quote, context and expected position."""

    exact: str
    before: str
    after: str
    expected: int | None
    old_count: int
    #: Whether the old context was cut short by the start (or end) of the old text: then
    #: all the old text before (or after) the quote is known, and a candidate with exactly
    #: that text before (or after) it wins a tie (:func:`_untied`).
    at_start: bool = False
    at_end: bool = False
    #: Where the quote stood in the old text, when that text is known and holds it.
    old_match: Match | None = None


def _origin(old_text: str | None, new_text: str, anchor: Anchor) -> _Origin:
    anchor = normalize_anchor(anchor)
    if old_text is not None:
        placement = place(old_text, anchor)
        match = placement.match
        if placement.status is PlacementStatus.FOUND and match is not None:
            expected = round(match.start * len(new_text) / max(len(old_text), 1))
            return _Origin(
                anchor.exact,
                old_text[max(0, match.start - CONTEXT_WIDTH) : match.start],
                old_text[match.end : match.end + CONTEXT_WIDTH],
                expected,
                len(placement.occurrences),
                at_start=match.start < CONTEXT_WIDTH,
                at_end=match.end + CONTEXT_WIDTH > len(old_text),
                old_match=match,
            )
    return _Origin(
        anchor.exact,
        (anchor.prefix or "")[-CONTEXT_WIDTH:],
        (anchor.suffix or "")[:CONTEXT_WIDTH],
        anchor.start,
        len(find_all(old_text, anchor.exact)) if old_text is not None else 0,
    )


def _similarity(left: str, right: str) -> float:
    # rapidfuzz is imported on first use, to keep `import claimtrack` (and check) quick.
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(left, right))


def _scores(
    text: str,
    start: int,
    end: int,
    origin: _Origin,
    similarity: Callable[[str, str], float] = _similarity,
) -> tuple[float, float, float | None]:
    """The score of ``text[start:end]`` and its quote and context similarities."""
    quote = similarity(origin.exact, text[start:end])
    sides = []
    if origin.before:
        sides.append(similarity(origin.before, text[max(0, start - len(origin.before)) : start]))
    if origin.after:
        sides.append(similarity(origin.after, text[end : end + len(origin.after)]))
    context = sum(sides) / len(sides) if sides else None
    total = QUOTE_WEIGHT * quote
    weight = QUOTE_WEIGHT
    if context is not None:
        total += CONTEXT_WEIGHT * context
        weight += CONTEXT_WEIGHT
    if origin.expected is not None:
        distance = abs(start - origin.expected) / max(len(text), 1)
        total += POSITION_WEIGHT * max(0.0, 1.0 - distance)
        weight += POSITION_WEIGHT
    return total / weight, quote, context


def _score(text: str, start: int, end: int, origin: _Origin) -> Candidate:
    return Candidate(Match(start, end), *_scores(text, start, end, origin))


def _refine(text: str, start: int, end: int, origin: _Origin) -> Candidate:
    """Move the ends of a rough span to where the score is best (coordinate ascent)."""
    if not origin.before and not origin.after and origin.expected is None:
        start, end = _quote_ascent(text, start, end, origin.exact)
        return _score(text, start, end, origin)
    # The ascent tries a hundred or so spans, some of them twice: each span's score is
    # computed once, and only the best span becomes a candidate.
    seen: dict[tuple[int, int], float] = {}

    def score_of(span_start: int, span_end: int) -> float:
        score = seen.get((span_start, span_end))
        if score is None:
            score = seen[span_start, span_end] = _scores(text, span_start, span_end, origin)[0]
        return score

    slack = _slack(origin.exact)
    best, best_start, best_end = score_of(start, end), start, end
    for _round in range(2):
        improved = False
        for new_start in range(max(0, start - slack), min(end, start + slack) + 1):
            if new_start >= end:
                break
            score = score_of(new_start, end)
            if score > best + 1e-12:
                best, best_start, improved = score, new_start, True
        start = best_start
        for new_end in range(max(start + 1, end - slack), min(len(text), end + slack) + 1):
            score = score_of(start, new_end)
            if score > best + 1e-12:
                best, best_end, improved = score, new_end, True
        end = best_end
        if not improved:
            break
    return _score(text, start, end, origin)


def _slack(quote: str) -> int:
    """How far the refinement moves either end of a span, each way."""
    return min(_MAX_SLACK, max(3, len(quote) // 4))


def _quote_ascent(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """The ends :func:`_refine`'s ascent moves ``text[start:end]`` to when only the quote
    is scored (no context, no position: as for verifying a quote), each sweep of one end
    scored in one rapidfuzz call rather than a Python call a span.

    The call scores only the spans at least as like the quote as the best before the sweep
    (the bound makes it quicker, and a span below it could not be taken); walking those in
    order, a span is taken when it beats the best so far, as the step-by-step ascent takes
    it, so the ends and the outcome are the same."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    def sweep(spans: list[str], best: float) -> tuple[int | None, float]:
        """The index of the span the sweep moves to (None: it stays) and its score."""
        scored = process.extract(
            quote,
            spans,
            scorer=Levenshtein.normalized_similarity,
            processor=None,
            limit=None,
            score_cutoff=best,
        )
        taken = None
        for _span, score, index in sorted(scored, key=itemgetter(2)):
            if score > best + 1e-12:
                best, taken = score, index
        return taken, best

    slack = _slack(quote)
    best = Levenshtein.normalized_similarity(quote, text[start:end])
    for _round in range(2):
        first = max(0, start - slack)
        starts = range(first, min(end, start + slack + 1))
        moved_start, best = sweep([text[at:end] for at in starts], best)
        if moved_start is not None:
            start = first + moved_start
        first = max(start + 1, end - slack)
        ends = range(first, min(len(text), end + slack) + 1)
        moved_end, best = sweep([text[start:at] for at in ends], best)
        if moved_end is not None:
            end = first + moved_end
        if moved_start is None and moved_end is None:
            break
    return start, end


def _context_spans(text: str, origin: _Origin) -> Iterable[tuple[int, int]]:
    """Spans suggested by the old context: between the old prefix and the old suffix."""
    size = len(origin.exact)
    reach = 2 * size + 16
    ends = (
        [m.end for m in find_all(text, origin.before)][:_CONTEXT_CANDIDATES]
        if origin.before
        else []
    )
    starts = (
        [m.start for m in find_all(text, origin.after)][:_CONTEXT_CANDIDATES]
        if origin.after
        else []
    )
    for end_of_before in ends:
        following = [s for s in starts if end_of_before < s <= end_of_before + reach]
        if following:
            yield end_of_before, following[0]
        else:
            yield end_of_before, min(len(text), end_of_before + size)
    for start_of_after in starts:
        yield max(0, start_of_after - size), start_of_after


def _fuzzy_spans(text: str, origin: _Origin) -> Iterable[tuple[int, int]]:
    """Spans from an edit-distance alignment of the quote, over the text and near the
    expected position."""
    quote = origin.exact
    if len(quote) > MAX_FUZZY_QUOTE or not text:
        return
    windows: list[tuple[int, int]] = []
    if len(text) <= MAX_FUZZY_TEXT:
        windows.append((0, len(text)))
    if origin.expected is not None:
        reach = 8 * len(quote) + 2_000
        low = max(0, origin.expected - reach)
        windows.append((low, min(len(text), origin.expected + len(quote) + reach)))
    from rapidfuzz import fuzz

    cutoff = 100 * MIN_QUOTE_SIMILARITY * 0.8
    for low, high in windows:
        haystack = text[low:high]
        if len(haystack) <= len(quote):
            yield low, high
            continue
        found = fuzz.partial_ratio_alignment(quote, haystack, score_cutoff=cutoff)
        if found is not None:
            yield low + found.dest_start, low + found.dest_end


def _ranked(candidates: Iterable[Candidate]) -> list[Candidate]:
    unique: dict[Match, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.match, candidate)
    return sorted(unique.values(), key=lambda c: (-c.score, c.match.start, c.match.end))


def _rival(ranked: list[Candidate]) -> Candidate | None:
    """The best candidate that does not overlap the best one and scores within the margin."""
    best = ranked[0]
    for other in ranked[1:]:
        overlaps = other.match.start < best.match.end and best.match.start < other.match.end
        if not overlaps:
            return other if best.score - other.score < TIE_MARGIN else None
    return None


def _keeps_edge(text: str, match: Match, origin: _Origin) -> bool:
    """Whether all the text before (or after) ``match`` is all the old text before (or
    after) the quote: the quote still opens (or closes) the document the same way."""
    if origin.at_start and match.start == len(origin.before) and text.startswith(origin.before):
        return True
    return (
        origin.at_end and len(text) - match.end == len(origin.after) and text.endswith(origin.after)
    )


def _untied(text: str, ranked: list[Candidate], origin: _Origin) -> Candidate | None:
    """The best candidate, or, when others tie with it (:func:`_rival`), the one of them
    that keeps the old quote's place at the start or end of the text; None when the tie
    stands."""
    best = ranked[0]
    if _rival(ranked) is None:
        return best
    tied = [c for c in ranked if best.score - c.score < TIE_MARGIN]
    keeping = [c for c in tied if _keeps_edge(text, c.match, origin)]
    return keeping[0] if len(keeping) == 1 else None


def _exact_stage(text: str, origin: _Origin) -> tuple[Candidate | None, list[Candidate]]:
    occurrences = find_all(text, origin.exact)
    scored = _ranked(_score(text, m.start, m.end, origin) for m in occurrences)
    if not scored:
        return None, scored
    best = scored[0]
    if len(scored) == 1 and origin.old_count <= 1:
        return best, scored
    if best.context_similarity is None or best.context_similarity < MIN_CONTEXT_SIMILARITY:
        return None, scored
    chosen = _untied(text, scored, origin)
    if chosen is None or chosen.context_similarity is None:
        return None, scored
    return (chosen if chosen.context_similarity >= MIN_CONTEXT_SIMILARITY else None), scored


def _search(text: str, origin: _Origin) -> tuple[Candidate | None, Candidate | None, str | None]:
    """The chosen candidate (or ``None``), the best one seen, and why none was chosen."""
    chosen, exact = _exact_stage(text, origin)
    if chosen is not None:
        return chosen, chosen, None
    if len(origin.exact) < MIN_FUZZY_QUOTE:
        spans: set[tuple[int, int]] = set()
    else:
        spans = {*_context_spans(text, origin), *_fuzzy_spans(text, origin)}
    rough = _ranked(_score(text, start, end, origin) for start, end in spans if end > start)
    refined = [
        _refine(text, c.match.start, c.match.end, origin) for c in rough[:_REFINED_CANDIDATES]
    ]
    ranked = _ranked([*exact, *refined])
    if not ranked:
        return None, None, "nothing in the new text resembles the quote"
    best = ranked[0]
    if best.quote_similarity < MIN_QUOTE_SIMILARITY:
        return (
            None,
            best,
            (
                f"the closest text is only {best.quote_similarity:.2f} similar to the quote"
                f" (at least {MIN_QUOTE_SIMILARITY} needed)"
            ),
        )
    if best.score < THRESHOLD:
        return None, best, f"the best candidate scores {best.score:.2f}, below {THRESHOLD}"
    chosen = _untied(text, ranked, origin)
    if (
        chosen is not None
        and chosen.quote_similarity >= MIN_QUOTE_SIMILARITY
        and chosen.score >= THRESHOLD
    ):
        return chosen, chosen, None
    rival = _rival(ranked) or ranked[0]
    return (
        None,
        best,
        f"two passages match equally well (offsets {best.match.start} and {rival.match.start})",
    )


def _moved(text: str, anchor: Anchor, match: Match) -> Anchor:
    """The anchor's record for its new place: new quote, context and offsets, keeping the
    fields it had. An anchor without offsets whose new quote would be ambiguous gets the
    shortest context that picks it (or, failing that, offsets)."""
    start, end = match.start, match.end
    prefix = suffix = None
    if anchor.prefix is not None:
        prefix = text[max(0, start - len(anchor.prefix)) : start] or None
    if anchor.suffix is not None:
        suffix = text[end : end + len(anchor.suffix)] or None
    has_offsets = anchor.start is not None or anchor.end is not None
    moved = Anchor(
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        start=start if has_offsets else None,
        end=end if has_offsets else None,
    )
    if has_offsets:
        return moved
    clear = disambiguate(text, moved, match)
    if clear is not None:
        return clear
    return attrs.evolve(moved, start=start, end=end)


def rebase(old_text: str | None, new_text: str, anchor: Anchor) -> RebaseResult:
    """Move ``anchor`` from normalised ``old_text`` to normalised ``new_text``.

    ``old_text`` gives the quote's old context and position; pass ``None`` when it is not
    known (the snapshot was already replaced): the anchor's own prefix, suffix and offsets
    stand in for them. The result is ``UNCHANGED`` when the anchor record is still right,
    ``MOVED`` when it had to change (offsets, quote or context), ``ORPHANED`` otherwise.
    """
    origin = _origin(old_text, new_text, anchor)
    kept = _kept_in_place(old_text, new_text, origin.old_match)
    chosen: Candidate | None
    best: Candidate | None
    reason: str | None = None
    if kept is not None:
        chosen = best = _score(new_text, kept.start, kept.end, origin)
    else:
        chosen, best, reason = _search(new_text, origin)
    if chosen is None:
        return RebaseResult(
            status=RebaseStatus.ORPHANED, anchor=anchor, old=anchor, best=best, reason=reason
        )
    moved = _moved(new_text, normalize_anchor(anchor), chosen.match)
    status = RebaseStatus.UNCHANGED if moved == anchor else RebaseStatus.MOVED
    return RebaseResult(status=status, anchor=moved, old=anchor, best=chosen)


@functools.lru_cache(maxsize=1)
def _unchanged_ends(old_text: str, new_text: str) -> tuple[int, int]:
    """How long the texts' common start and common end are (found once for all the
    anchors of a document: the cache holds the last pair of texts)."""

    def longest(same: Callable[[int], bool]) -> int:
        low, high = 0, min(len(old_text), len(new_text))
        while low < high:  # the longest length for which ``same`` holds
            middle = (low + high + 1) // 2
            low, high = (middle, high) if same(middle) else (low, middle - 1)
        return low

    head = longest(lambda size: old_text[:size] == new_text[:size])
    tail = longest(
        lambda size: old_text[len(old_text) - size :] == new_text[len(new_text) - size :]
    )
    return head, tail


def _kept_in_place(old_text: str | None, new_text: str, match: Match | None) -> Match | None:
    """Where the quote that stood at ``match`` stands when the edit left it, its context
    and all the text on one side of it alone: the new text starts with the old text up to
    :data:`CONTEXT_WIDTH` past the quote (the same offsets), or ends with the old text from
    as far before it (offsets moved by the change of length). Nothing is searched then, so
    a copy of the passage elsewhere (an article pasted twice) is never taken for it."""
    if old_text is None or match is None:
        return None
    head, tail = _unchanged_ends(old_text, new_text)
    if min(match.end + CONTEXT_WIDTH, len(old_text)) <= head:
        return match
    if len(old_text) - max(0, match.start - CONTEXT_WIDTH) <= tail:
        shift = len(new_text) - len(old_text)
        return Match(match.start + shift, match.end + shift)
    return None


def _old_span(old_text: str | None, anchor: Anchor) -> Match | None:
    """Where ``anchor`` stood: placed in the old text, else its own offsets, else unknown."""
    if old_text is not None:
        match = place(old_text, anchor).match
        if match is not None:
            return match
    if anchor.start is not None and anchor.end is not None:
        return Match(anchor.start, anchor.end)
    return None


def _converge(old: tuple[Match | None, Match | None], new: tuple[Match, Match]) -> bool:
    """Whether two anchors that stood on separate passages now stand on one: their old
    spans are known and do not overlap, and their new spans overlap by at least half of
    the shorter one."""
    (old_a, old_b), (new_a, new_b) = old, new
    if old_a is None or old_b is None:
        return False
    if old_a.start < old_b.end and old_b.start < old_a.end:
        return False
    shared = min(new_a.end, new_b.end) - max(new_a.start, new_b.start)
    shorter = min(new_a.end - new_a.start, new_b.end - new_b.start)
    return shared > 0 and 2 * shared >= shorter


def rebase_all(
    old_text: str | None, new_text: str, anchors: Sequence[Anchor]
) -> list[RebaseResult]:
    """:func:`rebase` each of ``anchors`` (one document's), then orphan anchors that stood
    on separate passages and now land on one: when a passage the document had twice is
    deleted, or one anchor's passage is gone and its search found another's, only the
    better-scoring anchor keeps the place (neither, when they score within
    ``TIE_MARGIN``), so no two claims are silently moved onto one passage."""
    results = [rebase(old_text, new_text, anchor) for anchor in anchors]
    olds = [_old_span(old_text, anchor) for anchor in anchors]
    placed = [(i, result.match) for i, result in enumerate(results) if result.match is not None]
    placed.sort(key=lambda item: (-results[item[0]].score, item[0]))
    # The places taken so far, sorted by start: only those starting before a span's end
    # and less than the longest span before its start can overlap it.
    kept: list[tuple[int, int, int]] = []  # start, end, index
    longest = 0
    orphaned: dict[int, Match] = {}  # each orphan and where it would have moved
    for index, match in placed:
        rivals = []
        at = bisect.bisect_left(kept, (match.end, -1, -1))
        while at > 0 and kept[at - 1][0] >= match.start - longest:
            at -= 1
            start, end, k = kept[at]
            if _converge((olds[index], olds[k]), (match, Match(start, end))):
                rivals.append((k, Match(start, end)))
        if not rivals:
            bisect.insort(kept, (match.start, match.end, index))
            longest = max(longest, match.end - match.start)
            continue
        orphaned[index] = match
        for rival, taken in rivals:
            if results[rival].score - results[index].score < TIE_MARGIN:
                orphaned.setdefault(rival, taken)
    for index, taken in orphaned.items():
        result = results[index]
        results[index] = RebaseResult(
            status=RebaseStatus.ORPHANED,
            anchor=result.old,
            old=result.old,
            best=result.best,
            reason=(
                f"the passage it would move to (offsets {taken.start}-{taken.end}) is also"
                " where another anchor, which stood elsewhere, moves: the passage this one"
                " stood on may have been deleted"
            ),
        )
    return results


def nearest(text: str, anchor: Anchor) -> Candidate | None:
    """The passage of ``text`` most like ``anchor``'s quote (above a low similarity floor),
    whether or not it would be placed; for pointing a person at what changed."""
    origin = _origin(None, text, anchor)
    _chosen, best, _reason = _search(text, origin)
    if best is None or best.quote_similarity < 0.5:
        return None
    return best
