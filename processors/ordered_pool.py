"""A function over a stream of items in forked processes, results in input order, a few in flight.

Why: ``piiflow detect`` over a large file is CPU-bound and one Python process uses one core. Its
batches are independent (no conversation state), so ``--jobs N`` runs them in N processes.

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

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

_In = TypeVar("_In")
_Out = TypeVar("_Out")

IN_FLIGHT_PER_PROCESS = 2

# In a child only: the function its parent handed over (set by ``_adopt`` when the child starts).
_ADOPTED: list[Callable[[Any], Any]] = []


def fork_available() -> bool:
    """Whether this system can fork worker processes (Linux can; Windows cannot)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _adopt(call: Callable[[Any], Any]) -> None:
    """Child start-up: keep the inherited function; leave interrupts to the parent."""
    _ADOPTED[:] = [call]
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(item: Any) -> Any:
    return _ADOPTED[0](item)  # ``_adopt`` ran in every child before any item arrives


def map_in_order(call: Callable[[_In], _Out], items: Iterable[_In], processes: int) -> Iterator[_Out]:
    """``call(item)`` for each of ``items``, in order, computed in ``processes`` forked processes.

    The processes are forked when the first item is submitted, so everything the parent loaded
    before that is shared with them. Requires ``fork_available()``.
    """
    if processes < 1:
        raise ValueError("processes must be at least 1")
    pending: deque[Future[_Out]] = deque()
    pool = ProcessPoolExecutor(
        processes, mp_context=multiprocessing.get_context("fork"), initializer=_adopt, initargs=(call,)
    )
    try:
        for item in items:
            pending.append(pool.submit(_run, item))
            while len(pending) > processes * IN_FLIGHT_PER_PROCESS:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
