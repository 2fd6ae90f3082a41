"""Score a draft made by `claimtrack extract` against a hand-made claim file.

    python bench/score_extract.py DRAFT.yaml REFERENCE.yaml

Both files must record a snapshot of the same document (their anchors are placed in it).
Prints recall of check-worthy claims, precision, and per-field accuracy; see
`claimtrack.extract.score` for how claims are matched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import claimtrack
from claimtrack.extract.score import render_score, score
from claimtrack.io.snapshot import read_snapshot
from claimtrack.model import ClaimFile


def _text(path: Path, claim_file: ClaimFile) -> str:
    snapshot = claim_file.document.snapshot
    if snapshot is None:
        raise SystemExit(f"{path}: the document records no snapshot to place anchors in")
    read = read_snapshot(snapshot.path, path.parent)
    if read.text is None:
        raise SystemExit(f"{path}: cannot read the snapshot {snapshot.path}: {read.problem}")
    return read.text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", type=Path, help="the draft claim file")
    parser.add_argument("reference", type=Path, help="the hand-made claim file")
    args = parser.parse_args(argv)
    try:
        draft = claimtrack.load(args.draft)
        reference = claimtrack.load(args.reference)
    except claimtrack.LoadError as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    try:
        result = score(draft, _text(args.draft, draft), reference, _text(args.reference, reference))
    except ValueError as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render_score(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
