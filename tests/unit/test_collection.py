"""The cyclic garbage collector is paused while a file is checked, and only then."""

from __future__ import annotations

import gc
import weakref

from claimtrack._collection import uncollected


class _Node:
    def __init__(self) -> None:
        self.other: object = None


def test_the_collector_is_paused_inside_and_resumed_after() -> None:
    assert gc.isenabled()
    with uncollected():
        assert not gc.isenabled()
        with uncollected():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves it paused for the outer one
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with uncollected():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_still_resumes_the_collector() -> None:
    try:
        with uncollected():
            raise ValueError("planted")
    except ValueError:
        pass
    assert gc.isenabled()


def test_cycles_made_inside_are_still_collected_later() -> None:
    with uncollected():
        node = _Node()
        node.other = node
        alive = weakref.ref(node)
    del node
    gc.collect()
    assert alive() is None


def test_objects_the_program_froze_stay_frozen() -> None:
    """A program that froze objects of its own (as servers do before forking) keeps them
    frozen."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with uncollected():
            made = [[] for _ in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert len(made) == 1_000
    finally:
        gc.unfreeze()
