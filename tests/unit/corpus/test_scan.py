"""Reading a corpus for matching one file at a time: the same proposals and recorded links
as from every file loaded at once, and no file held once it has been read."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

import claimtrack.corpus.members
from claimtrack.corpus.links import recorded_links
from claimtrack.corpus.match import ClaimRef, propose
from claimtrack.corpus.members import claims_of, load_members
from claimtrack.corpus.scan import scan

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "claims"


def _names() -> list[str]:
    return [str(path) for path in sorted(CORPUS.glob("*.yaml"))]


class TestScan:
    def test_same_proposals_and_links_as_loading_every_file(self) -> None:
        """Proposals and recorded same_as links equal those made from all members at once."""
        members = load_members(_names()).members
        scanned = scan(_names())
        claims = ((ClaimRef(path, claim.id), claim) for path, claim in claims_of(members))
        assert scanned.index.propose() == propose(claims)
        assert scanned.recorded() == recorded_links(members)
        assert scanned.files == len(members)

    def test_no_file_is_held_after_it_is_read(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Once a file's claims are taken in, its parsed text and records are let go."""
        refs: list[weakref.ref[Any]] = []
        load_bytes = claimtrack.corpus.members.load_bytes

        def spy(*args: Any, **kwargs: Any) -> Any:
            document = load_bytes(*args, **kwargs)
            refs.append(weakref.ref(document))
            return document

        monkeypatch.setattr(claimtrack.corpus.members, "load_bytes", spy)
        scanned = scan(_names())
        gc.collect()
        assert len(refs) == len(_names())
        assert [ref() for ref in refs] == [None] * len(refs)
        assert len(scanned.index) > 0

    def test_a_broken_file_is_a_problem_and_the_rest_are_read(self, tmp_path: Path) -> None:
        """A file that does not load gives its findings; the others are still matched."""
        for name in _names():
            shutil.copy(name, tmp_path)
        broken = tmp_path / "broken.yaml"
        broken.write_text("version: [\n", encoding="utf-8")
        names = sorted(str(path) for path in tmp_path.glob("*.yaml"))
        scanned = scan(names)
        assert [problem.location.path for problem in scanned.problems] == [str(broken)]
        assert scanned.files == len(_names())
        assert scanned.index.propose()
