"""Where a key or a value is written in TOML text, for messages that name FILE:LINE:COL.

The standard library's TOML parser gives values without places. It stays the authority
for what the text means; this scanner reads text it has already accepted once more, and
records for each key path (a tuple of keys, with an index for an array element or an
array of tables) where the key is written and where its value begins. It knows comments,
the four kinds of string (so a ``#``, ``=``, ``[`` or quote inside one is not syntax),
quoted and dotted keys, table headers, arrays of tables, inline tables, arrays over many
lines, CRLF line ends and a byte order mark. Text it cannot follow ends the scan: what was
recorded until then is kept, and a place never found is None, never an exception.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Sequence

import attrs

__all__ = ["Place", "TomlPlaces", "scan_places"]

#: A 1-based line and column (in characters).
Place = tuple[int, int]
Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = " \t"
_SCALAR_END = frozenset(",]}#\r\n")


@attrs.frozen
class TomlPlaces:
    """The places the scan found: ``keys`` for key paths, ``values`` for where each value
    (or array element, or array-of-tables entry) begins."""

    keys: dict[Path, Place]
    values: dict[Path, Place]

    def at(self, path: Sequence[str | int]) -> Place | None:
        """The most telling place of ``path``: an array element's value when the path ends
        in an index, the key otherwise."""
        path = tuple(path)
        if path and isinstance(path[-1], int):
            return self.values.get(path)
        return self.keys.get(path)

    def value(self, path: Sequence[str | int]) -> Place | None:
        """Where the value of ``path`` begins (None for a table written as a header)."""
        return self.values.get(tuple(path))


class _Stop(Exception):
    """The text is not TOML this scanner can follow any further."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.skip = 1 if text.startswith("\ufeff") else 0
        self.text = text
        self.at = self.skip
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.keys: dict[Path, Place] = {}
        self.values: dict[Path, Place] = {}
        self.arrays: dict[Path, int] = {}

    def place(self, offset: int) -> Place:
        line = bisect.bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        return line, offset - start + 1 - (self.skip if line == 1 else 0)

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.text[index] if index < len(self.text) else ""

    def expect(self, what: str) -> None:
        if not self.text.startswith(what, self.at):
            raise _Stop
        self.at += len(what)

    def blanks(self) -> None:
        while self.peek() and self.peek() in _BLANK:
            self.at += 1

    def gaps(self) -> None:
        """Skip blanks, line ends and comments."""
        while True:
            char = self.peek()
            if char and char in " \t\r\n":
                self.at += 1
            elif char == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def run(self) -> None:
        table: Path = ()
        while True:
            self.gaps()
            if not self.peek():
                return
            if self.text.startswith("[[", self.at):
                self.at += 2
                table = self.header(array=True)
                self.blanks()
                self.expect("]]")
            elif self.peek() == "[":
                self.at += 1
                table = self.header(array=False)
                self.blanks()
                self.expect("]")
            else:
                self.pair(table)
            self.blanks()
            if self.peek() == "#" or self.peek() in ("\r", "\n", ""):
                continue
            raise _Stop

    def header(self, *, array: bool) -> Path:
        start = self.at
        parts = self.key()
        path: list[str | int] = []
        for number, (name, offset) in enumerate(parts):
            path.append(name)
            self.keys.setdefault(tuple(path), self.place(offset))
            last = number == len(parts) - 1
            if array and last:
                index = self.arrays.get(tuple(path), -1) + 1
                self.arrays[tuple(path)] = index
                path.append(index)
                self.values.setdefault(tuple(path), self.place(start))
            elif tuple(path) in self.arrays:
                path.append(self.arrays[tuple(path)])
        return tuple(path)

    def pair(self, table: Path) -> None:
        path = self.dotted(table)
        self.blanks()
        self.expect("=")
        self.blanks()
        self.value(path)

    def dotted(self, base: Path) -> Path:
        path = base
        for name, offset in self.key():
            path = (*path, name)
            self.keys.setdefault(path, self.place(offset))
        return path

    def key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self.blanks()
            offset = self.at
            char = self.peek()
            if char == '"':
                end = self.basic_end(self.at)
                parts.append((_decode(self.text[self.at : end]), offset))
                self.at = end
            elif char == "'":
                end = self.text.find("'", self.at + 1)
                if end < 0:
                    raise _Stop
                parts.append((self.text[self.at + 1 : end], offset))
                self.at = end + 1
            else:
                match = _BARE.match(self.text, self.at)
                if match is None:
                    raise _Stop
                parts.append((match.group(), offset))
                self.at = match.end()
            self.blanks()
            if self.peek() != ".":
                return parts
            self.at += 1

    def basic_end(self, start: int) -> int:
        """Just past the basic string opening at ``start``."""
        index = start + 1
        while index < len(self.text):
            char = self.text[index]
            if char == "\\":
                index += 2
            elif char == '"':
                return index + 1
            elif char == "\n":
                break
            else:
                index += 1
        raise _Stop

    def multiline_end(self, quotes: str) -> int:
        """Just past the multi-line string (``quotes``: its delimiter) opening here."""
        index = self.at + 3
        while index < len(self.text):
            if quotes == '"""' and self.text[index] == "\\":
                index += 2
            elif self.text.startswith(quotes, index):
                end = index + 3
                extra = 0  # up to two quotes may end the content just before the delimiter
                while extra < 2 and end < len(self.text) and self.text[end] == quotes[0]:
                    end += 1
                    extra += 1
                return end
            else:
                index += 1
        raise _Stop

    def value(self, path: Path) -> None:
        self.values.setdefault(path, self.place(self.at))
        char = self.peek()
        if self.text.startswith('"""', self.at) or self.text.startswith("'''", self.at):
            self.at = self.multiline_end(self.text[self.at : self.at + 3])
        elif char == '"':
            self.at = self.basic_end(self.at)
        elif char == "'":
            end = self.text.find("'", self.at + 1)
            if end < 0:
                raise _Stop
            self.at = end + 1
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            start = self.at
            while self.peek() and self.peek() not in _SCALAR_END:
                self.at += 1
            if self.at == start:
                raise _Stop

    def array(self, path: Path) -> None:
        self.at += 1
        index = 0
        while True:
            self.gaps()
            if self.peek() == "]":
                self.at += 1
                return
            self.value((*path, index))
            index += 1
            self.gaps()
            if self.peek() == ",":
                self.at += 1
            elif self.peek() != "]":
                raise _Stop

    def inline_table(self, path: Path) -> None:
        self.at += 1
        while True:
            self.gaps()
            if self.peek() == "}":
                self.at += 1
                return
            self.pair(path)
            self.gaps()
            if self.peek() == ",":
                self.at += 1
            elif self.peek() != "}":
                raise _Stop


def _decode(quoted: str) -> str:
    """A basic string's value, as the TOML parser reads it."""
    import tomllib

    try:
        value = tomllib.loads(f"k = {quoted}")["k"]
    except tomllib.TOMLDecodeError:
        raise _Stop from None
    return str(value)


def scan_places(text: str) -> TomlPlaces:
    """The places of the keys and values of ``text`` (TOML the parser has accepted; for
    other text, what could be found before the scan lost its way)."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, ValueError):
        scanner.run()
    return TomlPlaces(scanner.keys, scanner.values)
