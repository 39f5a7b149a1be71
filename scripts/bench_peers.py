"""Vesko against the wording checkers people already use, on the same real texts (``make bench-peers``).

Tools, each called the way its users call it:

- **Vesko, in-process**: ``server.checks.check(text, language)``, the public Python API (the /api/v1/check body).
- **Vesko, HTTP**: the real service (gunicorn, ``tests/live_service.running``, one worker, rate limit off) on
  loopback, one client, one keep-alive connection, ``POST /api/v1/check``; the time is the client's round trip.
- **proselint** (PyPI): its Python API, ``proselint.tools.LintFile(name, text).lint()`` after registering its
  checks (what ``proselint check`` does for each file), default configuration.
- **alex**, **write-good** (npm): as Node libraries (``text(value)`` from alex, alex's plain-text entry point;
  ``writeGood(value)``), in ONE long-running Node process (scripts/peers_runner.mjs) that reads texts on stdin
  and writes findings on stdout. Only the library call is timed (``process.hrtime`` inside Node), so neither Node's
  start-up nor the pipe is counted per text.
- **LanguageTool**: only when ``VESKO_LANGUAGETOOL`` is set (a server URL, or ``local``), through Vesko's own
  engine (``check(text, language, LanguageToolEngine(setting))``: built-in rules plus LanguageTool, as the
  service runs it); "not measured" otherwise.

What counts as a "flag" (a text is flagged when it has at least one):

- Vesko: a match of category profanity, insult or threat with severity "error" (the tone rules, exactly as
  ``make eval`` counts them). Used for recall AND false alarms. Vesko's other categories (links, @handles,
  shouting, spelling...) are not flags here; the "any finding" table shows them.
- alex: any message; all of alex's messages are profanity (retext-profanities) or insensitive wording
  (retext-equality). Used for recall and false alarms. A second reading of the same run, "alex, profanities
  only", counts retext-profanities messages alone (alex's default profanitySureness 0 flags "maybe" words too).
- proselint: for recall, only its offensive-language checks (``social_awareness.nword``,
  ``social_awareness.lgbtq.offensive``); for false alarms, a finding of any kind.
- write-good: it has no profanity or insult check, so its recall is "none" by definition; for false alarms,
  a finding of any kind.
- LanguageTool (when measured): for false alarms, any LanguageTool match; it has no profanity category
  Vesko maps, so recall is Vesko's (the built-in rules run too).

Sets (../shared/data, or VESKO_EVAL_DATA): positives are Davidson hate + offensive tweets (English) and RUSSE
toxic comments (Russian); negatives are the clean English reviews, Davidson "neither" tweets, the clean Russian
reviews and the RUSSE polite rewrites. proselint, alex and write-good read English only: on the Russian sets they
are not run and the table says "en only". Every text of every set is used unless ``--limit N`` takes a fixed random
sample (seed 8) of N texts per set.

Speed: on the English reviews (the issue's target: "the same English reviews") and a sample of tweets, texts are
cut into batches; every round runs each batch through every tool, the tools' order rotating per batch
(interleaved), so machine noise hits all tools alike. Per text, the median over rounds; texts/s = texts / sum of
those medians; p50/p99 over texts. The ratio "Vesko × faster" is the median, over (round, batch), of
peer time / Vesko in-process time for the same batch. Every tool is warmed up first (Vesko's dictionaries, Node's
JIT); Vesko caches per-word decisions, so after the first round it has seen the words (the "first round"
column shows its first sight).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.evaluate import DATA, _rows
from scripts.peer_tools import (
    ROOT, Alex, AlexProfanities, LanguageTool, NodeRunner, Proselint, Tool, VeskoHTTP, VeskoInProcess, WriteGood,
)

SEED = 8


# ----------------------------------------------------------------------------------------------------- data
def _sample(texts: list[str], limit: int | None) -> list[str]:
    texts = [t[:20000] for t in texts if t and t.strip()]
    if limit and len(texts) > limit:
        texts = random.Random(SEED).sample(texts, limit)
    return texts


def load_sets(limit: int | None) -> dict[str, tuple[str, str, list[str]]]:
    """name → (language, "pos" | "neg", texts)."""
    tweets = list(_rows("toxicity/davidson_tweets_dev.csv"))
    detox = list(_rows("toxicity/russe_detox_train.tsv", delimiter="\t"))
    rewrites = [r[f"neutral_comment{i}"] for r in detox for i in (1, 2, 3) if r.get(f"neutral_comment{i}")]
    return {
        "en reviews": ("en", "neg", _sample([r["text"] for r in _rows("reviews/womens_clothing_reviews_dev.csv")], limit)),
        "hate+offensive tweets": ("en", "pos", _sample([r["tweet"] for r in tweets if r["class"] in ("0", "1")], limit)),
        "neither tweets": ("en", "neg", _sample([r["tweet"] for r in tweets if r["class"] == "2"], limit)),
        "ru reviews": ("ru", "neg", _sample([r["text"] for r in _rows("reviews/wildberries_reviews_dev.csv")], limit)),
        "RUSSE toxic": ("ru", "pos", _sample([r["toxic_comment"] for r in detox], limit)),
        "RUSSE rewrites": ("ru", "neg", _sample(rewrites, limit)),
    }


# ---------------------------------------------------------------------------------------------------- speed
def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def timing(tools: list[Tool], texts: list[str], language: str, rounds: int, batch: int) -> dict[str, dict]:
    """Interleaved per batch; per-text medians over rounds; batch ratios vs the first tool (Vesko in-process)."""
    for tool in tools:  # warm-up: dictionaries, JIT, connection
        for text in texts[:10]:
            tool.run(text, language)
    batches = [list(range(i, min(i + batch, len(texts)))) for i in range(0, len(texts), batch)]
    per_text = {t.name: [[] for _ in texts] for t in tools}
    first_round = {t.name: 0.0 for t in tools}
    batch_times: dict[str, dict[tuple[int, int], float]] = {t.name: {} for t in tools}
    for r in range(rounds):
        for b, indices in enumerate(batches):
            shift = (b + r) % len(tools)
            for tool in tools[shift:] + tools[:shift]:
                total = 0.0
                for i in indices:
                    seconds, _ = tool.run(texts[i], language)
                    per_text[tool.name][i].append(seconds)
                    total += seconds
                batch_times[tool.name][(r, b)] = total
                if r == 0:
                    first_round[tool.name] += total
    base = tools[0].name
    out = {}
    for tool in tools:
        medians = [statistics.median(runs) * 1000 for runs in per_text[tool.name]]
        ratios = [batch_times[tool.name][k] / batch_times[base][k] for k in batch_times[base]]
        out[tool.name] = {
            "texts_per_s": len(texts) / (sum(medians) / 1000),
            "first_round_texts_per_s": len(texts) / first_round[tool.name],
            "p50": percentile(medians, 0.50),
            "p99": percentile(medians, 0.99),
            "ratio": statistics.median(ratios),  # tool time / Vesko in-process time
        }
    return out


# -------------------------------------------------------------------------------------------------- quality
def quality(tools: list[Tool], sets) -> dict[str, dict[str, dict]]:
    """tool → set → {"flagged": share by the tool's flag, "any": share with any finding, "n": texts}."""
    out: dict[str, dict[str, dict]] = {}
    for tool in tools:
        if isinstance(tool, VeskoHTTP):  # the same checker behind HTTP: same findings (the API tests show it)
            out[tool.name] = out[VeskoInProcess.name]
            continue
        out[tool.name] = {}
        for name, (language, kind, texts) in sets.items():
            if language not in tool.languages or not texts:
                continue
            readings = [tool] + [AlexProfanities] * isinstance(tool, Alex) * (not isinstance(tool, WriteGood))
            flagged = [0] * len(readings)
            anything = 0
            recall_applicable = True
            for text in texts:
                _, findings = tool.run(text, language)
                anything += bool(findings)
                for k, reading in enumerate(readings):
                    if kind == "pos":
                        hit = reading.recall_flag(findings)
                        recall_applicable = hit is not None
                        flagged[k] += bool(hit)
                    else:
                        flagged[k] += reading.alarm_flag(findings)
            for k, reading in enumerate(readings):
                out.setdefault(reading.name, {})[name] = {
                    "flagged": flagged[k] / len(texts) if recall_applicable else None,
                    "any": anything / len(texts),
                    "n": len(texts),
                }
        print(f"  quality: {tool.name} done", file=sys.stderr, flush=True)
    return out


# ---------------------------------------------------------------------------------------------------- table
def _pct(q: dict, tool: str, name: str) -> str:
    cell = q.get(tool, {}).get(name)
    if cell is None:
        return "en only" if name.startswith(("ru", "RUSSE")) else "—"
    return "none" if cell["flagged"] is None else f"{cell['flagged']:.1%}"


def versions() -> dict[str, str]:
    def run(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=30).stdout.strip()
        except OSError:
            return "?"

    def npm_version(package):
        try:
            return json.loads((ROOT / "node_modules" / package / "package.json").read_text())["version"]
        except OSError:
            return "?"

    from importlib.metadata import version

    return {
        "nproc": str(os.cpu_count()),
        "cpu": next(
            (l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor(),
        "python": platform.python_version(),
        "node": run("node", "--version"),
        "proselint": version("proselint"),
        "alex": npm_version("alex"),
        "write-good": npm_version("write-good"),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="texts per set for recall/false alarms (0: all)")
    parser.add_argument("--tweets", type=int, default=500, help="tweets in the speed corpus besides the English reviews")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds over the speed corpus")
    parser.add_argument("--batch", type=int, default=25, help="texts per interleaved batch")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"No evaluation data at {DATA} (set VESKO_EVAL_DATA).", file=sys.stderr)
        return 2
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    sets = load_sets(args.limit or None)
    node = NodeRunner()
    tools: list[Tool] = [VeskoInProcess(), Proselint(), Alex(node), WriteGood(node), VeskoHTTP()]
    setting = os.environ.get("VESKO_LANGUAGETOOL", "").strip()
    if setting and setting != "off":
        tools.append(LanguageTool(setting))
    try:
        everything = load_sets(None)
        en_reviews = everything["en reviews"][2]
        tweets = _sample(everything["hate+offensive tweets"][2] + everything["neither tweets"][2], args.tweets)
        print(f"speed: {len(en_reviews)} English reviews, {args.rounds} interleaved rounds...", file=sys.stderr, flush=True)
        speed = timing(tools, en_reviews, "en", args.rounds, args.batch)
        print(f"speed: {len(tweets)} tweets...", file=sys.stderr, flush=True)
        speed_tweets = timing(tools, tweets, "en", args.rounds, args.batch)
        ru_reviews = sets["ru reviews"][2]
        ru_tools = [t for t in tools if "ru" in t.languages]
        speed_ru = timing(ru_tools, ru_reviews, "ru", args.rounds, args.batch)
        print("quality...", file=sys.stderr, flush=True)
        q = quality(tools, sets)
    finally:
        for tool in tools:
            tool.close()
        node.close()
    finished = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    report(tools, sets, speed, speed_tweets, speed_ru, q, started, finished, args, setting, len(en_reviews))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"started": started, "finished": finished, "machine": versions(), "speed_en_reviews": speed,
                 "speed_tweets": speed_tweets, "speed_ru_reviews": speed_ru, "quality": q},
                indent=2,
            )
        )
    return 0


def report(tools, sets, speed, speed_tweets, speed_ru, q, started, finished, args, setting, n_speed) -> None:
    m = versions()
    print(f"Measured {started} to {finished}; {m['nproc']} CPUs ({m['cpu']}), Python {m['python']}, Node {m['node']}; "
          f"proselint {m['proselint']}, alex {m['alex']}, write-good {m['write-good']}")
    sizes = ", ".join(f"{name} {len(texts)}" for name, (_, _, texts) in sets.items())
    print(f"Speed on the {n_speed} English reviews, {args.rounds} interleaved rounds; quality sets: {sizes}\n")
    header = (
        "| tool | languages | texts/s | p50 ms | p99 ms | Vesko × faster | recall: hate+offensive tweets | recall: RUSSE toxic "
        "| false alarms: en reviews | false alarms: neither tweets | false alarms: ru reviews | false alarms: RUSSE rewrites |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    rows = [(t.name, t.coverage) for t in tools]
    rows.insert([n for n, _ in rows].index(Alex.name) + 1, (AlexProfanities.name, "en"))
    if not setting or setting == "off":
        rows.append(("LanguageTool", "not measured (VESKO_LANGUAGETOOL unset)"))
    for name, coverage in rows:
        s = speed.get(name)
        if s is None and name not in q:
            print(f"| {name} | {coverage} |" + " |" * 10)
            continue
        if s is None:  # a second reading of alex's findings: same run, same time
            times = "(same run as alex) | | | "
        else:
            ratio = "1.0 (base)" if name == tools[0].name else f"{s['ratio']:.1f}"
            times = f"{s['texts_per_s']:,.0f} | {s['p50']:.2f} | {s['p99']:.2f} | {ratio} "
        print(
            f"| {name} | {coverage} | {times}"
            f"| {_pct(q, name, 'hate+offensive tweets')} | {_pct(q, name, 'RUSSE toxic')} "
            f"| {_pct(q, name, 'en reviews')} | {_pct(q, name, 'neither tweets')} "
            f"| {_pct(q, name, 'ru reviews')} | {_pct(q, name, 'RUSSE rewrites')} |"
        )
    print("\n\"Vesko × faster\" = median over interleaved batches of (tool time / Vesko in-process time); > 1 means Vesko is faster.")
    print("\nSpeed on other texts (texts/s; p50 / p99 ms; Vesko × faster):")
    for label, table in ((f"{args.tweets} tweets (en)", speed_tweets), (f"{len(sets['ru reviews'][2])} ru reviews", speed_ru)):
        cells = "; ".join(
            f"{name} {s['texts_per_s']:,.0f}/s, {s['p50']:.2f} / {s['p99']:.2f} ms, ×{s['ratio']:.1f}" for name, s in table.items()
        )
        print(f"- {label}: {cells}")
    first = speed[tools[0].name]["first_round_texts_per_s"]
    print(f"- Vesko in-process, first round only (words not yet seen), en reviews: {first:,.0f} texts/s")
    print("\nShare of texts with ANY finding (what a user sees highlighted), per set:")
    names = list(sets)
    print("| tool | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for tool in tools:
        cells = [f"{q[tool.name][n]['any']:.1%}" if n in q[tool.name] else "en only" for n in names]
        print(f"| {tool.name} | " + " | ".join(cells) + " |")
    print("\nSeparation on the labelled English tweets, for the tools whose recall and false-alarm flags are the same "
          "(recall on hate+offensive minus false alarms on neither; 0 = the flag does not tell them apart):")
    for name in q:
        if name in (Proselint.name, WriteGood.name):
            continue
        pos, neg = q[name].get("hate+offensive tweets"), q[name].get("neither tweets")
        if pos and neg and pos["flagged"] is not None:
            print(f"- {name}: {pos['flagged'] - neg['flagged']:+.1%}")


if __name__ == "__main__":
    sys.exit(main())
