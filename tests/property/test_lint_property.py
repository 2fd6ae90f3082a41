"""The flags never crash and always point into the file, whatever the records combine."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import check
from claimtrack.io.load import load_bytes
from claimtrack.lint._numbers import read_numbers
from claimtrack.lint.quantities import quantity_problem
from claimtrack.model import Quantity
from claimtrack.rules import lookup_rule

WORDS = [
    "perhaps",
    "officials say",
    "reportedly",
    "more than",
    "$",
    "2,000",
    "30–50",
    "billion",
    "May",
    "the",
    "army",
    "held",
    "up to",
    "between",
    "and",
    "1.5",
    "may",
]
SOURCE_IDS = ["a", "b", "c"]


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


citations = st.lists(
    st.fixed_dictionaries(
        {
            "source": st.sampled_from(SOURCE_IDS),
            "stance": st.sampled_from(["supports", "disputes", "mentions"]),
            "backs": st.sampled_from(["content", "attribution", "both"]),
        }
    ),
    max_size=3,
)
quantities = st.one_of(
    st.fixed_dictionaries({"value": st.integers(0, 5000)}),
    st.fixed_dictionaries({"low": st.integers(0, 50), "high": st.integers(50, 100)}),
    st.fixed_dictionaries({"lower_bound": st.integers(0, 5000)}),
    st.fixed_dictionaries({"upper_bound": st.integers(0, 5000)}),
)


@st.composite
def claims(draw: st.DrawFn, number: int) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": f"c{number}",
        "text": "A claim.",
        "kind": draw(st.sampled_from(["quantity", "event", "quote", "assessment"])),
        "check_worthy": draw(st.booleans()),
        "anchor": {"exact": " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1)))},
        "citations": draw(citations),
        "status": draw(
            st.sampled_from(["unverified", "supported", "disputed", "refuted", "unverifiable"])
        ),
    }
    specificity = draw(_maybe(st.sampled_from(["none", "named", "vague"])))
    if specificity is not None:
        claim["attribution"] = {"specificity": specificity, "asserted_by": "Example Wire"}
    likelihood = draw(_maybe(st.sampled_from(["unlikely", "likely", "almost-certain"])))
    analytic = draw(_maybe(st.sampled_from(["low", "high"])))
    claim["confidence"] = {
        k: v for k, v in (("likelihood", likelihood), ("analytic", analytic)) if v
    }
    claim["quantities"] = draw(st.lists(quantities, max_size=2))
    if draw(st.booleans()):
        claim["dates"] = [{"date": "2024-12"}]
    if draw(st.booleans()):
        claim["suppress"] = [
            {"rule": draw(st.sampled_from(["F101", "by-whom", "E203"])), "reason": "r"}
        ]
    return claim


@st.composite
def claim_files(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(0, 4))
    sources = [
        {
            "id": source_id,
            "type": "report",
            "title": f"Report {source_id}",
            "publisher": draw(st.sampled_from(["Example Wire", "Other Press"])),
        }
        for source_id in SOURCE_IDS
    ]
    return {
        "version": 1,
        "document": {"id": "d", "title": "T"},
        "sources": sources,
        "claims": [draw(claims(number)) for number in range(count)],
    }


class TestLintProperties:
    @settings(max_examples=60, deadline=None)
    @given(claim_files())
    def test_findings_are_registered_and_located(self, data: dict[str, Any]) -> None:
        """Any combination of records yields registered findings with positions in the file."""
        text = json.dumps(data, indent=1)
        result = check(load_bytes(text.encode(), "c.json")).files[0]
        lines = text.count("\n") + 1
        for finding in result.findings:
            assert lookup_rule(finding.code) is not None
            assert 1 <= finding.location.line <= lines
            assert not finding.code.startswith("E"), finding.message


class TestNumberProperties:
    @settings(max_examples=60, deadline=None)
    @given(st.integers(0, 10**12))
    def test_formatted_integers_read_back(self, number: int) -> None:
        """A number written with thousands separators is read back exactly."""
        [expression] = read_numbers(f"some {number:,} people")
        assert expression.numbers == (float(number),)
        assert quantity_problem(Quantity(value=number), f"exactly {number:,} people") is None

    @settings(max_examples=60, deadline=None)
    @given(st.text(max_size=80))
    def test_any_text_is_read_without_error(self, text: str) -> None:
        """Reading numbers never raises, whatever the text."""
        for expression in read_numbers(text):
            assert expression.numbers
