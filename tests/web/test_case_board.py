"""The case board and /api/cases show real cases and their coming deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from scamtrace.services.audit import Actor
from scamtrace.services.cases import add_remand, create_case
from tests.web.conftest import World, bearer, login


@pytest.mark.sqlite
def test_case_board_lists_cases_and_coming_deadlines(world: World, users: dict[str, str], client: TestClient) -> None:
    actor = Actor("analyst", "analyst")
    case_id = create_case(
        world.store, actor, fir_number="123", fir_year=2025, police_station="Cyber Crime PS, Lalbazar",
        district="Kolkata", state="WB", operation_ids=[world.operation_id],
    )
    start = date.today() - timedelta(days=25)
    add_remand(world.store, actor, case_id, court="CJM Alipore", kind="police", start=start, end=start + timedelta(days=4))
    login(client, "analyst")
    page = client.get("/cases")
    assert page.status_code == 200
    assert "123/2025" in page.text or ("123" in page.text and "2025" in page.text)
    assert "Lalbazar" in page.text
    # police custody can be taken only within the first 40 days: that window closes in 14 days
    window = start + timedelta(days=39)
    assert window.isoformat() in page.text
    api = TestClient(client.app).get("/api/cases", headers=bearer(users["analyst"]))
    assert api.status_code == 200
    body: Any = api.json()
    items = body["items"] if isinstance(body, dict) and "items" in body else body
    assert any(c.get("id") == case_id for c in items)
    partner = TestClient(client.app).get("/api/cases", headers=bearer(users["partner"]))
    assert partner.status_code == 403
