"""A corpus site in a real browser (headless Chromium): every link leads to a page and
anchor that exist, nothing scrolls sideways on a phone, no request leaves the site's folder,
and axe-core finds no serious accessibility problem.

Needs Debian's ``chromium`` and the ``playwright`` package (see ``conftest.py`` here: skipped
without Chromium outside CI, never in CI).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from tests.site_corpus import write_corpus

import claimtrack
from claimtrack.io.folder import write_folder
from claimtrack.render.report import build_report
from claimtrack.render.site import build_site, last_changes, render_site, repeat_links

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of the article's real record, the matching test corpus and the synthetic
    harbour corpus (shared sources, recorded and proposed repeats), written to a folder."""
    work = tmp_path_factory.mktemp("site")
    paths = [
        str(ROOT / "claims" / "assad-fall-iran-syria.yaml"),
        *sorted(str(p) for p in (ROOT / "tests" / "fixtures" / "corpus" / "claims").glob("*.yaml")),
        *(str(p) for p in write_corpus(work / "harbour")),
    ]
    results = claimtrack.check(paths).files
    files = [(r.path, r.claim_file) for r in results if r.claim_file is not None]
    built = build_site(
        build_report(results), repeat_links(files, threshold=0.8), last_changes(paths)
    )
    folder = work / "out"
    write_folder(folder, render_site(built), "test site\n")
    return folder


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Context:
    """A browser context that records every request and lets only file:// ones through."""

    def __init__(self, browser: Any, width: int, *, scripts: bool = False) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": 844}, java_script_enabled=scripts
        )
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    def close(self) -> None:
        self.context.close()


def _file(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


class TestLinks:
    def test_every_link_leads_to_a_page_and_anchor_that_exist(
        self, browser: Any, site: Path
    ) -> None:
        """Every link on every page is a page of the site (with an element of the anchor's
        id when it names one) or a source's own http(s) address; nothing else."""
        view = _Context(browser, 1280)
        try:
            ids: dict[Path, set[str]] = {}
            links: list[tuple[Path, str]] = []
            for page in _pages(site):
                view.page.goto(page.as_uri())
                ids[page] = set(view.page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
                hrefs = view.page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
                links.extend((page, href) for href in hrefs)
            assert len(ids) > 20
            outside = []
            for page, href in links:
                if href.startswith(("http://", "https://")):
                    continue
                assert href.startswith("file://"), (page.name, href)
                target = _file(href)
                assert target.resolve().is_relative_to(site.resolve()), (page.name, href)
                assert target in ids, f"{page.relative_to(site)} links to missing {href}"
                fragment = urlsplit(href).fragment
                if fragment:
                    assert unquote(fragment) in ids[target], f"{page.relative_to(site)}: {href}"
                if target.parent != page.parent:
                    outside.append(href)
            assert outside, "no page links to another folder of the site"
            assert all(url.startswith("file://") for url in view.requests)
        finally:
            view.close()

    def test_index_reaches_every_page(self, browser: Any, site: Path) -> None:
        """Following links from the index reaches every page of the site."""
        view = _Context(browser, 1280)
        try:
            seen = {site / "index.html"}
            todo = [site / "index.html"]
            while todo:
                view.page.goto(todo.pop().as_uri())
                hrefs = view.page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
                for href in hrefs:
                    if href.startswith("file://"):
                        target = _file(href)
                        if target not in seen:
                            seen.add(target)
                            todo.append(target)
            assert seen == set(_pages(site))
        finally:
            view.close()


class TestPhoneAndRequests:
    @pytest.mark.parametrize("scripts", [False, True], ids=["no-scripts", "scripts"])
    def test_nothing_overflows_at_390_px_and_nothing_leaves_the_folder(
        self, browser: Any, site: Path, scripts: bool
    ) -> None:
        """At 390 px no page scrolls sideways, with its disclosures folded or open; no page
        requests anything but files of the site, and none logs an error."""
        view = _Context(browser, 390, scripts=scripts)
        try:
            for page in _pages(site):
                view.page.goto(page.as_uri())
                width = view.page.evaluate("document.documentElement.scrollWidth")
                assert width <= 390, f"{page.relative_to(site)} is {width} px wide"
                view.page.evaluate(
                    "document.querySelectorAll('details').forEach(d => d.setAttribute('open', ''))"
                )
                width = view.page.evaluate("document.documentElement.scrollWidth")
                assert width <= 390, f"{page.relative_to(site)} opened is {width} px wide"
            assert view.requests
            for url in view.requests:
                assert url.startswith("file://"), url
                assert _file(url).resolve().is_relative_to(site.resolve()), url
            assert view.errors == []
        finally:
            view.close()


class TestAccess:
    @pytest.mark.parametrize(
        "name",
        [
            "index.html",
            "documents/harbour-daily.html",
            "sources/index.html",
            "sources/port-authority-notice-on-the-reopening.html",
            "claims/index.html",
            "claims/cost.html",
        ],
    )
    def test_no_serious_accessibility_violations(
        self, browser: Any, site: Path, name: str, serious_violations: Any
    ) -> None:
        """axe-core finds no serious or critical violation on each kind of page."""
        view = _Context(browser, 390, scripts=True)
        try:
            view.page.goto((site / name).as_uri())
            assert serious_violations(view.page) == []
        finally:
            view.close()
