"""index incidents.actor2 so actor filters use indexes on both sides

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incidents_actor2", "incidents", ["actor2"])


def downgrade() -> None:
    op.drop_index("ix_incidents_actor2", table_name="incidents")
