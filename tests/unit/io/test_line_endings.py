"""Line and column are right under every line-ending convention YAML and JSON allow, and
characters that YAML 1.1 alone counts as line breaks (NEL, U+2028, U+2029) do not shift
the lines after them."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtrack

_YAML = 'version: 1{eol}document: {{id: d, title: "a{odd}b"}}{eol}sources: []{eol}claims: 5{eol}'
_JSON = '{{"version": 1,{eol}"document": {{"id": "d", "title": "a{odd}b"}},{eol}"claims": 5}}'
_ODD = ["", "\x85", "\u2028", "\u2029", "\\u2028"]


def _claims_finding(tmp_path: Path, name: str, text: str) -> tuple[int, int]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    (finding,) = [f for f in claimtrack.check([path]).findings if f.location.pointer == "/claims"]
    return finding.location.line, finding.location.column


class TestLineEndings:
    """The finding on ``claims: 5`` is on the fourth (YAML) or third (JSON) line."""

    @pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
    @pytest.mark.parametrize("odd", _ODD)
    def test_yaml(self, tmp_path: Path, eol: str, odd: str) -> None:
        """YAML: LF, CRLF and CR end lines; NEL and the separators inside a quoted scalar
        do not."""
        text = _YAML.format(eol=eol, odd=odd)
        assert _claims_finding(tmp_path, "f.yaml", text) == (4, 9)

    @pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
    @pytest.mark.parametrize("odd", _ODD)
    def test_json(self, tmp_path: Path, eol: str, odd: str) -> None:
        """JSON: LF, CRLF and CR end lines, whatever the strings hold."""
        text = _JSON.format(eol=eol, odd=odd)
        assert _claims_finding(tmp_path, "f.json", text) == (3, 11)

    @pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
    def test_json_syntax_error(self, tmp_path: Path, eol: str) -> None:
        """A syntax error on the third line is reported there in every convention."""
        path = tmp_path / "f.json"
        path.write_bytes(f'{{"version": 1,{eol}"a": 2,{eol}"b": ]}}'.encode())
        (finding,) = claimtrack.check([path]).findings
        assert (finding.code, finding.location.line, finding.location.column) == ("E102", 3, 6)

    @pytest.mark.parametrize("odd", ["\x85", "\u2028", "\u2029"])
    def test_yaml_syntax_error_after_a_separator(self, tmp_path: Path, odd: str) -> None:
        """A YAML syntax error after a separator in a quoted scalar keeps its line."""
        path = tmp_path / "f.yaml"
        path.write_bytes(f'version: 1\ntitle: "a{odd}b"\nx: [1\n'.encode())
        (finding,) = claimtrack.check([path]).findings
        assert finding.code == "E102"
        assert finding.location.line == 4
