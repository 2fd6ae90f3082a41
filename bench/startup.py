"""Time claimtrack's start-up: ``--version`` and ``check`` of one small file, beside the bare
interpreter, as whole processes taking turns; prints medians and ranges.

    python bench/generate.py /tmp/corpus-one --files 1 --claims 20
    python bench/startup.py /tmp/corpus-one --runs 20

The ``check`` run uses ``--no-cache`` so that every run checks the file. Both claimtrack
commands run from the console script beside this interpreter, as ``bench/run.py`` does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from run import _compile_bytecode, _console_script, _run_once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder holding one small claim file")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    claimtrack = _console_script("claimtrack") or sys.exit("claimtrack is not installed")
    _compile_bytecode()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "claimtrack --version": [claimtrack, "--version"],
        "claimtrack check (one file)": [claimtrack, "check", "-q", "--no-cache", str(corpus)],
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(args.runs):
        for label, command in commands.items():
            times[label].append(_run_once(command, corpus)[0])
    print(f"{args.runs} runs each")
    print(f"{'command':<30} {'median s':>9} {'min–max s':>13}")
    for label, values in times.items():
        span = f"{min(values):.3f}–{max(values):.3f}"
        print(f"{label:<30} {statistics.median(values):>9.3f} {span:>13}")


if __name__ == "__main__":
    main()
