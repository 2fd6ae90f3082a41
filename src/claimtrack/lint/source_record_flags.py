"""The source-record flags' metadata (``F2xx``): an incomplete source record, a source no
claim cites. Importing this module registers them; the checks are in
:mod:`claimtrack.lint.source_records`."""

from __future__ import annotations

from claimtrack.lint.flags import flag

__all__ = ["SOURCE_INCOMPLETE", "SOURCE_UNUSED"]

SOURCE_INCOMPLETE = flag(
    "F201",
    "source-incomplete",
    "A source record has no date, or no URL, DOI or archive URL to find it by.",
    "A reader who cannot find a source cannot check it, and a source without a "
    "date cannot be placed before or after the events it reports.",
    """\
- id: wire-2024-12-07
  type: article-newspaper
  title: Iran Withdraws From Syria
  container_title: Example Wire
""",
    """\
- id: wire-2024-12-07
  type: article-newspaper
  title: Iran Withdraws From Syria
  container_title: Example Wire
  issued: 2024-12-07
  url: https://example.org/2024/12/07/iran-withdraws
""",
    "Add 'issued' (the publication date, as precisely as known) and a 'url', 'doi' or"
    " 'archive_url'.",
)

SOURCE_UNUSED = flag(
    "F202",
    "source-unused",
    "A source record that no claim cites.",
    "An uncited source is usually a citation that was forgotten, or a leftover "
    "after a claim changed; either way the bibliography no longer matches the claims.",
    """\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims: []
""",
    """\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims:
  - id: fall
    text: Assad fled Damascus.
    kind: event
    anchor: {exact: Assad fled}
    dates: [{date: 2024-12-08}]
    citations: [{source: wire-report}]
""",
    "Cite the source from the claim it backs, or remove it.",
)
