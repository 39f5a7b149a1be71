"""Derived data kept on disk: a fresh process reads what an earlier one derived, never a stale value."""
import os
import pickle
import time

import pytest

from server.checks import disk_cache, lexicon, spelling_dictionaries, spelling_store


def test_a_memo_is_read_back_by_the_next_process(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    computed = []

    def derive(value):
        computed.append(value)
        return value * 2

    first = disk_cache.Memo("demo", "source v1")
    assert first.get("a", lambda: derive(21)) == 42
    assert first.get("a", lambda: derive(21)) == 42  # once per process
    first.save()  # (what happens at exit)

    again = disk_cache.Memo("demo", "source v1")
    assert again.get("a", lambda: derive(21)) == 42
    assert computed == [21]

    changed = disk_cache.Memo("demo", "source v2")  # another source: derived afresh
    assert changed.get("a", lambda: derive(5)) == 10
    assert computed == [21, 5]


def test_an_unwritable_cache_folder_still_gives_the_values(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    memo = disk_cache.Memo("demo", "v")
    assert memo.get("k", lambda: "value") == "value"
    memo.save()  # logs and moves on
    assert disk_cache.Memo("demo", "v").get("k", lambda: "again") == "again"


def test_a_data_file_is_parsed_once_per_version(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    data_file = tmp_path / "xx" / "words.yaml"
    data_file.parent.mkdir()
    data_file.write_text("words: [один, two]\n", encoding="utf-8")
    assert lexicon.read_yaml(data_file) == {"words": ["один", "two"]}

    parse = lexicon.parse_yaml
    parsed = []
    monkeypatch.setattr(lexicon, "parse_yaml", lambda path: parsed.append(path) or parse(path))
    assert lexicon.read_yaml(data_file) == {"words": ["один", "two"]}  # read back, not parsed
    assert parsed == []

    data_file.write_text("words: [три]\n", encoding="utf-8")  # an edited file is parsed afresh
    assert lexicon.read_yaml(data_file) == {"words": ["три"]}
    assert parsed == [data_file]


@pytest.fixture
def fresh_process(tmp_path, monkeypatch):
    """What `vesko check` sees: an empty cache folder (``tmp_path``), no dictionary loaded in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(spelling_dictionaries, "_IN_MEMORY", set())
    spelling_dictionaries._english_known_stored.cache_clear()
    yield tmp_path / "vesko"
    spelling_dictionaries._english_known_stored.cache_clear()


def reopened_english_copy():
    spelling_dictionaries._english_known_stored.cache_clear()
    return spelling_dictionaries._english_known_stored()


def test_a_fresh_process_knows_the_english_words_the_service_knows(fresh_process):
    """`vesko check` asks the dictionary's copy in the cache folder; the service holds it in memory."""
    assert spelling_dictionaries.english_is_known("dress")  # writes the copy
    assert isinstance(reopened_english_copy(), spelling_store.Table)
    loaded = spelling_dictionaries._english()[0]
    words = [*sorted(loaded)[::499], "qualty", "recieved", "Dress", "o'clock", "\ud800", ""]
    assert [spelling_dictionaries.english_is_known(w) for w in words] == [w in loaded for w in words]


def test_a_damaged_copy_of_the_english_dictionary_is_written_again(fresh_process):
    assert spelling_dictionaries.english_is_known("dress")
    (copy,) = fresh_process.glob("english-known-*.sqlite")
    copy.write_bytes(b"not a database" * 100)
    reopened_english_copy()
    assert spelling_dictionaries.english_is_known("dress") and not spelling_dictionaries.english_is_known("qualty")
    assert isinstance(reopened_english_copy(), spelling_store.Table)  # written again


def test_files_of_versions_no_longer_run_are_deleted_when_a_new_one_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "vesko"
    folder.mkdir()
    month_ago = time.time() - 30 * 86400

    def old_file(name, value="an older version's data"):
        path = folder / name
        path.write_bytes(pickle.dumps(value))
        os.utime(path, (month_ago, month_ago))
        return path

    stale = [old_file("demo-" + "a" * 20 + ".pickle"), old_file("demo-" + "b" * 20 + "-1.sqlite"), old_file("demo-x1y2.tmp")]
    in_use = old_file("demo-" + "c" * 20 + ".pickle", "still read")
    other_names = [old_file("demo-extra-" + "d" * 20 + ".pickle"), old_file("notes.txt")]
    recent = folder / ("demo-" + "e" * 20 + ".pickle")
    recent.write_bytes(pickle.dumps("written yesterday by another version"))

    assert disk_cache.cached("demo", "c" * 20, lambda: "not read back") == "still read"  # and marked as used now
    assert disk_cache.cached("demo", "f" * 20, lambda: "new") == "new"  # a new version's first write prunes
    assert not any(p.exists() for p in stale)
    assert in_use.exists() and recent.exists() and all(p.exists() for p in other_names)
