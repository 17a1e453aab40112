"""Fixtures for the web tests: an app on the per-test store, users of every role, a small linked world."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scamtrace.intake.validate import parse_report
from scamtrace.services.accounts import ROLES, create_token, create_user
from scamtrace.services.ingest import ingest_reports
from scamtrace.services.linking import rebuild
from scamtrace.store import Store
from scamtrace.web.app import create_app
from scamtrace.web.settings import Settings

SECRET = "test-secret-" + "x" * 40
PASSWORD = "correct horse battery staple"
CSRF_RE = re.compile(r'name="csrf_token" value="([0-9a-f]{64})"')

CALLBACK = "1 (844) 213-7788"
CALLBACK_E164 = "+18442137788"
VICTIM = {"name": "Margaret Quill", "email": "margaret.quill@example.org", "phone": "+1 614 555 2398"}
XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>"


def settings_for(store: Store, **overrides: Any) -> Settings:
    base = Settings(db_url=store.url, secret_key=SECRET, environment="production", bootstrap_admin=False)
    return base.with_(**overrides) if overrides else base


def _doc(rid: str, narrative: str, day: int, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "report_id": rid,
        "source": "helpline",
        "received_at": f"2025-03-{day:02d}T10:00:00-05:00",
        "incident_at": f"2025-03-{day:02d}",
        "victim": {"country": "US", "region": "OH", "age_band": "60+"},
        "contact": {"channel": "popup", "direction": "inbound"},
        "narrative": narrative,
    }
    doc.update(extra)
    return doc


def world_docs() -> list[dict[str, Any]]:
    """Five reports of one call centre (shared callback number and domain), one with personal data, one unrelated."""
    common = f"A red warning popped up saying my Windows was infected and to call Microsoft at {CALLBACK}. "
    docs = [
        _doc(f"hl-{i}", common + "A man called Kevin had me install AnyDesk and I paid $499 with Target gift cards. "
             "The page was win-defender-alert-help.com.", 3 + i,
             payments=[{"method": "gift_card", "amount": 499, "currency": "USD", "gift_card_brand": "Target"}])
        for i in range(4)
    ]
    docs.append(
        _doc(
            "hl-personal",
            common + f"I am {VICTIM['name']}, you can reach me at {VICTIM['email']} or on 614-555-2398. "
            "They took $1,200 by wire.",
            9,
            victim={"country": "US", "region": "OH", "age_band": "60+", "consent_to_contact": False, **VICTIM},
        )
    )
    docs.append(
        _doc(
            "hl-consented",
            common + "My name is Harold Finch and I agreed the police may call me.",
            10,
            victim={"country": "GB", "age_band": "60+", "consent_to_contact": True, "name": "Harold Finch", "phone": "+44 20 7946 0321"},
        )
    )
    docs.append(_doc("hl-other", "Someone on a dating site asked me for money for a plane ticket.", 11, contact={"channel": "chat"}))
    return docs


@dataclass
class World:
    store: Store
    pks: dict[str, int]
    operation_id: str


def seed(store: Store, docs: list[dict[str, Any]] | None = None) -> World:
    reports = [parse_report(d) for d in (docs or world_docs())]
    summary = ingest_reports(store, reports, keep_pks=True)
    rebuild(store)
    pks = {r.report_id: pk for r, pk in zip(reports, summary.report_pks, strict=True)}
    from sqlalchemy import select

    from scamtrace.store.tables import assignments

    with store.engine.connect() as conn:
        op = conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk == pks["hl-0"])).scalar_one()
    return World(store, pks, op)


@pytest.fixture
def world(store: Store) -> World:
    return seed(store)


@pytest.fixture
def app(store: Store) -> Any:
    return create_app(settings_for(store), store=store)


@pytest.fixture
def users(store: Store) -> dict[str, str]:
    """One account per role, all with PASSWORD; returns role → API token."""
    tokens = {}
    for role in ROLES:
        create_user(store, role, role, password=PASSWORD)
        tokens[role] = create_token(store, role, label="test")
    return tokens


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF token in page"
    return m.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    token = csrf_of(client.get("/report").text)  # /login redirects a signed-in browser; /report always has a form
    r = client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
