"""Groups, their submissions and the reasons ticked in each.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "groups",
        sa.Column("id", ID, primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("join_code", sa.String(32), nullable=False, unique=True),
        sa.Column("admin_token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("id", ID, primary_key=True),
        sa.Column("group_id", ID, sa.ForeignKey("groups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("marketplace", sa.String(32), nullable=False),
        sa.Column("product_key", sa.String(300), nullable=False),
        sa.Column("product_url", sa.String(2000), nullable=True),
        sa.Column("product_title", sa.String(300), nullable=True),
        sa.Column("product_external_id", sa.String(100), nullable=True),
        sa.Column("seller", sa.String(200), nullable=True),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("recommend", sa.String(32), nullable=True),
        sa.Column("buy_again", sa.String(32), nullable=True),
        sa.Column("has_unmet_expectations", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_table(
        "submission_reasons",
        sa.Column("submission_id", ID, sa.ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("reason", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("group_id", ID, sa.ForeignKey("groups.id", ondelete="CASCADE"), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("submission_reasons")
    op.drop_table("submissions")
    op.drop_table("groups")
