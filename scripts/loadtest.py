"""Load test (``make loadtest``; not part of ``make test``): the production configuration under wrk on loopback.

Starts ``vesko serve --production`` (gunicorn, server/gunicorn_conf.py) with rate limits off, then runs wrk for
DURATION seconds against ``POST /api/v1/check`` with 1,000-character reviews cut from the real reviews in
../shared/data (Russian and English alternately, every body different), and against group submissions (each
body unique, so none is a duplicate). Prints throughput, p50/p99 latency, errors, and each worker's memory.
Target on 2 cores: at least 300 checks/s with p99 under 100 ms and no errors; under 200 MB per worker.
wrk shares the two cores with the server, so the figures are a floor.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_check import texts_of_length
from tests.live_service import running

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"rps": 300.0, "p99_ms": 100.0, "worker_mb": 200.0}

CHECK_LUA = """
local bodies = {}
for line in io.lines("%(bodies)s") do bodies[#bodies + 1] = line end
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/api/v1/check", {["Content-Type"] = "application/json"}, bodies[i])
end
"""

SUBMIT_LUA = """
local counter = 0
local thread_id = 0
setup = function(thread) thread:set("id", thread_id); thread_id = thread_id + 1 end
init = function() counter = 0 end
request = function()
  counter = counter + 1
  local body = '{"language":"ru","marketplace":"ozon","seller":"Load",' ..
    '"product":{"url":"https://www.ozon.ru/product/1/","title":"T","external_id":"1"},' ..
    '"answers":{"rating":2,"kind":"clothing","disappointed":["size"],"good":["color"],"recommend":"no","buy_again":"no"},' ..
    '"text":"Нагрузка ' .. id .. '-' .. counter .. ': размер меньше заявленного."}'
  return wrk.format("POST", "/api/v1/groups/%(slug)s/submissions",
    {["Content-Type"] = "application/json", ["X-Vesko-Join-Code"] = "%(code)s"}, body)
end
"""


def parse_wrk(output: str) -> dict:
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": ms(latency["50"]),
        "p99_ms": ms(latency["99"]),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }


def worker_memory_mb() -> list[tuple[float, float]]:
    """(PSS, RSS) in MB of each production gunicorn worker (`vesko serve --production` execs gunicorn with this config).

    PSS is what a worker really costs: the dictionaries loaded once in the master (preload) are shared
    copy-on-write, and RSS counts those shared pages again in every worker."""
    masters = subprocess.run(["pgrep", "-f", "python:server.gunicorn_conf"], capture_output=True, text=True).stdout.split()
    sizes = []
    for master in masters:
        for child in subprocess.run(["pgrep", "-P", master], capture_output=True, text=True).stdout.split():
            rollup = Path(f"/proc/{child}/smaps_rollup").read_text()
            pss = int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE).group(1)) / 1024
            rss = int(re.search(r"^Rss:\s+(\d+) kB", rollup, re.MULTILINE).group(1)) / 1024
            sizes.append((pss, rss))
    return sizes


def run_wrk(url: str, path: str, script: Path, duration: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), f"{url}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    return parse_wrk(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="vesko-load-"))
    bodies = work / "bodies.txt"
    texts = [t for pair in zip(texts_of_length("ru", 1000, 200), texts_of_length("en", 1000, 200)) for t in pair]
    bodies.write_text("\n".join(json.dumps({"text": t, "language": "auto"}, ensure_ascii=False) for t in texts) + "\n")
    (work / "check.lua").write_text(CHECK_LUA % {"bodies": bodies})
    database = f"sqlite:///{work / 'vesko.db'}"
    env = {**os.environ, "VESKO_DATABASE_URL": database}
    vesko = str(Path(sys.executable).with_name("vesko"))
    subprocess.run([vesko, "db", "upgrade"], env=env, check=True, capture_output=True)
    group = json.loads(subprocess.run([vesko, "groups", "create", "--name", "Load", "--json"], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    (work / "submit.lua").write_text(SUBMIT_LUA % {"slug": group["slug"], "code": group["join_code"]})
    settings = dict(SECRET_KEY="load-test-" + "k" * 40, DATABASE_URL=database, RATE_LIMIT="",
                    SUBMISSION_RATE_LIMIT="", SUBMISSION_RATE_LIMIT_PER_GROUP="", LOG_LEVEL="WARNING")
    with running([vesko, "serve", "--production", "--port", "{port}"], **settings) as url:
        run_wrk(url, "/api/v1/check", work / "check.lua", 5, args.connections)  # warm the workers
        checks = run_wrk(url, "/api/v1/check", work / "check.lua", args.duration, args.connections)
        memory = worker_memory_mb()
        submissions = run_wrk(url, "/api/v1/groups/x/submissions", work / "submit.lua", min(args.duration, 20), 4)
    print(f"load test: {args.duration} s, {args.connections} connections, {os.cpu_count()} cores shared with wrk")
    print(f"{'endpoint':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'requests':>9}")
    for name, r in (("POST /api/v1/check (1k chars)", checks), ("POST .../submissions", submissions)):
        print(f"{name:28} {r['rps']:>8.1f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['errors']:>7} {r['requests']:>9}")
    print("worker memory, PSS (RSS) MB: " + ", ".join(f"{pss:.0f} ({rss:.0f})" for pss, rss in memory))
    ok = (checks["rps"] >= TARGETS["rps"] and checks["p99_ms"] < TARGETS["p99_ms"] and checks["errors"] == 0
          and submissions["errors"] == 0 and memory and max(pss for pss, _ in memory) < TARGETS["worker_mb"])
    print("targets (>= 300 checks/s, p99 < 100 ms, no errors, < 200 MB PSS per worker): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
