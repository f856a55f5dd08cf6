"""reports, events, evidence, incidents and full-text search

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("origin", sa.Text), sa.Column("outlet", sa.String(300)),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)), sa.Column("language", sa.String(8)),
        sa.Column("message", sa.Text), sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_norm", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(40), nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    # frozen as first applied (a copy of the live columns then: without the report key)
    op.create_table(
        "events",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("report_id", sa.String(40), nullable=False, index=True),
        sa.Column("event_index", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("date_start", sa.String(10), index=True), sa.Column("date_end", sa.String(10)),
        sa.Column("time_precision", sa.Integer),
        sa.Column("date_relative", sa.Boolean, nullable=False, default=False),
        sa.Column("location_name", sa.Text), sa.Column("location_name_en", sa.Text),
        sa.Column("landmark", sa.Text),
        sa.Column("country_code", sa.String(2), index=True),
        sa.Column("admin1", sa.String(80)),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("actor1", sa.String(120)), sa.Column("actor2", sa.String(120)),
        sa.Column("killed_min", sa.Integer), sa.Column("killed_max", sa.Integer),
        sa.Column("killed_vague", sa.Boolean, nullable=False, default=False),
        sa.Column("civilians_killed_min", sa.Integer),
        sa.Column("civilians_killed_max", sa.Integer),
        sa.Column("children_killed_min", sa.Integer), sa.Column("women_killed_min", sa.Integer),
        sa.Column("combatants_killed_min", sa.Integer),
        sa.Column("injured_min", sa.Integer), sa.Column("injured_max", sa.Integer),
        sa.Column("injured_vague", sa.Boolean, nullable=False, default=False),
        sa.Column("killed_or_injured_min", sa.Integer),
        sa.Column("named_killed", sa.JSON), sa.Column("sources", sa.JSON),
        sa.Column("aggregate", sa.Boolean, nullable=False, default=False),
        sa.Column("confidence", sa.Float),
        sa.Column("incident_id", sa.String(20), index=True),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(60), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("block", sa.String(40), nullable=False, index=True),
        sa.Column("event_type", sa.String(60), nullable=False, index=True),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("date_start", sa.String(10), index=True), sa.Column("date_end", sa.String(10)),
        sa.Column("time_precision", sa.Integer), sa.Column("location_name", sa.Text),
        sa.Column("country_code", sa.String(2), index=True),
        sa.Column("admin1", sa.String(80), index=True),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("actor1", sa.String(120), index=True), sa.Column("actor2", sa.String(120)),
        sa.Column("killed_min", sa.Integer), sa.Column("killed_max", sa.Integer),
        sa.Column("civilians_killed_min", sa.Integer, index=True),
        sa.Column("civilians_killed_max", sa.Integer),
        sa.Column("children_killed_min", sa.Integer), sa.Column("children_killed_max", sa.Integer),
        sa.Column("injured_min", sa.Integer), sa.Column("injured_max", sa.Integer),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON), sa.Column("sources", sa.JSON),
        sa.Column("grade", sa.String(12), nullable=False),
        sa.Column("merge_rules", sa.JSON),
        sa.Column("locked", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # external-content FTS5 over the folded text; kept in step by the store
        op.execute("CREATE VIRTUAL TABLE reports_fts USING fts5(text_norm, content='reports', "
                   "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
    else:
        op.execute("CREATE INDEX reports_fts ON reports USING gin "
                   "(to_tsvector('simple', text_norm))")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE reports_fts")
    op.drop_table("incidents")
    op.drop_table("evidence")
    op.drop_table("events")
    op.drop_table("reports")
