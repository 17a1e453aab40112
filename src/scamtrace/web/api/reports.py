"""/api/reports: submit, search, get."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from scamtrace.errors import ReportInvalid
from scamtrace.intake.validate import parse_report
from scamtrace.services.accounts import User
from scamtrace.services.reports import (
    ReportFilters,
    find_pk,
    get_report,
    search_reports,
    submit_report,
)
from scamtrace.web.api.schemas import (
    ReportCreate,
    ReportPublic,
    ReportSearchPublic,
    ReportSubmitted,
)
from scamtrace.web.auth import Forbidden, api, client_ip
from scamtrace.web.deps import limiter, store_of
from scamtrace.web.policy import may_reveal

router = APIRouter(prefix="/api/reports", tags=["reports"])


@router.post("", status_code=201, response_model=ReportSubmitted)
def submit(body: ReportCreate, request: Request, user: Annotated[User, Depends(api("reports:submit"))]) -> ReportSubmitted:
    """Store one report (interchange format), link it, and return its reference and operation."""
    limiter(request, "api").hit(client_ip(request))
    try:
        report = parse_report(body.model_dump(exclude_none=True))
    except ReportInvalid as exc:
        raise HTTPException(422, {"errors": [{"field": e.field, "reason": e.reason} for e in exc.errors]}) from None
    done = submit_report(store_of(request), report)
    return ReportSubmitted(reference=done.report_id, pk=done.pk, source=done.source, report_id=done.report_id, status=done.status, operation_id=done.operation_id, linked=done.linked)


@router.get("", response_model=ReportSearchPublic)
def search(
    request: Request,
    _user: Annotated[User, Depends(api("reports:read"))],
    q: Annotated[str | None, Query(max_length=200, description="text in the narrative or report id")] = None,
    source: str | None = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    date_from: date | None = None,
    date_to: date | None = None,
    operation: str | None = None,
    is_tss: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ReportSearchPublic:
    """Reports newest first, narratives masked."""
    f = ReportFilters(text=q, source=source, country=country, date_from=date_from, date_to=date_to, operation_id=operation, is_tss=is_tss, limit=limit, offset=offset)
    page = search_reports(store_of(request), f)
    return ReportSearchPublic.model_validate({"items": page.items, "has_more": page.has_more, "limit": limit, "offset": offset})


@router.get("/by-key", response_model=ReportPublic)
def by_key(request: Request, user: Annotated[User, Depends(api("reports:read"))], source: str, report_id: str, reveal: bool = False) -> ReportPublic:
    """The same as ``GET /api/reports/{pk}``, found by (source, report_id)."""
    return get(find_pk(store_of(request), source, report_id), request, user=user, reveal=reveal)


@router.get("/{pk}", response_model=ReportPublic)
def get(pk: int, request: Request, user: Annotated[User, Depends(api("reports:read"))], reveal: bool = False) -> ReportPublic:
    """One report, personal data masked; ``reveal=true`` shows it to roles allowed to see it and writes an audit entry."""
    store = store_of(request)
    if reveal and not may_reveal(store, user, pk):
        raise Forbidden("personal:read")
    data = get_report(store, pk, reveal_for=user.actor(client_ip(request)) if reveal else None)
    data["segments"] = [{"text": s.text, "kind": s.kind, "role": s.role, "masked": s.masked} for s in data["segments"]]
    return ReportPublic.model_validate(data)
