"""A disk cache for the few regular expressions that take seconds to compile when a model loads.

Why: importing ``spacy.lang.fr`` compiles its tokenizer's ``token_match``, one 1.4 MB pattern of
some 280 alternatives with case-insensitive Unicode letter classes, and Python's ``re`` takes about
4 s to compile it: half of ``piiflow detect``'s start-up, in every process, every time. The compiled
form is a list of integers that ``re`` hands to ``_sre.compile``; computing it is the slow part.
So while models load (``cached_compiles``), a pattern whose compilation takes longer than
``SLOW_COMPILE_SECONDS`` has its compiled code written to the cache directory, and the next process
builds the same pattern object from that code in a few milliseconds.

Safety: the result is the very pattern object ``re.compile`` would return, built by ``_sre.compile``
from the same code (which ``_sre`` validates before use). An entry is keyed by the Python version,
``_sre``'s magic number, the flags and the pattern's SHA-256, and carries the SHA-256 of its code;
anything that does not match exactly (another Python, a truncated or edited file) is ignored and
the pattern is compiled as usual. The directory is created private (0700) and is not used if
another user owns it or others can write to it, since whoever can write an entry decides how text
is tokenized. Where the directory cannot be written (a read-only container), nothing is cached and
start-up is as slow as without the cache; nothing else changes.

Where: ``$PIIFLOW_CACHE_DIR``, else ``$XDG_CACHE_HOME/piiflow``, else ``~/.cache/piiflow``;
``PIIFLOW_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import contextlib
import hashlib
import json
import logging
import os
import re
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

LOG = logging.getLogger(__name__)

CACHE_ENV = "PIIFLOW_CACHE_DIR"
OFF = "off"
SUBDIR = "regex"
SLOW_COMPILE_SECONDS = 0.25
MIN_CACHED_LENGTH = 4096  # shorter patterns compile in milliseconds: compiled as usual, no file lookup
_CODE_TYPE = "I"  # _sre's code units are 32-bit unsigned
_FORMAT = 1


def default_cache_dir() -> Path | None:
    """The cache directory the environment asks for (module docstring); None when turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", OFF) else Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "piiflow"
    try:
        return Path.home() / ".cache" / "piiflow"
    except (RuntimeError, KeyError):  # no HOME and no passwd entry (a container run as any uid)
        return None


def _supported() -> bool:
    """The ``re`` internals this module relies on are there, with 32-bit code units."""
    return (
        callable(getattr(_compiler, "_code", None))
        and callable(getattr(_parser, "parse", None))
        and callable(getattr(_sre, "compile", None))
        and array.array(_CODE_TYPE).itemsize == 4
        and getattr(_sre, "CODESIZE", 4) == 4
    )


def _private_dir(directory: Path) -> bool:
    """Create ``directory`` (0700) if needed; True when it is ours and nobody else may write to it."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _entry_name(pattern: str, flags: int) -> str:
    key = f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest() + ".re"


def _pattern_digest(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()


class CompiledRegexCache:
    """Compiled ``re`` code for slow patterns, in one private directory (module docstring)."""

    def __init__(self, directory: Path, slow_seconds: float = SLOW_COMPILE_SECONDS) -> None:
        self.directory = directory
        self.slow_seconds = slow_seconds
        self.hits = 0
        self.stored = 0

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        """``re``'s compilation of ``pattern``: from the cache when there, else compiled (and stored
        when it was slow). Same steps as CPython's ``re._compiler.compile``, keeping the code."""
        path = self.directory / _entry_name(pattern, flags)
        cached = self._load(path, pattern, flags)
        if cached is not None:
            self.hits += 1
            return cached
        started = time.perf_counter()
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags = flags | tree.state.flags
        groups = tree.state.groups - 1
        compiled: re.Pattern[str] = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        if time.perf_counter() - started >= self.slow_seconds:
            self._store(path, pattern, flags, final_flags, code, groups, groupindex, indexgroup)
        return compiled

    def _load(self, path: Path, pattern: str, flags: int) -> re.Pattern[str] | None:
        try:
            with path.open("rb") as handle:
                header = json.loads(handle.readline())
                raw = handle.read()
        except (OSError, ValueError):
            return None
        try:
            if (
                header["format"] != _FORMAT
                or header["python"] != sys.version
                or header["magic"] != _sre.MAGIC
                or header["flags"] != flags
                or header["pattern_sha256"] != _pattern_digest(pattern)
                or header["code_sha256"] != hashlib.sha256(raw).hexdigest()
            ):
                return None
            code = array.array(_CODE_TYPE)
            code.frombytes(raw)
            groupindex = {str(k): int(v) for k, v in header["groupindex"].items()}
            indexgroup = tuple(None if g is None else str(g) for g in header["indexgroup"])
            compiled: re.Pattern[str] = _sre.compile(
                pattern, int(header["final_flags"]), code.tolist(), int(header["groups"]), groupindex, indexgroup
            )
        except (KeyError, TypeError, ValueError, RuntimeError):
            LOG.warning("compiled-regex cache entry unusable, compiling instead", extra={"entry": path.name})
            return None
        return compiled

    def _store(
        self,
        path: Path,
        pattern: str,
        flags: int,
        final_flags: int,
        code: list[int],
        groups: int,
        groupindex: dict[str, int],
        indexgroup: list[str | None],
    ) -> None:
        raw = array.array(_CODE_TYPE, code).tobytes()
        header = {
            "format": _FORMAT,
            "python": sys.version,
            "magic": _sre.MAGIC,
            "flags": flags,
            "final_flags": final_flags,
            "groups": groups,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
            "pattern_sha256": _pattern_digest(pattern),
            "code_sha256": hashlib.sha256(raw).hexdigest(),
        }
        try:
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")  # mode 0600
        except OSError:
            LOG.debug("compiled-regex cache not writable", extra={"directory": str(self.directory)})
            return
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(json.dumps(header).encode("ascii") + b"\n" + raw)
            os.replace(temporary, path)  # readers see a whole entry or none
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            LOG.debug("compiled-regex cache not writable", extra={"directory": str(self.directory)})
            return
        self.stored += 1


_PATCH_LOCK = threading.RLock()  # one block at a time swaps re's compile function
_REFUSED: set[Path] = set()  # directories already reported as unusable (reported once)


@contextlib.contextmanager
def cached_compiles(
    directory: Path | None = None, slow_seconds: float = SLOW_COMPILE_SECONDS
) -> Iterator[CompiledRegexCache | None]:
    """Within this block, ``re`` takes slow patterns from the cache in ``directory`` (default:
    ``default_cache_dir()``) and stores those that took ``slow_seconds`` or more to compile.
    Yields the cache, or None when it is off or unusable. Blocks of several threads run one after
    the other: ``re``'s compile function is swapped for the duration of one block."""
    directory = directory if directory is not None else default_cache_dir()
    if directory is None or not _supported():
        yield None
        return
    directory = directory / SUBDIR
    if not _private_dir(directory):
        if directory not in _REFUSED:
            _REFUSED.add(directory)
            LOG.info(
                "compiled-regex cache not used: directory not private or not writable",
                extra={"directory": str(directory)},
            )
        yield None
        return
    cache = CompiledRegexCache(directory, slow_seconds)
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
