"""Run claimtrack and check-jsonschema side by side over a corpus and print medians and ratios.

    python bench/generate.py /tmp/corpus-yaml --files 1000 --claims 20
    python bench/run.py /tmp/corpus-yaml --runs 5

Each command is run as a whole process, the commands taking turns (A B C A B C ...) so a
machine that slows down mid-way slows all of them alike. Reported per command: wall-clock
median, minimum and maximum, peak resident memory (maximum over runs), the exit code, and the
ratio of each median to claimtrack's cold median. Exit codes are printed, not judged: both
tools exit 1 when they find problems.

Commands:
- claimtrack, cold: ``claimtrack check DIR --no-cache`` (default --jobs: the processors)
- claimtrack, one process: the same with ``--jobs 1``
- claimtrack, warm cache: ``claimtrack check DIR`` after one priming run
- check-jsonschema: ``check-jsonschema --schemafile schemas/claim-file.schema.json FILES``
- ajv-cli: ``ajv validate --spec=draft2020 --errors=no -s schemas/claim-file.schema.json
  -d FILE -d FILE ...``, one Node.js process over every file (it reads YAML files too). The
  ``ajv`` on ``PATH`` if there is one, else ajv-cli installed once with npm into a folder of
  the bench's own (``--peers-dir``, by default ``claimtrack-bench`` in the user's cache
  folder; never a global install); with neither ``ajv`` nor ``npm`` it is skipped with a
  note, and ``--skip ajv-cli`` leaves it out without installing anything. The schema uses no
  ``format`` keyword, so ajv-formats is not needed, and it compiles in ajv's strict mode.
- parse only: a Python process that only reads and parses every file (PyYAML's libyaml safe
  loader, or json), the floor any checker that parses in Python stands on

Both tools are run from the console scripts beside the interpreter that runs this script
(the environment they are installed in), not through whatever ``PATH`` finds first: a
version manager's wrapper script there adds its own start-up (0.1 s on the machine in
docs/performance.md) to every run of both. claimtrack's bytecode is compiled first, as an
installer does; an editable install in an environment that writes no bytecode would
otherwise compile every module on every run.

``--claimtrack-arg`` passes an argument to every claimtrack command, for instance
``--claimtrack-arg=--ignore --claimtrack-arg=F`` to measure with the sourcing flags off.
``--compare OTHER`` times another claimtrack (an earlier version in its own environment) cold
in the same turns, so a before/after comparison shares the machine's ups and downs; with
``--compare-warm`` it is timed with a warm cache of its own too (primed once, like this one's).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "claim-file.schema.json"
AJV_CLI = "ajv-cli@5.0.0"

PARSE_ONLY = """
import json, sys, yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        data = handle.read()
    if name.endswith(".json"):
        json.loads(data)
    else:
        yaml.load(data, Loader=loader)
"""


def _files(corpus: Path) -> list[str]:
    return sorted(
        str(path) for path in corpus.iterdir() if path.suffix in (".yaml", ".yml", ".json")
    )


def _load() -> str:
    try:
        return " ".join(f"{figure:.1f}" for figure in os.getloadavg())
    except OSError:  # pragma: no cover - a platform without one
        return "unknown"


def _run_once(command: list[str], cwd: Path) -> tuple[float, int, int, float]:
    """Wall seconds, peak resident memory in KiB, exit code, and processor seconds (user and
    system, the process and the children it waited for) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode, usage.ru_utime + usage.ru_stime


def _console_script(name: str) -> str | None:
    """The console script ``name`` of this interpreter's environment, else on ``PATH``."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def _default_peers_dir() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "claimtrack-bench"


def _ajv(peers: Path) -> tuple[str | None, str]:
    """ajv-cli's command and a note saying which one it is (or, with None, why there is none):
    the ``ajv`` on PATH, else one installed into ``peers`` with npm (once)."""
    found = shutil.which("ajv")
    if found:
        return found, f"ajv-cli: {found} (on PATH)"
    local = peers / "node_modules" / ".bin" / "ajv"
    if not local.is_file():
        npm = shutil.which("npm")
        if npm is None:
            return None, "ajv-cli: skipped, neither ajv nor npm is on PATH"
        print(f"installing {AJV_CLI} into {peers} with npm (once)", file=sys.stderr)
        peers.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(peers), AJV_CLI],
            capture_output=True,
            text=True,
            check=False,
        )
        if installed.returncode != 0 or not local.is_file():
            why = (installed.stderr.strip().splitlines() or ["no output"])[-1]
            return None, f"ajv-cli: skipped, npm could not install {AJV_CLI}: {why}"
    versions = []
    for package in ("ajv-cli", "ajv"):
        manifest = peers / "node_modules" / package / "package.json"
        if manifest.is_file():
            versions.append(f"{package} {json.loads(manifest.read_text())['version']}")
    return str(local), f"ajv-cli: {local} ({', '.join(versions)})"


def _compile_bytecode() -> None:
    """Compile claimtrack's modules to bytecode, as installing the package does."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import compileall, pathlib, claimtrack;"
            " compileall.compile_dir(pathlib.Path(claimtrack.__file__).parent, quiet=1)",
        ],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--skip", action="append", default=[], help="leave out a command by its label"
    )
    parser.add_argument(
        "--claimtrack-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="pass ARG to every claimtrack command (repeat for several, e.g. --ignore F)",
    )
    parser.add_argument(
        "--variant-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="also time 'claimtrack cold' with ARG added (repeat for several), interleaved with"
        " the others in every run, e.g. --variant-arg=--ignore=F120,F121",
    )
    parser.add_argument(
        "--compare",
        metavar="CLAIMTRACK",
        help="another claimtrack console script (say, an earlier version installed in its"
        " own environment), timed cold beside this one in the same turns",
    )
    parser.add_argument(
        "--compare-warm",
        action="store_true",
        help="with --compare: also time the other claimtrack with a warm cache of its own",
    )
    parser.add_argument(
        "--peers-dir",
        type=Path,
        default=_default_peers_dir(),
        help="where ajv-cli is installed with npm when no ajv is on PATH (default: %(default)s)",
    )
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    files = _files(corpus)
    claimtrack = _console_script("claimtrack") or sys.exit("claimtrack is not installed")
    checker = _console_script("check-jsonschema")
    _compile_bytecode()
    extra: list[str] = args.claimtrack_arg
    cache_dir = Path(tempfile.mkdtemp(prefix="claimtrack-bench-cache-"))
    other_cache_dir = Path(tempfile.mkdtemp(prefix="claimtrack-bench-cache-"))
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(PARSE_ONLY)
    commands: dict[str, list[str]] = {
        "claimtrack cold": [claimtrack, "check", "-qq", "--no-cache", *extra, str(corpus)],
        "claimtrack cold --jobs 1": [
            claimtrack,
            "check",
            "-qq",
            "--no-cache",
            "--jobs",
            "1",
            *extra,
            str(corpus),
        ],
        "claimtrack warm cache": [
            claimtrack,
            "check",
            "-qq",
            "--cache-dir",
            str(cache_dir),
            *extra,
            str(corpus),
        ],
        "parse only (libyaml/json)": [sys.executable, script.name, *files],
    }
    if args.variant_arg:
        commands["claimtrack cold (variant)"] = [
            claimtrack,
            "check",
            "-qq",
            "--no-cache",
            *extra,
            *args.variant_arg,
            str(corpus),
        ]
    if args.compare:
        commands["compared claimtrack cold"] = [
            args.compare,
            "check",
            "-qq",
            "--no-cache",
            *extra,
            str(corpus),
        ]
        if args.compare_warm:
            commands["compared claimtrack warm cache"] = [
                args.compare,
                "check",
                "-qq",
                "--cache-dir",
                str(other_cache_dir),
                *extra,
                str(corpus),
            ]
    if checker:
        commands["check-jsonschema"] = [checker, "--schemafile", str(SCHEMA), *files]
    notes: list[str] = []
    if "ajv-cli" not in args.skip:
        ajv, note = _ajv(args.peers_dir)
        notes.append(note)
        if ajv is not None:
            data = [argument for name in files for argument in ("-d", name)]
            commands["ajv-cli"] = [
                ajv,
                "validate",
                "--spec=draft2020",
                "--errors=no",
                "-s",
                str(SCHEMA),
                *data,
            ]
    for label in args.skip:
        commands.pop(label, None)
    # Prime the warm caches once, outside the timings.
    for warm in ("claimtrack warm cache", "compared claimtrack warm cache"):
        if warm in commands:
            subprocess.run(commands[warm], cwd=corpus, check=False)

    load_before = _load()
    times: dict[str, list[float]] = {label: [] for label in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    codes: dict[str, set[int]] = {label: set() for label in commands}
    processor: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(args.runs):
        for label, command in commands.items():
            elapsed, peak, code, used = _run_once(command, corpus)
            times[label].append(elapsed)
            processor[label].append(used)
            memory[label] = max(memory[label], peak)
            codes[label].add(code)

    size = sum(Path(name).stat().st_size for name in files)
    print(f"corpus: {corpus.name}: {len(files)} files, {size / 1e6:.1f} MB; {args.runs} runs each")
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()},"
        f" {os.cpu_count()} processors,"
        f" load average {load_before} before the runs, {_load()} after"
    )
    for note in notes:
        print(note)
    base = statistics.median(times["claimtrack cold"]) if "claimtrack cold" in times else None
    print(
        f"{'command':<28} {'median s':>9} {'min–max s':>17} {'cpu s':>7} {'peak MiB':>9}"
        f" {'exit':>5}  ratio"
    )
    for label in commands:
        median = statistics.median(times[label])
        span = f"{min(times[label]):.3f}–{max(times[label]):.3f}"
        ratio = ""
        if base:
            ratio = f"{median / base:.3f}× claimtrack cold"
            if median < base:
                ratio += f" ({base / median:.1f}× faster)"
        exits = ",".join(str(code) for code in sorted(codes[label]))
        peak = memory[label] / 1024
        used = statistics.median(processor[label])
        print(
            f"{label:<28} {median:>9.3f} {span:>17} {used:>7.3f} {peak:>9.0f} {exits:>5}  {ratio}"
        )
    one = "claimtrack cold --jobs 1"
    if one in times and "ajv-cli" in times:
        ratio = statistics.median(times[one]) / statistics.median(times["ajv-cli"])
        used = statistics.median(processor[one]) / statistics.median(processor["ajv-cli"])
        print(f"{one} / ajv-cli: {ratio:.2f}× (medians of wall time), {used:.2f}× (processor)")
    shutil.rmtree(cache_dir, ignore_errors=True)
    shutil.rmtree(other_cache_dir, ignore_errors=True)
    os.unlink(script.name)


if __name__ == "__main__":
    main()
