"""Where each value of a parsed file stands: a tree of spans mirroring the data.

Both loaders build the same shape, so one lookup serves YAML and JSON:

- a node is ``(span, children)``; ``span`` is ``(line, column, end_line, end_column)``,
  1-based, the end one past the last character (as SARIF counts), or in a tree built from
  offsets (JSON's) ``(start, end)`` character offsets, converted on lookup;
- ``children`` is ``None`` for a scalar, a list of nodes for a sequence, and for a mapping a
  dict from key to ``(key_span, value_node)``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from claimtrack.findings import Span

__all__ = ["Node", "PositionMap", "RawSpan", "offsets_to_span", "span_of_offset"]

RawSpan: TypeAlias = tuple[int, int, int, int]
# A node's span is a RawSpan, or (start, end) offsets in a tree built with line_starts.
Node: TypeAlias = tuple[tuple[int, ...], Any]


class PositionMap:
    """Answers "where is the value at this path?" for one parsed file.

    The tree may be built eagerly (YAML, from the parser's events) or on first use (JSON,
    whose fast parser keeps no positions): ``build`` is called at most once.
    """

    __slots__ = ("_build", "_line_starts", "_root", "_starts")

    def __init__(
        self,
        root: Node | None = None,
        build: Callable[[], Node] | None = None,
        line_starts: Callable[[], list[int]] | None = None,
    ):
        self._root = root
        self._build = build
        # With ``line_starts``, the tree's spans are (start, end) character offsets, turned
        # into lines and columns on lookup (the JSON scanner keeps offsets only).
        self._line_starts = line_starts
        self._starts: list[int] | None = None

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
        if root is None or self._line_starts is None:
            return root
        if self._starts is None:
            self._starts = self._line_starts()
        return _convert(root, self._starts)

    def span(self, path: Sequence[str | int], *, key: bool = False) -> Span | None:
        """The span of the value at ``path`` or, with ``key``, of its mapping key.

        When the path leads somewhere the file does not have (a missing field), the span of
        the deepest value that exists is returned, so a finding still points close by.
        """
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
        if self._line_starts is not None:
            if self._starts is None:
                self._starts = self._line_starts()
            raw = offsets_to_span(self._starts, raw[0], raw[1])
        return Span(raw[0], raw[1], raw[2], raw[3])


def _convert(node: Node, starts: list[int]) -> Node:
    span, children = node
    line_span = offsets_to_span(starts, span[0], span[1])
    if isinstance(children, dict):
        return (
            line_span,
            {
                key: (offsets_to_span(starts, key_span[0], key_span[1]), _convert(child, starts))
                for key, (key_span, child) in children.items()
            },
        )
    if isinstance(children, list):
        return (line_span, [_convert(child, starts) for child in children])
    return (line_span, None)


def offsets_to_span(starts: list[int], start: int, end: int) -> RawSpan:
    """1-based (line, column, end line, end column) of the offsets ``start``–``end``, given
    the offset at which each line starts."""
    line = bisect_right(starts, start)
    end_line = bisect_right(starts, end)
    return (line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)


def span_of_offset(text: str, offset: int) -> Span:
    """The 1-based line and column of a character offset into ``text``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return Span(line, offset - line_start + 1)
