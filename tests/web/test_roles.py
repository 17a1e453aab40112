"""Every route, every role: the set of roles let through is exactly the one intended.

A new route fails this test until it is added to ALLOWED, so no page or API
endpoint can ship without someone deciding who may use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scamtrace.store import Store
from scamtrace.web.app import create_app
from tests.web.conftest import PASSWORD, World, bearer, csrf_of, login, settings_for

EVERYONE = {"anon", "admin", "analyst", "investigator", "partner", "reporter"}
SIGNED_IN = EVERYONE - {"anon"}
STAFF = {"admin", "analyst", "investigator"}
OPS = STAFF | {"partner"}

ALLOWED: dict[tuple[str, str], set[str]] = {
    # pages
    ("GET", "/"): EVERYONE,
    ("GET", "/healthz"): EVERYONE,
    ("GET", "/login"): EVERYONE,
    ("POST", "/login"): EVERYONE,
    ("POST", "/logout"): EVERYONE,
    ("GET", "/account"): SIGNED_IN,
    ("POST", "/account/password"): SIGNED_IN,
    ("POST", "/account/tokens"): SIGNED_IN,
    ("POST", "/account/tokens/{token_id}/revoke"): SIGNED_IN,
    ("GET", "/operations"): OPS,
    ("GET", "/operations/{op_id}"): OPS,
    ("POST", "/operations/{op_id}/referral"): {"admin", "analyst"},
    ("GET", "/reports"): STAFF,
    ("GET", "/reports/{pk}"): STAFF,
    ("POST", "/reports/{pk}/reveal"): {"admin", "analyst"},  # the investigator only with consent: see test_api
    ("GET", "/cases"): STAFF,
    ("GET", "/lookup"): OPS,
    ("GET", "/report"): EVERYONE,
    ("POST", "/report"): EVERYONE,
    ("GET", "/report/thanks"): EVERYONE,
    # API
    ("GET", "/api/openapi.json"): EVERYONE,
    ("GET", "/api/me"): SIGNED_IN,
    ("GET", "/api/audit/verify"): {"admin"},
    ("POST", "/api/reports"): SIGNED_IN,
    ("GET", "/api/reports"): STAFF,
    ("GET", "/api/reports/by-key"): STAFF,
    ("GET", "/api/reports/{pk}"): STAFF,
    ("GET", "/api/operations"): OPS,
    ("GET", "/api/operations/{op_id}"): OPS,
    ("GET", "/api/operations/{op_id}/explain"): OPS,
    ("GET", "/api/operations/{op_id}/path"): STAFF,
    ("GET", "/api/operations/{op_id}/assignments"): STAFF,
    ("GET", "/api/operations/{op_id}/graph"): OPS,
    ("POST", "/api/referrals"): {"admin", "analyst"},
    ("GET", "/api/referrals"): STAFF,
    ("GET", "/api/referrals/{ref_id}"): STAFF,
    ("GET", "/api/referrals/{ref_id}/download"): STAFF,
    ("GET", "/api/cases"): STAFF,
    ("GET", "/api/cases/{case_id}"): STAFF,
    ("GET", "/api/feeds"): OPS | {"investigator"},
    ("GET", "/api/indicators/lookup"): OPS,
}


def _routes(app: Any) -> set[tuple[str, str]]:
    """(method, path) of every endpoint, through included routers (FastAPI ≥ 0.13x nests them)."""
    try:
        from fastapi.routing import iter_route_contexts

        items: list[Any] = list(iter_route_contexts(app.routes))
    except ImportError:  # older FastAPI flattens included routers itself
        items = list(app.routes)
    out = set()
    for r in items:
        for m in getattr(r, "methods", None) or ():
            if m != "HEAD":
                out.add((m, r.path))
    return out


def _url(path: str, world: World) -> str:
    return (
        path.replace("{op_id}", world.operation_id)
        .replace("{pk}", str(world.pks["hl-0"]))
        .replace("{ref_id}", "no-such-referral")
        .replace("{case_id}", "no-such-case")
        .replace("{token_id}", "999999")
    )


def _params(path: str) -> dict[str, str]:
    if path == "/api/reports/by-key":
        return {"source": "helpline", "report_id": "hl-0"}
    if path == "/api/operations/{op_id}/path":
        return {"a": "helpline/hl-0", "b": "helpline/hl-1"}
    if path == "/api/indicators/lookup":
        return {"kind": "phone", "value": "+18442137788"}
    return {}


def _form(path: str, role: str) -> dict[str, str]:
    if path == "/login":
        return {"name": role, "password": PASSWORD}
    if path == "/account/password":
        return {"current": "wrong", "new": "x" * 14, "confirm": "y" * 14}
    if path == "/report":
        return {"what_happened": f"A pop-up told me to call 1 (844) 213-7788 ({role})."}
    return {}


def _json(path: str, role: str, world: World) -> dict[str, Any]:
    if path == "/api/reports":
        return {"report_id": f"walk-{role}", "source": "partner:walk", "received_at": "2025-03-20T09:00:00Z", "narrative": "walk"}
    if path == "/api/referrals":
        return {"operation_id": world.operation_id}
    return {}


def _denied(path: str, r: Any) -> bool:
    # (A 409 from a referral asked for twice in one second is access granted, then refused as a duplicate.)
    if path.startswith("/api/"):
        return r.status_code == 401 or (r.status_code == 403 and "your role may not" in r.text)
    if r.status_code == 303 and r.headers["location"].startswith("/login?next="):
        return True
    return r.status_code == 403 and "Not available to your role" in r.text


@pytest.mark.sqlite
def test_every_route_admits_exactly_the_intended_roles(store: Store, world: World, users: dict[str, str], tmp_path: Path) -> None:
    settings = settings_for(store, login_rate_per_minute=1000, form_rate_per_hour=1000, referral_dir=str(tmp_path / "refs"))
    app = create_app(settings, store=store)
    routes = _routes(app)
    assert routes == set(ALLOWED), f"unclassified: {sorted(routes - set(ALLOWED))}; stale: {sorted(set(ALLOWED) - routes)}"
    failures = []
    for role in sorted(EVERYONE):
        client = TestClient(app, follow_redirects=False)
        if role != "anon":
            login(client, role)
        for method, path in sorted(ALLOWED):
            url = _url(path, world)
            headers = bearer(users[role]) if path.startswith("/api/") and role != "anon" else {}
            if method == "GET":
                r = client.get(url, params=_params(path), headers=headers)
            elif path.startswith("/api/"):
                r = client.post(url, json=_json(path, role, world), headers=headers)
            else:
                data = {"csrf_token": csrf_of(client.get("/report").text), **_form(path, role)}
                r = client.post(url, data=data)
                if path in ("/logout", "/login") and role != "anon":
                    login(client, role)  # logging out (or in again) ends the session the walk uses
            allowed = role in ALLOWED[(method, path)]
            if allowed == _denied(path, r):
                failures.append(f"{role:12} {method:4} {path}: {r.status_code} ({'expected access' if allowed else 'expected denial'})")
    assert not failures, "\n".join(failures)
