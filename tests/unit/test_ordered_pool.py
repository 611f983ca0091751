"""``map_in_order``: forked processes, results in input order, a bounded number in flight, failures
raised where they happen."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from processors import ordered_pool
from processors.ordered_pool import (
    AUTO_JOBS_CAP,
    IN_FLIGHT_PER_PROCESS,
    cgroup_cpu_limit,
    fork_available,
    map_in_order,
    processes_for,
)

pytestmark = pytest.mark.skipif(not fork_available(), reason="needs the fork start method")


def test_results_come_in_input_order_although_later_items_finish_first() -> None:
    def slow_then_fast(item: int) -> tuple[int, int]:
        time.sleep(0.05 if item % 3 == 0 else 0.0)
        return item, os.getpid()

    results = list(map_in_order(slow_then_fast, range(12), processes=2))

    assert [item for item, _ in results] == list(range(12))
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and len(pids) == 2  # the work ran in the two children


def test_the_function_is_inherited_not_pickled() -> None:
    loaded = {"table": [10, 20, 30]}  # stands for the parent's models

    def closure(item: int) -> int:  # a closure cannot be pickled; forked children inherit it
        return loaded["table"][item]

    assert list(map_in_order(closure, [2, 0, 1], processes=2)) == [30, 10, 20]


def test_items_are_not_read_far_ahead() -> None:
    pulled: list[int] = []

    def items() -> Iterator[int]:
        for item in range(40):
            pulled.append(item)
            yield item

    results = map_in_order(lambda item: item, items(), processes=2)
    assert next(results) == 0
    assert len(pulled) <= 2 * IN_FLIGHT_PER_PROCESS + 1
    assert list(results) == list(range(1, 40))


def test_an_error_in_a_child_comes_after_every_earlier_result() -> None:
    def fails_at_five(item: int) -> int:
        if item == 5:
            raise LookupError("no model for item 5")
        return item

    seen: list[int] = []
    with pytest.raises(LookupError, match="no model for item 5"):
        for result in map_in_order(fails_at_five, range(10), processes=2):
            seen.append(result)
    assert seen == [0, 1, 2, 3, 4]


def test_a_child_that_dies_breaks_the_pool() -> None:
    def dies_at_three(item: int) -> int:
        if item == 3:
            os._exit(9)  # killed, out of memory
        return item

    with pytest.raises(BrokenProcessPool):
        list(map_in_order(dies_at_three, range(8), processes=2))


def test_at_least_one_process() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(map_in_order(lambda item: item, [1], processes=0))


def _fails_to_start() -> None:
    raise RuntimeError("cannot start")


def test_a_pool_that_cannot_start_is_shut_down(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from processors import ordered_pool

    shut: list[bool] = []

    class Recording(ProcessPoolExecutor):
        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            shut.append(cancel_futures)
            super().shutdown(wait=wait, cancel_futures=cancel_futures)

    monkeypatch.setattr(ordered_pool, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(ordered_pool, "_ready", _fails_to_start)
    with pytest.raises(RuntimeError, match="cannot start"):
        ordered_pool.OrderedPool(lambda item: item, processes=2)
    assert shut == [True]  # shut down at once, not left to the garbage collector
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def _cgroup(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"cpu.max": "200000 100000\n"}, 2),  # cgroup v2: two CPUs
        ({"cpu.max": "150000 100000\n"}, 2),  # one and a half: rounded up
        ({"cpu.max": "50000 100000\n"}, 1),
        ({"cpu.max": "max 100000\n"}, None),  # no quota
        ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),  # cgroup v1
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({}, None),  # no control group files at all
        ({"cpu.max": "garbage"}, None),
    ],
)
def test_a_control_groups_cpu_quota(tmp_path: Path, files: dict[str, str], expected: int | None) -> None:
    assert cgroup_cpu_limit(_cgroup(tmp_path, files)) == expected


def test_usable_cpus_keep_within_the_quota(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ordered_pool, "cgroup_cpu_limit", lambda: 1)
    assert ordered_pool.usable_cpus() == 1
    monkeypatch.setattr(ordered_pool, "cgroup_cpu_limit", lambda: None)
    assert ordered_pool.usable_cpus() == len(os.sched_getaffinity(0))


def test_jobs_not_given_take_the_usable_cpus_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ordered_pool, "fork_available", lambda: True)
    monkeypatch.setattr(ordered_pool, "usable_cpus", lambda: 64)
    assert processes_for(None) == (AUTO_JOBS_CAP, None)
    assert processes_for(0) == (64, None)  # asked for every CPU: every CPU
    monkeypatch.setattr(ordered_pool, "usable_cpus", lambda: 2)
    assert processes_for(None) == (2, None)
    monkeypatch.setattr(ordered_pool, "fork_available", lambda: False)
    assert processes_for(None) == (1, None)  # quietly: nothing was asked for
    assert processes_for(2)[0] == 1
