"""Where the guided flows and questions live: ``prompts/`` at the project root, or ``VESKO_PROMPTS_DIR``."""
from __future__ import annotations

from pathlib import Path

from .config import setting

DEFAULT = Path(__file__).resolve().parent.parent / "prompts"


def folder() -> Path:
    configured = setting("PROMPTS_DIR")
    path = Path(configured) if configured else DEFAULT
    if not path.is_dir():
        raise FileNotFoundError(f"No prompts folder at {path}: set VESKO_PROMPTS_DIR to the project's prompts/.")
    return path
