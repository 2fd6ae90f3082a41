"""When Python's cyclic garbage collector may run.

Checking a file builds many small objects (parsed data, records, findings) and none of them
form reference cycles, so reference counting frees them all. The cyclic collector, though,
walks every object it tracks each time it runs, and on a large file it runs often over
millions of them: a quarter of the time on a 100,000-claim file. So it is paused while one
file is checked; what cycles the rest of a program made meanwhile are collected afterwards
as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["uncollected"]


@contextmanager
def uncollected() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nested blocks leave it paused)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # What the block made and left alive joins the oldest generation (freezing and
        # unfreezing moves every object there without looking at any): left in the
        # youngest, all of it would be walked by the very next collection. Not done when
        # the program has frozen objects of its own, which unfreezing would release.
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
