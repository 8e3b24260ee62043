"""Bodies of the API: every field typed and bounded, unknown fields refused.

What a device pushes is checked here before anything is stored, so one bad document can
never break a page for everyone: dates are real dates (YYYY-MM-DD) and timestamps real
ISO-8601 times, both in a sane range of years; enumerations are closed lists; every text has
a size limit and no NUL character (PostgreSQL cannot store one, SQLite can: both refuse);
nothing nests deeper than the model (the audit log and a finding's agreed CAP base are typed,
and annotations are validated like the device does).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      StringConstraints)
from pydantic.json_schema import SkipJsonSchema

from sva.vocabulary import (AREAS as AREA_CODES, AUDIT_KINDS, AUDIT_STATUSES, CAP_POSITIONS,
                            CAP_SYNC_FIELDS, FINDING_STATUSES, LANGS,
                            SEVERITIES as SEVERITY_CODES, VERIFICATION_METHODS)

UUID_LIKE = r"^[0-9A-Za-z][0-9A-Za-z_.:@-]{0,99}$"
AUDIT_ID = UUID_LIKE
SHA256 = r"^[0-9a-f]{64}$"
TEMPLATE_REF = r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,80}@[0-9]{1,6}$"
YEARS = (2000, 2100)
# Exactly the calendar dates of 2000–2100 (leap days included): what the schema allows is what
# the server takes, so a client (or a fuzzer) can rely on the published schema.
_DAY = (r"(?:(?:20[0-9]{2}|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
        r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        r"|20(?:0[048]|[2468][048]|[13579][26])-02-29)")
DATE_PATTERN = f"^{_DAY}$"
TIME_PATTERN = (f"^{_DAY}" r"(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]"
                r"(?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$")
NO_NUL = "^[^\\u0000]*$"
# Closed lists, straight from the vocabulary (sva/vocabulary.py).
AREAS = Literal[AREA_CODES]
SEVERITIES = Literal[SEVERITY_CODES]
STATUSES = Literal[FINDING_STATUSES]
POSITIONS = Literal["", *CAP_POSITIONS]
METHODS = Literal[VERIFICATION_METHODS]
CAP_FIELD = Literal[CAP_SYNC_FIELDS]
MEDIA_TYPES = Literal["image/jpeg", "image/png", "image/heic"]


def _whole(value):
    """A JSON integer: 3 or 3.0, never true or "3" (what JSON Schema's "integer" means)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


Int = Annotated[int, BeforeValidator(_whole)]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters (U+0000)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be Unicode text (a lone surrogate is not)") from None
    return value


def _in_years(year: int) -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValueError(f"year {year} is outside {YEARS[0]}–{YEARS[1]}")


def _real_date(value: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    _in_years(day.year)
    return value


def _real_time(value: str) -> str:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO-8601 date and time") from None
    _in_years(when.year)
    return value


class _NoNulInSchema:
    """Publishes "no NUL" in the JSON schema (as a pattern) while the check itself stays
    `_no_nul`, whose message says what is wrong."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        schema = handler(core_schema)
        schema.setdefault("pattern", NO_NUL)
        return schema


def _text(limit: int, *extra):
    return Annotated[str, StringConstraints(max_length=limit), AfterValidator(_no_nul),
                     _NoNulInSchema, *extra]


Short = _text(500)
Long = _text(20000)
Id = _text(100)
IsoDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_real_date)]
IsoTime = Annotated[str, StringConstraints(max_length=40, pattern=TIME_PATTERN),
                    AfterValidator(_real_time)]


class Strict(BaseModel):
    """Unknown fields refused; types as the schema says (no `true` for 1, no "5" for 5)."""
    model_config = ConfigDict(extra="forbid", strict=True)


class EnrolRequest(Strict):
    code: _text(64) = Field(min_length=4)
    device_name: _text(200) = ""
    public_key: str = Field(default="", pattern=r"^([0-9a-f]{64})?$",
                            description="Ed25519 public key, lower-case hex (bundles)")


class EnrolResponse(BaseModel):
    device_id: str
    token: str
    user: str
    role: str


class Answer(Strict):
    id: str = Field(pattern=UUID_LIKE)
    item_id: Id
    result: Long | None = None
    note: Long = ""
    answered_at: IsoTime | None = None
    no_finding_reason: Long = ""       # why a nonconformity has no finding (device schema v4)
    deleted: Int = Field(default=0, ge=0, le=1)


class Finding(Strict):
    id: str = Field(pattern=UUID_LIKE)
    item_id: Id | None = None
    area: AREAS
    severity: SEVERITIES
    requirement: Long = ""
    observed: Long = ""
    evidence: Long = ""
    required_action: Long = ""
    due_date: IsoDate | None = None
    root_cause: Long = ""
    corrective_action: Long = ""
    preventive_action: Long = ""
    responsible: Short = ""
    planned_date: IsoDate | None = None
    supplier_comment: Long = ""
    status: STATUSES
    rejection_reason: Long = ""
    verification_method: METHODS | None = None
    verified_at: IsoTime | None = None
    deleted: Int = Field(default=0, ge=0, le=1)
    # The Japanese texts and evidence references (device schema_finding_report); older
    # devices send none of them.
    observed_ja: Long = ""
    evidence_ja: Long = ""
    required_action_ja: Long = ""
    documents_seen: Long = ""
    interviews: Long = ""
    sample_size: Short = ""
    # The supplier's CAP response (device schema_finding_report).
    containment: Long = ""
    completion_evidence: Long = ""
    position: POSITIONS = ""
    position_comment: Long = ""
    cap_base: dict[CAP_FIELD, Long | None] | None = Field(
        default=None, description="CAP values the device last agreed with HQ (sync "
        "bookkeeping, not part of the document hash)")


class BlobRef(Strict):
    sha256: str = Field(pattern=SHA256)
    size: Int = Field(ge=1, le=200 * 1024 * 1024)


class Photo(Strict):
    id: str = Field(pattern=UUID_LIKE)
    sha256: str = Field(pattern=SHA256, description="the redacted rendering: upright JPEG "
                        "with the redactions painted in, no EXIF/GPS; what HQ shows")
    size: Int = Field(ge=1, le=200 * 1024 * 1024)
    rendering: Literal["redacted"] = Field(description="what `sha256` holds: always the "
                                           "redacted rendering (devices before it sent "
                                           "originals and are refused)")
    original: BlobRef | None = Field(
        default=None, description="only where HQ's policy photo_originals is on: the "
        "unredacted pixels, re-encoded without any metadata; never shown")
    finding_id: Id | None = None
    item_id: Id | None = None
    filename: Short = ""
    media_type: MEDIA_TYPES
    width: Int = Field(ge=1, le=100_000)
    height: Int = Field(ge=1, le=100_000)
    captured_at: IsoTime | None = None
    caption: Long = ""
    position: Int = Field(default=0, ge=0, le=1_000_000)
    annotations: _text(200000) = Field(
        default="[]", description="the marks as the device's JSON text; HQ reads them only "
        "to draw the redactions on photos pushed before devices sent renderings")
    deleted: Int = Field(default=0, ge=0, le=1)


class Signature(Strict):
    id: str = Field(pattern=UUID_LIKE)
    signer_name: Short = ""
    role: Short = ""
    organisation: Short = ""
    signed_at: IsoTime
    image_png: str = Field(max_length=2_000_000, pattern=r"^[A-Za-z0-9+/=]*$",
                           description="base64")
    content_hash: str = Field(pattern=SHA256)


class LogEntry(Strict):
    """One row of the device's append-only audit log (`changes` is its JSON text)."""
    seq: Int = Field(ge=0, le=2**31)
    at: IsoTime
    actor: _text(200)
    device: Id
    action: Id
    entity: Id
    entity_id: _text(200)
    changes: _text(200000) = "{}"
    amendment: Int = Field(default=0, ge=0, le=1)
    reason: Long = ""


# The bounds before the validator: so the published schema says minimum/maximum (after it,
# inside `Count | None`, the schema carried bare "ge"/"le" keys no client understands, and
# the API fuzzer sent negative headcounts as schema-valid).
Count = Annotated[int, Field(ge=0, le=1_000_000), BeforeValidator(_whole)]


class SiteProfile(Strict):
    """The site profile of an audit (device sva.domain.site_profile): a field not recorded
    is absent."""
    workers_total: Count | None = None
    workers_women: Count | None = None
    workers_foreign: Count | None = None
    workers_agency: Count | None = None
    workers_young: Count | None = None
    duration_hours: float | None = Field(default=None, gt=0, le=240)
    interviews_individual: Count | None = None
    interviews_group: Count | None = None
    scope_limits: dict[Literal[LANGS], Long] | None = None


class AuditDocument(Strict):
    id: str = Field(pattern=UUID_LIKE)
    assignment_id: str | None = Field(default=None, pattern=UUID_LIKE)
    supplier_id: Id
    supplier_code: _text(100) = Field(min_length=1)
    site_id: Id
    site_name: Short = ""
    template_ref: str = Field(pattern=TEMPLATE_REF)
    kind: Literal[AUDIT_KINDS]
    planned_date: IsoDate
    auditors: list[_text(200)] = Field(default_factory=list, max_length=50)
    scope: Long = ""
    # The scope in Japanese and the site profile (device schema_report_language); sent only
    # when recorded, so older documents keep their hash.
    scope_ja: Long = ""
    profile: SiteProfile | None = None
    status: Literal[AUDIT_STATUSES]
    started_at: IsoTime | None = None
    completed_at: IsoTime | None = None
    signed_at: IsoTime | None = None
    content_hash: str = Field(pattern=SHA256)
    answers: list[Answer] = Field(default_factory=list, max_length=5000)
    findings: list[Finding] = Field(default_factory=list, max_length=2000)
    photos: list[Photo] = Field(default_factory=list, max_length=2000)
    signatures: list[Signature] = Field(default_factory=list, max_length=20)
    log: list[LogEntry] = Field(default_factory=list, max_length=100000)


class PushResponse(BaseModel):
    audit_id: str
    outcome: Literal["created", "updated", "unchanged"]
    doc_hash: str
    missing_blobs: list[str]
    blob_offsets: dict[str, int] = Field(
        default_factory=dict, description="bytes HQ already holds of each missing blob: the "
        "upload starts there (HEAD /blobs/{sha256} gives the same)")
    findings: list[dict] = []


class Amendment(BaseModel):
    """An amendment row of the device's audit log: what changed after signing, and why."""
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    reason: str


class AuditVersion(BaseModel):
    """One version of an audit as a device pushed it; `amendments` made it differ from the
    version before (for version 1: those made before the first push)."""
    version: int
    doc_hash: str
    received_at: str
    amendments: list[Amendment]


class AuditVersionDocument(AuditVersion):
    document: dict


class ConfirmResponse(BaseModel):
    audit_id: str
    doc_hash: str
    complete: bool
    missing_blobs: list[str]


def _not_null(value):
    if value is None:
        raise ValueError("may not be null: leave the field out to keep it, or send \"\" to "
                         "clear it")
    return value


# A CAP text may be left out (kept) or set, never null: the column is NOT NULL.
CapText = Annotated[Long | SkipJsonSchema[None], AfterValidator(_not_null)]
CapShort = Annotated[Short | SkipJsonSchema[None], AfterValidator(_not_null)]


class CapUpdate(Strict):
    status: Annotated[STATUSES | SkipJsonSchema[None], AfterValidator(_not_null)] = None
    rejection_reason: CapText = None
    verification_method: METHODS | None = None
    verified_at: IsoDate | None = None
    root_cause: CapText = None
    corrective_action: CapText = None
    preventive_action: CapText = None
    responsible: CapShort = None
    planned_date: IsoDate | None = None
    supplier_comment: CapText = None
    containment: CapText = None
    completion_evidence: CapText = None
    position: Annotated[POSITIONS | SkipJsonSchema[None], AfterValidator(_not_null)] = None
    position_comment: CapText = None


__all__ = ["Amendment", "AuditDocument", "AuditVersion", "AuditVersionDocument", "CapUpdate",
           "ConfirmResponse", "EnrolRequest", "EnrolResponse", "PushResponse", "AUDIT_ID",
           "SHA256", "UUID_LIKE"]
