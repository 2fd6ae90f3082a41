"""Files claimtrack reads again before replacing them are read as claim files are: a FIFO
put in a file's place is refused at once, never waited on for a writer."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack.errors import FileChangedError
from claimtrack.io.atomic import replace_if_unchanged
from claimtrack.rewrite.anchors import AnchorSettings, apply_plans, plan_anchors

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")

CLAIMS = """\
version: 1
document:
  id: d
  title: T
  snapshot:
    path: article.txt
    sha256: 810d4df127492d22ccdcd0bc765311a232741a5eeb6317bda28e93ab6dc4c3a2
claims:
  - id: c
    text: The board met.
    kind: event
    anchor: {exact: The board met}
"""


def _within(seconds: float, call: Callable[[], object]) -> object:
    """What ``call`` returned or raised, failing the test if it has not ended in time (a
    read blocked on a FIFO would never end)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as error:  # handed to the test to judge
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the call blocked (a FIFO read waiting for a writer)"
    return outcome[0]


class TestFifoInPlace:
    def test_replace_if_unchanged_refuses_a_fifo(self, tmp_path: Path) -> None:
        """A FIFO where the file read was is a changed file: not replaced, not waited on."""
        path = tmp_path / "claims.yaml"
        os.mkfifo(path)
        outcome = _within(10, lambda: replace_if_unchanged(path, b"version: 1\n", "new"))
        assert isinstance(outcome, FileChangedError)
        assert path.is_fifo()

    def test_anchor_fill_refuses_a_fifo_swapped_in(self, tmp_path: Path) -> None:
        """A claim file replaced by a FIFO between planning and writing is reported as
        changed, and the FIFO is left as it is."""
        (tmp_path / "article.txt").write_text("The board met on Monday.\n", encoding="utf-8")
        path = tmp_path / "claims.yaml"
        path.write_text(CLAIMS, encoding="utf-8")
        plan = plan_anchors(path, AnchorSettings(fill=True, project_root=tmp_path))
        assert plan.error is None
        assert plan.changed
        path.unlink()
        os.mkfifo(path)
        outcome = _within(10, lambda: apply_plans([plan]))
        assert isinstance(outcome, list)
        ((failed, why),) = outcome
        assert failed is plan
        assert "changed since it was read" in why
        assert path.is_fifo()
