"""Alembic environment: runs on the connection handed in by scamtrace.store.db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from scamtrace.store import (
    auth_tables,  # noqa: F401  (registers the web tables on metadata)
    case_tables,  # noqa: F401  (registers the case tables on metadata)
)
from scamtrace.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=conn.dialect.name == "sqlite",  # type: ignore[attr-defined]
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # the alembic command line, used by developers to write new migrations
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///scamtrace.db")
    with engine.begin() as conn:
        _run(conn)
