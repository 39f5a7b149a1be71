"""The spelling rule's word lists and suggestion indexes, loaded only as far as a check needs them.

Three things, each loaded on first use and kept for the process:

* the known words (English: pyspellchecker's frequency dictionary, which a fresh process asks of an
  SQLite copy in the cache folder rather than unpickling it; Russian needs no list, pymorphy3 knows every
  inflected form): all that a text without typos needs;
* the correct forms suggestions come from, most frequent first (``data/ru/spelling_words.txt.gz``,
  built by ``scripts/build_spelling_data.py``; pyspellchecker's most frequent English words);
* the symspellpy index over them, needed only to suggest a fix for an unknown word. Building it takes
  ~1 s and ~50 MB per language, so it is kept in the cache folder (:mod:`.disk_cache`) and read back
  (~0.2 s) by later processes.

A text without typos therefore never pays for an index: ``vesko check`` on a short review answers in
a fraction of the second the index would take.
"""
from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import disk_cache, normalize, spelling_store

RU_WORDS_FILE = Path(__file__).resolve().parent / "data" / "ru" / "spelling_words.txt.gz"
# Suggestions come from the most frequent English words only: rare words make poor suggestions,
# and half the list loads in half the time. Every word of the dictionary counts as known.
EN_SUGGESTION_WORDS = 80_000
# Distance 2 with a 5-letter prefix: ~0.8 s and ~50 MB for 100k words, ~0.3 ms a look-up.
MAX_EDIT_DISTANCE, PREFIX_LENGTH = 2, 5


@dataclass(frozen=True)
class Words:
    """Correct forms to suggest, folded (lower case, ё → е)."""

    ranked: tuple[str, ...]  # most frequent first; may repeat a folded form
    spelled: dict  # folded word -> how it is written (ё restored)

    @functools.cached_property
    def known(self) -> frozenset[str]:
        return frozenset(self.ranked)

    @functools.cached_property
    def in_order(self) -> list[str]:
        """Sorted, for prefix look-ups (is a cut-off word the start of a known one?)."""
        return sorted(self.known)

    def next_known(self, word: str) -> str | None:
        """The first known form at or after ``word`` in sorted order (is a cut-off word the start of one?)."""
        i = bisect.bisect_left(self.in_order, word)
        return self.in_order[i] if i < len(self.in_order) else None


def _package_file(package: str, *parts: str) -> Path:
    """A file inside an installed package, found without importing it (imports cost start-up time)."""
    return Path(importlib.util.find_spec(package).origin).parent.joinpath(*parts)


def _english_source() -> Path:
    return _package_file("spellchecker", "resources", "en.json.gz")


def _english_lists() -> tuple[frozenset[str], tuple[str, ...]]:
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en", distance=1).word_frequency.dictionary
    ranked = [w for w, _ in sorted(frequencies.items(), key=lambda kv: -kv[1]) if w.isalpha() or "'" in w]
    return frozenset(frequencies), tuple(ranked[:EN_SUGGESTION_WORDS])


@functools.cache
def english_key() -> str:
    return disk_cache.fingerprint(_english_source(), _package_file("spellchecker", "spellchecker.py"), EN_SUGGESTION_WORDS)


@functools.cache
def _english() -> tuple[frozenset[str], tuple[str, ...]]:
    # pyspellchecker reads and lower-cases a 160k-word JSON file (~0.1 s); the result pickles 4x faster.
    return disk_cache.cached("english-words", english_key(), _english_lists)


def english_is_known(word: str) -> bool:
    """Is ``word`` in pyspellchecker's English dictionary (inflected forms and contractions included)?

    The service holds the ~160k words in memory; a fresh process (``vesko check``) asks the copy in
    the cache folder a few words instead of unpickling all of them (~40 ms)."""
    return word in (_english()[0] if "en" in _IN_MEMORY else _english_known_stored())


@functools.cache
def _english_known_stored():
    def write(path: Path) -> frozenset[str]:
        known = _english()[0]
        spelling_store.write_word_set(path, known)
        return known  # loaded anyway: the set answers faster than the file

    return _opened_or_written("english-known", english_key(), spelling_store.open_word_set, write)


def _opened_or_written(name: str, key: str, open_file, write_file):
    """``open_file(path)`` of the SQLite file ``<name>-<key>`` in the cache folder; when it is missing or
    damaged, what ``write_file(path)`` returns after writing it (older versions' files pruned then)."""
    path = disk_cache.folder() / f"{name}-{key}-{spelling_store.FORMAT}.sqlite"
    try:
        opened = open_file(path)
        disk_cache.touch(path)
        return opened
    except (OSError, spelling_store.sqlite3.Error):
        pass
    written = write_file(path)
    disk_cache.prune(path, name)
    return written


@functools.cache
def _words_in_memory(language: str) -> Words | None:
    if language == "en":
        return Words(_english()[1], {})
    if language == "ru":
        with gzip.open(RU_WORDS_FILE, "rt", encoding="utf-8") as f:
            written = f.read().split()
        folded = [normalize.fold(w) for w in written]
        return Words(tuple(folded), {f: w for f, w in zip(folded, written) if f != w})
    return None


def _source(language: str) -> object:
    """What a language's word list is derived from, for the index's cache key."""
    return RU_WORDS_FILE if language == "ru" else _english_source()


def _build_index(words: tuple[str, ...]):
    from symspellpy import SymSpell

    symspell = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
    total = len(words)
    for rank, word in enumerate(words):
        symspell.create_dictionary_entry(word, total - rank)
    return symspell


@functools.cache
def _index_key(language: str) -> str:
    return disk_cache.fingerprint(
        _source(language),
        _package_file("symspellpy", "symspellpy.py"),
        # The folding and the list's cut are code: a change to either must not read an old index.
        Path(__file__),
        Path(normalize.__file__),
        MAX_EDIT_DISTANCE,
        PREFIX_LENGTH,
        pickle.HIGHEST_PROTOCOL,
    )


@functools.cache
def _index_in_memory(language: str):
    """The symspellpy.SymSpell index over the words (read from the cache folder when built before)."""
    words = _words_in_memory(language)
    return disk_cache.cached(f"symspell-{language}", _index_key(language), lambda: _build_index(words.ranked))


_IN_MEMORY: set[str] = set()


def load_in_memory(language: str) -> None:
    """Load a language's words and index into memory (the service, at start): dict-fast look-ups from then on."""
    _words_in_memory(language)
    _index_in_memory(language)
    _IN_MEMORY.add(language)


@functools.cache
def _stored(language: str) -> tuple:
    """``(index, words)`` read row by row from the store in the cache folder, written first if missing."""

    def write(path: Path) -> tuple:
        words, index = _words_in_memory(language), _index_in_memory(language)
        spelling_store.write_store(path, index, words.known, words.spelled)
        _IN_MEMORY.add(language)  # loaded anyway: the in-memory data answers faster
        return index, words

    return _opened_or_written(f"spelling-{language}", _index_key(language), spelling_store.open_store, write)


def ranked_words(language: str) -> tuple[str, ...]:
    """A language's suggestion words, folded, most frequent first (empty for a language without a list)."""
    words = _words_in_memory(language) if language in ("ru", "en") else None
    return words.ranked if words else ()


def suggestion_words(language: str):
    """:class:`Words` (or the same answers from the store): the correct forms suggestions come from."""
    if language not in ("ru", "en"):
        return None
    return _words_in_memory(language) if language in _IN_MEMORY else _stored(language)[1]


def suggestion_index(language: str):
    """The symspellpy.SymSpell index over :func:`suggestion_words` (or the same answers from the store)."""
    index = _index_in_memory(language) if language in _IN_MEMORY else _stored(language)[0]
    if index.distance_comparer is not _fast_distances():
        index.distance_comparer = _fast_distances()
    return index


@functools.cache
def _fast_distances():
    """symspellpy's own Damerau-OSA distance computed by its optional C++ backend (editdistpy) rather than
    in pure Python: the same distances, several times cheaper (a new word's suggestions need dozens)."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    return EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST)
