"""claimtrack.check() called from a host program leaves the program's garbage collector as
it found it: enabled or not, its frozen objects, and its young generations."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimtrack

ARTICLE = Path(__file__).resolve().parents[2] / "claims" / "assad-fall-iran-syria.yaml"


@pytest.fixture
def no_automatic_collection() -> Iterator[None]:
    """A collector that runs only when asked, so its counts change only by what is made,
    freed, or done to it; thresholds and state are restored afterwards."""
    thresholds = gc.get_threshold()
    enabled = gc.isenabled()
    gc.set_threshold(10**9, 10**9, 10**9)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if enabled:
            gc.enable()
        else:
            gc.disable()


class TestHostCollector:
    """The collector's state after one check is the host's, not ours."""

    @pytest.mark.usefixtures("no_automatic_collection")
    def test_young_generation_is_not_emptied(self) -> None:
        """Objects the host made before the call are still counted in the youngest
        generation after it (nothing collected or moved them to an older one)."""
        claimtrack.check(ARTICLE)  # imports and caches warmed up, outside the measurement
        gc.collect()
        host = [[index] for index in range(5_000)]  # young, tracked objects of the host's
        before = gc.get_count()
        claimtrack.check(ARTICLE)
        after = gc.get_count()
        assert before[0] >= len(host)
        assert after[0] >= len(host)
        assert after[1:] == before[1:]

    @pytest.mark.usefixtures("no_automatic_collection")
    @pytest.mark.parametrize("enabled", [True, False])
    def test_enabled_state_is_kept(self, enabled: bool) -> None:
        """A collector the host enabled stays enabled, and one it disabled stays disabled."""
        if enabled:
            gc.enable()
        else:
            gc.disable()
        claimtrack.check(ARTICLE)
        assert gc.isenabled() is enabled

    @pytest.mark.usefixtures("no_automatic_collection")
    def test_frozen_objects_stay_frozen_and_none_are_added(self) -> None:
        """Objects the host froze stay frozen, and the call freezes nothing of its own.

        A frozen object that the host drops is freed like any other (its reference count
        reaching zero), so the count may fall by a few during the call; an unfreeze would
        empty it, and a freeze would raise it."""
        gc.freeze()
        try:
            frozen = gc.get_freeze_count()
            claimtrack.check(ARTICLE)
            after = gc.get_freeze_count()
            assert after <= frozen
            assert after >= frozen - max(100, frozen // 1000)
        finally:
            gc.unfreeze()

    @pytest.mark.usefixtures("no_automatic_collection")
    def test_checking_in_workers_leaves_the_collector_alone(self) -> None:
        """A batch checked in worker processes leaves this process's collector counts, state
        and frozen objects as they were, too."""
        paths = [ARTICLE] * 16
        claimtrack.check(paths, claimtrack.CheckSettings(jobs=2))
        gc.collect()
        host = [[index] for index in range(5_000)]
        before = (gc.get_count(), gc.isenabled(), gc.get_freeze_count())
        claimtrack.check(paths, claimtrack.CheckSettings(jobs=2))
        after = (gc.get_count(), gc.isenabled(), gc.get_freeze_count())
        assert after[0][0] >= len(host)
        assert (after[0][1:], *after[1:]) == (before[0][1:], *before[1:])
