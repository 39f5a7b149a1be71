"""Builds the extension for Chromium and Firefox (``make extension``): dist/<browser>/ and dist/vesko-<browser>.zip.

No bundler: the extension is plain ES modules. The build merges the manifest (base + the browser's own
keys), bundles the guided flows from prompts/ as JSON (so the panel works when the server is unreachable)
and zips the result.
"""
from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

from server import prompts

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "extension"
DIST = ROOT / "dist"
BROWSERS = ("chrome", "firefox")
NOT_SHIPPED = ("manifest", "*.md")


def manifest(browser: str) -> dict:
    base = json.loads((SOURCE / "manifest" / "base.json").read_text(encoding="utf-8"))
    own = json.loads((SOURCE / "manifest" / f"{browser}.json").read_text(encoding="utf-8"))
    return {**base, **own}  # the browser's keys replace the base's (background, permissions...)


def build(browser: str) -> Path:
    out = DIST / browser
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(SOURCE, out, ignore=shutil.ignore_patterns(*NOT_SHIPPED))
    (out / "manifest.json").write_text(json.dumps(manifest(browser), ensure_ascii=False, indent=2), encoding="utf-8")
    bundled = out / "prompts"
    bundled.mkdir()
    for language in prompts.languages():
        (bundled / f"{language}.json").write_text(json.dumps(prompts.flow(language), ensure_ascii=False), encoding="utf-8")
    (bundled / "forms.json").write_text(json.dumps(prompts.forms()), encoding="utf-8")
    (bundled / "index.json").write_text(json.dumps(list(prompts.languages())), encoding="utf-8")
    archive = DIST / f"vesko-{browser}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(out.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(out).as_posix())
    return archive


def main() -> int:
    for browser in BROWSERS:
        print(f"built {build(browser).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
