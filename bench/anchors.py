"""Benchmark: locate and rebase every anchor of a 100-claim file in a 100 kB document.

Run with ``python bench/anchors.py``; prints the median of several runs. Nothing here is
asserted: timings depend on the machine.
"""

from __future__ import annotations

import random
import statistics
import time

from claimtrack.anchor import fill, locate, rebase
from claimtrack.model import Anchor

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def make_document(seed: int, size: int) -> str:
    """Prose-like random text of about ``size`` code points."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(5000)
    ]
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(vocabulary) + rng.choice([" "] * 12 + [", ", ". ", ".\n"])
        words.append(word)
        length += len(word)
    return "".join(words)[:size]


def make_anchors(text: str, count: int, seed: int) -> list[Anchor]:
    """``count`` anchors of 30 to 150 code points, filled (offsets, context if needed)."""
    rng = random.Random(seed)
    anchors = []
    while len(anchors) < count:
        length = rng.randint(30, 150)
        start = rng.randint(0, len(text) - length)
        anchor = Anchor(exact=text[start : start + length], start=start, end=start + length)
        anchors.append(fill(text, anchor).anchor)
    return anchors


def edit(text: str, seed: int, count: int) -> str:
    """``count`` random small insertions, deletions and replacements."""
    rng = random.Random(seed)
    for _ in range(count):
        at = rng.randint(0, len(text) - 20)
        cut = rng.randint(0, 8)
        piece = "".join(rng.choice(_LETTERS + " ") for _ in range(rng.randint(0, 8)))
        text = text[:at] + piece + text[at + cut :]
    return text


def _median(action: object, runs: int = 7) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def main() -> None:
    """Time locating, and rebasing onto an edited copy, all anchors of a 100-claim file."""
    text = make_document(1, 100_000)
    anchors = make_anchors(text, 100, 2)
    edited = edit(text, 3, 200)

    def locate_all() -> None:
        for anchor in anchors:
            if locate(text, anchor) is None:
                raise SystemExit(f"anchor not located: {anchor.exact!r}")

    def rebase_all() -> None:
        for anchor in anchors:
            rebase(text, edited, anchor)

    moved = sum(rebase(text, edited, anchor).status.value != "orphaned" for anchor in anchors)
    print(f"document: {len(text):,} code points; anchors: {len(anchors)}")
    print(f"locate all anchors:          median {_median(locate_all) * 1000:8.1f} ms")
    print(
        f"rebase onto an edited copy:  median {_median(rebase_all, 3) * 1000:8.1f} ms"
        f" ({moved} of {len(anchors)} placed, 200 random edits)"
    )


if __name__ == "__main__":
    main()
