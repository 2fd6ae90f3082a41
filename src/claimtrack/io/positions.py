"""Where each value of a parsed file stands: a tree of spans mirroring the data.

Both loaders build the same shape, so one lookup serves YAML and JSON:

- a node is ``(span, children)``; ``span`` is ``(line, column, end_line, end_column)``,
  1-based, the end one past the last character (as SARIF counts);
- ``children`` is ``None`` for a scalar, a list of nodes for a sequence, and for a mapping a
  dict from key to ``(key_span, value_node)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from claimtrack.findings import Span

__all__ = ["Node", "PositionMap", "RawSpan", "span_of_offset"]

RawSpan: TypeAlias = tuple[int, int, int, int]
Node: TypeAlias = tuple[RawSpan, Any]


class PositionMap:
    """Answers "where is the value at this path?" for one parsed file.

    The tree may be built eagerly (YAML, from the parser's events) or on first use (JSON,
    whose fast parser keeps no positions): ``build`` is called at most once.
    """

    __slots__ = ("_build", "_root")

    def __init__(self, root: Node | None = None, build: Callable[[], Node] | None = None):
        self._root = root
        self._build = build

    @property
    def root(self) -> Node | None:
        """The tree, built now if it was deferred (``None`` if it cannot be built)."""
        if self._root is None and self._build is not None:
            build, self._build = self._build, None
            self._root = build()
        return self._root

    def span(self, path: Sequence[str | int], *, key: bool = False) -> Span | None:
        """The span of the value at ``path`` or, with ``key``, of its mapping key.

        When the path leads somewhere the file does not have (a missing field), the span of
        the deepest value that exists is returned, so a finding still points close by.
        """
        node = self.root
        if node is None:
            return None
        raw: RawSpan = node[0]
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
        return Span(raw[0], raw[1], raw[2], raw[3])


def span_of_offset(text: str, offset: int) -> Span:
    """The 1-based line and column of a character offset into ``text``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return Span(line, offset - line_start + 1)
