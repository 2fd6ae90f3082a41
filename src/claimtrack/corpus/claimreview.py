"""Fact-checkers' verdicts, imported from schema.org ClaimReview JSON-LD into a claim file.

Fact-checkers publish each verdict as a ``ClaimReview``. Imported, each review becomes one
claim, so ``claimtrack match`` can find the same claim in the documents a desk checks:

- the claim's ``text`` and its anchor quote are the review's ``claimReviewed``;
- who made the claim (``itemReviewed.author``) is its named attribution;
- the review itself is the claim's source (a ``webpage`` by the review's author, issued on
  its ``datePublished``), cited with a stance that follows the verdict;
- the verdict sets the ``status``: the rating's words (``alternateName``) when they are one
  of the common verdicts, otherwise its number placed between ``worstRating`` and
  ``bestRating`` (schema.org's defaults are 1 and 5): the top quarter is ``supported``, the
  bottom quarter ``refuted``, the rest ``disputed``. A review with no usable rating leaves the
  claim ``unverified``. The rating as published is kept in the claim's notes.

Input is JSON (one object, a list, or a ``@graph``) or an HTML page whose
``<script type="application/ld+json">`` blocks hold the reviews. Nothing is fetched.
"""

from __future__ import annotations

import datetime
import html.parser
import math
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import attrs

from claimtrack import rules
from claimtrack._version import __version__
from claimtrack.errors import ClaimtrackError
from claimtrack.findings import Span
from claimtrack.io.json import parse_json
from claimtrack.io.problem import ParseProblem
from claimtrack.io.values import value_surprise
from claimtrack.model import (
    HTTP_URL_MAX_LENGTH,
    HTTP_URL_PATTERN,
    ID_MAX_LENGTH,
    Anchor,
    Attribution,
    Backs,
    Citation,
    Claim,
    ClaimFile,
    ClaimKind,
    Document,
    Method,
    Name,
    Provenance,
    Source,
    SourceType,
    Specificity,
    Stance,
    Status,
)
from claimtrack.patterns import ecma_regex

__all__ = ["ClaimReviewImportError", "Imported", "import_claimreview", "reviews_in", "verdict"]

_VERDICT_WORDS: tuple[tuple[Status, tuple[str, ...]], ...] = (
    # Checked in this order: "mostly false" must not read as "false" and then "true".
    (
        Status.DISPUTED,
        (
            "half true",
            "half-true",
            "mostly true",
            "mostly false",
            "mixture",
            "mixed",
            "misleading",
            "partly",
            "partially",
            "exaggerat",
            "missing context",
            "out of context",
            "needs context",
            "unproven",
        ),
    ),
    (
        Status.REFUTED,
        (
            "false",
            "fake",
            "pants on fire",
            "incorrect",
            "wrong",
            "untrue",
            "fabricated",
            "hoax",
            "not true",
            "baseless",
            "debunked",
        ),
    ),
    (Status.SUPPORTED, ("true", "correct", "accurate", "confirmed", "verified")),
)
_URL = ecma_regex(HTTP_URL_PATTERN)
# What the claim file's URLs may not hold (white space, control characters, the byte-order
# mark): Python's \s is Unicode's white space, the rest spelled out.
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f-\xa0\ufeff]")
_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)")


class ClaimReviewImportError(ClaimtrackError, ValueError):
    """The input holds no ClaimReview that can be imported, or is not JSON-LD: what is wrong,
    where in the input (1-based line and column, when there is a place) and what to do."""

    def __init__(
        self, message: str, *, line: int | None = None, column: int | None = None, hint: str
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint

    def located(self, name: str) -> str:
        """The error as one line naming ``name`` (and the place, when there is one)."""
        where = name if self.line is None else f"{name}:{self.line}:{self.column}"
        return f"{where}: {self.message}. {self.hint}"


@attrs.frozen(kw_only=True)
class Imported:
    """The claim file made, and one line per review that was left out, saying why."""

    claim_file: ClaimFile
    skipped: tuple[str, ...]


class _LdJson(html.parser.HTMLParser):
    """Collects the text of ``<script type="application/ld+json">`` blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.starts: list[tuple[int, int]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs_).get("type") or ""
        media_type = kind.split(";", 1)[0].strip().lower()  # "application/ld+json; charset=utf-8"
        self._inside = tag == "script" and media_type == "application/ld+json"
        if self._inside:
            # The block's text starts right after its start tag: its line and (0-based)
            # column in the page, so errors in it are placed in the page.
            line, column = self.getpos()
            tag_text = self.get_starttag_text() or ""
            breaks = tag_text.count("\n")
            column = len(tag_text) - tag_text.rfind("\n") - 1 if breaks else column + len(tag_text)
            self.starts.append((line + breaks, column))
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "review", "hasPart"):
            if key in data:
                yield from _nodes(data[key])


def _type_names(node: dict[str, Any]) -> list[str]:
    """A node's ``@type`` names, one or a list, without a vocabulary's prefix."""
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)]


def _is_of_type(node: dict[str, Any], name: str) -> bool:
    return name in _type_names(node)


def _is_review(node: dict[str, Any]) -> bool:
    return _is_of_type(node, "ClaimReview")


# The CSL type of a schema.org work where a claim appeared; any other work is a web page.
_WORK_TYPES = {
    "NewsArticle": SourceType.ARTICLE_NEWSPAPER,
    "ReportageNewsArticle": SourceType.ARTICLE_NEWSPAPER,
    "AnalysisNewsArticle": SourceType.ARTICLE_NEWSPAPER,
    "OpinionNewsArticle": SourceType.ARTICLE_NEWSPAPER,
    "ScholarlyArticle": SourceType.ARTICLE_JOURNAL,
    "Article": SourceType.ARTICLE,
    "BlogPosting": SourceType.POST_WEBLOG,
    "SocialMediaPosting": SourceType.POST,
    "DiscussionForumPosting": SourceType.POST,
    "VideoObject": SourceType.BROADCAST,
    "AudioObject": SourceType.BROADCAST,
    "Clip": SourceType.BROADCAST,
    "Episode": SourceType.BROADCAST,
    "TVEpisode": SourceType.BROADCAST,
    "RadioEpisode": SourceType.BROADCAST,
    "PodcastEpisode": SourceType.BROADCAST,
    "BroadcastEvent": SourceType.BROADCAST,
    "Book": SourceType.BOOK,
    "Report": SourceType.REPORT,
    "Dataset": SourceType.DATASET,
    "Legislation": SourceType.LEGISLATION,
}


def _work_type(node: dict[str, Any]) -> SourceType:
    known = [_WORK_TYPES[name] for name in _type_names(node) if name in _WORK_TYPES]
    return known[0] if known else SourceType.WEBPAGE


def _block_data(block: str, line: int, column: int) -> Any:
    """A JSON-LD block's data, read as claim files are (so nothing it holds can break the
    claim file written from it); an error placed in the input, the block starting at
    ``line`` (1-based) and ``column`` (0-based)."""
    try:
        data, positions = parse_json(block)
        surprise = value_surprise(data, block)
        if surprise is not None:
            path, message, key, hint = surprise
            raise ParseProblem(
                rules.UNSUPPORTED_VALUE, message, positions.span(path, key=key), hint=hint
            )
    except ParseProblem as problem:
        span = problem.span or Span(1, 1)
        raise ClaimReviewImportError(
            problem.message,
            line=line + span.line - 1,
            column=column + span.column if span.line == 1 else span.column,
            hint=problem.hint or "Correct the JSON at that place: JSON-LD is read as plain JSON.",
        ) from None
    return data


def reviews_in(text: str) -> list[dict[str, Any]]:
    """The ClaimReview objects of a JSON-LD document or of an HTML page's JSON-LD blocks;
    :class:`ClaimReviewImportError`, placed in ``text``, if the document is not JSON, or if
    none of the page's blocks holds a review and one of them is not JSON."""
    return _reviews_and_skipped(text)[0]


def _reviews_and_skipped(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`reviews_in`, and a line for each of a page's JSON-LD blocks that was left out
    because it is not JSON while another block held a review (a page often carries blocks
    of its own beside the fact check's, and a broken one of those does not stop the
    import; with no review found, the first broken block's error is raised)."""
    # A byte-order mark read as a space keeps every line and column where it is.
    body = " " + text[1:] if text.startswith("\ufeff") else text
    if body.lstrip(" \t\r\n").startswith(("{", "[")):
        data = _block_data(body, 1, 0)
        return [node for node in _nodes(data) if _is_review(node)], []
    parser = _LdJson()
    parser.feed(text)
    parser.close()
    if not parser.blocks:
        raise ClaimReviewImportError(
            "the input is neither JSON-LD nor an HTML page with an application/ld+json script",
            hint="Give the .json or .jsonld file, or the HTML page, of the fact check.",
        )
    reviews: list[dict[str, Any]] = []
    broken: list[ClaimReviewImportError] = []
    for block, (line, column) in zip(parser.blocks, parser.starts, strict=True):
        try:
            data = _block_data(block, line, column)
        except ClaimReviewImportError as error:
            broken.append(error)
            continue
        reviews.extend(node for node in _nodes(data) if _is_review(node))
    if broken and not reviews:
        raise broken[0]
    skipped = [
        f"a JSON-LD block that is not JSON (line {error.line}, column {error.column}:"
        f" {error.message})"
        for error in broken
    ]
    return reviews, skipped


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _names_of(value: Any) -> tuple[str, ...]:
    """The names of a person or organization, a plain name, or a list of either, in order,
    each once."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name is not None and name not in names:
            names.append(name)
    return tuple(names)


def _first_node(value: Any) -> dict[str, Any]:
    """An object, or the first object of a list (``itemReviewed`` is published as both)."""
    if isinstance(value, list):
        return next((item for item in value if isinstance(item, dict)), {})
    return value if isinstance(value, dict) else {}


def _url(value: Any) -> str | None:
    """An http(s) URL, with white space and control characters inside it percent-encoded
    (as a browser sends them), so the claim file can hold it."""
    if not isinstance(value, str):
        return None
    text = _NOT_IN_URL.sub(lambda found: quote(found.group(), safe=""), value.strip())
    if text and _URL.search(text) and len(text) <= HTTP_URL_MAX_LENGTH:
        return text
    return None


def _date(value: Any) -> str | None:
    text = _text(value)
    match = _DATE.match(text) if text else None
    if match is None:
        return None
    try:
        parts = [int(part) for part in match.group(1).split("-")]
        datetime.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except ValueError:
        return None
    return match.group(1)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    number: float | None = None
    try:
        if isinstance(value, int | float):
            number = float(value)
        elif isinstance(value, str):
            number = float(value.strip())
    except (ValueError, OverflowError):  # not a number, or an integer beyond any float
        return None
    # "NaN" or "1e999" as text is no place on a scale.
    return number if number is not None and math.isfinite(number) else None


def verdict(rating: Any) -> Status:
    """The status a ClaimReview rating gives (see the module notes)."""
    if not isinstance(rating, dict):
        return Status.UNVERIFIED
    words = (_text(rating.get("alternateName")) or _text(rating.get("name")) or "").lower()
    for status, cues in _VERDICT_WORDS:
        if any(cue in words for cue in cues):
            return status
    value = _number(rating.get("ratingValue"))
    best = _number(rating.get("bestRating"))
    worst = _number(rating.get("worstRating"))
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if value is None or best == worst:
        return Status.UNVERIFIED
    span = best - worst
    share = (value - worst) / span
    if not (math.isfinite(span) and math.isfinite(share)):  # too wide for a float to measure
        return Status.UNVERIFIED
    if share >= 0.75:
        return Status.SUPPORTED
    if share <= 0.25:
        return Status.REFUTED
    return Status.DISPUTED


def _rating_note(rating: Any) -> str | None:
    if not isinstance(rating, dict):
        return None
    parts = []
    words = _text(rating.get("alternateName"))
    if words:
        parts.append(f"'{words}'")
    value = _number(rating.get("ratingValue"))
    if value is not None:
        best = _number(rating.get("bestRating"))
        worst = _number(rating.get("worstRating"))
        low = 1.0 if worst is None else worst
        high = 5.0 if best is None else best
        parts.append(f"{value:g} on a scale from {low:g} to {high:g}")
    return f"Rated {', '.join(parts)} by the fact-checker." if parts else None


def _slug(text: str, fallback: str) -> str:
    slug = "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:ID_MAX_LENGTH].strip("-")
    return slug or fallback


def _appearance_sources(
    item: dict[str, Any], claim_id: str, provenance: Provenance
) -> list[Source]:
    """Where the claim was made (the item's ``firstAppearance`` and ``appearance``, objects or
    URLs; in the older form, the reviewed work itself and the work it is part of), one
    source for each distinct URL, typed by its ``@type``, by whoever made the claim."""
    nodes: list[tuple[dict[str, Any], str | None]] = []
    keys = ["firstAppearance", "appearance"]
    if item and not _is_of_type(item, "Claim"):
        # The older form reviews the work the claim was made in (a CreativeWork, an Article,
        # a Clip of a VideoObject): the item itself is where the claim appeared, or, for a
        # part of a work, the work it is part of.
        nodes.append((item, _date(item.get("datePublished"))))
        keys.append("isPartOf")
    for key in keys:
        # The claim's own date is when it was first made: the first appearance's date.
        claimed_on = _date(item.get("datePublished")) if key != "appearance" else None
        value = item.get(key)
        for node in value if isinstance(value, list) else [value]:
            if isinstance(node, str):
                nodes.append(({"url": node}, claimed_on))
            elif isinstance(node, dict):
                # A part's name says what the whole is ("Speech in Cairo") when it has none.
                named = (
                    node
                    if key != "isPartOf" or "name" in node
                    else {**node, "name": item.get("name")}
                )
                nodes.append((named, claimed_on))
    made: list[Source] = []
    urls: set[str] = set()
    for node, claimed_on in nodes:
        url = _url(node.get("url"))
        if url is None or url in urls:
            continue
        urls.add(url)
        authors = _names_of(node.get("author")) or _names_of(item.get("author"))
        made.append(
            Source(
                id=f"appearance-{len(made) + 1}-{claim_id}"[:ID_MAX_LENGTH].rstrip("-._"),
                type=_work_type(node),
                title=_text(node.get("name")) or _text(node.get("headline")) or url,
                authors=tuple(Name(literal=name) for name in authors),
                issued=_date(node.get("datePublished")) or claimed_on,
                url=url,
                provenance=provenance,
            )
        )
    return made


_STANCE = {
    Status.SUPPORTED: Stance.SUPPORTS,
    Status.REFUTED: Stance.DISPUTES,
    Status.DISPUTED: Stance.DISPUTES,
}


def import_claimreview(
    text: str,
    *,
    document_id: str,
    title: str,
    now: datetime.datetime | None = None,
) -> Imported:
    """A claim file holding one claim per ClaimReview in ``text`` (see the module notes);
    :class:`ClaimReviewImportError` if there is none."""
    recorded_at = (now or datetime.datetime.now(datetime.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    provenance = Provenance(
        recorded_at=recorded_at,
        method=Method.IMPORTED,
        tool="claimtrack",
        tool_version=__version__,
    )
    reviews, skipped = _reviews_and_skipped(text)
    if not reviews:
        raise ClaimReviewImportError(
            "the input holds no ClaimReview",
            hint="Give a file or page whose JSON-LD has a node of @type ClaimReview.",
        )
    claims: list[Claim] = []
    sources: list[Source] = []
    used: set[str] = set()
    for number, review in enumerate(reviews, start=1):
        claimed = _text(review.get("claimReviewed"))
        if claimed is None:
            skipped.append(f"review {number}: no claimReviewed text")
            continue
        claim_id = _slug(claimed[:60], f"claim-{number}")
        while claim_id in used:
            claim_id = f"{claim_id[: ID_MAX_LENGTH - 8]}-{number}"
        used.add(claim_id)
        status = verdict(review.get("reviewRating"))
        item = _first_node(review.get("itemReviewed"))
        speaker = next(iter(_names_of(item.get("author"))), None)
        reviewers = _names_of(review.get("author"))
        reviewer = next(iter(reviewers), None)
        review_url = _url(review.get("url"))
        citations: tuple[Citation, ...] = ()
        if review_url is not None or reviewer is not None:
            source_id = f"review-{claim_id}"[:ID_MAX_LENGTH].rstrip("-")
            source_title = (
                _text(review.get("name"))
                or _text(review.get("headline"))
                or review_url
                or f"ClaimReview by {reviewer}"
            )
            sources.append(
                Source(
                    id=source_id,
                    type=SourceType.WEBPAGE,
                    title=source_title,
                    authors=tuple(Name(literal=name) for name in reviewers),
                    publisher=reviewer,
                    issued=_date(review.get("datePublished")),
                    url=review_url,
                    provenance=provenance,
                )
            )
            citations = (
                Citation(
                    source=source_id,
                    stance=_STANCE.get(status, Stance.MENTIONS),
                    quote=_text(review.get("reviewBody")),
                ),
            )
        appeared = _appearance_sources(item, claim_id, provenance)
        sources.extend(appeared)
        citations += tuple(
            Citation(source=source.id, stance=Stance.SUPPORTS, backs=Backs.ATTRIBUTION)
            if speaker
            else Citation(source=source.id, stance=Stance.MENTIONS)
            for source in appeared
        )
        claims.append(
            Claim(
                id=claim_id,
                text=claimed,
                kind=ClaimKind.QUOTE if speaker else ClaimKind.CHARACTERIZATION,
                anchor=Anchor(exact=claimed),
                attribution=Attribution(
                    specificity=Specificity.NAMED if speaker else Specificity.NONE,
                    asserted_by=speaker,
                ),
                citations=citations,
                status=status,
                notes=_rating_note(review.get("reviewRating")),
                provenance=provenance,
            )
        )
    if not claims:
        raise ClaimReviewImportError(
            "no ClaimReview in the input has a claimReviewed text",
            hint="Each review needs claimReviewed, the words of the claim it checks.",
        )
    document = Document(id=document_id, title=title, provenance=provenance)
    claim_file = ClaimFile(document=document, sources=tuple(sources), claims=tuple(claims))
    return Imported(claim_file=claim_file, skipped=tuple(skipped))
