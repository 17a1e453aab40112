"""Command definitions. Each command is a few lines over a library call."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from scamtrace.cli.output import Format, emit
from scamtrace.errors import ScamtraceError
from scamtrace.store import Store, open_store

app = typer.Typer(
    name="scamtrace",
    help="Link tech-support scam complaints into call-centre operations police can act on.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class _State:
    db: str | None = None
    store: Store | None = None


state = _State()


@app.callback()
def _root(
    db: Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL of the store (default: $SCAMTRACE_DB or sqlite:///scamtrace.db)")] = None,
) -> None:
    state.db = db
    if state.store is not None:
        state.store.dispose()
    state.store = None


def get_store() -> Store:
    if state.store is None:
        state.store = open_store(state.db)
    return state.store


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"scamtrace: {message}", err=True)
    return typer.Exit(code)


def run(fn: Any) -> Any:
    """Turn scamtrace's own errors into a one-line message and exit code 2."""
    try:
        return fn()
    except ScamtraceError as exc:
        raise fail(str(exc)) from None


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="json (default), table or csv")]


def _register() -> None:
    # Import command modules for their @app.command side effect.
    from scamtrace.cli import (  # noqa: F401
        cmd_attribute,
        cmd_cases,
        cmd_extract,
        cmd_ingest,
        cmd_link,
        cmd_refer,
        cmd_web,
    )


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def stderr_json(obj: Any) -> None:
    sys.stderr.write(dumps(obj) + "\n")


__all__ = ["Format", "FormatOpt", "Path", "app", "emit", "fail", "get_store", "run", "stderr_json"]
_register()
