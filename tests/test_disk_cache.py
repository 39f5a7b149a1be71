"""Derived data kept on disk: a fresh process reads what an earlier one derived, never a stale value."""
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


def test_a_fresh_process_knows_the_english_words_the_service_knows(tmp_path, monkeypatch):
    """`vesko check` asks the dictionary's copy in the cache folder; the service holds it in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(spelling_dictionaries, "_IN_MEMORY", set())
    spelling_dictionaries._english_known_stored.cache_clear()
    try:
        assert spelling_dictionaries.english_is_known("dress")  # writes the copy
        spelling_dictionaries._english_known_stored.cache_clear()
        assert isinstance(spelling_dictionaries._english_known_stored(), spelling_store.Table)
        loaded = spelling_dictionaries._english()[0]
        words = [*sorted(loaded)[::499], "qualty", "recieved", "Dress", "o'clock", "\ud800", ""]
        assert [spelling_dictionaries.english_is_known(w) for w in words] == [w in loaded for w in words]
    finally:
        spelling_dictionaries._english_known_stored.cache_clear()
