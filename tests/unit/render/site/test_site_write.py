"""Writing a corpus site document by document: the pages are the ones the whole-report
renderer gives, and no document's report outlives the writing of its page."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from collections.abc import Iterator
from pathlib import Path

from tests.site_corpus import write_corpus

import claimtrack
from claimtrack.findings import Severity
from claimtrack.io.folder import MARKER, write_folder
from claimtrack.render.report import build_report
from claimtrack.render.report.model import DocumentReport
from claimtrack.render.site import build_site, last_changes, render_site, repeat_links
from claimtrack.render.site.documents import iter_documents
from claimtrack.render.site.html import document_template
from claimtrack.render.site.write import write_site
from claimtrack.settings import CheckSettings


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _claim_files(folder: Path, count: int, claims: int = 40) -> list[str]:
    """``count`` claim files, each with its article snapshot, citing a source of its own
    and one every file shares."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(count):
        sentences = [
            f"The council of town {index} met on day {n} and approved budget line {n}."
            for n in range(claims)
        ]
        (folder / f"doc-{index:03d}.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
        body = "".join(
            f"  - id: c{n}\n"
            f"    text: {sentence}\n"
            "    kind: event\n"
            f'    anchor: {{exact: "approved budget line {n}."}}\n'
            f"    citations: [{{source: {'minutes' if n % 2 else 'register'}}}]\n"
            for n, sentence in enumerate(sentences)
        )
        text = (
            f"version: 1\ndocument: {{id: d{index}, title: Town {index},"
            f" snapshot: {{path: doc-{index:03d}.txt}}}}\n"
            "sources:\n"
            f"  - {{id: minutes, type: webpage, title: Minutes of town {index},"
            f" url: 'https://example.org/minutes/{index}'}}\n"
            "  - {id: register, type: webpage, title: Shared register,"
            " url: 'https://example.org/register'}\n"
            f"claims:\n{body}"
        )
        path = folder / f"doc-{index:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    return names


def _whole_and_sent(names: list[str], folder: Path) -> None:
    """The site of ``names`` written into ``folder`` twice: as ``whole/`` from the whole
    reports, and as ``sent/`` from what the workers send back with their pages written."""
    settings = CheckSettings()
    write_site(str(folder / "whole"), iter_documents(names, settings, 2), "test\n", threshold=0.8)
    write_site(
        str(folder / "sent"),
        lambda staging: iter_documents(names, settings, 2, None, staging),
        "test\n",
        threshold=0.8,
    )


class TestWriteSite:
    def test_same_pages_as_the_whole_report(self, tmp_path: Path) -> None:
        """The site written document by document is byte for byte the one rendered from
        the whole report: every document page's links filled in, every corpus page."""
        names = [str(path) for path in write_corpus(tmp_path / "corpus")]
        results = claimtrack.check(names).files
        report = build_report(results)
        files = [(r.path, r.claim_file) for r in results if r.claim_file is not None]
        changes = last_changes(names)
        site = build_site(report, repeat_links(files, threshold=0.8), changes)
        write_folder(tmp_path / "whole", render_site(site), "test\n")
        written = write_site(
            str(tmp_path / "streamed"),
            ((doc, document_template(doc)) for doc in report.documents),
            "test\n",
            threshold=0.8,
            last_changes=changes,
        )
        whole, streamed = _files(tmp_path / "whole"), _files(tmp_path / "streamed")
        assert streamed == whole
        assert written.pages == len(whole) - 1  # the marker file is not a page
        assert site.repeats
        assert any(b"Also claimed in" in page for page in streamed.values())
        assert MARKER in streamed
        assert not written.unreadable

    def test_no_report_outlives_its_page(self, tmp_path: Path) -> None:
        """When the writer asks for the next document, no earlier document's report is
        alive: only what the pages across documents list of it is kept."""
        names = _claim_files(tmp_path / "corpus", 6)
        refs: list[weakref.ref[DocumentReport]] = []
        alive_at_each_step: list[list[int]] = []

        def documents() -> Iterator[tuple[DocumentReport, str]]:
            for made in iter_documents(names, CheckSettings()):
                gc.collect()
                alive_at_each_step.append([i for i, ref in enumerate(refs) if ref() is not None])
                refs.append(weakref.ref(made[0]))
                yield made

        write_site(str(tmp_path / "site"), documents(), "test\n", threshold=0.8)
        assert alive_at_each_step == [[]] * 6
        gc.collect()
        assert [ref() for ref in refs] == [None] * 6
        assert len(list((tmp_path / "site" / "documents").iterdir())) == 6

    def test_peak_memory_flat_in_the_files(self, tmp_path: Path) -> None:
        """The traced peak of writing the site of 48 files is under 1.5 times that of 12:
        what is kept of each document is small beside one document's report and page (the
        peak grew 1.7 times when every report and page was kept)."""

        def peak(count: int) -> int:
            names = _claim_files(tmp_path / f"corpus-{count}", count)
            gc.collect()
            tracemalloc.start()
            try:
                write_site(
                    str(tmp_path / f"site-{count}"),
                    iter_documents(names, CheckSettings()),
                    "test\n",
                    threshold=0.8,
                )
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        peak(2)  # imports and caches, outside the figures
        small, large = peak(12), peak(48)
        assert large < 1.5 * small, (small, large)


class TestPagesWrittenByWorkers:
    def test_same_site_when_workers_write_the_pages(self, tmp_path: Path) -> None:
        """Pages the workers write into the new folder give byte for byte the site of pages
        handed over as text, and none of the workers' files is left in it."""
        names = _claim_files(tmp_path / "corpus", 17, claims=4)
        settings = CheckSettings()
        by_text = write_site(
            str(tmp_path / "by-text"), iter_documents(names, settings, 2), "test\n", threshold=0.8
        )
        by_workers = write_site(
            str(tmp_path / "by-workers"),
            lambda staging: iter_documents(names, settings, 2, None, staging),
            "test\n",
            threshold=0.8,
        )
        assert _files(tmp_path / "by-workers") == _files(tmp_path / "by-text")
        assert by_workers.pages == by_text.pages
        pages = sorted(p.name for p in (tmp_path / "by-workers" / "documents").iterdir())
        assert pages == [f"doc-{index:03d}.html" for index in range(17)]

    def test_repeated_claims_survive_what_workers_send_back(self, tmp_path: Path) -> None:
        """With the workers sending back only what the pages across documents need, the
        repeated claims (``same_as`` links and matches) and source pages are the same as
        from the whole reports."""
        names = [str(p) for n in range(6) for p in write_corpus(tmp_path / f"copy-{n}")]
        _whole_and_sent(names, tmp_path)
        whole, sent = _files(tmp_path / "whole"), _files(tmp_path / "sent")
        assert sent == whole
        assert any(name.startswith("claims/") and name != "claims/index.html" for name in sent)
        assert any(b"Also claimed in" in page for page in sent.values())

    def test_index_counts_survive_what_workers_send_back(self, tmp_path: Path) -> None:
        """With the workers sending back of each finding only its rule and severity, the
        index counts every document's flags and errors as from the whole reports."""
        names = [str(p) for n in range(6) for p in write_corpus(tmp_path / f"copy-{n}")]
        broken = tmp_path / "copy-0" / "broken.yaml"
        broken.write_text("version: 1\nclaims: [\n", encoding="utf-8")
        names.append(str(broken))
        checked = claimtrack.check(names).files
        assert any(  # a rule flagged twice in one file
            len(result.findings) > len({f.code for f in result.findings}) for result in checked
        )
        assert {f.severity for r in checked for f in r.findings} >= {Severity.ERROR, Severity.INFO}
        _whole_and_sent(names, tmp_path)
        whole = (tmp_path / "whole" / "index.html").read_text()
        assert (tmp_path / "sent" / "index.html").read_text() == whole
