"""The shape of a cache index entry, checked before it is trusted, and its seal.

An entry read back must be exactly what :class:`claimtrack.io.cache.ResultCache` wrote: the
expected keys with values of the expected types, and a *seal* (the SHA-256 of the entry under
the cache's fingerprint) that still matches. Anything else (a row damaged on disk, edited by
hand, written by another version) is a miss.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

__all__ = ["is_valid_entry", "sealed"]

_HEX = re.compile(r"[0-9a-f]{64}")
_SEVERITIES = ("error", "warning", "info")
_SNAPSHOT_TEXT = ("written", "resolved", "root")


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
    shaped = (
        _is_hex(entry["sha256"])
        and _is_signature(entry["stat"])
        and isinstance(entry["snapshots"], list)
        and all(_is_snapshot(snapshot) for snapshot in entry["snapshots"])
        and (entry["severest"] is None or entry["severest"] in _SEVERITIES)
        and _is_span(entry["at"])
        and _is_hex(entry["digest"])
        and isinstance(entry["seal"], str)
    )
    try:
        return shaped and entry["seal"] == _seal(entry, fingerprint)
    except ValueError:  # a value JSON cannot hold
        return False
