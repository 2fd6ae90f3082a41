"""Schema and integrity findings: messages a person can act on, at the right place."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack.findings import Finding, pointer


def _check(text: str, name: str = "f.yaml") -> list[Finding]:
    """The error findings of a text (sourcing flags are tested in tests/unit/lint)."""
    document = claimtrack.io.load_bytes(textwrap.dedent(text).encode(), name)
    findings = claimtrack.check(document).findings
    return [f for f in findings if f.severity is claimtrack.Severity.ERROR]


HEAD = """\
version: 1
document: {id: doc, title: T}
"""


class TestSchemaFindings:
    """Schema errors become findings with suggestions."""

    def test_all_errors_are_reported_at_once(self) -> None:
        """Several schema errors in one file are all reported, sorted by position."""
        findings = _check(
            HEAD
            + """\
            claims:
              - id: Bad Id
                text: ""
                kind: event
                anchor: {exact: x}
                status: verified
            """.replace("            ", "")
        )
        assert [f.code for f in findings] == ["E113", "E113", "E113"]
        assert [f.location.line for f in findings] == [4, 5, 8]

    def test_unknown_enum_value_suggests_the_nearest(self) -> None:
        """A misspelt enum value is answered with the closest valid one."""
        findings = _check(HEAD + "claims:\n  - {id: c, text: t, kind: qoute, anchor: {exact: x}}\n")
        assert findings[0].hint == "Did you mean 'quote'?"

    def test_unknown_field_suggests_the_nearest(self) -> None:
        """A misspelt field name is answered with the closest known field, at the key."""
        findings = _check(
            HEAD + "claims:\n  - {id: c, text: t, kind: event, anchor: {exact: x}, stauts: x}\n"
        )
        assert findings[0].code == "E111"
        assert findings[0].hint == "Did you mean 'status'?"
        assert findings[0].location.pointer == "/claims/0/stauts"

    def test_missing_field_names_the_field_and_claim(self) -> None:
        """A missing required field is named, with the claim it belongs to."""
        findings = _check(HEAD + "claims:\n  - {id: c-1, text: t, kind: event}\n")
        assert findings[0].code == "E110"
        assert "'anchor'" in findings[0].message
        assert findings[0].location.claim_id == "c-1"

    def test_pointer_escapes_special_characters(self) -> None:
        """JSON pointers escape '~' and '/' in keys (RFC 6901)."""
        findings = _check(HEAD + "claims: []\nweird/key~: 1\n")
        assert findings[0].location.pointer == "/weird~1key~0"

    @given(st.lists(st.integers(0, 10**6) | st.text(alphabet="ab~/0", max_size=4), max_size=5))
    def test_pointer_escapes_each_token_as_rfc_6901_says(self, path: list[str | int]) -> None:
        """Each token is written with '~' as '~0' and '/' as '~1', after a '/' of its own."""
        expected = "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)
        assert pointer(path) == expected

    def test_number_written_as_text_gets_a_hint(self) -> None:
        """A quoted number in a numeric field is told to drop the quotes and commas."""
        findings = _check(
            HEAD + "claims:\n  - id: c\n    text: t\n    kind: quantity\n    anchor: {exact: x}\n"
            "    quantities: [{value: '2,000'}]\n"
        )
        assert findings[0].code == "E112"
        assert "without quotes" in (findings[0].hint or "")


class TestIntegrityFindings:
    """What the schema cannot say."""

    def test_duplicate_source_ids(self) -> None:
        """Two sources with one id are reported at the second, naming the first's line."""
        findings = _check(
            HEAD
            + "sources:\n  - {id: s, type: report, title: A}\n  - {id: s, type: report, title: B}\n"
        )
        assert [(f.code, f.location.line) for f in findings] == [("E201", 5)]
        assert "line 4" in findings[0].message

    def test_unknown_source_suggests_a_close_id(self) -> None:
        """A citation of a misspelt source id suggests the defined one."""
        findings = _check(
            HEAD + "sources:\n  - {id: reuters-1, type: report, title: A}\n"
            "claims:\n  - id: c\n    text: t\n    kind: event\n    anchor: {exact: x}\n"
            "    citations: [{source: reuter-1}]\n"
        )
        assert findings[0].code == "E203"
        assert findings[0].hint == "Did you mean 'reuters-1'?"

    def test_bounds_may_be_equal(self) -> None:
        """A range whose ends are equal is not inverted."""
        findings = _check(
            HEAD + "claims:\n  - id: c\n    text: t\n    kind: quantity\n    anchor: {exact: x}\n"
            "    quantities: [{low: 5, high: 5}, {lower_bound: 1, upper_bound: 2}]\n"
        )
        assert findings == []

    def test_period_within_one_month_is_not_inverted(self) -> None:
        """A period from 2024-12 to 2024-12-05 is valid: it may start on the 1st."""
        findings = _check(
            HEAD + "claims:\n  - id: c\n    text: t\n    kind: event\n    anchor: {exact: x}\n"
            "    dates: [{start: '2024-12', end: '2024-12-05'}]\n"
        )
        assert findings == []

    def test_leap_day_is_a_real_date(self) -> None:
        """29 February exists in leap years and not in others."""
        ok = _check(HEAD.replace("title: T}", "title: T, published: {date: '2024-02-29'}}"))
        bad = _check(HEAD.replace("title: T}", "title: T, published: {date: '2100-02-29'}}"))
        assert ok == []
        assert [f.code for f in bad] == ["E204"]

    def test_provenance_timestamps_are_calendar_checked(self) -> None:
        """An impossible day in a provenance timestamp is reported."""
        findings = _check(
            HEAD.replace("title: T}", "title: T, provenance: {recorded_at: '2024-04-31T10:00Z'}}")
        )
        assert [f.code for f in findings] == ["E204"]
