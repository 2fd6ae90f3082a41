"""A content-hash cache of check results, so an unchanged folder is checked again in a blink.

One JSON index per cache folder maps each checked file to the SHA-256 of its bytes, the path
and SHA-256 of the snapshot it named, and the findings it gave (before any baseline). A
result is reused only when the file's bytes and its snapshot's bytes hash the same as then,
and the whole index is dropped when the *fingerprint* changes: claimtrack's version, the
schema, and the settings that shape findings (rule selection, severities, limits, project
root, configuration file). A damaged or foreign index is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimtrack.findings import Finding, finding_from_row, finding_row
from claimtrack.io.atomic import write_atomic

__all__ = ["CACHE_FOLDER", "CachedResult", "ResultCache", "fingerprint", "record_skeleton"]

CACHE_FOLDER = ".claimtrack-cache"
_INDEX = "check-v2.json"


def fingerprint(*parts: str) -> str:
    """One digest of everything that, when it changes, makes every cached result stale."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@attrs.frozen(kw_only=True)
class CachedResult:
    """What the cache keeps of one file's check: findings, suppressed findings with their
    reasons, and the ids of its claims and sources (so a baseline can still be applied)."""

    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, str], ...] = ()
    claim_ids: tuple[str | None, ...] = ()
    source_ids: tuple[str | None, ...] = ()

    def record_data(self) -> dict[str, Any]:
        """A skeleton of the file's data holding only record ids, for baseline keys."""
        return record_skeleton(self.claim_ids, self.source_ids)

    def to_data(self) -> dict[str, Any]:
        """Plain lists and strings: what the index stores, and what a worker process sends
        back (far quicker to pickle than the objects)."""
        return {
            "findings": [finding_row(finding) for finding in self.findings],
            "suppressed": [[finding_row(f), reason] for f, reason in self.suppressed],
            "claim_ids": list(self.claim_ids),
            "source_ids": list(self.source_ids),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CachedResult:
        """The result :meth:`to_data` wrote; raises KeyError, TypeError or ValueError when
        the data is damaged."""
        return cls(
            findings=tuple(finding_from_row(item) for item in data["findings"]),
            suppressed=tuple((finding_from_row(f), reason) for f, reason in data["suppressed"]),
            claim_ids=tuple(data["claim_ids"]),
            source_ids=tuple(data["source_ids"]),
        )


def record_skeleton(
    claim_ids: Sequence[str | None], source_ids: Sequence[str | None]
) -> dict[str, Any]:
    """File data reduced to the ids of its claims and sources, by position."""
    return {
        "claims": [{"id": claim_id} for claim_id in claim_ids],
        "sources": [{"id": source_id} for source_id in source_ids],
    }


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ResultCache:
    """The cache of one run: read once at the start, written once (atomically) at the end."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self._entries: dict[str, dict[str, Any]] = {}
        self._changed = False
        try:
            index = json.loads((folder / _INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(index, dict) and index.get("fingerprint") == fingerprint:
            entries = index.get("entries")
            if isinstance(entries, dict):
                self._entries = entries

    def lookup(self, key: str, content: bytes) -> CachedResult | None:
        """The cached result of the file ``key`` if its bytes and its snapshot are unchanged."""
        entry = self._entries.get(key)
        if not isinstance(entry, dict):
            return None
        try:
            if entry["sha256"] != hashlib.sha256(content).hexdigest():
                return None
            snapshot = entry["snapshot"]
            if snapshot is not None and (_sha256(Path(snapshot[0])) or "") != snapshot[1]:
                return None
            return CachedResult.from_data(entry)
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # a damaged entry is a miss, never an error

    def store(
        self,
        key: str,
        content_sha256: str,
        result: CachedResult | dict[str, Any],
        snapshot: tuple[Path, str] | None,
    ) -> None:
        """Remember a file's result (its bytes' SHA-256 given), with the snapshot it depended
        on: its path and SHA-256 ("" when it could not be read). The result may be given
        already as :meth:`CachedResult.to_data` made it (as worker processes send it)."""
        self._entries[key] = {
            "sha256": content_sha256,
            "snapshot": None if snapshot is None else [str(snapshot[0]), snapshot[1]],
            **(result if isinstance(result, dict) else result.to_data()),
        }
        self._changed = True

    def save(self) -> None:
        """Write the index if anything changed; a cache that cannot be written is skipped."""
        if not self._changed:
            return
        index = {"fingerprint": self.fingerprint, "entries": self._entries}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# Written by claimtrack; safe to delete.\n*\n")
            write_atomic(self.folder / _INDEX, json.dumps(index, ensure_ascii=False))
        except OSError:
            return
        self._changed = False
