"""A content-hash cache of check results, so an unchanged folder is checked again in a blink.

The cache folder holds an *index* and a *results* file. The index maps each checked file to
the SHA-256 of its bytes, the paths and SHA-256s of the snapshots it named (the document's
and its sources'), the severity of its
most severe finding, and where its result (findings, suppressed findings, record ids) stands
in the results file. A run reads the small index; a result's findings are read and decoded
only when asked for, so a run that needs only an exit status decodes none.

A result is reused only when the file's bytes and its snapshots' bytes hash the same as
then. To know that without reading every file, the index also keeps each file's *stat
signature* (size, modification and change times, inode, device) taken around a read whose
bytes hashed to the recorded SHA-256. A file whose signature is unchanged has not been
written since: any write changes its change time, which no program can set back. A
signature is kept only for a file last written at least :data:`SETTLE_SECONDS` before it
was read, so a write in the same tick of the file system's clock as that read cannot go
unseen (the "racily clean" case of version control systems). A file whose signature
differs is read and hashed again.

A snapshot is recorded as the claim file wrote it and as it resolved, with the project root
it was held to and, when that root was found rather than given, the folder it was found
from: a retargeted link, or a marker file (``pyproject.toml``, ``.git``) appearing in
between, is a miss.

The whole index is dropped when the *fingerprint* changes: claimtrack's version, the
schema, the settings that shape findings (rule selection, severities, limits, project
root, configuration file) and the shared source library's files (any file may cite
them). The snapshots of the shared sources a file cites are among that file's snapshots,
so a changed one re-checks only the files citing it. Every entry carries a digest of
itself (under the fingerprint) and of its result's bytes; an entry that is damaged,
foreign, edited by hand or of an unexpected shape is a miss, never trusted. The index as a
whole carries a digest of its bytes too (see :mod:`claimtrack.io.cache_rows`): while it
holds, the entries are used without checking each; when it does not, each entry is checked
on its own and only the bad ones are lost. Cache files are read only when they are regular
files, and never more than the input limit of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimtrack.findings import Finding, Severity, finding_from_row, finding_row
from claimtrack.io.cache_probe import SnapshotProbe, read_signed, stat_signature
from claimtrack.io.cache_rows import (
    CACHE_FOLDER,
    INDEX,
    RESULTS_PREFIX,
    SETTLE_SECONDS,
    is_results_name,
    is_sealed_index,
    is_shaped,
    is_valid_entry,
    seal_index,
    sealed,
)
from claimtrack.io.cache_rows import signature as _signature
from claimtrack.io.regular import holds, read_regular

__all__ = [
    "CACHE_FOLDER",
    "INDEX",
    "SETTLE_SECONDS",
    "CacheHit",
    "CachedResult",
    "ResultCache",
    "SnapshotDependency",
    "data_skeleton",
    "fingerprint",
    "record_ids",
    "record_skeleton",
    "severest",
]

_SEVERITIES = {str(severity): severity for severity in Severity}
#: What a result depends on in its snapshot (see ``SnapshotText.dependency``).
SnapshotDependency = dict[str, str | None]


def fingerprint(*parts: str) -> str:
    """One digest of everything that, when it changes, makes every cached result stale."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def severest(findings: Sequence[Finding]) -> Severity | None:
    """The severity of the most severe finding, None when there is none."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


@attrs.frozen(kw_only=True)
class CachedResult:
    """What the cache keeps of one file's check: findings, suppressed findings with their
    reasons, the ids of its claims and sources (so a baseline can still be applied), and
    the ids of the shared sources it cites (so a library source no file cites can be told
    without checking the files again)."""

    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, str], ...] = ()
    claim_ids: tuple[str | None, ...] = ()
    source_ids: tuple[str | None, ...] = ()
    cited: tuple[str, ...] = ()

    def record_data(self) -> dict[str, Any]:
        """A skeleton of the file's data holding only record ids, for baseline keys."""
        return record_skeleton(self.claim_ids, self.source_ids)

    def to_data(self) -> dict[str, Any]:
        """Plain lists and strings: what the results file stores, and what a worker process
        sends back (far quicker to pickle than the objects)."""
        data: dict[str, Any] = {
            "findings": [finding_row(finding) for finding in self.findings],
            "suppressed": [[finding_row(f), reason] for f, reason in self.suppressed],
            "claim_ids": list(self.claim_ids),
            "source_ids": list(self.source_ids),
        }
        if self.cited:
            data["cited"] = list(self.cited)
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CachedResult:
        """The result :meth:`to_data` wrote; raises KeyError, TypeError or ValueError when
        the data is damaged."""
        return cls(
            findings=tuple(finding_from_row(item) for item in data["findings"]),
            suppressed=tuple((finding_from_row(f), reason) for f, reason in data["suppressed"]),
            claim_ids=tuple(data["claim_ids"]),
            source_ids=tuple(data["source_ids"]),
            cited=tuple(data.get("cited", ())),
        )


def record_skeleton(
    claim_ids: Sequence[str | None], source_ids: Sequence[str | None]
) -> dict[str, Any]:
    """File data reduced to the ids of its claims and sources, by position."""
    return {
        "claims": [{"id": claim_id} for claim_id in claim_ids],
        "sources": [{"id": source_id} for source_id in source_ids],
    }


def record_ids(data: Any, section: str) -> tuple[str | None, ...]:
    """The ids of the records of one section (``claims`` or ``sources``) of parsed file data
    or of a skeleton, None where a record has no usable id."""
    records = data.get(section) if isinstance(data, dict) else None
    if not isinstance(records, list):
        return ()
    return tuple(
        record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
        for record in records
    )


def data_skeleton(data: Any) -> dict[str, Any]:
    """Parsed file data reduced to the ids of its claims and sources, by position."""
    return record_skeleton(record_ids(data, "claims"), record_ids(data, "sources"))


@attrs.frozen
class CacheHit:
    """A file whose cached result still holds: the severity of its most severe finding, the
    key to read the result itself with :meth:`ResultCache.result`, and the ids of the shared
    sources the file cites."""

    key: str
    severest: Severity | None
    cited: tuple[str, ...] = ()


def _sha256_of(path: str | os.PathLike[str], max_bytes: int) -> tuple[str, list[int] | None]:
    """The SHA-256 of a file and its signature if it can be trusted ("" if unreadable)."""
    try:
        content, signature = read_signed(path, max_bytes)
    except (OSError, ValueError):
        return "", None
    return hashlib.sha256(content).hexdigest(), signature


class ResultCache:
    """The cache of one run: its index read once at the start, written once (atomically)
    at the end. ``max_bytes`` bounds what a lookup reads to hash a file."""

    def __init__(self, folder: Path, fingerprint: str, max_bytes: int = 256 * 1024 * 1024):
        self.folder = folder
        self.fingerprint = fingerprint
        self.max_bytes = max_bytes
        self._entries: dict[str, dict[str, Any]] = {}
        self._fresh: dict[str, bytes] = {}  # results stored in this run, encoded
        self._results_name: str | None = None
        self._results: bytes | None = None
        self._changed = False
        self._probe = SnapshotProbe()  # folders and project roots resolved this run
        try:
            data = read_regular(folder / INDEX, max_bytes)
            index = json.loads(data)
        except (OSError, ValueError):
            return
        if not isinstance(index, dict) or index.get("fingerprint") != fingerprint:
            return
        entries, results = index.get("entries"), index.get("results")
        if isinstance(entries, dict) and is_results_name(results):
            if is_sealed_index(data, fingerprint):  # as this cache wrote it: every entry holds
                self._entries = {k: e for k, e in entries.items() if isinstance(e, dict)}
            else:  # damaged, edited or unsealed: only the entries that hold on their own
                self._entries = {
                    key: entry
                    for key, entry in entries.items()
                    if isinstance(key, str) and is_valid_entry(entry, fingerprint)
                }
                self._changed = True  # written again, sealed as a whole, when saved
            self._results_name = results

    # Looking up -----------------------------------------------------------------------

    def lookup(
        self, key: str, path: str | os.PathLike[str], status: os.stat_result | None = None
    ) -> tuple[CacheHit | None, bytes | None]:
        """Whether the cached result of the file ``key`` (read from ``path``) still holds:
        a hit, or a miss with the file's bytes when they had to be read (so the caller
        need not read them again). ``status`` is the file's status when the caller has
        just taken it (``os.stat``, links followed), so it is not taken twice."""
        entry = self._entries.get(key)
        if not isinstance(entry, dict):
            return None, None
        try:
            signature = stat_signature(path) if status is None else _signature(status)
            content: bytes | None = None
            if signature is None or signature != entry["stat"]:
                try:
                    content, signature = read_signed(path, self.max_bytes)
                except (OSError, ValueError):
                    return None, None
                if hashlib.sha256(content).hexdigest() != entry["sha256"]:
                    return None, content
                self._sign(entry, "stat", signature)
            if not self._snapshot_holds(entry):
                return None, content
            worst = entry["severest"]
            cited = tuple(entry.get("cited", ()))
            return CacheHit(key, None if worst is None else _SEVERITIES[worst], cited), None
        except (KeyError, TypeError, ValueError, IndexError):
            return None, None  # a damaged entry is a miss, never an error

    def _snapshot_holds(self, entry: dict[str, Any]) -> bool:
        return all(self._one_snapshot_holds(snapshot) for snapshot in entry["snapshots"])

    def _one_snapshot_holds(self, snapshot: dict[str, Any]) -> bool:
        holds = self._probe.holds(snapshot)
        if holds is not None:
            return holds
        resolved, sha, recorded = snapshot["resolved"], snapshot["sha256"], snapshot["stat"]
        now_sha, signature = _sha256_of(resolved, self.max_bytes)
        if now_sha != sha:
            return False
        if signature != recorded:
            snapshot["stat"] = signature
            self._changed = True
        return True

    def _resolve(self, written: str) -> tuple[str, list[int] | None]:
        return self._probe.resolve(written)

    def _sign(self, entry: dict[str, Any], field: str, signature: list[int] | None) -> None:
        if entry.get(field) != signature:
            entry[field] = signature
            self._changed = True

    def result(self, hit: CacheHit) -> CachedResult | None:
        """The cached result a hit stands for; None when the results file is damaged or
        gone (the file must then be checked again)."""
        entry: Any = self._entries.get(hit.key)
        try:
            chunk = self._result_bytes(hit.key, entry)
            if hit.key not in self._fresh and hashlib.sha256(chunk).hexdigest() != entry["digest"]:
                return None  # the results file was changed
            result = CachedResult.from_data(json.loads(chunk))
        except (KeyError, TypeError, ValueError, IndexError, OSError, AttributeError):
            return None
        return result if severest(result.findings) is hit.severest else None

    def _result_bytes(self, key: str, entry: Any) -> bytes:
        if key in self._fresh:
            return self._fresh[key]
        offset, length = entry["at"]
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
            raise ValueError("damaged entry")
        if self._results is None:
            if self._results_name is None:
                raise ValueError("no results file")
            self._results = read_regular(self.folder / self._results_name, self.max_bytes)
        chunk = self._results[offset : offset + length]
        if len(chunk) != length:
            raise ValueError("results file too short")
        return chunk

    # Storing --------------------------------------------------------------------------

    def store(
        self,
        key: str,
        path: str | os.PathLike[str],
        content_sha256: str,
        result: CachedResult | dict[str, Any],
        snapshots: Sequence[SnapshotDependency],
    ) -> None:
        """Remember the result of the file ``key`` (read from ``path``, whose bytes had the
        SHA-256 given), with the snapshots it depended on, the document's and the sources'
        (see ``SnapshotText.dependency``). The result may be given already as
        :meth:`CachedResult.to_data` made it (as worker processes send it).

        Each file is hashed once more here, to take a stat signature that belongs to the
        bytes the result came from; a file changed since is stored without one.
        """
        data = result if isinstance(result, dict) else result.to_data()
        worst = max(
            (_SEVERITIES[row[2]] for row in data["findings"]), key=lambda s: s.rank, default=None
        )
        sha, signature = _sha256_of(path, self.max_bytes)
        snapshot_entries: list[dict[str, Any]] = []
        for snapshot in snapshots:
            snapshot_entry: dict[str, Any] = {**snapshot, "stat": None}
            if snapshot["sha256"] is not None and snapshot["resolved"] is not None:
                snapshot_sha, snapshot_stat = _sha256_of(snapshot["resolved"], self.max_bytes)
                kept = snapshot_stat if snapshot_sha == snapshot["sha256"] else None
                snapshot_entry["stat"] = kept
            snapshot_entries.append(snapshot_entry)
        self._entries[key] = {
            "sha256": content_sha256,
            "stat": signature if sha == content_sha256 else None,
            "snapshots": snapshot_entries,
            "severest": None if worst is None else str(worst),
            "at": None,
            "digest": None,
        }
        if data.get("cited"):
            self._entries[key]["cited"] = list(data["cited"])
        self._fresh[key] = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._changed = True

    def save(self) -> None:
        """Write the index (and, when results were stored, a new results file) if anything
        changed; a cache that cannot be written is skipped."""
        if not self._changed:
            return
        from claimtrack.io.atomic import write_atomic

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not holds(gitignore, _GITIGNORE):  # absent, or cut short by a full disk
                write_atomic(gitignore, _GITIGNORE)
            old = self._results_name
            if self._fresh:
                self._write_results()
            entries = {key: sealed(entry, self.fingerprint) for key, entry in self._entries.items()}
            index = {
                "fingerprint": self.fingerprint,
                "results": self._results_name,
                # Only entries of the shape a later run checks for: the whole index's seal
                # lets that run use them without checking each.
                "entries": {key: entry for key, entry in entries.items() if is_shaped(entry)},
            }
            write_atomic(self.folder / INDEX, seal_index(index, self.fingerprint))
            self._sweep(keep=self._results_name, replaced=old)
        except (OSError, ValueError):  # ValueError: a value JSON cannot hold
            return
        self._changed = False

    def _write_results(self) -> None:
        """One new results file with every entry's result: fresh ones as encoded, the others
        copied from the old file as they were (entries whose result cannot be read are
        dropped, and checked again next time)."""
        parts: list[bytes] = []
        offset = 0
        for key in list(self._entries):
            try:
                chunk = self._result_bytes(key, self._entries[key])
            except (KeyError, TypeError, ValueError, IndexError, OSError):
                del self._entries[key]
                continue
            self._entries[key]["at"] = [offset, len(chunk)]
            self._entries[key]["digest"] = hashlib.sha256(chunk).hexdigest()
            parts.append(chunk)
            offset += len(chunk)
        from claimtrack.io.atomic import write_atomic

        name = f"{RESULTS_PREFIX}{os.urandom(8).hex()}.json"
        write_atomic(self.folder / name, b"".join(parts))
        self._results_name = name
        self._results = None
        self._fresh.clear()

    def _sweep(self, keep: str | None, replaced: str | None) -> None:
        """Remove the results file this run replaced, and any other left by an interrupted
        or concurrent run that is more than a minute old."""
        for path in self.folder.glob(f"{RESULTS_PREFIX}*.json"):
            if path.name == keep:
                continue
            try:
                if path.name == replaced or time.time() - path.stat().st_mtime > 60:
                    path.unlink()
            except OSError:
                continue


_GITIGNORE = b"# Written by claimtrack; safe to delete.\n*\n"
