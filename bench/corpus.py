"""Time the commands that look across a corpus: ``match`` and ``export --to sqlite``.

    python bench/corpus.py --documents 1000 10000 [--claims 20] [--runs 3]
    python bench/corpus.py --documents 1000 --shared-sources 2000 --only export stages

Each size gets a generated corpus (fixed seed) of documents × claims, written in words drawn
from a vocabulary of 20,000 made-up words with a Zipf-like spread, so that claims share
common words as real text does. 2% of the claims are planted repeats: a claim of another
document restated with one word dropped and the rest shuffled.

Per size, the runs take turns (export, then the stages in this process, then match, run
after run; ``--only`` picks some of them), and the medians are printed with claims per
second and each command's peak resident memory (the largest of the runs, read from the
operating system when the process ends). ``match`` is the whole command: pairs proposed,
and the share of the planted repeats among them. ``export`` is the whole ``export --to
sqlite`` command on a corpus no earlier run has cached: it checks every file first. The
in-process stages start from files already checked: "after check" is everything the export
adds to the check (the matches and the database, made from the check results as the command
makes them), and "db stage" is building the database file alone from those results, without
the matches; both run with the garbage collector off, as in the command.
The machine's load average is printed at the start and the end of each size, and the
processor seconds of the in-process stages beside their wall-clock seconds.

With ``--shared-sources N`` the corpus is ``bench/generate.py``'s instead (each claim with
its attribution, figures, date, entity, confidence, a citation and provenance; a shared
library of N sources named by the corpus's ``pyproject.toml``, as in issue 24's corpus of
10,000 documents × 20 claims citing 2,000 shared sources), written as JSON, and the commands
run from its root so that they load the library; 2% of its claims are planted repeats
too (``bench/generate.py --repeats 0.02``: a claim of another file that states a figure of its
own, restated with one word dropped, with the same figure, date and entity).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    # Accumulated once: given weights, random.choices adds up all 20,000 of them on every
    # call (the words drawn are the same either way).
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
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
                words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(9, 16))
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


def _run(command: list[str], cwd: Path | None) -> tuple[float, int, str]:
    """Seconds, peak resident memory (KiB) and standard output of one run of ``command``
    in the folder ``cwd`` (None: this one)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {err.read().decode()}")
        # ru_maxrss is in KiB on Linux (bytes on macOS, where the figure reads 1024× high).
        return seconds, usage.ru_maxrss, out.read().decode()


def _generate_shared(folder: Path, documents: int, claims: int, shared: int) -> set[frozenset[str]]:
    """Write ``bench/generate.py``'s corpus with a shared library of ``shared`` sources and
    2% planted repeats; the planted pairs, as paths relative to ``folder`` with "#claim-id"."""
    script = Path(__file__).resolve().with_name("generate.py")
    sizes = ["--files", str(documents), "--claims", str(claims), "--shared-sources", str(shared)]
    options = [*sizes, "--format", "json", "--repeats", "0.02"]
    subprocess.run([sys.executable, str(script), str(folder), *options], check=True)
    lines = (folder / "planted-repeats.tsv").read_text(encoding="utf-8").splitlines()
    return {frozenset(line.split("\t")) for line in lines}


def _settings(folder: Path) -> Any:
    """The settings the command line checks ``folder``'s files with: its configuration's
    limits and shared source library."""
    from claimtrack.config import load_config
    from claimtrack.settings import CheckSettings
    from claimtrack.shared_sources import load_source_library

    config = load_config(start=folder)
    library = load_source_library(config) if config.sources else None
    return CheckSettings(limits=config.limits, library=library)


def _stages(folder: Path, output: Path) -> tuple[float, float, float, float]:
    """Wall-clock and processor seconds of the export's own work after the check, and of
    the database alone, with the cyclic garbage collector off as ``claimtrack`` runs them
    (it is the program's choice, made at its entry; with the collector on, the stages here
    would also pay for it to walk every result held for the next run)."""
    gc.disable()
    try:
        return _timed_stages(folder, output)
    finally:
        gc.enable()


def _timed_stages(folder: Path, output: Path) -> tuple[float, float, float, float]:
    import claimtrack
    from claimtrack.export.sqlite import export_database, write_database

    settings = _settings(folder)
    files = sorted(str(path) for path in folder.glob("*.json"))
    results = list(claimtrack.iter_check(files, settings))
    start, cpu = time.perf_counter(), time.process_time()
    export_database(iter(results), output)
    after_check = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    write_database(results, output)
    return (*after_check, time.perf_counter() - start, time.process_time() - cpu)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _measure(
    scratch: Path, documents: int, claims: int, runs: int, only: list[str], shared: int
) -> dict[str, Any]:
    folder = scratch / "corpus"
    if shared:
        planted = _generate_shared(folder, documents, claims, shared)
    else:
        folder.mkdir()
        planted = generate(folder, documents, claims)
    claimtrack = str(Path(sys.executable).with_name("claimtrack"))
    database = scratch / "claims.db"
    # A corpus with a library is run from its root, where its configuration is found;
    # ``match`` is given the claim files alone (it would read the library file as one).
    cwd, target = (folder, ".") if shared else (None, str(folder))
    matched = "doc-*.json" if shared else target
    names = ("match", "export", "after", "after_cpu", "db", "db_cpu")
    times: dict[str, list[float]] = {name: [] for name in names}
    peaks = {"match": 0, "export": 0}
    found: set[frozenset[str]] = set()
    for _ in range(runs):
        if "export" in only:
            database.unlink(missing_ok=True)
            export = [claimtrack, "export", target, "--to", "sqlite", "-o", str(database)]
            seconds, peak, _ = _run(export, cwd)
            times["export"].append(seconds)
            peaks["export"] = max(peaks["export"], peak)
        if "stages" in only:
            stages = _stages(folder, scratch / "stage.db")
            for name, seconds in zip(("after", "after_cpu", "db", "db_cpu"), stages, strict=True):
                times[name].append(seconds)
        if "match" not in only:
            continue
        seconds, peak, output = _run([claimtrack, "match", matched, "-f", "json"], cwd)
        times["match"].append(seconds)
        peaks["match"] = max(peaks["match"], peak)
        found = {
            frozenset(f"{side['path']}#{side['id']}" for side in (p["claim"], p["other"]))
            for p in json.loads(output)["proposals"]
        }
    return {
        "medians": {
            name: statistics.median(values) if values else float("nan")
            for name, values in times.items()
        },
        "peaks": peaks,
        "found": found,
        "planted": planted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["export", "stages", "match"],
        default=["export", "stages", "match"],
        help="what to time (default: all of it)",
    )
    parser.add_argument(
        "--shared-sources",
        type=int,
        default=0,
        metavar="N",
        help="time bench/generate.py's corpus citing a shared library of N sources instead",
    )
    args = parser.parse_args()
    print(
        "documents   claims  runs   match s  claims/s  MiB   pairs  planted  recovered"
        "  export s  claims/s   MiB  after check s (cpu)  claims/s  db stage s (cpu)"
        "  claims/s (per cpu s)"
    )
    for documents in args.documents:
        with tempfile.TemporaryDirectory() as scratch:
            load = _load()
            measured = _measure(
                Path(scratch), documents, args.claims, args.runs, args.only, args.shared_sources
            )
        total = documents * args.claims
        m, peaks = measured["medians"], measured["peaks"]
        planted, found = measured["planted"], measured["found"]
        shown = planted and "match" in args.only
        recovered = f"{len(planted & found) / len(planted):9.1%}" if shown else "        -"
        print(
            f"{documents:9d}  {total:7d}  {args.runs:4d}  {m['match']:8.2f}"
            f"  {total / m['match']:8.0f}  {peaks['match'] // 1024:4d}"
            f"  {len(found):6d}  {len(planted):7d}  {recovered}"
            f"  {m['export']:8.2f}  {total / m['export']:8.0f}  {peaks['export'] // 1024:4d}"
            f"  {m['after']:7.2f} ({m['after_cpu']:5.2f})  {total / m['after']:8.0f}"
            f"  {m['db']:6.2f} ({m['db_cpu']:5.2f})  {total / m['db']:8.0f}"
            f" ({total / m['db_cpu']:6.0f})"
            f"   (load average {load} at the start, {_load()} at the end)"
        )


if __name__ == "__main__":
    main()
