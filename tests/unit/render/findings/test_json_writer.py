"""The JSON report is the standard library's indented JSON, whichever writer wrote it."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.findings import Finding, Location, Severity
from claimtrack.render.findings.json import render_json
from claimtrack.results import FileResult

# Any text, lone surrogates included (a file name that is not UTF-8 keeps its bytes so).
_TEXT = st.text(st.characters(exclude_categories=()), max_size=12)
_FINDINGS = st.builds(
    Finding,
    code=st.sampled_from(["E103", "F101", "F108"]),
    name=_TEXT,
    severity=st.sampled_from(list(Severity)),
    message=_TEXT,
    location=st.builds(
        Location,
        path=_TEXT,
        line=st.integers(1, 10**6),
        column=st.integers(1, 10**6),
        end_line=st.none() | st.integers(1, 10**6),
        end_column=st.none() | st.integers(1, 10**6),
        pointer=_TEXT,
        claim_id=st.none() | _TEXT,
    ),
    hint=st.none() | _TEXT,
)


class TestJsonWriter:
    @given(st.lists(st.tuples(_TEXT, st.lists(_FINDINGS, max_size=4)), max_size=3))
    def test_the_report_is_byte_for_byte_the_standard_librarys(
        self, files: list[tuple[str, list[Finding]]]
    ) -> None:
        """Any findings, any characters: the report reads exactly as json.dumps with
        indent=2 and ensure_ascii=False writes it, so consumers see no change of writer."""
        results = [FileResult(path=path, findings=tuple(found)) for path, found in files]
        text = render_json(results)
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
