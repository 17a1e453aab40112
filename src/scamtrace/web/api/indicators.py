"""/api/indicators/lookup: is this number (domain, account …) known, and to which operation?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from scamtrace.services.accounts import User
from scamtrace.services.lookup import KINDS, lookup_indicator
from scamtrace.web.api.schemas import LookupPublic
from scamtrace.web.auth import api
from scamtrace.web.deps import store_of

router = APIRouter(prefix="/api/indicators", tags=["indicators"])


@router.get("/lookup", response_model=LookupPublic)
def lookup(
    request: Request,
    _user: Annotated[User, Depends(api("indicators:lookup"))],
    kind: Annotated[str, Query(description=f"one of {', '.join(KINDS)}")],
    value: Annotated[str, Query(min_length=1, max_length=1000)],
) -> LookupPublic:
    """Looks the value up as extraction would store it; a victim's own numbers are never matched."""
    if kind not in KINDS:
        raise HTTPException(422, f"kind must be one of {', '.join(KINDS)}")
    return LookupPublic.model_validate(lookup_indicator(store_of(request), kind, value))
