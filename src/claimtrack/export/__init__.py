"""Exports to other tools' formats: schema.org ClaimReview JSON-LD, CSL-JSON, W3C Web
Annotation JSON-LD and W3C PROV-JSON. Each takes the report data of
:func:`claimtrack.citations.build_report` and returns plain data; ``render_*`` gives text."""
