"""Tables for accounts, sessions, API tokens, login attempts and the audit log.

They share ``metadata`` with :mod:`scamtrace.store.tables` so one Alembic
history covers the whole store; the web layer owns them, the linking pipeline
never reads them.

Secrets are never stored: passwords as argon2 hashes, session and API tokens
as SHA-256 of a random value (a token with 256 bits of entropy needs no slow
hash). The audit log is append-only (triggers in migration 0002 refuse UPDATE
and DELETE) and hash-chained: each row's ``hash`` covers its canonical content
and the previous row's hash, so an edit made around the triggers still shows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
)

from scamtrace.store.tables import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, server_default=false()),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", DateTime),
    Column("password_changed_at", DateTime, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(100), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),  # sha256 of the cookie value
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("label", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),  # shown in lists so a user can tell tokens apart
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("expires_at", DateTime),
    Column("revoked_at", DateTime),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("username", String(100), nullable=False),
    Column("ip", String(64)),
    Column("success", Boolean, nullable=False),
    Column("reason", String(40)),
)
Index("ix_login_attempts_username_at", login_attempts.c.username, login_attempts.c.at)

# ``id`` is assigned by the appender (head.last_id + 1) while it holds the head
# row's lock, so ids are gap-free and part of the hashed content.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("at", DateTime, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("role", String(20), nullable=False),
    Column("action", String(40), nullable=False),
    Column("report_pk", Integer),  # no foreign key: the entry outlives a deleted report
    Column("target", Text),  # e.g. "webform/wf-000183" or an operation id
    Column("detail", JSON, nullable=False),
    Column("ip", String(64)),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_audit_log_report_pk", audit_log.c.report_pk)

# One row (id = 1): the chain's tip. Appenders lock it first, which serialises
# appends on SQLite (write lock) and PostgreSQL (row lock) alike.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)
