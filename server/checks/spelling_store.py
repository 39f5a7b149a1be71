"""The spelling suggestion data as an SQLite file in the cache folder, read a few rows per typo.

A fresh ``vesko check`` with one typo needs a handful of the suggestion index's ~millions of entries;
unpickling the whole index (~0.2 s) and reading the Russian word list (~0.07 s) was most of its start.
This file holds the same data — the symspellpy index's deletes and counts, every known form with how it
is written — and :func:`open_store` gives read-only mappings over it, so that ``SymSpell.lookup`` and
the spelling rule get exactly the answers the in-memory data gives. The service loads everything into
memory at start instead (see :func:`.spelling_dictionaries.load_in_memory`): look-ups there stay dict-fast.
A plain set of words (the English dictionary's 160k known words) is kept the same way, as one table
(:func:`write_word_set`, :func:`open_word_set`).
"""
from __future__ import annotations

import contextlib
import copy
import os
import pickle
import sqlite3
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

FORMAT = "1"  # bumped when the tables change
SEPARATOR = "\0"  # between the suggestions of one delete (no word holds it)


class Store:
    """One SQLite file, a read-only connection per process and thread (never shared across a fork)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()

    def connection(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            local.pid = os.getpid()
        return local.connection

    def row(self, table: str, key: str):
        try:
            return self.connection().execute(f"SELECT v FROM {table} WHERE k = ?", (key,)).fetchone()  # noqa: S608
        except UnicodeEncodeError:  # a lone surrogate: no stored word holds one
            return None


class Table(Mapping):
    """A read-only ``dict`` over one table of the store."""

    def __init__(self, store: Store, table: str, decode=lambda v: v):
        self._store, self._table, self._decode = store, table, decode

    def __getitem__(self, key):
        row = self._store.row(self._table, key) if isinstance(key, str) else None
        if row is None:
            raise KeyError(key)
        return self._decode(row[0])

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self._store.row(self._table, key) is not None

    def __iter__(self):
        yield from (k for (k,) in self._store.connection().execute(f"SELECT k FROM {self._table} ORDER BY k"))  # noqa: S608

    def __len__(self) -> int:
        return self._store.connection().execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]  # noqa: S608


class StoredWords:
    """:class:`.spelling_dictionaries.Words` read from the store: the same ``known``, ``spelled``, ``next_known``."""

    def __init__(self, store: Store):
        self._store = store
        self.known = Table(store, "forms")
        self.spelled = Table(store, "spelled")

    def next_known(self, word: str) -> str | None:
        """The first known form at or after ``word`` in code-point order (SQLite compares UTF-8 bytes: the same)."""
        row = self._store.connection().execute("SELECT k FROM forms WHERE k >= ? ORDER BY k LIMIT 1", (word,)).fetchone()
        return row[0] if row else None


def open_store(path: Path):
    """``(symspell index, words)`` reading from the store at ``path``; FileNotFoundError when there is none."""
    if not path.exists():
        raise FileNotFoundError(path)
    store = Store(path)
    index = pickle.loads(store.row("meta", "index")[0])
    index._deletes = Table(store, "deletes", lambda v: v.split(SEPARATOR))
    index._words = Table(store, "words")
    return index, StoredWords(store)


def open_word_set(path: Path) -> Table:
    """The words :func:`write_word_set` stored at ``path``, as a read-only set; FileNotFoundError when there are none."""
    if not path.exists():
        raise FileNotFoundError(path)
    store = Store(path)
    store.row("forms", "")  # a truncated or foreign file fails here (sqlite3.Error), not in the middle of a check
    return Table(store, "forms")


def write_store(path: Path, index, known, spelled: dict) -> None:
    """Write the store for ``index`` (a SymSpell), the ``known`` forms and ``spelled``; atomically, or not at all."""
    deletes, words = index._deletes, index._words
    shell = copy.copy(index)  # the index without its two big tables, which the store holds
    shell._deletes, shell._words = {}, {}

    def fill(db: sqlite3.Connection) -> None:
        for table, kind in (("meta", "BLOB"), ("deletes", "TEXT"), ("words", "INTEGER"), ("spelled", "TEXT")):
            db.execute(f"CREATE TABLE {table} (k TEXT PRIMARY KEY, v {kind}) WITHOUT ROWID")
        db.executemany("INSERT INTO deletes VALUES (?, ?)", ((k, SEPARATOR.join(v)) for k, v in deletes.items()))
        db.executemany("INSERT INTO words VALUES (?, ?)", words.items())
        db.executemany("INSERT INTO spelled VALUES (?, ?)", spelled.items())
        db.execute("INSERT INTO meta VALUES ('index', ?)", (pickle.dumps(shell, protocol=pickle.HIGHEST_PROTOCOL),))

    _write(path, known, fill)


def write_word_set(path: Path, words) -> None:
    """Store a set of words for :func:`open_word_set`; atomically, or not at all."""
    _write(path, words, lambda db: None)


def _write(path: Path, known, fill) -> None:
    """A new SQLite file with the ``forms`` table of ``known`` and what ``fill`` adds, renamed into place when whole."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        os.close(handle)
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("CREATE TABLE forms (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            db.executemany("INSERT INTO forms VALUES (?, NULL)", ((k,) for k in known))
            fill(db)
            db.commit()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
