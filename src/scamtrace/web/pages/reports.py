"""/reports: search reports with filters (text, source, country, dates, operation, tech-support only)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.services.reports import ReportFilters, search_reports
from scamtrace.web.auth import page
from scamtrace.web.deps import store_of
from scamtrace.web.render import render

router = APIRouter()
PAGE = 50


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/reports")
def reports(
    request: Request,
    user: Annotated[User, Depends(page("reports:read"))],
    q: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    operation: Annotated[str | None, Query(max_length=40)] = None,
    tss: Annotated[str | None, Query(max_length=3)] = None,
    page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> Response:
    is_tss = True if tss == "1" else False if tss == "0" else None
    f = ReportFilters(
        text=(q or "").strip() or None,
        source=(source or "").strip() or None,
        country=(country or "").strip().upper() or None,
        date_from=_date(date_from),
        date_to=_date(date_to),
        operation_id=(operation or "").strip() or None,
        is_tss=is_tss,
        limit=PAGE,
        offset=(page_no - 1) * PAGE,
    )
    result = search_reports(store_of(request), f)
    filters = {"q": f.text or "", "source": f.source or "", "country": f.country or "", "from": date_from or "", "to": date_to or "", "operation": f.operation_id or "", "tss": tss or ""}
    return render(request, "reports.html", {"result": result, "filters": filters, "page": page_no}, user=user)
