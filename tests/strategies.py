"""Hypothesis strategies that build claim records bottom-up, with knobs for edge cases.

Every value drawn here is something the schema accepts, so dumping a drawn record must give a
schema-valid document and loading it back must give the same record.
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from claimtrack import model as m
from claimtrack.model import TEXT_PATTERN
from claimtrack.patterns import ecma_search

_slug_part = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
ids = st.builds(
    lambda parts, sep: sep.join(parts),
    st.lists(_slug_part, min_size=1, max_size=3),
    st.sampled_from("-_."),
)

# Text with at least one visible character; unicode beyond ASCII included on purpose
# (curly quotes, dashes, accents, Arabic), and YAML-hostile strings too.
_tricky = st.sampled_from(
    [
        "yes",
        "no",
        "null",
        "~",
        "true",
        "1e3",
        "0x1F",
        "2024-12-08",
        ": colon",
        "- dash",
        "# hash",
        "'quoted'",
        '"double"',
        "a\nb",
        "tab\there",
        "trailing ",
        " leading",
        "“curly” — dash",
        "الأسد",
        "*alias",
        "&anchor",
        "!tag",
        "%percent",
        "@at",
        "`tick`",
    ]
)
# Characters a person can type into a claim file: no surrogates, no control characters
# (YAML refuses them), no byte-order-mark lookalikes; tab and newline come from _tricky.
_characters = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffe\uffff"
)
texts = st.one_of(
    _tricky,
    st.text(alphabet=_characters, min_size=1, max_size=40).filter(
        lambda s: ecma_search(TEXT_PATTERN, s)
    ),
)

_years = st.integers(min_value=1000, max_value=2999)
partial_dates = st.one_of(
    _years.map(lambda y: f"{y:04d}"),
    st.tuples(_years, st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10 and s[0] != "0"),
)
timestamps = st.one_of(
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10),
    st.datetimes()
    .map(lambda d: d.replace(microsecond=0).isoformat() + "Z")
    .filter(lambda s: len(s) == 20),
)
urls = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    _slug_part,
    st.text(alphabet=string.ascii_letters + string.digits + "/-_.?=&", max_size=20),
)
numbers = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


names = st.one_of(
    st.builds(m.Name, family=texts, given=optional(texts)),
    st.builds(m.Name, literal=texts),
)
whens = st.one_of(
    st.builds(m.When, date=partial_dates, approximate=st.booleans(), text=optional(texts)),
    st.builds(
        m.When,
        start=partial_dates,
        end=optional(partial_dates),
        approximate=st.booleans(),
        label=optional(texts),
    ),
    st.builds(m.When, end=partial_dates),
)
provenances = st.builds(
    m.Provenance,
    recorded_by=optional(texts),
    recorded_at=optional(timestamps),
    method=optional(st.sampled_from(m.Method)),
    tool=optional(texts),
    tool_version=optional(texts),
    reviewed_by=optional(texts),
    reviewed_at=optional(timestamps),
    verified_by=optional(texts),
    verified_at=optional(timestamps),
    verified_fingerprint=optional(
        st.text(alphabet="0123456789abcdef", min_size=64, max_size=64).map("sha256:".__add__)
    ),
)
snapshots = st.builds(
    m.Snapshot,
    path=texts,
    sha256=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
)
source_snapshots = st.builds(
    m.SourceSnapshot,
    path=texts,
    sha256=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    coverage=st.sampled_from(m.Coverage),
    requested_url=optional(urls),
    url=optional(urls),
    http_status=optional(st.integers(100, 599)),
    content_type=optional(texts),
    retrieved=optional(timestamps),
    extractor=optional(texts),
    extractor_version=optional(texts),
    warc=optional(texts),
)
documents = st.builds(
    m.Document,
    id=ids,
    title=texts,
    authors=st.lists(names, max_size=2).map(tuple),
    publisher=optional(texts),
    container_title=optional(texts),
    published=optional(whens),
    url=optional(urls),
    language=optional(st.sampled_from(["en", "en-GB", "ar", "fa"])),
    snapshot=optional(snapshots),
    notes=optional(texts),
    state=optional(st.sampled_from(m.DocumentState)),
    four_eyes=st.booleans(),
    provenance=optional(provenances),
)
sources = st.builds(
    m.Source,
    id=ids,
    type=st.sampled_from(m.SourceType),
    title=texts,
    authors=st.lists(names, max_size=2).map(tuple),
    container_title=optional(texts),
    publisher=optional(texts),
    issued=optional(partial_dates),
    url=optional(urls),
    doi=optional(st.just("10.1000/xyz123")),
    accessed=optional(partial_dates),
    archive_url=optional(urls),
    reliability=optional(st.sampled_from(m.Reliability)),
    primary=st.booleans(),
    snapshot=optional(source_snapshots),
    notes=optional(texts),
    provenance=optional(provenances),
)
anchors = st.builds(
    m.Anchor,
    exact=texts,
    prefix=optional(texts),
    suffix=optional(texts),
    start=optional(st.integers(0, 10**6)),
    end=optional(st.integers(1, 10**6)),
)
attributions = st.builds(
    m.Attribution,
    specificity=st.sampled_from(m.Specificity),
    asserted_by=optional(texts),
    reported_by=optional(texts),
    hedges=st.lists(texts, max_size=3).map(tuple),
)
_quantity_extras = {
    "unit": optional(texts),
    "currency": optional(st.sampled_from(["USD", "EUR", "IRR"])),
    "approximate": st.booleans(),
    "text": optional(texts),
}
quantities = st.one_of(
    st.builds(m.Quantity, value=numbers, **_quantity_extras),
    st.builds(m.Quantity, low=numbers, high=numbers, **_quantity_extras),
    st.builds(m.Quantity, lower_bound=numbers, upper_bound=optional(numbers), **_quantity_extras),
    st.builds(m.Quantity, upper_bound=numbers, **_quantity_extras),
)
entities = st.builds(
    m.Entity,
    name=texts,
    type=st.sampled_from(m.EntityType),
    role=optional(texts),
    wikidata=optional(st.integers(1, 10**8).map(lambda n: f"Q{n}")),
)
confidences = st.builds(
    m.Confidence,
    likelihood=optional(st.sampled_from(m.Likelihood)),
    analytic=optional(st.sampled_from(m.AnalyticConfidence)),
    rationale=optional(texts),
    credibility=optional(st.integers(1, 6)),
)
citations = st.builds(
    m.Citation,
    source=ids,
    locator=optional(texts),
    quote=optional(texts),
    stance=st.sampled_from(m.Stance),
    backs=st.sampled_from(m.Backs),
    provenance=optional(provenances),
)
suppressions = st.builds(
    m.Suppression,
    rule=st.sampled_from(["F101", "citation-needed", "E203"]),
    reason=texts,
)
claim_links = st.builds(m.ClaimLink, document=ids, claim=ids)
claims = st.builds(
    m.Claim,
    id=ids,
    text=texts,
    kind=st.sampled_from(m.ClaimKind),
    check_worthy=st.booleans(),
    anchor=anchors,
    attribution=optional(attributions),
    quantities=st.lists(quantities, max_size=2).map(tuple),
    dates=st.lists(whens, max_size=2).map(tuple),
    entities=st.lists(entities, max_size=2).map(tuple),
    confidence=optional(confidences),
    citations=st.lists(citations, max_size=2).map(tuple),
    status=st.sampled_from(m.Status),
    notes=optional(texts),
    tags=st.lists(texts, max_size=2).map(tuple),
    suppress=st.lists(suppressions, max_size=1).map(tuple),
    same_as=st.lists(claim_links, max_size=2).map(tuple),
    provenance=optional(provenances),
)
claim_files = st.builds(
    m.ClaimFile,
    document=documents,
    sources=st.lists(sources, max_size=3).map(tuple),
    claims=st.lists(claims, max_size=3).map(tuple),
)
