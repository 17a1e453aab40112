"""The store: SQLAlchemy tables, engine setup and migrations. SQLite by default, PostgreSQL alike."""

from scamtrace.store.db import DEFAULT_DB_URL, Store, open_store, resolve_url

__all__ = ["DEFAULT_DB_URL", "Store", "open_store", "resolve_url"]
