"""The README's examples are what the service and the command really print."""
import json
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from server.checks import check
from server.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def blocks_after(marker: str, count: int) -> list[str]:
    """The ``count`` fenced code blocks that follow ``marker`` in the README."""
    rest = README[README.index(marker) :]
    return re.findall(r"```\w*\n(.*?)```", rest, re.DOTALL)[:count]


def curl_payload(command: str) -> dict:
    words = shlex.split(command.replace("\\\n", " "))
    return json.loads(words[words.index("-d") + 1])


def test_the_check_example_prints_what_the_readme_shows():
    command, output = blocks_after("### `POST /api/v1/check`", 2)
    assert json.loads(output) == check(curl_payload(command)["text"])


def test_the_validation_error_example_is_exact(client):
    command, output = blocks_after("### Errors", 2)
    payload = curl_payload(command)
    assert client.post("/api/v1/check", json=payload).get_json() == json.loads(output)


def test_the_cli_example_prints_what_the_readme_shows(tmp_path):
    session = blocks_after("exits with 0 when the review is publishable", 1)[0].splitlines()
    review = tmp_path / "review.txt"
    review.write_text(session[1] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(review)])
    shown = session[session.index("$ vesko check review.txt") + 1 : session.index("$ echo $?")]
    assert result.output.splitlines() == shown
    assert str(result.exit_code) == session[-1]


def test_every_setting_is_in_the_configuration_table():
    from server.config import SETTINGS

    for name in SETTINGS:
        assert f"| `VESKO_{name}` |" in README


def test_the_two_composed_examples_are_what_the_composer_writes():
    from server.compose import compose

    blocks = blocks_after("A typical two-star clothing review", 4)
    for request_block, text_block in (blocks[0:2], blocks[2:4]):
        request = json.loads(request_block)
        assert compose(request["language"], request["answers"], request["marketplace"])["text"] == text_block.rstrip("\n")
