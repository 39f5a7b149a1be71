"""The ``vesko`` command: check a review from a terminal, run the service."""
from __future__ import annotations

import json
import sys
import unicodedata

import click


class _Version:
    """The package version, looked up only when ``--version`` prints it (importlib.metadata slows every start)."""

    def __str__(self) -> str:
        from . import __version__

        return __version__

LANGUAGE_CHOICES = ("auto", "ru", "en")
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "hint": "cyan"}


@click.group()
@click.version_option(_Version(), prog_name="vesko")
def main():
    """Vesko: honest, factual buyer reviews that marketplaces keep."""


def _width(text: str) -> int:
    """Columns a terminal uses for ``text``: combining marks take none, wide characters two."""
    return sum(
        0 if unicodedata.combining(ch) or ch in "\u200d\ufe0f" else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun if count != 1 else noun[:-1]}"


def _report(text: str, result: dict) -> str:
    """Each finding with its line, the span underlined, and the advice."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = []
    for m in result["matches"]:
        row = max(i for i, start in enumerate(starts) if start <= m["offset"])
        line, col = lines[row], m["offset"] - starts[row]
        span = line[col : col + m["length"]] or " "
        severity = click.style(m["severity"], fg=SEVERITY_STYLE[m["severity"]], bold=True)
        out.append(f"{row + 1}:{col + 1}: {severity} [{m['category']}/{m['rule_id']}] {m['message']}")
        out.append(f"    {line}")
        out.append("    " + " " * _width(line[:col]) + "^" * max(1, _width(span)))
        if m["replacements"]:
            out.append("    → " + " | ".join(r or "(remove)" for r in m["replacements"]))
    s = result["summary"]
    verdict = "publishable" if s["publishable"] else "not publishable"
    counts = ", ".join(_plural(s[key], key) for key in ("errors", "warnings", "hints"))
    out.append(f"{counts}: {verdict} ({result['language']})")
    # What the review does not say yet (what disappointed, expectations, recommend, buy again).
    out.extend(f"? {hint['question']}" for hint in result.get("hints", []))
    return "\n".join(out)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--language", "-l", type=click.Choice(LANGUAGE_CHOICES), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response instead of a report.")
def check(source, language, as_json):
    """Check a review in FILE (or standard input, "-").

    Exit status: 0 publishable, 1 errors remain, 2 bad usage.
    """
    from . import checks

    text = source.read()
    if not text.strip():
        raise click.UsageError("the review is empty")
    try:
        result = checks.check(text, language)
    except checks.UnsupportedLanguage as error:
        raise click.UsageError(str(error)) from error
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(_report(text, result))
    sys.exit(0 if result["summary"]["publishable"] else 1)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--marketplace", "-m", default=None, help="ozon, wildberries, yandex_market, aliexpress, amazon, ebay, generic.")
@click.option("--language", "-l", default=None, help="The flow's language when ANSWERS holds only the answers.")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response instead of the draft.")
def compose(source, marketplace, language, as_json):
    """Write the review draft from ANSWERS (a JSON file, or "-").

    ANSWERS is either the body of POST /api/v1/compose ({"language", "answers", "marketplace"}) or just
    the answers (then give --language). Exit status: 0 publishable, 1 errors remain, 2 bad usage.
    """
    from . import answers, compose as composer, prompts

    try:
        data = json.load(source)
    except ValueError as error:
        raise click.UsageError(f"ANSWERS is not valid JSON: {error}") from error
    request = data if isinstance(data, dict) and "answers" in data else {"answers": data}
    language = language or request.get("language")
    marketplace = marketplace or request.get("marketplace", "generic")
    if language not in prompts.languages():
        raise click.UsageError(f"give --language, one of: {', '.join(prompts.languages())}")
    if marketplace not in prompts.forms():
        raise click.UsageError(f"--marketplace must be one of: {', '.join(prompts.forms())}")
    if not isinstance(request["answers"], dict):
        raise click.UsageError("the answers must be a JSON object: step id -> answer")
    try:
        result = composer.compose(language, request["answers"], marketplace)
    except answers.InvalidAnswers as error:
        raise click.UsageError(f"invalid answers: {error}") from error
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(result["text"])
        click.echo("")
        click.echo(_report(result["text"], result["check"]))
    sys.exit(0 if result["check"]["summary"]["publishable"] else 1)


def _serve_production(host, port):
    """Replace this process with gunicorn (signals such as SIGHUP for a graceful reload then reach it)."""
    import os
    import shutil
    from pathlib import Path

    if not os.environ.get("VESKO_SECRET_KEY"):
        raise click.UsageError("VESKO_SECRET_KEY is required in production: set it to a long random string")
    os.environ["VESKO_ENV"] = "production"
    if host:
        os.environ["VESKO_HOST"] = host
    if port:
        os.environ["VESKO_PORT"] = str(port)
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or shutil.which("gunicorn")
    os.execv(gunicorn, [gunicorn, "--config", "python:server.gunicorn_conf"])


@main.command()
@click.option("--host", default=None, help="Defaults to VESKO_HOST (127.0.0.1).")
@click.option("--port", type=int, default=None, help="Defaults to VESKO_PORT (8000).")
@click.option("--debug", is_flag=True, help="Reload on code changes, show the debugger (never in production).")
@click.option("--production", is_flag=True, help="gunicorn with server/gunicorn_conf.py; needs VESKO_SECRET_KEY.")
def serve(host, port, debug, production):
    """Run the development server, or the production one with --production."""
    if production:
        _serve_production(host, port)
    from . import create_app

    app = create_app()
    app.run(host=host or app.config["HOST"], port=port or app.config["PORT"], debug=debug)


from .cli_groups import db_command, groups_command  # noqa: E402 - the storage commands live in their own module

main.add_command(db_command)
main.add_command(groups_command)
