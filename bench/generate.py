"""Generate benchmark corpora of claim files in claimtrack's format (fixed seed).

    python bench/generate.py OUT_DIR --files 1000 --claims 20 [--format yaml|json]
    python bench/generate.py OUT_DIR --files 1 --claims 100000 --format json
    python bench/generate.py OUT_DIR --files 1000 --claims 20 --source-snapshots
    python bench/generate.py OUT_DIR --files 10000 --claims 20 --shared-sources 2000 --repeats 0.02

Each claim file gets its own document snapshot (a .txt file beside it) and every claim is
anchored in it, so a run exercises parsing, the schema, integrity and anchor checks alike.
With --source-snapshots each source gets a snapshot too (a few paragraphs of text) and every
citation a quote from it, nine in ten of them true and one in ten with a changed number, so
a run also verifies every quote; each paragraph of a source states the claims' figure.
With --shared-sources N the corpus has a shared source library: ``sources/library.yaml``
holds N sources and the ``pyproject.toml`` at the root names it (``[tool.claimtrack]
sources``); the claims cite library ids, and one file in ten keeps three sources of its own.
With --repeats P a claim is, with probability P, a planted repeat: a claim of an earlier file
(one of another P of them, which name a place and a figure of their own) restated with one
word dropped, with the same figure, date and entity; the pairs are listed in
``planted-repeats.tsv`` (``doc-I.EXT#claim-N`` of the repeat, a tab, the same of the claim
it repeats). The repeats and their originals are drawn from a random stream of their own,
so the rest of the corpus is the same with or without them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path
from typing import Any

SOURCE_TEXT = (
    "the ministry said officials reported that forces withdrew from the border crossing after "
    "several days of fighting while analysts estimated losses at more than two thousand and "
    "observers described the situation as uncertain according to local sources who asked not "
    "to be named because they were not authorised to speak"
)
WORDS = SOURCE_TEXT.split(" ")
KINDS = ["quantity", "event", "quote", "relation", "characterization", "assessment"]
STATUSES = ["unverified", "supported", "disputed", "unverifiable"]
LIKELIHOODS = ["unlikely", "roughly-even-chance", "likely", "very-likely"]


def _sentence(rng: random.Random, number: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 18))
    return f"Claim {number}: " + " ".join(words).capitalize() + "."


def _source_text(rng: random.Random, paragraphs: int = 6) -> str:
    lines = []
    for number in range(paragraphs):
        words = rng.choices(WORDS, k=rng.randint(40, 70))
        # Sources that back the claims state their figure (the claims' "more than 2,000").
        words.insert(rng.randint(0, len(words)), "more than 2,000")
        lines.append(f"Paragraph {number}. " + " ".join(words).capitalize() + ".")
    return "\n\n".join(lines) + "\n"


def _quote(rng: random.Random, text: str) -> str:
    """A passage of ``text``, or one in ten times the passage with a number changed."""
    start = rng.randint(0, len(text) - 200)
    start = text.index(" ", start) + 1
    quote = text[start : text.index(" ", start + 80)]
    if rng.random() < 0.1:
        quote = "1,234 " + quote
    return quote


def shared_source(rng: random.Random, number: int) -> dict[str, Any]:
    """One record of the shared source library."""
    return {
        "id": f"shared-{number}",
        "type": rng.choice(["article-newspaper", "report", "webpage"]),
        "title": f"Shared report {number} on the events",
        "authors": [{"literal": f"Agency {number % 50}"}],
        "issued": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "url": f"https://news.example/shared/{number}",
        "accessed": "2024-12-10",
    }


def make_file(
    rng: random.Random,
    index: int,
    claims: int,
    source_texts: list[str] | None = None,
    shared: int = 0,
) -> tuple[dict[str, Any], str]:
    """One claim file's data and its snapshot text; with ``source_texts`` each source has a
    snapshot of that text (``doc-INDEX-source-N.txt``) and each citation a quote from it.
    With ``shared`` library sources, the claims cite those (``shared-N``), except in one
    file in ten, which keeps its own three sources."""
    local = shared == 0 or index % 10 == 0
    sentences = [_sentence(rng, n) for n in range(claims)]
    text = "\n".join(sentences) + "\n"
    sources = [
        {
            "id": f"source-{n}",
            "type": rng.choice(["article-newspaper", "report", "webpage"]),
            "title": f"Report {index}-{n} on the events",
            "authors": [{"literal": f"Agency {n}"}],
            "issued": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "url": f"https://news.example/{index}/{n}",
            "accessed": "2024-12-10",
        }
        for n in range(3 if local else 0)
    ]
    for n, source_text in enumerate(source_texts or []):
        sources[n]["snapshot"] = {
            "path": f"doc-{index}-source-{n}.txt",
            "sha256": hashlib.sha256(source_text.encode()).hexdigest(),
            "coverage": "full",
            "retrieved": "2024-12-10T12:00:00Z",
            "extractor": "bench",
        }
    records = []
    offset = 0
    for n, sentence in enumerate(sentences):
        exact = sentence[: max(12, len(sentence) // 2)]
        record: dict[str, Any] = {
            "id": f"claim-{n}",
            "text": sentence,
            "kind": rng.choice(KINDS),
            "anchor": {"exact": exact, "start": offset, "end": offset + len(exact)},
            "attribution": {
                "specificity": rng.choice(["none", "named", "vague"]),
                "asserted_by": "the ministry",
                "hedges": ["estimated"] if rng.random() < 0.3 else [],
            },
            "quantities": [{"lower_bound": 2000, "unit": "casualties", "approximate": True}],
            "dates": [{"date": f"2024-{rng.randint(1, 12):02d}", "text": "in 2024"}],
            "entities": [{"name": "The ministry", "type": "organization"}],
            "confidence": {
                "likelihood": rng.choice(LIKELIHOODS),
                "analytic": rng.choice(["low", "moderate", "high"]),
                "rationale": "Generated for the benchmark.",
            },
            "citations": [
                {
                    "source": f"source-{rng.randint(0, 2)}"
                    if local
                    else f"shared-{rng.randint(0, shared - 1)}",
                    "stance": "supports",
                    "locator": "p. 1",
                }
            ],
            "status": rng.choice(STATUSES),
            "provenance": {"recorded_by": "bench", "recorded_at": "2024-12-10", "method": "manual"},
        }
        if source_texts:
            citation = record["citations"][0]
            citation["quote"] = _quote(rng, source_texts[int(citation["source"][-1])])
        records.append(record)
        offset += len(sentence) + 1
    data = {
        "version": 1,
        "document": {
            "id": f"doc-{index}",
            "title": f"Benchmark document {index}",
            "snapshot": {
                "path": f"doc-{index}.txt",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
            },
        },
        "sources": sources,
        "claims": records,
    }
    return data, text


class Repeats:
    """Planted repeats: which claims restate an earlier file's claim, and the pairs.

    A claim chosen to be repeated later names a place and a figure of its own (as a claim
    worth repeating states a particular fact), and the claims that repeat it restate it with
    one other word dropped, with the same figure, date and entity."""

    def __init__(self, share: float, seed: int) -> None:
        self.share = share
        self.rng = random.Random(seed + 1)  # apart from the corpus's own stream
        self.originals: list[tuple[str, dict[str, Any]]] = []  # (file#claim, record)
        self.pairs: list[tuple[str, str]] = []

    def plant(self, name: str, records: list[dict[str, Any]]) -> None:
        """Make some of one file's ``records`` repeats of earlier files' claims and some
        others originals that later files may repeat."""
        chosen = []
        for record in records:
            where = f"{name}#{record['id']}"
            draw = self.rng.random()
            if self.originals and draw < self.share:
                source, original = self.rng.choice(self.originals)
                prefix, _, rest = original["text"].partition(": ")
                words = rest.rstrip(".").split()
                words.pop(self.rng.randrange(len(words) - 3))  # not the place or the figure
                record["text"] = f"{prefix}: " + " ".join(words) + "."
                for field in ("quantities", "dates", "entities"):
                    record[field] = original[field]
                self.pairs.append((where, source))
            elif draw < 2 * self.share:
                figure = f"{self.rng.randint(10_000, 99_999_999):,}"
                place = "".join(self.rng.choices("bdfgklmnprstvz", k=3)).join("aou")
                record["text"] = record["text"].rstrip(".") + f" in {place.title()} {figure}."
                chosen.append((where, record))
        self.originals.extend(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
    parser.add_argument("--seed", type=int, default=20241208)
    parser.add_argument(
        "--source-snapshots",
        action="store_true",
        help="give each source a snapshot and each citation a quote from it",
    )
    parser.add_argument(
        "--shared-sources",
        type=int,
        default=0,
        metavar="N",
        help="write a shared source library of N sources (sources/library.yaml) and cite it",
    )
    parser.add_argument(
        "--repeats",
        type=float,
        default=0.0,
        metavar="P",
        help="make each claim, with probability P, a planted repeat of an earlier file's claim"
        " (listed in planted-repeats.tsv)",
    )
    args = parser.parse_args()
    if not 0 <= args.repeats < 1:
        parser.error("--repeats takes a probability, at least 0 and below 1")
    repeats = Repeats(args.repeats, args.seed) if args.repeats else None
    if args.shared_sources < 0 or (args.shared_sources and args.source_snapshots):
        parser.error("--shared-sources takes a positive number, without --source-snapshots")
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    import yaml

    dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    if args.shared_sources:
        library = {
            "version": 1,
            "sources": [shared_source(rng, n) for n in range(args.shared_sources)],
        }
        (args.out / "sources").mkdir(exist_ok=True)
        (args.out / "sources" / "library.yaml").write_text(
            yaml.dump(library, Dumper=dump, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        project = '[tool.claimtrack]\nsources = ["sources/*.yaml"]\n'
    else:
        project = "# benchmark project root\n"
    (args.out / "pyproject.toml").write_text(project, encoding="utf-8")
    for index in range(args.files):
        texts = [_source_text(rng) for _ in range(3)] if args.source_snapshots else None
        for number, source_text in enumerate(texts or []):
            (args.out / f"doc-{index}-source-{number}.txt").write_text(source_text, "utf-8")
        data, text = make_file(rng, index, args.claims, texts, args.shared_sources)
        (args.out / f"doc-{index}.txt").write_text(text, encoding="utf-8")
        target = args.out / f"doc-{index}.{args.format}"
        if repeats is not None:
            repeats.plant(target.name, data["claims"])
        if args.format == "json":
            target.write_text(json.dumps(data, indent=2), encoding="utf-8")
        else:
            target.write_text(
                yaml.dump(data, Dumper=dump, sort_keys=False, allow_unicode=True),
                encoding="utf-8",
            )
    if repeats is not None:
        lines = "".join(f"{repeat}\t{original}\n" for repeat, original in repeats.pairs)
        (args.out / "planted-repeats.tsv").write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main()
