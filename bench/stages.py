"""Processor time of each stage of ``claimtrack check --jobs 1 --no-cache``, in one process.

    python bench/stages.py CORPUS [--rounds 3]

Checks every claim file of CORPUS as the command does with one process (no cache, the
collector off, the records not kept), and reports the processor seconds spent in each
stage of the pipeline, summed over the files: read and parse, schema, structure into the
model, the snapshot, the checks and flags (and, within them, locating findings: the line
and column of each), and putting the findings in order. Each stage is timed by wrapping the
pipeline's call of it, so the script runs against any claimtrack whose ``pipeline`` calls
these functions by these names (put an earlier checkout first on ``PYTHONPATH`` to time it
the same way). The median of the rounds is printed, then the whole check.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import claimtrack
import claimtrack.io.load
import claimtrack.pipeline
from claimtrack.settings import CheckSettings

#: (stage label, owner of the name, the name the pipeline calls the stage by); a label
#: named twice sums both calls.
STAGES: list[tuple[str, Any, str]] = [
    ("read and parse", claimtrack.pipeline, "load_bytes"),
    ("schema", claimtrack.pipeline, "schema_findings"),
    ("structure", claimtrack.pipeline, "records_or_findings"),
    ("snapshot", claimtrack.pipeline, "_snapshot_for"),
    ("checks and flags", claimtrack.pipeline, "_check_records"),
    ("  of which locating findings", claimtrack.io.load.LoadedDocument, "location"),
    ("finalize and order", claimtrack.pipeline, "finalize"),
    ("finalize and order", claimtrack.pipeline, "_ordered"),
]


def _timed(function: Callable[..., Any], spent: dict[str, float], label: str) -> Any:
    clock = time.process_time

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += clock() - start

    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(
        str(path) for path in args.corpus.iterdir() if path.suffix in (".yaml", ".yml", ".json")
    )
    settings = CheckSettings(jobs=1, keep_records=False)
    gc.disable()  # as the command line runs
    claimtrack.check(paths[:2], settings)  # imports and compiled schema, outside the timings
    spent: dict[str, float] = dict.fromkeys([label for label, _owner, _name in STAGES], 0.0)
    for label, owner, name in STAGES:
        setattr(owner, name, _timed(getattr(owner, name), spent, label))
    rounds: list[dict[str, float]] = []
    for _ in range(args.rounds):
        for label in spent:
            spent[label] = 0.0
        start = time.process_time()
        result = claimtrack.check(paths, settings)
        rounds.append({**spent, "whole check": time.process_time() - start})
        del result
        gc.collect()
    print(f"{len(paths)} files, {args.rounds} rounds, processor seconds (median)")
    for label in rounds[0]:
        print(f"{label:<30} {statistics.median(r[label] for r in rounds):8.3f}")


if __name__ == "__main__":
    main()
