"""Whether a rewrite kept every line it was not asked to change.

The fallback writers (ruamel.yaml's round trip, a JSON re-dump) emit the whole file again,
and so may re-indent, re-quote, fold, drop an anchor or a comment, or change line endings
far from the values they were asked to change. Their output is accepted only when every
line of the original that holds none of the changed values is still there, byte for byte
(line ending included) and in order; new lines may only be added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from claimtrack.io.load import LoadedDocument

__all__ = ["keeps_other_lines"]

Path = tuple[str | int, ...]


def _touched(document: LoadedDocument, paths: Iterable[Path]) -> set[int]:
    """The 0-based numbers of the original lines holding the changed values (and keys), and
    the closing line of the mapping a new key goes into."""
    lines: set[int] = set()
    for path in paths:
        spans = [document.positions.raw_span(path), document.positions.raw_span(path, key=True)]
        if spans[0] is None:  # a new key: its mapping's end may change (flow style)
            spans = [document.positions.raw_span(path[:-1])]
        for span in spans:
            if span is not None:
                lines.update(range(span[0] - 1, span[2]))
    return lines


def keeps_other_lines(document: LoadedDocument, paths: Sequence[Path], text: str) -> bool:
    """Whether ``text`` (a rewrite of ``document`` changing the values at ``paths``) keeps
    every other original line unchanged and in order."""
    old = document.text.splitlines(keepends=True)
    new = text.splitlines(keepends=True)
    touched = _touched(document, paths)
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, first, last, start, end in matcher.get_opcodes():
        if tag not in ("replace", "delete"):
            continue
        kept = iter(new[start:end])
        for number in range(first, last):
            if number in touched:
                continue
            # An untouched line may only reappear as it was, or with the '- ' of a sequence
            # item whose first key was removed moved onto it.
            if not any(_same_line(old[number], line) for line in kept):
                return False
    return True


def _same_line(old: str, new: str) -> bool:
    if old == new:
        return True
    body = old.lstrip(" ")
    indent = old[: len(old) - len(body)]
    return (
        len(new) == len(old)
        and new.endswith(body)
        and new[: len(indent)].replace("- ", "  ") == indent
        and "- " in new[: len(indent)]
    )
