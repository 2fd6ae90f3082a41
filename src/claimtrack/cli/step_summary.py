"""Appending the Markdown summary to a GitHub Actions job summary (``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimtrack.results import FileResult


def step_summary_path(environ: Mapping[str, str]) -> str | None:
    """The job summary file, when running under GitHub Actions with one."""
    if environ.get("GITHUB_ACTIONS") != "true":
        return None
    return environ.get("GITHUB_STEP_SUMMARY") or None


def append_step_summary(results: Sequence[FileResult], path: str) -> str | None:
    """Append the summary to ``path`` within what is left of the step's 1 MiB; the reason
    when it cannot be written."""
    from claimtrack.render.findings.step_summary import STEP_SUMMARY_LIMIT, render_step_summary

    try:
        used = os.path.getsize(path)
    except OSError:
        used = 0
    room = STEP_SUMMARY_LIMIT - used
    text = render_step_summary(results, room)
    if len(text.encode("utf-8")) > room:
        return f"{path}: the job summary already holds {used} bytes; no room for claimtrack's"
    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(("\n" if used else "") + text)
    except OSError as error:
        return f"{path}: cannot append the job summary: {error.strerror or error}"
    return None
