"""/api/cases: enforcement cases, read from the cases stage (empty until it is installed)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from scamtrace.errors import NotFound
from scamtrace.services.accounts import User
from scamtrace.web import optional
from scamtrace.web.api.schemas import ItemsPublic
from scamtrace.web.auth import api
from scamtrace.web.deps import store_of

router = APIRouter(prefix="/api/cases", tags=["cases"])


@router.get("", response_model=ItemsPublic)
def listing(request: Request, _user: Annotated[User, Depends(api("cases:read"))]) -> ItemsPublic:
    return ItemsPublic(available=optional.cases_available(), items=optional.list_cases(store_of(request)))


@router.get("/{case_id}")
def one(case_id: str, request: Request, _user: Annotated[User, Depends(api("cases:read"))]) -> dict[str, Any]:
    case = optional.get_case(store_of(request), case_id)
    if case is None:
        raise NotFound(f"no case {case_id!r}")
    return case
