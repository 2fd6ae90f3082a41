"""Hostile claim text (markup, javascript: URLs, quotes in attributes, spreadsheet formulas)
is inert in every report format and every export."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import html5lib
import pytest

from claimtrack import (
    Anchor,
    Citation,
    Claim,
    ClaimFile,
    ClaimKind,
    Document,
    Source,
    SourceType,
    Status,
)
from claimtrack.export.claimreview import render_claimreview
from claimtrack.export.csl import render_csl
from claimtrack.export.prov import render_prov
from claimtrack.export.webannotation import render_web_annotation
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.csv import render_csv
from claimtrack.render.report.html import render_html
from claimtrack.render.report.html_parts import script
from claimtrack.render.report.json import render_report_json
from claimtrack.render.report.markdown import render_markdown
from claimtrack.results import FileResult

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _unsafe_report() -> Report:
    """A report whose records were built in code with javascript: and data: URLs (validators
    off), as a library caller could."""
    with attrs.validators.disabled():
        document = Document(id="d", title="T", url="javascript:alert(1)")
        source = Source(
            id="s",
            type=SourceType.WEBPAGE,
            title="S",
            url="javascript:alert(2)",
            archive_url="data:text/html,<script>alert(3)</script>",
        )
    claim = Claim(
        id="c",
        text="C",
        kind=ClaimKind.EVENT,
        anchor=Anchor(exact="C"),
        citations=(Citation(source="s"),),
        status=Status.SUPPORTED,
    )
    claim_file = ClaimFile(document=document, sources=(source,), claims=(claim,))
    return build_report([FileResult(path="x.yaml", findings=(), claim_file=claim_file)])


def _urls(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "URL", "source", "archive_location", "sameAs", "$") and isinstance(
                item, str
            ):
                yield item
            yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


class TestHtml:
    def test_markup_is_text(self, hostile_report: Report) -> None:
        """No script, image or event handler comes out of claim text; links are http(s) or #."""
        page = render_html(hostile_report)
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
        assert [element.text for element in tree.iter("script")] == [script()]
        assert list(tree.iter("img")) == []
        for element in tree.iter():
            assert not any(name.lower().startswith("on") for name in element.attrib)
            href = element.get("href")
            if href is not None:
                assert href.startswith(("#", "http://", "https://"))
        body_text = "".join(tree.find("body").itertext())
        assert "<script>alert('claim')</script>" in body_text

    def test_quotes_stay_inside_attributes(self, hostile_report: Report) -> None:
        """A URL holding quotes stays one attribute value."""
        page = render_html(hostile_report)
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
        hrefs = [a.get("href") for a in tree.iter("a")]
        assert 'https://www.example.org/"onmouseover="alert(1)' in hrefs

    def test_unsafe_urls_are_not_links(self) -> None:
        """javascript: and data: URLs are shown as text, never as links."""
        page = render_html(_unsafe_report())
        assert 'href="javascript:' not in page
        assert 'href="data:' not in page
        assert "javascript:alert(1)" in page


class TestMarkdown:
    def test_markup_is_escaped(self, hostile_report: Report) -> None:
        """Raw HTML never reaches the Markdown, and no javascript: link is made."""
        text = render_markdown(hostile_report)
        assert "<script" not in text
        assert "<img" not in text
        assert re.search(r"(?<!\\)\]\(<?javascript:", text) is None

    def test_unsafe_urls_are_not_links(self) -> None:
        """javascript: and data: URLs are shown as text, never as links."""
        text = render_markdown(_unsafe_report())
        assert "](<javascript:" not in text
        assert "](<data:" not in text


class TestCsv:
    def test_no_cell_starts_a_formula(self, hostile_report: Report) -> None:
        """Every cell that would start a formula is prefixed with a quote."""
        rows = list(csv.reader(io.StringIO(render_csv(hostile_report))))
        cells = [cell for row in rows for cell in row]
        assert "'=cmd|' /C calc'!A0" in cells
        assert not [cell for cell in cells if cell.startswith(_FORMULA_STARTS)]


class TestJsonFormats:
    @pytest.mark.parametrize(
        "render", [render_claimreview, render_csl, render_web_annotation, render_prov]
    )
    def test_exports_hold_no_unsafe_urls(self, render: Any) -> None:
        """No export carries a javascript: or data: URL, in a URL field or anywhere else."""
        text = render(_unsafe_report())
        urls = list(_urls(json.loads(text)))
        assert not [url for url in urls if url.lower().startswith(("javascript:", "data:"))]
        assert "javascript:" not in text
        assert "data:text" not in text

    @pytest.mark.parametrize(
        "render",
        [render_report_json, render_claimreview, render_csl, render_web_annotation, render_prov],
    )
    def test_hostile_text_round_trips(self, hostile_report: Report, render: Any) -> None:
        """Hostile text is carried as JSON strings, unchanged and unexecuted."""
        text = render(hostile_report)
        data = json.loads(text)
        assert "<script>" in json.dumps(data, ensure_ascii=False)
