"""Time the YAML parse stage alone over a corpus, each parser in turn, and print medians.

    python bench/generate.py /tmp/corpus-yaml --files 1000 --claims 20 --format yaml
    python bench/parse.py /tmp/corpus-yaml --runs 5

All files are read into memory first; each run then parses every file once with each
parser, the parsers taking turns (A B C A B C ...) so a machine that slows down mid-way slows
all of them alike. Timed, per run:

- claimtrack's loader: ``parse_block_yaml``, falling back to ``parse_yaml`` (what
  ``load_bytes`` does), data and positions;
- the reference loader alone: ``parse_yaml`` (libyaml's events), data and positions;
- PyYAML's ``CSafeLoader``: data only;
- rapidyaml, when installed (``pip install rapidyaml``; it is not a dependency of
  claimtrack): the tree only, the tree emitted as JSON and read by ``json.loads``, and that
  plus jsonschema-rs validation of each document against the claim file schema.

The cyclic garbage collector is off while timing, as the ``claimtrack`` command turns it
off for its run. Reported: the median, minimum and maximum wall time of each, the median
processor time (which a machine shared with other work inflates less), and each median
against rapidyaml's tree-only parse when it was timed. The files that fall back to the
reference loader are counted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from claimtrack.io.yaml import parse_yaml
from claimtrack.io.yaml_block import parse_block_yaml
from claimtrack.schema import fast_validator


def _parsers(texts: list[str]) -> dict[str, Callable[[], Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    blobs = [text.encode("utf-8") for text in texts]
    parsers: dict[str, Callable[[], Any]] = {
        "claimtrack loader": lambda: [parse_block_yaml(t) or parse_yaml(t) for t in texts],
        "reference loader (libyaml events)": lambda: [parse_yaml(t) for t in texts],
        "PyYAML CSafeLoader (data only)": lambda: [
            yaml.load(t, Loader=loader)  # noqa: S506 - the safe loader (libyaml's)
            for t in texts
        ],
    }
    try:
        import ryml  # type: ignore[import-not-found]
    except ImportError:
        return parsers
    check = fast_validator()
    parsers["rapidyaml tree"] = lambda: [ryml.parse_in_arena(b) for b in blobs]
    parsers["rapidyaml -> JSON -> json"] = lambda: [
        json.loads(ryml.emit_json(ryml.parse_in_arena(b))) for b in blobs
    ]
    if check is not None:
        parsers["rapidyaml -> JSON + jsonschema-rs"] = lambda: [
            check.is_valid(json.loads(ryml.emit_json(ryml.parse_in_arena(b)))) for b in blobs
        ]
    return parsers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.iterdir() if p.suffix in (".yaml", ".yml"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    fallbacks = sum(parse_block_yaml(text) is None for text in texts)
    parsers = _parsers(texts)
    gc.disable()  # as the command line does for its run
    times: dict[str, list[float]] = {label: [] for label in parsers}
    cpu: dict[str, list[float]] = {label: [] for label in parsers}
    for _ in range(args.runs):
        for label, run in parsers.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            times[label].append(time.perf_counter() - start)
            cpu[label].append(time.process_time() - start_cpu)
    size = sum(len(text) for text in texts)
    print(f"corpus: {args.corpus.name}: {len(texts)} files, {size / 1e6:.1f} MB; {args.runs} runs")
    print(f"fell back to the reference loader: {fallbacks} of {len(texts)} files")
    print(f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f} at the end")
    base = statistics.median(cpu["rapidyaml tree"]) if "rapidyaml tree" in cpu else None
    print(f"{'parser':<36} {'median s':>9} {'min–max s':>15} {'cpu s':>7}  cpu ratio")
    for label, values in times.items():
        median, median_cpu = statistics.median(values), statistics.median(cpu[label])
        ratio = f"{median_cpu / base:.1f}× rapidyaml tree" if base else ""
        span = f"{min(values):.3f}–{max(values):.3f}"
        print(f"{label:<36} {median:>9.3f} {span:>15} {median_cpu:>7.3f}  {ratio}")


if __name__ == "__main__":
    main()
