"""Corrupted claim files give findings, never exceptions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.io.load import load_bytes
from tests import strategies
from tests.conftest import FIXTURES

SEED = (FIXTURES / "claims" / "valid" / "full.yaml").read_bytes()


@st.composite
def corrupted(draw: st.DrawFn, base: bytes) -> bytes:
    """Bytes of a file after a few random cuts, insertions and replacements."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut", "insert", "replace", "truncate"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "cut":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "insert":
            data[position:position] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [b"\t", b": ", b"- ", b"{", b"]", b"&a ", b"*a", b"!!str ", b'"', b"\n  "]
                    ),
                )
            )
        elif action == "replace" and data:
            data[position] = draw(st.integers(0, 255))
        else:
            del data[position:]
    return bytes(data)


class TestCorruption:
    """Damaged files."""

    @settings(max_examples=150)
    @given(corrupted(SEED))
    def test_damaged_yaml_never_raises(self, data: bytes) -> None:
        """Checking a damaged YAML file returns findings or none, and never raises."""
        for name in ("damaged.yaml", "damaged.json"):
            try:
                document = load_bytes(data, name)
            except claimtrack.LoadError as error:
                assert error.findings
                continue
            result = claimtrack.check(document)
            for finding in result.findings:
                assert finding.location.line >= 1
                assert finding.message

    @settings(max_examples=60)
    @given(claim_file=strategies.claim_files, data=st.data())
    def test_damaged_json_never_raises(
        self, claim_file: claimtrack.ClaimFile, data: st.DataObject
    ) -> None:
        """Damaging the JSON text of any valid record gives findings, never an exception."""
        text = claimtrack.dumps(claim_file, "json").encode()
        damaged = data.draw(corrupted(text))
        try:
            document = load_bytes(damaged, "x.json")
        except claimtrack.LoadError as error:
            assert error.findings
            return
        claimtrack.check(document)
