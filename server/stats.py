"""A group's aggregates, counted by the database (GROUP BY over indexed, denormalised columns).

Python only folds small results: the headline figures come from one GROUP BY over (rating, recommend,
buy again, unmet expectations), at most 5 x 4 x 4 x 2 rows however many submissions there are, so the
table is scanned once for all of them. Labels come from the flow in the group's language.

"Would recommend" counts "yes" and "yes, with reservations"; "would buy again" counts "yes" and "only on
one condition": both are a yes with a qualifier. ``options`` keeps every answer apart for who needs it.
"""
from __future__ import annotations

import datetime
from collections import Counter

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from . import prompts
from .models import Group, Submission, SubmissionReason

TOP = 20  # reasons, sellers and products listed
STANCES = {
    "recommend": {"yes": "yes", "reservations": "yes", "no": "no"},
    "buy_again": {"yes": "yes", "only_if": "yes", "no": "no"},
}
RECOMMENDING = tuple(option for option, stance in STANCES["recommend"].items() if stance == "yes")


def conditions(group: Group, filters: dict) -> list:
    """The WHERE clause of every statistic and of the export: this group, then the filters given."""
    where = [Submission.group_id == group.id]
    if filters.get("marketplace"):
        where.append(Submission.marketplace == filters["marketplace"])
    if filters.get("seller"):
        where.append(Submission.seller == filters["seller"])
    if filters.get("product"):
        where.append(Submission.product_key == filters["product"])
    if filters.get("since"):
        where.append(Submission.created_at >= datetime.datetime.combine(filters["since"], datetime.time.min))
    if filters.get("until"):  # the whole day named
        day_after = filters["until"] + datetime.timedelta(days=1)
        where.append(Submission.created_at < datetime.datetime.combine(day_after, datetime.time.min))
    return where


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _average(value) -> float | None:
    return None if value is None else round(float(value), 2)


def _stance(step_id: str, counts: Counter, total: int, language: str) -> dict:
    step = prompts.steps(language)[step_id]
    stances = Counter()
    for option, count in counts.items():
        stances[STANCES[step_id].get(option, "unknown")] += count
    summary = {stance: {"count": stances[stance], "share": _share(stances[stance], total)} for stance in ("yes", "no", "unknown")}
    summary["options"] = [
        {"id": option["id"], "label": option["label"], "count": counts[option["id"]]} for option in step["options"]
    ]
    return summary


def headline(session: Session, where: list, language: str) -> dict:
    columns = (Submission.rating, Submission.recommend, Submission.buy_again, Submission.has_unmet_expectations)
    rows = session.execute(select(*columns, func.count()).where(*where).group_by(*columns)).all()
    total = sum(row[-1] for row in rows)
    ratings, recommend, buy_again, unmet = Counter(), Counter(), Counter(), 0
    for rating, recommends, buys, has_unmet, count in rows:
        ratings[rating] += count
        recommend[recommends] += count
        buy_again[buys] += count
        unmet += count if has_unmet else 0
    return {
        "count": total,
        "rating": {
            "average": _average(sum(r * n for r, n in ratings.items()) / total if total else None),
            "distribution": {str(r): ratings[r] for r in range(1, 6)},
        },
        "recommend": _stance("recommend", recommend, total, language),
        "buy_again": _stance("buy_again", buy_again, total, language),
        "unmet_expectations": {"count": unmet, "share": _share(unmet, total)},
    }


def reasons(session: Session, group: Group, where: list, total: int, language: str) -> list[dict]:
    count = func.count().label("count")
    query = select(SubmissionReason.kind, SubmissionReason.reason, count).where(SubmissionReason.group_id == group.id)
    if len(where) > 1:  # filtered: the submissions table says which reasons count
        query = query.join(Submission, Submission.id == SubmissionReason.submission_id).where(*where)
    query = (
        query
        .group_by(SubmissionReason.kind, SubmissionReason.reason)
        .order_by(count.desc(), SubmissionReason.kind, SubmissionReason.reason)
        .limit(TOP)
    )
    steps = prompts.steps(language)
    kinds = {option["id"]: option["label"] for option in steps["kind"]["options"]}
    out = []
    for kind, reason, n in session.execute(query):
        labels = {o["id"]: o["label"] for o in prompts.options(steps["disappointed"], kind)}
        out.append({
            "kind": kind, "kind_label": kinds.get(kind, kind), "reason": reason, "label": labels.get(reason, reason),
            "count": n, "share": _share(n, total),
        })
    return out


def _breakdown(session: Session, where: list, key):
    """count, average rating and the share recommending, per value of ``key``, the largest first."""
    count = func.count().label("count")
    recommending = func.sum(case((Submission.recommend.in_(RECOMMENDING), 1), else_=0))
    query = (
        select(key, count, func.avg(Submission.rating), recommending)
        .where(*where)
        .group_by(key)
        .order_by(count.desc(), key)
        .limit(TOP)
    )
    for value, n, average, recommends in session.execute(query):
        yield value, {"count": n, "average_rating": _average(average), "recommend_share": _share(recommends or 0, n)}


def by_seller(session: Session, where: list) -> list[dict]:
    return [{"seller": seller, **figures} for seller, figures in _breakdown(session, where, Submission.seller)]


def by_product(session: Session, group: Group, where: list) -> list[dict]:
    top = list(_breakdown(session, where, Submission.product_key))
    # Titles only for the products listed: the counting above reads nothing but its covering index.
    names = select(Submission.product_key, func.max(Submission.product_title), func.max(Submission.marketplace)).where(
        Submission.group_id == group.id, Submission.product_key.in_([key for key, _ in top])
    ).group_by(Submission.product_key)
    titles = {key: (title, marketplace) for key, title, marketplace in session.execute(names)} if top else {}
    return [
        {"product": key, "title": titles[key][0], "marketplace": titles[key][1], **figures} for key, figures in top
    ]


def weekly(session: Session, where: list) -> list[dict]:
    """Every week from the first submission to the last, empty weeks included (a chart needs them)."""
    query = select(Submission.week, func.count(), func.avg(Submission.rating)).where(*where).group_by(Submission.week)
    found = {_date(week): (n, _average(average)) for week, n, average in session.execute(query)}
    if not found:
        return []
    week, last, out = min(found), max(found), []
    while week <= last:
        n, average = found.get(week, (0, None))
        out.append({"week": week.isoformat(), "count": n, "average_rating": average})
        week += datetime.timedelta(days=7)
    return out


def _date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def summary(session: Session, group: Group, filters: dict) -> dict:
    where = conditions(group, filters)
    figures = headline(session, where, group.language)
    return {
        "group": {"slug": group.slug, "name": group.name, "language": group.language},
        **figures,
        "reasons": reasons(session, group, where, figures["count"], group.language),
        "by_seller": by_seller(session, where),
        "by_product": by_product(session, group, where),
        "weekly": weekly(session, where),
    }
