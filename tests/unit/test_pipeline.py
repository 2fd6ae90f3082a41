"""A file's findings come out in one deterministic order, each once, however the checks
produced them (in windows, across processes, twice by two checks)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.findings import Finding, Location, Severity
from claimtrack.pipeline import _ordered

_findings = st.builds(
    Finding,
    code=st.sampled_from(["F101", "F102", "E201"]),
    name=st.just("rule"),
    severity=st.sampled_from(list(Severity)),
    message=st.sampled_from(["a", "b"]),
    location=st.builds(
        Location,
        path=st.just("claims/a.yaml"),
        line=st.integers(1, 3),
        column=st.integers(1, 2),
        end_column=st.sampled_from([None, 5]),
        pointer=st.sampled_from(["", "/claims/0"]),
    ),
    hint=st.sampled_from([None, "do this"]),
)


@given(st.lists(_findings, max_size=30))
def test_each_finding_once_in_sort_order(findings: list[Finding]) -> None:
    ordered = _ordered(findings)
    assert set(ordered) == set(findings)
    assert len(ordered) == len(set(findings))
    keys = [finding.sort_key for finding in ordered]
    assert keys == sorted(keys)


@given(st.lists(_findings, max_size=30), st.randoms())
def test_order_does_not_depend_on_the_order_found(
    findings: list[Finding], rng: random.Random
) -> None:
    shuffled = list(findings)
    rng.shuffle(shuffled)
    assert [f.sort_key for f in _ordered(shuffled)] == [f.sort_key for f in _ordered(findings)]
