"""One pause of the cyclic collector, whatever happens inside it."""

from __future__ import annotations

import gc

import pytest

from orgmodel.collector import paused_gc


def test_an_error_inside_turns_the_collector_back_on() -> None:
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_it_decorates_a_function() -> None:
    @paused_gc()
    def inside() -> bool:
        return gc.isenabled()

    assert inside() is False and gc.isenabled()
