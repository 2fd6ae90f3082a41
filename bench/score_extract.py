"""Score a draft made by `claimtrack extract` against a hand-made claim file.

    python bench/score_extract.py DRAFT.yaml REFERENCE.yaml [--text ARTICLE.txt]

Both files must record a snapshot of the same document (their anchors are placed in it), or
--text gives the document's text for both.
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
    # A scoring run reads the user's own files: the snapshot may lie outside the project.
    read = read_snapshot(snapshot.path, path.parent, root=Path(path.resolve().anchor))
    if read.text is None:
        raise SystemExit(f"{path}: cannot read the snapshot {snapshot.path}: {read.problem}")
    return read.text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", type=Path, help="the draft claim file")
    parser.add_argument("reference", type=Path, help="the hand-made claim file")
    parser.add_argument(
        "--text", type=Path, help="the document's text, instead of the files' snapshots"
    )
    args = parser.parse_args(argv)
    try:
        draft = claimtrack.load(args.draft)
        reference = claimtrack.load(args.reference)
    except claimtrack.LoadError as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    try:
        if args.text is not None:
            draft_text = reference_text = args.text.read_text(encoding="utf-8")
        else:
            draft_text = _text(args.draft, draft)
            reference_text = _text(args.reference, reference)
        result = score(draft, draft_text, reference, reference_text)
    except (OSError, ValueError) as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render_score(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
