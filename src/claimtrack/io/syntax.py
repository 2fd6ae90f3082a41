"""Where a TOML syntax error stands, for messages that name FILE:LINE:COL first.

The claim files' own parse errors are findings with a location; the configuration is read
by the standard library's TOML parser, whose errors carry the place in their own words
before Python 3.14. This takes the place out, so the message can start with it as every
claim-file error does. (A JSON error gives its place as attributes: ``lineno``, ``colno``
and ``msg``.)
"""

from __future__ import annotations

import re
import tomllib

__all__ = ["toml_syntax"]

_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def _end(text: str) -> tuple[int, int]:
    """The line and column just past the last character of ``text`` (both 1-based)."""
    line = text.count("\n") + 1
    return line, len(text) - (text.rfind("\n") + 1) + 1


def toml_syntax(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, int, str]:
    """The 1-based line and column a TOML error points at, and what it says without them."""
    message = str(error)
    lineno = getattr(error, "lineno", None)  # Python 3.14 gives the place as attributes
    colno = getattr(error, "colno", None)
    reason = getattr(error, "msg", None)
    if isinstance(lineno, int) and isinstance(colno, int) and isinstance(reason, str):
        return lineno, colno, reason
    found = _TOML_AT.search(message)
    if found is None:
        return 1, 1, message
    reason = message[: found.start()]
    if found.group(1) is None:
        return (*_end(text), reason)
    return int(found.group(1)), int(found.group(2)), reason
