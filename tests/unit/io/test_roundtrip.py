"""Unit tests of lossless rewrites of YAML and JSON claim files."""

from __future__ import annotations

import pytest

from claimtrack.io.load import load_bytes
from claimtrack.io.roundtrip import REMOVE, Change, RewriteError, Writer, rewrite

YAML = """\
# comment at the top
claims:
  - id: one   # trailing comment
    anchor: &shared
      exact: "a quote"   # keep me
      start: 1

  - id: two
    anchor: {exact: 'it''s here', prefix: x}
    other: *shared
"""

JSON = """\
{
    "claims": [
        {"id": "one", "anchor": {"exact": "q"}},
        {
            "id": "two",
            "anchor": {
                "exact": "r"
            }
        }
    ]
}
"""


def _yaml(text: str = YAML):
    return load_bytes(text.encode(), "claims.yaml")


class TestYamlRewrite:
    """YAML rewrites edit values where they stand."""

    def test_replaces_a_value_keeping_its_comment(self) -> None:
        """A changed offset keeps its line's comment and spacing."""
        result = rewrite(_yaml(), [Change(("claims", 0, "anchor", "exact"), "new quote")])
        assert result.method is Writer.IN_PLACE
        assert '      exact: "new quote"   # keep me\n' in result.text

    def test_inserts_a_key_into_a_block_mapping(self) -> None:
        """A new key goes after the last entry, with the mapping's indentation."""
        result = rewrite(_yaml(), [Change(("claims", 0, "anchor", "end"), 8)])
        assert "      start: 1\n      end: 8\n\n  - id: two" in result.text

    def test_inserts_a_new_mapping_in_place(self) -> None:
        """A new key holding a mapping of scalars is one flow mapping; nothing else moves."""
        record = {"path": "s/one.txt", "sha256": "ab" * 32, "http_status": 200}
        result = rewrite(_yaml(), [Change(("claims", 1, "snapshot"), record)])
        assert result.method is Writer.IN_PLACE
        added = [line for line in result.text.splitlines() if line not in YAML.splitlines()]
        assert added == [
            f"    snapshot: {{path: s/one.txt, sha256: {'ab' * 32}, http_status: 200}}"
        ]
        assert load_bytes(result.text.encode(), "c.yaml").data["claims"][1]["snapshot"] == record

    def test_replacing_a_mapping_is_done_key_by_key_in_place(self) -> None:
        """A mapping replacing a mapping changes its values and drops its missing keys in
        place; every other line stays as it was."""
        result = rewrite(_yaml(), [Change(("claims", 1, "anchor"), {"exact": "z"})])
        assert result.method is Writer.IN_PLACE
        assert load_bytes(result.text.encode(), "c.yaml").data["claims"][1]["anchor"] == {
            "exact": "z"
        }
        changed = [line for line in result.text.splitlines() if line not in YAML.splitlines()]
        assert len(changed) == 1

    def test_inserts_keys_into_a_flow_mapping(self) -> None:
        """New keys of a flow mapping follow a comma, in the order asked."""
        changes = [
            Change(("claims", 1, "anchor", "start"), 3),
            Change(("claims", 1, "anchor", "end"), 12),
        ]
        result = rewrite(_yaml(), changes)
        assert "{exact: 'it''s here', prefix: x, start: 3, end: 12}" in result.text

    def test_single_quotes_stay_single(self) -> None:
        """A single-quoted value stays single-quoted, with quotes doubled."""
        result = rewrite(_yaml(), [Change(("claims", 1, "anchor", "exact"), "don't")])
        assert "exact: 'don''t'" in result.text

    def test_plain_value_needing_quotes_gets_them(self) -> None:
        """A plain value that would not read back as the same string is double-quoted."""
        result = rewrite(_yaml(), [Change(("claims", 1, "anchor", "prefix"), "a, b: c")])
        assert 'prefix: "a, b: c"' in result.text
        assert (
            load_bytes(result.text.encode(), "c.yaml").data["claims"][1]["anchor"]["prefix"]
            == "a, b: c"
        )

    def test_removes_a_key_from_a_flow_mapping(self) -> None:
        """Removing a key of a flow mapping removes it and its comma only."""
        result = rewrite(_yaml(), [Change(("claims", 1, "anchor", "prefix"), REMOVE)])
        assert "anchor: {exact: 'it''s here'}" in result.text
        assert result.text.count("\n") == YAML.count("\n")

    def test_aliased_mapping_is_edited_once(self) -> None:
        """A mapping reached through an alias is edited where it is defined."""
        result = rewrite(_yaml(), [Change(("claims", 1, "other", "start"), 5)])
        data = load_bytes(result.text.encode(), "c.yaml").data
        assert data["claims"][0]["anchor"]["start"] == 5
        assert "&shared" in result.text
        assert "*shared" in result.text

    def test_conflicting_changes_through_an_alias_fall_back_or_fail(self) -> None:
        """Two different values for one aliased node cannot both be written."""
        changes = [
            Change(("claims", 0, "anchor", "start"), 5),
            Change(("claims", 1, "other", "start"), 6),
        ]
        with pytest.raises(RewriteError):
            rewrite(_yaml(), changes)

    def test_no_change_returns_the_same_text(self) -> None:
        """Changes to the values already there leave the text as it was."""
        result = rewrite(_yaml(), [Change(("claims", 0, "anchor", "start"), 1)])
        assert result.method is Writer.NONE
        assert result.text == YAML


class TestJsonRewrite:
    """JSON rewrites edit values textually and re-dump only when they must."""

    def test_inserts_into_one_line_and_multi_line_objects(self) -> None:
        """New members follow the layout of their object."""
        document = load_bytes(JSON.encode(), "claims.json")
        changes = [
            Change(("claims", 0, "anchor", "start"), 1),
            Change(("claims", 1, "anchor", "start"), 2),
            Change(("claims", 1, "anchor", "exact"), 'é"s'),
        ]
        result = rewrite(document, changes)
        assert result.method is Writer.IN_PLACE
        assert '{"exact": "q", "start": 1}' in result.text
        assert '                "exact": "é\\"s",\n                "start": 2\n' in result.text

    def test_removal_falls_back_to_a_redump_with_the_indentation(self) -> None:
        """Removing a member that cannot be cut cleanly re-dumps with the file's indent."""
        text = '{\n    "a": {"b": 1}\n}\n'
        result = rewrite(load_bytes(text.encode(), "x.json"), [Change(("a", "b"), REMOVE)])
        assert result.method is Writer.REDUMP
        assert result.text == '{\n    "a": {}\n}\n'


class TestLineEndings:
    """Rewrites keep the file's line endings."""

    def test_crlf_file_keeps_crlf(self) -> None:
        """A key added to a CRLF file ends its line with CRLF."""
        text = "claims:\r\n  - id: one\r\n    anchor:\r\n      exact: q\r\n"
        document = load_bytes(text.encode(), "c.yaml")
        result = rewrite(document, [Change(("claims", 0, "anchor", "start"), 3)])
        assert result.text == text + "      start: 3\r\n"


class TestRoundTripFallback:
    """What cannot be edited in place goes through ruamel.yaml's round-trip mode."""

    def test_removing_the_key_that_starts_a_sequence_item(self) -> None:
        """Removing the first key of a '- ' item keeps the other entries and comments."""
        text = "# c\nclaims:\n  - prefix: x   # p\n    exact: q  # keep\n"
        result = rewrite(
            load_bytes(text.encode(), "c.yaml"), [Change(("claims", 0, "prefix"), REMOVE)]
        )
        assert result.method is Writer.ROUND_TRIP
        assert result.text == "# c\nclaims:\n  - exact: q  # keep\n"
