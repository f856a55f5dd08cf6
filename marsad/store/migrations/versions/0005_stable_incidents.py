"""stable incident ids: when incidents were first issued, and the ids merged away

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("first_seen", sa.String(32)))
    op.create_table(
        "incident_aliases",
        sa.Column("alias", sa.String(20), primary_key=True),
        sa.Column("incident_id", sa.String(20), nullable=False, index=True),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("incident_aliases")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("first_seen")
