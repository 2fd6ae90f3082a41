"""A small synthetic corpus for the corpus-site tests, written under a test's temporary folder.

Three made-up documents about a harbour (test data, not reporting: the outlets and the
example.org addresses are fictitious) that share a source under two ids and two spellings of
its URL, repeat one claim by a recorded ``same_as`` link and another in words `claimtrack
match` proposes, and cite a source without a URL that is only their own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXTS = {
    "daily": (
        "The harbour reopened on 3 May 2025 after repairs. Repairs cost 12 million euros,"
        " officials said. Fishermen welcomed the news.\n"
    ),
    "weekly": (
        "The harbour reopened on 3 May 2025, the port said. The repairs cost 12 million"
        " euros. The mayor called it a turning point.\n"
    ),
    "gazette": "Ferries will return to the harbour in June, according to the operator.\n",
}

FILES = {
    "daily": """\
version: 1
document: {{id: harbour-daily, title: The harbour reopens, publisher: Example Daily,
  snapshot: {{path: daily.txt, sha256: {sha}}}}}
sources:
  - id: port-notice
    type: webpage
    title: Port authority notice on the reopening
    url: https://www.example.org/port/notice/
    issued: "2025-05-02"
claims:
  - id: reopened
    text: The harbour reopened on 3 May 2025 after repairs.
    kind: event
    anchor: {{exact: The harbour reopened on 3 May 2025 after repairs.}}
    dates: [{{date: "2025-05-03"}}]
    citations: [{{source: port-notice, quote: the harbour reopens on 3 May}}]
    status: supported
  - id: cost
    text: Repairs cost 12 million euros.
    kind: quantity
    anchor: {{exact: Repairs cost 12 million euros}}
    attribution: {{specificity: vague, asserted_by: officials}}
    same_as: [{{document: harbour-weekly, claim: repair-bill}}]
  - id: fishermen
    text: Fishermen welcomed the news.
    kind: characterization
    check_worthy: false
    anchor: {{exact: Fishermen welcomed the news.}}
""",
    "weekly": """\
version: 1
document: {{id: harbour-weekly, title: "Harbour open again: what it cost",
  publisher: Example Weekly, snapshot: {{path: weekly.txt, sha256: {sha}}}}}
sources:
  - id: notice
    type: webpage
    title: Port notice
    url: http://example.org/port/notice
  - id: minutes
    type: document
    title: Council minutes
    issued: "2025-04"
claims:
  - id: reopen-date
    text: The harbour reopened on 3 May 2025.
    kind: event
    anchor: {{exact: "The harbour reopened on 3 May 2025, the port said."}}
    dates: [{{date: "2025-05-03"}}]
    citations: [{{source: notice, stance: mentions}}]
  - id: repair-bill
    text: The repairs cost 12 million euros.
    kind: quantity
    anchor: {{exact: The repairs cost 12 million euros.}}
    citations: [{{source: minutes, locator: item 4, stance: disputes}}]
    status: disputed
  - id: turning-point
    text: The mayor called the reopening a turning point.
    kind: quote
    anchor: {{exact: The mayor called it a turning point.}}
""",
    "gazette": """\
version: 1
document: {{id: harbour-gazette, title: Ferries to return,
  snapshot: {{path: gazette.txt, sha256: {sha}}}}}
sources:
  - id: minutes
    type: document
    title: Council minutes
claims:
  - id: ferries
    text: Ferries will return to the harbour in June.
    kind: event
    anchor: {{exact: "Ferries will return to the harbour in June"}}
    citations: [{{source: minutes}}]
""",
}


def write_corpus(folder: Path) -> list[Path]:
    """Write the three claim files and their snapshots into ``folder``; the claim files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, template in FILES.items():
        text = TEXTS[name].encode("utf-8")
        (folder / f"{name}.txt").write_bytes(text)
        path = folder / f"{name}.yaml"
        path.write_text(template.format(sha=hashlib.sha256(text).hexdigest()), encoding="utf-8")
        paths.append(path)
    return paths
