"""Finding which claim files hold given claim ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from claimtrack.errors import LoadError
from claimtrack.findings import Finding
from claimtrack.io.limits import Limits
from claimtrack.io.load import load_bytes, read_bytes

__all__ = ["Holders", "holders"]


@attrs.frozen
class Holders:
    """For each claim id the files holding it, and the findings (E100, E102, E104, ...) of
    the files that could not be read or parsed: any of them might hold a claim too."""

    files: dict[str, list[str]]
    problems: tuple[Finding, ...] = ()


def holders(
    files: Iterable[str], claim_ids: Sequence[str], limits: Limits | None = None
) -> Holders:
    """Which files (of ``files``) have a claim with each id, read within ``limits``
    (default: the input limits). Only files whose bytes contain an id are parsed, so a file
    that cannot be read is a problem, and one that cannot be parsed is one if it names an id."""
    found: dict[str, list[str]] = {claim_id: [] for claim_id in claim_ids}
    problems: list[Finding] = []
    for name in files:
        try:
            content = read_bytes(name, name=name, limits=limits)  # regular, within the limit
            wanted = [claim_id for claim_id in found if claim_id.encode("utf-8") in content]
            data = load_bytes(content, name, limits=limits).data if wanted else {}
        except LoadError as error:
            problems.extend(error.findings[:1])
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
    return Holders(found, tuple(problems))
