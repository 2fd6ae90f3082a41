"""A fast reader for the plain block YAML most claim files are, with the positions libyaml gives.

Most claim files use a small part of YAML: block mappings and lists, plain keys, plain and
quoted scalars, flow collections written on one line, comments. For a file written only so,
this module reads the data and every value's position line by line, faster than turning
libyaml's events into Python objects (see "YAML parsing" in the performance notes). For
anything else it gives up and returns ``None``, and the caller reads the file with the
reference loader (:func:`claimtrack.io.yaml.parse_yaml`), which decides every error, limit
and unusual construct exactly as before: anchors, aliases and tags, directives and document
markers, block scalars (``|``, ``>``), flow collections over several lines, quoted keys
outside flow mappings, escapes other than the few JSON and YAML read alike, empty values,
duplicate keys, nesting at the depth limit, tabs, carriage returns and any character
libyaml would refuse or read as a line break. Giving up costs only the time spent before
it, and the two readers give equal data and equal positions on every file this one accepts
(a property test holds them to it).

Positions are what libyaml's marks say: a scalar from its first character (the quote of a
quoted one) to one past its last; a block mapping from its first key, a block list from its
first ``-``, each to where the next token after it stands (after any comments and blank
lines), or to the end of the stream, which libyaml puts on the line after the last.
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias, cast

from claimtrack.io.positions import Node, RawSpan
from claimtrack.io.yaml import MAYBE_NOT_STRING as _MAYBE_NOT_STRING
from claimtrack.io.yaml import YamlLimits, resolve_plain

__all__ = ["parse_block_yaml"]

# Characters libyaml refuses, or reads as line breaks or a byte-order mark where editors do
# not (TAB, CR, NEL, U+2028, U+2029, U+FEFF): a file holding one goes to the reference.
_UNUSUAL = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Each line as (indentation, "- " or "", a plain key before ": ", the rest): ``findall``
# splits a whole file at C speed, one row per line. Keys that read as null or a boolean are
# left to the reference loader, which refuses them with its own message.
_ROW = re.compile(r"^( *)(-(?: +|$))?(?:([^\W\d][\w.\-]*):(?: +|$))?(.*)$", re.MULTILINE)
_NOT_STRING_KEYS = frozenset(
    ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]
)
# In a flow collection: a plain key and the ": " after it, and a plain scalar (no quotes,
# colons, comments or flow indicators in it; libyaml versions differ on some of those).
_FLOW_KEY = re.compile(r"([^\W\d][\w.\-]*): +")
_FLOW_PLAIN = re.compile(r"[^\s,\[\]{}#&*!|>'\"%@`?:\-][^,\[\]{}:#?]*")
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\["\\ntrbf])*)"')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
_SPACES = re.compile(" *")
_COLON = re.compile(": +")
# Flow collections nested deeper than this are the reference's (this reader recurses).
_FLOW_DEPTH = 16
# Characters that cannot start a plain scalar here (YAML indicators; '-' only before a space).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


class _GiveUp(Exception):
    """The file is not plain block YAML (or is wrong): the reference loader reads it."""


# An open block mapping or list is a list, cheaper to make than an object:
# [column, is mapping, is an indentless list, value, position children, start line,
#  start column, key or index in the parent, key span (None in a list)].
_Frame: TypeAlias = list[Any]


def parse_block_yaml(text: str, limits: YamlLimits | None = None) -> tuple[Any, Node] | None:
    """The data and position tree of a plain block YAML mapping, or ``None`` for any other
    text (which the reference loader then reads, errors and all)."""
    if _UNUSUAL.search(text):
        return None
    try:
        return _BlockReader(text, limits or YamlLimits()).read()
    except _GiveUp:
        return None


class _BlockReader:
    __slots__ = ("lines", "max_depth", "text")

    def __init__(self, text: str, limits: YamlLimits) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.max_depth = limits.max_depth

    def read(self) -> tuple[Any, Node]:
        lines = self.lines
        rows = _ROW.findall(self.text)  # (indent, "- ", key, rest) for each line
        last_row = len(rows) - 1
        max_depth = self.max_depth
        stack: list[_Frame] = []
        # The open collection on top, kept in locals: the loop below runs once per line.
        frame: _Frame = [-1, False, False, None, None, 0, 0, None, None]
        column, is_map, indentless = -1, False, False
        value: Any = None
        children: Any = None
        pending: tuple[str, RawSpan] | None = None  # a key whose value is on lines below
        resume = 0
        for number, (indent, dash, key, rest) in enumerate(rows):
            if number < resume:
                continue  # a line of a scalar that began above
            if not (key or dash):
                if not rest or rest[0] == "#":
                    continue
                raise _GiveUp  # a line that is neither "key: ..." nor "- ..."
            here = len(indent)
            if pending is not None:
                if not (here > column or (here == column and dash)) or len(stack) >= max_depth:
                    raise _GiveUp  # an empty value (null), or the depth limit
                container: Any = [] if dash else {}
                value[pending[0]] = container
                frame = [here, not dash, here == column, container, [] if dash else {}]
                frame += (number + 1, here + 1, *pending)
                stack.append(frame)
                column, is_map, indentless = here, not dash, here == column
                value, children = container, frame[4]
                pending = None
            elif here != column or (indentless and not dash):
                if not stack:
                    if dash:
                        raise _GiveUp  # a list at the top
                    frame = [here, True, False, {}, {}, number + 1, here + 1, None, None]
                    stack.append(frame)
                else:
                    end = (number + 1, here + 1)
                    while stack and (
                        stack[-1][0] > here or (stack[-1][2] and stack[-1][0] == here and not dash)
                    ):
                        _close(stack, end)
                    if not stack:
                        raise _GiveUp  # a second top-level node
                    frame = stack[-1]
                column, is_map, indentless, value, children = frame[:5]
                if column != here:
                    raise _GiveUp  # indentation libyaml would refuse or read another way
            if is_map == bool(dash):
                raise _GiveUp  # "- " among keys, or a key among "- " items
            if dash:
                if not key:
                    if not rest:
                        raise _GiveUp  # an empty item
                    at = here + len(dash)
                    item, node, resume = self._scalar(number, at, column, len(stack))
                    value.append(item)
                    children.append(node)
                    resume += 1
                    continue
                if len(stack) >= max_depth:
                    raise _GiveUp
                here += len(dash)
                container = {}
                frame = [here, True, False, container, {}, number + 1, here + 1, len(value), None]
                value.append(container)
                children.append(None)
                stack.append(frame)
                column, is_map, indentless = here, True, False
                value, children = container, frame[4]
            if key in value or key in _NOT_STRING_KEYS:
                raise _GiveUp  # the reference loader words these findings
            line = number + 1
            key_span = (line, here + 1, line, here + 1 + len(key))
            if not rest or rest[0] == "#":
                pending = (key, key_span)
                continue
            at = len(lines[number]) - len(rest)
            first = rest[0]
            if first not in _INDICATORS and (
                number == last_row
                or (
                    len((following := rows[number + 1])[0]) <= column
                    and (following[1] or following[2] or following[3])
                )
            ):
                # The common case: a plain scalar on one line.
                comment = rest.find(" #")
                text = (rest if comment < 0 else rest[:comment]).rstrip(" ")
                if ": " in text or text[-1] == ":":
                    raise _GiveUp  # libyaml reads a mapping (or refuses the line) here
                if first in _MAYBE_NOT_STRING:
                    try:
                        value[key] = resolve_plain(text)
                    except ValueError:
                        raise _GiveUp from None
                else:
                    value[key] = text
                children[key] = (key_span, ((line, at + 1, line, at + 1 + len(text)), None))
                continue
            value[key], node, resume = self._scalar(number, at, column, len(stack))
            children[key] = (key_span, node)
            resume += 1
        if pending is not None or not stack:
            raise _GiveUp
        data = stack[0][3]
        end = (len(lines) + (1 if lines[-1] else 0), 1)
        while stack:
            node = _close(stack, end)
        return data, node

    def _scalar(self, number: int, at: int, indent: int, depth: int) -> tuple[Any, Node, int]:
        """The scalar starting at column ``at`` of line ``number`` (in a block whose column is
        ``indent``): its value, node and the line it ends on."""
        line = self.lines[number]
        first = line[at]
        if first == "'":
            return self._single_quoted(number, at, indent)
        if first == '"':
            value, close = _double_quoted(line, at)
            _check_tail(line, close + 1)
            return value, ((number + 1, at + 1, number + 1, close + 2), None), number
        if first in "[{":
            value, node, after = self._flow(line, number, at, depth)
            _check_tail(line, after)
            return value, node, number
        if first in _INDICATORS and not (first == "-" and line[at + 1 : at + 2] not in ("", " ")):
            raise _GiveUp
        return self._plain(number, at, indent)

    def _flow(self, line: str, number: int, at: int, depth: int) -> tuple[Any, Node, int]:
        """The flow collection (``[...]`` or ``{...}``, on one line) opening at column ``at``
        inside ``depth`` collections: its value, its node and the column after it."""
        if depth >= self.max_depth or depth >= _FLOW_DEPTH:
            raise _GiveUp  # the reference loader reports the limit
        row = number + 1
        is_map = line[at] == "{"
        closing = "}" if is_map else "]"
        value: Any = {} if is_map else []
        children: Any = {} if is_map else []
        at_item = _SPACES.match(line, at + 1).end()  # type: ignore[union-attr]
        while line[at_item : at_item + 1] != closing:
            key = ""
            if is_map:
                key, key_span, at_item = self._flow_key(line, number, at_item)
                if key in value:
                    raise _GiveUp  # the reference loader words the duplicate
            item, node, after = self._flow_item(line, number, at_item, depth + 1)
            if is_map:
                value[key] = item
                children[key] = (key_span, node)
            else:
                value.append(item)
                children.append(node)
            after = _SPACES.match(line, after).end()  # type: ignore[union-attr]
            if line[after : after + 1] == ",":
                at_item = _SPACES.match(line, after + 1).end()  # type: ignore[union-attr]
                if line[at_item : at_item + 1] in (closing, ""):
                    raise _GiveUp  # a trailing comma, or a collection going on below
            elif line[after : after + 1] == closing:
                at_item = after
            else:
                raise _GiveUp
        return value, ((row, at + 1, row, at_item + 2), children), at_item + 1

    def _flow_key(self, line: str, number: int, at: int) -> tuple[str, RawSpan, int]:
        """A key in a flow mapping, plain or quoted, and ": ": the key, its span and the
        column of its value."""
        if line[at : at + 1] in ("'", '"'):
            key, node, after = self._flow_item(line, number, at, 0)
            colon = _COLON.match(line, after)
            if colon is None:
                raise _GiveUp
            return key, cast(RawSpan, node[0]), colon.end()
        match = _FLOW_KEY.match(line, at)
        if match is None or match[1] in _NOT_STRING_KEYS:
            raise _GiveUp  # not a plain key, or one the reference refuses
        key = match[1]
        return key, (number + 1, at + 1, number + 1, at + 1 + len(key)), match.end()

    def _flow_item(self, line: str, number: int, at: int, depth: int) -> tuple[Any, Node, int]:
        """A value inside a flow collection: its value, node and the column after it."""
        row = number + 1
        first = line[at : at + 1]
        if first in ("[", "{"):
            return self._flow(line, number, at, depth)
        if first == "'":
            close = _closing_quote(line, at + 1)
            if close < 0:
                raise _GiveUp
            value = line[at + 1 : close].replace("''", "'")
            return value, ((row, at + 1, row, close + 2), None), close + 1
        if first == '"':
            text, close = _double_quoted(line, at)
            return text, ((row, at + 1, row, close + 2), None), close + 1
        match = _FLOW_PLAIN.match(line, at)
        if match is None:
            raise _GiveUp
        text = match[0].rstrip(" ")
        try:
            value = resolve_plain(text)
        except ValueError:
            raise _GiveUp from None
        return value, ((row, at + 1, row, at + 1 + len(text)), None), at + len(text)

    def _plain(self, number: int, at: int, indent: int) -> tuple[Any, Node, int]:
        lines = self.lines
        segment, ended = _plain_segment(lines[number], at)
        parts = [segment]
        end = (number + 1, at + 1 + len(segment))
        last = number
        breaks = 0
        following = number + 1
        while following < len(lines):
            line = lines[following]
            content = line.lstrip(" ")
            if not content:
                breaks += 1
                following += 1
                continue
            if len(line) - len(content) <= indent:
                break
            if ended or content[0] in _INDICATORS:
                raise _GiveUp  # a comment, list item or other indicator inside a scalar
            segment, ended = _plain_segment(line, len(line) - len(content))
            parts.append("\n" * breaks if breaks else " ")
            parts.append(segment)
            end = (following + 1, len(line) - len(content) + 1 + len(segment))
            last = following
            breaks = 0
            following += 1
        try:
            value = resolve_plain("".join(parts))
        except ValueError:
            raise _GiveUp from None
        return value, ((number + 1, at + 1, *end), None), last

    def _single_quoted(self, number: int, at: int, indent: int) -> tuple[Any, Node, int]:
        lines = self.lines
        first = number
        line = lines[number]
        start = at + 1
        parts: list[str] = []
        breaks = -1  # line breaks since the last piece of text; -1 before the first
        while True:
            close = _closing_quote(line, start)
            piece = line[start:close] if close >= 0 else line[start:].rstrip(" ")
            if breaks >= 0:
                piece = piece.lstrip(" ")
            if breaks > 0:
                parts.append("\n" * (breaks - 1) if breaks > 1 else " ")
            parts.append(piece)
            if close >= 0:
                break
            breaks = 1
            while True:
                number += 1
                if number >= len(lines):
                    raise _GiveUp  # the quote is never closed
                line = lines[number]
                content = line.lstrip(" ")
                if content:
                    break
                breaks += 1
            if len(line) - len(content) <= indent:
                raise _GiveUp  # a continuation line not indented past its block
            start = len(line) - len(content)
        _check_tail(line, close + 1)
        value = "".join(parts).replace("''", "'")
        return value, ((first + 1, at + 1, number + 1, close + 2), None), number


def _close(stack: list[_Frame], end: tuple[int, int]) -> Node:
    """Close the collection on top, which ends at ``end``, and place its node in its parent."""
    frame = stack.pop()
    node: Node = ((frame[5], frame[6], *end), frame[4])
    if stack:
        key_span = frame[8]
        stack[-1][4][frame[7]] = node if key_span is None else (key_span, node)
    return node


def _double_quoted(line: str, at: int) -> tuple[str, int]:
    """The value of the double-quoted scalar opening at column ``at``, on one line and with
    only the escapes JSON and YAML read alike, and the column of its closing quote."""
    match = _DOUBLE_QUOTED.match(line, at)
    if match is None:
        raise _GiveUp  # other escapes, and scalars over several lines, are the reference's
    text = match[1]
    if "\\" in text:
        text = _ESCAPE.sub(lambda escape: _ESCAPES[escape[1]], text)
    return text, match.end() - 1


def _closing_quote(line: str, start: int) -> int:
    """Where the single quote closing a scalar stands on ``line`` from ``start``, or -1."""
    while True:
        found = line.find("'", start)
        if found < 0 or line[found + 1 : found + 2] != "'":
            return found
        start = found + 2


def _plain_segment(line: str, at: int) -> tuple[str, bool]:
    """The text of a plain scalar on one line, up to a comment and without trailing spaces,
    and whether a comment follows it (which ends the scalar)."""
    comment = line.find(" #", at)
    segment = (line[at:comment] if comment >= 0 else line[at:]).rstrip(" ")
    if ": " in segment or segment.endswith(":"):
        raise _GiveUp  # libyaml reads a mapping (or refuses the line) here
    return segment, comment >= 0


def _check_tail(line: str, at: int) -> None:
    """After a quoted scalar or a flow collection only spaces and a comment may follow."""
    tail = line[at:]
    rest = tail.lstrip(" ")
    if rest and not (rest[0] == "#" and len(rest) < len(tail)):
        raise _GiveUp
