"""Headers, CSRF, rate limits, attacker-written narratives, cookies, redirects."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from scamtrace.store import Store
from scamtrace.web.app import create_app
from scamtrace.web.ratelimit import RateLimited, RateLimiter
from tests.web.conftest import XSS, World, bearer, csrf_of, login, settings_for


@pytest.mark.sqlite
def test_security_headers_everywhere(client: TestClient, users: dict[str, str]) -> None:
    for path in ("/", "/report", "/login", "/api/openapi.json", "/static/css/app.css", "/no-such-page", "/api/operations"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert r.headers["x-frame-options"] == "DENY"
    assert client.get("/report").headers["cache-control"] == "no-store"
    assert "max-age" in client.get("/static/js/graph.js").headers["cache-control"]


@pytest.mark.sqlite
def test_templates_carry_no_inline_script_or_style(client: TestClient, users: dict[str, str], world: World) -> None:
    login(client, "admin")
    for path in ("/operations", f"/operations/{world.operation_id}", "/reports", f"/reports/{world.pks['hl-0']}", "/report", "/account", "/cases", "/lookup"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path


@pytest.mark.sqlite
def test_victim_form_refuses_a_missing_or_foreign_csrf_token(client: TestClient) -> None:
    story = {"what_happened": "They called me about a virus."}
    r = client.post("/report", data=story)
    assert r.status_code == 403 and "press “Send my report” once more" in r.text
    assert "They called me about a virus." in r.text  # what the victim typed is kept
    other = TestClient(client.app)
    foreign = csrf_of(other.get("/report").text)  # a token issued to another browser
    assert client.post("/report", data={**story, "csrf_token": foreign}).status_code == 403
    mine = csrf_of(client.get("/report").text)
    assert client.post("/report", data={**story, "csrf_token": mine}, follow_redirects=False).status_code == 303


@pytest.mark.sqlite
def test_staff_forms_refuse_without_csrf(client: TestClient, users: dict[str, str], world: World) -> None:
    r = client.post("/login", data={"name": "admin", "password": "x"})
    assert r.status_code == 403
    login(client, "analyst")
    for path in ("/logout", "/account/tokens", f"/reports/{world.pks['hl-personal']}/reveal", f"/operations/{world.operation_id}/referral"):
        r = client.post(path, data={"csrf_token": "0" * 64})
        assert r.status_code == 403 and "Please try again" in r.text, path


@pytest.mark.sqlite
def test_form_rate_limit_per_client_counts_stored_reports_only(store: Store) -> None:
    app = create_app(settings_for(store, form_rate_per_hour=2), store=store)
    client = TestClient(app, follow_redirects=False)
    token = csrf_of(client.get("/report").text)
    for _ in range(3):  # mistakes do not use up the allowance
        assert client.post("/report", data={"csrf_token": token, "what_happened": ""}).status_code == 422
    for i in range(2):
        assert client.post("/report", data={"csrf_token": token, "what_happened": f"scam {i}"}).status_code == 303
    r = client.post("/report", data={"csrf_token": token, "what_happened": "scam 3"})
    assert r.status_code == 429 and "wait an hour" in r.text and "scam 3" in r.text


@pytest.mark.sqlite
def test_login_and_api_rate_limits(store: Store, users: dict[str, str]) -> None:
    app = create_app(settings_for(store, login_rate_per_minute=2, api_rate_per_minute=1), store=store)
    client = TestClient(app)
    token = csrf_of(client.get("/report").text)
    codes = [client.post("/login", data={"csrf_token": token, "name": "nobody", "password": "x"}).status_code for _ in range(3)]
    assert codes == [401, 401, 429]
    doc = {"report_id": "rl-1", "source": "partner:x", "received_at": "2025-01-01T00:00:00Z"}
    assert client.post("/api/reports", json=doc, headers=bearer(users["reporter"])).status_code == 201
    r = client.post("/api/reports", json=doc, headers=bearer(users["reporter"]))
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1


def test_rate_limiter_refills_and_stays_bounded() -> None:
    now = [0.0]
    rl = RateLimiter(2, 60, max_keys=100, clock=lambda: now[0])
    rl.hit("a")
    rl.hit("a")
    with pytest.raises(RateLimited) as exc:
        rl.hit("a")
    assert 1 <= exc.value.retry_after <= 30
    now[0] += 30
    rl.hit("a")  # one token back after half the period
    for i in range(1000):
        rl.hit(f"ip-{i}")
    assert len(rl) == 100


@pytest.mark.sqlite
def test_attacker_written_narratives_stay_inert(client: TestClient, users: dict[str, str], store: Store) -> None:
    token = csrf_of(client.get("/report").text)
    r = client.post("/report", data={"csrf_token": token, "what_happened": XSS + " call 1 (844) 213-7788", "caller_name": XSS, "website": "hxxp://evil[.]com/<b>"}, follow_redirects=False)
    assert r.status_code == 303
    api = {"report_id": "<script>alert(3)</script>", "source": "partner:x", "received_at": "2025-01-01T00:00:00Z", "narrative": XSS, "caller": {"name": XSS}}
    assert client.post("/api/reports", json=api, headers=bearer(users["reporter"])).status_code == 201
    login(client, "analyst")
    search = client.get("/reports", params={"q": "alert"}).text
    pages = [search]
    for pk in re.findall(r'href="/reports/(\d+)"', search):
        pages.append(client.get(f"/reports/{pk}").text)
        token = csrf_of(pages[-1])
        pages.append(client.post(f"/reports/{pk}/reveal", data={"csrf_token": token}).text)
    assert len(pages) == 5
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
        assert "&lt;script&gt;alert" in html
    assert "onerror=alert(1)" in pages[1]  # present as text, inside escaped markup


@pytest.mark.sqlite
def test_login_redirect_stays_on_this_site(client: TestClient, users: dict[str, str]) -> None:
    for evil in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        token = csrf_of(client.get("/report").text)  # a sign-in changes the session, and with it the token
        r = client.post("/login", data={"csrf_token": token, "name": "analyst", "password": "correct horse battery staple", "next": evil}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/operations"


@pytest.mark.sqlite
def test_session_cookie_flags(store: Store, users: dict[str, str]) -> None:
    app = create_app(settings_for(store), store=store)
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        client = TestClient(app, base_url=base)
        token = csrf_of(client.get("/report").text)
        r = client.post("/login", data={"csrf_token": token, "name": "analyst", "password": "correct horse battery staple"}, follow_redirects=False)
        cookie = r.headers["set-cookie"]
        assert "st_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
        assert ("Secure" in cookie) is secure
        if secure:
            assert "strict-transport-security" in r.headers
