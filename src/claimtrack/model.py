"""The claim record: frozen attrs classes mirroring ``schemas/claim-file.schema.json``.

Field names equal the schema's property names and enum values equal the schema's strings, so
the converter needs no renaming. Field validators enforce only what the schema states too
(patterns, ranges, required alternatives); rules that span records (duplicate ids, unknown
sources, inverted ranges) live in ``claimtrack.validate``, where they become findings.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import attrs

from claimtrack.patterns import ecma_regex

__all__ = [
    "AnalyticConfidence",
    "Anchor",
    "Attribution",
    "Backs",
    "Citation",
    "Claim",
    "ClaimFile",
    "ClaimKind",
    "ClaimLink",
    "Confidence",
    "Coverage",
    "Document",
    "DocumentState",
    "Entity",
    "EntityType",
    "Likelihood",
    "Method",
    "Name",
    "Normalization",
    "Provenance",
    "Quantity",
    "Reliability",
    "Snapshot",
    "Source",
    "SourceSnapshot",
    "SourceType",
    "Specificity",
    "Stance",
    "Status",
    "Suppression",
    "When",
]

# The schema's patterns are written so that every engine reads them alike (Python's re, which
# python-jsonschema uses; ECMA-262 engines such as ajv's and jsonschema-rs's): no \s or \S,
# whose members differ between Python and ECMA-262 (U+FEFF, U+0085, U+001C-U+001F), but the
# characters a URL or DOI may not hold spelled out (ECMA-262's white space and the control
# characters); and "$(?!\n)" for the end, since Python's "$" also matches before a final
# newline.
_NOT_IN_URL = r"\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$(?!\n)"
ID_MAX_LENGTH = 100
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$(?!\n)"
TIMESTAMP_PATTERN = (
    r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$(?!\n)"
)
HTTP_URL_PATTERN = rf"^https?://[^/?#{_NOT_IN_URL}]+[^{_NOT_IN_URL}]*$(?!\n)"
HTTP_URL_MAX_LENGTH = 2048
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$(?!\n)"
SHA256_PATTERN = r"^[0-9a-f]{64}$(?!\n)"
FINGERPRINT_PATTERN = r"^sha256:[0-9a-f]{64}$(?!\n)"
DOI_PATTERN = rf"^10\.[0-9]{{4,9}}/[^{_NOT_IN_URL}]+$(?!\n)"
CURRENCY_PATTERN = r"^[A-Z]{3}$(?!\n)"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$(?!\n)"
RULE_REF_PATTERN = r"^(?:[A-Z][0-9]{3}|[a-z]+(?:-[a-z0-9]+)*)$(?!\n)"
# At least one visible character. Written as an explicit class because Python's \S and
# ECMA-262's (the dialect of JSON Schema patterns) disagree on a few characters.
TEXT_PATTERN = (
    r"[^\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f"
    r"\u205f\u3000\ufeff]"
)


# --------------------------------------------------------------------------- validators


def _matches(pattern: str, what: str, max_length: int | None = None) -> Any:
    """A validator: the string must match ``pattern`` (searched, as JSON Schema does, with
    ECMA-262's end anchor: see :func:`claimtrack.schema.ecma_regex`)."""
    compiled = ecma_regex(pattern)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__}")
        if compiled.search(value) is None:
            raise ValueError(f"{attribute.name} must be {what}, got {value!r}")
        if max_length is not None and len(value) > max_length:
            raise ValueError(f"{attribute.name} must be at most {max_length} characters long")

    return check


def _each(inner: Any) -> Any:
    """A validator applying ``inner`` to every item of a tuple."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for item in value:
            inner(instance, attribute, item)

    return check


def _not_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Numbers in the schema are never booleans (JSON keeps them apart; Python does not)."""
    if isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a number, got a boolean")


_ID = _matches(ID_PATTERN, "a lower-case slug such as 'iran-spending'", ID_MAX_LENGTH)
_TEXT = _matches(TEXT_PATTERN, "non-empty text")
_PARTIAL_DATE = _matches(PARTIAL_DATE_PATTERN, "an ISO date such as 2024, 2024-12 or 2024-12-08")
_TIMESTAMP = _matches(TIMESTAMP_PATTERN, "an ISO date or date-time such as 2024-12-08T09:30:00Z")
_URL = _matches(HTTP_URL_PATTERN, "an absolute http(s) URL", HTTP_URL_MAX_LENGTH)
_LANGUAGE = _matches(LANGUAGE_PATTERN, "a BCP 47 language tag such as 'en'")


def _opt(validator: Any) -> Any:
    return attrs.validators.optional(validator)


# --------------------------------------------------------------------------- enums


class SourceType(StrEnum):
    """CSL item types a source may have (a subset of CSL-JSON's, with the same spelling)."""

    ARTICLE = "article"
    ARTICLE_JOURNAL = "article-journal"
    ARTICLE_MAGAZINE = "article-magazine"
    ARTICLE_NEWSPAPER = "article-newspaper"
    BOOK = "book"
    BROADCAST = "broadcast"
    CHAPTER = "chapter"
    DATASET = "dataset"
    DOCUMENT = "document"
    ENTRY_ENCYCLOPEDIA = "entry-encyclopedia"
    INTERVIEW = "interview"
    LEGISLATION = "legislation"
    POST = "post"
    POST_WEBLOG = "post-weblog"
    REPORT = "report"
    SPEECH = "speech"
    TREATY = "treaty"
    WEBPAGE = "webpage"


class Reliability(StrEnum):
    """NATO Admiralty source reliability."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Method(StrEnum):
    """How a record was made."""

    MANUAL = "manual"
    EXTRACTED = "extracted"
    IMPORTED = "imported"


class DocumentState(StrEnum):
    """Where a claim file stands in the desk's workflow."""

    DRAFT = "draft"
    IN_REVIEW = "in-review"
    PUBLISHED = "published"


class Normalization(StrEnum):
    """How snapshot text is normalised before anchor offsets are counted."""

    NFC_LF = "nfc-lf"


class Coverage(StrEnum):
    """How much of a source a snapshot holds: all its readable text, or an excerpt."""

    FULL = "full"
    EXCERPT = "excerpt"


class ClaimKind(StrEnum):
    """What sort of claim a record is."""

    QUANTITY = "quantity"
    EVENT = "event"
    QUOTE = "quote"
    RELATION = "relation"
    CHARACTERIZATION = "characterization"
    ASSESSMENT = "assessment"


class Specificity(StrEnum):
    """How precisely the document names who asserts a claim."""

    NONE = "none"
    NAMED = "named"
    VAGUE = "vague"


class EntityType(StrEnum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    EVENT = "event"
    OTHER = "other"


class Likelihood(StrEnum):
    """ICD 203 estimative likelihood, from least to most likely."""

    ALMOST_NO_CHANCE = "almost-no-chance"
    VERY_UNLIKELY = "very-unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly-even-chance"
    LIKELY = "likely"
    VERY_LIKELY = "very-likely"
    ALMOST_CERTAIN = "almost-certain"


class AnalyticConfidence(StrEnum):
    """Confidence in an analytic judgement."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Stance(StrEnum):
    """What a cited source does to a claim."""

    SUPPORTS = "supports"
    DISPUTES = "disputes"
    MENTIONS = "mentions"


class Backs(StrEnum):
    """What a citation is evidence of: the claim's content, its attribution, or both."""

    CONTENT = "content"
    ATTRIBUTION = "attribution"
    BOTH = "both"


class Status(StrEnum):
    """Where checking a claim stands."""

    UNVERIFIED = "unverified"
    SUPPORTED = "supported"
    DISPUTED = "disputed"
    REFUTED = "refuted"
    UNVERIFIABLE = "unverifiable"


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class Name:
    """A person or body, as CSL-JSON names them."""

    family: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    given: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    literal: str | None = attrs.field(default=None, validator=_opt(_TEXT))

    def __attrs_post_init__(self) -> None:
        if self.family is None and self.literal is None:
            raise ValueError("a name needs 'family' or 'literal'")

    def display(self) -> str:
        """The name as a reader sees it: "Given Family" or the literal name."""
        if self.literal is not None:
            return self.literal
        return " ".join(part for part in (self.given, self.family) if part)


@attrs.frozen(kw_only=True)
class When:
    """A date, or a period with a start and/or an end."""

    date: str | None = attrs.field(default=None, validator=_opt(_PARTIAL_DATE))
    start: str | None = attrs.field(default=None, validator=_opt(_PARTIAL_DATE))
    end: str | None = attrs.field(default=None, validator=_opt(_PARTIAL_DATE))
    approximate: bool = False
    text: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    label: str | None = attrs.field(default=None, validator=_opt(_TEXT))

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.start is None and self.end is None:
            raise ValueError("a date needs 'date', 'start' or 'end'")
        if self.date is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either 'date' or 'start'/'end', not both")


@attrs.frozen(kw_only=True)
class Provenance:
    """Who recorded a record and when, how, and who last reviewed and verified it."""

    recorded_by: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    recorded_at: str | None = attrs.field(default=None, validator=_opt(_TIMESTAMP))
    method: Method | None = None
    tool: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    tool_version: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    reviewed_by: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    reviewed_at: str | None = attrs.field(default=None, validator=_opt(_TIMESTAMP))
    verified_by: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    verified_at: str | None = attrs.field(default=None, validator=_opt(_TIMESTAMP))
    verified_fingerprint: str | None = attrs.field(
        default=None,
        validator=_opt(_matches(FINGERPRINT_PATTERN, "'sha256:' and 64 lower-case hex digits")),
    )


@attrs.frozen(kw_only=True)
class Snapshot:
    """A local copy of the document's text and its SHA-256."""

    path: str = attrs.field(validator=_TEXT)
    sha256: str = attrs.field(validator=_matches(SHA256_PATTERN, "64 lower-case hex digits"))
    normalization: Normalization = Normalization.NFC_LF


@attrs.frozen(kw_only=True)
class SourceSnapshot:
    """A local copy of a source's text: the file and its SHA-256, how and when it was
    captured, and whether it is the whole text or an excerpt."""

    path: str = attrs.field(validator=_TEXT)
    sha256: str = attrs.field(validator=_matches(SHA256_PATTERN, "64 lower-case hex digits"))
    normalization: Normalization = Normalization.NFC_LF
    coverage: Coverage = Coverage.FULL
    requested_url: str | None = attrs.field(default=None, validator=_opt(_URL))
    url: str | None = attrs.field(default=None, validator=_opt(_URL))
    http_status: int | None = attrs.field(
        default=None,
        validator=_opt([_not_bool, attrs.validators.ge(100), attrs.validators.le(599)]),
    )
    content_type: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    retrieved: str | None = attrs.field(default=None, validator=_opt(_TIMESTAMP))
    extractor: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    extractor_version: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    warc: str | None = attrs.field(default=None, validator=_opt(_TEXT))


@attrs.frozen(kw_only=True)
class Document:
    """The document under analysis."""

    id: str = attrs.field(validator=_ID)
    title: str = attrs.field(validator=_TEXT)
    authors: tuple[Name, ...] = ()
    publisher: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    container_title: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    published: When | None = None
    url: str | None = attrs.field(default=None, validator=_opt(_URL))
    language: str | None = attrs.field(default=None, validator=_opt(_LANGUAGE))
    snapshot: Snapshot | None = None
    notes: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    state: DocumentState | None = None
    four_eyes: bool = False
    provenance: Provenance | None = None


@attrs.frozen(kw_only=True)
class Source:
    """A source consulted, shaped after a CSL-JSON item."""

    id: str = attrs.field(validator=_ID)
    type: SourceType
    title: str = attrs.field(validator=_TEXT)
    authors: tuple[Name, ...] = ()
    container_title: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    publisher: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    issued: str | None = attrs.field(default=None, validator=_opt(_PARTIAL_DATE))
    url: str | None = attrs.field(default=None, validator=_opt(_URL))
    doi: str | None = attrs.field(
        default=None, validator=_opt(_matches(DOI_PATTERN, "a DOI such as 10.1000/xyz"))
    )
    accessed: str | None = attrs.field(default=None, validator=_opt(_PARTIAL_DATE))
    archive_url: str | None = attrs.field(default=None, validator=_opt(_URL))
    language: str | None = attrs.field(default=None, validator=_opt(_LANGUAGE))
    reliability: Reliability | None = None
    primary: bool = False
    snapshot: SourceSnapshot | None = None
    notes: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    provenance: Provenance | None = None


@attrs.frozen(kw_only=True)
class Anchor:
    """Where a claim stands: a W3C text quote, with optional code-point offsets."""

    exact: str = attrs.field(validator=attrs.validators.min_len(1))
    prefix: str | None = attrs.field(default=None, validator=_opt(attrs.validators.min_len(1)))
    suffix: str | None = attrs.field(default=None, validator=_opt(attrs.validators.min_len(1)))
    start: int | None = attrs.field(default=None, validator=_opt(attrs.validators.ge(0)))
    end: int | None = attrs.field(default=None, validator=_opt(attrs.validators.ge(1)))


@attrs.frozen(kw_only=True)
class Attribution:
    """Who the document says asserts the claim."""

    specificity: Specificity
    asserted_by: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    reported_by: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    hedges: tuple[str, ...] = attrs.field(default=(), validator=_each(_TEXT))


@attrs.frozen(kw_only=True)
class Quantity:
    """A number a claim states: a value, a low–high range, or an open bound."""

    value: float | None = attrs.field(default=None, validator=_opt(_not_bool))
    low: float | None = attrs.field(default=None, validator=_opt(_not_bool))
    high: float | None = attrs.field(default=None, validator=_opt(_not_bool))
    lower_bound: float | None = attrs.field(default=None, validator=_opt(_not_bool))
    upper_bound: float | None = attrs.field(default=None, validator=_opt(_not_bool))
    unit: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    currency: str | None = attrs.field(
        default=None, validator=_opt(_matches(CURRENCY_PATTERN, "an ISO 4217 code such as USD"))
    )
    approximate: bool = False
    text: str | None = attrs.field(default=None, validator=_opt(_TEXT))

    def __attrs_post_init__(self) -> None:
        has_value = self.value is not None
        has_range = self.low is not None or self.high is not None
        has_bound = self.lower_bound is not None or self.upper_bound is not None
        if has_value + has_range + has_bound != 1:
            raise ValueError(
                "a quantity needs exactly one of: 'value', 'low' and 'high', or a bound"
            )
        if has_range and (self.low is None or self.high is None):
            raise ValueError("a range needs both 'low' and 'high'")


@attrs.frozen(kw_only=True)
class Entity:
    """A person, organisation, place or event a claim is about."""

    name: str = attrs.field(validator=_TEXT)
    type: EntityType = EntityType.OTHER
    role: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    wikidata: str | None = attrs.field(
        default=None, validator=_opt(_matches(WIKIDATA_PATTERN, "a Wikidata id such as Q42"))
    )


@attrs.frozen(kw_only=True)
class Confidence:
    """Likelihood (ICD 203), analytic confidence, rationale and Admiralty credibility."""

    likelihood: Likelihood | None = None
    analytic: AnalyticConfidence | None = None
    rationale: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    credibility: int | None = attrs.field(
        default=None,
        validator=_opt([_not_bool, attrs.validators.ge(1), attrs.validators.le(6)]),
    )


@attrs.frozen(kw_only=True)
class Citation:
    """A link from a claim to a source."""

    source: str = attrs.field(validator=_ID)
    locator: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    quote: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    stance: Stance = Stance.SUPPORTS
    backs: Backs = Backs.CONTENT
    provenance: Provenance | None = None


@attrs.frozen(kw_only=True)
class Suppression:
    """One flag silenced on a claim, with the reason."""

    rule: str = attrs.field(validator=_matches(RULE_REF_PATTERN, "a rule code or name"))
    reason: str = attrs.field(validator=_TEXT)


@attrs.frozen(kw_only=True)
class ClaimLink:
    """The same claim made in another document: that document's id and the claim's id."""

    document: str = attrs.field(validator=_ID)
    claim: str = attrs.field(validator=_ID)


@attrs.frozen(kw_only=True)
class Claim:
    """One claim of the document."""

    id: str = attrs.field(validator=_ID)
    text: str = attrs.field(validator=_TEXT)
    kind: ClaimKind
    check_worthy: bool = True
    anchor: Anchor
    attribution: Attribution | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[When, ...] = ()
    entities: tuple[Entity, ...] = ()
    confidence: Confidence | None = None
    citations: tuple[Citation, ...] = ()
    status: Status = Status.UNVERIFIED
    notes: str | None = attrs.field(default=None, validator=_opt(_TEXT))
    tags: tuple[str, ...] = attrs.field(default=(), validator=_each(_TEXT))
    suppress: tuple[Suppression, ...] = ()
    same_as: tuple[ClaimLink, ...] = ()
    provenance: Provenance | None = None


@attrs.frozen(kw_only=True)
class ClaimFile:
    """A whole claim file: the document, its sources and its claims."""

    version: int = attrs.field(default=1, validator=[_not_bool, attrs.validators.in_((1,))])
    document: Document
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
