"""Where each value of a parsed file stands: a tree of spans mirroring the data.

Both loaders build the same shape, so one lookup serves YAML and JSON:

- a node is ``(span, children)``; ``span`` is ``(line, column, end_line, end_column)``,
  1-based, the end one past the last character (as SARIF counts), or in a tree built from
  offsets (JSON's) ``(start, end)`` character offsets, converted on lookup;
- ``children`` is ``None`` for a scalar, a list of nodes for a sequence, and for a mapping a
  dict from key to ``(key_span, value_node)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from claimtrack.findings import Span

__all__ = ["LineIndex", "Node", "PositionMap", "RawSpan", "span_of_offset"]

RawSpan: TypeAlias = tuple[int, int, int, int]
# A node's span is a RawSpan, or (start, end) offsets in a tree built with line_starts.
Node: TypeAlias = tuple[tuple[int, ...], Any]


class PositionMap:
    """Answers "where is the value at this path?" for one parsed file.

    The tree may be built eagerly (YAML, from the parser's events) or on first use (JSON,
    whose fast parser keeps no positions): ``build`` is called at most once.
    """

    __slots__ = ("_build", "_lines", "_root")

    def __init__(
        self,
        root: Node | None = None,
        build: Callable[[], Node] | None = None,
        lines: LineIndex | None = None,
    ):
        self._root = root
        self._build = build
        # With ``lines``, the tree's spans are (start, end) character offsets, turned into
        # lines and columns on lookup (the JSON scanner keeps offsets only).
        self._lines = lines

    @property
    def root(self) -> Node | None:
        """The tree, built now if it was deferred (``None`` if it cannot be built)."""
        if self._root is None and self._build is not None:
            build, self._build = self._build, None
            self._root = build()
        return self._root

    def line_root(self) -> Node | None:
        """The tree with every span as (line, column, end line, end column), converting an
        offset tree (JSON's) once; for tools that edit the text around values."""
        root = self.root
        if root is None or self._lines is None:
            return root
        return _convert(root, self._lines)

    def span(self, path: Sequence[str | int], *, key: bool = False) -> Span | None:
        """The span of the value at ``path`` or, with ``key``, of its mapping key.

        When the path leads somewhere the file does not have (a missing field), the span of
        the deepest value that exists is returned, so a finding still points close by.
        """
        raw = self.raw_span(path, key=key)
        return None if raw is None else Span(*raw)

    def raw_span(self, path: Sequence[str | int], *, key: bool = False) -> RawSpan | None:
        """:meth:`span` as a plain (line, column, end line, end column) tuple."""
        node = self.root
        if node is None:
            return None
        raw: tuple[int, ...] = node[0]
        for depth, step in enumerate(path):
            children = node[1]
            if isinstance(children, dict) and isinstance(step, str) and step in children:
                key_span, node = children[step]
                if key and depth == len(path) - 1:
                    raw = key_span
                    break
                raw = node[0]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
                raw = node[0]
            else:
                break
        if self._lines is not None:
            return self._lines.span(raw[0], raw[1])
        return (raw[0], raw[1], raw[2], raw[3])


def _convert(node: Node, lines: LineIndex) -> Node:
    span, children = node
    line_span = lines.span(span[0], span[1])
    if isinstance(children, dict):
        return (
            line_span,
            {
                key: (lines.span(key_span[0], key_span[1]), _convert(child, lines))
                for key, (key_span, child) in children.items()
            },
        )
    if isinstance(children, list):
        return (line_span, [_convert(child, lines) for child in children])
    return (line_span, None)


_LONE_CR = re.compile(r"\r(?!\n)")


class LineIndex:
    """Turns character offsets into 1-based lines and columns, for text of any size.

    The text is cut into fixed blocks; one pass (made on first use, at the speed of
    ``str.count``) notes how many line breaks precede each block and where the last of them
    is. A lookup then counts only within one block, so it costs the same on a 100 MB file,
    a one-line file or a file with millions of lines.
    """

    __slots__ = ("_block", "_breaks", "_last_break", "_text")

    def __init__(self, text: str, block: int = 4096) -> None:
        # A carriage return alone ends a line too (old Mac files; JSON and YAML allow it).
        # Counted as a line feed in a copy of the same length, offsets are unchanged.
        self._text = _LONE_CR.sub("\n", text) if "\r" in text else text
        self._block = block
        self._breaks: list[int] = []
        self._last_break: list[int] = []

    def _build(self) -> None:
        text, block = self._text, self._block
        breaks, last_break = [0], [-1]
        count, last = 0, -1
        for start in range(0, len(text), block):
            end = start + block
            count += text.count("\n", start, end)
            found = text.rfind("\n", start, end)
            if found >= 0:
                last = found
            breaks.append(count)
            last_break.append(last)
        self._breaks, self._last_break = breaks, last_break

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``, clamped into the text."""
        text = self._text
        offset = max(0, min(offset, len(text)))
        if not self._breaks:
            self._build()
        block = offset // self._block
        start = block * self._block
        line = self._breaks[block] + text.count("\n", start, offset) + 1
        line_start = text.rfind("\n", start, offset)
        if line_start < 0:
            line_start = self._last_break[block]
        return line, offset - line_start

    def span(self, start: int, end: int) -> RawSpan:
        """The (line, column, end line, end column) of the offsets ``start``–``end``."""
        line, column = self.position(start)
        if not 0 <= start <= end <= min(len(self._text), start + self._block):
            end_line, end_column = self.position(end)
            return (line, column, end_line, end_column)
        # A short span (most are) is measured from its start, not from a block boundary.
        breaks = self._text.count("\n", start, end)
        if not breaks:
            return (line, column, line, column + end - start)
        return (line, column, line + breaks, end - self._text.rfind("\n", start, end))


def span_of_offset(text: str, offset: int) -> Span:
    """The 1-based line and column of a character offset into ``text``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return Span(line, offset - line_start + 1)
