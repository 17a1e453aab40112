"""The REST API on a per-test store: submit, search, get, operations, lookup, referrals, cases, feeds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scamtrace.services import audit
from scamtrace.store import Store
from scamtrace.web.app import create_app
from tests.web.conftest import CALLBACK, CALLBACK_E164, VICTIM, World, bearer, login, settings_for

both = [pytest.mark.sqlite, pytest.mark.postgres]


def _report(rid: str, **extra: Any) -> dict[str, Any]:
    doc = {
        "report_id": rid,
        "source": "partner:acme",
        "received_at": "2025-03-20T09:12:00-05:00",
        "victim": {"country": "CA", "age_band": "60+"},
        "narrative": f"A pop-up said my computer was locked, call Microsoft support at {CALLBACK}. They wanted $300 in Google Play cards.",
    }
    doc.update(extra)
    return doc


@pytest.mark.sqlite
@pytest.mark.postgres
def test_submit_links_to_the_operation_and_is_idempotent(client: TestClient, users: dict[str, str], world: World) -> None:
    r = client.post("/api/reports", json=_report("acme-1"), headers=bearer(users["reporter"]))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "stored" and body["reference"] == "acme-1" and body["linked"] is True
    assert body["operation_id"] == world.operation_id
    again = client.post("/api/reports", json=_report("acme-1"), headers=bearer(users["reporter"]))
    assert again.status_code == 201 and again.json()["status"] == "unchanged"


@pytest.mark.sqlite
@pytest.mark.postgres
def test_submit_invalid_names_each_field(client: TestClient, users: dict[str, str]) -> None:
    bad = _report("acme-2", received_at="yesterday", victim={"country": "Narnia"}, payments=[{"amount": "lots"}], colour="red")
    r = client.post("/api/reports", json=bad, headers=bearer(users["analyst"]))
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]["errors"]}
    assert {"received_at", "victim.country", "payments.0.amount", "colour"} <= fields


@pytest.mark.sqlite
@pytest.mark.postgres
def test_search_filters(client: TestClient, users: dict[str, str], world: World) -> None:
    h = bearer(users["analyst"])

    def ids(**params: Any) -> set[str]:
        r = client.get("/api/reports", params=params, headers=h)
        assert r.status_code == 200, r.text
        return {i["report_id"] for i in r.json()["items"]}

    assert ids() == set(world.pks)
    assert ids(q="DATING SITE") == {"hl-other"}
    assert ids(country="GB") == {"hl-consented"}
    assert ids(operation=world.operation_id) == set(world.pks) - {"hl-other"}
    assert ids(is_tss=False) == {"hl-other"}
    assert ids(date_from="2025-03-09", date_to="2025-03-10") == {"hl-personal", "hl-consented"}
    assert ids(source="webform") == set()
    page = client.get("/api/reports", params={"limit": 2, "offset": 0}, headers=h).json()
    assert len(page["items"]) == 2 and page["has_more"] is True
    # Search text is bound, never spliced: SQL and LIKE metacharacters are literal.
    assert ids(q="%' OR 1=1 --") == set() and ids(q="_") == set()


@pytest.mark.sqlite
@pytest.mark.postgres
def test_report_is_masked_until_revealed_and_the_reveal_is_audited(client: TestClient, users: dict[str, str], world: World, store: Store) -> None:
    pk = world.pks["hl-personal"]
    h = bearer(users["analyst"])
    masked = client.get(f"/api/reports/{pk}", headers=h).json()
    text = masked["narrative"]
    assert masked["revealed"] is False and masked["personal"] is None and masked["has_personal"] is True
    for secret in (VICTIM["email"], "Margaret", "Quill", "614-555-2398"):
        assert secret not in text
    assert CALLBACK in text  # the scammer's number stays visible to analysts
    before = audit.count(store)
    shown = client.get(f"/api/reports/{pk}", params={"reveal": True}, headers=h).json()
    assert shown["revealed"] is True and shown["personal"]["email"] == VICTIM["email"] and VICTIM["email"] in shown["narrative"]
    assert audit.count(store) == before + 1
    entry = audit.recent(store, limit=1)[0]
    assert (entry["actor"], entry["role"], entry["action"], entry["report_pk"]) == ("analyst", "analyst", "view_personal", pk)
    assert entry["target"] == "helpline/hl-personal" and "email" in entry["detail"]["fields"]


@pytest.mark.sqlite
def test_investigator_sees_personal_data_only_with_consent(client: TestClient, users: dict[str, str], world: World) -> None:
    h = bearer(users["investigator"])
    assert client.get(f"/api/reports/{world.pks['hl-personal']}", params={"reveal": True}, headers=h).status_code == 403
    ok = client.get(f"/api/reports/{world.pks['hl-consented']}", params={"reveal": True}, headers=h)
    assert ok.status_code == 200 and ok.json()["personal"]["name"] == "Harold Finch"


@pytest.mark.sqlite
@pytest.mark.postgres
def test_operations_list_detail_explain_assignments_graph(client: TestClient, users: dict[str, str], world: World) -> None:
    h = bearer(users["analyst"])
    ranked = client.get("/api/operations", headers=h).json()
    assert [o["operation_id"] for o in ranked["items"]] == [world.operation_id]
    top = ranked["items"][0]
    assert top["rank"] == 1 and top["reports"] == 6 and sum(top["weekly"]) == 6 and top["weekly"][0] > 0
    assert client.get("/api/operations", params={"country": "AU"}, headers=h).json()["items"] == []
    assert client.get("/api/operations", params={"min_reports": 7}, headers=h).json()["items"] == []
    detail = client.get(f"/api/operations/{world.operation_id}", headers=h).json()
    assert detail["summary"]["victims_by_country"]["US"] == 5
    explain = client.get(f"/api/operations/{world.operation_id}/explain", headers=h).json()
    assert any(link["value"] == CALLBACK_E164 for link in explain["links"])
    members = client.get(f"/api/operations/{world.operation_id}/assignments", headers=h).json()["reports"]
    assert {m["report_id"] for m in members} == set(world.pks) - {"hl-other"}
    graph = client.get(f"/api/operations/{world.operation_id}/graph", headers=h).json()
    kinds = {n["data"]["type"] for n in graph["elements"]["nodes"]}
    assert kinds == {"report", "indicator"} and graph["reports_shown"] == 6 and graph["elements"]["edges"]
    assert client.get("/api/operations/op-nope", headers=h).status_code == 404
    path = client.get(f"/api/operations/{world.operation_id}/path", params={"a": "helpline/hl-0", "b": "helpline/hl-3"}, headers=h)
    assert path.status_code == 200 and path.json()


@pytest.mark.sqlite
@pytest.mark.postgres
def test_indicator_lookup(client: TestClient, users: dict[str, str], world: World) -> None:
    h = bearer(users["partner"])
    r = client.get("/api/indicators/lookup", params={"kind": "phone", "value": "844.213.7788"}, headers=h).json()
    assert r["known"] is True and CALLBACK_E164 in r["normalised"]
    assert r["matches"][0]["operations"][0]["operation_id"] == world.operation_id
    # The victim's own number is personal data: never confirmed as "known".
    mine = client.get("/api/indicators/lookup", params={"kind": "phone", "value": VICTIM["phone"]}, headers=h).json()
    assert mine["known"] is False
    assert client.get("/api/indicators/lookup", params={"kind": "shoe", "value": "x"}, headers=h).status_code == 422


@pytest.mark.sqlite
def test_cases_and_feeds_answer_even_before_their_stages_exist(client: TestClient, users: dict[str, str]) -> None:
    for path in ("/api/cases", "/api/feeds"):
        r = client.get(path, headers=bearer(users["analyst"]))
        assert r.status_code == 200 and isinstance(r.json()["items"], list) and isinstance(r.json()["available"], bool)


@pytest.mark.sqlite
def test_referral_create_list_download(store: Store, users: dict[str, str], world: World, tmp_path: Path) -> None:
    from scamtrace.web import optional

    app = create_app(settings_for(store, referral_dir=str(tmp_path / "refs")), store=store)
    client = TestClient(app)
    h = bearer(users["analyst"])
    r = client.post("/api/referrals", json={"operation_id": world.operation_id}, headers=h)
    if optional.referral_builder() is None:
        assert r.status_code == 501
        return
    assert r.status_code == 201, r.text
    ref = r.json()
    assert ref["operation_id"] == world.operation_id and ref["files"]
    double = client.post("/api/referrals", json={"operation_id": world.operation_id}, headers=h)
    assert double.status_code in (201, 409)  # a double click is never a server error
    listed = client.get("/api/referrals", params={"operation_id": world.operation_id}, headers=bearer(users["investigator"])).json()
    assert ref["id"] in [x["id"] for x in listed]
    before = audit.count(store)
    z = client.get(f"/api/referrals/{ref['id']}/download", headers=bearer(users["investigator"]))
    assert z.status_code == 200 and z.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(z.content)).namelist()
    assert {n.split("/", 1)[1] for n in names} == set(ref["files"])
    assert audit.recent(store, limit=1)[0]["action"] == "referral_downloaded" and audit.count(store) == before + 1
    assert client.post("/api/referrals", json={"operation_id": world.operation_id}, headers=bearer(users["investigator"])).status_code == 403


@pytest.mark.sqlite
@pytest.mark.postgres
def test_authentication_errors(client: TestClient, users: dict[str, str]) -> None:
    r = client.get("/api/operations")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/operations", headers=bearer("st_not-a-token")).status_code == 401
    assert client.get("/api/reports", headers=bearer(users["partner"])).status_code == 403
    me = client.get("/api/me", headers=bearer(users["reporter"])).json()
    assert me == {"name": "reporter", "role": "reporter", "permissions": ["reports:submit"]}


@pytest.mark.sqlite
def test_session_cookie_api_writes_need_the_csrf_header(client: TestClient, users: dict[str, str]) -> None:
    login(client, "analyst")
    assert client.get("/api/operations").status_code == 200
    assert client.post("/api/reports", json=_report("acme-3")).status_code == 403
    from tests.web.conftest import csrf_of

    token = csrf_of(client.get("/account").text)
    assert client.post("/api/reports", json=_report("acme-3"), headers={"X-CSRF-Token": token}).status_code == 201


@pytest.mark.sqlite
def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/api/reports", "/api/reports/{pk}", "/api/operations", "/api/operations/{op_id}/explain", "/api/operations/{op_id}/assignments", "/api/referrals", "/api/referrals/{ref_id}/download", "/api/cases", "/api/feeds", "/api/indicators/lookup"):
        assert p in paths
    assert not any(not p.startswith("/api/") for p in paths)  # pages stay out of the API description
    assert "ReportCreate" in spec["components"]["schemas"]
