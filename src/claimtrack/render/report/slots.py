"""Room in one document's HTML report for links a larger page adds (a corpus site's links
out to its source and repeated-claim pages), so the report itself need not know of them."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["Slots"]


@attrs.frozen(kw_only=True)
class Slots:
    """HTML fragments added to one document's report. Each is inserted as given: whoever
    makes one escapes the values in it."""

    #: After the document's heading.
    header: str = ""
    #: At the end of a claim's cell in the claims table, by the claim's row number.
    claims: Mapping[int, str] = attrs.field(factory=dict, hash=False)
    #: At the end of a bibliography entry, by the entry's number.
    sources: Mapping[int, str] = attrs.field(factory=dict, hash=False)
