"""Exports to other tools' formats: schema.org ClaimReview JSON-LD, CSL-JSON, W3C Web
Annotation JSON-LD and W3C PROV-JSON. Each takes the report data of
:func:`claimtrack.render.report.build_report` and returns plain data; ``render_*`` gives text."""

from claimtrack.export.claimreview import (
    ClaimReviewSettings,
    claimreview_data,
    render_claimreview,
)
from claimtrack.export.csl import csl_items, render_csl
from claimtrack.export.prov import prov_document, render_prov
from claimtrack.export.webannotation import annotation_collection, render_web_annotation

__all__ = [
    "ClaimReviewSettings",
    "annotation_collection",
    "claimreview_data",
    "csl_items",
    "prov_document",
    "render_claimreview",
    "render_csl",
    "render_prov",
    "render_web_annotation",
]
