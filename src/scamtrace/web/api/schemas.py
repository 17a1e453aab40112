"""API shapes, apart from the tables: what clients send (``*Create``) and get back (``*Public``).

Report submissions are validated by :func:`scamtrace.intake.validate.parse_report`
(the same rules as file ingest); ``ReportCreate`` documents the interchange
format for the OpenAPI description and passes unknown fields through so that
parse_report can name them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

EXAMPLE_REPORT: dict[str, Any] = {
    "report_id": "wf-000183",
    "source": "webform",
    "received_at": "2025-03-04T09:12:00-05:00",
    "victim": {"country": "US", "region": "OH", "age_band": "60+"},
    "contact": {"channel": "popup", "direction": "inbound"},
    "narrative": "A red warning popped up saying my Windows was infected and to call Microsoft at 1 (844) 555-0142. "
    "A man called Kevin had me install AnyDesk. I paid $499 with Target gift cards.",
}


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class VictimBase(_Open):
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    region: str | None = None
    age_band: str | None = Field(None, description="under-30, 30-59 or 60+")
    consent_to_contact: bool | None = Field(None, description="the victim agreed that police may contact them")


class VictimCreate(VictimBase):
    name: str | None = Field(None, description="personal data")
    email: str | None = Field(None, description="personal data")
    phone: str | None = Field(None, description="personal data")


class ReportBase(_Open):
    report_id: str
    source: str
    received_at: str = Field(description="ISO 8601 date-time with offset")
    incident_at: str | None = None
    language: str | None = None
    contact: dict[str, Any] | None = None
    caller: dict[str, Any] | None = None
    websites: list[Any] | None = None
    remote_access: dict[str, Any] | None = None
    payments: list[Any] | None = None


class ReportCreate(ReportBase):
    """One report in the interchange format (shared/spec/reports.md)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [EXAMPLE_REPORT]})
    victim: VictimCreate | None = None
    narrative: str | None = None


class ReportSubmitted(BaseModel):
    reference: str
    pk: int
    source: str
    report_id: str
    status: str = Field(description="stored, updated or unchanged")
    operation_id: str | None
    linked: bool = Field(description="false when incremental linking failed; `scamtrace link --incremental` catches up")


class IndicatorPublic(BaseModel):
    kind: str
    value: str
    role: str
    flags: list[str] = []
    field: str | None = None
    span: list[int] | None = None


class SegmentPublic(BaseModel):
    text: str
    kind: str | None = None
    role: str | None = None
    masked: bool = False


class PersonalPublic(BaseModel):
    name: str | None
    email: str | None
    phone: str | None
    indicators: list[dict[str, Any]]


class ReportPublic(BaseModel):
    pk: int
    source: str
    report_id: str
    received_at: str
    incident_at: str | None
    incident_day: str | None
    language: str
    victim: dict[str, Any]
    contact: dict[str, Any]
    caller: dict[str, Any]
    websites: list[Any]
    remote_access: dict[str, Any]
    payments: list[Any]
    is_tss: bool
    scam_type: str | None
    tss_score: float | None
    reasons: list[Any]
    operation_id: str | None
    indicators: list[IndicatorPublic]
    has_personal: bool
    revealed: bool
    personal: PersonalPublic | None
    narrative: str | None = Field(description="masked unless revealed")
    segments: list[SegmentPublic]


class ReportSummaryPublic(BaseModel):
    pk: int
    source: str
    report_id: str
    received_at: str
    incident_day: str | None
    victim_country: str | None
    channel: str | None
    is_tss: bool
    scam_type: str | None
    tss_score: float | None
    operation_id: str | None
    snippet: str = Field(description="start of the narrative, personal data masked")


class ReportSearchPublic(BaseModel):
    items: list[ReportSummaryPublic]
    has_more: bool
    limit: int
    offset: int


class OperationPublic(BaseModel):
    model_config = ConfigDict(extra="allow")
    operation_id: str
    rank: int | None
    harm: float
    is_tss: bool
    reports: int
    incidents: int
    first_seen: str | None
    last_seen: str | None
    losses: dict[str, float]
    location: list[dict[str, Any]]
    utc_offset: dict[str, Any] | None
    victims_by_country: dict[str, int]
    share_60_plus: float | None
    brands: dict[str, int]
    weekly: list[int] | None = Field(None, description="reports per week from the first week to the store's newest week")


class OperationListPublic(BaseModel):
    items: list[OperationPublic]
    has_more: bool
    weeks_ending: str


class OperationDetailPublic(OperationPublic):
    summary: dict[str, Any]
    attributions: list[dict[str, Any]]


class ExplainPublic(BaseModel):
    operation_id: str
    links: list[dict[str, Any]]
    suspect_bridges: list[dict[str, Any]]
    not_merged_with: list[dict[str, Any]]


class AssignmentPublic(BaseModel):
    pk: int
    source: str
    report_id: str
    is_tss: bool


class AssignmentsPublic(BaseModel):
    operation_id: str
    reports: list[AssignmentPublic]


class GraphPublic(BaseModel):
    operation_id: str
    elements: dict[str, list[dict[str, Any]]]
    reports_total: int
    reports_shown: int
    truncated: bool


class ReferralCreate(BaseModel):
    operation_id: str
    recipient: str | None = Field(None, max_length=200, description="a recipient id or name from the recipients configuration; default recipient when left out")


class ReferralPublic(BaseModel):
    id: str | None
    operation_id: str
    recipient: str
    created_by: str
    created_at: str | None
    files: dict[str, Any]


class LookupPublic(BaseModel):
    kind: str
    query: str
    normalised: list[str]
    known: bool
    matches: list[dict[str, Any]]


class MePublic(BaseModel):
    name: str
    role: str
    permissions: list[str]


class ItemsPublic(BaseModel):
    """A list from a stage that may not be installed yet (cases, feeds): ``available`` says which."""

    available: bool
    items: list[dict[str, Any]]
