"""``claimtrack report --format html -o FOLDER/``: when a report becomes a corpus site, and
what the command writes and refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli
from tests.site_corpus import write_corpus


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The folder of the three-document synthetic corpus."""
    folder = tmp_path / "claims"
    write_corpus(folder)
    return folder


def _pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


class TestSiteOrPage:
    def test_a_folder_with_a_slash_gets_a_site(self, corpus: Path, tmp_path: Path) -> None:
        """-o FOLDER/ writes the index, the document, source and repeated-claim pages, and
        says where to start on standard error."""
        code, out, err = _run("report", str(corpus), "-f", "html", "-o", f"{tmp_path}/site/")
        assert code == 0, err
        assert out == ""
        pages = _pages(tmp_path / "site")
        assert pages == [
            "claims/cost.html",
            "claims/index.html",
            "claims/reopened.html",
            "documents/harbour-daily.html",
            "documents/harbour-gazette.html",
            "documents/harbour-weekly.html",
            "index.html",
            "sources/council-minutes-2.html",
            "sources/council-minutes.html",
            "sources/index.html",
            "sources/port-authority-notice-on-the-reopening.html",
        ]
        assert "wrote 11 pages" in err
        assert "index.html" in err

    def test_one_file_to_an_html_name_is_the_one_page(self, corpus: Path, tmp_path: Path) -> None:
        """One claim file to report.html is the same single page as on standard output."""
        target = tmp_path / "report.html"
        code, _, err = _run("report", str(corpus / "daily.yaml"), "-f", "html", "-o", str(target))
        assert code == 0, err
        _, page, _ = _run("report", str(corpus / "daily.yaml"), "-f", "html")
        assert target.read_text(encoding="utf-8") == page

    def test_several_files_to_an_html_name_stay_one_page(
        self, corpus: Path, tmp_path: Path
    ) -> None:
        """Several files to all.html give the one page of several documents, as before."""
        target = tmp_path / "all.html"
        code, _, err = _run("report", str(corpus), "-f", "html", "-o", str(target))
        assert code == 0, err
        assert target.is_file()
        assert "Summary of 3 documents" in target.read_text(encoding="utf-8")

    def test_several_files_to_a_bare_name_get_a_site(self, corpus: Path, tmp_path: Path) -> None:
        """Several files to a name without .html make a site in that folder."""
        code, _, err = _run("report", str(corpus), "-f", "html", "-o", str(tmp_path / "out"))
        assert code == 0, err
        assert (tmp_path / "out" / "index.html").is_file()

    def test_site_forces_a_folder_for_one_file(self, corpus: Path, tmp_path: Path) -> None:
        """--site makes a site of one file, even to a name ending in .html."""
        target = tmp_path / "one.html"
        code, _, err = _run(
            "report", str(corpus / "daily.yaml"), "-f", "html", "--site", "-o", str(target)
        )
        assert code == 0, err
        assert (target / "documents" / "harbour-daily.html").is_file()

    def test_accepted_only_leaves_proposals_out(self, corpus: Path, tmp_path: Path) -> None:
        """--accepted-only makes repeated claims of same_as links alone."""
        code, _, err = _run(
            "report", str(corpus), "-f", "html", "--accepted-only", "-o", f"{tmp_path}/s/"
        )
        assert code == 0, err
        assert [p for p in _pages(tmp_path / "s") if p.startswith("claims/")] == [
            "claims/cost.html",
            "claims/index.html",
        ]

    def test_a_high_threshold_keeps_only_near_identical_matches(
        self, corpus: Path, tmp_path: Path
    ) -> None:
        """--match-threshold 1 still links the recorded pair, and the proposals scoring 1."""
        code, _, err = _run(
            "report", str(corpus), "-f", "html", "--match-threshold", "1", "-o", f"{tmp_path}/s/"
        )
        assert code == 0, err
        assert (tmp_path / "s" / "claims" / "cost.html").is_file()

    def test_dash_is_standard_output_for_several_files(
        self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """-o - writes the one page of several documents to standard output, no folder."""
        monkeypatch.chdir(tmp_path)
        code, out, err = _run("report", str(corpus), "-f", "html", "-o", "-")
        assert code == 0, err
        assert out.startswith("<!DOCTYPE html>")
        assert "Summary of 3 documents" in out
        assert not (tmp_path / "-").exists()


class TestRefusals:
    def test_a_users_folder_is_not_replaced(self, corpus: Path, tmp_path: Path) -> None:
        """A non-empty folder claimtrack did not make is refused (exit 2), left untouched."""
        notes = tmp_path / "notes"
        notes.mkdir()
        (notes / "mine.txt").write_text("keep", encoding="utf-8")
        code, _, err = _run("report", str(corpus), "-f", "html", "-o", f"{notes}/")
        assert code == 2
        assert "did not make" in err
        assert "Traceback" not in err
        assert sorted(p.name for p in notes.iterdir()) == ["mine.txt"]

    def test_the_input_folder_is_not_replaced(self, corpus: Path) -> None:
        """Naming the claim files' own folder as the site is refused; the files stay."""
        before = sorted(p.name for p in corpus.iterdir())
        code, _, err = _run("report", str(corpus), "-f", "html", "-o", f"{corpus}/")
        assert code == 2
        assert "did not make" in err
        assert sorted(p.name for p in corpus.iterdir()) == before

    @pytest.mark.parametrize(
        "args",
        [
            ["-f", "html", "--site"],
            ["-f", "html", "--site", "-o", "-"],
            ["-f", "md", "--site", "-o", "x/"],
            ["-f", "md", "--accepted-only"],
            ["-f", "md", "--jobs", "2"],
            ["-f", "html", "--match-threshold", "0.5", "-o", "page.html"],
        ],
    )
    def test_site_options_without_a_site_are_usage_errors(
        self, corpus: Path, args: list[str]
    ) -> None:
        """Site options where no site is written exit 2 with a message."""
        code, _, err = _run("report", str(corpus / "daily.yaml"), *args)
        assert code == 2
        assert "site" in err
