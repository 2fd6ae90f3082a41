"""A baseline of known flags, so a repository can adopt claimtrack and fail only on new ones.

Entries are keyed by file (relative to the baseline's folder), rule code, the claim or
source the finding is about (by id) and the JSON pointer inside that record — never by line
number or list position — so adding, removing or moving other claims keeps them valid.
Matching counts: two identical flags need two entries. Entries that match nothing are
reported as fixed, so the baseline can shrink.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ConfigError
from claimtrack.findings import Finding

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "BaselineEntry",
    "entry_for",
    "load_baseline",
    "render_baseline",
]

BASELINE_VERSION = 1
_RECORD = re.compile(r"^/(claims|sources)/(\d+)(/.*)?$")


@attrs.frozen(kw_only=True)
class BaselineEntry:
    """One known finding: where (file, record, pointer) and which rule; the message is a
    reminder for people and takes no part in matching."""

    path: str
    code: str
    claim_id: str | None = None
    source_id: str | None = None
    pointer: str = ""
    message: str = attrs.field(default="", eq=False)

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What matching compares."""
        return (self.path, self.code, self.claim_id or "", self.source_id or "", self.pointer)


def _record_id(data: Any, section: str, index: int) -> str | None:
    records = data.get(section) if isinstance(data, dict) else None
    if not isinstance(records, list) or not 0 <= index < len(records):
        return None
    record = records[index]
    found = record.get("id") if isinstance(record, dict) else None
    return found if isinstance(found, str) else None


def entry_for(finding: Finding, path: str, data: Any = None) -> BaselineEntry:
    """The baseline entry of a finding, with its pointer made relative to its record."""
    pointer = finding.location.pointer
    claim_id = source_id = None
    match = _RECORD.match(pointer)
    if match is not None:
        section, index, rest = match.group(1), int(match.group(2)), match.group(3) or ""
        record_id = _record_id(data, section, index)
        if record_id is not None:
            pointer = rest
            if section == "claims":
                claim_id = record_id
            else:
                source_id = record_id
    return BaselineEntry(
        path=path,
        code=finding.code,
        claim_id=claim_id,
        source_id=source_id,
        pointer=pointer,
        message=finding.message,
    )


@attrs.frozen
class Baseline:
    """The entries of a baseline file, and the folder its paths are relative to."""

    entries: tuple[BaselineEntry, ...]
    base: Path

    def key_path(self, path: str) -> str:
        """How the baseline names a checked file: relative to its folder, POSIX style."""
        return path_key(path, self.base)

    def split(
        self, path: str, findings: Sequence[Finding], data: Any = None
    ) -> tuple[list[Finding], list[Finding], list[BaselineEntry]]:
        """Findings of one file split into new and known, and this file's fixed entries."""
        name = self.key_path(path)
        remaining: Counter[tuple[str, ...]] = Counter(
            entry.key for entry in self.entries if entry.path == name
        )
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in findings:
            key = entry_for(finding, name, data).key
            if remaining[key] > 0:
                remaining[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        fixed: list[BaselineEntry] = []
        for entry in self.entries:
            if entry.path == name and remaining[entry.key] > 0:
                remaining[entry.key] -= 1
                fixed.append(entry)
        return new, known, fixed


def path_key(path: str, base: Path) -> str:
    """``path`` relative to ``base`` in POSIX form (unchanged if it cannot be)."""
    if path in ("-", "<stdin>"):
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _entry_data(entry: BaselineEntry) -> dict[str, Any]:
    return {
        "path": entry.path,
        "code": entry.code,
        "claim_id": entry.claim_id,
        "source_id": entry.source_id,
        "pointer": entry.pointer,
        "message": entry.message,
    }


def render_baseline(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file's text: versioned JSON, entries sorted, ending in a newline."""
    ordered = sorted(entries, key=lambda entry: (*entry.key, entry.message))
    data = {
        "version": BASELINE_VERSION,
        "tool": "claimtrack",
        "entries": [_entry_data(entry) for entry in ordered],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _text(item: dict[str, Any], key: str, where: str, optional: bool = False) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {key!r} must be a string")
    return value


def load_baseline(
    path: str | os.PathLike[str], max_bytes: int | None = None, *, named_by: str | None = None
) -> Baseline:
    """Read a baseline file; :class:`ConfigError` with the file named if it is not one.

    It is read as claim files are: only a regular file (never a FIFO or a device), and at
    most ``max_bytes`` (default: the default ``max-file-size`` limit). ``named_by`` is how
    messages name the setting that gave the path (``FILE:LINE:COL: baseline``): a file that
    cannot be read is then reported there first."""
    from claimtrack.io.limits import Limits
    from claimtrack.io.regular import read_settings_text

    name = Path(path).as_posix()
    limit = Limits().max_bytes if max_bytes is None else max_bytes
    try:
        text = read_settings_text(path, limit, "the baseline", name)
    except ConfigError as error:
        if named_by is None:
            raise
        raise ConfigError(
            f"{named_by}: {error} (or correct the setting at that place, or pass --no-baseline"
            " to do without it)"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        line, column, reason = error.lineno, error.colno, error.msg
        raise ConfigError(
            f"{name}:{line}:{column}: the baseline is not valid JSON: {reason}; correct it at"
            " that place, or write it afresh with --write-baseline"
        ) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{name}: not a claimtrack baseline of version {BASELINE_VERSION}")
    items = data.get("entries")
    if not isinstance(items, list):
        raise ConfigError(f"{name}: 'entries' must be a list")
    entries = []
    for number, item in enumerate(items):
        where = f"{name}: entry {number + 1}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where} must be a mapping")
        entries.append(
            BaselineEntry(
                path=_text(item, "path", where),
                code=_text(item, "code", where),
                claim_id=_text(item, "claim_id", where, optional=True),
                source_id=_text(item, "source_id", where, optional=True),
                pointer=_text(item, "pointer", where, optional=True) or "",
                message=_text(item, "message", where, optional=True) or "",
            )
        )
    return Baseline(tuple(entries), Path(os.path.abspath(path)).parent)
