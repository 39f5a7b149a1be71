import pytest

from server.checks import find
from server.checks.document import Document
from server.checks.language import detect


def spans_found(category: str, text: str, language: str | None = None) -> list[tuple[str, str]]:
    """What the checker flags in ``text`` for one category: ``[(flagged text, rule_id), ...]``."""
    doc = Document(text, language or detect(text))
    return [(text[f.offset : f.end], f.rule_id) for f in find(doc) if f.category == category]


@pytest.fixture
def flagged():
    return spans_found
