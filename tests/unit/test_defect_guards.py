"""Behaviours that once broke with the whole suite still green; each test here fails when
its behaviour does (each was checked by making the defect on purpose)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import claimtrack
from claimtrack.anchor import find_all
from claimtrack.model import Quantity
from claimtrack.render.links import safe_url
from claimtrack.schema import load_schema


def _claim_file(tmp_path: Path, snapshot: str, claims: str, sources: str = "sources: []\n") -> Path:
    """A claim file in ``tmp_path`` over ``snapshot``, with the snapshot's real hash."""
    (tmp_path / "claimtrack.toml").write_text("")
    (tmp_path / "snapshot.txt").write_text(snapshot, encoding="utf-8")
    digest = hashlib.sha256(snapshot.encode("utf-8")).hexdigest()
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\ndocument:\n  id: d\n  title: T\n"
        f"  snapshot: {{path: snapshot.txt, sha256: {digest}}}\n{sources}claims:\n{claims}",
        encoding="utf-8",
    )
    return path


def _codes(path: Path) -> list[str]:
    return [finding.code for finding in claimtrack.check([path]).findings]


class TestOverlappingQuotes:
    def test_find_all_counts_overlapping_occurrences(self) -> None:
        """Occurrences that overlap are each found ("aa" stands three times in "aaaa")."""
        assert [m.start for m in find_all("aaaa", "aa")] == [0, 1, 2]

    def test_overlapping_quote_is_ambiguous(self, tmp_path: Path) -> None:
        """A quote standing twice, overlapping itself, is E221 when nothing picks one."""
        path = _claim_file(
            tmp_path,
            "They said no, no, no to the plan.\n",
            "  - {id: c, text: They refused., kind: event, check_worthy: false,"
            ' anchor: {exact: "no, no"}}\n',
        )
        assert "E221" in _codes(path)


class TestContextWithOffsets:
    def test_right_offsets_with_a_wrong_prefix_are_refused(self, tmp_path: Path) -> None:
        """Offsets that select the quote do not excuse a prefix that is not before it."""
        path = _claim_file(
            tmp_path,
            "The mayor resigned in May.\n",
            "  - {id: c, text: The mayor resigned., kind: event, check_worthy: false,"
            ' anchor: {exact: "resigned", start: 10, end: 18, prefix: "governor "}}\n',
        )
        assert _codes(path) == ["E223"]

    def test_right_offsets_with_a_wrong_suffix_are_refused(self, tmp_path: Path) -> None:
        """Offsets that select the quote do not excuse a suffix that is not after it."""
        path = _claim_file(
            tmp_path,
            "The mayor resigned in May.\n",
            "  - {id: c, text: The mayor resigned., kind: event, check_worthy: false,"
            ' anchor: {exact: "resigned", start: 10, end: 18, suffix: " in June"}}\n',
        )
        assert _codes(path) == ["E223"]

    def test_right_offsets_and_context_pass(self, tmp_path: Path) -> None:
        """The same anchor with its true prefix and suffix is placed (the test's control)."""
        path = _claim_file(
            tmp_path,
            "The mayor resigned in May.\n",
            "  - {id: c, text: The mayor resigned., kind: event, check_worthy: false,"
            ' anchor: {exact: "resigned", start: 10, end: 18, prefix: "mayor ",'
            ' suffix: " in May"}}\n',
        )
        assert _codes(path) == []


_SOURCES = (
    "sources:\n"
    "  - {id: denial, type: article-newspaper, title: Ministry denies the report,"
    " issued: '2024-12-08', url: 'https://news.example.org/denial'}\n"
)
_VAGUE = (
    "  - id: c\n    text: Officials say the army withdrew.\n    kind: event\n"
    "    anchor: {exact: officials say the army withdrew}\n"
    "    attribution: {specificity: vague, asserted_by: officials}\n"
    "    dates: [{date: '2024-12-07'}]\n"
)


class TestByWhom:
    @pytest.mark.parametrize(("stance", "flagged"), [("disputes", True), ("supports", False)])
    def test_disputing_citation_does_not_name_the_speaker(
        self, tmp_path: Path, stance: str, flagged: bool
    ) -> None:
        """F102 stays when the only attribution citation disputes it; a supporting one
        clears it."""
        citation = f"{{source: denial, stance: {stance}, backs: attribution}}"
        claims = _VAGUE + f"    citations: [{citation}]\n"
        snapshot = "Reports: officials say the army withdrew.\n"
        path = _claim_file(tmp_path, snapshot, claims, _SOURCES)
        assert ("F102" in _codes(path)) is flagged


_QUANTITY_SCHEMA = {"$defs": load_schema()["$defs"], "$ref": "#/$defs/Quantity"}
_FORMS = ("value", "low", "high", "lower_bound", "upper_bound")


class TestQuantityAgreement:
    def test_empty_quantity_is_refused_by_the_model(self) -> None:
        """A quantity with no number is refused by the model, as the schema refuses it."""
        assert not Draft202012Validator(_QUANTITY_SCHEMA).is_valid({"unit": "people"})
        with pytest.raises(ValueError, match="exactly one of"):
            Quantity(unit="people")

    @given(st.sets(st.sampled_from(_FORMS)), st.integers(0, 10**6))
    def test_model_and_schema_accept_the_same_forms(self, forms: set[str], number: int) -> None:
        """For every mix of value, range and bounds, the model and the schema agree."""
        data = dict.fromkeys(sorted(forms), number)
        try:
            Quantity(**data)  # type: ignore[arg-type]
        except ValueError:
            accepted = False
        else:
            accepted = True
        assert accepted is Draft202012Validator(_QUANTITY_SCHEMA).is_valid(data), data


class TestLinks:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript://example.org/%0Aalert(1)",
            "JavaScript://example.org/x",
            "data://example.org/text",
            "vbscript://example.org/x",
            "file://example.org/etc/passwd",
        ],
    )
    def test_scheme_with_a_host_is_not_a_link(self, url: str) -> None:
        """A URL with a host but not http(s) is never rendered as a link."""
        assert safe_url(url) is None

    def test_http_with_a_host_is_a_link(self) -> None:
        """The control: an https URL with a host is kept."""
        assert safe_url("https://example.org/a") == "https://example.org/a"
