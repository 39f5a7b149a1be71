"""The guided flows in ``prompts/``: one ``<language>.yaml`` per language, checked against ``schema.json``.

A flow is data: the questions, their options, and the wording the composer writes the draft with. A new
language is a new file; a file that breaks the schema is refused with the reason, not half-used.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
from pathlib import Path

from .config import setting

DEFAULT = Path(__file__).resolve().parent.parent / "prompts"


def _read_yaml(path: Path):
    import yaml  # ~20 ms: a fresh `vesko check` reads validated flows back from the cache folder instead

    # libyaml reads a flow ~10x faster than the pure-Python parser (~5 ms instead of ~50 ms).
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


class FlowError(ValueError):
    """A flow file that does not follow prompts/schema.json."""


def folder() -> Path:
    configured = setting("PROMPTS_DIR")
    path = Path(configured) if configured else DEFAULT
    if not path.is_dir():
        raise FileNotFoundError(f"No prompts folder at {path}: set VESKO_PROMPTS_DIR to the project's prompts/.")
    return path


@functools.cache
def _validator():
    import jsonschema  # ~30 ms: imported only when a flow file is validated, not by every `vesko check`

    with (folder() / "schema.json").open(encoding="utf-8") as f:
        return jsonschema.Draft202012Validator(json.load(f))


@functools.cache
def languages() -> tuple[str, ...]:
    """Languages with a flow: every prompts/<xx>.yaml."""
    return tuple(sorted(p.stem for p in folder().glob("??.yaml")))


@functools.cache
def flow(language: str) -> dict:
    """The flow of ``language``, validated; KeyError when there is none."""
    if language not in languages():
        raise KeyError(language)
    path = folder() / f"{language}.yaml"
    data = _validated_once(path)
    if data["language"] != language:
        raise FlowError(f"{path}: says language {data['language']!r}")
    return data


def _validated_once(path: Path) -> dict:
    """The flow file's data, validated against the schema. Validating costs ~60 ms of a cold start (most of it
    importing jsonschema), so a file validated before (same bytes, same schema, same jsonschema) is read back
    from the cache folder; a file that fails validation is never stored, so it fails every time."""
    from .checks import disk_cache

    validators = Path(importlib.util.find_spec("jsonschema").origin).parent / "validators.py"
    key = disk_cache.fingerprint(path, path.parent / "schema.json", validators)
    return disk_cache.cached(f"flow-{path.stem}", key, lambda: _validated(path))


def _validated(path: Path) -> dict:
    data = _read_yaml(path)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(map(str, errors[0].path))
        raise FlowError(f"{path}: {where}: {errors[0].message}")
    return data


@functools.cache
def flow_etag(language: str) -> str:
    return hashlib.sha256(json.dumps(flow(language), sort_keys=True).encode()).hexdigest()[:32]


def steps(language: str) -> dict[str, dict]:
    return {step["id"]: step for step in flow(language)["steps"]}


def options(step: dict, kind: str | None) -> list[dict]:
    """A step's options; for a step that adapts to the product kind, those of ``kind`` (none if unknown)."""
    if "options" in step:
        return step["options"]
    return step.get("options_by_kind", {}).get(kind or "", [])


@functools.cache
def forms() -> dict[str, dict]:
    """Marketplace -> its review form (``layout``: sections, body or text)."""
    return _read_yaml(folder() / "forms.yaml")


@functools.cache
def questions(language: str) -> dict[str, str]:
    """Coverage point -> the question the checker asks when a review misses it (English when no flow).
    Kept (the flows are read once per process): do not change the dict."""
    language = language if language in languages() else "en"
    return {s["coverage_point"]: s["hint"] for s in flow(language)["steps"] if "coverage_point" in s}
