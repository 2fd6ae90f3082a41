"""Time `claimtrack extract` on articles of 100 kB, 1 MB, 4 MB and 10 MB (under the cap).

    python bench/extract_speed.py [--sizes 0.1,1,4,9.9] [--runs 3] [--keep DIR]

Each article is built from the real passages in ``tests/fixtures/articles/`` repeated with
their numbers shifted per copy (so the text is not one paragraph repeated verbatim, and
anchors stay mostly unique, as in a real long text), then extracted by a whole
``claimtrack extract`` process. Reported per size: the median wall-clock time and the median
processor time (user plus system) of the runs, and the peak resident memory (maximum over
runs). On a machine other work shares, the processor time is the steadier figure. Linear
scaling shows as a time per MB that stays flat from size to size.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
CLAIMTRACK = Path(sys.executable).with_name("claimtrack")


def build(size_bytes: int) -> str:
    """An article of about ``size_bytes`` UTF-8 bytes, from the fixture passages."""
    passages = [path.read_text("utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    parts: list[str] = []
    total = 0
    copy = 0
    while total < size_bytes:
        for passage in passages:
            shifted = re.sub(r"\d+", lambda m, c=copy: str(int(m.group(0)) + c), passage)
            parts.append(shifted)
            total += len(shifted.encode("utf-8")) + 1
            if total >= size_bytes:
                break
        copy += 1
    text = "\n".join(parts)
    return text.encode("utf-8")[:size_bytes].decode("utf-8", "ignore")


def _run(article: Path, out: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(CLAIMTRACK), "extract", str(article), "-o", str(out), "--force"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, after.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.1,1,4,9.9", help="sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the articles and drafts in DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'size':>8} {'wall s':>8} {'cpu s':>8} {'cpu s/MB':>9} {'peak MB':>8}")
        for size in (float(part) for part in args.sizes.split(",")):
            article = folder / f"article-{size}MB.txt"
            article.write_text(build(int(size * 1_000_000)), encoding="utf-8")
            walls, cpus = [], []
            peak = 0
            for _ in range(args.runs):
                elapsed, cpu, rss = _run(article, folder / f"draft-{size}MB.yaml")
                walls.append(elapsed)
                cpus.append(cpu)
                peak = max(peak, rss)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"{size:>6} MB {wall:>8.2f} {cpu:>8.2f} {cpu / size:>9.2f} {peak / 1024:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
