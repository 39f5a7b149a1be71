"""How the checker's time and memory grow with the text, and how fast the service starts (``make bench-scaling``).

1. Scaling: ``server.checks.check(text, language)`` on texts of 100 to 20,000 characters (the API's maximum),
   each cut from consecutive real reviews in ../shared/data joined by spaces (English and Russian). Per length,
   ``--texts`` different texts; ``--rounds`` rounds with the lengths interleaved; time = median over texts of the
   per-text median over rounds (the words have been seen once: warm per-word caches, as in a running service);
   "first sight" is the median of the warm-up pass, each text's first check in the process.
   Memory = tracemalloc peak during one check (a separate pass, since tracing slows Python), median over texts.
   A least-squares line time = a + b·chars (and memory likewise) with its R²; the plot goes to docs/scaling.png.
2. Start-up, medians over ``--starts`` fresh processes:
   - in-process: a new Python runs ``from server import create_app``, ``create_app(...)`` and a first
     ``POST /api/v1/check`` through Flask's test client; measured inside (import to answer) and outside (process
     spawn to answer printed, which adds the interpreter's own start-up);
   - gunicorn (one worker, as tests/live_service.py starts it): spawn to the first 200 from /api/v1/health;
   - ``vesko check`` on a short review from standard input: spawn to exit (the CLI's cold start).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
import urllib.request
from pathlib import Path

from benchmarks.bench_check import compile_bytecode
from server.checks import check, warm_up

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("VESKO_EVAL_DATA", ROOT.parent / "shared" / "data"))
LENGTHS = (100, 250, 500, 1000, 2000, 5000, 10000, 20000)
SOURCES = {"en": "reviews/womens_clothing_reviews_dev.csv", "ru": "reviews/wildberries_reviews_dev.csv"}
SHORT = {"en": "The zipper broke after a week and the seller never answered.", "ru": "Молния сломалась через неделю, продавец не ответил."}


def reviews(language: str) -> list[str]:
    with (DATA / SOURCES[language]).open(encoding="utf-8", newline="") as f:
        return [r["text"].strip() for r in csv.DictReader(f) if r["text"].strip()]


def texts_of_length(pool: list[str], length: int, count: int, start: int) -> list[str]:
    out, i = [], start
    for _ in range(count):
        text = ""
        while len(text) < length:
            text += pool[i % len(pool)] + " "
            i += 1
        out.append(text[:length].rstrip() or text[:length])
    return out


def fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares y = a + b x: (a, b, R²)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    a = my - b * mx
    ss_res = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1.0


def scaling(language: str, count: int, rounds: int) -> list[dict]:
    pool = reviews(language)
    texts = {n: texts_of_length(pool, n, count, start=7 * k) for k, n in enumerate(LENGTHS)}
    first = {}
    for n in LENGTHS:  # warm-up: each text once (its words first seen: per-word caches mostly cold)
        first[n] = []
        for t in texts[n]:
            start = time.perf_counter()
            check(t, language)
            first[n].append((time.perf_counter() - start) * 1000)
    runs = {n: [[] for _ in range(count)] for n in LENGTHS}
    for r in range(rounds):
        order = LENGTHS[r % len(LENGTHS):] + LENGTHS[: r % len(LENGTHS)]
        for n in order:
            for i, t in enumerate(texts[n]):
                start = time.perf_counter()
                check(t, language)
                runs[n][i].append((time.perf_counter() - start) * 1000)
    rows = []
    for n in LENGTHS:
        per_text = [statistics.median(r) for r in runs[n]]
        peaks = []
        for t in texts[n]:
            tracemalloc.start()
            check(t, language)
            peaks.append(tracemalloc.get_traced_memory()[1] / 1024)
            tracemalloc.stop()
        rows.append({"chars": n, "ms": statistics.median(per_text), "p90_ms": sorted(per_text)[int(0.9 * (len(per_text) - 1))],
                     "kib": statistics.median(peaks), "first_ms": statistics.median(first[n])})
    return rows


# ------------------------------------------------------------------------------------------------- start-up
IN_PROCESS = r"""
import time, json, sys
t0 = time.perf_counter()
from server import create_app
app = create_app({"TESTING": True, "RATE_LIMIT": ""})
t1 = time.perf_counter()
r = app.test_client().post("/api/v1/check", json={"text": %r})
assert r.status_code == 200, r.status_code
t2 = time.perf_counter()
print(json.dumps({"import_create_ms": (t1 - t0) * 1000, "to_answer_ms": (t2 - t0) * 1000}), flush=True)
"""


def start_in_process() -> dict:
    spawn = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", IN_PROCESS % SHORT["en"]], cwd=ROOT, capture_output=True, text=True, check=True)
    answered = time.perf_counter() - spawn
    inside = json.loads(out.stdout.strip().splitlines()[-1])
    return {**inside, "spawn_to_exit_ms": answered * 1000}


def start_gunicorn() -> float:
    from tests.live_service import free_port

    port = free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", "server:create_app()"]
    env = {**os.environ, "VESKO_RATE_LIMIT": ""}
    spawn = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1) as response:
                    if response.status == 200:
                        return (time.perf_counter() - spawn) * 1000
            except OSError:
                if process.poll() is not None or time.perf_counter() - spawn > 60:
                    raise RuntimeError("gunicorn did not come up")
                time.sleep(0.005)
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_cli(language: str) -> float:
    vesko = Path(sys.executable).parent / "vesko"
    spawn = time.perf_counter()
    done = subprocess.run([str(vesko), "check", "-"], input=SHORT[language], cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return (time.perf_counter() - spawn) * 1000


def plot(results: dict[str, list[dict]], fits: dict, path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (.venv/bin/pip install matplotlib)", file=sys.stderr)
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for language, rows, colour in (("en", results["en"], "tab:blue"), ("ru", results["ru"], "tab:red")):
        xs = [r["chars"] for r in rows]
        for axis, key, unit in ((left, "ms", "ms"), (right, "kib", "KiB")):
            a, b, r2 = fits[language][key]
            axis.plot(xs, [r[key] for r in rows], "o", color=colour, label=f"{language} measured")
            axis.plot([0, max(xs)], [a, a + b * max(xs)], "-", color=colour, alpha=0.5,
                      label=f"{language} fit: {b * 1000:.3g} {unit}/1k chars, R²={r2:.4f}")
    left.set(title="check(): median time per text", xlabel="characters", ylabel="ms")
    right.set(title="check(): tracemalloc peak per text", xlabel="characters", ylabel="KiB")
    for axis in (left, right):
        axis.grid(alpha=0.3)
        axis.legend(fontsize=8)
    fig.suptitle(f"Vesko's checker vs text length (measured {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs)", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10, help="different texts per length")
    parser.add_argument("--rounds", type=int, default=7, help="timing rounds per text")
    parser.add_argument("--starts", type=int, default=5, help="fresh processes per start-up figure")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "scaling.png")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"No evaluation data at {DATA} (set VESKO_EVAL_DATA).", file=sys.stderr)
        return 2
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    print(f"Measured {started}; {os.cpu_count()} CPUs, Python {platform.python_version()}")
    warm_up()
    results, fits = {}, {}
    for language in ("en", "ru"):
        results[language] = rows = scaling(language, args.texts, args.rounds)
        xs = [r["chars"] for r in rows]
        fits[language] = {key: fit(xs, [r[key] for r in rows]) for key in ("ms", "kib")}
    print("\n| chars | en ms | en p90 ms | en first sight ms | en peak KiB | ru ms | ru p90 ms | ru first sight ms | ru peak KiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for en, ru in zip(results["en"], results["ru"]):
        print(f"| {en['chars']:,} | {en['ms']:.2f} | {en['p90_ms']:.2f} | {en['first_ms']:.2f} | {en['kib']:,.0f} "
              f"| {ru['ms']:.2f} | {ru['p90_ms']:.2f} | {ru['first_ms']:.2f} | {ru['kib']:,.0f} |")
    print()
    for language in ("en", "ru"):
        (a, b, r2), (ma, mb, mr2) = fits[language]["ms"], fits[language]["kib"]
        print(f"- {language}: time ≈ {a:.2f} ms + {b * 1000:.2f} ms per 1,000 chars (R² = {r2:.4f}); "
              f"memory ≈ {ma:,.0f} KiB + {mb * 1000:,.0f} KiB per 1,000 chars (R² = {mr2:.4f})")
    if plot(results, fits, args.plot):
        print(f"- plot: {args.plot.relative_to(ROOT) if args.plot.is_relative_to(ROOT) else args.plot}")

    print(f"\nStart-up, medians over {args.starts} fresh processes:")
    compile_bytecode()  # as an installed package has it (see benchmarks.bench_check)
    inproc = [start_in_process() for _ in range(args.starts)]
    guni = [start_gunicorn() for _ in range(args.starts)]
    cli = {language: [start_cli(language) for _ in range(args.starts)] for language in ("en", "ru")}
    startup = {
        "import + create_app()": statistics.median(r["import_create_ms"] for r in inproc),
        "import + create_app() + first check (test client)": statistics.median(r["to_answer_ms"] for r in inproc),
        "python spawn → first check answered → exit": statistics.median(r["spawn_to_exit_ms"] for r in inproc),
        "gunicorn spawn → first /api/v1/health 200": statistics.median(guni),
        "`vesko check` (en, short), spawn → exit": statistics.median(cli["en"]),
        "`vesko check` (ru, short), spawn → exit": statistics.median(cli["ru"]),
    }
    print("| what | median ms | min ms | max ms |\n|---|---:|---:|---:|")
    samples = {
        "import + create_app()": [r["import_create_ms"] for r in inproc],
        "import + create_app() + first check (test client)": [r["to_answer_ms"] for r in inproc],
        "python spawn → first check answered → exit": [r["spawn_to_exit_ms"] for r in inproc],
        "gunicorn spawn → first /api/v1/health 200": guni,
        "`vesko check` (en, short), spawn → exit": cli["en"],
        "`vesko check` (ru, short), spawn → exit": cli["ru"],
    }
    for what, value in startup.items():
        print(f"| {what} | {value:,.0f} | {min(samples[what]):,.0f} | {max(samples[what]):,.0f} |")
    if args.json:
        args.json.write_text(json.dumps({"started": started, "scaling": results, "fits": fits, "startup": samples}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
