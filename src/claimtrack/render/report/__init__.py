"""Citation reports: the report data computed once (:func:`build_report`), and renderers to
Markdown, self-contained HTML, JSON and CSV.

>>> import claimtrack
>>> from claimtrack.render.report import build_report, render_markdown
>>> claim_file = claimtrack.loads('''
... version: 1
... document: {id: note, title: A note}
... claims:
...   - {id: cost, text: The bridge cost 4 million euros., kind: quantity,
...      anchor: {exact: cost 4 million euros}}
... ''')
>>> result = claimtrack.FileResult(path="note.yaml", findings=(), claim_file=claim_file)
>>> report = build_report([result])
>>> report.documents[0].claims[0].state
<SourcingState.UNSOURCED: 'unsourced'>
>>> render_markdown(report).splitlines()[0]
'# Citation report'

In practice the results come from :func:`claimtrack.check`, which also reads the document
snapshot so that the HTML report can show the article text.
"""

from claimtrack.render.report.csv import render_csv
from claimtrack.render.report.html import render_html
from claimtrack.render.report.json import render_report_json, report_data
from claimtrack.render.report.markdown import render_markdown
from claimtrack.render.report.model import ClaimRow, DocumentReport, Marker, Report, build_report
from claimtrack.render.report.state import SourcingState, sourcing_state

__all__ = [
    "ClaimRow",
    "DocumentReport",
    "Marker",
    "Report",
    "SourcingState",
    "build_report",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_report_json",
    "report_data",
    "sourcing_state",
]
