"""Checks a buyer's answers against the flow: known steps and options, right types, required ones present.

Answers to steps that are hidden by the other answers (``show_if``) are ignored rather than refused: the
buyer may have answered "recommend: yes", then changed it to "no", and the extension still holds "to whom".
"""
from __future__ import annotations

import datetime

from . import prompts

DEFAULT_TEXT_LENGTH = 1000
PAIR_TEXT_LENGTH = 500


class InvalidAnswers(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def holds(condition: dict | None, answers: dict) -> bool:
    """Whether a ``show_if``/``optional_if`` condition is true for these answers."""
    if condition is None:
        return False
    value = answers.get(condition["step"])
    values = value if isinstance(value, list) else [value]
    found = any(v in condition["in"] for v in values if isinstance(v, (str, int)) and not isinstance(v, bool))
    return found != condition.get("not", False)


def shown(step: dict, answers: dict) -> bool:
    return "show_if" not in step or holds(step["show_if"], answers)


def required(step: dict, answers: dict) -> bool:
    return step["required"] and not holds(step.get("optional_if"), answers)


def _empty(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _text(value, limit: int) -> str:
    if not isinstance(value, str):
        raise ValueError("Must be a string.")
    if len(value) > limit:
        raise ValueError(f"Must be at most {limit} characters.")
    return value.strip()


def _option_ids(step: dict, kind) -> list[str]:
    ids = [o["id"] for o in prompts.options(step, kind)]
    if not ids:
        raise ValueError("Answer the product kind first: these options depend on it.")
    return ids


def _clean(step: dict, value, kind):
    """The answer in its normal form, or ValueError with what is wrong."""
    kind_of = step["type"]
    if kind_of == "rating":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError("Must be a whole number from 1 to 5.")
        return value
    if kind_of == "single":
        ids = _option_ids(step, kind)
        if value not in ids:
            raise ValueError(f"Unknown option {value!r}; use one of: {', '.join(ids)}.")
        return value
    if kind_of == "multi":
        ids = _option_ids(step, kind)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("Must be a list of option ids.")
        unknown = [v for v in value if v not in ids]
        if unknown:
            raise ValueError(f"Unknown option {unknown[0]!r}; use any of: {', '.join(ids)}.")
        return [i for i in ids if i in value]  # the flow's order, without repeats
    if kind_of == "text":
        return _text(value, step.get("max_length", DEFAULT_TEXT_LENGTH))
    if kind_of == "pairs":
        if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
            raise ValueError('Must be a list of {"expected": "...", "actual": "..."}.')
        if len(value) > step.get("max_items", 5):
            raise ValueError(f"At most {step.get('max_items', 5)} pairs.")
        pairs = []
        for pair in value:
            if set(pair) != {"expected", "actual"}:
                raise ValueError('Each pair has exactly "expected" and "actual".')
            expected, actual = _text(pair["expected"], PAIR_TEXT_LENGTH), _text(pair["actual"], PAIR_TEXT_LENGTH)
            if not expected or not actual:
                raise ValueError("Each pair needs both what was expected and what arrived.")
            pairs.append({"expected": expected, "actual": actual})
        return pairs
    if kind_of == "date":
        try:
            date = datetime.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            date = None
        if date is None:
            raise ValueError("Must be a date like 2026-10-12.")
        if date > datetime.date.today() + datetime.timedelta(days=1):  # a day of slack for time zones
            raise ValueError("Must not be in the future.")
        return date.isoformat()
    raise ValueError("This step takes no answer.")  # note


def validate(language: str, answers: dict) -> dict:
    """The answers of the steps shown, cleaned; InvalidAnswers with every problem by step id."""
    steps = prompts.steps(language)
    errors: dict[str, list[str]] = {
        key: [f"Unknown step; the steps are: {', '.join(steps)}."] for key in answers if key not in steps
    }
    kind = answers.get("kind") if isinstance(answers.get("kind"), str) else None
    clean = {}
    for step_id, step in steps.items():
        if not shown(step, answers):
            continue
        value = answers.get(step_id)
        if _empty(value) and step["type"] != "note":
            if required(step, answers):
                errors[step_id] = ["An answer is required."]
            continue
        if value is None:
            continue
        try:
            cleaned = _clean(step, value, kind)
        except ValueError as error:
            errors[step_id] = [str(error)]
            continue
        if not _empty(cleaned):
            clean[step_id] = cleaned
    if errors:
        raise InvalidAnswers(errors)
    return clean
