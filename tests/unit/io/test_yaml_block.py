"""The fast block YAML reader: equal to the reference on every real file, and hostile input
still decided by the reference loader, finding for finding."""

from __future__ import annotations

import random
import runpy
from pathlib import Path
from typing import Any

import pytest
from tests.property.test_yaml_loaders import assert_agree

import claimtrack.io.load as load_module
from claimtrack.errors import LoadError
from claimtrack.io.load import Limits, load_bytes
from claimtrack.io.yaml import YamlLimits, parse_yaml
from claimtrack.io.yaml_block import parse_block_yaml

ROOT = Path(__file__).resolve().parents[3]
YAML_FILES = [
    *sorted([*ROOT.joinpath("tests").rglob("*.yaml"), *ROOT.joinpath("tests").rglob("*.yml")]),
    ROOT / "claims" / "assad-fall-iran-syria.yaml",
]


class TestCorpus:
    """Every YAML file the project has reads alike through both loaders."""

    @pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(ROOT)))
    def test_each_repository_file_reads_alike(self, path: Path) -> None:
        """Each fixture and the record in claims/ give equal data and positions."""
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert_agree(text)

    def test_generated_benchmark_documents_take_the_fast_path(self) -> None:
        """The benchmark's documents are read by the fast reader, equal to the reference."""
        import yaml

        make_file = runpy.run_path(str(ROOT / "bench" / "generate.py"))["make_file"]
        rng = random.Random(7)
        for index in range(12):
            data, _ = make_file(rng, index, 1 + index * 3)
            text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
            assert assert_agree(text), f"document {index} fell back to the reference loader"

    def test_the_record_in_claims_takes_the_fast_path(self) -> None:
        """The project's real claim file (flow mappings, quoted keys, escapes) is read fast."""
        text = (ROOT / "claims" / "assad-fall-iran-syria.yaml").read_text(encoding="utf-8")
        assert assert_agree(text)

    def test_the_dispatch_gives_what_the_reference_gives(self) -> None:
        """load_bytes gives a fast-read file the same data and spans as the reference."""
        text = (ROOT / "tests/fixtures/claims/valid/full.yaml").read_text(encoding="utf-8")
        document = load_bytes(text.encode(), "full.yaml")
        data, root = parse_yaml(text)
        assert document.data == data
        assert document.positions.root == root


# Each is hostile, wrong, or YAML the fast reader leaves to the reference (flow collections
# with content, block scalars, escapes): it hands them over.
_HANDED_OVER = {
    "anchor and alias": "a: &x 1\nb: *x\n",
    "alias bomb": "a0: &a0 [x, x]\na1: &a1 [*a0, *a0]\na2: [*a1, *a1]\n",
    "tag": "a: !!python/object/apply:os.system [ls]\n",
    "local tag": "a: !thing 1\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate key in a claim": "claims:\n- id: c\n  id: d\n",
    "merge key": "a: 1\n<<: {b: 2}\n",
    "not finite": "a: .inf\n",
    "nan": "a: .nan\n",
    "integer key": "1: x\n",
    "null key": "null: x\n",
    "boolean key": "True: x\n",
    "quoted key": "'a': 1\n",
    "empty value": "a:\nb: 1\n",
    "empty item": "a:\n-\n- 1\n",
    "tab indentation": "a:\n\tb: 1\n",
    "tab in a value": "a: x\ty\n",
    "carriage returns": "a: 1\r\nb: 2\r\n",
    "lone carriage return": "a: 1\rb: 2\n",
    "NEL": "a: x\x85y\n",
    "line separator": "a: x\u2028y\n",
    "byte-order mark inside": "a: \ufeffx\n",
    "NUL": "a: x\x00\n",
    "bell": "a: \x07\n",
    "two documents": "--- {a: 1}\n--- {b: 2}\n",
    "document start": "---\na: 1\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "block scalar": "a: |\n  text\n",
    "folded scalar": "a: >\n  text\n",
    "flow over two lines": "a: [1,\n  2]\n",
    "flow with a trailing comma": "a: [1, ]\n",
    "flow with an empty value": "a: {b: , c: 1}\n",
    "flow with a colon in a value": "a: [http://example.org]\n",
    "flow pair in a list": "a: [b: 1]\n",
    "hexadecimal escape": 'a: "\\x41"\n',
    "unicode escape": 'a: "\\u00e9"\n',
    "surrogate escape": 'a: "\\ud800"\n',
    "colon in a plain value": "a: b: c\n",
    "unclosed quote": "a: 'x\n",
    "list at the top": "- a\n- b\n",
    "scalar at the top": "just text\n",
    "empty": "",
    "comments only": "# nothing\n",
    "over-indented key": "a: 1\n  b: 2\n",
    "item among keys": "a: 1\n- b\n",
    "nested list": "a:\n- - 1\n",
    "complex key": "? [a, b]\n: 1\n",
    "comment inside a plain value": "a: x\n  # c\n  y\n",
}


class TestHostileInput:
    """What the fast reader does not read goes to the reference loader."""

    @pytest.mark.parametrize("text", _HANDED_OVER.values(), ids=_HANDED_OVER.keys())
    def test_the_fast_reader_hands_it_over(self, text: str) -> None:
        """The fast reader returns None, so the reference reads or refuses it."""
        assert parse_block_yaml(text) is None

    @pytest.mark.parametrize("text", _HANDED_OVER.values(), ids=_HANDED_OVER.keys())
    def test_findings_are_the_reference_loaders(
        self, text: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """load_bytes gives the same data or the same findings as with the reference alone."""
        got = _outcome(text)
        monkeypatch.setattr(load_module, "parse_block_yaml", lambda text, limits: None)
        assert got == _outcome(text)

    def test_the_depth_limit_from_the_settings_holds(self) -> None:
        """A file nested deeper than max-depth is E104, as the reference reports it."""
        text = "".join(f"{'  ' * level}k{level}:\n" for level in range(6)) + "  " * 6 + "k: 1\n"
        assert parse_block_yaml(text, YamlLimits(max_depth=7)) is not None
        assert parse_block_yaml(text, YamlLimits(max_depth=6)) is None
        with pytest.raises(LoadError) as caught:
            load_bytes(text.encode(), "deep.yaml", limits=Limits(max_depth=6))
        assert [finding.code for finding in caught.value.findings] == ["E104"]


def _outcome(text: str) -> Any:
    try:
        document = load_bytes(text.encode("utf-8", errors="surrogatepass"), "f.yaml")
    except LoadError as error:
        return [(f.code, f.message, f.location.line, f.location.column) for f in error.findings]
    return document.data, document.positions.root


class TestScalars:
    """Plain and quoted scalars resolve and are placed as the reference does."""

    @pytest.mark.parametrize(
        "value",
        ["1", "-2", "0x1F", "0o17", "2.5", "1e3", ".5", "+1", "007", "-.5", "1.", "true",
         "False", "TRUE", "null", "Null", "~", "yes", "no", "2024-12-08", "1_000",
         "'1'", "'it''s'", '"quoted"', "[]", "{}", "[ ]", "x # comment", "a#b", "-x",
         "12345678901234567890123", "'two\n  lines'", "'gap\n\n  kept'", "plain\n  folded",
         "plain\n\n  gap", "é😀 text", "[a, b]", "{a: 1, b: [x, 'y', \"z\"]}", "[ 1 , 2 ]",
         "[{literal: X}]", '{"q": "say \\"b\\""}', '"tab\\there"', "{'it''s': 1}", "[[[]]]"],
    )  # fmt: skip
    def test_a_value_reads_alike(self, value: str) -> None:
        """Each spelling gives the reference's value, type and span, as a key's value and
        as a list item."""
        assert assert_agree(f"v: {value}\nw: 1\n")
        assert assert_agree(f"list:\n- {value}\n- last\n")

    def test_positions_at_the_end_of_the_stream(self) -> None:
        """Collections that end the file end where libyaml's stream ends, newline or not."""
        for text in ["a:\n  b: 1\n", "a:\n  b: 1", "a:\n- 1\n\n# tail\n\n", "a:\n  - x\n  "]:
            assert assert_agree(text), text
