"""The attribution flags' metadata: a vague attribution, a named source that is not cited, a
quotation without a speaker. Importing this module registers them; the checks are in
:mod:`claimtrack.lint.attribution`."""

from __future__ import annotations

from claimtrack.lint.flags import flag

__all__ = ["BY_WHOM", "NAMED_SOURCE_UNCITED", "QUOTE_UNATTRIBUTED"]

BY_WHOM = flag(
    "F102",
    "by-whom",
    "A vague attribution ('officials say', 'reportedly') and no citation that names who.",
    "Weasel words hide who is speaking, so nobody can weigh the speaker's reliability. "
    "A citation backing the attribution shows who actually said it.",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "official reports estimate Iran spent $30-50 billion"}
  attribution: {specificity: vague, asserted_by: official reports}
  citations: [{source: think-tank-study, backs: content}]
""",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "official reports estimate Iran spent $30-50 billion"}
  attribution: {specificity: vague, asserted_by: official reports}
  citations: [{source: parliament-statement, backs: attribution}]
""",
    "Cite a source that names who made the statement (backs: attribution or both), or record"
    " the attribution as named if the text does name the speaker.",
)

NAMED_SOURCE_UNCITED = flag(
    "F103",
    "named-source-uncited",
    "The text names who asserts a claim, but no citation points to a source record of theirs.",
    "When an article says 'the New York Times revealed', the first thing to check is the "
    "Times report itself; a claim resting on other sources has skipped that step.",
    """\
- id: nyt-report
  text: The New York Times reported that Iran withdrew its officers.
  kind: event
  anchor: {exact: the New York Times revealed}
  dates: [{date: 2024-12}]
  attribution: {specificity: named, asserted_by: The New York Times}
  citations: [{source: blog-post}]
""",
    """\
- id: nyt-report
  text: The New York Times reported that Iran withdrew its officers.
  kind: event
  anchor: {exact: the New York Times revealed}
  dates: [{date: 2024-12}]
  attribution: {specificity: named, asserted_by: The New York Times}
  citations: [{source: new-york-times-2024-12-07, backs: attribution}]
""",
    "Add the named party's own statement or publication to 'sources' and cite it.",
)

QUOTE_UNATTRIBUTED = flag(
    "F114",
    "quote-unattributed",
    "A quote or reported-speech claim does not record who said it.",
    "Reported speech is only as good as its speaker; a quote nobody is recorded as saying "
    "cannot be checked against what that person said ({{who}}).",
    """\
- id: remark
  text: A minister said the regime had lost its allies.
  kind: quote
  anchor: {exact: the regime had lost its allies}
  citations: [{source: wire-report}]
""",
    """\
- id: remark
  text: A minister said the regime had lost its allies.
  kind: quote
  anchor: {exact: the regime had lost its allies}
  attribution: {specificity: named, asserted_by: Example Wire}
  citations: [{source: example-wire-report}]
""",
    "Add 'attribution' with who said it ('asserted_by') and how precisely the text names them.",
)
