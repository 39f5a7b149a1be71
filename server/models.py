"""What is stored: consumer groups, their members' submissions, and the reasons ticked in each.

Only what the aggregates and the export need. No IP address, cookie, account or e-mail; free text is
stored after personal data was removed from it (``server/submissions.py``). The figures the
statistics group by (rating, recommend, buy again, unmet expectations, week, reasons) are copied out
of the answers into their own columns and table so they can be counted in SQL, with indexes.
"""
from __future__ import annotations

import datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-numbers an INTEGER PRIMARY KEY; PostgreSQL gets 64 bits.
ID = BigInteger().with_variant(Integer(), "sqlite")
ANSWERS_JSON = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime.datetime:
    """Naive UTC: SQLite keeps no time zone, so both databases store the same thing."""
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))  # labels of stats and export
    join_code: Mapped[str] = mapped_column(String(32), unique=True)  # public: members type it in
    admin_token_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 hex; the token is shown once
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)


class Submission(Base):
    __tablename__ = "submissions"
    # Every query is within one group. The statistics' GROUP BYs read covering indexes only (the columns
    # grouped and counted follow group_id), never the wide rows; see migration 0002.
    __table_args__ = (
        Index("ix_submissions_group_created", "group_id", "created_at"),
        Index("ix_submissions_group_marketplace", "group_id", "marketplace", "created_at"),
        Index("ix_submissions_headline", "group_id", "rating", "recommend", "buy_again", "has_unmet_expectations"),
        Index("ix_submissions_group_seller", "group_id", "seller", "rating", "recommend"),
        Index("ix_submissions_group_product", "group_id", "product_key", "rating", "recommend"),
        Index("ix_submissions_group_week", "group_id", "week", "rating"),
        Index("ix_submissions_duplicates", "group_id", "product_key", "fingerprint", "created_at"),
    )

    id: Mapped[int] = mapped_column(ID, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(), default=utcnow)
    week: Mapped[datetime.date] = mapped_column(Date())  # Monday of created_at's week, for the time series
    language: Mapped[str] = mapped_column(String(8))
    marketplace: Mapped[str] = mapped_column(String(32))
    product_key: Mapped[str] = mapped_column(String(300))  # what "the same product" means; see submissions.py
    product_url: Mapped[str | None] = mapped_column(String(2000))
    product_title: Mapped[str | None] = mapped_column(String(300))
    product_external_id: Mapped[str | None] = mapped_column(String(100))
    seller: Mapped[str | None] = mapped_column(String(200))
    rating: Mapped[int] = mapped_column(SmallInteger())
    kind: Mapped[str] = mapped_column(String(32))
    recommend: Mapped[str | None] = mapped_column(String(32))  # the flow's option id, or null when unanswered
    buy_again: Mapped[str | None] = mapped_column(String(32))
    has_unmet_expectations: Mapped[bool] = mapped_column(Boolean())
    answers: Mapped[dict] = mapped_column(ANSWERS_JSON)  # cleaned and redacted
    text: Mapped[str | None] = mapped_column(Text())  # the final review, redacted
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the normalised text, for duplicates


class SubmissionReason(Base):
    """One ticked "what let you down" option; its label depends on the product kind."""

    __tablename__ = "submission_reasons"
    __table_args__ = (Index("ix_submission_reasons_group", "group_id", "kind", "reason"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    # Copied from the submission: a group's reasons are counted without a join when nothing is filtered.
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
