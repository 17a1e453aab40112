"""enforcement cases: cases, case_operations, raids, accused, arrests, seizures, frozen_accounts, remands

Written by hand to match scamtrace.store.case_tables.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(col: str, table: str, ref: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([col], [f"{ref}.id"], name=op.f(f"fk_{table}_{col}_{ref}"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("fir_number", sa.String(40), nullable=False),
        sa.Column("fir_year", sa.Integer(), nullable=False),
        sa.Column("police_station", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200), nullable=True),
        sa.Column("state", sa.String(100), nullable=True),
        sa.Column("jurisdiction", sa.String(8), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("complainant", sa.Text(), nullable=True),
        sa.Column("investigating_officer", sa.Text(), nullable=True),
        sa.Column("complaint_refs", sa.JSON(), nullable=False),
        sa.Column("custody_period", sa.Integer(), nullable=False),
        sa.Column("charge_sheet_filed", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    op.create_table(
        "case_operations",
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("operation_id", sa.String(40), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        _fk("case_id", "case_operations", "cases"),
        sa.PrimaryKeyConstraint("case_id", "operation_id", name=op.f("pk_case_operations")),
    )
    op.create_table(
        "raids",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("units", sa.Text(), nullable=True),
        _fk("case_id", "raids", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raids")),
    )
    op.create_index("ix_raids_case_id", "raids", ["case_id"])
    op.create_table(
        "accused",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        _fk("case_id", "accused", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accused")),
    )
    op.create_index("ix_accused_case_id", "accused", ["case_id"])
    op.create_table(
        "arrests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("accused_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        _fk("accused_id", "arrests", "accused"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arrests")),
    )
    op.create_index("ix_arrests_accused_id", "arrests", ["accused_id"])
    op.create_table(
        "seizures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("raid_id", sa.Integer(), nullable=False),
        sa.Column("item_type", sa.String(60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("make_model", sa.Text(), nullable=True),
        sa.Column("identifier", sa.Text(), nullable=True),
        sa.Column("image_hash", sa.String(128), nullable=True),
        sa.Column("witness", sa.Text(), nullable=True),
        sa.Column("memo_ref", sa.Text(), nullable=True),
        _fk("raid_id", "seizures", "raids"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seizures")),
    )
    op.create_index("ix_seizures_raid_id", "seizures", ["raid_id"])
    op.create_table(
        "frozen_accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("account", sa.Text(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(3), nullable=True),
        _fk("case_id", "frozen_accounts", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frozen_accounts")),
    )
    op.create_index("ix_frozen_accounts_case_id", "frozen_accounts", ["case_id"])
    op.create_table(
        "remands",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("accused_id", sa.Integer(), nullable=True),
        sa.Column("court", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("to_date", sa.Date(), nullable=False),
        _fk("case_id", "remands", "cases"),
        _fk("accused_id", "remands", "accused"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remands")),
    )
    op.create_index("ix_remands_case_id", "remands", ["case_id"])


def downgrade() -> None:
    for table in ("remands", "frozen_accounts", "seizures", "arrests", "accused", "raids", "case_operations", "cases"):
        op.drop_table(table)
