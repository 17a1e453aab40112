"""The public victim form: plain questions in, an interchange report out, friendly sentences back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from scamtrace.errors import FieldError
from scamtrace.services.reports import find_pk, get_report
from scamtrace.store import Store
from scamtrace.store.tables import assignments, report_personal
from scamtrace.web import victim_form
from tests.web.conftest import World, csrf_of


def _post(client: TestClient, **fields: str) -> object:
    token = csrf_of(client.get("/report").text)
    return client.post("/report", data={"csrf_token": token, **fields}, follow_redirects=False)


@pytest.mark.sqlite
@pytest.mark.postgres
def test_a_victim_report_is_stored_linked_and_acknowledged(client: TestClient, world: World, store: Store) -> None:
    r = _post(
        client,
        what_happened="A warning said my computer had a virus and to call 1 (844) 213-7788. They used AnyDesk.",
        when="2025-03-12",
        how="popup",
        caller_phone="1 (844) 213-7788",
        caller_company="Microsoft",
        remote_tool="AnyDesk",
        pay_method="gift_card",
        pay_amount="$499.00",
        pay_currency="USD",
        gift_card_brand="Target",
        country="US",
        region="FL",
        age_band="60+",
        your_name="Edith Crane",
        your_email="edith@example.net",
        consent="yes",
    )
    assert r.status_code == 303  # type: ignore[attr-defined]
    location = r.headers["location"]  # type: ignore[attr-defined]
    ref = location.split("ref=")[1]
    assert victim_form.REFERENCE.fullmatch(ref)
    thanks = client.get(location)
    assert ref in thanks.text and "What happens next" in thanks.text
    pk = find_pk(store, "webform", ref)
    rep = get_report(store, pk)
    assert rep["victim"] == {"country": "US", "region": "FL", "age_band": "60+", "consent_to_contact": True}
    assert rep["contact"] == {"channel": "popup", "direction": "inbound"}
    assert rep["payments"][0]["amount"] == 499.0 and rep["payments"][0]["method"] == "gift_card"
    with store.engine.connect() as conn:
        assert conn.execute(select(report_personal.c.email).where(report_personal.c.report_pk == pk)).scalar() == "edith@example.net"
        assert conn.execute(select(assignments.c.operation_id).where(assignments.c.report_pk == pk)).scalar() == world.operation_id


@pytest.mark.sqlite
def test_mistakes_come_back_as_plain_sentences_next_to_the_field(client: TestClient) -> None:
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    r = _post(client, what_happened="", when=tomorrow, pay_method="gift_card", pay_amount="lots", your_email="edith-at-home", caller_name="Kevin")
    assert r.status_code == 422  # type: ignore[attr-defined]
    html = r.text  # type: ignore[attr-defined]
    assert "Some answers need a change" in html
    for sentence in (
        "Please tell us what happened, in your own words.",
        "This date is in the future.",
        "This email address does not look complete.",
    ):
        assert sentence in html
    assert 'id="what_happened-error"' in html and 'aria-invalid="true"' in html
    assert 'value="Kevin"' in html and 'value="edith-at-home"' in html  # answers are kept
    r2 = _post(client, what_happened="they called", pay_amount="lots")
    assert "Please write the amount as a number, for example 499 or 499.99." in r2.text  # type: ignore[attr-defined]


def test_validation_errors_map_to_fields_and_sentences() -> None:
    assert victim_form.friendly(FieldError("payments.0.amount", "'x' is not a number")) == ("pay_amount", victim_form.FRIENDLY["pay_amount"])
    assert victim_form.friendly(FieldError("victim.country", "bad"))[0] == "country"
    assert victim_form.friendly(FieldError("websites.3", "expected text"))[0] == "website"
    name, sentence = victim_form.friendly(FieldError("caller.name", "longer than 2,000 characters (9,000)"))
    assert name == "caller_name" and "too long" in sentence
    assert victim_form.friendly(FieldError("something.new", "odd"))[1] == victim_form.GENERIC


def test_document_follows_the_interchange_schema() -> None:
    from scamtrace.intake.validate import parse_report

    now = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    built = victim_form.build_document({"what_happened": "hi", "how": "they_called", "country": "other", "website": "a.com\n\nb.com"}, now)
    assert built.document is not None and built.reference is not None
    report = parse_report(built.document)
    assert report.source == "webform" and report.report_id == built.reference and report.received_at == now
    assert report.contact.channel == "phone_call" and report.contact.direction == "outbound"
    assert report.victim.country is None and report.websites == ("a.com", "b.com")
