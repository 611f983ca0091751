"""The worker's start-up heap is kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc

from processors.worker import _freeze_startup_heap


def test_startup_objects_are_frozen() -> None:
    loaded = [{"model": index} for index in range(1000)]  # stands in for models and lexicons
    before = gc.get_freeze_count()
    try:
        _freeze_startup_heap()
        assert gc.get_freeze_count() >= before + len(loaded)
    finally:
        gc.unfreeze()  # give the test process its collector back
