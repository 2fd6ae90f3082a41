"""The shape of a cache index entry, checked before it is trusted, and the index's seals.

An entry read back must be exactly what :class:`claimtrack.io.cache.ResultCache` wrote: the
expected keys with values of the expected types, and a *seal* (the SHA-256 of the entry under
the cache's fingerprint) that still matches. Anything else (a row damaged on disk, edited by
hand, written by another version) is a miss.

Checking 1,000 entries one by one costs more than the rest of a warm run, so the index as a
whole carries a seal too: the SHA-256, under the fingerprint, of every byte of the index as
written, kept in the index's last member. The cache writes only entries of the right shape,
each with its own seal, so an index whose bytes still match the whole seal holds exactly
such entries, and they are used without checking each. When the whole seal does not match
(one entry damaged on disk or edited by hand, or an index written without it), every entry
is checked on its own, and only the bad ones are lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import re

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "CACHE_FOLDER",
    "INDEX",
    "SETTLE_SECONDS",
    "entry_key",
    "is_results_name",
    "is_sealed_index",
    "is_settled",
    "is_shaped",
    "is_valid_entry",
    "seal_index",
    "sealed",
    "signature",
]

_HEX = re.compile(r"[0-9a-f]{64}")
_SEVERITIES = ("error", "warning", "info")
_SNAPSHOT_TEXT = ("written", "resolved", "root")
CACHE_FOLDER = ".claimtrack-cache"
#: The index's name in the cache folder.
INDEX = "check-v3.json"
RESULTS_PREFIX = "results-"
#: How long before a read a file must have been last written for its stat signature to be
#: trusted on later runs (see :mod:`claimtrack.io.cache`).
SETTLE_SECONDS = 2.0


def entry_key(name: str, path: str | os.PathLike[str], cwd: str) -> str:
    """The index key of a file: the name its findings carry, and the file it names from
    ``cwd`` (the current folder, read once per run). Where a link leads needs no part in
    the key: the file's signature and hash are those of what it leads to."""
    return f"{name}\n{os.path.normpath(os.path.join(cwd, path))}"


def signature(stat: os.stat_result) -> list[int]:
    """A file's stat signature: size, modification and change times, inode, device."""
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


def is_settled(stat: os.stat_result, now_ns: int) -> bool:
    """Whether the file was last written at least :data:`SETTLE_SECONDS` before ``now_ns``."""
    last_write = max(stat.st_mtime_ns, stat.st_ctime_ns)
    return now_ns - last_write >= SETTLE_SECONDS * 1e9


def _seal(entry: dict[str, Any], fingerprint: str) -> str:
    body = {key: value for key, value in entry.items() if key != "seal"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(f"{fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def sealed(entry: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    """The entry with its seal (recomputed: fields may have changed since it was read)."""
    body = {key: value for key, value in entry.items() if key != "seal"}
    return {**body, "seal": _seal(body, fingerprint)}


def _is_hex(value: Any) -> bool:
    return isinstance(value, str) and _HEX.fullmatch(value) is not None


def _is_signature(value: Any) -> bool:
    return value is None or (
        isinstance(value, list)
        and len(value) == 5
        and all(type(part) is int and part >= 0 for part in value)
    )


def _is_snapshot(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) != {
        *_SNAPSHOT_TEXT,
        "found_from",
        "sha256",
        "stat",
    }:
        return False
    return (
        all(isinstance(value[key], str) and value[key] for key in _SNAPSHOT_TEXT)
        and (value["found_from"] is None or isinstance(value["found_from"], str))
        and (value["sha256"] is None or value["sha256"] == "" or _is_hex(value["sha256"]))
        and _is_signature(value["stat"])
    )


def _is_span(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(type(part) is int and part >= 0 for part in value)
    )


def is_valid_entry(entry: Any, fingerprint: str) -> bool:
    """Whether ``entry`` has the shape the cache writes and its seal holds."""
    try:
        return is_shaped(entry) and entry["seal"] == _seal(entry, fingerprint)
    except ValueError:  # a value JSON cannot hold
        return False


def is_shaped(entry: Any) -> bool:
    """Whether ``entry`` has the keys and value types the cache writes (its seal unchecked)."""
    if not isinstance(entry, dict) or set(entry) - {"cited"} != {
        "sha256",
        "stat",
        "snapshots",
        "severest",
        "at",
        "digest",
        "seal",
    }:
        return False
    # The ids of the shared sources the file cites, when a source library is configured.
    cited = entry.get("cited", [])
    if not isinstance(cited, list) or not all(isinstance(item, str) for item in cited):
        return False
    return (
        _is_hex(entry["sha256"])
        and _is_signature(entry["stat"])
        and isinstance(entry["snapshots"], list)
        and all(_is_snapshot(snapshot) for snapshot in entry["snapshots"])
        and (entry["severest"] is None or entry["severest"] in _SEVERITIES)
        and _is_span(entry["at"])
        and _is_hex(entry["digest"])
        and isinstance(entry["seal"], str)
    )


# The whole index's seal closes the index's JSON object as its last member, so the file
# stays one JSON object with the index's other members as they were.
_INDEX_SEAL_KEY = b', "index_seal": "'
_INDEX_SEAL_END = b'"}'
_INDEX_SEAL_LENGTH = len(_INDEX_SEAL_KEY) + 64 + len(_INDEX_SEAL_END)


def _index_digest(body: bytes, fingerprint: str) -> bytes:
    digest = hashlib.sha256(fingerprint.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest().encode("ascii")


def seal_index(index: dict[str, Any], fingerprint: str) -> bytes:
    """The bytes of the index file: ``index`` as one JSON object, with the seal of those
    bytes (under ``fingerprint``) added as its last member."""
    text = json.dumps(index, ensure_ascii=False)
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:  # a name holding a lone surrogate: escape it
        body = json.dumps(index).encode("ascii")
    if not body.endswith(b"}") or body == b"{}":
        raise ValueError("an index is a JSON object with members")
    return body[:-1] + _INDEX_SEAL_KEY + _index_digest(body, fingerprint) + _INDEX_SEAL_END


def is_sealed_index(data: bytes, fingerprint: str) -> bool:
    """Whether the index file's bytes ``data`` are those :func:`seal_index` wrote under
    ``fingerprint``, unchanged."""
    if len(data) <= _INDEX_SEAL_LENGTH or not data.endswith(_INDEX_SEAL_END):
        return False
    cut = len(data) - _INDEX_SEAL_LENGTH
    if data[cut : cut + len(_INDEX_SEAL_KEY)] != _INDEX_SEAL_KEY:
        return False
    seal = data[cut + len(_INDEX_SEAL_KEY) : -len(_INDEX_SEAL_END)]
    return seal == _index_digest(data[:cut] + b"}", fingerprint)


def is_results_name(name: Any) -> bool:
    """Whether ``name``, read from an index, names a results file inside the cache folder."""
    return (
        isinstance(name, str)
        and name.startswith(RESULTS_PREFIX)
        and name.endswith(".json")
        and "/" not in name
        and "\\" not in name
        and name not in (".", "..")
    )
