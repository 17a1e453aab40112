"""/lookup: "is this number known, and to which operation?" for people (the API has the same)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from scamtrace.services.accounts import User
from scamtrace.services.lookup import KINDS, lookup_indicator
from scamtrace.web.auth import page
from scamtrace.web.deps import store_of
from scamtrace.web.render import render

router = APIRouter()


@router.get("/lookup")
def lookup(
    request: Request,
    user: Annotated[User, Depends(page("indicators:lookup"))],
    kind: Annotated[str, Query(max_length=20)] = "phone",
    value: Annotated[str, Query(max_length=1000)] = "",
) -> Response:
    kind = kind if kind in KINDS else "phone"
    result = lookup_indicator(store_of(request), kind, value) if value.strip() else None
    return render(request, "lookup.html", {"kinds": KINDS, "kind": kind, "value": value, "result": result}, user=user)
