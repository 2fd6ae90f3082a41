"""JSON to plain data, with positions computed only when a finding needs one.

The standard library's C parser does the parsing (fast, exact); it keeps no positions, so a
small iterative scanner builds the position tree lazily, the first time a location is asked
for. Most files have no findings and never pay for it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimtrack import rules
from claimtrack.findings import Span, pointer
from claimtrack.io.positions import Node, PositionMap, offsets_to_span
from claimtrack.io.problem import ParseProblem

__all__ = ["line_starts", "parse_json", "scan_positions"]


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
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as error:
        if not text.strip():
            raise ParseProblem(rules.NOT_A_CLAIM_FILE, "the file is empty", Span(1, 1)) from None
        raise ParseProblem(
            rules.SYNTAX_ERROR,
            f"invalid JSON: {error.msg}",
            Span(error.lineno, error.colno),
        ) from None
    except _DuplicateKeyError:
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
    return data, PositionMap(
        build=lambda: scan_positions(text)[0], line_starts=lambda: line_starts(text)
    )


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
    starts = line_starts(text)
    where = offsets_to_span(starts, *where_offsets)
    first = offsets_to_span(starts, *first_offsets)
    return ParseProblem(
        rules.DUPLICATE_KEY,
        f"key {key!r} appears twice in the same object (first at line {first[0]},"
        f" column {first[1]})",
        Span(*where),
        pointer=pointer([*path, key]),
    )


class _Frame:
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


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


def scan_positions(text: str) -> tuple[Node, _Duplicate | None]:
    """The position tree of well-formed JSON text, with (start, end) offsets for spans, and
    its first duplicate key if any.

    One pass of a tokenising regular expression, iterative, so nesting depth costs no
    recursion; lines and columns are computed later, only for the spans asked for.
    """
    stack: list[_Frame] = []
    root: Node | None = None
    duplicate: _Duplicate | None = None
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        char = text[start]
        node: Node
        if char == "{" or char == "[":
            stack.append(_Frame(char == "{", start))
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


def _stack_path(frames: list[_Frame]) -> list[str | int]:
    steps: list[str | int] = []
    for frame in frames:
        if isinstance(frame.children, dict):
            if frame.key is not None:
                steps.append(frame.key)
        else:
            steps.append(len(frame.children))
    return steps
