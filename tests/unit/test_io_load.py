"""Loading claim files: positions, formats, and every kind of bad input as one clear finding."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claimtrack.errors import InputLimitError, LoadError
from claimtrack.io.load import Format, Limits, detect_format, load_bytes, load_path


def _error(data: bytes, name: str = "f.yaml", **kwargs: object) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_bytes(data, name, **kwargs)  # type: ignore[arg-type]
    return caught.value


class TestPositions:
    """Where values stand."""

    def test_yaml_value_and_key_positions(self) -> None:
        """A YAML value's span and its key's span are 1-based line and column."""
        doc = load_bytes(b"version: 1\ndocument:\n  id: doc\n  title: T\n", "f.yaml")
        assert doc.location(("document", "title")).line == 4
        assert doc.location(("document", "title")).column == 10
        assert doc.location(("document", "title"), key=True).column == 3

    def test_json_positions_are_computed_on_demand(self) -> None:
        """A JSON value's position is found by scanning, escapes and nesting included."""
        text = b'{\n  "version": 1,\n  "document": {"id": "d\\"x", "title": "T"}\n}\n'
        doc = load_bytes(text, "f.json")
        location = doc.location(("document", "title"))
        assert (location.line, location.column) == (3, 39)
        assert doc.location(("document", "id"), key=True).column == 16

    def test_missing_path_points_at_the_nearest_value(self) -> None:
        """A path the file lacks is located at its deepest existing ancestor."""
        doc = load_bytes(b"version: 1\ndocument:\n  id: doc\n", "f.yaml")
        assert doc.location(("document", "title")).line == 3

    def test_claim_id_is_attached_to_locations_inside_a_claim(self) -> None:
        """Locations inside claims/N carry that claim's id."""
        doc = load_bytes(b"claims:\n  - id: c-1\n    text: t\n", "f.yaml")
        assert doc.location(("claims", 0, "text")).claim_id == "c-1"
        assert doc.location(("claims", 3)).claim_id is None


class TestYamlScalars:
    """Plain scalars resolve as JSON would read them (YAML 1.2 core)."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("1", 1),
            ("-2", -2),
            ("0x1F", 31),
            ("2.5", 2.5),
            ("1e3", 1000.0),
            ("true", True),
            ("False", False),
            ("null", None),
            ("~", None),
            ("yes", "yes"),
            ("no", "no"),
            ("2024-12-08", "2024-12-08"),
            ("1_000", "1_000"),
            ("'1'", "1"),
        ],
    )
    def test_plain_scalar_resolution(self, text: str, value: object) -> None:
        """Each spelling resolves to the JSON value a reader expects."""
        doc = load_bytes(f"v: {text}\n".encode(), "f.yaml")
        assert doc.data["v"] == value
        assert type(doc.data["v"]) is type(value)


class TestBadInput:
    """Every bad input is one finding with a position, never a traceback."""

    @pytest.mark.parametrize(
        ("data", "name", "code", "line"),
        [
            (b"\xef\xbb\xbfversion: 1\n", "f.yaml", "E101", 1),
            (b"\xff\xfev\x00", "f.yaml", "E101", 1),
            (b"a: 1\nb: \xc3\x28\n", "f.yaml", "E101", 2),
            (b"a:\n\tb: 1\n", "f.yaml", "E102", 2),
            (b"a: [1, 2\n", "f.yaml", "E102", 2),
            (b"a: 1\na: 2\n", "f.yaml", "E103", 2),
            (b'{"a": 1,\n "a": 2}', "f.json", "E103", 2),
            (b"a: .inf\n", "f.yaml", "E105", 1),
            (b'{"a": NaN}', "f.json", "E105", 1),
            (b'{"a": -Infinity}', "f.json", "E105", 1),
            (b"? [a, b]\n: 1\n", "f.yaml", "E105", 1),
            (b"1: x\n", "f.yaml", "E105", 1),
            (b"null: x\n", "f.yaml", "E105", 1),
            (b"a: !!python/object/apply:os.system [ls]\n", "f.yaml", "E105", 1),
            (b"", "f.yaml", "E106", 1),
            (b"   \n", "f.json", "E106", 1),
            (b"- 1\n- 2\n", "f.yaml", "E106", 1),
            (b'"text"', "f.json", "E106", 1),
            (b"a: *nowhere\n", "f.yaml", "E102", 1),
            (b"--- {a: 1}\n--- {b: 2}\n", "f.yaml", "E102", 2),
            (b"a: \x07\n", "f.yaml", "E102", 1),
        ],
    )
    def test_bad_input_is_one_positioned_finding(
        self, data: bytes, name: str, code: str, line: int
    ) -> None:
        """The loader raises LoadError carrying one finding with the code and line."""
        error = _error(data, name)
        assert [(f.code, f.location.line, f.location.path) for f in error.findings] == [
            (code, line, name)
        ]
        assert str(error).startswith(f"{name}:{line}:")

    @pytest.mark.parametrize(
        ("codec", "named"),
        [
            ("utf-16-le", "UTF-16"),
            ("utf-16-be", "UTF-16"),
            ("utf-32-le", "UTF-32"),
            ("utf-32-be", "UTF-32"),
        ],
    )
    def test_a_byte_order_mark_is_named_for_its_encoding(self, codec: str, named: str) -> None:
        """The message names the encoding the byte-order mark is of; UTF-32's (which begins
        as UTF-16's does) was called UTF-16's."""
        error = _error("\ufeffversion: 1\n".encode(codec))
        assert error.findings[0].message == f"the file starts with a {named} byte-order mark"

    def test_billion_laughs_is_refused(self) -> None:
        """Nested aliases that would expand to millions of values hit the alias limit."""
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
        error = _error(("\n".join(lines) + "\n").encode())
        assert isinstance(error, InputLimitError)
        assert error.findings[0].code == "E104"

    @pytest.mark.parametrize("name", ["f.yaml", "f.json"])
    def test_deep_nesting_is_refused(self, name: str) -> None:
        """Nesting thousands of levels deep is a limit finding, not a recursion crash."""
        error = _error(b"[" * 100_000 + b"]" * 100_000, name)
        assert error.findings[0].code in ("E104",)

    def test_size_limit(self) -> None:
        """A file over the byte limit is refused before parsing."""
        error = _error(b"a: 1\n" * 100, limits=Limits(max_bytes=50))
        assert isinstance(error, InputLimitError)

    @pytest.mark.parametrize("seed", range(20))
    def test_binary_garbage(self, seed: int) -> None:
        """Random bytes give a finding (encoding, syntax or shape), never an exception."""
        data = random.Random(seed).randbytes(2000)
        for name in ("f.yaml", "f.json"):
            try:
                load_bytes(data, name)
            except LoadError as error:
                assert error.findings[0].code in {"E101", "E102", "E103", "E105", "E106"}

    def test_truncated_files(self, fixtures: Path) -> None:
        """Every prefix of a valid file loads or gives one finding, never an exception."""
        data = (fixtures / "claims" / "valid" / "full.yaml").read_bytes()
        for end in range(0, len(data), 7):
            try:
                load_bytes(data[:end], "f.yaml")
            except LoadError as error:
                assert len(error.findings) == 1

    def test_unreadable_path(self, tmp_path: Path) -> None:
        """A missing file is E100 naming the path as given."""
        with pytest.raises(LoadError) as caught:
            load_path(tmp_path / "missing.yaml", name="missing.yaml")
        finding = caught.value.findings[0]
        assert (finding.code, finding.location.path) == ("E100", "missing.yaml")


class TestDetectFormat:
    """Choosing YAML or JSON."""

    @pytest.mark.parametrize(
        ("name", "text", "expected"),
        [
            ("a.json", None, Format.JSON),
            ("a.YML", None, Format.YAML),
            ("a.yaml", "{}", Format.YAML),
            ("<stdin>", ' {"a": 1}', Format.JSON),
            ("<stdin>", "a: 1", Format.YAML),
        ],
    )
    def test_detect_format(self, name: str, text: str | None, expected: Format) -> None:
        """The suffix decides; without one, a leading brace means JSON."""
        assert detect_format(name, text) is expected
