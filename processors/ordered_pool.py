"""A function over a stream of items in forked processes, results in input order, a few in flight.

Why: ``piiflow detect`` and ``piiflow redact`` over a large file are CPU-bound and one Python
process uses one core. Detection of a batch is independent of every other batch (``redact`` keeps
its per-conversation steps in its own process: ``Pipeline.prepare`` and ``finish``), so ``--jobs N``
runs it in N processes.

Why fork: by the time the pool starts, the parent has loaded the detector (models, recognizers,
lexicons: 200-400 MB, seconds of work) and frozen that heap out of the garbage collector's reach
(``processors.heap``). Forked children inherit it page by page, copy-on-write, and start at once; a
spawned child would load everything again. The function and what it reaches are inherited, not
pickled (``initializer``); only the items and the results cross the pipe. Linux, and other systems
with the ``fork`` start method; ``fork_available`` says whether this one has it.

Bounded: at most ``IN_FLIGHT_PER_PROCESS`` items per process are submitted ahead of the one the
caller waits for, so a large file is never read ahead into memory, and results come back in the
order of the items whatever order the processes finish in.

Failures: an exception raised by the function in a child is raised again in the parent when the
caller reaches that item (every earlier result has been handed over by then). A child that dies
(killed, out of memory) breaks the pool: ``BrokenProcessPool`` reaches the caller at the next
result. Children ignore SIGINT: an interrupt stops the parent, which cancels what has not started.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Generic, TypeVar

_In = TypeVar("_In")
_Out = TypeVar("_Out")

IN_FLIGHT_PER_PROCESS = 2

# In a child only: the function its parent handed over (set by ``_adopt`` when the child starts).
_ADOPTED: list[Callable[[Any], Any]] = []


def fork_available() -> bool:
    """Whether this system can fork worker processes (Linux can; Windows cannot)."""
    return "fork" in multiprocessing.get_all_start_methods()


#: Where Linux control groups state a CPU quota: v2's ``cpu.max`` ("200000 100000": two CPUs;
#: "max 100000": none), then v1's quota and period (-1: none). A container limited to one CPU on
#: a 32-core host sees 32 in its affinity mask; its quota says 1.
CGROUP_ROOT = Path("/sys/fs/cgroup")

#: The most processes ``--jobs`` takes when not given: each process is a few hundred MB once its
#: pages are copied, and a large host's every core is rarely what a file command should take.
AUTO_JOBS_CAP = 4


def cgroup_cpu_limit(root: Path = CGROUP_ROOT) -> int | None:
    """The CPUs this process's control group may use, rounded up, when a quota is set."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
        if quota != "max":
            return max(1, math.ceil(int(quota) / int(period)))
        return None
    except (OSError, ValueError):
        pass
    try:
        quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return max(1, math.ceil(quota_us / period_us)) if quota_us > 0 and period_us > 0 else None


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity mask where the system has one, and no more
    than its control group's CPU quota."""
    affinity = getattr(os, "sched_getaffinity", None)
    cpus = len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    limit = cgroup_cpu_limit()
    return min(cpus, limit) if limit is not None else cpus


def processes_for(jobs: int | None) -> tuple[int, str | None]:
    """The processes a ``--jobs`` value asks for, and a notice when this system cannot fork them
    (one process then). 0: one per usable CPU. ``None`` (not given): one per usable CPU up to
    ``AUTO_JOBS_CAP``, quietly one where the system cannot fork."""
    if jobs is None:
        return (min(usable_cpus(), AUTO_JOBS_CAP) if fork_available() else 1), None
    processes = usable_cpus() if jobs == 0 else jobs
    if processes > 1 and not fork_available():
        return 1, "--jobs needs the fork start method (Linux); running in one process"
    return processes, None


def _adopt(call: Callable[[Any], Any]) -> None:
    """Child start-up: keep the inherited function; leave interrupts to the parent."""
    _ADOPTED[:] = [call]
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(item: Any) -> Any:
    return _ADOPTED[0](item)  # ``_adopt`` ran in every child before any item arrives


def _ready() -> None:
    """A task that does nothing: submitting it makes the pool fork its processes."""


class OrderedPool(Generic[_In, _Out]):
    """``processes`` forked processes running ``call``; ``map`` hands back results in input order.

    The processes are forked when the pool is made, so everything the parent loaded before that is
    shared with them. Make it before starting any thread (a progress bar's refresh thread): a
    child inherits the locks other threads held at the fork, and one it needs could stay taken.
    Requires ``fork_available()``.
    """

    def __init__(self, call: Callable[[_In], _Out], processes: int) -> None:
        if processes < 1:
            raise ValueError("processes must be at least 1")
        self.processes = processes
        self._pool = ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("fork"), initializer=_adopt, initargs=(call,)
        )
        try:
            self._pool.submit(_ready).result()  # fork them all now (the fork context starts them together)
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def map(self, items: Iterable[_In]) -> Iterator[_Out]:
        """``call(item)`` for each of ``items``, in order; at most ``IN_FLIGHT_PER_PROCESS`` items
        per process are submitted ahead of the one waited for."""
        pending: deque[Future[_Out]] = deque()
        try:
            for item in items:
                pending.append(self._pool.submit(_run, item))
                while len(pending) > self.processes * IN_FLIGHT_PER_PROCESS:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        """Cancel what has not started, wait for what has, end the processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> OrderedPool[_In, _Out]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def batched(items: Iterable[_In], size: int) -> Iterator[list[_In]]:
    """``items`` in lists of ``size``, the last one shorter if need be: how the commands cut a file
    into the batches they process or hand to a pool (``itertools.batched`` arrived in Python 3.12)."""
    batch: list[_In] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_in_order(call: Callable[[_In], _Out], items: Iterable[_In], processes: int) -> Iterator[_Out]:
    """``OrderedPool(call, processes).map(items)``, the pool forked when the first result is asked for
    and closed when the results end (or the caller stops)."""
    with OrderedPool(call, processes) as pool:
        yield from pool.map(items)
