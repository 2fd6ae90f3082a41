"""Golden files of a corpus site: the content of its index, source and repeated-claim pages
for the synthetic harbour corpus (the document pages are the one-page report, whose golden
files are beside these), after replacing the corpus folder and the version by placeholders.

Regenerate with ``CLAIMTRACK_UPDATE_GOLDEN=1 pytest tests/golden`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.site_corpus import write_corpus

import claimtrack
from claimtrack._version import __version__
from claimtrack.render.report import build_report
from claimtrack.render.site import build_site, last_changes, render_site, repeat_links

GOLDEN = Path(__file__).resolve().parent / "site"
UPDATE = os.environ.get("CLAIMTRACK_UPDATE_GOLDEN") == "1"
#: 2025-06-01 12:00 UTC, set as every file's modification time.
STAMP = 1_748_779_200


def _pages(folder: Path) -> dict[str, str]:
    """The main content of every page but the documents', by golden-file name."""
    paths = write_corpus(folder)
    for path in paths:
        os.utime(path, (STAMP, STAMP))
    names = [str(path) for path in paths]
    results = claimtrack.check(names).files
    files = [(r.path, r.claim_file) for r in results if r.claim_file is not None]
    site = build_site(
        build_report(results), repeat_links(files, threshold=0.8), last_changes(names)
    )
    pages = {}
    for name, text in render_site(site):
        if name.startswith("documents/"):
            continue
        main = text[text.index("<main>") : text.index("</main>") + len("</main>")]
        main = main.replace(str(folder), "<CORPUS>").replace(__version__, "<VERSION>")
        pages[name.replace("/", "--")] = main + "\n"
    return pages


def test_pages_match_golden_files(tmp_path: Path) -> None:
    """Each index, source and repeated-claim page's content equals its reviewed golden file,
    and no golden file is left without a page."""
    pages = _pages(tmp_path / "corpus")
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        for stale in GOLDEN.glob("*.html"):
            stale.unlink()
        for name, text in pages.items():
            (GOLDEN / name).write_bytes(text.encode("utf-8"))
    assert sorted(p.name for p in GOLDEN.glob("*.html")) == sorted(pages)
    for name, text in pages.items():
        assert (GOLDEN / name).read_bytes().decode("utf-8") == text, name
