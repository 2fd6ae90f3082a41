"""Messages for the mistakes people make by hand: indentation, a missing enum field, a file
that is not there. Each says what went wrong in words and what to do."""

from __future__ import annotations

import pytest
import yaml

import claimtrack
from claimtrack.errors import LoadError
from claimtrack.findings import Finding
from claimtrack.io import yaml as yaml_module

_HEAD = "version: 1\ndocument:\n  id: a\n  title: t\nsources: []\nclaims:\n  - id: c\n"


def _findings(text: str) -> list[Finding]:
    with pytest.raises(LoadError) as caught:
        claimtrack.loads(text)
    return list(caught.value.findings)


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both YAML parsers PyYAML may use: their raw wordings differ, the findings must not."""
    if request.param == "python":
        monkeypatch.setattr(yaml_module, "_Parser", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


class TestIndentation:
    def test_key_indented_too_far(self, parser: str) -> None:
        """A key indented further than its siblings is named as an indentation mistake."""
        (finding,) = _findings("version: 1\ndocument:\n  id: a\n    title: b\n")
        assert (finding.code, finding.location.line) == ("E102", 4)
        assert "indented further" in finding.message
        assert "not allowed" not in finding.message
        assert finding.hint is not None
        assert "Indent each key" in finding.hint

    def test_key_indented_between_levels(self, parser: str) -> None:
        """A key that lines up with no mapping is said to be out of line, at its line."""
        (finding,) = _findings("version: 1\ndocument:\n    id: a\n  title: b\n")
        assert (finding.code, finding.location.line) == ("E102", 4)
        assert "does not line up" in finding.message
        assert "expected" not in finding.message

    def test_key_left_of_its_parent_names_the_parent(self) -> None:
        """A key written level with its empty parent gets a hint to indent it under it."""
        text = _HEAD + "    text: T.\n    kind: event\n    attribution:\n    specificity: named\n"
        by_code = {f.code: f for f in _findings(text)}
        unknown = by_code["E111"]
        assert unknown.hint is not None
        assert "indent 'specificity' under 'attribution'" in unknown.hint
        assert "null null" not in by_code["E112"].message

    def test_deep_nesting_the_parser_refuses_is_a_limit(self, parser: str) -> None:
        """Nesting the YAML parser itself refuses is the input limit E104, as documented."""
        (finding,) = _findings("a: " + "[" * 5000 + "]" * 5000 + "\n")
        assert finding.code == "E104"


class TestMissingEnum:
    def test_missing_kind_lists_the_kinds(self) -> None:
        """A missing field whose values the schema fixes lists every one of them."""
        text = _HEAD + "    text: T.\n    anchor: {exact: T}\n"
        (finding,) = (f for f in _findings(text) if f.code == "E110")
        assert finding.hint is not None
        for kind in ("quantity", "event", "quote", "relation", "characterization", "assessment"):
            assert kind in finding.hint
