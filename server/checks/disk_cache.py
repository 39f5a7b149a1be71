"""Derived data kept on disk between processes, so that a fresh process does not rebuild it.

Some of the checker's data is slow to derive and fast to read back: the spelling rule's suggestion
index takes ~1 s to build from a word list and ~0.2 s to unpickle. :func:`cached` keeps such a value
in the user's cache folder (``$XDG_CACHE_HOME/vesko``, by default ``~/.cache/vesko``), named after a
fingerprint of everything it is derived from, so a changed source file or a new library version makes
a new entry instead of a stale read; entries of other fingerprints that no process has read for
``STALE_DAYS`` are deleted when a new one is written (an upgrade would otherwise leave ~100 MB behind
each time). The files are never part of the repository. When the folder cannot be written (a read-only home, a sandbox) the value is simply
built in memory, as it was before the cache existed.
"""
from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import pickle
import re
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
# Bumped when what is pickled changes shape: old files are then ignored, not misread.
FORMAT = "1"
# A file of another fingerprint not read for this long belongs to a version no longer run.
STALE_DAYS = 14


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vesko"


def fingerprint(*parts: object) -> str:
    """A short digest of the sources: file contents for paths, ``repr`` for anything else."""
    digest = hashlib.sha256(FORMAT.encode())
    for part in parts:
        digest.update(Path(part).read_bytes() if isinstance(part, Path) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value ``build()`` returns, read from ``<folder>/<name>-<key>.pickle`` when a process already built it."""
    path = folder() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
        touch(path)
        return value
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: rebuild and overwrite it
        log.warning("ignoring unreadable cache file %s: %s", path, error)
    value = build()
    _store(path, value)
    prune(path, name)
    return value


def store(name: str, key: str, value: object) -> None:
    """Replace what :func:`cached` reads for ``name`` and ``key`` (a value that grew in the process)."""
    _store(folder() / f"{name}-{key}.pickle", value)


def touch(path: Path) -> None:
    """Mark a cache file as read now: files in use are never pruned."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(path: Path, name: str) -> None:
    """Delete the files of ``name`` under other fingerprints (and half-written ones) not touched for STALE_DAYS.

    Every reader treats a missing file as not built yet, so a file deleted under a process of an old
    version costs that process a rebuild, never an error."""
    others = re.compile(rf"{re.escape(name)}-(?:[0-9a-f]{{20}}(?:-\w+)?\.(?:pickle|sqlite)|.*\.tmp)")
    cutoff = time.time() - STALE_DAYS * 86400
    with contextlib.suppress(OSError):
        for other in path.parent.iterdir():
            if other != path and others.fullmatch(other.name):
                with contextlib.suppress(OSError):
                    if other.stat().st_mtime < cutoff:
                        other.unlink()
                        log.info("deleted %s, not used for %d days", other.name, STALE_DAYS)


def _store(path: Path, value: object) -> None:
    """Written to a temporary file and renamed, so that a concurrent reader never sees half a file."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        with os.fdopen(handle, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        log.info("not caching %s: %s", path.name, error)
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


class Memo:
    """Values derived from their keys alone (a pattern's literals, its plan), kept across processes.

    Read from the cache folder on first use; saved back at exit when the process added a value, so a
    fresh process finds what earlier ones derived (a change to the ``fingerprint`` parts starts afresh).
    """

    def __init__(self, name: str, *fingerprint_parts: object):
        self.name, self.key = name, fingerprint(*fingerprint_parts)
        self._values: dict | None = None
        self._grew = False

    def get(self, key, compute: Callable[[], T]) -> T:
        if self._values is None:
            self._values = cached(self.name, self.key, dict)
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = compute()
            if not self._grew:
                self._grew = True
                atexit.register(self.save)
            return value

    def save(self) -> None:
        store(self.name, self.key, self._values)
