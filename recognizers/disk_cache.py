"""A private on-disk cache for what every process would otherwise work out again at start-up.

Not a recognizer. Three things are kept: the compiled code of the French tokenizer's regex
(``processors/regex_cache.py``, 4 s to compile with plain ``re``), the word hashes of a spaCy model's
lemma tables (``lexicons.dictionary_hashes``, about 0.4 s to read for French) and the word sets read
from Faker, deduce and spaCy's stop words (``lexicons._cached_word_sets``, 0.15 s). None holds
message text.

An entry is one file: a JSON header line, then the payload. The header holds what the entry was
made from (versions, source file size and modification time, ...) and the payload's SHA-256; an
entry is used only when the reader's header fields are all equal and the payload matches its
SHA-256, else it is ignored and made again. Entries are written to a temporary file and renamed,
so a reader sees a whole entry or none.

The directory is ``$PIIFLOW_CACHE_DIR``, else ``$XDG_CACHE_HOME/piiflow``, else
``~/.cache/piiflow``; ``PIIFLOW_CACHE_DIR=off`` turns the cache off. Each kind of entry has its own
subdirectory, created with mode 0700 and not used if another user owns it or others may write to
it: whoever can write an entry decides how text is tokenized or which words count as words. Where
nothing can be written (a read-only container), nothing is cached and start-up is slower; nothing
else changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

LOG = logging.getLogger(__name__)

CACHE_ENV = "PIIFLOW_CACHE_DIR"
OFF = "off"
PAYLOAD_DIGEST = "payload_sha256"
_REFUSED: set[Path] = set()  # directories already reported as unusable (reported once)


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


def private_dir(name: str, base: Path | None = None) -> Path | None:
    """``<base>/<name>`` (``base`` defaults to ``default_cache_dir()``), created with mode 0700;
    None when the cache is off, or the directory cannot be made or is not private."""
    root = base if base is not None else default_cache_dir()
    if root is None:
        return None
    directory = root / name
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
        private = not (hasattr(os, "getuid") and info.st_uid != os.getuid()) and not info.st_mode & (
            stat.S_IWGRP | stat.S_IWOTH
        )
    except OSError:
        private = False
    if private:
        return directory
    if directory not in _REFUSED:
        _REFUSED.add(directory)
        LOG.info("start-up cache not used: directory not private or not writable", extra={"directory": str(directory)})
    return None


def entry_name(*parts: object) -> str:
    """A file name for the entry made from ``parts`` (a digest of them)."""
    key = "\0".join(str(part) for part in parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def entry_path(kind: str, identity: Mapping[str, object], suffix: str) -> Path | None:
    """Where the ``kind`` entry made from ``identity`` lives (``private_dir(kind)``, a file named by
    ``entry_name`` of the identity's values); None when the cache is off or not private."""
    directory = private_dir(kind)
    return directory / (entry_name(*identity.values()) + suffix) if directory is not None else None


def read_entry(path: Path, expected: Mapping[str, object]) -> tuple[dict[str, Any], bytes] | None:
    """The header and payload of the entry at ``path`` when every ``expected`` field is equal in
    its header and the payload matches its digest; None otherwise (missing, foreign, damaged)."""
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            payload = handle.read()
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict) or any(header.get(key) != value for key, value in expected.items()):
        return None
    if header.get(PAYLOAD_DIGEST) != hashlib.sha256(payload).hexdigest():
        LOG.warning("start-up cache entry damaged, made again", extra={"entry": path.name})
        return None
    return header, payload


def write_entry(path: Path, header: Mapping[str, object], payload: bytes) -> bool:
    """Write the entry (``header`` plus the payload's digest, then ``payload``) atomically."""
    line = json.dumps({**header, PAYLOAD_DIGEST: hashlib.sha256(payload).hexdigest()}).encode("utf-8")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # mode 0600
    except OSError:
        LOG.debug("start-up cache not writable", extra={"directory": str(path.parent)})
        return False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(line + b"\n" + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        LOG.debug("start-up cache not writable", extra={"directory": str(path.parent)})
        return False
    return True
