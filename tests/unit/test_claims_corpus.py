"""The claims/ corpus: every claim file anchors into its snapshot, covers it and checks clean.

These tests hold for any claim file added under ``claims/``; the one comparison that names
the showcase article (its snapshot against the shared copy of the article) is skipped when
the shared folder is not beside the repository.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import attrs
import pytest

import claimtrack
from claimtrack.anchor import PlacementStatus, find_all, normalize, place
from claimtrack.model import ClaimFile, Stance, Status
from tests.article import article_settings

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "claims"
CLAIM_FILES = sorted(
    path for path in CLAIMS.rglob("*") if path.suffix in {".yaml", ".yml", ".json"}
)
SHOWCASE_SNAPSHOT = CLAIMS / "snapshots" / "assad-fall-iran-syria.txt"
SHARED_ARTICLE = ROOT.parent / "shared" / "source-article.txt"

by_file = pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda path: path.name)


def _snapshot(path: Path, claim_file: ClaimFile) -> tuple[bytes, str]:
    """The snapshot's bytes and its normalised text; the test fails if there is none."""
    snapshot = claim_file.document.snapshot
    assert snapshot is not None, f"{path.name} records no snapshot"
    data = (path.parent / snapshot.path).read_bytes()
    return data, normalize(data.decode("utf-8"))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each non-blank line (a paragraph of the plain-text article)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class TestCorpus:
    """The corpus exists and checks clean."""

    def test_corpus_is_not_empty(self) -> None:
        """claims/ holds at least one claim file with claims in it."""
        assert CLAIM_FILES
        assert all(claimtrack.load(path).claims for path in CLAIM_FILES)

    def test_check_reports_no_errors(self) -> None:
        """claimtrack.check over claims/, with the shared source library, gives no
        error-severity finding."""
        settings = attrs.evolve(article_settings(), project_root=ROOT)
        result = claimtrack.check(CLAIM_FILES, settings)
        errors = [
            f"{finding.location.path}:{finding.location.line}: {finding.code} {finding.message}"
            for finding in result.findings
            if finding.severity is claimtrack.Severity.ERROR
        ]
        assert errors == []


class TestAnchors:
    """Every claim stands at one place of its document, and every paragraph has claims."""

    @by_file
    def test_every_anchor_is_placed_once(self, path: Path) -> None:
        """Each quote occurs once in the snapshot, or its prefix/suffix picks one occurrence."""
        claim_file = claimtrack.load(path)
        _, text = _snapshot(path, claim_file)
        for claim in claim_file.claims:
            anchor = claim.anchor
            occurrences = find_all(text, anchor.exact)
            assert occurrences, f"{claim.id}: quote not in the snapshot"
            if len(occurrences) > 1:
                assert anchor.prefix or anchor.suffix, f"{claim.id}: repeated quote, no context"
            placement = place(text, anchor)
            assert placement.status is PlacementStatus.FOUND, f"{claim.id}: {placement.status}"

    @by_file
    def test_every_anchor_records_its_offsets(self, path: Path) -> None:
        """Each anchor's start and end select its quote in the normalised snapshot."""
        claim_file = claimtrack.load(path)
        _, text = _snapshot(path, claim_file)
        for claim in claim_file.claims:
            anchor = claim.anchor
            assert anchor.start is not None, claim.id
            assert anchor.end is not None, claim.id
            assert text[anchor.start : anchor.end] == anchor.exact, claim.id

    @by_file
    def test_every_paragraph_has_a_claim(self, path: Path) -> None:
        """Each paragraph of the document holds the start of at least one claim's anchor."""
        claim_file = claimtrack.load(path)
        _, text = _snapshot(path, claim_file)
        starts = []
        for claim in claim_file.claims:
            match = place(text, claim.anchor).match
            assert match is not None, claim.id
            starts.append(match.start)
        uncovered = [
            number
            for number, (begin, end) in enumerate(_paragraphs(text), start=1)
            if not any(begin <= start < end for start in starts)
        ]
        assert uncovered == []


class TestSnapshots:
    """Snapshots are the texts the claim files say they are."""

    @by_file
    def test_snapshot_hash_is_recorded(self, path: Path) -> None:
        """The SHA-256 in the document record is the snapshot file's."""
        claim_file = claimtrack.load(path)
        data, _ = _snapshot(path, claim_file)
        assert claim_file.document.snapshot is not None
        assert hashlib.sha256(data).hexdigest() == claim_file.document.snapshot.sha256

    def test_showcase_snapshot_is_the_shared_article(self) -> None:
        """The showcase snapshot is byte-identical to the shared copy of the article."""
        if not SHARED_ARTICLE.exists():
            pytest.skip("the shared article is not beside the repository")
        assert SHOWCASE_SNAPSHOT.read_bytes() == SHARED_ARTICLE.read_bytes()


class TestStatuses:
    """A claim's status agrees with what its citations say."""

    @by_file
    def test_disputed_claims_cite_a_disputing_source(self, path: Path) -> None:
        """Every claim marked disputed has a citation whose stance is disputes."""
        claim_file = claimtrack.load(path)
        lacking = [
            claim.id
            for claim in claim_file.claims
            if claim.status is Status.DISPUTED
            and not any(citation.stance is Stance.DISPUTES for citation in claim.citations)
        ]
        assert lacking == []

    @by_file
    def test_supported_claims_cite_a_supporting_source(self, path: Path) -> None:
        """Every claim marked supported has a citation whose stance is supports."""
        claim_file = claimtrack.load(path)
        lacking = [
            claim.id
            for claim in claim_file.claims
            if claim.status is Status.SUPPORTED
            and not any(citation.stance is Stance.SUPPORTS for citation in claim.citations)
        ]
        assert lacking == []

    @by_file
    def test_every_claim_is_graded_and_recorded(self, path: Path) -> None:
        """Every claim carries a likelihood, an analytic confidence, a rationale and provenance."""
        claim_file = claimtrack.load(path)
        for claim in claim_file.claims:
            confidence = claim.confidence
            assert confidence is not None, claim.id
            assert confidence.likelihood is not None, claim.id
            assert confidence.analytic is not None, claim.id
            assert confidence.rationale, claim.id
            assert claim.provenance is not None, claim.id
            assert claim.provenance.recorded_by, claim.id
            assert all(citation.provenance is not None for citation in claim.citations)
