"""The real service in its own process, as `make run` starts it (gunicorn), for end-to-end tests."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1) as response:
                assert json.loads(response.read())["status"] == "ok"
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server at {url} did not come up")
            time.sleep(0.1)


@contextlib.contextmanager
def running(command: list[str] | None = None, **settings: str):
    """Start the service (gunicorn by default) with extra VESKO_* settings; yields its base URL."""
    port = free_port()
    bin_dir = Path(sys.executable).parent
    command = command or [str(bin_dir / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", "server:create_app()"]
    command = [part.replace("{port}", str(port)) for part in command]
    env = {**os.environ, **{f"VESKO_{k}": v for k, v in settings.items()}}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
