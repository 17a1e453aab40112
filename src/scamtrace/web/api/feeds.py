"""/api/feeds: indicator feeds in and blocklists out, from the feeds stage (empty until it is installed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from scamtrace.services.accounts import User
from scamtrace.web import optional
from scamtrace.web.api.schemas import ItemsPublic
from scamtrace.web.auth import api
from scamtrace.web.deps import store_of

router = APIRouter(prefix="/api/feeds", tags=["feeds"])


@router.get("", response_model=ItemsPublic)
def listing(request: Request, _user: Annotated[User, Depends(api("feeds:read"))]) -> ItemsPublic:
    return ItemsPublic(available=optional.feeds_available(), items=optional.list_feeds(store_of(request)))
