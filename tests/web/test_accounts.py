"""Accounts: first admin, passwords, lockout, sessions, tokens, settings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from scamtrace.errors import ConfigError
from scamtrace.services import accounts
from scamtrace.services.accounts import AuthError, LockoutPolicy, SessionPolicy
from scamtrace.store import Store
from scamtrace.store.auth_tables import api_tokens, sessions, users
from scamtrace.web.app import create_app
from scamtrace.web.settings import Settings
from tests.web.conftest import PASSWORD, bearer, csrf_of, login, settings_for


@pytest.mark.sqlite
@pytest.mark.postgres
def test_first_admin_is_created_once_with_a_generated_password(store: Store) -> None:
    shown: list[str] = []
    app = create_app(settings_for(store, bootstrap_admin=True), store=store, announce=shown.append)
    create_app(settings_for(store, bootstrap_admin=True), store=store, announce=shown.append)
    assert len(shown) == 1 and len(shown[0]) >= 20
    assert accounts.authenticate(store, "admin", shown[0]).role == "admin"
    with store.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert shown[0] not in stored and stored.startswith("$argon2")
    login(TestClient(app), "admin", shown[0])
    assert accounts.generate_password() != accounts.generate_password()


@pytest.mark.sqlite
def test_lockout_after_repeated_failures(store: Store) -> None:
    accounts.create_user(store, "asha", "analyst", password=PASSWORD)
    policy = LockoutPolicy(max_failures=3, lock_minutes=15)
    for _ in range(3):
        with pytest.raises(AuthError):
            accounts.authenticate(store, "asha", "wrong", policy=policy)
    with pytest.raises(AuthError) as exc:
        accounts.authenticate(store, "asha", PASSWORD, policy=policy)  # right password, still locked
    assert exc.value.reason == "locked" and exc.value.locked_until is not None
    accounts.unlock(store, "asha")
    assert accounts.authenticate(store, "asha", PASSWORD, policy=policy).name == "asha"


@pytest.mark.sqlite
def test_lockout_message_in_the_browser(store: Store) -> None:
    accounts.create_user(store, "asha", "analyst", password=PASSWORD)
    client = TestClient(create_app(settings_for(store, login_max_failures=2), store=store))
    token = csrf_of(client.get("/report").text)
    first = client.post("/login", data={"csrf_token": token, "name": "asha", "password": "nope"})
    assert first.status_code == 401 and "name or password is not right" in first.text
    second = client.post("/login", data={"csrf_token": token, "name": "asha", "password": "nope"})
    assert "locked" in second.text
    unknown = client.post("/login", data={"csrf_token": token, "name": "nobody", "password": "nope"})
    assert "name or password is not right" in unknown.text  # no hint whether an account exists


@pytest.mark.sqlite
def test_password_change_ends_other_sessions(store: Store, users: dict[str, str]) -> None:
    app = create_app(settings_for(store), store=store)
    a, b = login(TestClient(app), "analyst"), login(TestClient(app), "analyst")
    token = csrf_of(a.get("/account").text)
    weak = a.post("/account/password", data={"csrf_token": token, "current": PASSWORD, "new": "short", "confirm": "short"})
    assert "at least 12 characters" in weak.text
    r = a.post("/account/password", data={"csrf_token": token, "current": PASSWORD, "new": "a much longer secret 42", "confirm": "a much longer secret 42"})
    assert "Password changed" in r.text
    assert a.get("/account").status_code == 200
    assert b.get("/account", follow_redirects=False).status_code == 303  # the other browser is signed out
    assert accounts.authenticate(store, "analyst", "a much longer secret 42").name == "analyst"


@pytest.mark.sqlite
def test_sessions_expire_when_idle_and_at_their_lifetime(store: Store) -> None:
    user, _ = accounts.create_user(store, "asha", "analyst", password=PASSWORD)
    policy = SessionPolicy(lifetime=timedelta(hours=8), idle=timedelta(minutes=30))
    raw = accounts.create_session(store, user, policy)
    assert accounts.session_user(store, raw, policy) == user
    with store.engine.begin() as conn:
        seen = conn.execute(select(sessions.c.last_seen_at)).scalar_one()
        conn.execute(update(sessions).values(last_seen_at=seen - timedelta(minutes=31)))
    assert accounts.session_user(store, raw, policy) is None
    raw = accounts.create_session(store, user, policy)
    with store.engine.begin() as conn:
        created = conn.execute(select(sessions.c.created_at)).scalar_one()
        conn.execute(update(sessions).values(expires_at=created))
    assert accounts.session_user(store, raw, policy) is None
    with store.engine.connect() as conn:
        stored = conn.execute(select(sessions.c.id_hash)).scalars().all()
    assert raw not in stored


@pytest.mark.sqlite
def test_tokens_are_stored_hashed_and_can_be_revoked(store: Store, users: dict[str, str]) -> None:
    client = TestClient(create_app(settings_for(store), store=store))
    with store.engine.connect() as conn:
        hashes = conn.execute(select(api_tokens.c.token_hash)).scalars().all()
    assert users["analyst"] not in hashes and accounts.sha256_hex(users["analyst"]) in hashes
    assert client.get("/api/me", headers=bearer(users["analyst"])).status_code == 200
    user = accounts.get_user(store, "analyst")
    tid = accounts.list_tokens(store, user)[0]["id"]
    assert accounts.revoke_token(store, user, int(tid))  # type: ignore[call-overload]
    assert client.get("/api/me", headers=bearer(users["analyst"])).status_code == 401


@pytest.mark.sqlite
def test_account_page_makes_a_token_shown_once(client: TestClient, users: dict[str, str]) -> None:
    login(client, "partner")
    token = csrf_of(client.get("/account").text)
    page = client.post("/account/tokens", data={"csrf_token": token, "label": "blocklist sync"}).text
    import re

    raw = re.search(r'id="new-token">(st_[^<]+)<', page)
    assert raw is not None
    assert client.get("/api/me", headers=bearer(raw.group(1))).json()["role"] == "partner"
    assert raw.group(1) not in client.get("/account").text


def test_settings_refuse_missing_or_default_secret_in_production() -> None:
    for bad in ({}, {"SCAMTRACE_SECRET_KEY": "changeme"}, {"SCAMTRACE_SECRET_KEY": "short"}):
        with pytest.raises(ConfigError, match="SCAMTRACE_SECRET_KEY"):
            Settings.from_env(bad)
    good = Settings.from_env({"SCAMTRACE_SECRET_KEY": "k" * 40, "SCAMTRACE_DB": "sqlite:///x.db", "SCAMTRACE_FORM_RATE_PER_HOUR": "3"})
    assert good.production and good.secret_key == "k" * 40 and good.db_url == "sqlite:///x.db" and good.form_rate_per_hour == 3
    with pytest.raises(ConfigError):
        Settings.from_env({"SCAMTRACE_SECRET_KEY": "k" * 40, "SCAMTRACE_SESSION_HOURS": "soon"})


def test_settings_generate_an_ephemeral_secret_in_development(caplog: pytest.LogCaptureFixture) -> None:
    a = Settings.from_env({"SCAMTRACE_ENV": "development"})
    b = Settings.from_env({}, environment="development")
    assert a.secret_generated and b.secret_generated and a.secret_key != b.secret_key and len(a.secret_key) >= 32
    assert "SCAMTRACE_SECRET_KEY is not set" in caplog.text
