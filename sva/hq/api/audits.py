"""Audits: push a whole document, read it back (and every version pushed before), confirm
HQ holds every byte."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Path

from sva.hq import audits as service
from sva.hq.api.deps import current_device, get_storage
from sva.hq.api.errors import responses
from sva.hq.api.models import (AUDIT_ID, AuditDocument, AuditVersion, AuditVersionDocument,
                               ConfirmResponse, PushResponse)
from sva.hq.audits import Principal
from sva.hq.blobs import BlobStore
from sva.hq.storage import Storage

router = APIRouter(prefix="/audits", tags=["audits"])


# What a push answers leads on (OpenAPI links): to the audit, and to each photo to upload.
PUSH_LINKS = {
    "GetAudit": {"operationId": "getAudit",
                 "parameters": {"audit_id": "$response.body#/audit_id"}},
    "ConfirmAudit": {"operationId": "confirmAudit",
                     "parameters": {"audit_id": "$response.body#/audit_id"}},
    "BlobStatus": {"operationId": "blobStatus",
                   "parameters": {"sha256": "$response.body#/missing_blobs/0"}},
    "PutBlobChunk": {"operationId": "putBlobChunk",
                     "parameters": {"sha256": "$response.body#/missing_blobs/0"}},
    "UpdateCap": {"operationId": "updateCap",
                  "parameters": {"finding_id": "$response.body#/findings/0/id"}},
}


@router.post("", response_model=PushResponse, operation_id="pushAudit", responses={
    200: {"links": PUSH_LINKS}, **responses(401, 403, 409, 413, 422)})
def push(body: AuditDocument, who: Principal = Depends(current_device),
         storage: Storage = Depends(get_storage)) -> dict:
    try:
        answer = service.ingest(storage, who, body.model_dump())
    except service.Forbidden as exc:
        raise HTTPException(403, str(exc)) from None
    # where each missing photo's upload stands: the device resumes without asking first
    store = BlobStore(storage.blob_dir)
    answer["blob_offsets"] = {sha: store.received(sha, who.device_id)[0]
                              for sha in answer["missing_blobs"]}
    return answer


@router.get("/{audit_id}", operation_id="getAudit", responses=responses(401, 404, 422))
def get_audit(audit_id: str = Path(pattern=AUDIT_ID), who: Principal = Depends(current_device),
              storage: Storage = Depends(get_storage)) -> dict:
    try:
        return service.get_audit(storage, who, audit_id)
    except service.Missing:
        raise HTTPException(404, "no such audit") from None


@router.post("/{audit_id}/confirm", response_model=ConfirmResponse, operation_id="confirmAudit",
             responses=responses(401, 404, 413, 422))
def confirm(audit_id: str = Path(pattern=AUDIT_ID), who: Principal = Depends(current_device),
            storage: Storage = Depends(get_storage)) -> dict:
    try:
        return service.confirm(storage, who, audit_id)
    except service.Missing:
        raise HTTPException(404, "no such audit") from None


@router.get("/{audit_id}/versions", response_model=list[AuditVersion],
            operation_id="listAuditVersions", responses=responses(401, 404, 422))
def list_versions(audit_id: str = Path(pattern=AUDIT_ID),
                  who: Principal = Depends(current_device),
                  storage: Storage = Depends(get_storage)) -> list[dict]:
    """Every version of the audit HQ was sent, oldest first, each with the amendments (and
    their reasons) that made it differ from the one before."""
    from sva.hq import versions
    try:
        return versions.list_versions(storage, who, audit_id)
    except service.Missing:
        raise HTTPException(404, "no such audit") from None


@router.get("/{audit_id}/versions/{version}", response_model=AuditVersionDocument,
            operation_id="getAuditVersion", responses=responses(401, 404, 422))
def get_version(audit_id: str = Path(pattern=AUDIT_ID),
                version: int = Path(ge=1, le=2**31),
                who: Principal = Depends(current_device),
                storage: Storage = Depends(get_storage)) -> dict:
    from sva.hq import versions
    try:
        found = versions.get_version(storage, who, audit_id, version)
    except service.Missing:
        raise HTTPException(404, "no such audit") from None
    if found is None:
        raise HTTPException(404, "no such version of this audit")
    return found
