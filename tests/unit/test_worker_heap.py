"""The worker's start-up heap is kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc

import pytest

from processors import worker
from processors.heap import freeze_startup_heap


def test_startup_objects_are_frozen() -> None:
    loaded = [{"model": index} for index in range(1000)]  # stands in for models and lexicons
    before = gc.get_freeze_count()
    try:
        freeze_startup_heap()
        assert gc.get_freeze_count() >= before + len(loaded)
    finally:
        gc.unfreeze()  # give the test process its collector back


class _FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append((param, value))
        return 1


def test_the_worker_asks_glibc_for_one_malloc_arena(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _FakeLibc()
    monkeypatch.setattr(worker.ctypes, "CDLL", lambda name: libc)

    assert worker.one_malloc_arena(environ={}) is True
    assert libc.calls == [(-8, 1)]  # M_ARENA_MAX, one arena


def test_the_operators_own_arena_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _FakeLibc()
    monkeypatch.setattr(worker.ctypes, "CDLL", lambda name: libc)

    assert worker.one_malloc_arena(environ={"MALLOC_ARENA_MAX": "4"}) is False
    assert libc.calls == []


def test_without_glibc_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(worker.ctypes, "CDLL", missing)

    assert worker.one_malloc_arena(environ={}) is False


def test_the_real_glibc_takes_the_setting() -> None:
    """This machine and CI run glibc: the call must reach it and succeed."""
    assert worker.one_malloc_arena(environ={}) is True
