"""JSON to plain data, with positions computed only when a finding needs one.

orjson parses whatever it reads exactly as the standard library would
(:mod:`claimtrack.io.json_fast` says when that is); the standard library's C parser reads
the rest (duplicate keys, integers beyond 64 bits, anything refused) and words the finding.
Neither keeps positions. A location is found on demand by walking down its path: each
object or array on the way is split into its members once, with the C scanner stepping over
each member, so a finding costs a few C calls however large the file
(:class:`JsonPositions`); inside a record, where the parsed data shows that a search for a
member's key cannot find another, the member is found by that search instead
(:mod:`claimtrack.io.json_search`). Most files have no findings and never pay for it. Tools
that need every position at once (rewrites) get the full tree from a small tokenising
scanner.
"""

from __future__ import annotations

import json
import json.decoder
import re
from array import array
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, cast

from claimtrack import rules
from claimtrack.findings import Span, pointer
from claimtrack.io.json_fast import fast_parse
from claimtrack.io.json_search import find_member, nested_keys
from claimtrack.io.positions import LineIndex, Node, PositionMap, RawSpan
from claimtrack.io.problem import ParseProblem
from claimtrack.io.values import huge_integer

__all__ = ["JsonPositions", "parse_json", "scan_positions"]


class _DuplicateKeyError(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _constant(name: str) -> Any:
    raise ValueError(name)


def parse_json(text: str) -> tuple[Any, PositionMap]:
    """Parse JSON text; raise :class:`ParseProblem` for anything but plain, unique-keyed JSON."""
    fast = fast_parse(text)
    if fast is not None:
        return fast[0], JsonPositions(text, data=fast[0])
    walked = _parse_object(text)
    if walked is not None:
        data, split = walked
        return data, JsonPositions(text, split, data)
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=huge_integer
        )
    except json.JSONDecodeError as error:
        if not text.strip():
            raise ParseProblem(rules.NOT_A_CLAIM_FILE, "the file is empty", Span(1, 1)) from None
        raise _syntax_problem(error) from None
    except _DuplicateKeyError:
        # The duplicate stopped the parser early: a syntax error further on comes first, and
        # only well-formed text is handed to the position scanner.
        try:
            json.loads(text, parse_constant=_constant, parse_int=huge_integer)
        except json.JSONDecodeError as error:
            raise _syntax_problem(error) from None
        except (ValueError, RecursionError):
            pass  # refused below all the same, by the duplicate
        raise _duplicate_problem(text) from None
    except ValueError as error:
        name = str(error)
        offset = _find_constant(text, name)
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            f"{name} is not a valid JSON number",
            _offset_span(text, offset),
            hint="Write a finite number, or quote the value to make it a string.",
        ) from None
    except RecursionError:
        raise ParseProblem(rules.INPUT_LIMIT, "nesting is too deep to read", Span(1, 1)) from None
    return data, JsonPositions(text, data=data)


def _syntax_problem(error: json.JSONDecodeError) -> ParseProblem:
    # From the offset, not the error's own line and column: those count line feeds only,
    # and JSON lets a carriage return alone end a line.
    line, column = LineIndex(error.doc).position(error.pos)
    return ParseProblem(rules.SYNTAX_ERROR, f"invalid JSON: {error.msg}", Span(line, column))


def _parse_object(text: str) -> tuple[dict[str, Any], dict[int, _Members]] | None:
    """Parse JSON text that holds an object, member by member, noting where its members and
    the items of its arrays (the lists of records) stand; None for any other text, and for
    anything :func:`json.loads` would refuse (which then says why).

    The C scanner parses each value, as ``json.loads`` would; walking the top two levels
    here costs little and spares finding them again for the first finding.
    """
    scan, colon = _scan_checked, _COLON.match
    split: dict[int, _Members] = {}
    keys: list[str] = []
    pairs: list[tuple[str, Any]] = []
    offsets = array("q")
    try:
        start = _skip_space(text, 0)
        if text[start] != "{":
            return None
        index = _skip_space(text, start + 1)
        while text[index] != "}" or pairs:
            if text[index] != '"':
                return None
            key, key_end = _scan_string(text, index + 1)
            found = colon(text, key_end)
            if found is None:
                return None
            value_start = found.end()
            if text[value_start] == "[":
                value, value_end = _parse_items(text, value_start, split)
            else:
                value, value_end = scan(text, value_start)
            keys.append(key)
            pairs.append((key, value))
            offsets.extend((index, key_end, value_start, value_end))
            index = _skip_space(text, value_end)
            if text[index] == "}":
                break
            if text[index] != ",":
                return None
            index = _skip_space(text, index + 1)
        if _skip_space(text, index + 1) != len(text):
            return None
        data = _pairs(pairs)
    except (StopIteration, ValueError, IndexError, RecursionError, _DuplicateKeyError):
        return None
    split[start] = ({name: number for number, name in enumerate(keys)}, offsets)
    return data, split


def _parse_items(text: str, start: int, split: dict[int, _Members]) -> tuple[list[Any], int]:
    """Parse the array at ``start``, noting where each item stands; raise ValueError (or the
    scanner's StopIteration) where it is not valid JSON."""
    scan = _scan_checked
    items: list[Any] = []
    offsets = array("q")
    index = _skip_space(text, start + 1)
    if text[index] != "]":
        while True:
            value, end = scan(text, index)
            items.append(value)
            offsets.extend((index, end))
            index = _skip_space(text, end)
            if text[index] == "]":
                break
            if text[index] != ",":
                raise ValueError("expected ',' or ']'")
            index = _skip_space(text, index + 1)
    split[start] = (None, offsets)
    return items, index + 1


def _find_constant(text: str, name: str) -> int:
    # The constant is outside any string, so the first bare occurrence after a ':' , '[' or ','.
    match = re.search(r"[:\[,]\s*(" + re.escape(name) + r")\b", text)
    return match.start(1) if match else 0


def _offset_span(text: str, offset: int) -> Span:
    line = text.count("\n", 0, offset) + 1
    return Span(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _duplicate_problem(text: str) -> ParseProblem:
    _root, duplicate = scan_positions(text)
    if duplicate is None:  # pragma: no cover - the parser and the scanner agree on keys
        return ParseProblem(rules.DUPLICATE_KEY, "a key appears twice in one object", Span(1, 1))
    key, where_offsets, first_offsets, path = duplicate
    lines = LineIndex(text)
    where = lines.span(*where_offsets)
    first = lines.span(*first_offsets)
    return ParseProblem(
        rules.DUPLICATE_KEY,
        f"key {key!r} appears twice in the same object (first at line {first[0]},"
        f" column {first[1]})",
        Span(*where),
        pointer=pointer([*path, key]),
    )


# A container's members, compactly: for an object, its keys' order (a table shared by every
# object with the same keys, mapping key -> member number) and per member four offsets (key
# start, key end, value start, value end); for an array, no table and per item two offsets
# (value start, value end).
_Members: TypeAlias = "tuple[dict[str, int] | None, array[int]]"

# The standard library's C scanners (undeclared in its type stubs): a string from just past
# its opening quote, and any value from its first character; each gives the value and the
# offset just past it. Like the json module's own default decoder, one serves every document.
_scan_string: Callable[[str, int], tuple[str, int]] = cast(Any, json.decoder).scanstring
# Positions need only where a value ends: integers are kept as their text (``str`` is called
# from C, with no Python frame per number, and no length limit applies).
_scan_value: Callable[[str, int], tuple[Any, int]] = cast(
    Any, json.JSONDecoder(parse_int=str)
).scan_once
# The same scanner with parse_json's checks: unique keys, no NaN or Infinity.
_scan_checked: Callable[[str, int], tuple[Any, int]] = cast(
    Any,
    json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_int=huge_integer),
).scan_once

_SPACE = re.compile(r"[ \t\n\r]*")
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_SEPARATOR = re.compile(r"[ \t\n\r]*(?:,[ \t\n\r]*)?")


# No parsed data given (a caller with the text alone).
_NO_DATA: Any = object()


class JsonPositions(PositionMap):
    """Positions in well-formed JSON text, found on demand along each path asked for.

    The members of each object and array on a path are found once and kept, as offsets in
    an array (a few bytes per member, so even every claim of a large file costs little);
    findings come rule by rule, each rule walking all the claims, so anything evicted would
    soon be split again. The C scanner steps over each member's value, so no Python code
    runs per character.
    """

    __slots__ = ("_data", "_end", "_found", "_index", "_key_tables", "_nested", "_split", "_text")

    def __init__(
        self, text: str, split: dict[int, _Members] | None = None, data: Any = _NO_DATA
    ) -> None:
        index = LineIndex(text)
        super().__init__(build=lambda: scan_positions(text)[0], lines=index)
        self._text = text
        self._index = index
        self._end: int | None = None
        self._split: dict[int, _Members | None] = dict(split or {})
        self._key_tables: dict[tuple[str, ...], dict[str, int]] = {}
        # With the parsed ``data`` of the text, a member of an object not yet split may be
        # found by searching for its key (:mod:`claimtrack.io.json_search`).
        self._data = data
        self._nested: dict[int, frozenset[str]] = {}
        self._found: dict[tuple[int, str], tuple[int, int, int] | None] = {}

    def raw_span(self, path: Sequence[str | int], *, key: bool = False) -> RawSpan | None:
        try:
            return self._find(path, key)
        except RecursionError:
            # The C scanner recurses once per level of nesting; a value nested nearly as
            # deep as the parser allows is found by the iterative scanner instead.
            return super().raw_span(path, key=key)

    def _find(self, path: Sequence[str | int], key: bool) -> RawSpan:
        if self._end is None:
            self._end = _content_end(self._text)
        # The value reached so far: where it starts and ends (None until needed), and its
        # parsed data (_NO_DATA when not known).
        start, end, value = _skip_space(self._text, 0), cast("int | None", self._end), self._data
        last = len(path) - 1
        split = self._split
        for depth, step in enumerate(path):
            if depth and isinstance(value, dict) and isinstance(step, str) and start not in split:
                if step not in value:
                    break
                if end is None:
                    end = _scan_value(self._text, start)[1]
                found = self._search(start, end, value, step)
                if found is not None:
                    if key and depth == last:
                        start, end = found[0], found[1]
                        break
                    start, end, value = found[2], None, value[step]
                    continue
            if step == 0 and isinstance(value, list) and value and start not in split:
                # The first item starts at the array's first character that is not space.
                start, end, value = _skip_space(self._text, start + 1), None, value[0]
                continue
            members = split.get(start)
            if members is None and start not in split:
                members = split[start] = self._members(start, top=depth == 0)
            if members is None:
                break
            table, offsets = members
            if table is not None:
                number = table.get(step) if isinstance(step, str) else None
                if number is None:
                    break
                at = 4 * number + (0 if key and depth == last else 2)
            elif isinstance(step, int) and 0 <= step < len(offsets) // 2:
                at = 2 * step
            else:
                break
            start, end = offsets[at], offsets[at + 1]
            value = _child(value, step)
        if end is None:
            end = _scan_value(self._text, start)[1]
        return self._index.span(start, end)

    def _search(
        self, start: int, end: int, value: dict[str, Any], step: str
    ) -> tuple[int, int, int] | None:
        """Member ``step`` of the object at ``start``–``end`` found by a search, once."""
        found = self._found.get((start, step), _NO_DATA)
        if found is _NO_DATA:

            def nested() -> frozenset[str]:
                keys = self._nested.get(start)
                if keys is None:
                    keys = self._nested[start] = nested_keys(value)
                return keys

            found = self._found[start, step] = find_member(self._text, start, end, step, nested)
        return cast("tuple[int, int, int] | None", found)

    def _members(self, start: int, *, top: bool = False) -> _Members | None:
        """The members of the object or array at ``start`` (None for a scalar); ``top`` for
        the value at the top of the file."""
        opening = self._text[start : start + 1]
        if opening == "{":
            return self._object_members(start, split_lists=top)
        if opening == "[":
            return self._array_members(start)[0]
        return None

    def _object_members(self, start: int, *, split_lists: bool = False) -> _Members:
        """The members of the object at ``start``. With ``split_lists`` the items of each
        member that is a list are noted on the way (at the top of a claim file, the lists of
        records every finding's path goes through), which spares scanning each list twice:
        once to step over it here, once to split it for the first finding inside."""
        text, scan, colon, separator = self._text, _scan_value, _COLON.match, _SEPARATOR.match
        keys: list[str] = []
        offsets = array("q")
        index = _skip_space(text, start + 1)
        while text[index] == '"':
            name, key_end = _scan_string(text, index + 1)
            value_start = colon(text, key_end).end()  # type: ignore[union-attr]
            if split_lists and text[value_start] == "[":
                self._split[value_start], value_end = self._array_members(value_start)
            else:
                value_end = scan(text, value_start)[1]
            keys.append(name)
            offsets.extend((index, key_end, value_start, value_end))
            index = separator(text, value_end).end()  # type: ignore[union-attr]
        order = tuple(keys)
        table = self._key_tables.get(order)
        if table is None:
            table = self._key_tables[order] = {name: n for n, name in enumerate(order)}
        return table, offsets

    def _array_members(self, start: int) -> tuple[_Members, int]:
        """The items of the array at ``start``, and the offset just past the array."""
        text, scan, separator = self._text, _scan_value, _SEPARATOR.match
        offsets = array("q")
        index = _skip_space(text, start + 1)
        while text[index] != "]":
            value_end = scan(text, index)[1]
            offsets.extend((index, value_end))
            index = separator(text, value_end).end()  # type: ignore[union-attr]
        return (None, offsets), index + 1


def _child(value: Any, step: str | int) -> Any:
    """The member or item ``step`` of parsed ``value`` (which the text has), or _NO_DATA."""
    if value is _NO_DATA:
        return _NO_DATA
    return value[step]


def _skip_space(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # always matches


def _content_end(text: str) -> int:
    """The offset just past the last character that is not white space."""
    end = len(text)
    while end > 0:
        chunk = text[max(0, end - 4096) : end]
        kept = chunk.rstrip(" \t\n\r")
        if kept:
            return end - len(chunk) + len(kept)
        end -= len(chunk)
    return 0


class _JsonFrame:
    __slots__ = ("children", "key", "key_span", "start")

    def __init__(self, is_object: bool, start: int) -> None:
        self.start = start
        self.children: dict[str, tuple[tuple[int, int], Node]] | list[Node] = (
            {} if is_object else []
        )
        self.key: str | None = None
        self.key_span: tuple[int, int] | None = None


# Offsets (start, end) of a key or value; turned into lines and columns only when asked.
_OffsetSpan = tuple[int, int]
_Duplicate = tuple[str, _OffsetSpan, _OffsetSpan, list[str | int]]

# Every token but the separators (',' ':') and white space, which finditer steps over.
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|[{}\[\]]|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?'
    r"|true|false|null",
    re.DOTALL,
)


def scan_positions(text: str) -> tuple[Node, _Duplicate | None]:
    """The position tree of well-formed JSON text, with (start, end) offsets for spans, and
    its first duplicate key if any.

    One pass of a tokenising regular expression, iterative, so nesting depth costs no
    recursion; lines and columns are computed later, only for the spans asked for.
    """
    stack: list[_JsonFrame] = []
    root: Node | None = None
    duplicate: _Duplicate | None = None
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        char = text[start]
        node: Node
        if char == "{" or char == "[":
            stack.append(_JsonFrame(char == "{", start))
            continue
        if char == "}" or char == "]":
            frame = stack.pop()
            node = ((frame.start, end), frame.children)
        else:
            if stack:
                top = stack[-1]
                children = top.children
                if top.key is None and isinstance(children, dict) and char == '"':
                    raw_key = text[start + 1 : end - 1]
                    key = json.loads(match.group()) if "\\" in raw_key else raw_key
                    if key in children and duplicate is None:
                        first = children[key][0]
                        duplicate = (key, (start, end), first, _stack_path(stack[:-1]))
                    top.key = key
                    top.key_span = (start, end)
                    continue
            node = ((start, end), None)
        if not stack:
            root = node
            continue
        top = stack[-1]
        children = top.children
        if isinstance(children, dict):
            if top.key is not None and top.key_span is not None:
                children[top.key] = (top.key_span, node)
            top.key = None
        else:
            children.append(node)
    if root is None:
        root = ((0, 0), None)
    return root, duplicate


def _stack_path(frames: list[_JsonFrame]) -> list[str | int]:
    steps: list[str | int] = []
    for frame in frames:
        if isinstance(frame.children, dict):
            if frame.key is not None:
                steps.append(frame.key)
        else:
            steps.append(len(frame.children))
    return steps
