"""`vesko check`: a report a person can read, the API's JSON, and exit codes scripts can trust."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import main


@pytest.fixture
def vesko():
    runner = CliRunner()

    def run(*args, stdin=None):
        return runner.invoke(main, list(args), input=stdin)

    return run


def test_a_calm_review_exits_0(vesko):
    result = vesko("check", "-", stdin="Молния сломалась через неделю, продавец предложил возврат.")
    assert result.exit_code == 0
    assert "0 errors, 0 warnings, 0 hints: publishable (ru)" in result.output


def test_report_underlines_the_span_under_the_line(vesko):
    result = vesko("check", stdin="Ну и качество!!! Ужаааасно")
    lines = result.output.splitlines()
    at = lines.index("    Ну и качество!!! Ужаааасно")
    assert lines[at - 1].startswith("1:14: warning [shouting/SHOUTING_PUNCTUATION]")
    assert lines[at + 1] == "    " + " " * 13 + "^^^"
    assert "→ !" in lines[at + 2]


def test_underline_accounts_for_wide_emoji(vesko):
    result = vesko("check", stdin="😡 ЭТО ПРОСТО УЖАС")
    lines = result.output.splitlines()
    underline = lines[lines.index("    😡 ЭТО ПРОСТО УЖАС") + 1]
    assert underline == "    " + "   " + "^" * len("ЭТО ПРОСТО УЖАС")


def test_json_output_is_the_api_body(vesko, tmp_path):
    review = tmp_path / "review.txt"
    review.write_text("Sooooo disappointed!!!", encoding="utf-8")
    result = vesko("check", str(review), "--json", "--language", "en")
    body = json.loads(result.output)
    assert body["language"] == "en"
    assert [m["rule_id"] for m in body["matches"]] == ["SHOUTING_STRETCHED", "EN_VAGUE", "SHOUTING_PUNCTUATION"]


@pytest.mark.parametrize(
    "args, stdin",
    [
        (("check", "--language", "de"), "Хорошо"),
        (("check", "/no/such/review.txt"), None),
        (("check",), "   \n"),
        (("check",), "Das ist nicht gut und sehr teuer"),
        (("frobnicate",), None),
    ],
)
def test_bad_usage_exits_2(vesko, args, stdin):
    assert vesko(*args, stdin=stdin).exit_code == 2


def test_installed_console_script_exits_1_while_errors_remain():
    """End to end through the real `vesko` script; needs a rule that reports errors."""
    script = Path(sys.executable).with_name("vesko")
    result = subprocess.run(
        [str(script), "check", "-"], input="Звоните мне: +7 916 123-45-67", capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "personal_data" in result.stdout
