"""Indexes for the statistics, their filters and the duplicate check: each query stays within one group.

The statistics' GROUP BYs are covered: each index holds every column its query groups, filters and
counts, so 1,000,000 submissions are counted from the index without reading the wide rows.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_submissions_group_created": ("submissions", ["group_id", "created_at"]),
    "ix_submissions_group_marketplace": ("submissions", ["group_id", "marketplace", "created_at"]),
    "ix_submissions_headline": ("submissions", ["group_id", "rating", "recommend", "buy_again", "has_unmet_expectations"]),
    "ix_submissions_group_seller": ("submissions", ["group_id", "seller", "rating", "recommend"]),
    "ix_submissions_group_product": ("submissions", ["group_id", "product_key", "rating", "recommend"]),
    "ix_submissions_group_week": ("submissions", ["group_id", "week", "rating"]),
    "ix_submissions_duplicates": ("submissions", ["group_id", "product_key", "fingerprint", "created_at"]),
    "ix_submission_reasons_group": ("submission_reasons", ["group_id", "kind", "reason"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
