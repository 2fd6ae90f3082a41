"""``anchor --rebase`` killed at random moments: the claim file and its snapshot are always
the old pair, the new pair, or a state the same command completes, and the old text stays
until the new pair is whole."""

from __future__ import annotations

import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "anchors"
KILLS = 24  # at most; at least MIN_KILLS, and no more once BUDGET is spent
MIN_KILLS = 20
SEED = 17
BUDGET = 30.0  # seconds for all the kills together (the runs to complete them included)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def _command(folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "claimtrack",
        "anchor",
        str(folder / "claims.yaml"),
        "--rebase",
        str(folder / "article-edited.txt"),
        "--accept-orphans",
    ]


def _fresh(folder: Path) -> Path:
    """A copy of the anchoring fixture: the claim file, its snapshot and the new text."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for name in ("article.txt", "article-edited.txt", "claims.yaml"):
        shutil.copyfile(FIXTURES / name, folder / name)
    (folder / "claimtrack.toml").write_text("", encoding="utf-8")
    return folder


def _rebase(folder: Path) -> None:
    """One uninterrupted ``--rebase`` (exit code 1: the fixture keeps two orphans)."""
    done = subprocess.run(_command(folder), capture_output=True, text=True, timeout=20)
    assert done.returncode == 1, done.stderr
    assert "10 anchors" in done.stdout, done.stdout


def _pair(folder: Path) -> tuple[bytes, bytes]:
    return (folder / "claims.yaml").read_bytes(), (folder / "article.txt").read_bytes()


def _inodes(folder: Path) -> tuple[int, int]:
    """The claim file's and the snapshot's inodes: a rewrite gives either a new one."""
    try:
        return os.stat(folder / "claims.yaml").st_ino, os.stat(folder / "article.txt").st_ino
    except FileNotFoundError:  # never, if replacements are renamed over
        return -1, -1


def _leftovers(folder: Path) -> list[str]:
    expected = {"article.txt", "article-edited.txt", "claims.yaml", "claimtrack.toml"}
    return sorted(name for name in os.listdir(folder) if name not in expected)


def test_rebase_killed_at_random_moments_never_loses_the_pair(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    """After each SIGKILL the pair is old, new, or completed to new by the same command."""
    old = (FIXTURES / "claims.yaml").read_bytes(), (FIXTURES / "article.txt").read_bytes()
    reference = _fresh(tmp_path / "reference")
    started = time.monotonic()
    _rebase(reference)
    duration = time.monotonic() - started
    new = _pair(reference)
    assert new[0] != old[0]
    assert new[1] == (FIXTURES / "article-edited.txt").read_bytes()

    rng = random.Random(SEED)
    states: collections.Counter[str] = collections.Counter()
    # The two writes come at the very end of a run, a moment apart. Even kills fall at a
    # random moment of the whole run; odd ones at a random moment of the first
    # millisecond after either file is seen replaced, between or during the writes.
    # A loaded machine slows every run alike: the budget grows with the reference run.
    budget = max(BUDGET, 4 * KILLS * duration)
    deadline = time.monotonic() + budget
    for kill in range(KILLS):
        if time.monotonic() > deadline:
            assert kill >= MIN_KILLS, f"only {kill} kills within {budget:.0f} s: {states}"
            break
        folder = _fresh(tmp_path / "run")
        files = _inodes(folder)
        process = subprocess.Popen(
            _command(folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if kill % 2 == 0:
            time.sleep(rng.uniform(0.0, duration * 1.2))
        else:
            while process.poll() is None and _inodes(folder) == files:
                pass
            time.sleep(rng.uniform(0.0, 0.001))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=20)
        pair = _pair(folder)
        if _leftovers(folder):
            states["temporary file left"] += 1
        if pair == old:
            states["old"] += 1
        elif pair == new:
            states["new"] += 1
        else:
            # The only state between: the claim file records the new anchors and hash, the
            # snapshot still holds the old text. The same command completes it.
            assert pair == (new[0], old[1]), f"kill {kill}: a torn pair"
            states["claim file written, snapshot old"] += 1
            _rebase(folder)
            assert _pair(folder) == new
            states["completed"] += 1
        assert (folder / "article-edited.txt").read_bytes() == new[1]
    record_property("states", dict(states))  # shown in a --junitxml report
    assert states["old"] + states["new"] + states["completed"] >= MIN_KILLS


def test_claim_file_written_snapshot_old_is_completed(tmp_path: Path) -> None:
    """The state a kill between the two writes leaves is completed by the same command."""
    reference = _fresh(tmp_path / "reference")
    _rebase(reference)
    folder = _fresh(tmp_path / "run")
    shutil.copyfile(reference / "claims.yaml", folder / "claims.yaml")
    _rebase(folder)
    assert _pair(folder) == _pair(reference)
