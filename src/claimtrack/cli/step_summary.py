"""Appending the Markdown summary to a GitHub Actions job summary (``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

import errno
import os
import stat
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
    when it cannot be written. Only a regular file is written to: the path is opened without
    blocking (a FIFO with no reader would wait for one for ever) and checked before writing."""
    from claimtrack.io.regular import file_kind
    from claimtrack.render.findings.step_summary import STEP_SUMMARY_LIMIT, render_step_summary

    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags, 0o666)
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno == errno.ENXIO:  # a FIFO no one reads
            reason = "it is a FIFO (named pipe), not a regular file"
        return f"{path}: cannot append the job summary: {reason}"
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return (
                f"{path}: cannot append the job summary: it is {file_kind(status.st_mode)}, not a"
                " regular file"
            )
        used = status.st_size
        room = STEP_SUMMARY_LIMIT - used
        text = render_step_summary(results, room)
        if len(text.encode("utf-8")) > room:
            return f"{path}: the job summary already holds {used} bytes; no room for claimtrack's"
        data = (("\n" if used else "") + text).encode("utf-8")
        while data:
            data = data[os.write(descriptor, data) :]
    except OSError as error:
        return f"{path}: cannot append the job summary: {error.strerror or error}"
    finally:
        os.close(descriptor)
    return None
