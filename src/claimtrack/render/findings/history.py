"""A claim's history as text and JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimtrack._version import __version__
from claimtrack.render.findings.diff_json import claim_data
from claimtrack.render.findings.diff_text import claim_rows, finding_line
from claimtrack.render.findings.json import finding_data
from claimtrack.review.history import HistoryEntry

__all__ = ["render_history_json", "render_history_text"]


def render_history_text(claim_id: str, entries: Sequence[HistoryEntry]) -> str:
    """One block per commit, newest first: the commit, then what changed in the claim."""
    out = [f"History of claim {claim_id}: {len(entries)} commit{'' if len(entries) == 1 else 's'}"]
    for entry in entries:
        commit = entry.commit
        out += ["", f"{commit.sha[:12]} {commit.date} {commit.author}: {commit.subject}"]
        out.append(f"  in {entry.path}")
        if entry.change is not None:
            out += [f"  {'  ' * depth}{text}" for depth, text, _b, _h in claim_rows(entry.change)]
        out += [f"  flag introduced: {finding_line(f)}" for f in entry.introduced]
        out += [f"  flag fixed: {finding_line(f)}" for f in entry.fixed]
    return "\n".join(out) + "\n"


def render_history_json(claim_id: str, entries: Sequence[HistoryEntry]) -> str:
    """The history as JSON (the claim changes are shaped as in ``diff --format json``)."""
    data: dict[str, Any] = {
        "version": 1,
        "tool": {"name": "claimtrack", "version": __version__},
        "claim_id": claim_id,
        "commits": [
            {
                "commit": entry.commit.sha,
                "parent": entry.commit.parent,
                "author": entry.commit.author,
                "date": entry.commit.date,
                "subject": entry.commit.subject,
                "path": entry.path,
                "change": None if entry.change is None else claim_data(entry.change),
                "flags": {
                    "introduced": [finding_data(f) for f in entry.introduced],
                    "fixed": [finding_data(f) for f in entry.fixed],
                },
            }
            for entry in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
