"""Lossless rewrites of claim files: change a few values, keep every other byte.

A rewrite is a list of :class:`Change` (a path and its new value). Three writers, tried in
order, and the first whose result parses back to exactly the data wanted is used:

1. **in place** (YAML and JSON) — each changed scalar is replaced where it stands, in the
   quoting style it was written in (plain, single- or double-quoted; a block scalar becomes
   double-quoted); a new key goes after the last entry of its mapping with that entry's
   indentation (or, in a flow mapping or a one-line JSON object, after a comma); a new key
   whose value is a mapping of scalars is written as one flow mapping. Comments,
   key order, blank lines, anchors and aliases, indentation and trailing spaces are untouched
   because they are never re-emitted.
2. **round-trip** (YAML) — ruamel.yaml's round-trip mode with the file's guessed indentation:
   comments, key order, quoting, anchors and aliases survive, spacing may not. Used for what
   the first writer cannot do (removing a key).
3. **re-dump** (JSON) — the data dumped again with the file's indentation.

A fallback's text is used only if it also keeps every line of the file that holds none of
the changed values, byte for byte and line ending included (see :mod:`claimtrack.io.lossless`);
otherwise the rewrite is refused with :class:`RewriteError` and nothing is written. New
members follow the file's own line endings (LF, CRLF or CR) and indentation (tabs kept).

A rewrite that changes no value returns the text unchanged. Nothing is written here: the
caller writes the text with :func:`claimtrack.io.atomic.replace_if_unchanged`.
"""

from __future__ import annotations

import copy
import io
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from enum import StrEnum
from itertools import pairwise
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError
from claimtrack.io.json import parse_json
from claimtrack.io.load import Format, LoadedDocument
from claimtrack.io.lossless import keeps_other_lines
from claimtrack.io.positions import Node, RawSpan
from claimtrack.io.problem import ParseProblem
from claimtrack.io.yaml import parse_yaml

__all__ = ["REMOVE", "Change", "Rewrite", "RewriteError", "Writer", "rewrite"]

Path = tuple[str | int, ...]


class _Remove:
    """The value of a :class:`Change` that removes its key."""

    def __repr__(self) -> str:
        return "REMOVE"


REMOVE: Any = _Remove()


@attrs.frozen
class Change:
    """Set the value at ``path`` (a key that may not exist yet) or, with :data:`REMOVE`,
    remove it. Values are strings, integers, booleans or ``None``; a new key may also take a
    mapping of such values, or a list of those (written on one line, in flow style)."""

    path: Path
    value: Any


class Writer(StrEnum):
    """Which writer produced a rewrite."""

    NONE = "unchanged"
    IN_PLACE = "in place"
    ROUND_TRIP = "round-trip"
    REDUMP = "re-dump"


@attrs.frozen
class Rewrite:
    """The new text of a file and the writer that produced it."""

    text: str
    method: Writer


class RewriteError(ClaimtrackError):
    """No writer could apply the changes without losing or corrupting anything."""


class _CannotSplice(Exception):
    pass


# --------------------------------------------------------------------------- data


def _get(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def _apply(data: Any, changes: Sequence[Change]) -> Any:
    result = copy.deepcopy(data)
    for change in changes:
        parent = _get(result, change.path[:-1])
        if change.value is REMOVE:
            parent.pop(change.path[-1], None)
        else:
            parent[change.path[-1]] = change.value
    return result


def _effective(data: Any, changes: Sequence[Change]) -> list[Change]:
    """The changes that change something."""
    wanted = []
    for change in changes:
        parent = _get(data, change.path[:-1])
        key = change.path[-1]
        present = isinstance(parent, dict) and key in parent
        if change.value is REMOVE:
            if present:
                wanted.append(change)
        elif (
            not present
            or parent[key] != change.value
            or type(parent[key]) is not type(change.value)
        ):
            wanted.append(change)
    return wanted


def _parse(text: str, fmt: Format) -> Any:
    try:
        if fmt is Format.JSON:
            return parse_json(text)[0]
        return parse_yaml(text)[0]
    except ParseProblem:
        return _Remove()  # never equal to data


# --------------------------------------------------------------------------- in place


class _Offsets:
    def __init__(self, text: str) -> None:
        self.text = text
        # Lines end as the parsers' positions count them: LF, CRLF or a lone CR.
        self.starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n", text)]
        self.eol = _line_ending(text)  # looked for once, not per insertion

    def at(self, line: int, column: int) -> int:
        if line > len(self.starts):  # a parser's end mark may lie past the last line
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def span(self, raw: tuple[int, ...]) -> tuple[int, int]:
        return self.at(raw[0], raw[1]), self.at(raw[2], raw[3])

    def column(self, offset: int) -> int:
        return offset - self.starts[bisect_right(self.starts, offset) - 1]


def _line_ending(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text and "\n" not in text else "\n"


def _node(root: Node, path: Path) -> Node:
    node = root
    for step in path:
        children = node[1]
        if isinstance(children, dict) and isinstance(step, str) and step in children:
            node = children[step][1]
        elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
            node = children[step]
        else:
            raise _CannotSplice
    return node


_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")
_ESCAPE_NEEDED = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ufeff]")


def _double(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or _ESCAPE_NEEDED.search(value):
        return False
    if flow and any(char in value for char in ",[]{}"):
        return False
    sample = f"{{k: {value}}}\n" if flow else f"k: {value}\n"
    try:
        return bool(parse_yaml(sample)[0] == {"k": value})
    except ParseProblem:
        return False


def _is_flat_mapping(value: Any) -> bool:
    """A mapping of string keys to strings, numbers, booleans or None: what can be inserted
    as a new one-line (flow) value."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(k, str) and (v is None or isinstance(v, str | int | float | bool))
            for k, v in value.items()
        )
    )


def _is_insertable(value: Any) -> bool:
    """A value the in-place writer can write on one line: a scalar, a flat mapping, or a
    list of those."""
    if isinstance(value, list):
        return all(_is_insertable(item) and not isinstance(item, list) for item in value)
    return not isinstance(value, dict) or _is_flat_mapping(value)


def _render(value: Any, fmt: Format, old_token: str | None, flow: bool) -> str:
    if isinstance(value, list) and fmt is Format.YAML:
        return "[" + ", ".join(_render(item, fmt, None, True) for item in value) + "]"
    if isinstance(value, dict) and fmt is Format.YAML:
        items = (
            f"{k if _plain_ok(k, True) else _double(k)}: {_render(v, fmt, None, True)}"
            for k, v in value.items()
        )
        return "{" + ", ".join(items) + "}"
    if fmt is Format.JSON or not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    style = old_token[:1] if old_token and old_token[:1] in "'\"|>" else ""
    if style == "'" and not _ESCAPE_NEEDED.search(value):
        return "'" + value.replace("'", "''") + "'"
    if style == "" and _plain_ok(value, flow):
        return value
    return _double(value)


def _splice(document: LoadedDocument, changes: Sequence[Change]) -> str:
    root = document.positions.line_root()
    if root is None:
        raise _CannotSplice
    text = document.text
    offsets = _Offsets(text)
    edits: dict[tuple[int, int, str], str] = {}
    for change in changes:
        if not _is_insertable(change.value):
            raise _CannotSplice
        parent = _node(root, change.path[:-1])
        key = change.path[-1]
        children = parent[1]
        if not isinstance(children, dict) or not isinstance(key, str):
            raise _CannotSplice
        if isinstance(change.value, dict) and key in children:
            raise _CannotSplice  # a new mapping is inserted whole; an old one is not edited
        parent_start, _parent_end = offsets.span(parent[0])
        flow = text.startswith("{", parent_start)
        if change.value is REMOVE:
            start, end = _removal(text, offsets, children, key, flow)
            edit, rendered = (start, end, ""), ""
        elif key in children:
            if isinstance(change.value, dict | list):
                raise _CannotSplice
            value_node = children[key][1]
            if value_node[1] is not None or isinstance(change.value, dict):
                raise _CannotSplice
            start, end = offsets.span(value_node[0])
            token = text[start:end]
            properties = _PROPERTIES.match(token)
            skip = properties.end() if properties and document.format is Format.YAML else 0
            if token[skip : skip + 1] in ("|", ">"):
                end = start + len(token.rstrip("\n"))
            edit = (start + skip, end, "")
            rendered = _render(change.value, document.format, token[skip:], flow)
        else:
            (at, _at), rendered = _insertion(
                document, offsets, parent[0], children, key, change.value, flow
            )
            edit = (at, at, key)
        if edits.get(edit, rendered) != rendered:
            raise _CannotSplice
        edits[edit] = rendered
    # Apply from the end backwards; insertions at one point keep the order they were asked in.
    order = {edit: number for number, edit in enumerate(edits)}
    ordered = sorted(edits.items(), key=lambda item: (item[0][0], item[0][1], order[item[0]]))
    ordered.reverse()
    for higher, lower in pairwise(ordered):
        if lower[0][1] > higher[0][0]:
            raise _CannotSplice
    # One pass from the start, so that many edits cost one copy of the text, not one each.
    pieces: list[str] = []
    done = 0
    for (start, end, _key), rendered in reversed(ordered):
        pieces += [text[done:start], rendered]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _insertion(
    document: LoadedDocument,
    offsets: _Offsets,
    parent: tuple[int, ...],
    children: dict[str, tuple[RawSpan, Node]],
    key: str,
    value: Any,
    flow: bool,
) -> tuple[tuple[int, int], str]:
    if not children:
        raise _CannotSplice
    text = document.text
    last_key_span, last_node = list(children.values())[-1]
    key_start = offsets.at(last_key_span[0], last_key_span[1])
    _value_start, value_end = offsets.span(last_node[0])
    is_json = document.format is Format.JSON
    name = json.dumps(key) if is_json else key
    rendered = _render(value, document.format, None, flow)
    one_line = parent[0] == last_key_span[0]
    eol = offsets.eol
    indent = _indent_before(text, key_start, offsets)
    if is_json or flow:
        if one_line or not is_json:
            return (value_end, value_end), f", {name}: {rendered}"
        return (value_end, value_end), f",{eol}{indent}{name}: {rendered}"
    if value_end > 0 and text[value_end - 1] == "\n":
        at = value_end
        return (at, at), f"{indent}{name}: {rendered}{eol}"
    newline = text.find("\n", value_end)
    if newline == -1:
        return (len(text), len(text)), f"{eol}{indent}{name}: {rendered}"
    return (newline + 1, newline + 1), f"{indent}{name}: {rendered}{eol}"


def _indent_before(text: str, key_start: int, offsets: _Offsets) -> str:
    """The indentation of the key at ``key_start`` as written (tabs kept), or as many
    spaces as its column when something else stands before it on its line."""
    line_start = max(text.rfind("\n", 0, key_start), text.rfind("\r", 0, key_start)) + 1
    before = text[line_start:key_start]
    return before if not before.strip() else " " * offsets.column(key_start)


def _removal(
    text: str,
    offsets: _Offsets,
    children: dict[str, tuple[RawSpan, Node]],
    key: str,
    flow: bool,
) -> tuple[int, int]:
    """The span to delete to remove ``key`` and its value (and one separating comma)."""
    names = list(children)
    index = names.index(key)
    key_span, node = children[key]
    if node[1] is not None:
        raise _CannotSplice
    key_start = offsets.at(key_span[0], key_span[1])
    _value_start, value_end = offsets.span(node[0])
    if flow or text.startswith('"', key_start) or text.startswith("{", 0):
        if index > 0:
            _previous_key, previous = children[names[index - 1]]
            return offsets.span(previous[0])[1], value_end
        if len(names) > 1:
            next_key = children[names[1]][0]
            return key_start, offsets.at(next_key[0], next_key[1])
        raise _CannotSplice
    line_start = text.rfind("\n", 0, key_start) + 1
    if text[line_start:key_start].strip() or key_span[0] != node[0][2]:
        raise _CannotSplice
    line_end = text.find("\n", value_end)
    return line_start, len(text) if line_end == -1 else line_end + 1


# --------------------------------------------------------------------------- fallbacks


def _round_trip(text: str, changes: Sequence[Change]) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import ScalarString
    from ruamel.yaml.util import load_yaml_guess_indent

    _data, indent, sequence_offset = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 30
    yaml.indent(mapping=indent or 2, sequence=indent or 2, offset=sequence_offset or 0)
    data = yaml.load(text)
    for change in changes:
        parent = _get(data, change.path[:-1])
        key = change.path[-1]
        if change.value is REMOVE:
            del parent[key]
            continue
        old = parent.get(key) if isinstance(parent, dict) else None
        value = change.value
        if isinstance(old, ScalarString) and isinstance(value, str):
            value = type(old)(value)
        parent[key] = value
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _json_indent(text: str) -> int | None:
    match = re.search(r"^[\[{][ \t]*\r?\n([ ]+)\S", text)
    return len(match.group(1)) if match else None


def _redump(text: str, expected: Any) -> str:
    result = json.dumps(expected, ensure_ascii=False, indent=_json_indent(text))
    return result + "\n" if text.endswith("\n") else result


def _by_key(data: Any, changes: Sequence[Change]) -> list[Change]:
    """``changes`` with each mapping that replaces an existing mapping split into one change
    per key (new or changed values set, missing keys removed), so that the in-place writer
    can make them where a whole new mapping could not be spliced in."""
    split: list[Change] = []
    for change in changes:
        try:
            old = _get(data, change.path)
        except (KeyError, IndexError, TypeError):
            old = None
        if isinstance(change.value, dict) and isinstance(old, dict) and change.value:
            split.extend(
                Change((*change.path, key), REMOVE) for key in old if key not in change.value
            )
            split.extend(
                _by_key(data, [Change((*change.path, k), v) for k, v in change.value.items()])
            )
        else:
            split.append(change)
    return split


def rewrite(document: LoadedDocument, changes: Sequence[Change]) -> Rewrite:
    """The text of ``document`` with ``changes`` applied, every other byte kept where the
    in-place writer can do it (see the module notes); :class:`RewriteError` if no writer
    produces text that parses back to the data wanted. A mapping that replaces a mapping is
    written key by key."""
    wanted = _effective(document.data, _by_key(document.data, changes))
    if not wanted:
        return Rewrite(document.text, Writer.NONE)
    expected = _apply(document.data, wanted)
    for change in wanted:
        parent = _get(expected, change.path[:-1])
        got = parent.get(change.path[-1], REMOVE) if isinstance(parent, dict) else REMOVE
        if got is not change.value and got != change.value:
            raise RewriteError(
                f"{document.path}: two changes give different values to one value shared"
                " through a YAML alias; nothing was written"
            )
    try:
        text = _splice(document, wanted)
    except _CannotSplice:
        pass
    else:
        if _parse(text, document.format) == expected:
            return Rewrite(text, Writer.IN_PLACE)
    if document.format is Format.JSON:
        text, method = _redump(document.text, expected), Writer.REDUMP
    else:
        text, method = _round_trip(document.text, wanted), Writer.ROUND_TRIP
    if _parse(text, document.format) != expected:
        raise RewriteError(
            f"{document.path}: cannot apply the changes without altering other values;"
            " nothing was written"
        )
    if not keeps_other_lines(document, [change.path for change in wanted], text):
        raise RewriteError(
            f"{document.path}: the changes cannot be made in place here (a YAML anchor or"
            " comment beside a changed value, a multi-line flow collection, an explicit '?'"
            " key, or mixed line endings), and writing the file again would reformat other"
            " lines; nothing was written: edit these values by hand, or write them in plain"
            " block style"
        )
    return Rewrite(text, method)
