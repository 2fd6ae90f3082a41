"""Reading a claim file: bytes, limits, decoding, parsing, into a :class:`LoadedDocument`.

A loaded document is a value: the text, the parsed data and where each value stands. Checks
run on it, never on files, so faster loaders or a cache can stand in for this one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from enum import StrEnum
from pathlib import Path
from typing import Any

import attrs

from claimtrack import rules
from claimtrack._inert import visible
from claimtrack.errors import InputLimitError, LoadError
from claimtrack.findings import Location, Span, pointer
from claimtrack.io.json import parse_json
from claimtrack.io.limits import Limits
from claimtrack.io.names import display_name
from claimtrack.io.positions import PositionMap, span_of_offset
from claimtrack.io.problem import ParseProblem
from claimtrack.io.regular import TooLargeError, read_regular
from claimtrack.io.values import value_surprise
from claimtrack.io.yaml import YamlLimits, parse_yaml
from claimtrack.io.yaml_block import parse_block_yaml

__all__ = [
    "Format",
    "Limits",
    "LoadedDocument",
    "detect_format",
    "load_bytes",
    "load_path",
    "read_bytes",
]

_BOMS = {  # UTF-32's before UTF-16's, whose little-endian mark begins UTF-32's
    b"\xef\xbb\xbf": "UTF-8",
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


class Format(StrEnum):
    """The syntaxes a claim file may be written in."""

    YAML = "yaml"
    JSON = "json"


# Where a location without a span points: the top of the file, as Location's defaults do.
_TOP_OF_FILE: tuple[int, int, None, None] = (1, 1, None, None)


@attrs.frozen(eq=False)
class LoadedDocument:
    """A parsed claim file: its name, format, text, data and value positions."""

    path: str
    format: Format
    text: str
    data: Any
    positions: PositionMap
    file_path: Path | None = None

    def claim_id_at(self, path: tuple[str | int, ...] | list[str | int]) -> str | None:
        """The id of the claim a path lies in, if it lies in one that has a usable id."""
        if len(path) < 2 or path[0] != "claims" or not isinstance(path[1], int):
            return None
        claims = self.data.get("claims") if isinstance(self.data, dict) else None
        if not isinstance(claims, list) or not 0 <= path[1] < len(claims):
            return None
        claim = claims[path[1]]
        claim_id = claim.get("id") if isinstance(claim, dict) else None
        return claim_id if isinstance(claim_id, str) else None

    def location(
        self, path: tuple[str | int, ...] | list[str | int], *, key: bool = False
    ) -> Location:
        """The location of the value (or, with ``key``, the key) at ``path``."""
        span = self.positions.raw_span(path, key=key)
        line, column, end_line, end_column = span or _TOP_OF_FILE
        return Location(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            pointer=pointer(path),
            claim_id=self.claim_id_at(path),
        )


def detect_format(name: str, text: str | None = None) -> Format:
    """The format a file name implies; for other names, JSON if the text starts with '{'."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".json":
        return Format.JSON
    if suffix in (".yaml", ".yml"):
        return Format.YAML
    if text is not None and text.lstrip().startswith("{"):
        return Format.JSON
    return Format.YAML


def _problem_error(name: str, problem: ParseProblem) -> LoadError:
    finding = rules.finding(
        problem.rule,
        problem.message,
        Location.at(name, problem.span, problem.pointer),
        hint=problem.hint,
    )
    if problem.rule is rules.INPUT_LIMIT:
        return InputLimitError([finding])
    return LoadError([finding])


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            raise _problem_error(
                name,
                ParseProblem(
                    rules.INVALID_ENCODING,
                    f"the file starts with a {encoding} byte-order mark",
                    Span(1, 1),
                ),
            )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", errors="replace")
        raise _problem_error(
            name,
            ParseProblem(
                rules.INVALID_ENCODING,
                f"byte 0x{data[error.start]:02x} at offset {error.start} is not valid UTF-8",
                span_of_offset(good, len(good)),
            ),
        ) from None


def load_bytes(
    data: bytes,
    name: str,
    *,
    format: Format | None = None,
    limits: Limits | None = None,
    file_path: Path | None = None,
) -> LoadedDocument:
    """Decode and parse a claim file's bytes; raise :class:`LoadError` with findings if bad.

    ``name`` is how findings will name the file (as the user gave it).
    """
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise _problem_error(
            name,
            ParseProblem(
                rules.INPUT_LIMIT,
                f"the file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}",
                Span(1, 1),
            ),
        )
    text = _decode(data, name)
    fmt = format or detect_format(name, text)
    try:
        if fmt is Format.JSON:
            parsed, positions = parse_json(text)
        else:
            yaml_limits = YamlLimits(limits.max_depth, limits.max_alias_nodes)
            # Plain block YAML is read by the fast reader; anything else, and every error,
            # by the reference loader (libyaml's events). Both give the same data and spans.
            parsed, root = parse_block_yaml(text, yaml_limits) or parse_yaml(text, yaml_limits)
            positions = PositionMap(root)
    except ParseProblem as problem:
        raise _problem_error(name, problem) from None
    surprise = value_surprise(parsed, text)
    if surprise is not None:
        path, message, key, hint = surprise
        raise _problem_error(
            name,
            ParseProblem(
                rules.UNSUPPORTED_VALUE,
                message,
                positions.span(path, key=key),
                hint=hint,
                # A key holding a lone surrogate could not be written out as UTF-8.
                pointer=pointer([visible(s) if isinstance(s, str) else s for s in path]),
            ),
        )
    if not isinstance(parsed, dict):
        what = "empty" if parsed is None else f"a {_kind(parsed)}"
        raise _problem_error(
            name,
            ParseProblem(
                rules.NOT_A_CLAIM_FILE,
                f"the top level of the file is {what}, not a mapping",
                positions.span(()),
            ),
        )
    return LoadedDocument(name, fmt, text, parsed, positions, file_path)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "number"


def read_bytes(
    path: str | os.PathLike[str], *, name: str | None = None, limits: Limits | None = None
) -> bytes:
    """A claim file's bytes; :class:`LoadError` (E100, or E104 when too large) if they cannot
    be had. ``name`` is how findings name the file."""
    limits = limits or Limits()
    display = name if name is not None else display_name(path)
    try:
        return read_regular(path, limits.max_bytes)
    except TooLargeError as error:
        raise _problem_error(
            display,
            ParseProblem(
                rules.INPUT_LIMIT,
                f"the file is {error.size:,} bytes or more, over the limit of {error.limit:,}",
                Span(1, 1),
            ),
        ) from None
    except (OSError, ValueError) as error:
        raise LoadError(
            [
                rules.finding(
                    rules.UNREADABLE,
                    f"cannot read the file: {_unreadable(path, error)}",
                    Location(path=display),
                )
            ]
        ) from None


def _unreadable(path: str | os.PathLike[str], error: OSError | ValueError) -> str:
    """Why ``path`` cannot be read: a link leading nowhere said to be one."""
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    if isinstance(error, OSError) and error.errno == errno.ENOENT and os.path.islink(path):
        with contextlib.suppress(OSError):
            return f"it is a symbolic link to '{os.readlink(path)}', which does not exist"
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def load_path(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    format: Format | None = None,
    limits: Limits | None = None,
) -> LoadedDocument:
    """Read and parse a claim file from disk; raise :class:`LoadError` with findings if bad."""
    limits = limits or Limits()
    display = name if name is not None else display_name(path)
    data = read_bytes(path, name=display, limits=limits)
    return load_bytes(data, display, format=format, limits=limits, file_path=Path(path))
