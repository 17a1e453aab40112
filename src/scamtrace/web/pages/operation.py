"""/operations/{id}: one operation — timeline, victims, location, graph, indicators, explanation, referral."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from scamtrace.services.accounts import User
from scamtrace.services.explain import explain_operation
from scamtrace.services.lookup import list_referrals, operation_attributions, weekly_timeline
from scamtrace.services.queries import get_operation
from scamtrace.web import optional
from scamtrace.web.auth import client_ip, page
from scamtrace.web.charts import bars, hbars
from scamtrace.web.csrf import form_guard
from scamtrace.web.deps import settings_of, store_of
from scamtrace.web.geo import map_view
from scamtrace.web.referral_files import create_referral
from scamtrace.web.render import render

router = APIRouter()


def _top(d: dict[str, Any] | None, n: int = 8) -> list[tuple[str, int]]:
    return sorted(((str(k), int(v)) for k, v in (d or {}).items()), key=lambda kv: (-kv[1], kv[0]))[:n]


@router.get("/operations/{op_id}")
def operation(request: Request, user: Annotated[User, Depends(page("operations:read"))], op_id: str, referral: str | None = None) -> Response:
    store = store_of(request)
    op = get_operation(store, op_id)
    summary = op.get("summary") or {}
    ranked = operation_attributions(store, op_id)
    # Rank 0 carries the attribution stage's signals that point to no place.
    hypotheses = [h for h in ranked if h.get("rank") and (h.get("country") or h.get("city"))]
    signals = [e for h in ranked if h not in hypotheses for e in (h.get("evidence") or [])]
    victims = {k: int(v) for k, v in (summary.get("victims_by_country") or {}).items() if k != "unknown"}
    ctx: dict[str, Any] = {
        "op": op,
        "summary": summary,
        "timeline": bars(weekly_timeline(summary)),
        "countries": hbars(_top(summary.get("victims_by_country"), 10)),
        "map": map_view(victims, hypotheses),
        "hypotheses": hypotheses,
        "signals": signals,
        "indicators": summary.get("indicators") or [],
        "explain": explain_operation(store, op_id) if user.can("operations:explain") else None,
        "referrals": list_referrals(store, op_id) if user.can("referrals:read") else [],
        "referrals_available": optional.referral_builder() is not None,
        "recipients": optional.referral_recipients() if user.can("referrals:create") else [],
        "new_referral": referral,
        "lists": {
            "Brands impersonated": _top(summary.get("brands")),
            "Names the callers gave": _top(summary.get("aliases")),
            "Payment methods": _top(summary.get("payment_methods")),
            "Remote-access tools": _top(summary.get("tools")),
            "Lures": _top(summary.get("lures")),
        },
    }
    return render(request, "operation.html", ctx, user=user)


@router.post("/operations/{op_id}/referral", dependencies=[Depends(form_guard)])
def refer(request: Request, user: Annotated[User, Depends(page("referrals:create"))], op_id: str, recipient: Annotated[str, Form(max_length=200)] = "") -> Response:
    try:
        ref = create_referral(store_of(request), settings_of(request), op_id, recipient.strip() or None, user, client_ip(request))
    except HTTPException as exc:
        if exc.status_code == 501:
            return RedirectResponse(f"/operations/{op_id}?referral=unavailable", status_code=303)
        return render(request, "error.html", {"title": "The referral package was not made", "message": str(exc.detail)}, user=user, status=exc.status_code)
    return RedirectResponse(f"/operations/{op_id}?referral={ref.get('id') or 'created'}", status_code=303)
