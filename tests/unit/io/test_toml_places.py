"""Finding where a key or a value is written in TOML text (io.toml_places)."""

from __future__ import annotations

import json
import random
import string
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.io.toml_places import scan_places


def _at(text: str, *path: str | int) -> tuple[int, int] | None:
    return scan_places(text).at(path)


class TestKeys:
    def test_a_key_in_a_table_header(self) -> None:
        """A key under [tool.claimtrack] is found where it is written."""
        text = '[project]\nname = "x"\n\n[tool.claimtrack]\nselect = ["F1"]\n'
        assert _at(text, "tool", "claimtrack", "select") == (5, 1)
        assert _at(text, "tool", "claimtrack") == (4, 7)

    def test_strings_holding_syntax_are_passed_over(self) -> None:
        """A #, =, [ or quote inside any kind of string is not taken for syntax."""
        text = (
            'a = "# not = a [comment] \\" "  # select = 1\n'
            "b = 'x = [y] #'\n"
            'c = """\nselect = ["F1"]\n# "" still inside\n"""\n'
            "d = '''\n[tool.claimtrack]\n'''\n"
            "select = 1\n"
        )
        assert tomllib.loads(text)["select"] == 1
        assert _at(text, "select") == (10, 1)

    def test_quoted_and_dotted_keys(self) -> None:
        """A quoted key is found by its value, a dotted key by each of its parts."""
        text = 'tool . "claim\\u0074rack".\'fail-level\' = "error"\n"a.b" = 1\n'
        assert tomllib.loads(text)["tool"]["claimtrack"]["fail-level"] == "error"
        assert _at(text, "tool") == (1, 1)
        assert _at(text, "tool", "claimtrack") == (1, 8)
        assert _at(text, "tool", "claimtrack", "fail-level") == (1, 26)
        assert _at(text, "a.b") == (2, 1)

    def test_inline_tables(self) -> None:
        """Keys inside an inline table, nested or not, have their own places."""
        text = '[tool]\nclaimtrack = { select = ["F1"], severity = { F106 = "info" } }\n'
        assert _at(text, "tool", "claimtrack") == (2, 1)
        assert _at(text, "tool", "claimtrack", "select") == (2, 16)
        assert _at(text, "tool", "claimtrack", "severity", "F106") == (2, 46)
        assert scan_places(text).value(("tool", "claimtrack", "severity", "F106")) == (2, 53)

    def test_array_elements_over_many_lines(self) -> None:
        """Each element of an array written over many lines, with comments, is found."""
        text = 'select = [\n  "F1",  # first, ] = [\n\n  "F2", [1, 2],\n  "F3",\n]\n'
        assert _at(text, "select", 0) == (2, 3)
        assert _at(text, "select", 1) == (4, 3)
        assert _at(text, "select", 2, 1) == (4, 13)
        assert _at(text, "select", 3) == (5, 3)

    def test_crlf_and_a_byte_order_mark(self) -> None:
        """CRLF line ends do not shift columns; a byte order mark is not a column."""
        text = "\ufeffselect = [\"F1\"]\r\n[tool]\r\n  ignore = ['F2']\r\n"
        assert _at(text, "select") == (1, 1)
        assert _at(text, "select", 0) == (1, 11)
        assert _at(text, "tool", "ignore") == (3, 3)
        assert _at(text, "tool", "ignore", 0) == (3, 13)

    def test_arrays_of_tables(self) -> None:
        """Each entry of an array of tables has its index in the path."""
        text = "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n"
        assert _at(text, "a", 0, "x") == (2, 1)
        assert _at(text, "a", 1, "x") == (4, 1)
        assert _at(text, "a", 1, "b", "y") == (6, 1)

    def test_a_missing_place_is_none(self) -> None:
        """A path the text does not hold has no place."""
        assert _at("a = 1\n", "b") is None
        assert _at("a = [1]\n", "a", 3) is None

    @pytest.mark.parametrize("text", ["a = \n", "[a\n", 'a = "x\n', "= 1", "a = [1,\n", "\ufeff"])
    def test_text_that_is_not_toml_never_raises(self, text: str) -> None:
        """Broken text gives what could be found, never an exception."""
        scan_places(text)
        assert _at("a = 1\nb = [\n", "a") == (1, 1)


# --- a dumper that records where it writes each key ------------------------------------

_BARE = string.ascii_letters + string.digits + "_-"
_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | (
    st.sampled_from("#=[]{}.,\"'\\\n\t ")
)
_keys = st.from_regex(r"[A-Za-z0-9_-]{1,6}", fullmatch=True) | st.text(_chars, max_size=6)
_scalars = st.integers(-(10**6), 10**6) | st.booleans() | st.text(_chars, max_size=12)
_values = _scalars | st.lists(_scalars | st.lists(_scalars, max_size=2), max_size=4)
_tables = st.recursive(
    st.dictionaries(_keys, _values, max_size=4),
    lambda inner: st.dictionaries(_keys, _values | inner, max_size=4),
    max_leaves=14,
)


class _Dumper:
    """Writes a table as TOML in a drawn mix of forms, noting the offset of each key."""

    def __init__(self, rnd: random.Random, newline: str) -> None:
        self.rnd = rnd
        self.nl = newline
        self.parts: list[str] = []
        self.size = 0
        self.offsets: dict[tuple[str | int, ...], int] = {}

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def mark(self, path: tuple[str | int, ...]) -> None:
        self.offsets.setdefault(path, self.size)

    def key(self, path: tuple[str | int, ...]) -> None:
        name = str(path[-1])
        self.mark(path)
        if name and all(c in _BARE for c in name) and self.rnd.random() < 0.8:
            self.write(name)
        elif "'" not in name and "\n" not in name and "\t" not in name and self.rnd.random() < 0.5:
            self.write(f"'{name}'")
        else:
            self.write(json.dumps(name, ensure_ascii=False))

    def comment(self) -> None:
        if self.rnd.random() < 0.3:
            self.write(' # a = [1, "x" ] {#}')

    def string(self, value: str) -> None:
        roll = self.rnd.random()
        if roll < 0.2 and "'" not in value and "\n" not in value and "\t" not in value:
            self.write(f"'{value}'")
        elif roll < 0.4 and "'''" not in value and not value.endswith("'") and "\t" not in value:
            self.write("'''" + self.nl + value.replace("\n", self.nl) + "'''")
        else:
            self.write(json.dumps(value, ensure_ascii=False))

    def value(self, value: Any, path: tuple[str | int, ...]) -> None:
        if path and isinstance(path[-1], int):
            self.mark(path)
        if isinstance(value, bool):
            self.write("true" if value else "false")
        elif isinstance(value, int):
            self.write(str(value))
        elif isinstance(value, str):
            self.string(value)
        elif isinstance(value, list):
            many = self.rnd.random() < 0.5
            self.write("[")
            for index, item in enumerate(value):
                self.write(self.nl + "  " if many else ("" if index == 0 else " "))
                self.value(item, (*path, index))
                self.write(",")
                if many:
                    self.comment()
            self.write(self.nl + "]" if many else "]")
        else:
            self.write("{")
            for index, (name, item) in enumerate(value.items()):
                self.write(", " if index else " ")
                self.key((*path, name))
                self.write(" = ")
                self.value(item, (*path, name))
            self.write(" }")

    def pairs(self, table: dict[str, Any], base: tuple[str | int, ...]) -> None:
        headers = []
        for name, value in table.items():
            path = (*base, name)
            if isinstance(value, dict) and self.rnd.random() < 0.4:
                headers.append((path, value))
            elif isinstance(value, dict) and value and self.rnd.random() < 0.5:
                self.dotted(base, [name], value)
            else:
                self.key(path)
                self.write(" = ")
                self.value(value, path)
                self.comment()
                self.write(self.nl)
        for path, value in headers:
            self.write(self.nl + "[")
            for number in range(len(path)):
                self.write("." if number else "")
                self.key(path[: number + 1])
            self.write("]")
            self.comment()
            self.write(self.nl)
            self.pairs(value, path)

    def dotted(self, base: tuple[str | int, ...], names: list[str], table: dict[str, Any]) -> None:
        for name, value in table.items():
            if isinstance(value, dict) and value and self.rnd.random() < 0.5:
                self.dotted(base, [*names, name], value)
                continue
            full = [*names, name]
            for number in range(len(full)):
                self.write(" . " if number else "")
                self.key((*base, *full[: number + 1]))
            self.write(" = ")
            self.value(value, (*base, *full))
            self.write(self.nl)


def _place(text: str, offset: int, bom: bool) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column - (1 if bom and line == 1 else 0)


class TestDumpedTables:
    @given(_tables, st.randoms(use_true_random=False), st.booleans(), st.booleans())
    def test_each_key_is_found_where_its_text_begins(
        self, table: dict[str, Any], rnd: random.Random, crlf: bool, bom: bool
    ) -> None:
        """For any table dumped to TOML, each key's place is where the key is written."""
        dumper = _Dumper(rnd, "\r\n" if crlf else "\n")
        dumper.pairs(table, ())
        body = "".join(dumper.parts)
        parsed = tomllib.loads(body)
        if not crlf:
            assert parsed == table
        text = ("\ufeff" if bom else "") + body
        places = scan_places(text)
        for path, offset in dumper.offsets.items():
            assert places.at(path) == _place(text, offset + bom, bom), (path, text)
