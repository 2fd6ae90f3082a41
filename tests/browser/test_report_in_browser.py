"""The HTML report in a real browser (headless Chromium, JavaScript off): what a reader sees.

Needs Debian's ``chromium`` package (CI installs it) and the ``playwright`` Python package;
Playwright's own browser downloads are never used. Set ``CLAIMTRACK_UPDATE_SCREENSHOTS=1`` to
refresh the screenshots in ``docs/images/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
DOCS_IMAGES = ROOT / "docs" / "images"

# Skipped on a machine without Chromium, but never in CI, which installs it: there a missing
# browser fails the run.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (apt-get install -y chromium)",
)

# The article's real record, and the small report fixture with hand-made overlaps.
REPORTS = {
    "article": "claims/assad-fall-iran-syria.yaml",
    "fixture": "tests/fixtures/reports/article/claims.yaml",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class _Page:
    """A page opened on a report file, recording console errors and network requests."""

    def __init__(self, browser: Any, path: Path, width: int, height: int) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=False
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.url = path.as_uri()
        self.page.goto(self.url)

    def _request(self, request: Any) -> None:
        if request.url.split("#")[0] != self.url:
            self.requests.append(request.url)

    def hash(self) -> str:
        return str(self.page.evaluate("location.hash"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture(params=sorted(REPORTS))
def rendered(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Report, str]:
    """An HTML report (the claim file named relative to the repository, as a user would name
    it) written to a temporary file, with its report data and its name."""
    monkeypatch.chdir(ROOT)
    results = claimtrack.check([REPORTS[request.param]]).files
    report = build_report(results)
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report, request.param


def _screenshots(name: str) -> bool:
    """Refresh the docs' screenshots (of the article's report only) when asked."""
    return name == "article" and os.environ.get("CLAIMTRACK_UPDATE_SCREENSHOTS") == "1"


class TestDesktop:
    def test_every_claim_is_highlighted(
        self, browser: Any, rendered: tuple[Path, Report, str]
    ) -> None:
        """Each claim's quote is visibly highlighted in the article text."""
        report_file, report, _name = rendered
        view = _Page(browser, report_file, 1280, 900)
        try:
            for row in report.documents[0].claims:
                marks = view.page.locator(f'.article mark[data-claim="{row.claim.id}"]')
                assert marks.count() >= 1
                assert marks.first.is_visible()
                assert row.claim.anchor.exact.split()[0] in "".join(marks.all_inner_texts())
        finally:
            view.close()

    def test_highlights_and_rows_link_both_ways(
        self, browser: Any, rendered: tuple[Path, Report, str]
    ) -> None:
        """Clicking a claim's marker shows its row; the row's link leads back to the text."""
        report_file, report, _name = rendered
        view = _Page(browser, report_file, 1280, 900)
        try:
            for row in report.documents[0].claims:
                view.page.click(f"#d1-hl-{row.number}")
                assert view.hash() == f"#d1-claim-{row.number}"
                assert view.page.locator(f"#d1-claim-{row.number}").is_visible()
                view.page.click(f'#d1-claim-{row.number} a[href="#d1-hl-{row.number}"]')
                assert view.hash() == f"#d1-hl-{row.number}"
            first = view.page.locator(".article a.hl").first
            target = first.get_attribute("href")
            first.click()
            assert view.hash() == target
        finally:
            view.close()

    def test_no_console_errors_and_no_requests(
        self, browser: Any, rendered: tuple[Path, Report, str]
    ) -> None:
        """The page loads without console errors and without a single network request."""
        report_file, _report, name = rendered
        view = _Page(browser, report_file, 1280, 900)
        try:
            view.page.wait_for_load_state("load")
            assert view.errors == []
            assert view.requests == []
            if _screenshots(name):
                DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
                view.page.screenshot(
                    path=str(DOCS_IMAGES / "report-html.png"),
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": 1500},
                )
        finally:
            view.close()


class TestPhone:
    @pytest.mark.parametrize("width", [390, 800])
    def test_no_horizontal_overflow(
        self, browser: Any, rendered: tuple[Path, Report, str], width: int
    ) -> None:
        """At phone (390 px) and tablet (800 px) width nothing makes the page scroll sideways."""
        report_file, _report, _name = rendered
        view = _Page(browser, report_file, width, 844)
        try:
            assert view.page.evaluate("document.documentElement.scrollWidth") <= width
            assert view.errors == []
        finally:
            view.close()

    def test_claims_become_cards(self, browser: Any, rendered: tuple[Path, Report, str]) -> None:
        """At phone width the claims table turns into one card per claim, labelled."""
        report_file, _report, name = rendered
        view = _Page(browser, report_file, 390, 844)
        try:
            display = (
                view.page.locator("table.rows tr")
                .nth(1)
                .evaluate("row => getComputedStyle(row).display")
            )
            assert display == "block"
            view.page.click("#d1-hl-1")
            assert view.page.locator("#d1-claim-1").is_visible()
            if _screenshots(name):
                view.page.goto(view.url + "#d1-hl-7")
                view.page.screenshot(path=str(DOCS_IMAGES / "report-html-phone.png"))
        finally:
            view.close()
