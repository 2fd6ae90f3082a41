"""What quote verification adds to a cold ``claimtrack check``, measured side by side.

    python bench/generate.py snap-corpus --files 1000 --claims 20 --source-snapshots
    python bench/verify.py snap-corpus --runs 5
    python bench/verify.py claims --runs 21

The corpus is copied twice into a temporary folder: once as it is ("with verification") and
once with the ``snapshot`` of every source removed from every claim file ("without"), by
claimtrack's own lossless rewrite, so the two copies differ only in those lines. Without a
source snapshot nothing is read, hashed, folded or sought, and no E213, E214 or F120–F122
can fire: the work is skipped, not its findings hidden. (``--ignore F120,F121,F122,F123`` is
no such switch: the E-rules always run, so the snapshots are still read and hashed.) The
citations keep their quotes, so both copies parse the same text but for those lines.

Each copy is checked cold (``--no-cache``) by the claimtrack beside this interpreter (and,
with ``--compare OTHER``, by another one too), with ``--jobs 1`` and with the default jobs,
the commands taking turns (A B C D A B C D ...) so a machine that slows down mid-way slows
them alike. Printed: for each, the median wall time with its minimum and maximum and the
median processor time (user and system, worker processes included: on a busy machine it
moves far less than the wall time), the load average before and after, and what
verification adds, as the ratio of the medians.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _compile_bytecode, _console_script

from claimtrack.io.load import load_bytes
from claimtrack.io.roundtrip import REMOVE, Change, RewriteError, rewrite

CLAIM_SUFFIXES = (".yaml", ".yml", ".json")


def _redump(data: Any, name: str) -> bytes:
    """``data`` written as ``bench/generate.py`` writes a claim file."""
    if name.endswith(".json"):
        return json.dumps(data, indent=2).encode("utf-8")
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True)
    return text.encode("utf-8")


def twin_texts(text: bytes, name: str) -> tuple[bytes, bytes] | None:
    """The claim file ``text`` as it is and with the ``snapshot`` of each of its sources
    removed (None when none has one), differing only in the removed keys: a file written as
    ``bench/generate.py`` writes them is written again the same way without them; any other
    goes through claimtrack's lossless rewrite, or, where that cannot be lossless, both sides
    are written again."""
    document = load_bytes(text, name)
    sources = document.data.get("sources") if isinstance(document.data, dict) else None
    changes = [
        Change(("sources", index, "snapshot"), REMOVE)
        for index, source in enumerate(sources if isinstance(sources, list) else ())
        if isinstance(source, dict) and "snapshot" in source
    ]
    if not changes:
        return None
    stripped = copy.deepcopy(document.data)
    for change in changes:
        del stripped["sources"][change.path[1]]["snapshot"]
    if _redump(document.data, name) == text:
        return text, _redump(stripped, name)
    try:
        return text, rewrite(document, changes).text.encode("utf-8")
    except RewriteError:
        return _redump(document.data, name), _redump(stripped, name)


def make_twins(corpus: Path, into: Path) -> tuple[Path, Path, int]:
    """Copy ``corpus`` to ``into/with`` as it is and to ``into/without`` with every source
    snapshot removed; returns both folders and how many claim files changed."""
    with_copy, without_copy = into / "with", into / "without"
    shutil.copytree(corpus, with_copy)
    shutil.copytree(corpus, without_copy)
    for folder in (with_copy, without_copy):
        marker = folder / "pyproject.toml"
        if not marker.exists():  # the same project root on both sides, the copy itself
            marker.write_text("# benchmark project root\n", encoding="utf-8")
    changed = 0
    for path in sorted(without_copy.rglob("*")):
        if path.suffix not in CLAIM_SUFFIXES or not path.is_file():
            continue
        twins = twin_texts(path.read_bytes(), str(path))
        if twins is not None:
            (with_copy / path.relative_to(without_copy)).write_bytes(twins[0])
            path.write_bytes(twins[1])
            changed += 1
    return with_copy, without_copy, changed


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def _timed(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, processor seconds (user and system, worker processes included) and exit
    code of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def _commands(
    tools: dict[str, str], jobs_options: list[list[str]], with_copy: Path, without_copy: Path
) -> dict[str, tuple[list[str], Path]]:
    commands: dict[str, tuple[list[str], Path]] = {}
    for name, claimtrack in tools.items():
        for jobs in jobs_options:
            label = " ".join(jobs) or "default jobs"
            for side, folder in (("with", with_copy), ("without", without_copy)):
                command = [claimtrack, "check", "-qq", "--no-cache", *jobs, str(folder)]
                commands[f"{name}: {side}, {label}"] = (command, folder)
    return commands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--claimtrack",
        help="the claimtrack console script to time (default: the one beside this interpreter)",
    )
    parser.add_argument(
        "--compare",
        metavar="CLAIMTRACK",
        help="another claimtrack (say, an earlier version in its own environment) timed the"
        " same way in the same turns",
    )
    parser.add_argument(
        "--jobs-1-only", action="store_true", help="time only --jobs 1 (not the default jobs)"
    )
    args = parser.parse_args()
    claimtrack = (
        args.claimtrack or _console_script("claimtrack") or sys.exit("claimtrack is not installed")
    )
    tools = {"this": claimtrack, **({"compared": args.compare} if args.compare else {})}
    jobs_options = [["--jobs", "1"]] if args.jobs_1_only else [[], ["--jobs", "1"]]
    _compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="claimtrack-bench-verify-"))
    try:
        with_copy, without_copy, changed = make_twins(args.corpus.resolve(), scratch)
        if not changed:
            sys.exit(f"{args.corpus}: no claim file has a source with a snapshot")
        commands = _commands(tools, jobs_options, with_copy, without_copy)
        load_before = _load()
        wall: dict[str, list[float]] = {label: [] for label in commands}
        cpu: dict[str, list[float]] = {label: [] for label in commands}
        codes: dict[str, set[int]] = {label: set() for label in commands}
        for _ in range(args.runs):
            for label, (command, folder) in commands.items():
                elapsed, processor, code = _timed(command, folder)
                wall[label].append(elapsed)
                cpu[label].append(processor)
                codes[label].add(code)
        print(f"corpus: {args.corpus}: {changed} claim files with source snapshots")
        print(f"{args.runs} runs each, cold; load average before {load_before}, after {_load()}")
        print(f"{'command':<40} {'wall s':>8} {'min–max':>15} {'cpu s':>8} {'exit':>5}")
        for label in commands:
            span = f"{min(wall[label]):.2f}–{max(wall[label]):.2f}"
            exits = ",".join(str(code) for code in sorted(codes[label]))
            print(
                f"{label:<40} {statistics.median(wall[label]):>8.3f} {span:>15}"
                f" {statistics.median(cpu[label]):>8.3f} {exits:>5}"
            )
        for name in tools:
            for jobs in jobs_options:
                label = " ".join(jobs) or "default jobs"
                added = [
                    100
                    * (
                        statistics.median(m[f"{name}: with, {label}"])
                        / statistics.median(m[f"{name}: without, {label}"])
                        - 1
                    )
                    for m in (wall, cpu)
                ]
                print(
                    f"{name}, {label}: verification adds {added[0]:+.1f}% wall,"
                    f" {added[1]:+.1f}% processor time (medians)"
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
