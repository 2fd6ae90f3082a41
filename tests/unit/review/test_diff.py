"""The diff engine on real git repositories built commit by commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gitrepo import SMALL, GitRepo

from claimtrack import load_source_library
from claimtrack.config import load_config
from claimtrack.io.cache import ResultCache
from claimtrack.review import Diff, DiffSettings, DocumentDiff, Repository, diff_revisions
from claimtrack.review.changes import ClaimChange
from claimtrack.settings import CheckSettings

ARTICLE = "claims/assad-fall-iran-syria.yaml"


def _diff(repo: GitRepo, base: str = "HEAD", head: str | None = None, **kw: object) -> Diff:
    repository = Repository(repo.root)
    head_commit = repository.commit(head) if head else None
    return diff_revisions(repository, repository.commit(base), head_commit, **kw)  # type: ignore[arg-type]


def _only(diff: Diff) -> DocumentDiff:
    assert len(diff.documents) == 1, diff.documents
    return diff.documents[0]


def _claim(document: DocumentDiff, claim_id: str) -> ClaimChange:
    (found,) = [c for c in document.claims if c.claim_id == claim_id]
    return found


@pytest.fixture
def article(tmp_path: Path) -> GitRepo:
    """A repository holding the article's record and snapshot in one commit."""
    repo = GitRepo(tmp_path / "repo")
    repo.add_article()
    repo.commit("The article's record")
    return repo


@pytest.fixture
def small(tmp_path: Path) -> GitRepo:
    """A repository holding one small claim file in one commit."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("claims/small.yaml", SMALL)
    repo.commit("A small record")
    return repo


class TestArticleAcceptance:
    def test_status_citation_and_anchor_are_exactly_what_the_diff_names(
        self, article: GitRepo
    ) -> None:
        """Flipping one status, removing one citation and moving one anchor on the article's
        record gives a diff naming exactly those three changes and nothing else."""
        article.edit(
            ARTICLE,
            '    status: supported\n    notes: "Timing qualified',
            '    status: unverifiable\n    notes: "Timing qualified',
        )
        article.edit(
            ARTICLE,
            "      - source: japantimes-iran-evacuation\n"
            '        quote: "Iran began to evacuate its military commanders and personnel from'
            " Syria on Friday, according to regional officials and three Iranian officials,"
            ' in a sign of Iran’s inability to help keep President Bashar Assad in power"\n'
            "        stance: supports\n        backs: content\n"
            '        provenance: {recorded_by: "claimtrack developers", recorded_at:'
            ' "2026-11-25", method: manual}\n'
            "    status: supported\n    tags: [paragraph-02]",
            "    status: supported\n    tags: [paragraph-02]",
        )
        article.edit(
            ARTICLE,
            '      exact: "Iranian forces eastward to Iraq"\n      start: 673',
            '      exact: "forces eastward to Iraq"\n      start: 681',
        )
        # The record cites the shared source library; both sides resolve against it.
        library = load_source_library(load_config(article.root / "claimtrack.toml"))
        settings = DiffSettings(check=CheckSettings(library=library))
        document = _only(_diff(article, settings=settings))
        assert document.status == "modified"
        assert [(c.claim_id, c.change) for c in document.claims] == [
            ("russia-iran-longtime-patrons", "changed"),
            ("russia-withdrew-to-coast", "changed"),
            ("iranian-forces-withdrew-east-to-iraq", "changed"),
        ]
        patrons, coast, iraq = document.claims
        assert [(c.change, c.source) for c in patrons.citations] == [
            ("removed", "japantimes-iran-evacuation")
        ]
        assert (patrons.fields, patrons.anchor) == ((), None)
        assert [(f.field, f.before, f.after) for f in coast.fields] == [
            ("status", "supported", "unverifiable")
        ]
        assert (coast.citations, coast.anchor) == ((), None)
        assert iraq.anchor is not None
        assert iraq.anchor.change == "moved"
        assert [(f.field, f.before, f.after) for f in iraq.anchor.fields] == [
            ("exact", "Iranian forces eastward to Iraq", "forces eastward to Iraq"),
            ("start", 673, 681),
        ]
        assert (iraq.fields, iraq.citations) == ((), ())
        assert (document.sources, document.document) == ((), ())
        assert (document.introduced, document.fixed) == ((), ())

    def test_an_edited_snapshot_orphans_the_anchor_of_an_unchanged_claim_file(
        self, article: GitRepo
    ) -> None:
        """A snapshot edit that deletes a quoted phrase shows the claim's anchor orphaned, and
        its new error, though the claim file itself did not change."""
        snapshot = "claims/snapshots/assad-fall-iran-syria.txt"
        article.edit(snapshot, "Iranian forces eastward to Iraq", "Iranian troops eastward to Iraq")
        document = _only(_diff(article))
        claim = _claim(document, "iranian-forces-withdrew-east-to-iraq")
        assert claim.anchor is not None
        assert claim.anchor.change == "orphaned"
        assert claim.anchor.fields == ()
        assert "E220" in {f.code for f in document.introduced}


class TestClaims:
    def test_verdict_flip_names_the_flag_it_introduces_and_reverting_fixes_it(
        self, small: GitRepo
    ) -> None:
        """Marking a claim disputed with no disputing citation introduces F107; the commit
        that puts it back fixes it."""
        small.edit(
            "claims/small.yaml",
            "    status: supported\n  - id: rationing",
            "    status: disputed\n  - id: rationing",
        )
        small.commit("Dispute the level")
        flipped = _only(_diff(small, "HEAD~1", "HEAD"))
        assert [f.code for f in flipped.introduced] == ["F107"]
        assert flipped.fixed == ()
        assert flipped.introduced[0].location.claim_id == "level"
        small.edit("claims/small.yaml", "    status: disputed\n", "    status: supported\n")
        small.commit("Put it back")
        reverted = _only(_diff(small, "HEAD~1", "HEAD"))
        assert [f.code for f in reverted.fixed] == ["F107"]
        assert reverted.introduced == ()

    def test_a_new_id_with_the_same_anchor_and_text_is_a_rename(self, small: GitRepo) -> None:
        """A claim whose id changed but whose anchor and text did not is reported renamed,
        with its old id, not as one claim removed and another added."""
        small.edit("claims/small.yaml", "  - id: level\n", "  - id: reservoir-level\n")
        document = _only(_diff(small))
        assert [(c.change, c.old_id, c.claim_id) for c in document.claims] == [
            ("renamed", "level", "reservoir-level")
        ]
        assert document.claims[0].fields == ()

    def test_a_new_id_with_new_text_is_removed_and_added(self, small: GitRepo) -> None:
        """A claim whose id and text both changed is one claim removed and one added."""
        small.edit(
            "claims/small.yaml",
            "  - id: level\n    text: The reservoir stood at 40 percent.",
            "  - id: low-level\n    text: The reservoir was at a record low.",
        )
        document = _only(_diff(small))
        assert sorted((c.change, c.claim_id) for c in document.claims) == [
            ("added", "low-level"),
            ("removed", "level"),
        ]

    def test_each_tracked_field_is_reported_with_its_values(self, small: GitRepo) -> None:
        """Kind, check-worthiness, likelihood, analytic confidence and attribution changes are
        each named with the values before and after (defaults filled in)."""
        small.edit(
            "claims/small.yaml",
            "    kind: event\n",
            "    kind: relation\n    check_worthy: false\n"
            "    attribution: {specificity: vague, asserted_by: officials}\n"
            "    confidence: {likelihood: likely, analytic: low}\n",
        )
        claim = _claim(_only(_diff(small)), "rationing")
        assert [(f.field, f.before, f.after) for f in claim.fields] == [
            ("kind", "event", "relation"),
            ("check_worthy", True, False),
            ("confidence.likelihood", None, "likely"),
            ("confidence.analytic", None, "low"),
            ("attribution", None, {"specificity": "vague", "asserted_by": "officials"}),
        ]

    def test_a_comment_or_formatting_change_is_no_change(self, small: GitRepo) -> None:
        """Editing only a comment and the quoting of a value lists no file at all."""
        small.edit("claims/small.yaml", "# The level claim.", "# The level claim, checked twice.")
        small.edit(
            "claims/small.yaml", 'anchor: {exact: "40 percent"}', "anchor: {exact: '40 percent'}"
        )
        assert _diff(small).documents == ()


class TestCitationsAndSources:
    def test_an_edited_quote_and_a_changed_stance_are_citation_changes(
        self, small: GitRepo
    ) -> None:
        """A citation whose quote and stance changed is one citation changed, with both
        fields, matched by its source and locator."""
        small.edit(
            "claims/small.yaml",
            '{source: water-board, locator: p. 3, quote: "The level was 40 percent."}',
            '{source: water-board, locator: p. 3, quote: "The level was 41 percent.",'
            " stance: mentions}",
        )
        claim = _claim(_only(_diff(small)), "level")
        (citation,) = claim.citations
        assert (citation.change, citation.source, citation.locator) == (
            "changed",
            "water-board",
            "p. 3",
        )
        assert [(f.field, f.before, f.after) for f in citation.fields] == [
            ("stance", "supports", "mentions"),
            ("quote", "The level was 40 percent.", "The level was 41 percent."),
        ]

    def test_a_removed_source_and_its_citation(self, small: GitRepo) -> None:
        """Removing a source record and the citation to it reports both, and the single-source
        claim's flags, not the unchanged claim."""
        small.edit(
            "claims/small.yaml",
            "  - id: survey\n    type: dataset\n    title: Level survey\n"
            '    issued: "2024-06"\n    url: https://example.org/survey\n',
            "",
        )
        small.edit("claims/small.yaml", "      - {source: survey}\n", "")
        small.commit("Drop the survey")
        document = _only(_diff(small, "HEAD~1", "HEAD"))
        assert [(s.change, s.source_id) for s in document.sources] == [("removed", "survey")]
        assert [c.claim_id for c in document.claims] == ["level"]
        assert [(c.change, c.source) for c in document.claims[0].citations] == [
            ("removed", "survey")
        ]
        assert document.sources[0].base is not None
        assert document.sources[0].head is None

    def test_a_changed_source_field(self, small: GitRepo) -> None:
        """A source whose title changed is reported changed with the field."""
        small.edit("claims/small.yaml", "title: Level survey", "title: Level survey 2024")
        document = _only(_diff(small))
        assert [(s.change, [(f.field, f.after) for f in s.fields]) for s in document.sources] == [
            ("changed", [("title", "Level survey 2024")])
        ]


class TestFiles:
    def test_untracked_added_renamed_and_removed_files(self, small: GitRepo) -> None:
        """A new untracked claim file is added, a git rename is renamed with its old path,
        and a deleted file is removed."""
        small.write("claims/other.yaml", SMALL.replace("id: reservoir", "id: other"))
        small.commit("Another record")
        small.git("mv", "claims/small.yaml", "claims/renamed.yaml")
        small.git("rm", "-q", "claims/other.yaml")
        small.write("claims/new.yaml", SMALL.replace("id: reservoir", "id: new"))
        documents = {d.path: d for d in _diff(small).documents}
        assert documents["claims/new.yaml"].status == "added"
        assert documents["claims/other.yaml"].status == "removed"
        assert (
            documents["claims/renamed.yaml"].status,
            documents["claims/renamed.yaml"].old_path,
        ) == ("renamed", "claims/small.yaml")
        assert documents["claims/renamed.yaml"].claims == ()

    def test_unchanged_files_are_not_checked(
        self, small: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Only the changed file is checked, once per side; files with the same bytes on both
        sides are never loaded (even one that is broken on both)."""
        small.write("claims/broken.yaml", "version: 1\ndocument: [\n")
        small.commit("A broken file")
        small.edit(
            "claims/small.yaml",
            "    status: supported\n  - id: rationing",
            "    status: unverified\n  - id: rationing",
        )
        import claimtrack.review.diff as engine

        seen: list[str] = []
        original = engine.check_document

        def counting(document, settings):  # type: ignore[no-untyped-def]
            seen.append(document.path)
            return original(document, settings)

        monkeypatch.setattr(engine, "check_document", counting)
        small.commit("Unverify the level")
        diff = _diff(small, "HEAD~1", "HEAD")
        assert [d.path for d in diff.documents] == ["claims/small.yaml"]
        assert seen == ["claims/small.yaml", "claims/small.yaml"]

    def test_the_work_tree_side_reuses_the_cache(self, small: GitRepo, tmp_path: Path) -> None:
        """With a result cache, a second diff of the work tree takes the changed file's
        findings from it and reports the same."""
        small.edit(
            "claims/small.yaml",
            "    status: supported\n  - id: rationing",
            "    status: disputed\n  - id: rationing",
        )
        check = CheckSettings()
        cache_dir = tmp_path / "cache"

        def run() -> Diff:
            settings = DiffSettings(
                check=CheckSettings(cache=ResultCache(cache_dir, check.fingerprint()))
            )
            return diff_revisions(
                Repository(small.root),
                Repository(small.root).commit("HEAD"),
                None,
                settings=settings,
            )

        first = run()
        assert (cache_dir / "check-v3.json").is_file()
        second = run()
        assert first == second
        assert [f.code for f in second.documents[0].introduced] == ["F107"]
        assert second.documents[0].claims[0].fields[0].after == "disputed"


class TestMerge:
    def test_merge_base_range_shows_only_the_branch(self, small: GitRepo) -> None:
        """``main...feature`` compares the feature branch with where it left main, so a
        change merged into main meanwhile is not shown as the branch undoing it."""
        small.git("checkout", "-q", "-b", "feature")
        small.edit("claims/small.yaml", "  - id: rationing\n", "  - id: water-rationing\n")
        small.edit(
            "claims/small.yaml", "The city introduced water rationing.", "The city rationed water."
        )
        small.commit("Rename rationing")
        small.git("checkout", "-q", "main")
        small.edit("claims/small.yaml", "title: Level survey", "title: Level survey 2024")
        small.commit("Retitle the survey")
        small.git("merge", "-q", "--no-ff", "--no-edit", "feature")
        repository = Repository(small.root)
        from claimtrack.review.diff import split_range

        base, head = split_range(repository, "main~1...feature")  # type: ignore[misc]
        document = _only(diff_revisions(repository, base, head))
        assert sorted((c.change, c.claim_id) for c in document.claims) == [
            ("added", "water-rationing"),
            ("removed", "rationing"),
        ]
        assert document.sources == ()
        merged = _only(_diff(small, "HEAD^1", "HEAD"))
        assert {c.claim_id for c in merged.claims} == {"water-rationing", "rationing"}


class TestProjectRoot:
    def test_a_snapshot_outside_a_nested_project_is_outside_on_both_sides(
        self, tmp_path: Path
    ) -> None:
        """A claim file in a folder with its own pyproject.toml whose snapshot lies above it
        is refused (E211) at the revision as in the work tree, so an unrelated edit
        introduces and fixes nothing."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("shared.txt", "The reservoir stood at 40 percent.\n")
        repo.write("desk/pyproject.toml", "[project]\nname = 'desk'\n")
        import hashlib

        digest = hashlib.sha256(b"The reservoir stood at 40 percent.\n").hexdigest()
        repo.write(
            "desk/claims.yaml",
            SMALL.replace(
                "  title: The reservoir report\n",
                "  title: The reservoir report\n"
                f"  snapshot: {{path: ../shared.txt, sha256: {digest}}}\n",
            ),
        )
        repo.commit("A nested project")
        repo.edit("desk/claims.yaml", "title: Level survey", "title: Survey")
        repository = Repository(repo.root)
        (document,) = diff_revisions(
            repository, repository.commit("HEAD"), None, [str(repo.root / "desk")]
        ).documents
        assert [s.source_id for s in document.sources] == ["survey"]
        assert (document.introduced, document.fixed) == ((), ())
