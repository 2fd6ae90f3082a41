"""A progress line on stderr for long runs: only on a terminal, only after a moment."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["DELAY", "Progress"]

#: Seconds a run must take before a progress line appears.
DELAY = 0.5


class Progress:
    """Counts files done and, once ``delay`` has passed on a terminal, says so on one line.

    Nothing is written when the stream is not a terminal, or when the run ends quickly.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        label: str = "checked",
        unit: str = "files",
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) and total > 1
        self.total = total
        self.stream = stream
        self.label = label
        self.unit = unit
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.done = 0
        self.shown = False

    def advance(self) -> None:
        """One more file done."""
        self.done += 1
        if self.enabled and self.clock() - self.started >= self.delay:
            self.stream.write(f"\rclaimtrack: {self.label} {self.done}/{self.total} {self.unit}")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        """Clear the progress line, if one was shown."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
