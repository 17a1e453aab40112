"""/operations: operations ranked by harm, with weekly trends and filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.services.lookup import operations_board
from scamtrace.web.auth import page
from scamtrace.web.charts import sparkline
from scamtrace.web.deps import store_of
from scamtrace.web.render import render

router = APIRouter()
PAGE = 50


@router.get("/operations")
def operations(
    request: Request,
    user: Annotated[User, Depends(page("operations:read"))],
    tss: Annotated[str | None, Query(max_length=3)] = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    min_reports: Annotated[str | None, Query(max_length=6)] = None,
    page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> Response:
    cc = (country or "").strip().upper() or None
    if cc is not None and not (len(cc) == 2 and cc.isalpha()):
        cc = None
    try:
        min_n = max(0, int(min_reports)) if min_reports else 0
    except ValueError:
        min_n = 0
    board = operations_board(store_of(request), tss_only=tss == "1", country=cc, min_reports=min_n, limit=PAGE, offset=(page_no - 1) * PAGE)
    for item in board["items"]:
        item["spark"] = sparkline(item["weekly"])
    filters = {"tss": tss == "1", "country": cc or "", "min_reports": min_n or ""}
    return render(request, "operations.html", {"board": board, "filters": filters, "page": page_no}, user=user)
