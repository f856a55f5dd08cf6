"""Tables of the store (SQLAlchemy Core). Migrations in ``migrations/versions`` create them;
this module only describes them for queries."""

from __future__ import annotations

from sqlalchemy import (
                        JSON,
                        Boolean,
                        Column,
                        Float,
                        ForeignKey,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        false,
)

metadata = MetaData()

reports = Table(
    "reports", metadata,
    Column("id", String(40), primary_key=True),  # sha1 of the text: the same words, one row
    Column("name", String(300), nullable=False),  # file stem or JSONL id
    Column("origin", Text),
    Column("outlet", String(300)),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("language", String(8)),
    Column("message", Text),
    Column("text", Text, nullable=False),
    Column("text_norm", Text, nullable=False),  # folded for search (hamza, ta marbuta, marks)
    Column("extractor_version", String(40), nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

EVENT_COLUMNS = (
    Column("id", String(60), primary_key=True),  # <report id>:<event index>
    Column("report_id", String(40), ForeignKey("reports.id", ondelete="CASCADE",
                                            name="events_report_id_fkey"),
           nullable=False, index=True),
    Column("event_index", Integer, nullable=False),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("time_precision", Integer),
    Column("date_relative", Boolean, nullable=False, default=False),
    Column("location_name", Text),
    Column("location_name_en", Text),
    Column("landmark", Text),
    Column("country_code", String(2), index=True),
    Column("admin1", String(80)),
    Column("admin2", String(120)),
    Column("place_id", String(80)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", String(120)),
    Column("actor2", String(120)),
    Column("killed_min", Integer), Column("killed_max", Integer),
    Column("killed_vague", Boolean, nullable=False, default=False),
    Column("civilians_killed_min", Integer), Column("civilians_killed_max", Integer),
    Column("children_killed_min", Integer), Column("women_killed_min", Integer),
    Column("combatants_killed_min", Integer),
    Column("injured_min", Integer), Column("injured_max", Integer),
    Column("injured_vague", Boolean, nullable=False, default=False),
    Column("killed_or_injured_min", Integer),
    Column("named_killed", JSON),
    Column("sources", JSON),
    Column("aggregate", Boolean, nullable=False, default=False),
    Column("confidence", Float),
    Column("incident_id", String(20), index=True),
)
events = Table("events", metadata, *EVENT_COLUMNS)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(60), ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("field", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(20), primary_key=True),
    Column("block", String(40), nullable=False, index=True),  # country/week it was resolved in
    Column("event_type", String(60), nullable=False, index=True),
    Column("sub_event_type", String(60), nullable=False),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("time_precision", Integer),
    Column("location_name", Text),
    Column("location_name_en", Text),
    Column("country_code", String(2), index=True),
    Column("admin1", String(80), index=True),
    Column("admin2", String(120)),
    Column("place_id", String(80)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("actor1", String(120), index=True),
    Column("actor2", String(120), index=True),
    Column("killed_min", Integer), Column("killed_max", Integer),
    Column("civilians_killed_min", Integer, index=True), Column("civilians_killed_max", Integer),
    Column("children_killed_min", Integer), Column("children_killed_max", Integer),
    Column("injured_min", Integer), Column("injured_max", Integer),
    # the figure is a vague word coded by convention (عشرات → 12), not a count
    Column("killed_vague", Boolean, nullable=False, default=False, server_default=false()),
    Column("injured_vague", Boolean, nullable=False, default=False, server_default=false()),
    Column("n_reports", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("outlets", JSON),
    Column("sources", JSON),
    Column("grade", String(12), nullable=False),
    Column("merge_rules", JSON),
    Column("locked", Boolean, nullable=False, default=False),  # set by a reviewer's split/merge
    Column("review_status", String(12), nullable=False, default="unreviewed"),
    Column("first_seen", String(32)),  # when this id was first issued: the older id survives
)

incident_aliases = Table(
    # an id merged into another incident: its URL and its review history follow it there
    "incident_aliases", metadata,
    Column("alias", String(20), primary_key=True),
    Column("incident_id", String(20), nullable=False, index=True),
    Column("at", String(32), nullable=False),
)

users = Table(
    "users", metadata,
    Column("name", String(80), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

corrections = Table(  # a reviewer's value for an incident field; survives recomputation
    "corrections", metadata,
    Column("incident_id", String(20), primary_key=True),
    Column("field", String(40), primary_key=True),
    Column("value", JSON),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String(20), nullable=False, index=True),
    Column("user", String(80), nullable=False),
    Column("at", String(32), nullable=False),
    Column("action", String(20), nullable=False),
    Column("field", String(40)),
    Column("old", Text),
    Column("new", Text),
    Column("note", Text),
)
