"""CLI: user add/token/list/passwd/unlock and serve's options."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from scamtrace.cli.app import app as cli
from scamtrace.services import accounts
from scamtrace.store import Store


@pytest.mark.sqlite
def test_user_commands(store: Store) -> None:
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", store.url, "user", "add", "asha", "--role", "analyst"])
    assert added.exit_code == 0, added.output
    body = json.loads(added.stdout)
    assert body["role"] == "analyst" and accounts.authenticate(store, "asha", body["password"]).name == "asha"
    again = runner.invoke(cli, ["--db", store.url, "user", "add", "asha", "--role", "analyst"])
    assert again.exit_code == 2 and "exists already" in again.output
    bad = runner.invoke(cli, ["--db", store.url, "user", "add", "bob", "--role", "god"])
    assert bad.exit_code == 2 and "unknown role" in bad.output
    tok = json.loads(runner.invoke(cli, ["--db", store.url, "user", "token", "asha", "--days", "30"]).stdout)["token"]
    assert accounts.token_user(store, tok) is not None
    listed = [json.loads(line) for line in runner.invoke(cli, ["--db", store.url, "user", "list"]).stdout.splitlines()]
    assert [u["name"] for u in listed] == ["asha"] and "password" not in listed[0] and "password_hash" not in listed[0]
    new = json.loads(runner.invoke(cli, ["--db", store.url, "user", "passwd", "asha"]).stdout)["password"]
    assert new != body["password"] and accounts.authenticate(store, "asha", new)
    assert runner.invoke(cli, ["--db", store.url, "user", "unlock", "asha"]).exit_code == 0


def test_serve_help_lists_its_options() -> None:
    out = CliRunner().invoke(cli, ["serve", "--help"]).stdout
    for opt in ("--host", "--port", "--dev", "--demo-admin"):
        assert opt in out
