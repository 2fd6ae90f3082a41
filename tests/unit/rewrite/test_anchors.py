"""Unit tests of planning and applying anchor rewrites."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from claimtrack.rewrite.anchors import AnchorSettings, Outcome, apply_plans, plan_anchors

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "anchors"


def _project(tmp_path: Path) -> Path:
    for name in ("article.txt", "article-edited.txt", "claims.yaml"):
        shutil.copyfile(FIXTURES / name, tmp_path / name)
    return tmp_path / "claims.yaml"


class TestApplyPlans:
    """Writing plans: atomic, and never over a file that changed meanwhile."""

    def test_file_changed_since_read_is_not_replaced(self, tmp_path: Path) -> None:
        """A claim file edited after planning is left as the person left it, and its
        snapshot is not replaced either."""
        path = _project(tmp_path)
        snapshot = (tmp_path / "article.txt").read_bytes()
        settings = AnchorSettings(rebase=tmp_path / "article-edited.txt")
        plan = plan_anchors(path, settings)
        assert plan.changed
        path.write_text(path.read_text() + "# edited meanwhile\n")
        failed = apply_plans([plan])
        assert len(failed) == 1
        assert "changed since it was read" in failed[0][1]
        assert path.read_text().endswith("# edited meanwhile\n")
        assert (tmp_path / "article.txt").read_bytes() == snapshot

    def test_plan_writes_nothing(self, tmp_path: Path) -> None:
        """Planning a rebase leaves the claim file and the snapshot untouched."""
        path = _project(tmp_path)
        before = path.read_bytes(), (tmp_path / "article.txt").read_bytes()
        plan = plan_anchors(path, AnchorSettings(rebase=tmp_path / "article-edited.txt"))
        assert sum(o.outcome is Outcome.MOVED for o in plan.outcomes) == 5
        assert (path.read_bytes(), (tmp_path / "article.txt").read_bytes()) == before

    def test_document_option_replaces_the_snapshot(self, tmp_path: Path) -> None:
        """--document verifies against another text: the edited article breaks 7 anchors."""
        path = _project(tmp_path)
        plan = plan_anchors(path, AnchorSettings(document=tmp_path / "article-edited.txt"))
        assert len(plan.orphans) == 7
        assert plan.snapshot_copy is None


class TestRebasePlan:
    """A rebase plan looks at a file's anchors together."""

    def test_deleted_repeat_orphans_an_anchor_rather_than_doubling_one(
        self, tmp_path: Path
    ) -> None:
        """Three claims on three identical sentences: after one sentence is deleted, two
        claims do not both move onto one sentence; one is orphaned and the hash waits."""
        (tmp_path / "claimtrack.toml").write_text("")
        sentence = "The agency said 400 staff were hired in 2021."
        old = f"{sentence} {sentence} {sentence} Unions disagreed, and said 60 had left.\n"
        (tmp_path / "article.txt").write_text(old)
        digest = hashlib.sha256(old.encode()).hexdigest()
        claims = "".join(
            f"  - {{id: c{n}, text: A claim., kind: event, anchor: {{exact: '{sentence}',"
            f" start: {start}, end: {start + len(sentence)}}}}}\n"
            for n, start in enumerate(range(0, 3 * (len(sentence) + 1), len(sentence) + 1))
        )
        path = tmp_path / "claims.yaml"
        path.write_text(
            "version: 1\n"
            f"document: {{id: d, title: T, snapshot: {{path: article.txt, sha256: {digest}}}}}\n"
            f"claims:\n{claims}"
        )
        (tmp_path / "new.txt").write_text(old.replace(f"{sentence} ", "", 1))
        plan = plan_anchors(path, AnchorSettings(rebase=tmp_path / "new.txt"))
        assert [o.outcome for o in plan.outcomes].count(Outcome.ORPHANED) == 1
        placed = [o.new.start for o in plan.outcomes if o.outcome is not Outcome.ORPHANED]
        assert sorted(placed) == [0, len(sentence) + 1]
        assert not plan.hash_updated


class TestImportCost:
    """The anchoring dependencies load only when used."""

    def test_import_claimtrack_leaves_rapidfuzz_and_ruamel_out(self) -> None:
        """Importing claimtrack (as check does) imports neither rapidfuzz nor ruamel.yaml."""
        import subprocess
        import sys

        code = (
            "import sys, claimtrack\n"
            "print(sorted(m for m in ('rapidfuzz', 'ruamel.yaml') if m in sys.modules))"
        )
        output = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert output.strip() == "[]"
