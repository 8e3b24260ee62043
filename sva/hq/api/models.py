"""Bodies of the API: every field typed and bounded, unknown fields refused."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

UUID_LIKE = r"^[0-9A-Za-z][0-9A-Za-z_.:@-]{0,99}$"
AUDIT_ID = UUID_LIKE
SHA256 = r"^[0-9a-f]{64}$"
Short = Field(default="", max_length=500)
Text = Field(default="", max_length=20000)
Date = Optional[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=200)
    public_key: str = Field(default="", max_length=200)


class EnrolResponse(BaseModel):
    device_id: str
    token: str
    user: str
    role: str


class Answer(Strict):
    id: str = Field(pattern=UUID_LIKE)
    item_id: str = Field(max_length=100)
    result: Optional[str] = Field(default=None, max_length=20000)
    note: str = Text
    answered_at: Optional[str] = Field(default=None, max_length=40)
    no_finding_reason: str = Text      # why a nonconformity has no finding (device schema v4)
    deleted: int = Field(default=0, ge=0, le=1)


class Finding(Strict):
    id: str = Field(pattern=UUID_LIKE)
    item_id: Optional[str] = Field(default=None, max_length=100)
    area: Literal["HR", "OHS", "FT", "ENV", "ISEC", "PQS"]
    severity: Literal["significant", "minor", "observation", "good_practice"]
    requirement: str = Text
    observed: str = Text
    evidence: str = Text
    required_action: str = Text
    due_date: Optional[str] = Field(default=None, max_length=10)
    root_cause: str = Text
    corrective_action: str = Text
    preventive_action: str = Text
    responsible: str = Short
    planned_date: Optional[str] = Field(default=None, max_length=10)
    supplier_comment: str = Text
    status: Literal["open", "cap_submitted", "cap_accepted", "cap_rejected", "verified_closed"]
    rejection_reason: str = Text
    verification_method: Optional[Literal["document", "follow_up_visit"]] = None
    verified_at: Optional[str] = Field(default=None, max_length=40)
    deleted: int = Field(default=0, ge=0, le=1)
    cap_base: Optional[dict] = None


class Photo(Strict):
    id: str = Field(pattern=UUID_LIKE)
    sha256: str = Field(pattern=SHA256)
    size: int = Field(ge=1, le=200 * 1024 * 1024)
    finding_id: Optional[str] = Field(default=None, max_length=100)
    item_id: Optional[str] = Field(default=None, max_length=100)
    filename: str = Short
    media_type: str = Field(max_length=50)
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    captured_at: Optional[str] = Field(default=None, max_length=40)
    caption: str = Text
    position: int = 0
    annotations: str = Field(default="[]", max_length=200000)
    deleted: int = Field(default=0, ge=0, le=1)


class Signature(Strict):
    id: str = Field(pattern=UUID_LIKE)
    signer_name: str = Short
    role: str = Short
    organisation: str = Short
    signed_at: str = Field(max_length=40)
    image_png: str = Field(max_length=2_000_000, description="base64")
    content_hash: str = Field(pattern=SHA256)


class AuditDocument(Strict):
    id: str = Field(pattern=UUID_LIKE)
    assignment_id: Optional[str] = Field(default=None, pattern=UUID_LIKE)
    supplier_id: str = Field(max_length=100)
    supplier_code: str = Field(max_length=100)
    site_id: str = Field(max_length=100)
    site_name: str = Short
    template_ref: str = Field(max_length=100)
    kind: str = Field(max_length=20)
    planned_date: str = Field(max_length=10)
    auditors: list[str] = Field(default_factory=list, max_length=50)
    scope: str = Text
    status: Literal["planned", "in_progress", "completed", "signed", "synced"]
    started_at: Optional[str] = Field(default=None, max_length=40)
    completed_at: Optional[str] = Field(default=None, max_length=40)
    signed_at: Optional[str] = Field(default=None, max_length=40)
    content_hash: str = Field(pattern=SHA256)
    answers: list[Answer] = Field(default_factory=list, max_length=5000)
    findings: list[Finding] = Field(default_factory=list, max_length=2000)
    photos: list[Photo] = Field(default_factory=list, max_length=2000)
    signatures: list[Signature] = Field(default_factory=list, max_length=20)
    log: list[dict] = Field(default_factory=list, max_length=100000)


class PushResponse(BaseModel):
    audit_id: str
    outcome: Literal["created", "updated", "unchanged"]
    doc_hash: str
    missing_blobs: list[str]
    blob_offsets: dict[str, int] = Field(
        default_factory=dict, description="bytes HQ already holds of each missing blob: the "
        "upload starts there (HEAD /blobs/{sha256} gives the same)")
    findings: list[dict] = []


class ConfirmResponse(BaseModel):
    audit_id: str
    doc_hash: str
    complete: bool
    missing_blobs: list[str]


class CapUpdate(Strict):
    status: Optional[Literal["open", "cap_submitted", "cap_accepted", "cap_rejected",
                             "verified_closed"]] = None
    rejection_reason: Optional[str] = Field(default=None, max_length=20000)
    verification_method: Optional[Literal["document", "follow_up_visit"]] = None
    verified_at: Optional[str] = Field(default=None, max_length=10)
    root_cause: Optional[str] = Field(default=None, max_length=20000)
    corrective_action: Optional[str] = Field(default=None, max_length=20000)
    preventive_action: Optional[str] = Field(default=None, max_length=20000)
    responsible: Optional[str] = Field(default=None, max_length=500)
    planned_date: Optional[str] = Field(default=None, max_length=10)
    supplier_comment: Optional[str] = Field(default=None, max_length=20000)
