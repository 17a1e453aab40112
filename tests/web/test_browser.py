"""The dashboard and the victim form in a real browser (Debian's chromium driven by Playwright).

A uvicorn server on 127.0.0.1 (free port) serves a small demo world, ingested
and linked. Screenshots are always taken; they replace the committed ones in
docs/screenshots/ (shown in the README and docs/web.md) only with
SCAMTRACE_UPDATE_SCREENSHOTS=1, so a test run leaves the work tree clean.
Without /usr/bin/chromium these tests skip (set SCAMTRACE_REQUIRE_BROWSER=1 to
make that a failure); install it with scripts/install-browser.sh.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scamtrace.services.accounts import create_user
from scamtrace.services.ingest import ingest_paths
from scamtrace.services.linking import rebuild
from scamtrace.store import open_store
from scamtrace.web.app import create_app
from tests.web.conftest import PASSWORD, XSS, bearer, seed, settings_for

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

if not CHROMIUM.exists() and os.environ.get("SCAMTRACE_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"{CHROMIUM} is missing: run scripts/install-browser.sh")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: scripts/install-browser.sh")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _world(store: Any, tmp: Path) -> None:
    try:
        from scamtrace.demo import write_world
    except ImportError:  # before the demo generator exists: the hand-made world
        seed(store)
        return
    write_world(tmp / "world", reports=400, seed=1)
    ingest_paths(store, [str(tmp / "world" / "reports.jsonl")])
    rebuild(store)
    try:
        from scamtrace.services.attribution import attribute_all
    except ImportError:
        return
    attribute_all(store)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return DOCS_SHOTS if os.environ.get("SCAMTRACE_UPDATE_SCREENSHOTS") == "1" else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    tmp = tmp_path_factory.mktemp("browser")
    store = open_store(f"sqlite:///{tmp / 'store.db'}")
    _world(store, tmp)
    for role in ("analyst", "partner", "reporter"):
        create_user(store, role, role, password=PASSWORD)
    app = create_app(settings_for(store, referral_dir=str(tmp / "refs")), store=store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page that records dialogs (alert/confirm) and CSP violations."""

    def __init__(self, browser: Any, base: str, shots: Path):
        self.shots = shots
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.page = self.context.new_page()
        self.base = base
        self.dialogs: list[str] = []
        self.csp: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.csp.append(m.text) if "Content Security Policy" in m.text else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def login(self, name: str) -> None:
        self.go("/login")
        self.page.fill("#name", name)
        self.page.fill("#password", PASSWORD)
        self.page.click("form.stack button[type=submit]")
        self.page.wait_for_load_state()

    def shot(self, name: str, full: bool = False) -> None:
        self.shots.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.shots / name), full_page=full)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any, server: str, shots: Path) -> Iterator[Watched]:
    w = Watched(browser, server, shots)
    try:
        yield w
    finally:
        w.close()
        assert w.csp == [], f"CSP violations: {w.csp}"


def test_analyst_logs_in_searches_and_opens_an_operation(watched: Watched) -> None:
    page = watched.page
    watched.login("analyst")
    assert page.url.endswith("/operations")
    assert page.locator("#operations tbody tr").count() > 0
    watched.shot("operations.png")

    watched.go("/reports?q=microsoft")
    rows = page.locator("#report-results tbody tr")
    assert rows.count() > 0
    watched.shot("reports.png")

    watched.go("/operations")
    rows = page.locator("#operations tbody tr")
    # The best-ranked operation with a likely location, so the map has something to show.
    chosen = next((i for i in range(min(rows.count(), 40)) if "unknown" not in rows.nth(i).locator("td").nth(9).inner_text()), 0)
    rows.nth(chosen).locator("a.opid").click()
    page.wait_for_selector("#graph[data-ready='1']", timeout=30_000)
    assert int(page.get_attribute("#graph", "data-nodes") or 0) > 1
    assert int(page.get_attribute("#graph", "data-edges") or 0) > 0
    assert page.locator("svg.worldmap path.land").count() > 100
    page.wait_for_timeout(300)
    watched.shot("operation.png")
    page.locator("#graph").scroll_into_view_if_needed()
    page.locator("section.panel:has(#graph)").screenshot(path=str(watched.shots / "operation-graph.png"))
    page.locator("section.panel:has(svg.worldmap)").screenshot(path=str(watched.shots / "operation-map.png"))
    assert all((watched.shots / n).stat().st_size > 10_000 for n in ("operations.png", "operation.png", "operation-graph.png"))

    page.locator("a[href^='/reports?operation=']").click()
    page.locator("#report-results a[href^='/reports/']").first.click()
    page.wait_for_selector("#narrative")
    watched.shot("report.png")
    if page.locator("#reveal-form").count():
        page.click("#reveal-form button")
        page.wait_for_selector("#revealed")


def test_victim_submits_the_form(watched: Watched) -> None:
    page = watched.go("/report")
    page.click("#victim-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert "Please tell us what happened" in page.inner_text("#what_happened-error")
    watched.shot("report-form-errors.png")
    page.fill("#what_happened", "A red warning said my computer was infected and to call Microsoft at 1 (844) 213-7788. "
              "A man called Kevin had me install AnyDesk and I paid $499 in Target gift cards. " + XSS)
    page.fill("#when", "2025-03-12")
    page.check("input[name=how][value=popup]")
    page.fill("#caller_phone", "1 (844) 213-7788")
    page.fill("#caller_name", XSS)
    page.select_option("#pay_method", "gift_card")
    page.fill("#pay_amount", "499")
    page.select_option("#pay_currency", "USD")
    page.select_option("#country", "US")
    page.check("input[name=age_band][value='60+']")
    watched.shot("report-form.png", full=True)
    page.click("#victim-form button[type=submit]")
    page.wait_for_selector("#reference")
    assert page.inner_text("#reference").startswith("WF-")
    watched.shot("report-thanks.png")
    assert watched.dialogs == []


def test_script_in_a_narrative_never_runs(watched: Watched, server: str) -> None:
    import httpx

    page = watched.page
    # Through the API (session-less, with a reporter token made via the account page).
    watched.login("reporter")
    watched.go("/account")
    page.fill("#label", "xss test")
    page.click("form[action='/account/tokens'] button")
    token = page.inner_text("#new-token").strip()
    doc = {"report_id": "xss-1", "source": "partner:test", "received_at": "2025-03-20T10:00:00Z", "narrative": XSS + " call 1 (844) 213-7788", "caller": {"name": XSS}}
    r = httpx.post(server + "/api/reports", json=doc, headers=bearer(token))
    assert r.status_code == 201, r.text
    watched.context.clear_cookies()
    watched.login("analyst")
    watched.go("/reports?q=onerror")
    links = page.locator("#report-results a[href^='/reports/']")
    assert links.count() >= 1
    for i in range(links.count()):
        watched.go("/reports?q=onerror")
        page.locator("#report-results a[href^='/reports/']").nth(i).click()
        page.wait_for_selector("#narrative")
        assert "<script>alert('xss')</script>" in page.inner_text("#narrative")  # shown as text
        assert page.locator("#narrative script, #narrative img, #narrative svg").count() == 0
        if page.locator("#reveal-form").count():
            page.click("#reveal-form button")
            page.wait_for_selector("#revealed")
            assert page.locator("#narrative script, #narrative img, #narrative svg").count() == 0
    page.wait_for_timeout(300)
    assert watched.dialogs == []


def test_partner_sees_counts_and_indicators_only(watched: Watched) -> None:
    page = watched.page
    watched.login("partner")
    page.locator("#operations a.opid").first.click()
    page.wait_for_selector("#graph[data-ready='1']", timeout=30_000)
    labels = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || '')")
    assert not any(h.startswith("/reports") for h in labels)
    graph_url = page.get_attribute("#graph", "data-src")
    data = page.evaluate("url => fetch(url).then(r => r.json())", graph_url)
    reports = [n["data"] for n in data["elements"]["nodes"] if n["data"]["type"] == "report"]
    assert reports and all(d["label"] == "" and "pk" not in d for d in reports)
    watched.shot("partner-operation.png")
    watched.go("/reports")
    assert "Not available to your role" in page.content()
    assert page.evaluate("fetch('/api/reports').then(r => r.status)") == 403
