"""Time the commands that look across a corpus: ``match`` and ``export --to sqlite``.

    python bench/corpus.py --documents 1000 10000 [--claims 20] [--runs 3]

Each size gets a generated corpus (fixed seed) of documents × claims, written in words drawn
from a vocabulary of 20,000 made-up words with a Zipf-like spread, so that claims share
common words as real text does. 2% of the claims are planted repeats: a claim of another
document restated with one word dropped and the rest shuffled. The medians of the runs are
printed with claims per second, the pairs proposed, and the share of the planted repeats
among them. "db stage" is building the database alone, in this process, from files already
checked: the export's own cost, apart from the check every export starts with.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "da", "fe", "gu", "ho", "ji"]


def _vocabulary(size: int) -> list[str]:
    words = ("".join(parts) for n in (2, 3, 4) for parts in itertools.product(SYLLABLES, repeat=n))
    return list(itertools.islice(words, size))


def generate(
    folder: Path, documents: int, claims: int, seed: int = 20241208
) -> set[frozenset[str]]:
    """Write the corpus; the planted repeats, as pairs of "file#claim-id"."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(20_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    written: list[tuple[str, str]] = []
    planted: set[frozenset[str]] = set()
    for index in range(documents):
        records = []
        for number in range(claims):
            if written and rng.random() < 0.02:
                where, original = rng.choice(written)
                words = original.rstrip(".").split()
                words.pop(rng.randrange(len(words)))
                rng.shuffle(words)
                text = " ".join(words).capitalize() + "."
                planted.add(frozenset((where, f"{folder / _name(index)}#claim-{number}")))
            else:
                words = rng.choices(vocabulary, weights=weights, k=rng.randint(9, 16))
                if rng.random() < 0.3:
                    words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9000):,}")
                text = " ".join(words).capitalize() + "."
                written.append((f"{folder / _name(index)}#claim-{number}", text))
            records.append(
                {
                    "id": f"claim-{number}",
                    "text": text,
                    "kind": "event",
                    "anchor": {"exact": text[:20]},
                }
            )
        data = {
            "version": 1,
            "document": {"id": f"doc-{index}", "title": f"Document {index}"},
            "claims": records,
        }
        path = folder / _name(index)
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return planted


def _name(index: int) -> str:
    return f"doc-{index:05d}.json"


def _time(command: list[str], runs: int) -> tuple[float, str]:
    times = []
    output = ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {done.stderr}")
        output = done.stdout
    return statistics.median(times), output


def _database_stage(folder: Path, runs: int) -> float:
    """Median seconds of building the database alone from already checked files."""
    import claimtrack
    from claimtrack.export.sqlite import build_database
    from claimtrack.render.report import build_report

    report = build_report(claimtrack.check(sorted(map(str, folder.glob("*.json")))).files)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_database(report.documents)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    claimtrack = str(Path(sys.executable).with_name("claimtrack"))
    print(
        "documents  claims   match s  claims/s  pairs  planted  recovered  export s  claims/s"
        "  db stage s  claims/s"
    )
    for documents in args.documents:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "corpus"
            folder.mkdir()
            planted = generate(folder, documents, args.claims)
            total = documents * args.claims
            match_s, output = _time([claimtrack, "match", str(folder), "-f", "json"], args.runs)
            found = {
                frozenset(f"{side['path']}#{side['id']}" for side in (p["claim"], p["other"]))
                for p in json.loads(output)["proposals"]
            }
            recovered = len(planted & found) / len(planted) if planted else 1.0
            stage_s = _database_stage(folder, args.runs)
            database = Path(scratch) / "claims.db"
            export_s, _ = _time(
                [claimtrack, "export", str(folder), "--to", "sqlite", "-o", str(database)],
                args.runs,
            )
            print(
                f"{documents:9d}  {total:6d}  {match_s:8.2f}  {total / match_s:8.0f}"
                f"  {len(found):5d}  {len(planted):7d}  {recovered:9.1%}"
                f"  {export_s:8.2f}  {total / export_s:8.0f}"
                f"  {stage_s:10.2f}  {total / stage_s:8.0f}"
            )


if __name__ == "__main__":
    main()
