"""The worker's start-up heap is kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc

import pytest

from processors import heap, worker
from processors.config import WorkerConfig
from processors.heap import MallocTrimmer, freeze_startup_heap, glibc_malloc_trim


def test_startup_objects_are_frozen() -> None:
    # stands in for models and lexicons; each holds a list, which the collector always tracks (a
    # dict of ints alone is untracked by the first collection and would not count as frozen)
    loaded = [{"model": [index]} for index in range(1000)]
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
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: libc)

    assert worker.one_malloc_arena(environ={}) is True
    assert libc.calls == [(-8, 1)]  # M_ARENA_MAX, one arena


def test_the_operators_own_arena_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = _FakeLibc()
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: libc)

    assert worker.one_malloc_arena(environ={"MALLOC_ARENA_MAX": "4"}) is False
    assert libc.calls == []


def test_without_glibc_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(heap.ctypes, "CDLL", missing)

    assert worker.one_malloc_arena(environ={}) is False


def test_the_real_glibc_takes_the_setting() -> None:
    """This machine and CI run glibc: the call must reach it and succeed."""
    assert worker.one_malloc_arena(environ={}) is True


class _FakePipeline:
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def process_batch(self, records: list[str]) -> list[str]:
        self.batches.append(records)
        return [f"outcome of {r}" for r in records]


def test_memory_is_trimmed_once_every_n_messages() -> None:
    trims: list[int] = []
    trimmer = MallocTrimmer(500, lambda: trims.append(1))

    for size in (256, 200, 40, 4, 256, 256):  # 496 messages, then 500, then 756
        trimmer.processed(size)
        assert len(trims) == trimmer.trims
    assert trimmer.trims == 2  # after message 500 (the fourth batch), then after the next 500 (the sixth)


def test_zero_or_no_glibc_never_trims() -> None:
    trims: list[int] = []
    never = MallocTrimmer(0, lambda: trims.append(1))
    no_glibc = MallocTrimmer(500, None)

    for trimmer in (never, no_glibc):
        trimmer.processed(10_000)
        assert trimmer.trims == 0
    assert trims == []


def test_the_worker_counts_each_batch_after_processing_it() -> None:
    pipeline = _FakePipeline()
    trims: list[int] = []
    trimmer = MallocTrimmer(3, lambda: trims.append(len(pipeline.batches)))

    first = worker.process_then_trim(pipeline, trimmer, ["m1", "m2"])  # type: ignore[arg-type]
    second = worker.process_then_trim(pipeline, trimmer, ["m3"])  # type: ignore[arg-type]

    assert first == ["outcome of m1", "outcome of m2"]
    assert second == ["outcome of m3"]
    assert trims == [2]  # trimmed once, after the second batch was processed


def test_the_real_glibc_trims() -> None:
    """This machine and CI run glibc: the call must be found and return (1 released, 0 not)."""
    trim = glibc_malloc_trim()
    assert trim is not None
    assert trim() in (0, 1)


def test_the_default_config_trims_every_500_messages() -> None:
    assert WorkerConfig().malloc_trim_every == 500


def test_without_a_libc_there_is_no_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(heap.ctypes, "CDLL", missing)

    assert glibc_malloc_trim() is None


def test_a_libc_without_malloc_trim_has_no_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    """musl and macOS's libc have no ``malloc_trim``: looking it up raises AttributeError."""
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: _FakeLibc())

    assert glibc_malloc_trim() is None
