"""Writes tests/fixtures/compose_cases.json: answers and the drafts server/compose.py writes for them.

The extension's offline composer (extension/src/composer.js) must write the same drafts; its Node test
reads this file, and tests/test_compose.py checks the file is still what the server writes.
Run after changing prompts/ or the composer: python -m scripts.make_compose_cases
"""
from __future__ import annotations

import json
from pathlib import Path

from server.compose import compose

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "compose_cases.json"


def answer_sets(language: str):
    ru = language == "ru"
    yield {"rating": 2, "kind": "clothing", "disappointed": ["after_wash", "size"], "good": ["color"],
           "recommend": "no", "buy_again": "no"}
    yield {"rating": 1, "kind": "electronics", "disappointed": ["defect", "battery"],
           "disappointed_detail": "  перестал заряжаться через 3 дня" if ru else "  stopped charging after 3 days",
           "expectations": [{"expected": "до 20 часов работы" if ru else "up to 20 hours", "actual": "4 часа 😡" if ru else "4 hours 😡"}],
           "order_date": "2026-03-05", "usage": "days", "seller_contact": "no_answer", "returned": "in_progress",
           "recommend": "no", "buy_again": "only_if",
           "buy_again_condition": "если заменят батарею" if ru else "if they replace the battery"}
    yield {"rating": 5, "kind": "food", "good": ["taste", "fresh"], "good_detail": "берём уже третий раз)))" if ru else "third order already!",
           "recommend": "yes", "recommend_to_whom": "всем сладкоежкам" if ru else "anyone with a sweet tooth", "buy_again": "yes",
           "usage": "weeks"}  # usage is hidden for food: ignored by both composers
    yield {"rating": 3, "kind": "services", "disappointed": ["late"], "good": ["courier"], "seller_contact": "resolved",
           "seller_response": "извинились и вернули стоимость доставки" if ru else "they apologised and refunded delivery",
           "recommend": "reservations", "buy_again": "yes"}


def main() -> None:
    cases = []
    for language in ("ru", "en"):
        for answers in answer_sets(language):
            for marketplace in ("ozon", "amazon", "generic"):
                result = compose(language, answers, marketplace)
                cases.append({"language": language, "marketplace": marketplace, "answers": answers,
                              "text": result["text"], "title": result["title"], "sections": result["sections"]})
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {OUT}")


if __name__ == "__main__":
    main()
