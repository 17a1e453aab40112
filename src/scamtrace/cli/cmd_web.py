"""serve, user add|token|list|passwd|unlock, audit verify."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from scamtrace.cli.app import app, dumps, fail, get_store, run, state

user_app = typer.Typer(help="Accounts for the web app and API.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log of personal-data views.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(audit_app, name="audit")

DEMO_ADMIN = "demo-admin"


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    dev: Annotated[bool, typer.Option("--dev", help="development mode: an ephemeral secret key if SCAMTRACE_SECRET_KEY is unset")] = False,
    demo_admin: Annotated[bool, typer.Option("--demo-admin", help=f"create (or reset) admin {DEMO_ADMIN!r} and print its password and the login URL")] = False,
    access_log: Annotated[bool, typer.Option("--access-log", help="log every request line (off by default: URLs can carry searched personal data)")] = False,
) -> None:
    """Run the dashboard, the REST API (/api/) and the victim form (/report).

    Example: SCAMTRACE_SECRET_KEY=... scamtrace --db sqlite:///st.db serve --port 8000
    First run on an empty store creates user 'admin' and prints its password once on stderr.
    """
    import uvicorn

    from scamtrace.services.accounts import create_user, reset_password
    from scamtrace.web.app import create_app
    from scamtrace.web.settings import Settings

    settings = run(lambda: Settings.from_env(environment="development" if dev else None, db_url=state.db))
    store = run(get_store)
    if demo_admin:
        try:
            _user, password = create_user(store, DEMO_ADMIN, "admin")
        except Exception:  # exists already: a fresh password each run, since it is shown only once
            password = run(lambda: reset_password(store, DEMO_ADMIN))
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
        sys.stderr.write(f"\nscamtrace: dashboard at http://{shown}:{port}/login\n  user: {DEMO_ADMIN}\n  password: {password}\n\n")
        sys.stderr.flush()
    web = run(lambda: create_app(settings, store=store))
    uvicorn.run(web, host=host, port=port, access_log=access_log, log_level="info", server_header=False)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="account name")],
    role: Annotated[str, typer.Option("--role", help="admin, analyst, investigator, partner or reporter")],
) -> None:
    """Create an account; prints its generated password once. Example: scamtrace user add asha --role analyst"""
    from scamtrace.services.accounts import create_user

    user, password = run(lambda: create_user(get_store(), name, role))
    typer.echo(dumps({"name": user.name, "role": user.role, "password": password}))


@user_app.command("token")
def user_token(
    name: Annotated[str, typer.Argument(help="account name")],
    label: Annotated[str, typer.Option(help="what the token is for")] = "cli",
    days: Annotated[int | None, typer.Option(help="expire after N days (default: never)")] = None,
) -> None:
    """Create an API token for NAME; prints it once. Example: scamtrace user token asha --days 90"""
    from scamtrace.services.accounts import create_token

    token = run(lambda: create_token(get_store(), name, label=label, days=days))
    typer.echo(dumps({"name": name, "token": token}))


@user_app.command("list")
def user_list() -> None:
    """Accounts, one JSON object per line (no secrets). Example: scamtrace user list"""
    from scamtrace.services.accounts import list_users

    for row in run(lambda: list_users(get_store())):
        typer.echo(dumps(row))


@user_app.command("passwd")
def user_passwd(name: Annotated[str, typer.Argument(help="account name")]) -> None:
    """Give NAME a new generated password (printed once), unlock it and end its sessions."""
    from scamtrace.services.accounts import reset_password

    password = run(lambda: reset_password(get_store(), name))
    typer.echo(dumps({"name": name, "password": password}))


@user_app.command("unlock")
def user_unlock(name: Annotated[str, typer.Argument(help="account name")]) -> None:
    """Lift a lockout after failed logins. Example: scamtrace user unlock asha"""
    from scamtrace.services.accounts import unlock

    run(lambda: unlock(get_store(), name))
    typer.echo(dumps({"name": name, "unlocked": True}))


@audit_app.command("verify")
def audit_verify() -> None:
    """Recompute the audit log's hash chain; exit 1 if any entry was changed, removed or reordered."""
    from scamtrace.services import audit

    store = run(get_store)
    with store.engine.connect() as conn:
        ok, bad = audit.verify(conn)
    typer.echo(dumps({"ok": ok, "first_bad_id": bad, "entries": audit.count(store)}))
    if not ok:
        raise fail(f"audit log broken at entry {bad}", code=1)
