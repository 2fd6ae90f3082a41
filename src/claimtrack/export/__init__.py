"""Exports to other tools' formats: schema.org ClaimReview JSON-LD, CSL-JSON, W3C Web
Annotation JSON-LD, a Hypothesis import file and W3C PROV-JSON. Each takes the report data of
:func:`claimtrack.render.report.build_report` and returns plain data; ``render_*`` gives text."""

from claimtrack.export.claimreview import (
    ClaimReviewSettings,
    claimreview_data,
    render_claimreview,
)
from claimtrack.export.claimreview_gaps import Gap, claimreview_gaps
from claimtrack.export.csl import csl_items, render_csl
from claimtrack.export.hypothesis import hypothesis_export, hypothesis_gaps, render_hypothesis
from claimtrack.export.prov import prov_document, render_prov
from claimtrack.export.webannotation import annotation_collection, render_web_annotation

__all__ = [
    "ClaimReviewSettings",
    "Gap",
    "annotation_collection",
    "claimreview_data",
    "claimreview_gaps",
    "csl_items",
    "hypothesis_export",
    "hypothesis_gaps",
    "prov_document",
    "render_claimreview",
    "render_csl",
    "render_hypothesis",
    "render_prov",
    "render_web_annotation",
]
