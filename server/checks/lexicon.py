"""Loads the checker's data files: ``data/<language>/<name>.yaml``.

Everything language-specific (word lists, patterns, messages, detection hints) lives in these
files, so a new language is a new folder, not new code.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's parser reads the data files ~10x faster than the pure-Python one (~15 ms instead of ~180 ms
# for all of them, most of a cold start); both build the same mappings from these plain files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python


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
