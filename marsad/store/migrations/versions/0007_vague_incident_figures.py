"""incidents keep whether their killed and injured figures are vague words (عشرات → 12)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("killed_vague", "injured_vague"):
        op.add_column("incidents", sa.Column(name, sa.Boolean, nullable=False,
                                             server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("injured_vague")
        batch.drop_column("killed_vague")
