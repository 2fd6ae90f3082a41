"""What the browser tests share: Debian's Chromium, found on PATH, and one headless browser
per test module, driven by Playwright (whose own browser downloads are never used)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright. Every browser test takes it, so on a
    machine without Chromium they are skipped, but never in CI, which installs it: there a
    missing browser fails the run."""
    if CHROMIUM is None and not os.environ.get("CI"):
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def serious_violations() -> Callable[[Any], list[tuple[str, str, list[str]]]]:
    """A function auditing a page with the axe-core copy that ``axe-playwright-python``
    ships (nothing is fetched) and returning its serious and critical violations."""
    sync_axe = pytest.importorskip("axe_playwright_python.sync_playwright")

    def audit(page: Any) -> list[tuple[str, str, list[str]]]:
        results = sync_axe.Axe().run(page)
        return [
            (v["id"], v["impact"], [node["html"][:120] for node in v["nodes"][:3]])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return audit
