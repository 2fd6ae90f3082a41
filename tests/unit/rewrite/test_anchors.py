"""Unit tests of planning and applying anchor rewrites."""

from __future__ import annotations

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
