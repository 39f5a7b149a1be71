"""Derived data kept on disk: a fresh process reads what an earlier one derived, never a stale value."""
from server.checks import disk_cache


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
