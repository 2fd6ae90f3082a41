"""Measure ``claimtrack diff`` of two revisions against a warm ``claimtrack check``.

    python bench/diff.py --files 1000 --claims 20 --changed 10 --runs 5

Builds a git repository in a temporary folder holding a generated corpus (bench/generate.py),
commits it, edits ``--changed`` files (each one's first verdict flipped) and commits again.
Then, taking turns (A B C A B C ...), it runs as whole processes:

- warm check: ``claimtrack check corpus`` after one priming run (every result from the cache)
- changed files: ``claimtrack check --no-cache`` over the changed files alone
- diff: ``claimtrack diff HEAD~1 HEAD corpus``

and prints the medians and the budget the diff must stay within: 1.5 times the warm check
plus the changed files. The diff must not check unchanged files at all.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _compile_bytecode, _console_script, _run_once

HERE = Path(__file__).resolve().parent
_STATUS = re.compile(r"^(\s*)status: (\S+)$", re.MULTILINE)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _flip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    def other(match: re.Match[str]) -> str:
        new = "unverifiable" if match.group(2) != "unverifiable" else "unverified"
        return f"{match.group(1)}status: {new}"

    changed, count = _STATUS.subn(other, text, count=1)
    if count != 1:
        raise SystemExit(f"{path}: no status to flip")
    path.write_text(changed, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    claimtrack = _console_script("claimtrack")
    if claimtrack is None:
        raise SystemExit("claimtrack is not installed beside this interpreter")
    _compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-diff-") as folder:
        repo = Path(folder)
        corpus = repo / "corpus"
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                str(corpus),
                "--files",
                str(args.files),
                "--claims",
                str(args.claims),
            ],
            check=True,
        )
        _git(repo, "init", "-q")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "corpus")
        files = sorted(corpus.rglob("*.yaml"))
        step = max(1, len(files) // args.changed)
        changed = files[::step][: args.changed]
        for path in changed:
            _flip(path)
        _git(repo, "commit", "-q", "-am", "flip verdicts")
        commands = {
            "warm check": [claimtrack, "check", "corpus"],
            "changed files": [
                claimtrack,
                "check",
                "--no-cache",
                *(str(p.relative_to(repo)) for p in changed),
            ],
            "diff": [claimtrack, "diff", "HEAD~1", "HEAD", "corpus"],
        }
        _run_once(commands["warm check"], repo)  # prime the cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        codes: dict[str, int] = {}
        for _ in range(args.runs):
            for name, command in commands.items():
                elapsed, _memory, code, _used = _run_once(command, repo)
                times[name].append(elapsed)
                codes[name] = code
        out = subprocess.run(
            commands["diff"], cwd=repo, capture_output=True, text=True, check=False
        )
        print(f"corpus: {len(files)} files x {args.claims} claims; {len(changed)} changed")
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            print(
                f"{name:14s} median {medians[name]:.3f}s  min {min(values):.3f}s"
                f"  max {max(values):.3f}s  exit {codes[name]}"
            )
        budget = 1.5 * medians["warm check"] + medians["changed files"]
        print(
            f"budget (1.5 x warm check + changed files): {budget:.3f}s;"
            f" diff / budget = {medians['diff'] / budget:.2f}"
        )
        print(f"diff says: {out.stdout.splitlines()[1] if out.stdout else out.stderr.strip()}")


if __name__ == "__main__":
    main()
