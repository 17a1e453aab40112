"""Opening a store: URL resolution, engine settings per dialect, and migrations."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from scamtrace.errors import ConfigError, StoreError

DEFAULT_DB_URL = "sqlite:///scamtrace.db"
ENV_VAR = "SCAMTRACE_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_url(url: str | None = None) -> str:
    """``--db`` wins, then ``SCAMTRACE_DB``, then ``sqlite:///scamtrace.db``."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_DB_URL


@dataclass
class Store:
    """An open store: an engine on a database at the current schema."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: object, _record: ConnectionPoolEntry) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    # WAL lets the web app read while a batch ingest writes; busy_timeout waits instead of failing.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS:d}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"{url!r} is not a database URL; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise ConfigError(f"{url}: folder {parent} does not exist")
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise ConfigError("PostgreSQL needs the driver: pip install 'scamtrace[postgres]'") from exc
    raise ConfigError(f"{url}: unsupported database {parsed.get_backend_name()!r}; use SQLite or PostgreSQL")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic ``upgrade head``)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (and by default create or migrate) the store at ``url``."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        if upgrade:
            migrate(engine)
        else:
            inspect(engine).get_table_names()
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store at {make_url(resolved).render_as_string()}: {exc.orig}") from exc
    return Store(engine=engine, url=resolved)
