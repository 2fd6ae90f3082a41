"""Finding which claim files hold given claim ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimtrack.errors import LoadError
from claimtrack.io.limits import Limits
from claimtrack.io.load import load_bytes, read_bytes

__all__ = ["holders"]


def holders(
    files: Iterable[str], claim_ids: Sequence[str], limits: Limits | None = None
) -> dict[str, list[str]]:
    """For each claim id, the files (of ``files``) that have a claim with it. A file that
    cannot be read or parsed (within ``limits``: default the input limits) holds none; only
    files whose bytes contain an id are parsed."""
    found: dict[str, list[str]] = {claim_id: [] for claim_id in claim_ids}
    for name in files:
        try:
            content = read_bytes(name, name=name, limits=limits)  # regular, within the limit
        except LoadError:
            continue
        wanted = [claim_id for claim_id in found if claim_id.encode("utf-8") in content]
        if not wanted:
            continue
        try:
            data = load_bytes(content, name, limits=limits).data
        except LoadError:
            continue
        claims = data.get("claims")
        ids = (
            {c.get("id") for c in claims if isinstance(c, dict)}
            if isinstance(claims, list)
            else set()
        )
        for claim_id in wanted:
            if claim_id in ids:
                found[claim_id].append(name)
    return found
