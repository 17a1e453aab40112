"""/api/operations: the ranked list, one operation, its explanation, members and graph."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from scamtrace.services.accounts import User
from scamtrace.services.explain import explain_operation, explain_path
from scamtrace.services.lookup import (
    operation_attributions,
    operation_graph,
    operation_members,
    operations_board,
)
from scamtrace.services.queries import get_operation
from scamtrace.web.api.schemas import (
    AssignmentsPublic,
    ExplainPublic,
    GraphPublic,
    OperationDetailPublic,
    OperationListPublic,
)
from scamtrace.web.auth import api
from scamtrace.web.deps import store_of

router = APIRouter(prefix="/api/operations", tags=["operations"])


@router.get("", response_model=OperationListPublic)
def ranked(
    request: Request,
    _user: Annotated[User, Depends(api("operations:read"))],
    tss_only: bool = False,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="victims in this country")] = None,
    min_reports: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> OperationListPublic:
    """Operations ranked by harm, each with its weekly report counts."""
    board = operations_board(store_of(request), tss_only=tss_only, country=country, min_reports=min_reports, limit=limit, offset=offset)
    return OperationListPublic.model_validate(board)


@router.get("/{op_id}", response_model=OperationDetailPublic)
def one(op_id: str, request: Request, _user: Annotated[User, Depends(api("operations:read"))]) -> OperationDetailPublic:
    store = store_of(request)
    out = get_operation(store, op_id)
    out["attributions"] = operation_attributions(store, op_id)
    return OperationDetailPublic.model_validate(out)


@router.get("/{op_id}/explain", response_model=ExplainPublic)
def explain(op_id: str, request: Request, _user: Annotated[User, Depends(api("operations:explain"))]) -> ExplainPublic:
    """Shared indicators that link the operation, suspect bridges held back, and why neighbours stay apart."""
    return ExplainPublic.model_validate(explain_operation(store_of(request), op_id))


@router.get("/{op_id}/path")
def path(op_id: str, request: Request, _user: Annotated[User, Depends(api("reports:read"))], a: str, b: str) -> list[dict[str, Any]]:
    """The evidence chain joining two member reports, given as SOURCE/REPORT_ID."""
    keys = []
    for p in (a, b):
        if "/" not in p:
            raise HTTPException(422, f"{p!r}: give a report as SOURCE/REPORT_ID")
        source, rid = p.split("/", 1)
        keys.append((source, rid))
    return explain_path(store_of(request), op_id, keys[0], keys[1])


@router.get("/{op_id}/assignments", response_model=AssignmentsPublic)
def assignments(op_id: str, request: Request, _user: Annotated[User, Depends(api("operations:assignments"))]) -> AssignmentsPublic:
    """The reports assigned to the operation."""
    return AssignmentsPublic(operation_id=op_id, reports=operation_members(store_of(request), op_id))  # type: ignore[arg-type]


@router.get("/{op_id}/graph", response_model=GraphPublic)
def graph(op_id: str, request: Request, user: Annotated[User, Depends(api("operations:read"))]) -> GraphPublic:
    """Reports and linking indicators as Cytoscape elements (report names left out for partners)."""
    return GraphPublic.model_validate(operation_graph(store_of(request), op_id, anonymise=not user.can("reports:read")))
