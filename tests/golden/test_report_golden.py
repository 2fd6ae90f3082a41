"""Golden files: every report format and export of each report fixture, compared byte for byte
after replacing the version and the fixture folder with placeholders.

Regenerate with ``CLAIMTRACK_UPDATE_GOLDEN=1 pytest tests/golden`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack._version import __version__
from claimtrack.export.claimreview import ClaimReviewSettings, render_claimreview
from claimtrack.export.csl import render_csl
from claimtrack.export.prov import render_prov
from claimtrack.export.webannotation import render_web_annotation
from claimtrack.render.report import Report
from claimtrack.render.report.csv import render_csv
from claimtrack.render.report.html import render_html
from claimtrack.render.report.json import render_report_json
from claimtrack.render.report.markdown import render_markdown

GOLDEN = Path(__file__).resolve().parent / "reports"
UPDATE = os.environ.get("CLAIMTRACK_UPDATE_GOLDEN") == "1"
_REVIEWS = ClaimReviewSettings(
    review_url="https://checks.example.org/iran-syria", reviewer="Example Fact Desk"
)

RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_report_json,
    "csv": render_csv,
    "claimreview.jsonld": lambda report: render_claimreview(report, _REVIEWS),
    "csl.json": render_csl,
    "annotations.jsonld": render_web_annotation,
    "prov.json": render_prov,
}


def _placeholders(text: str, fixtures: Path) -> str:
    return text.replace(str(fixtures), "<FIXTURES>").replace(__version__, "<VERSION>")


class TestGolden:
    @pytest.mark.parametrize("fixture", ["article", "small", "hostile"])
    @pytest.mark.parametrize("suffix", sorted(RENDERERS))
    def test_matches_golden_file(
        self,
        report_of: Callable[..., Report],
        fixtures_dir: Path,
        fixture: str,
        suffix: str,
    ) -> None:
        """The output equals the reviewed golden file."""
        text = _placeholders(RENDERERS[suffix](report_of(fixture)), fixtures_dir)
        golden = GOLDEN / f"{fixture}.{suffix}"
        if UPDATE:
            golden.parent.mkdir(exist_ok=True)
            golden.write_bytes(text.encode("utf-8"))
        assert golden.read_bytes().decode("utf-8") == text

    def test_several_documents(self, report_of: Callable[..., Report], fixtures_dir: Path) -> None:
        """A Markdown report of several documents equals its golden file."""
        text = _placeholders(render_markdown(report_of("article", "small")), fixtures_dir)
        golden = GOLDEN / "article+small.md"
        if UPDATE:
            golden.write_bytes(text.encode("utf-8"))
        assert golden.read_bytes().decode("utf-8") == text


class TestArticleGolden:
    """The article's own record (claims/), every format: a real-world regression."""

    @pytest.mark.parametrize("suffix", sorted(RENDERERS))
    def test_matches_golden_file(self, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """The article's report and exports equal their reviewed golden files."""
        from tests.article import check_article

        from claimtrack.render.report import build_report

        root = Path(__file__).resolve().parents[2]
        monkeypatch.chdir(root)
        report = build_report(check_article(article="claims/assad-fall-iran-syria.yaml").files)
        text = RENDERERS[suffix](report).replace(__version__, "<VERSION>")
        golden = GOLDEN / f"claims-article.{suffix}"
        if UPDATE:
            golden.write_bytes(text.encode("utf-8"))
        assert golden.read_bytes().decode("utf-8") == text
