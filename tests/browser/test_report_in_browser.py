"""The HTML report in a real browser (headless Chromium, JavaScript on and off): what a
reader sees and can do.

Needs Debian's ``chromium`` package (CI installs it) and the ``playwright`` Python package;
Playwright's own browser downloads are never used. The accessibility audit injects the
axe-core copy that ``axe-playwright-python`` ships (nothing is fetched). Set
``CLAIMTRACK_UPDATE_SCREENSHOTS=1`` to refresh the screenshots in ``docs/images/``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.article import check_article

import claimtrack
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.html import render_html
from claimtrack.render.report.verification import verification_label

ROOT = Path(__file__).resolve().parents[2]
DOCS_IMAGES = ROOT / "docs" / "images"

# The article's real record, the small report fixture with hand-made overlaps, and a report
# of two documents.
ARTICLE = "claims/assad-fall-iran-syria.yaml"
REPORTS = {
    "article": (ARTICLE,),
    "fixture": ("tests/fixtures/reports/article/claims.yaml",),
    "two-documents": (ARTICLE, "tests/fixtures/reports/small/claims.yaml"),
}


class _Page:
    """A page opened on a report file, recording console errors and network requests."""

    def __init__(
        self, browser: Any, path: Path, width: int, height: int, *, scripts: bool = False
    ) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=scripts
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
    results = claimtrack.check(list(REPORTS[request.param])).files
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
    @pytest.mark.parametrize("scripts", [False, True], ids=["no-scripts", "scripts"])
    @pytest.mark.parametrize("width", [360, 390, 800, 1280])
    def test_no_horizontal_overflow(
        self, browser: Any, rendered: tuple[Path, Report, str], width: int, scripts: bool
    ) -> None:
        """At phone (360, 390 px), tablet (800 px) and desktop (1280 px) width nothing makes
        the page scroll sideways, with the evidence folded or opened."""
        report_file, _report, _name = rendered
        view = _Page(browser, report_file, width, 844, scripts=scripts)
        try:
            assert view.page.evaluate("document.documentElement.scrollWidth") <= width
            view.page.evaluate(
                "document.querySelectorAll('details').forEach(d => d.setAttribute('open', ''))"
            )
            assert view.page.evaluate("document.documentElement.scrollWidth") <= width
            assert view.errors == []
        finally:
            view.close()

    def test_empty_fields_are_skipped(
        self, browser: Any, rendered: tuple[Path, Report, str]
    ) -> None:
        """On a phone a claim card leaves out the fields it has no value for."""
        report_file, report, _name = rendered
        view = _Page(browser, report_file, 390, 844)
        try:
            for row in report.documents[0].claims:
                flags = view.page.locator(f"#d1-claim-{row.number} td").nth(7)
                assert flags.is_visible() == bool(row.flags)
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


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Report]:
    """The HTML report of the article's record, written to a temporary file."""
    monkeypatch.chdir(ROOT)
    report = build_report(check_article().files)
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report


def _visible_claims(view: _Page) -> list[int]:
    """The numbers of the claim rows shown, in the order shown."""
    ids = view.page.eval_on_selector_all(
        "#d1-claims-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.id)"
    )
    return [int(row_id.rsplit("-", 1)[1]) for row_id in ids]


class TestFilters:
    @pytest.mark.parametrize(
        ("field", "value", "keeps"),
        [
            ("state", "unsourced", lambda row: str(row.state) == "unsourced"),
            ("status", "disputed", lambda row: str(row.claim.status) == "disputed"),
            ("worthy", "no", lambda row: not row.claim.check_worthy),
            (
                "attribution",
                "vague",
                lambda row: (
                    row.claim.attribution is not None
                    and str(row.claim.attribution.specificity) == "vague"
                ),
            ),
            ("flag", "F101", lambda row: any(flag.code == "F101" for flag in row.flags)),
        ],
    )
    def test_each_filter_shows_exactly_its_claims(
        self, browser: Any, article: tuple[Path, Report], field: str, value: str, keeps: Any
    ) -> None:
        """Choosing a filter value shows the claims that have it and hides the others; the
        count says how many are shown; clearing shows them all again."""
        report_file, report = article
        rows = report.documents[0].claims
        expected = [row.number for row in rows if keeps(row)]
        assert 0 < len(expected) < len(rows)
        view = _Page(browser, report_file, 1280, 900, scripts=True)
        try:
            assert _visible_claims(view) == [row.number for row in rows]
            view.page.select_option(f"#d1-claims form.filters select[name={field}]", value)
            assert _visible_claims(view) == expected
            output = view.page.locator("#d1-claims form.filters output").inner_text()
            assert output == f"{len(expected)} of {len(rows)} claims shown"
            view.page.click("#d1-claims form.filters button[type=reset]")
            # The form's reset event fires before the fields are cleared; the script updates
            # right after it (the page's CSP forbids the string evaluation wait_for_function
            # would use).
            for _ in range(50):
                if len(_visible_claims(view)) == len(rows):
                    break
                view.page.wait_for_timeout(20)
            assert _visible_claims(view) == [row.number for row in rows]
            assert view.errors == []
        finally:
            view.close()

    def test_search_finds_words_in_claims_and_evidence(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """Typing in the search box shows only the claims whose row (text, quote, evidence)
        holds the words, case aside; words found nowhere show no claim."""
        report_file, report = article
        rows = report.documents[0].claims
        quoted = next(row for row in rows if any(m.quote for m in row.markers))
        word = next(m.quote for m in quoted.markers if m.quote).split()[-1].strip("”.,")
        view = _Page(browser, report_file, 1280, 900, scripts=True)
        try:
            view.page.fill("#d1-claims input[name=q]", word.upper())
            shown = _visible_claims(view)
            assert quoted.number in shown
            assert len(shown) < len(rows)
            for number in shown:
                text = view.page.locator(f"#d1-claim-{number}").text_content() or ""
                assert word.lower() in text.lower()
            view.page.fill("#d1-claims input[name=q]", "zzqx no such words")
            assert _visible_claims(view) == []
        finally:
            view.close()

    def test_sort_orders_the_rows(self, browser: Any, article: tuple[Path, Report]) -> None:
        """Sorting by flags puts the most flagged claims first (ties in text order); sorting
        by sourcing puts gaps first; the text order comes back."""
        report_file, report = article
        rows = {row.number: row for row in report.documents[0].claims}
        view = _Page(browser, report_file, 1280, 900, scripts=True)
        try:
            view.page.select_option("#d1-claims select[name=sort]", "flags")
            shown = _visible_claims(view)
            keys = [(-len({f.code for f in rows[n].flags}), n) for n in shown]
            assert keys == sorted(keys)
            view.page.select_option("#d1-claims select[name=sort]", "state")
            states = [str(rows[n].state) for n in _visible_claims(view)]
            order = ["unsourced", "disputed", "vague", "sourced"]
            assert [order.index(state) for state in states] == sorted(
                order.index(state) for state in states
            )
            view.page.select_option("#d1-claims select[name=sort]", "number")
            assert _visible_claims(view) == sorted(rows)
        finally:
            view.close()

    def test_without_scripts_everything_is_shown(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """With scripts off, no dead control is shown, every claim is, and the evidence still
        opens on a click."""
        report_file, report = article
        view = _Page(browser, report_file, 1280, 900)
        try:
            assert not view.page.locator("form.filters").is_visible()
            assert len(_visible_claims(view)) == len(report.documents[0].claims)
            row = next(r for r in report.documents[0].claims if any(m.quote for m in r.markers))
            quote = next(m.quote for m in row.markers if m.quote)
            evidence = view.page.locator(f"#d1-claim-{row.number} details.ev blockquote").first
            assert not evidence.is_visible()
            view.page.click(f"#d1-claim-{row.number} details.ev summary")
            assert evidence.is_visible()
            assert quote in evidence.inner_text()
        finally:
            view.close()

    def test_print_expands_the_evidence(self, browser: Any, article: tuple[Path, Report]) -> None:
        """Printed (even with scripts off), every folded evidence and source list is open."""
        report_file, _report = article
        view = _Page(browser, report_file, 1280, 900)
        try:
            view.page.emulate_media(media="print")
            quotes = view.page.locator("details blockquote")
            assert quotes.count() > 0
            hidden = view.page.eval_on_selector_all(
                "details blockquote", "els => els.filter(e => !e.checkVisibility())"
            )
            assert hidden == []
            assert not view.page.locator("form.filters").is_visible()
        finally:
            view.close()


class TestKeyboardAndAccess:
    def test_keyboard_reaches_every_control(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """Tabbing through the page reaches every link, disclosure and form control shown, in
        page order, and Enter opens a disclosure."""
        report_file, _report = article
        view = _Page(browser, report_file, 1280, 900, scripts=True)
        try:
            expected = view.page.evaluate(
                """() => {
                const all = document.querySelectorAll('a[href], summary, input, select, button');
                let n = 0;
                // Shown, and not inside a closed disclosure (reachable once it is opened).
                const shown = e => e.getClientRects().length > 0
                    && !e.closest('details:not([open]) > :not(summary)');
                return Array.from(all).filter(shown).map(e => {
                    e.dataset.k = String(n); return n++; });
            }"""
            )
            reached = []
            for _ in range(len(expected) + 5):
                view.page.keyboard.press("Tab")
                key = view.page.evaluate("document.activeElement.dataset.k ?? null")
                if key is None or (reached and int(key) == reached[0]):
                    break
                reached.append(int(key))
            assert reached == expected
            summary = view.page.locator("details.ev summary").first
            summary.focus()
            view.page.keyboard.press("Enter")
            assert summary.evaluate("s => s.parentElement.open")
        finally:
            view.close()

    @pytest.mark.parametrize("width", [390, 1280])
    def test_no_serious_accessibility_violations(
        self, browser: Any, article: tuple[Path, Report], width: int, serious_violations: Any
    ) -> None:
        """axe-core finds no serious or critical accessibility violation on the article's
        report, on a phone or a desktop, and the audit itself fetches nothing."""
        report_file, _report = article
        view = _Page(browser, report_file, width, 900, scripts=True)
        try:
            assert serious_violations(view.page) == []
            assert view.requests == []
        finally:
            view.close()

    def test_no_requests_with_scripts_on(self, browser: Any, article: tuple[Path, Report]) -> None:
        """With scripts on and the filters used, the page still makes no network request and
        logs no error (the CSP lets the page's own script run)."""
        report_file, _report = article
        view = _Page(browser, report_file, 1280, 900, scripts=True)
        try:
            assert view.page.locator("form.filters").is_visible()
            view.page.fill("#d1-claims input[name=q]", "Iran")
            view.page.select_option("#d1-claims select[name=sort]", "status")
            view.page.wait_for_load_state("load")
            assert view.requests == []
            assert view.errors == []
        finally:
            view.close()


class TestColourIsNotTheOnlyCue:
    def test_states_differ_by_more_than_colour(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """Each sourcing state, and opinion, has its own underline style and marker symbol;
        opinion is never given the red of a gap."""
        report_file, _report = article
        view = _Page(browser, report_file, 1280, 900)
        try:
            styles = {}
            for css in (
                "sourced:not(.opinion)",
                "vague:not(.opinion)",
                "unsourced:not(.opinion)",
                "disputed:not(.opinion)",
                "unsourced.opinion",
            ):
                mark = view.page.locator(f".legend mark.{css}")
                marker = view.page.locator(f".article a.cn.{css}").first
                styles[css] = (
                    mark.evaluate("m => getComputedStyle(m).textDecorationStyle"),
                    marker.evaluate("a => getComputedStyle(a, '::after').content"),
                    mark.evaluate("m => getComputedStyle(m).backgroundColor"),
                )
            assert len({style for style, _, _ in styles.values()}) == len(styles)
            assert len({symbol for _, symbol, _ in styles.values()}) == len(styles)
            assert styles["unsourced.opinion"][2] != styles["unsourced:not(.opinion)"][2]
            opinion = view.page.locator(".article mark.opinion").first
            assert (
                opinion.evaluate("m => getComputedStyle(m).backgroundColor")
                == (styles["unsourced.opinion"][2])
            )
        finally:
            view.close()


class TestEditorQuestions:
    """The three questions an editor asks, each answered within two clicks from the top."""

    def test_what_to_check_first(self, browser: Any, article: tuple[Path, Report]) -> None:
        """The to-do list is on the first screen; one click on its first item shows that
        claim."""
        report_file, _report = article
        view = _Page(browser, report_file, 1280, 900)
        try:
            first = view.page.locator("#d1-todo ol.todo > li").first
            assert first.is_visible()
            assert first.bounding_box()["y"] < 900
            link = first.locator("a").first
            target = link.get_attribute("href")
            if _screenshots("article"):
                DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
                view.page.screenshot(path=str(DOCS_IMAGES / "report-html-todo.png"))
            link.click()
            assert view.hash() == target
            assert view.page.locator(target).is_visible()
        finally:
            view.close()

    def test_what_the_source_behind_a_claim_says(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """Click a claim's highlight, then its evidence: the source's title, stance and quote
        are shown."""
        report_file, report = article
        row = next(
            r for r in report.documents[0].claims if any(m.quote for m in r.markers) and r.placement
        )
        marker = next(m for m in row.markers if m.quote)
        view = _Page(browser, report_file, 1280, 900)
        try:
            view.page.click(f"#d1-hl-{row.number}")
            view.page.click(f"#d1-claim-{row.number} details.ev summary")
            evidence = view.page.locator(f"#d1-claim-{row.number} details.ev")
            text = evidence.inner_text()
            assert marker.quote is not None
            assert " ".join(marker.quote.split()) in " ".join(text.split())
            assert str(marker.stance) in text
            assert f"Quote: {verification_label(marker.verification)}" in " ".join(text.split())
            if _screenshots("article"):
                evidence.scroll_into_view_if_needed()
                view.page.screenshot(path=str(DOCS_IMAGES / "report-html-evidence.png"))
        finally:
            view.close()

    def test_which_claims_rest_on_a_source(
        self, browser: Any, article: tuple[Path, Report]
    ) -> None:
        """Click "Sources" in the contents, then a source's list: every claim citing it is
        shown, with its stance."""
        report_file, report = article
        doc = report.documents[0]
        entry = max(
            doc.bibliography,
            key=lambda e: sum(m.number == e.number for r in doc.claims for m in r.markers),
        )
        citing = [r.number for r in doc.claims if any(m.number == entry.number for m in r.markers)]
        view = _Page(browser, report_file, 1280, 900)
        try:
            view.page.click('nav.toc a[href="#d1-sources"]')
            view.page.click(f"#d1-src-{entry.number} details.cited summary")
            links = view.page.locator(f"#d1-src-{entry.number} details.cited li > a")
            shown = [int((a.get_attribute("href") or "").rsplit("-", 1)[1]) for a in links.all()]
            assert shown == citing
            assert all(a.is_visible() for a in links.all())
            if _screenshots("article"):
                view.page.locator(f"#d1-src-{entry.number}").scroll_into_view_if_needed()
                view.page.screenshot(path=str(DOCS_IMAGES / "report-html-source.png"))
        finally:
            view.close()
