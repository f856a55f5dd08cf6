"""the events' key to their report, which 0001 (a copy of the live columns then) dropped

Revision ID: 0006
Revises: 0005

On SQLite the table is rebuilt (batch mode); the store runs migrations with foreign keys
off, so dropping the old table does not cascade into evidence, and checks them afterwards.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NAME = "events_report_id_fkey"


def upgrade() -> None:
    # an event whose report is gone can be neither shown nor traced: the key cannot hold it
    op.execute("DELETE FROM evidence WHERE event_id IN (SELECT id FROM events "
               "WHERE report_id NOT IN (SELECT id FROM reports))")
    op.execute("DELETE FROM events WHERE report_id NOT IN (SELECT id FROM reports)")
    with op.batch_alter_table("events") as batch:
        batch.create_foreign_key(NAME, "reports", ["report_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint(NAME, type_="foreignkey")
