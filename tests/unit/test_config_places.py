"""Configuration errors about a key or its value start with FILE:LINE:COL of that key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimtrack.config import load_config
from claimtrack.errors import ConfigError

# (body of claimtrack.toml, the place the error must name, words it must hold)
CASES = [
    (
        "fail-level = 'error'\nselekt = ['F1']\n",
        "2:1",
        "selekt: unknown key; did you mean 'select'",
    ),
    ("ignore = 3\n", "1:10", "ignore: expected a list of strings"),
    ("select = [\n  'F1',\n  7,\n]\n", "3:3", "select: expected a list of strings"),
    ("select = ['F1', \"F999\"]\n", "1:17", "select: unknown rule 'F999'"),
    ("# a = 1\nextend-select = ['F1',\n  'nope']\n", "3:3", "extend-select: unknown rule 'nope'"),
    ("ignore = 'F9'\n", "1:10", "ignore: unknown rule 'F9'"),
    ("severity = { F106 = 'info', F999 = 'info' }\n", "1:29", "severity: unknown rule 'F999'"),
    ("[severity]\nF106 = 'loud'\n", "2:8", "severity: unknown severity 'loud'"),
    ("[severity]\nE101 = 'info'\n", "2:1", "severity: 'E101' is an error"),
    ("severity = 'F106'\n", "1:12", "severity: expected a table"),
    ('fail-level = "fatal"  # = x\n', "1:14", "fail-level: unknown level 'fatal'"),
    ("max-depth = 0\n", "1:13", "max-depth: must be between 1 and 1000"),
    ("max-file-size = 'lots'\n", "1:17", 'max-file-size: expected "512 MiB"'),
    ("docs-url = 'ftp://x'\n", "1:12", "docs-url: expected an absolute http(s) URL"),
    ("reviewer-type = 'Robot'\n", "1:17", "reviewer-type: unknown type 'Robot'"),
    ("reviewer = ''\n", "1:12", "reviewer: expected a non-empty string"),
    ("sources = ['a/*.yaml', ' ']\n", "1:24", "sources: expected a list of glob patterns"),
    ("baseline = 3\n", "1:12", "baseline: expected a file path"),
]


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _message(path: Path) -> str:
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return str(raised.value)


class TestClaimtrackToml:
    @pytest.mark.parametrize(("body", "place", "said"), CASES)
    def test_the_error_names_the_place(
        self, tmp_path: Path, body: str, place: str, said: str
    ) -> None:
        """Each kind of bad key or value is reported at its line and column."""
        path = _write(tmp_path / "claimtrack.toml", body)
        message = _message(path)
        assert message.startswith(f"{path.as_posix()}:{place}: {said}"), message

    def test_crlf_and_a_byte_order_mark(self, tmp_path: Path) -> None:
        """A file saved with CRLF line ends and a byte order mark is read, and placed right."""
        path = _write(tmp_path / "claimtrack.toml", "\ufeffselect = ['F1']\r\nfail-level = 'x'\r\n")
        assert _message(path).startswith(f"{path.as_posix()}:2:14: fail-level: unknown level")
        _write(path, "\ufeffselect = ['F1']\r\n")
        assert load_config(path).select == ("F1",)

    def test_sources_patterns_have_their_places(self, tmp_path: Path) -> None:
        """Each sources pattern carries the line and column it is written at."""
        path = _write(
            tmp_path / "claimtrack.toml",
            "# sources = ['x']\nsources = [\n  'lib/*.yaml', # 'y'\n  \"more/*.json\",\n]\n",
        )
        places = [(s.pattern, s.line, s.column) for s in load_config(path).sources]
        assert places == [("lib/*.yaml", 3, 3), ("more/*.json", 4, 3)]

    def test_syntax_errors_name_the_place(self, tmp_path: Path) -> None:
        """A TOML syntax error starts with FILE:LINE:COL and says what to do."""
        path = _write(tmp_path / "claimtrack.toml", "select = ['F1']\nfail-level = \n")
        message = _message(path)
        assert message.startswith(f"{path.as_posix()}:2:14: not valid TOML: ")
        assert message.endswith("correct the TOML at that place")


class TestTopLevel:
    @pytest.mark.parametrize(
        ("body", "place"),
        [
            ("tool = 3\nselect = ['F1']\n", "1:1"),
            ("select = ['F1']\n[tool.claimtrack]\nignore = ['F2']\n", "2:2"),
            ("[tool.claimtrack]\nselect = ['F1']\n[tool.ruff]\nline-length = 3\n", "1:2"),
            ("[project]\nname = 'x'\n", "1:2"),
        ],
    )
    def test_other_content_is_an_unknown_key(self, tmp_path: Path, body: str, place: str) -> None:
        """Anything in claimtrack.toml but its keys is an error at its place, not passed over."""
        path = _write(tmp_path / "claimtrack.toml", body)
        message = _message(path)
        assert message.startswith(f"{path.as_posix()}:{place}: "), message
        assert "unknown key" in message

    def test_a_tool_claimtrack_table_alone_is_read(self, tmp_path: Path) -> None:
        """A claimtrack.toml holding only a [tool.claimtrack] table (as pyproject.toml
        would) is read, and its errors name the prefixed key."""
        path = _write(tmp_path / "claimtrack.toml", "[tool.claimtrack]\nselect = ['F1']\n")
        assert load_config(path).select == ("F1",)
        _write(path, "[tool.claimtrack]\nselect = ['F1']\nfail-level = 'x'\n")
        assert _message(path).startswith(f"{path.as_posix()}:3:14: tool.claimtrack.fail-level")


class TestPyproject:
    @pytest.mark.parametrize(
        ("body", "place"),
        [
            ("[project]\nname = 'x'\n\n[tool.claimtrack]\nselect = ['F999']\n", "5:11"),
            ("tool.claimtrack.select = ['F1', 'F999']\n", "1:33"),
            ("[tool]\nclaimtrack = { select = ['F999'] }\n", "2:26"),
            ("[tool]\nclaimtrack.'select' = [\n  'F999',\n]\n", "3:3"),
        ],
    )
    def test_select_in_each_form(self, tmp_path: Path, body: str, place: str) -> None:
        """The table, dotted keys and an inline table all give the element's place."""
        path = _write(tmp_path / "pyproject.toml", body)
        message = _message(path)
        assert message.startswith(
            f"{path.as_posix()}:{place}: tool.claimtrack.select: unknown rule 'F999'"
        ), message

    def test_unknown_key_in_an_inline_table(self, tmp_path: Path) -> None:
        """An unknown key in the inline-table form is placed at the key."""
        path = _write(tmp_path / "pyproject.toml", '[tool]\nclaimtrack = {selekt = ["F1"]}\n')
        assert _message(path).startswith(f"{path.as_posix()}:2:15: tool.claimtrack.selekt:")

    def test_not_a_table(self, tmp_path: Path) -> None:
        """tool.claimtrack that is not a table is placed at its key."""
        path = _write(
            tmp_path / "pyproject.toml", "[project]\nname = 'x'\n[tool]\nclaimtrack = 3\n"
        )
        assert _message(path).startswith(f"{path.as_posix()}:4:1: tool.claimtrack must be a table")


class TestBaseline:
    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    @pytest.mark.parametrize("kind", ["folder", "fifo"])
    def test_a_baseline_that_cannot_be_read_names_the_key(self, tmp_path: Path, kind: str) -> None:
        """A configured baseline that is a folder or a FIFO is an error at the key's place,
        read without blocking."""
        from claimtrack.config import load_configured_baseline

        target = tmp_path / "base"
        target.mkdir() if kind == "folder" else os.mkfifo(target)
        path = _write(tmp_path / "claimtrack.toml", "select = ['F1']\nbaseline = 'base'\n")
        config = load_config(path)
        with pytest.raises(ConfigError) as raised:
            load_configured_baseline(config)
        message = str(raised.value)
        assert message.startswith(f"{path.as_posix()}:2:12: baseline: "), message
        assert "not a regular file" in message
        assert "--no-baseline" in message
