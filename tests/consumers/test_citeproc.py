"""citeproc-py renders every CSL-JSON item of the export in the style it ships (Harvard,
Cite Them Right), offline."""

from __future__ import annotations

import re
import warnings

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from claimtrack.export.csl import csl_items
from claimtrack.render.report import Report

#: A domain name capitalised by a style as if it were a name: "srnnews.com" once became
#: "Srnnews.Com" in a title-casing style, and becomes "Srnnews.com" in this one.
_TITLE_CASED_DOMAIN = re.compile(r"\b[A-Z][a-z0-9-]+\.(?i:com|org|net|news|uk|ua|in)\b")


def _bibliography(items: list[dict[str, object]]) -> list[str]:
    with warnings.catch_warnings():
        # citeproc-py does not read CSL's `custom` field (valid CSL-JSON, our reliability
        # grade) and says so with a UserWarning; nothing else may warn.
        warnings.filterwarnings("ignore", "The following arguments for .* are unsupported: custom")
        source = CiteProcJSON(items)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(str(item["id"]))]))
        return [str(entry) for entry in bibliography.bibliography()]


class TestCiteproc:
    def test_every_item_renders(self, claims_report: Report) -> None:
        """Each source becomes one bibliography entry holding its title."""
        items = csl_items(claims_report)
        entries = _bibliography(items)
        assert len(entries) == len(items) > 0
        rendered = "\n".join(entries)
        for item in items:
            assert str(item["title"]) in rendered

    def test_no_domain_is_title_cased(self, claims_report: Report) -> None:
        """No entry shows a domain name capitalised as a name ("Srnnews.Com")."""
        entries = _bibliography(csl_items(claims_report))
        assert [entry for entry in entries if _TITLE_CASED_DOMAIN.search(entry)] == []

    def test_a_domain_container_would_be_caught(self) -> None:
        """A domain given as container title is capitalised by the style, and the check above
        sees it."""
        item = {
            "id": "x",
            "type": "article-newspaper",
            "title": "A report",
            "container-title": "srnnews.com",
        }
        entries = _bibliography([item])
        assert any(_TITLE_CASED_DOMAIN.search(entry) for entry in entries)
