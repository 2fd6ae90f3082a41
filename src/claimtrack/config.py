"""Configuration: ``[tool.claimtrack]`` in ``pyproject.toml``, or a ``claimtrack.toml``.

The nearest file above the starting folder wins; in one folder ``claimtrack.toml`` beats
``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.claimtrack]`` table is passed
over. Keys (kebab-case, as in ruff): ``select``, ``extend-select``, ``ignore``, ``severity``
(a table from rule to level), ``fail-level``, ``baseline``, ``exclude`` (file globs) and the
input limits ``max-file-size`` (bytes, or a size such as ``"512 MiB"``), ``max-depth`` and
``max-alias-nodes``; paths are relative to the configuration file. ``docs-url`` (where the
documentation is published: SARIF rules link to their pages under it) and ``review-url``,
``reviewer``, ``reviewer-url``, ``reviewer-type`` (who publishes ClaimReviews, and where) are
read by the commands that use them. ``sources`` lists glob patterns of shared source library
files (relative to the configuration file's folder; see :mod:`claimtrack.validate.library`).
A ``claimtrack.toml`` holds these keys at its top level (or, as a ``pyproject.toml`` would,
in a ``[tool.claimtrack]`` table that is all it holds). An unknown key, rule or level is a
:class:`~claimtrack.errors.ConfigError` that starts with FILE:LINE:COL of the key (or of the
value, or the array element, at fault) and names the key.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack.errors import ConfigError
from claimtrack.findings import Severity
from claimtrack.io.limits import Limits
from claimtrack.lint.selection import RuleSelection, SelectionLayer, resolve

if TYPE_CHECKING:
    from claimtrack.io.toml_places import TomlPlaces
    from claimtrack.lint.baseline import Baseline

__all__ = [
    "CONFIG_FILES",
    "Config",
    "SourcePattern",
    "find_config",
    "load_config",
    "load_configured_baseline",
]

CONFIG_FILES = ("claimtrack.toml", "pyproject.toml")
KEYS = (
    "baseline",
    "docs-url",
    "exclude",
    "extend-select",
    "fail-level",
    "ignore",
    "max-alias-nodes",
    "max-depth",
    "max-file-size",
    "review-url",
    "reviewer",
    "reviewer-type",
    "reviewer-url",
    "select",
    "severity",
    "sources",
)
_URL_KEYS = ("docs-url", "review-url", "reviewer-url")
_REVIEWER_TYPES = ("Organization", "Person")
#: The highest values the input limits may be raised to: beyond them a parser would run out of
#: stack (depth) or a file could not be held in memory alongside its parse.
LIMIT_CEILINGS = {"max-file-size": 8 * 1024**3, "max-depth": 1000, "max-alias-nodes": 10**8}
_SIZE = re.compile(r"^\s*(\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$")
_SIZE_UNITS = {
    None: 1,
    "B": 1,
    "KB": 1000,
    "KiB": 1024,
    "MB": 1000**2,
    "MiB": 1024**2,
    "GB": 1000**3,
    "GiB": 1024**3,
}


@attrs.frozen
class SourcePattern:
    """One ``sources`` glob pattern and where the configuration file writes it (1-based)."""

    pattern: str
    line: int = 1
    column: int = 1


@attrs.frozen(kw_only=True)
class Config:
    """What a configuration file says (everything optional); ``path`` is the file, if any."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_level: Severity | None = None
    baseline: Path | None = None
    exclude: tuple[str, ...] = ()
    docs_url: str | None = None
    review_url: str | None = None
    reviewer: str | None = None
    reviewer_url: str | None = None
    reviewer_type: str | None = None
    #: The input limits, with today's defaults for the keys not given.
    limits: Limits = attrs.field(factory=Limits)
    #: The shared source library's glob patterns, relative to :attr:`folder` (none: every
    #: claim file defines its own sources, as before libraries existed).
    sources: tuple[SourcePattern, ...] = ()
    #: How messages name the ``baseline`` setting: ``FILE:LINE:COL: baseline``, the place of
    #: its value when it is found.
    baseline_key: str | None = None

    @property
    def folder(self) -> Path:
        """The folder relative paths in this configuration start from."""
        return self.path.parent if self.path is not None else Path.cwd()

    @property
    def where(self) -> str:
        """How messages name this configuration."""
        return _display(self.path) if self.path is not None else "configuration"

    def _key(self, key: str) -> str:
        in_pyproject = self.path is not None and self.path.name == "pyproject.toml"
        prefix = "tool.claimtrack." if in_pyproject else ""
        return f"{self.where}: {prefix}{key}"

    def layer(self) -> SelectionLayer:
        """This file's selection, as the first layer under the command line's."""
        return SelectionLayer(
            where=self._key("select"),
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
        )

    def selection(self, *later: SelectionLayer) -> RuleSelection:
        """The rules to run: this file's layer, then ``later`` ones (the command line)."""
        levels = [(rule, level, self._key("severity")) for rule, level in self.severity]
        return RuleSelection.build([self.layer(), *later], levels)

    def is_excluded(self, path: str) -> bool:
        """Whether a file matches an ``exclude`` glob (relative to the configuration's folder;
        ``*`` also matches ``/``, so ``fixtures/*`` excludes a whole tree)."""
        if not self.exclude or path == "-":
            return False
        base = self.path.parent if self.path is not None else Path.cwd()
        try:
            relative = Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        return any(
            fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(Path(path).name, pattern)
            for pattern in self.exclude
        )


def _display(path: Path) -> str:
    """A path as messages show it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _read_config(path: Path, name: str) -> str:
    """The configuration file's text, read as claim files are (regular file, size cap)."""
    from claimtrack.io.regular import read_settings_text

    return read_settings_text(path, Limits().max_bytes, "the configuration", name)


def _has_table(path: Path) -> bool:
    try:
        text = _read_config(path, path.as_posix())
    except ConfigError:
        return True  # let load_config report what is wrong with it
    if "claimtrack" not in text and "\\" not in text:
        # Without escapes a TOML key is spelt out, so this file has no claimtrack table;
        # most projects' pyproject.toml is so answered without a TOML parser.
        return False
    import tomllib  # imported only once there is a file that may have the table

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(data.get("tool"), dict) and "claimtrack" in data["tool"]


def _present(path: Path) -> bool:
    return path.exists() and not path.is_dir()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        # Anything but a folder by these names is taken (a FIFO or a device too), so that
        # load_config says what is wrong with it instead of passing it over in silence.
        if _present(candidate / "claimtrack.toml"):
            return candidate / "claimtrack.toml"
        pyproject = candidate / "pyproject.toml"
        if _present(pyproject) and _has_table(pyproject):
            return pyproject
    return None


class _Places:
    """How errors name the keys of one configuration file: ``FILE:LINE:COL: KEY`` when the
    place can be found in its text, ``FILE: KEY`` otherwise. The text is scanned only when
    a place is first asked for."""

    def __init__(self, name: str, text: str, prefix: str) -> None:
        self.name = name
        self.text = text
        self.prefix = prefix
        self.base: tuple[str, ...] = tuple(prefix.rstrip(".").split(".")) if prefix else ()
        self._found: TomlPlaces | None = None

    def place(self, path: Sequence[str | int], *, value: bool = False) -> tuple[int, int] | None:
        """Where the key at ``path`` (below the table) is written, or its value or element."""
        if self._found is None:
            from claimtrack.io.toml_places import scan_places

            self._found = scan_places(self.text)
        full = (*self.base, *path)
        return self._found.value(full) if value else self._found.at(full)

    def __call__(self, key: str, *inner: str | int, value: bool = False) -> str:
        """``key`` as messages name it, after the most precise place found: the value or
        the element at ``inner`` if asked for, else the key's own."""
        place = self.place((key, *inner), value=value) if inner or value else None
        place = place or self.place((key,))
        if place is None:
            return f"{self.name}: {self.prefix}{key}"
        return f"{self.name}:{place[0]}:{place[1]}: {self.prefix}{key}"


def _strings(value: Any, where: _Places, key: str) -> tuple[str, ...]:
    """A string or a list of strings; else an error at the value, or the first item that
    is not a string."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ConfigError(f"{where(key, value=True)}: expected a list of strings")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise ConfigError(f"{where(key, index)}: expected a list of strings")
    return tuple(value)


def _selectors(table: dict[str, Any], key: str, where: _Places) -> tuple[str, ...]:
    """The rule selectors under ``key``, each resolved (an unknown one an error at it)."""
    selectors = _strings(table.get(key, []), where, key)
    for index, selector in enumerate(selectors):
        at = where(key, index) if isinstance(table[key], list) else where(key, value=True)
        resolve(selector, at)
    return selectors


def load_config(path: str | os.PathLike[str] | None = None, start: Path | None = None) -> Config:
    """Read the configuration at ``path``, or the nearest one; an empty one if there is none.

    Every rule it names is checked here, so a typo is reported before anything runs.
    """
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    name = _display(found)
    import tomllib

    text = _read_config(found, name).removeprefix("\ufeff")  # as an editor may save it
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        from claimtrack.io.syntax import toml_syntax

        line, column, reason = toml_syntax(error, text)
        raise ConfigError(
            f"{name}:{line}:{column}: not valid TOML: {reason}; correct the TOML at that place"
        ) from None
    tool = data.get("tool")
    alone = found.name != "pyproject.toml" and not (
        set(data) == {"tool"} and isinstance(tool, dict) and set(tool) == {"claimtrack"}
    )
    if alone:  # a claimtrack.toml: its keys at the top level
        return _parse(data, found, _Places(name, text, ""))
    table = tool.get("claimtrack", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(
            f"{_Places(name, text, 'tool.')('claimtrack')} must be a table; write"
            " [tool.claimtrack] with the settings under it"
        )
    return _parse(table, found, _Places(name, text, "tool.claimtrack."))


def _unknown_key(key: str, where: _Places) -> ConfigError:
    import difflib  # only to suggest a key for a misspelt one

    close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
    tip = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
    if not where.prefix and key == "tool":
        tip = (
            "; claimtrack.toml holds its keys at the top level (or a [tool.claimtrack] table"
            f" and nothing else){tip}"
        )
    return ConfigError(f"{where(key)}: unknown key{tip}")


def _parse(table: dict[str, Any], path: Path, where: _Places) -> Config:
    for key in table:
        if key not in KEYS:
            raise _unknown_key(key, where)
    select = _selectors(table, "select", where) if "select" in table else None
    extend = _selectors(table, "extend-select", where)
    ignore = _selectors(table, "ignore", where)
    severity = _severity(table, where)
    fail_level = None
    if "fail-level" in table:
        raw = table["fail-level"]
        try:
            fail_level = Severity(raw)
        except ValueError:
            raise ConfigError(
                f"{where('fail-level', value=True)}: unknown level {raw!r} (use error, warning"
                " or info)"
            ) from None
    baseline = None
    if "baseline" in table:
        raw = table["baseline"]
        if not isinstance(raw, str) or not raw:
            raise ConfigError(f"{where('baseline', value=True)}: expected a file path")
        baseline = path.parent / raw
    texts = _texts(table, where)
    return Config(
        limits=_limits(table, where),
        path=path,
        select=select,
        extend_select=extend,
        ignore=ignore,
        severity=severity,
        fail_level=fail_level,
        baseline=baseline,
        baseline_key=where("baseline", value=True) if baseline is not None else None,
        exclude=_strings(table.get("exclude", []), where, "exclude"),
        docs_url=texts.get("docs-url"),
        review_url=texts.get("review-url"),
        reviewer=texts.get("reviewer"),
        reviewer_url=texts.get("reviewer-url"),
        reviewer_type=texts.get("reviewer-type"),
        sources=_source_patterns(table, where),
    )


def _severity(table: dict[str, Any], where: _Places) -> tuple[tuple[str, str], ...]:
    """The ``severity`` table's entries, each checked: an unknown level is an error at the
    level, an unknown rule (or an error code) at the rule."""
    levels = table.get("severity", {})
    if not isinstance(levels, dict):
        raise ConfigError(
            f'{where("severity", value=True)}: expected a table such as {{F106 = "info"}}'
        )
    for rule, level in levels.items():
        if not isinstance(level, str) or level not in tuple(Severity):
            raise ConfigError(
                f"{where('severity', rule, value=True)}: unknown severity {level!r} for"
                f" {rule!r} (use error, warning or info)"
            )
        RuleSelection.build((), [(rule, level, where("severity", rule))])
    return tuple(levels.items())


def _source_patterns(table: dict[str, Any], where: _Places) -> tuple[SourcePattern, ...]:
    """The ``sources`` patterns, each with where the file writes it (the top of the file
    when that cannot be told)."""
    if "sources" not in table:
        return ()
    patterns = _strings(table["sources"], where, "sources")
    for index, pattern in enumerate(patterns or ("",)):
        if not pattern.strip():
            at = where("sources", index) if patterns else where("sources", value=True)
            raise ConfigError(f'{at}: expected a list of glob patterns such as "sources/*.yaml"')
    found: list[SourcePattern] = []
    single = isinstance(table["sources"], str)
    for index, pattern in enumerate(patterns):
        place = where.place(("sources",), value=True) if single else where.place(("sources", index))
        found.append(SourcePattern(pattern, *place) if place else SourcePattern(pattern))
    return tuple(found)


def _texts(table: dict[str, Any], where: _Places) -> dict[str, str]:
    """The plain-text keys: non-empty strings, URLs absolute http(s), a known reviewer type."""
    from urllib.parse import urlsplit

    found: dict[str, str] = {}
    for key in ("docs-url", "review-url", "reviewer", "reviewer-url", "reviewer-type"):
        if key not in table:
            continue
        raw = table[key]
        at = where(key, value=True)
        if not isinstance(raw, str) or not raw.strip():
            raise ConfigError(f"{at}: expected a non-empty string")
        if key in _URL_KEYS:
            parts = urlsplit(raw)
            if parts.scheme not in ("http", "https") or not parts.netloc or " " in raw:
                raise ConfigError(f"{at}: expected an absolute http(s) URL, got {raw!r}")
        if key == "reviewer-type" and raw not in _REVIEWER_TYPES:
            raise ConfigError(f"{at}: unknown type {raw!r} (use {' or '.join(_REVIEWER_TYPES)})")
        found[key] = raw
    return found


def _limit(key: str, raw: Any, where: str) -> int:
    if isinstance(raw, bool):
        raise ConfigError(f"{where}: expected a whole number, got {raw!r}")
    value: int | None = raw if isinstance(raw, int) else None
    if key == "max-file-size" and isinstance(raw, str):
        match = _SIZE.match(raw)
        if match is not None:
            value = int(match.group(1)) * _SIZE_UNITS[match.group(2)]
    if value is None:
        example = '"512 MiB" or a number of bytes' if key == "max-file-size" else "a number"
        raise ConfigError(f"{where}: expected {example}, got {raw!r}")
    ceiling = LIMIT_CEILINGS[key]
    if not 1 <= value <= ceiling:
        raise ConfigError(f"{where}: must be between 1 and {ceiling}, got {value}")
    return value


def _limits(table: dict[str, Any], where: _Places) -> Limits:
    """The input limits the table sets, today's defaults for the others."""
    defaults = Limits()

    def limit(key: str, default: int) -> int:
        if key not in table:
            return default
        return _limit(key, table[key], where(key, value=True))

    return Limits(
        max_bytes=limit("max-file-size", defaults.max_bytes),
        max_depth=limit("max-depth", defaults.max_depth),
        max_alias_nodes=limit("max-alias-nodes", defaults.max_alias_nodes),
    )


def load_configured_baseline(config: Config) -> Baseline | None:
    """The baseline the configuration names (None when it names none), read within its
    ``max-file-size``. One that cannot be read (a folder, a FIFO, a file without read
    permission) is a :class:`ConfigError` starting with the ``baseline`` key's place."""
    if config.baseline is None:
        return None
    from claimtrack.lint.baseline import load_baseline

    return load_baseline(config.baseline, config.limits.max_bytes, named_by=config.baseline_key)


def selection_layer(
    where: str,
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> SelectionLayer:
    """A layer from command-line style values (comma-separated items are split)."""

    def split(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(item.strip() for value in values for item in value.split(",") if item.strip())

    return SelectionLayer(
        where=where,
        select=split(select) if select is not None else None,
        extend_select=split(extend_select),
        ignore=split(ignore),
    )
