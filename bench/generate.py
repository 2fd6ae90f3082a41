"""Generate benchmark corpora of claim files in claimtrack's format (fixed seed).

    python bench/generate.py OUT_DIR --files 1000 --claims 20 [--format yaml|json]
    python bench/generate.py OUT_DIR --files 1 --claims 100000 --format json

Each claim file gets its own document snapshot (a .txt file beside it) and every claim is
anchored in it, so a run exercises parsing, the schema, integrity and anchor checks alike.
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


def make_file(rng: random.Random, index: int, claims: int) -> tuple[dict[str, Any], str]:
    """One claim file's data and its snapshot text."""
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
        for n in range(3)
    ]
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
                {"source": f"source-{rng.randint(0, 2)}", "stance": "supports", "locator": "p. 1"}
            ],
            "status": rng.choice(STATUSES),
            "provenance": {"recorded_by": "bench", "recorded_at": "2024-12-10", "method": "manual"},
        }
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
    parser.add_argument("--seed", type=int, default=20241208)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pyproject.toml").write_text("# benchmark project root\n", encoding="utf-8")
    if args.format == "yaml":
        import yaml

        dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for index in range(args.files):
        data, text = make_file(rng, index, args.claims)
        (args.out / f"doc-{index}.txt").write_text(text, encoding="utf-8")
        target = args.out / f"doc-{index}.{args.format}"
        if args.format == "json":
            target.write_text(json.dumps(data, indent=2), encoding="utf-8")
        else:
            target.write_text(
                yaml.dump(data, Dumper=dump, sort_keys=False, allow_unicode=True),
                encoding="utf-8",
            )


if __name__ == "__main__":
    main()
