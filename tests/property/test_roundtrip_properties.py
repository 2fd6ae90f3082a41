"""Properties of lossless rewrites of claim files with comments and odd formatting."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.io.load import load_bytes
from claimtrack.io.roundtrip import Change, Writer, rewrite

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


@st.composite
def quoted(draw: st.DrawFn) -> tuple[str, str]:
    """A string value and how the file spells it: plain, single- or double-quoted."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=5))
    value = "w" + " ".join(words)
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        value = value + "'s"
        return value, "'" + value.replace("'", "''") + "'"
    if style == "double":
        value = value + ": “x”"
        return value, json.dumps(value, ensure_ascii=False)
    return value, value


def _comment(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", "", "  # note", "   #x", " # a: b"]))


@st.composite
def claim_files(draw: st.DrawFn) -> tuple[str, list[bool]]:
    """YAML claim-file text with comments, blank lines, trailing spaces, odd indentation,
    flow and block anchors and a YAML anchor/alias; and which claims have offsets."""
    indent = " " * draw(st.sampled_from([2, 3, 4]))
    dash = draw(st.sampled_from(["- ", indent[:-2] + "- " if len(indent) > 2 else "- "]))
    item = " " * len(dash)
    lines = ["# claim file", "version: 1   ", "", "document:"]
    lines += [f"{indent}id: doc{_comment(draw)}", f"{indent}title: &title A title"]
    lines += ["", "claims:" + _comment(draw)]
    offsets: list[bool] = []
    for number in range(draw(st.integers(1, 5))):
        value, spelled = draw(quoted())
        has_offsets = draw(st.booleans())
        offsets.append(has_offsets)
        lines.append(f"{dash}id: c{number}{_comment(draw)}")
        lines.append(f"{item}text: *title" if number % 2 else f"{item}text: Claim {number}.")
        lines.append(f"{item}kind: event")
        if draw(st.booleans()):
            fields = [f"exact: {spelled}"]
            if has_offsets:
                fields += [f"start: {number * 10}", f"end:  {number * 10 + len(value)}"]
            lines.append(f"{item}anchor: {{{', '.join(fields)}}}{_comment(draw)}")
        else:
            lines.append(f"{item}anchor:")
            lines.append(f"{item}{indent}exact: {spelled}{_comment(draw)}")
            if has_offsets:
                lines.append(f"{item}{indent}start: {number * 10}{_comment(draw)}")
                if draw(st.booleans()):
                    lines.append(f"{item}{indent}# the end offset")
                lines.append(f"{item}{indent}end:   {number * 10 + len(value)}{_comment(draw)}")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"])), offsets


_SETTINGS = settings(max_examples=60, deadline=None)


class TestLosslessRewrite:
    """Rewrites keep every byte they do not have to change."""

    @_SETTINGS
    @given(claim_files())
    def test_no_op_rewrite_is_byte_identical(self, case: tuple[str, list[bool]]) -> None:
        """Setting every anchor value to what it already is leaves the text unchanged."""
        text, _offsets = case
        document = load_bytes(text.encode(), "claims.yaml")
        changes = [
            Change(("claims", index, "anchor", key), value)
            for index, claim in enumerate(document.data["claims"])
            for key, value in claim["anchor"].items()
        ]
        result = rewrite(document, changes)
        assert result.text == text
        assert result.method is Writer.NONE

    @_SETTINGS
    @given(claim_files(), st.data())
    def test_offset_changes_touch_only_their_lines(
        self, case: tuple[str, list[bool]], data: st.DataObject
    ) -> None:
        """Changing or adding offsets changes only the lines that hold them (or, for a new
        key of a block mapping, adds lines) and yields the data wanted."""
        text, _offsets = case
        document = load_bytes(text.encode(), "claims.yaml")
        claims = document.data["claims"]
        index = data.draw(st.integers(0, len(claims) - 1))
        start = data.draw(st.integers(0, 10_000))
        changes = [
            Change(("claims", index, "anchor", "start"), start),
            Change(("claims", index, "anchor", "end"), start + 7),
        ]
        result = rewrite(document, changes)
        assert result.method in (Writer.IN_PLACE, Writer.NONE)
        reloaded = load_bytes(result.text.encode(), "claims.yaml").data
        claims[index]["anchor"].update(start=start, end=start + 7)
        assert reloaded == document.data
        anchor_lines = set()
        span = document.positions.span(("claims", index, "anchor"))
        assert span is not None
        anchor_lines = set(range(span.line, (span.end_line or span.line) + 1))
        old_lines, new_lines = text.split("\n"), result.text.split("\n")
        if len(old_lines) == len(new_lines):
            changed = {
                n + 1 for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b
            }
            assert changed <= anchor_lines
        else:
            # New keys were added to a block mapping: the old lines are all still there, in
            # order, and the added lines are offset lines.
            added = [line for line in new_lines if line not in old_lines]
            assert all(line.strip().split(":")[0] in ("start", "end") for line in added)
            remaining = iter(new_lines)
            assert all(any(line == other for other in remaining) for line in old_lines)

    @_SETTINGS
    @given(claim_files(), quoted())
    def test_quote_change_keeps_its_style(
        self, case: tuple[str, list[bool]], new: tuple[str, str]
    ) -> None:
        """A changed quote keeps single quotes where it had them and yields the value wanted."""
        text, _offsets = case
        document = load_bytes(text.encode(), "claims.yaml")
        value, _spelled = new
        result = rewrite(document, [Change(("claims", 0, "anchor", "exact"), value)])
        reloaded = load_bytes(result.text.encode(), "claims.yaml").data
        assert reloaded["claims"][0]["anchor"]["exact"] == value
        span = document.positions.span(("claims", 0, "anchor", "exact"))
        assert span is not None
        old_line = text.split("\n")[span.line - 1]
        new_line = result.text.split("\n")[span.line - 1]
        old_style = old_line[span.column - 1]
        if old_style == "'":
            assert new_line[span.column - 1] == "'"
        elif old_style != '"' and value.replace(" ", "").isalnum():
            assert new_line[span.column - 1 :].startswith(value)
        assert text.split("\n")[: span.line - 1] == result.text.split("\n")[: span.line - 1]


@st.composite
def json_claim_files(draw: st.DrawFn) -> str:
    """JSON claim-file text in one of several layouts, anchors with or without offsets."""
    claims = []
    for number in range(draw(st.integers(1, 4))):
        anchor: dict[str, object] = {"exact": draw(quoted())[0]}
        if draw(st.booleans()):
            anchor.update(start=number, end=number + 5)
        claims.append({"id": f"c{number}", "kind": "event", "anchor": anchor})
    data = {"version": 1, "claims": claims}
    indent = draw(st.sampled_from([None, 2, 4, "\t"]))
    return json.dumps(data, ensure_ascii=draw(st.booleans()), indent=indent) + draw(
        st.sampled_from(["", "\n"])
    )


class TestLosslessJsonRewrite:
    """JSON rewrites keep the layout of everything they do not change."""

    @_SETTINGS
    @given(json_claim_files(), st.data())
    def test_offset_changes_touch_only_the_anchor(self, text: str, data: st.DataObject) -> None:
        """Setting offsets edits the text only inside the anchor object, in place."""
        document = load_bytes(text.encode(), "claims.json")
        index = data.draw(st.integers(0, len(document.data["claims"]) - 1))
        start = data.draw(st.integers(0, 10_000))
        changes = [
            Change(("claims", index, "anchor", "start"), start),
            Change(("claims", index, "anchor", "end"), start + 3),
        ]
        result = rewrite(document, changes)
        assert result.method in (Writer.IN_PLACE, Writer.NONE)
        document.data["claims"][index]["anchor"].update(start=start, end=start + 3)
        assert json.loads(result.text) == document.data
        span = document.positions.span(("claims", index, "anchor"))
        assert span is not None
        starts = [0] + [n + 1 for n, char in enumerate(text) if char == "\n"]
        first = starts[span.line - 1] + span.column - 1
        last = starts[(span.end_line or span.line) - 1] + (span.end_column or span.column) - 1
        assert text[first] == "{"
        assert text[last - 1] == "}"
        assert result.text.startswith(text[:first])
        assert result.text.endswith(text[last:])

    @_SETTINGS
    @given(json_claim_files())
    def test_no_op_rewrite_is_byte_identical(self, text: str) -> None:
        """Setting values to what they are leaves the JSON text unchanged."""
        document = load_bytes(text.encode(), "claims.json")
        changes = [
            Change(("claims", index, "anchor", key), value)
            for index, claim in enumerate(document.data["claims"])
            for key, value in claim["anchor"].items()
        ]
        assert rewrite(document, changes).text == text
