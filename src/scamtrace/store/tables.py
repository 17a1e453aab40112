"""Table definitions. Changing them needs an Alembic migration (store/migrations).

Personal data lives apart: ``report_personal`` (victim name, email, phone) and
``victim_indicators`` (the victim's own numbers, IDs and accounts found in the
text) are never joined into indicator or operation queries, so roles that may
not see them can be kept from them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("report_id", String(200), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),  # as given, offset kept
    Column("received_utc", DateTime, nullable=False),
    Column("incident_at", String(40)),  # as given: date, local or offset date-time
    Column("incident_utc", DateTime),  # only when the offset was given
    Column("incident_day", Date),  # the day the contact happened (victim's local day), else received day
    Column("day_number", Integer, nullable=False),  # incident_day as days since 1970-01-01, for set-based time windows
    Column("incident_key", String(70)),  # up to three keys: one incident reported through two channels counts once
    Column("language", String(35), nullable=False, server_default="en"),
    Column("victim_country", String(2)),
    Column("victim_region", String(200)),
    Column("victim_age_band", String(10)),
    Column("channel", String(16)),
    Column("direction", String(10)),
    Column("doc", JSON, nullable=False),  # the report without personal fields
    Column("narrative", Text, nullable=False, server_default=""),
    Column("is_tss", Boolean),
    Column("scam_type", String(32)),
    Column("tss_score", Float),
    Column("reasons", JSON),
    Column("facts", JSON),
    Column("weak", Text),  # weak signals, "|"-separated (scamtrace.link.weak)
    Column("extractor_version", String(32)),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("source", "report_id", name="uq_reports_source_report_id"),
)
Index("ix_reports_day_number", reports.c.day_number)
Index("ix_reports_updated_at", reports.c.updated_at)
Index("ix_reports_received_utc", reports.c.received_utc)

report_personal = Table(
    "report_personal",
    metadata,
    Column("report_pk", Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text),
    Column("email", Text),
    Column("phone", Text),
)

victim_indicators = Table(
    "victim_indicators",
    metadata,
    Column("report_pk", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("value", Text, nullable=False),
    Column("field", String(64)),
    PrimaryKeyConstraint("report_pk", "kind", "value"),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("value", String(1000), nullable=False),
    UniqueConstraint("kind", "value", name="uq_indicators_kind_value"),
)

report_indicators = Table(
    "report_indicators",
    metadata,
    Column("report_pk", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("indicator_id", Integer, ForeignKey("indicators.id"), nullable=False),
    Column("role", String(10), nullable=False),
    Column("flags", String(500), nullable=False, server_default=""),
    Column("field", String(64)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    PrimaryKeyConstraint("report_pk", "indicator_id", "role"),
)
Index("ix_report_indicators_indicator_id", report_indicators.c.indicator_id)

report_changes = Table(
    "report_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_pk", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("changed_at", DateTime, nullable=False),
    Column("old_hash", String(64), nullable=False),
    Column("new_hash", String(64), nullable=False),
    Column("fields", JSON, nullable=False),  # names of the top-level fields that changed
    Column("path", Text),
    Column("line", Integer),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("paths", JSON, nullable=False),
    Column("counts", JSON),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id"), index=True),
    Column("path", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("field", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
)

operations = Table(
    "operations",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("incidents", Integer, nullable=False),
    Column("is_tss", Boolean, nullable=False),
    Column("harm", Float, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("summary", JSON, nullable=False),
    Column("location", JSON),
    Column("utc_offset", JSON),
)
Index("ix_operations_harm", operations.c.harm)

assignments = Table(
    "assignments",
    metadata,
    Column("report_pk", Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("operation_id", String(40), ForeignKey("operations.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_assignments_operation_id", assignments.c.operation_id)

# Every node (indicator in one time epoch) that linked reports of an operation, or
# that was held back as a suspect bridge: what `operation ID --explain` shows.
operation_evidence = Table(
    "operation_evidence",
    metadata,
    Column("operation_id", String(40), ForeignKey("operations.id", ondelete="CASCADE"), nullable=False),
    Column("indicator_id", Integer, ForeignKey("indicators.id"), nullable=False),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("status", String(10), nullable=False),  # link | suspect
    PrimaryKeyConstraint("operation_id", "indicator_id", "first_day"),
)
Index("ix_operation_evidence_indicator_id", operation_evidence.c.indicator_id)

# Ranked location hypotheses of an operation, rebuilt after each link run.
attributions = Table(
    "attributions",
    metadata,
    Column("operation_id", String(40), ForeignKey("operations.id", ondelete="CASCADE"), nullable=False),
    Column("rank", Integer, nullable=False),
    Column("country", String(2)),
    Column("region", String(200)),
    Column("city", String(200)),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),  # list of {signal, rule, detail, reports, values, data_date}
    Column("computed_at", DateTime, nullable=False),
    PrimaryKeyConstraint("operation_id", "rank"),
)

# Notes, referrals and cases name an operation by id without a foreign key: ids
# are stable across rebuilds, and a rebuild must never delete an analyst's work.
location_notes = Table(
    "location_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("operation_id", String(40), nullable=False, index=True),
    Column("country", String(2), nullable=False),
    Column("region", String(200)),
    Column("city", String(200)),
    Column("text", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

referrals = Table(
    "referrals",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("operation_id", String(40), nullable=False, index=True),
    Column("recipient", String(200), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("out_dir", Text, nullable=False),
    Column("files", JSON, nullable=False),  # {file name: sha256}
    Column("store_state", JSON, nullable=False),
)

link_runs = Table(
    "link_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("mode", String(16), nullable=False),
    Column("params", JSON),
    Column("stats", JSON),
)
