"""Partners get indicators and counts: no personal data and no narratives, anywhere they can reach."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import VICTIM, World, bearer, login

NARRATIVE_BITS = ("red warning popped up", "dating site", "Harold", "Finch", "agreed the police")
# Whole values: short digit runs also occur in the map's path data.
PERSONAL_BITS = (VICTIM["name"], "Margaret", "Quill", VICTIM["email"], VICTIM["phone"], "614-555-2398", "16145552398", "442079460321", "20 7946 0321")


def _leaks(text: str) -> list[str]:
    return [bit for bit in (*NARRATIVE_BITS, *PERSONAL_BITS) if bit in text]


@pytest.mark.sqlite
@pytest.mark.postgres
def test_partner_sees_no_personal_data_and_no_narrative(client: TestClient, users: dict[str, str], world: World) -> None:
    h = bearer(users["partner"])
    op = world.operation_id
    api = [
        "/api/operations",
        f"/api/operations/{op}",
        f"/api/operations/{op}/explain",
        f"/api/operations/{op}/graph",
        "/api/indicators/lookup?kind=phone&value=%2B18442137788",
        "/api/feeds",
        "/api/me",
    ]
    for path in api:
        r = client.get(path, headers=h)
        assert r.status_code == 200, path
        assert not _leaks(r.text), (path, _leaks(r.text))
    graph = client.get(f"/api/operations/{op}/graph", headers=h).json()
    assert all(n["data"]["label"] == "" and "pk" not in n["data"] for n in graph["elements"]["nodes"] if n["data"]["type"] == "report")
    for path in (f"/api/reports/{world.pks['hl-personal']}", "/api/reports", f"/api/reports/{world.pks['hl-personal']}?reveal=true", f"/api/operations/{op}/assignments"):
        assert client.get(path, headers=h).status_code == 403, path

    login(client, "partner")
    for path in ("/operations", f"/operations/{op}", "/lookup?kind=phone&value=%2B18442137788"):
        r = client.get(path)
        assert r.status_code == 200 and not _leaks(r.text), (path, _leaks(r.text))
        assert 'href="/reports' not in r.text  # no way into reports from the partner's pages
    for path in ("/reports", f"/reports/{world.pks['hl-personal']}", "/cases"):
        assert client.get(path).status_code == 403, path
