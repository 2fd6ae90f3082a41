"""The pages of a corpus site: index rows, source grouping, repeated claims, page names."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from tests.gitrepo import GitRepo
from tests.site_corpus import write_corpus

import claimtrack
from claimtrack.corpus.match import ClaimRef
from claimtrack.render.report import build_report
from claimtrack.render.site import Site, build_site, repeat_links
from claimtrack.render.site.changes import last_changes
from claimtrack.render.site.html import render_site
from claimtrack.render.site.repeats import RepeatLink, group_links


def _site(folder: Path, *, match: bool = True, library: frozenset[str] = frozenset()) -> Site:
    paths = [str(path) for path in write_corpus(folder)]
    results = claimtrack.check(paths).files
    files = [(r.path, r.claim_file) for r in results if r.claim_file is not None]
    links = repeat_links(files, threshold=0.8 if match else None)
    return build_site(build_report(results), links, last_changes(paths), library)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """The site of the three-document synthetic corpus."""
    return _site(tmp_path / "corpus")


class TestIndex:
    def test_one_row_per_document_in_order(self, site: Site) -> None:
        """The index lists each document once, in the order given, with its figures."""
        assert [row.slug for row in site.index] == [
            "harbour-daily",
            "harbour-weekly",
            "harbour-gazette",
        ]
        daily = site.index[0]
        assert (daily.claims, daily.unsourced, daily.errors) == (3, 1, 0)
        assert daily.flags == 2
        assert dict(daily.statuses) == {"supported": 1, "unverified": 2}
        assert daily.cited_share == 0.5

    def test_last_change_is_the_modification_time_outside_git(self, tmp_path: Path) -> None:
        """Outside a repository a file's last change is its modification time, in UTC."""
        paths = write_corpus(tmp_path / "corpus")
        os.utime(paths[0], (1_700_000_000, 1_700_000_000))
        changes = last_changes([str(path) for path in paths])
        assert changes[str(paths[0])] == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)

    def test_last_change_in_git_is_the_last_commit_unless_changed_since(
        self, tmp_path: Path
    ) -> None:
        """In a work tree a committed file is dated by its last commit, whatever its mtime;
        a file changed since, or never committed, by its modification time."""
        repo = GitRepo(tmp_path / "repo")
        paths = write_corpus(repo.root / "claims")
        repo.git("add", "claims/daily.yaml", "claims/weekly.yaml")  # gazette.yaml: never
        repo.git("commit", "-q", "-m", "two files")
        for path in paths:
            os.utime(path, (1_700_000_000, 1_700_000_000))
        with paths[1].open("a", encoding="utf-8") as stream:  # changed since its commit
            stream.write("# edited\n")
        os.utime(paths[1], (1_700_000_000, 1_700_000_000))
        changes = last_changes([str(path) for path in paths])
        committed = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        mtime = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
        assert [changes[str(path)] for path in paths] == [committed, mtime, mtime]

    def test_a_file_that_cannot_be_read_has_no_date(self, tmp_path: Path) -> None:
        """A path that does not exist has no last change (and no error)."""
        assert last_changes([str(tmp_path / "gone.yaml")]) == {str(tmp_path / "gone.yaml"): None}

    def test_a_file_that_does_not_load_is_listed_with_its_errors(self, tmp_path: Path) -> None:
        """A claim file that cannot be parsed has its row (named after the file, with its
        errors) and a page showing its findings, beside the documents that load."""
        paths = write_corpus(tmp_path / "corpus")
        broken = tmp_path / "corpus" / "broken.yaml"
        broken.write_text("version: 1\ndocument: [unclosed\n", encoding="utf-8")
        results = claimtrack.check([str(broken), *map(str, paths)]).files
        site = build_site(build_report(results))
        row = site.index[0]
        assert (row.slug, row.claims, row.flags) == ("broken", 0, 0)
        assert row.errors >= 1
        pages = dict(render_site(site))
        assert "could not be loaded" in pages["documents/broken.html"]


class TestSources:
    def test_one_source_across_files_by_normalised_url(self, site: Site) -> None:
        """Two files' records of one URL (other id, other spelling) make one source page
        listing the citing claims of both files, with stance and quote."""
        page = next(p for p in site.sources if p.key == "url:example.org/port/notice")
        assert page.slug == "port-authority-notice-on-the-reopening"
        assert page.documents == 2
        assert [record.source.id for _, _, record in page.records] == ["port-notice", "notice"]
        uses = [
            (use.place.document_slug, use.place.row.claim.id, str(use.marker.stance))
            for use in page.uses
        ]
        assert uses == [
            ("harbour-daily", "reopened", "supports"),
            ("harbour-weekly", "reopen-date", "mentions"),
        ]
        assert page.uses[0].marker.quote == "the harbour reopens on 3 May"

    def test_sources_without_url_stay_apart_and_slugs_do_not_collide(self, site: Site) -> None:
        """Two files' "Council minutes" without a URL are two sources, on two pages."""
        minutes = [p for p in site.sources if p.entry.source.title == "Council minutes"]
        assert sorted(p.key for p in minutes) == sorted(
            f"file:{row.path}#minutes" for row in site.index[1:]
        )
        assert sorted(p.slug for p in minutes) == ["council-minutes", "council-minutes-2"]

    def test_a_library_source_is_one_page(self, tmp_path: Path) -> None:
        """With 'minutes' a library id, both files' records of it are one source."""
        site = _site(tmp_path / "corpus", library=frozenset({"minutes"}))
        minutes = [p for p in site.sources if p.entry.source.title == "Council minutes"]
        assert len(minutes) == 1
        assert minutes[0].key == "library:minutes"
        assert minutes[0].documents == 2

    def test_document_pages_link_each_entry_to_its_source_page(self, site: Site) -> None:
        """Each bibliography entry of each document points to its source's page."""
        slugs = {page.slug for page in site.sources}
        for page in site.documents:
            assert sorted(page.sources) == [e.number for e in page.report.bibliography]
            assert set(page.sources.values()) <= slugs


class TestRepeats:
    def test_recorded_and_proposed_repeats_become_pages(self, site: Site) -> None:
        """A claim linked by same_as and one matching proposes each get a page naming how
        they are known, and both documents' claim rows point to it."""
        pages = {page.slug: page for page in site.repeats}
        assert sorted(pages) == ["cost", "reopened"]
        cost = pages["cost"]
        assert [(p.document_slug, p.row.claim.id) for p in cost.places] == [
            ("harbour-daily", "cost"),
            ("harbour-weekly", "repair-bill"),
        ]
        assert cost.links[0].accepted
        assert not pages["reopened"].links[0].accepted
        assert "proposed by matching" in pages["reopened"].links[0].how
        daily = site.documents[0]
        assert daily.repeats == {1: "reopened", 2: "cost"}

    def test_without_matching_only_recorded_links_count(self, tmp_path: Path) -> None:
        """With matching off, only the same_as link makes a repeated claim."""
        site = _site(tmp_path / "corpus", match=False)
        assert [page.slug for page in site.repeats] == ["cost"]

    def test_links_chain_into_one_group(self) -> None:
        """A linked to B and B to C make one group of three, with both links."""
        a, b, c, d = (ClaimRef(f"{name}.yaml", "x") for name in "abcd")
        links = [
            RepeatLink(claim=a, other=b, accepted=True),
            RepeatLink(claim=c, other=d, accepted=True),
            RepeatLink(claim=b, other=c, accepted=True),
        ]
        groups = group_links(links)
        assert len(groups) == 1
        assert groups[0][0] == {a, b, c, d}
        assert len(groups[0][1]) == 3


class TestPages:
    def test_every_page_has_a_unique_safe_name(self, site: Site) -> None:
        """Page names are unique, case aside, and only ASCII letters, digits, - / and ."""
        names = [name for name, _ in render_site(site)]
        assert len({name.lower() for name in names}) == len(names)
        assert all(set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-/.") for name in names)
        assert names[0] == "index.html"
        assert "sources/index.html" in names
        assert "claims/index.html" in names

    def test_document_page_says_also_claimed_in(self, site: Site) -> None:
        """A claim another document makes too says where, linking there and to its page."""
        pages = dict(render_site(site))
        daily = pages["documents/harbour-daily.html"]
        weekly = next(d for d in site.documents if d.slug == "harbour-weekly").report.index
        assert "Also claimed in:" in daily
        assert f'href="../documents/harbour-weekly.html#d{weekly}-claim-2"' in daily
        assert 'href="../claims/cost.html"' in daily
        assert 'href="../sources/port-authority-notice-on-the-reopening.html"' in daily
        assert "Also claimed in" not in pages["documents/harbour-gazette.html"]

    def test_values_are_escaped(self, tmp_path: Path) -> None:
        """A title with markup shows as text on every page that names it."""
        paths = write_corpus(tmp_path / "corpus")
        text = paths[2].read_text(encoding="utf-8")
        paths[2].write_text(text.replace("title: Ferries to return", 'title: "<b>x</b>"'))
        results = claimtrack.check([str(p) for p in paths]).files
        pages = dict(render_site(build_site(build_report(results))))
        assert "<b>x</b>" not in pages["index.html"]
        assert "&lt;b&gt;x&lt;/b&gt;" in pages["index.html"]


class TestWorkers:
    def test_reports_from_workers_equal_the_reports_made_here(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Checked and reported in two worker processes, a few files per worker at a time
        and a few chunks ahead, eighteen files give exactly the reports and pages built in
        this process from claimtrack.check, in the same order."""
        from claimtrack.render.site import documents
        from claimtrack.settings import CheckSettings

        monkeypatch.setattr(documents, "_CHUNK", 2)  # nine chunks, five at most in flight
        paths = [str(p) for n in range(6) for p in write_corpus(tmp_path / f"copy-{n}")]
        here = build_report(claimtrack.check(paths).files)
        there = list(documents.iter_documents(paths, CheckSettings(), jobs=2))
        assert tuple(doc for doc, _ in there) == here.documents
        templates = [page for _, page in there]
        made_there = dict(render_site(build_site(here), templates=templates))
        assert made_there == dict(render_site(build_site(here)))
