"""places carry their gazetteer id, district and English name to events and incidents

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("admin2", sa.String(120)))
    op.add_column("events", sa.Column("place_id", sa.String(80)))
    op.add_column("incidents", sa.Column("location_name_en", sa.Text))
    op.add_column("incidents", sa.Column("admin2", sa.String(120)))
    op.add_column("incidents", sa.Column("place_id", sa.String(80)))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        for name in ("place_id", "admin2", "location_name_en"):
            batch.drop_column(name)
    with op.batch_alter_table("events") as batch:
        for name in ("place_id", "admin2"):
            batch.drop_column(name)
