"""/cases: the case board with coming deadlines, from the cases stage (an empty state until it exists)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.web import optional
from scamtrace.web.auth import page
from scamtrace.web.deps import store_of
from scamtrace.web.render import render

router = APIRouter()


@router.get("/cases")
def cases(request: Request, user: Annotated[User, Depends(page("cases:read"))]) -> Response:
    store = store_of(request)
    available = optional.cases_available()
    ctx = {
        "available": available,
        "cases": optional.list_cases(store) if available else [],
        "deadlines": optional.deadlines(store) if available else [],
    }
    return render(request, "cases.html", ctx, user=user)
