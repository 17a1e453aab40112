"""Enforcement cases: FIR, linked operations, raids, accused, arrests, seizures, frozen accounts, remands.

Cases name operations by id without a foreign key (``case_operations``): ids
are stable across rebuilds, and a rebuild must never delete a case.
Raid and arrest times are stored as given (local time at the premises).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Float, ForeignKey, Integer, String, Table, Text

from scamtrace.store.tables import metadata

cases = Table(
    "cases",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("fir_number", String(40), nullable=False),
    Column("fir_year", Integer, nullable=False),
    Column("police_station", String(200), nullable=False),
    Column("district", String(200)),
    Column("state", String(100)),
    Column("jurisdiction", String(8), nullable=False),
    Column("sections", JSON, nullable=False),  # [{statute, section}]
    Column("complainant", Text),
    Column("investigating_officer", Text),
    Column("complaint_refs", JSON, nullable=False),  # NCRP acknowledgements, Action Fraud refs, IC3 ids
    Column("custody_period", Integer, nullable=False),  # 60 or 90 days (BNSS s.187(3))
    Column("charge_sheet_filed", Date),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

case_operations = Table(
    "case_operations",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("operation_id", String(40), primary_key=True),
    Column("linked_at", DateTime, nullable=False),
)

raids = Table(
    "raids",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("address", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("units", Text),
)

accused = Table(
    "accused",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", String(20), nullable=False),  # owner | manager | telecaller | other
    Column("status", String(40), nullable=False),
)

arrests = Table(
    "arrests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("accused_id", Integer, ForeignKey("accused.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
)

seizures = Table(
    "seizures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("raid_id", Integer, ForeignKey("raids.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("item_type", String(60), nullable=False),
    Column("count", Integer, nullable=False),
    Column("make_model", Text),
    Column("identifier", Text),  # IMEI or serial number
    Column("image_hash", String(128)),
    Column("witness", Text),
    Column("memo_ref", Text),
)

frozen_accounts = Table(
    "frozen_accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("account", Text, nullable=False),
    Column("amount", Float),
    Column("currency", String(3)),
)

remands = Table(
    "remands",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("accused_id", Integer, ForeignKey("accused.id", ondelete="CASCADE")),
    Column("court", Text, nullable=False),
    Column("kind", String(10), nullable=False),  # police | judicial
    Column("from_date", Date, nullable=False),
    Column("to_date", Date, nullable=False),
)
