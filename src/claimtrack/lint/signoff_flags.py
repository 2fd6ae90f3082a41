"""The sign-off flags' metadata (``F3xx``): what a desk's final review needs before a
document is published. Importing this module registers them; the checks are in
:mod:`claimtrack.lint.signoff`."""

from __future__ import annotations

from claimtrack.lint.flags import flag

__all__ = ["CHANGED_AFTER_VERIFICATION", "SELF_VERIFIED", "UNVERIFIED_IN_PUBLISHED"]

UNVERIFIED_IN_PUBLISHED = flag(
    "F301",
    "unverified-in-published",
    "A check-worthy claim in a published document that nobody verified.",
    "Publishing is the point after which an error reaches readers. A desk's final review "
    "signs off every checkable claim; a claim with no 'verified_by' in its provenance was "
    "never signed off. Record the sign-off with 'claimtrack review sign'.",
    """\
document: {id: example, title: Example, state: published}
sources:
  - {id: wire-report, type: report, title: Wire report, issued: "2024", url: https://example.org/wire}
claims:
  - id: strike
    text: Israel struck the Iranian consulate in Damascus.
    kind: event
    anchor: {exact: the strike on the consulate}
    dates: [{date: 2024-04-01}]
    citations: [{source: wire-report}]
""",
    """\
document: {id: example, title: Example, state: published}
sources:
  - {id: wire-report, type: report, title: Wire report, issued: "2024", url: https://example.org/wire}
claims:
  - id: strike
    text: Israel struck the Iranian consulate in Damascus.
    kind: event
    anchor: {exact: the strike on the consulate}
    dates: [{date: 2024-04-01}]
    citations: [{source: wire-report}]
    provenance:
      verified_by: Bo Reviewer
      verified_at: 2024-04-02
      verified_fingerprint: sha256:b4f7086afbaea81b76abb189e73212d5c86789830c7f9f8b04439d1e81d27cca
""",
    "Verify the claim and sign it off: claimtrack review sign CLAIM_ID --by NAME.",
)

SELF_VERIFIED = flag(
    "F302",
    "self-verified",
    "A claim verified by the person who recorded it, in a document under four-eyes review.",
    "Four-eyes review means a second person checks each claim: the one who recorded it "
    "knows what they meant and reads the sources the same way again. It applies to "
    "documents with 'four_eyes: true'.",
    """\
document: {id: example, title: Example, four_eyes: true}
sources:
  - {id: wire-report, type: report, title: Wire report, issued: "2024", url: https://example.org/wire}
claims:
  - id: strike
    text: Israel struck the Iranian consulate in Damascus.
    kind: event
    anchor: {exact: the strike on the consulate}
    dates: [{date: 2024-04-01}]
    citations: [{source: wire-report}]
    provenance: {recorded_by: Ada Editor, verified_by: Ada Editor}
""",
    """\
document: {id: example, title: Example, four_eyes: true}
sources:
  - {id: wire-report, type: report, title: Wire report, issued: "2024", url: https://example.org/wire}
claims:
  - id: strike
    text: Israel struck the Iranian consulate in Damascus.
    kind: event
    anchor: {exact: the strike on the consulate}
    dates: [{date: 2024-04-01}]
    citations: [{source: wire-report}]
    provenance: {recorded_by: Ada Editor, verified_by: Bo Reviewer}
""",
    "Have someone other than the claim's recorder verify and sign it off.",
)

CHANGED_AFTER_VERIFICATION = flag(
    "F303",
    "changed-after-verification",
    "A claim whose content changed after it was verified.",
    "A sign-off is for what the verifier read. The fingerprint recorded with it (a SHA-256 "
    "of the claim's content: every field but provenance and suppressions) no longer "
    "matches when the text, anchor, citations, verdict or any other field is edited "
    "afterwards, so the edit has not been checked.",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus on 2 April.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
  provenance:
    verified_by: Bo Reviewer
    verified_fingerprint: sha256:b4f7086afbaea81b76abb189e73212d5c86789830c7f9f8b04439d1e81d27cca
""",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
  provenance:
    verified_by: Bo Reviewer
    verified_fingerprint: sha256:b4f7086afbaea81b76abb189e73212d5c86789830c7f9f8b04439d1e81d27cca
""",
    "Verify the claim again and sign it off anew: claimtrack review sign CLAIM_ID --by NAME.",
)
