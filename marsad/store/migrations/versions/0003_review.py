"""reviewers, their corrections, and the audit log

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(80), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "corrections",
        sa.Column("incident_id", sa.String(20), primary_key=True),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(20), nullable=False, index=True),
        sa.Column("user", sa.String(80), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("note", sa.Text),
    )
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("review_status", sa.String(12), nullable=False,
                                   server_default="unreviewed"))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("review_status")
    op.drop_table("audit")
    op.drop_table("corrections")
    op.drop_table("users")
