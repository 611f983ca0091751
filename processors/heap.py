"""What a long-running piiflow process does to its heap once its models are loaded: Python's garbage
collector (``freeze_startup_heap``) and glibc's allocator (``one_malloc_arena``, ``MallocTrimmer``)."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import os
from collections.abc import Callable, Iterator, Mapping


def freeze_startup_heap() -> None:
    """Keep the models and lexicons out of the garbage collector's full passes.

    Loading leaves over a hundred thousand container objects (spaCy models, lexicons, Presidio's
    recognizers) that live as long as the process, and each full collection walks them all. Run
    in-process over 20,000 messages in batches of 8 on the 2-core VM, the pipeline went through one
    full collection: 417 ms without this, 22 ms with it, a stall of every message in flight. Over
    the 5,000-message benchmark corpus in batches of 256, ``DetectService.detect`` spent 0.18 s in
    the collector without it and 0.05 s with it (of 4-5 s). ``gc.freeze`` moves what exists now to
    a generation the collector never scans; it was never going to be freed anyway. The worker,
    ``piiflow detect``, ``piiflow redact`` and ``piiflow eval`` call it once their models are loaded;
    ``detect`` and ``eval`` load a language's model when it first comes up, and the detector calls
    it again then (``Detector(on_demand=True)``).
    """
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic runs of Python's cyclic garbage collector inside the block (as before, after).

    For start-up: importing spaCy and Presidio, loading a model and building the lexicons allocate
    a few hundred thousand objects that live as long as the process, and the collector, triggered
    by allocation counts, walks the growing heap again and again meanwhile: about 440 collections,
    five of them full, before ``piiflow detect`` had analysed one line, finding little to free.
    The console script pauses it around its imports and then freezes what they made
    (``processors.console``); the detector pauses it while it loads a language, and
    ``freeze_startup_heap`` collects once after. ``piiflow detect`` on one line spent 0.02 instead
    of 0.21 s in the collector and took 1.44-1.49 instead of 1.61-1.63 s; on the 1,500 lines of
    en_presidio_synth 0.04 instead of 0.22-0.26 s, 2.98-3.08 instead of 3.14-3.27 s (three
    alternating runs each, 2026-12-04).
    """
    threshold = gc.get_threshold()
    # a first threshold of 0 turns automatic collection off. Not gc.disable(): spaCy's model files
    # are read through srsly, which calls gc.disable() and then gc.enable() around every msgpack
    # load, and so would switch the collector back on halfway through loading.
    gc.set_threshold(0, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _c_library() -> ctypes.CDLL:
    """The process's C library (raises OSError where it cannot be opened)."""
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")


M_ARENA_MAX = -8  # glibc's mallopt parameter for the number of malloc arenas (malloc.h)


def one_malloc_arena(environ: Mapping[str, str] = os.environ) -> bool:
    """Ask glibc for a single malloc arena, unless the operator set ``MALLOC_ARENA_MAX`` themselves.

    Why: glibc gives a thread that allocates while another holds the main arena an arena of its
    own, and the worker runs the pipeline in an executor thread beside the event loop: two heaps,
    each fragmented by the other's frees and neither giving memory back. With one arena, the
    pipeline over 100,000 generated messages in a thread (in-process probe) sat 30 MB lower and grew
    33 instead of 39 MB between 10,000 and 100,000 messages. Allocation under the GIL rarely
    contends. Returns whether the setting was applied; False off glibc (musl, macOS), where there
    is nothing to set. Call it before the process starts threads.
    """
    if environ.get("MALLOC_ARENA_MAX"):
        return False  # glibc read the operator's own setting at start-up
    try:
        mallopt = _c_library().mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_ARENA_MAX, 1))


def glibc_malloc_trim() -> Callable[[], object] | None:
    """glibc's ``malloc_trim(0)``, or None off glibc (musl, macOS), where there is no such call."""
    try:
        trim = _c_library().malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)


class MallocTrimmer:
    """Gives the memory glibc keeps after frees back to the system, every ``every`` messages.

    Why: glibc returns freed memory to the system only from the top of its heap; what is freed
    below live blocks stays in the process's RSS until a later allocation reuses it. The worker
    frees a batch's worth of records, results and spaCy docs after every batch, between blocks that
    live on (caches, conversation tables), so its RSS creeps up with the heap's holes.
    ``malloc_trim(0)`` hands the free pages inside the heap back (``madvise``). In seven
    alternating runs of ``bench_e2e.py --rss-run 100000`` (2026-12-03), RSS after 10,000 and
    100,000 messages was 457/487, 465/500, 465/491 and 467/500 MB with trimming, against 469/509,
    470/508 and 464/507 MB without, throughput 357-456 msg/s either way. A call took 0.24-1.2 ms
    in-process (batches of 16 to 256), a few µs a message at the default of 500. ``every`` 0, or
    no glibc: never.
    """

    def __init__(self, every: int, trim: Callable[[], object] | None) -> None:
        self.every = every
        self._trim = trim if every > 0 else None
        self._since = 0
        self.trims = 0

    def processed(self, messages: int) -> None:
        """Count ``messages`` just processed; trim once ``every`` have been since the last trim."""
        if self._trim is None:
            return
        self._since += messages
        if self._since >= self.every:
            self._since = 0
            self._trim()
            self.trims += 1
