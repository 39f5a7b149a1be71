"""What the dashboard shows besides the aggregates: the filters as typed, the choices for the filter form,
and the latest submissions. Every query starts from the signed-in group (``stats.conditions``)."""
from __future__ import annotations

from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import prompts, stats
from ..api.group_schemas import FiltersSchema
from ..export import Labels
from ..models import Group, Submission

LATEST = 20
EXCERPT = 160  # characters of a review's text in the table
FILTERS = tuple(FiltersSchema().fields)


def read_filters(args) -> tuple[dict, dict]:
    """The filters of the GET form, validated as the API's; a wrong one is dropped and reported, not fatal."""
    given = {name: args[name].strip() for name in FILTERS if args.get(name, "").strip()}
    try:
        return FiltersSchema().load(given), {}
    except ValidationError as error:
        for name in error.messages:
            given.pop(name, None)
        return FiltersSchema().load(given), error.messages


def query_args(filters: dict) -> dict:
    """The filters back as URL parameters (the export buttons keep what the page shows)."""
    return {name: str(value) for name, value in filters.items() if value}


def choices(session: Session, group: Group) -> dict:
    """Sellers and products of the whole group (not only the filtered ones) for the filter form."""
    everything = stats.conditions(group, {})
    return {
        "marketplaces": tuple(prompts.forms()),
        "sellers": [row["seller"] for row in stats.by_seller(session, everything) if row["seller"]],
        "products": [
            {"key": row["product"], "title": row["title"] or row["product"], "marketplace": row["marketplace"]}
            for row in stats.by_product(session, group, everything)
        ],
    }


def excerpt(text: str | None) -> str | None:
    if not text or len(text) <= EXCERPT:
        return text
    return text[:EXCERPT].rsplit(" ", 1)[0] + "…"


def latest(session: Session, group: Group, filters: dict, limit: int = LATEST) -> list[dict]:
    """The newest submissions matching the filters (index on group_id, created_at), answers as labels."""
    query = (
        select(Submission)
        .where(*stats.conditions(group, filters))
        .order_by(Submission.created_at.desc(), Submission.id.desc())
        .limit(limit)
    )
    labels = Labels(group.language)
    rows = []
    for submission in session.scalars(query):
        rows.append({
            "date": submission.created_at.date().isoformat(),
            "marketplace": submission.marketplace,
            "product": submission.product_title or submission.product_key,
            "seller": submission.seller,
            "rating": submission.rating,
            "recommend": submission.recommend and labels.of("recommend", submission.kind, submission.recommend),
            "buy_again": submission.buy_again and labels.of("buy_again", submission.kind, submission.buy_again),
            "text": excerpt(submission.text),  # stored after personal data was removed
        })
    return rows
