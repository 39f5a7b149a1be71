"""Loads the checker's data files: ``data/<language>/<name>.yaml``.

Everything language-specific (word lists, patterns, messages, detection hints) lives in these
files, so a new language is a new folder, not new code.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator

from . import disk_cache

DATA_DIR = Path(__file__).parent / "data"


def read_yaml(path: Path):
    """A data file's contents, parsed once per version of the file: a fresh process (``vesko check``)
    reads the parsed data back from the cache folder (:mod:`.disk_cache`, keyed by the file's bytes)
    without importing or running a YAML parser (~45 ms of its start)."""
    name = "-".join(("data", *path.relative_to(DATA_DIR).with_suffix("").parts))  # data-en-profanity
    return disk_cache.cached(name, disk_cache.fingerprint(path), lambda: parse_yaml(path))


def parse_yaml(path: Path):
    import yaml

    # libyaml's parser reads the data files ~10x faster than the pure-Python one; both build the same
    # mappings from these plain files.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader, C or Python


@functools.cache
def languages() -> tuple[str, ...]:
    """Languages the checker supports: every data folder that has a ``language.yaml``."""
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/language.yaml")))


@functools.cache
def load(language: str, name: str) -> dict:
    """One data file as a mapping; an absent file is an empty mapping (the rule has nothing to do)."""
    path = DATA_DIR / language / f"{name}.yaml"
    if not path.exists():
        return {}
    return read_yaml(path) or {}


def each_language(name: str) -> Iterator[tuple[str, dict]]:
    """``(language, data)`` for every supported language that has the data file ``name``.

    Rules that guard against harm (profanity, insults, threats) check the lexicons of all languages:
    an English review with a Russian obscenity is still rejected by a marketplace.
    """
    for language in languages():
        data = load(language, name)
        if data:
            yield language, data
