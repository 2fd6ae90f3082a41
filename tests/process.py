"""The command line run in a process of its own: real exit codes and streams, and a timeout
so that a command that would block fails its test instead of hanging the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_claimtrack(
    folder: Path, *args: str, timeout: float = 30, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m claimtrack ARGS`` in ``folder``, without colour, with ``env`` added."""
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
