"""A disk cache for the few regular expressions that take seconds to compile when a model loads.

Why: importing ``spacy.lang.fr`` compiles its tokenizer's ``token_match``, one 1.4 MB pattern of
some 280 alternatives with case-insensitive Unicode letter classes, and Python's ``re`` takes about
4 s to compile it: half of ``piiflow detect``'s start-up, in every process, every time. The compiled
form is a list of integers that ``re`` hands to ``_sre.compile``; computing it is the slow part.
So while models load (``cached_compiles``), a pattern whose compilation takes longer than
``SLOW_COMPILE_SECONDS`` has its compiled code written to the cache directory, and the next process
builds the same pattern object from that code in a few milliseconds.

The result is the very pattern object ``re.compile`` would return, built by ``_sre.compile``
from the same code (which ``_sre`` also validates). Entries live in the ``regex/`` subdirectory of
piiflow's start-up cache (``recognizers/disk_cache.py``: where it is, how it is kept private, how
entries are checked), keyed by the Python version, ``_sre``'s magic number, the flags and the
pattern's SHA-256; anything that does not match exactly is ignored and the pattern compiled as
usual.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import contextlib
import hashlib
import logging
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from recognizers.disk_cache import entry_name, private_dir, read_entry, write_entry

LOG = logging.getLogger(__name__)

SUBDIR = "regex"
SLOW_COMPILE_SECONDS = 0.25
MIN_CACHED_LENGTH = 4096  # shorter patterns compile in milliseconds: compiled as usual, no file lookup
_CODE_TYPE = "I"  # _sre's code units are 32-bit unsigned
_FORMAT = 2  # 2: entries in the shared start-up cache format (recognizers/disk_cache.py)


def _supported() -> bool:
    """The ``re`` internals this module relies on are there, with 32-bit code units."""
    return (
        callable(getattr(_compiler, "_code", None))
        and callable(getattr(_compiler, "_optimize_charset", None))
        and callable(getattr(_parser, "parse", None))
        and callable(getattr(_sre, "compile", None))
        and array.array(_CODE_TYPE).itemsize == 4
        and getattr(_sre, "CODESIZE", 4) == 4
    )


class CompiledRegexCache:
    """Compiled ``re`` code for slow patterns, in one private directory (module docstring)."""

    def __init__(self, directory: Path, slow_seconds: float = SLOW_COMPILE_SECONDS) -> None:
        self.directory = directory
        self.slow_seconds = slow_seconds
        self.hits = 0
        self.stored = 0

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        """``re``'s compilation of ``pattern``: from the cache when there, else compiled (and stored
        when it was slow). Same steps as CPython's ``re._compiler.compile``, keeping the code, with
        each distinct character class optimised once (``_charsets_optimised_once``)."""
        identity = self._identity(pattern, flags)
        path = self.directory / (entry_name(*identity.values()) + ".re")
        cached = self._load(path, pattern, identity)
        if cached is not None:
            self.hits += 1
            return cached
        started = time.perf_counter()
        tree = _parser.parse(pattern, flags)
        with _PATCH_LOCK, _charsets_optimised_once():
            code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags = flags | tree.state.flags
        groups = tree.state.groups - 1
        compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        if time.perf_counter() - started >= self.slow_seconds:
            self._store(path, identity, final_flags, code, groups, groupindex, indexgroup)
        return compiled

    def _load(self, path: Path, pattern: str, identity: dict[str, object]) -> re.Pattern[str] | None:
        entry = read_entry(path, identity)
        if entry is None:
            return None
        header, raw = entry
        try:
            code = array.array(_CODE_TYPE)
            code.frombytes(raw)
            groupindex = {str(k): int(v) for k, v in header["groupindex"].items()}
            indexgroup = tuple(None if g is None else str(g) for g in header["indexgroup"])
            compiled: re.Pattern[str] = _sre.compile(
                pattern, int(header["final_flags"]), code.tolist(), int(header["groups"]), groupindex, indexgroup
            )
        except (KeyError, TypeError, ValueError, AttributeError, RuntimeError):
            LOG.warning("compiled-regex cache entry unusable, compiling instead", extra={"entry": path.name})
            return None
        return compiled

    @staticmethod
    def _identity(pattern: str, flags: int) -> dict[str, object]:
        """The header fields an entry for ``pattern`` must hold to be used by this Python."""
        return {
            "format": _FORMAT,
            "python": sys.version,
            "magic": _sre.MAGIC,
            "flags": flags,
            "pattern_sha256": hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest(),
        }

    def _store(
        self,
        path: Path,
        identity: dict[str, object],
        final_flags: int,
        code: list[int],
        groups: int,
        groupindex: dict[str, int],
        indexgroup: list[str | None],
    ) -> None:
        header = {
            **identity,
            "final_flags": final_flags,
            "groups": groups,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
        }
        if write_entry(path, header, array.array(_CODE_TYPE, code).tobytes()):
            self.stored += 1


_PATCH_LOCK = threading.RLock()  # one block at a time swaps re's compile function


@contextlib.contextmanager
def _charsets_optimised_once() -> Iterator[None]:
    """Within this block, ``re`` optimises each distinct character class once.

    The French tokenizer's pattern repeats the same few letter classes (all lower-case letters,
    hyphens, elisions) in some 280 alternatives, and ``re`` works each occurrence out again:
    ``_optimize_charset`` took 3 of the 4 s of a first compile. It is a pure function of its
    arguments, so its answers are remembered for the block (4.1 s -> 1.1 s for that pattern; the
    code is the same, which the tests check by comparing with a plain compile). Callers hold
    ``_PATCH_LOCK``.
    """
    original: Callable[..., Any] = _compiler._optimize_charset
    answers: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    def optimise(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> tuple[list[Any], Any]:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            answer = answers.get(key)
        except TypeError:  # an unhashable item: nothing to remember
            out, hascased = original(charset, iscased, fixup, fixes)
            return list(out), hascased
        if answer is None:
            out, hascased = original(charset, iscased, fixup, fixes)
            answer = answers[key] = (tuple(out), hascased)
        return list(answer[0]), answer[1]  # a fresh list each time, as re's own function returns

    _compiler._optimize_charset = optimise
    try:
        yield
    finally:
        _compiler._optimize_charset = original


@contextlib.contextmanager
def cached_compiles(
    directory: Path | None = None, slow_seconds: float = SLOW_COMPILE_SECONDS
) -> Iterator[CompiledRegexCache | None]:
    """Within this block, ``re`` takes slow patterns from the cache in ``directory`` (default:
    piiflow's start-up cache directory) and stores those that took ``slow_seconds`` or more to
    compile. Yields the cache, or None when it is off or unusable. Blocks of several threads run
    one after the other: ``re``'s compile function is swapped for the duration of one block."""
    cache_dir = private_dir(SUBDIR, directory) if _supported() else None
    if cache_dir is None:
        yield None
        return
    cache = CompiledRegexCache(cache_dir, slow_seconds)
    with _PATCH_LOCK:
        original: Callable[..., Any] = _compiler.compile

        def compile_with_cache(p: Any, flags: int = 0) -> Any:
            if isinstance(p, str) and len(p) >= MIN_CACHED_LENGTH and not flags & re.DEBUG:
                return cache.compile(p, flags)
            return original(p, flags)

        _compiler.compile = compile_with_cache
        try:
            yield cache
        finally:
            _compiler.compile = original
            if cache.hits or cache.stored:
                LOG.debug("compiled-regex cache used", extra={"from_cache": cache.hits, "stored": cache.stored})
