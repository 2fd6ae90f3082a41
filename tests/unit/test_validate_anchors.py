"""Unit tests of anchor findings inside ``claimtrack check``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from claimtrack.batch import check

ARTICLE = "The minister said on Monday that Qasem Soleimani had planned the campaign.\n"


def _claim_file(tmp_path: Path, quote: str) -> Path:
    (tmp_path / "claimtrack.toml").write_text("")
    (tmp_path / "article.txt").write_text(ARTICLE)
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\n"
        f"document: {{id: d, title: T, snapshot: {{path: article.txt, sha256: {digest}}}}}\n"
        "claims:\n"
        f"  - {{id: c, text: A claim., kind: event, anchor: {{exact: '{quote}'}}}}\n"
    )
    return path


class TestAnchorNotFound:
    """E220 points at the closest passage and at the rebase command."""

    def test_names_the_closest_passage(self, tmp_path: Path) -> None:
        """A lightly wrong quote's finding quotes the passage it most resembles."""
        path = _claim_file(tmp_path, "Qassem Soleimani had planned")
        (finding,) = [f for f in check(path).findings if f.code.startswith("E")]
        assert finding.code == "E220"
        assert '"Qasem Soleimani had planned"' in finding.message
        assert "offset 33" in finding.message
        assert finding.hint is not None
        assert "claimtrack anchor --rebase" in finding.hint

    def test_unrelated_quote_has_no_candidate(self, tmp_path: Path) -> None:
        """A quote like nothing in the snapshot keeps the rule's own hint."""
        path = _claim_file(tmp_path, "zzzz qqqq xxxx wwww")
        (finding,) = [f for f in check(path).findings if f.code.startswith("E")]
        assert finding.code == "E220"
        assert "closest passage" not in finding.message
        assert (
            finding.hint
            == "Copy the quote exactly from the snapshot (same quotes, dashes and spacing)."
        )


class TestQuoteNormalisation:
    """A quote is compared with the snapshot in the snapshot's normalisation (NFC, LF)."""

    def test_decomposed_quote_places_in_a_composed_snapshot(self, tmp_path: Path) -> None:
        """A quote copied with decomposed accents (e + U+0301) is no E220 against the
        snapshot's composed text, since both read the same."""
        (tmp_path / "claimtrack.toml").write_text("")
        article = "The caf\u00e9 owner said fifty people attended.\n"
        (tmp_path / "article.txt").write_text(article)
        digest = hashlib.sha256(article.encode()).hexdigest()
        path = tmp_path / "claims.yaml"
        path.write_text(
            "version: 1\n"
            f"document: {{id: d, title: T, snapshot: {{path: article.txt, sha256: {digest}}}}}\n"
            "claims:\n"
            '  - {id: c, text: A claim., kind: event, anchor: {exact: "The cafe\\u0301 owner",'
            " start: 0, end: 14}}\n"
        )
        assert [f.code for f in check(path).findings if f.code.startswith("E")] == []
