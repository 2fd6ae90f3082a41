"""Making text from claim files inert in output meant for people, terminals and CI logs.

A claim id, a file name or a suppression reason comes from a file anyone may have written. In
text output a control character could clear a terminal or fake a line; a line feed could
start a GitHub Actions workflow command (``::add-mask::``) in a CI log; a run of backticks could
close the Markdown code fence a CI job summary wraps our output in. So every such value
passes through :func:`visible` first: all C0 and C1 controls (DEL and ESC included), the
Unicode line and paragraph separators, the bidirectional controls, zero-width characters,
the byte-order mark and lone surrogates are written as visible escapes (``\\x1b``,
``\\u2028``); only a zero-width joiner or non-joiner between two visible characters, as
Persian words and emoji sequences have them, is kept. The renderers then keep values away
from the start of a line.
"""

from __future__ import annotations

import re

__all__ = ["LINE_CONTROLS", "visible", "visible_lines"]

# C0 and C1 controls and DEL; NEL, the line and paragraph separators; zero-width and
# bidirectional formatting characters; the byte-order mark; lone surrogates (a file name
# that is not UTF-8 carries its bytes as U+DC80-U+DCFF).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff"
#: The zero-width non-joiner and joiner: written in words of Persian, Urdu and the Indic
#: scripts and between the emoji of one sequence, so kept where they stand between two
#: visible characters, and escaped only where they could hide nothing but themselves
#: (beside a space, a line's edge, another escaped character or each other).
_JOINERS = "\u200c\u200d"


def _escaping(escaped: str) -> re.Pattern[str]:
    """The characters in the class ``escaped`` except a joiner between two visible ones."""
    visible_char = f"[^\\s{escaped}]"
    lone = f"(?<!{visible_char})[{_JOINERS}]|[{_JOINERS}](?!{visible_char})"
    joiners = f"[{_JOINERS}]"
    others = f"[{escaped}]"
    return re.compile(f"{lone}|(?!{joiners}){others}")


_ONE_LINE = _escaping(f"\x00-\x1f{_BEYOND_C0}")
#: The characters :func:`visible_lines` may escape, as the inside of a regular expression's
#: character class (tab and line feed are kept; a joiner between two visible characters is
#: kept too).
LINE_CONTROLS = f"\x00-\x08\x0b-\x1f{_BEYOND_C0}"
_KEEP_LINES = _escaping(LINE_CONTROLS)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, as Python keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line, with every invisible or controlling character escaped (tabs
    and line breaks too)."""
    return _ONE_LINE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """``text`` with the same escapes as :func:`visible`, but keeping tabs and line feeds."""
    return _KEEP_LINES.sub(_escape, text)
