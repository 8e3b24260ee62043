"""Photo blobs by SHA-256: HEAD tells how many bytes HQ holds, PUT appends a chunk.

A chunk names where it starts with `Content-Range: bytes START-END/TOTAL` or with the
query `?offset=START&total=TOTAL`. A start other than the bytes held answers 409 with the
right offset in `Upload-Offset`. Only blobs that one of the caller's audits refers to can be
read or written; anything else is 404.

A blob counts as complete for a device only once that device has sent every byte of it:
HQ holding the same photo from another device does not let this one skip the upload. The
finished bytes must be a JPEG, PNG or HEIC photo without a GPS position (422 otherwise).
"""
from __future__ import annotations

import re

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from sva.hq import audits as service
from sva.hq.api.deps import current_device, get_storage
from sva.hq.api.errors import responses
from sva.hq.audits import Principal
from sva.hq.blobs import MAX_CHUNK, BlobStore, HashMismatch, OffsetMismatch, UploadLocks
from sva.hq.images import ImageRefused
from sva.hq.storage import Storage

router = APIRouter(prefix="/blobs", tags=["blobs"])
SHA_PATH = Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the bytes, lower-case hex")
CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
UPLOADS = UploadLocks()


def _declared(storage: Storage, who: Principal, sha: str) -> int:
    size = service.blob_declared_size(storage, who, sha)
    if size is None:
        raise HTTPException(404, "no audit of yours refers to this blob")
    return size


@router.head("/{sha256}", response_class=Response, operation_id="blobStatus", responses={
    200: {"description": "`Upload-Offset`: bytes held; `Upload-Complete`: 1 when done"},
    **responses(401, 404, 422)})
def blob_status(sha256: str = SHA_PATH, who: Principal = Depends(current_device),
                storage: Storage = Depends(get_storage)) -> Response:
    total = _declared(storage, who, sha256)
    held, complete = _state(storage, who, sha256)
    return Response(status_code=200, headers={
        "Upload-Offset": str(held), "Upload-Length": str(total),
        "Upload-Complete": "1" if complete else "0"})


def _state(storage: Storage, who: Principal, sha: str) -> tuple[int, bool]:
    """(bytes held, complete?) for this device's upload of the blob."""
    store = BlobStore(storage.blob_dir)
    size = store.held(sha)
    if size is not None and service.owns_blob(storage, sha, who.device_id):
        return size, True
    return store.received(sha, who.device_id)


def _range(request: Request, offset: int | None, total: int | None) -> tuple[int, int | None, int]:
    header = request.headers.get("content-range")
    if header:
        match = CONTENT_RANGE.match(header.strip())
        if not match:
            raise HTTPException(422, "Content-Range must read 'bytes START-END/TOTAL'")
        start, end, whole = map(int, match.groups())
        if end < start or end >= whole:
            raise HTTPException(422, "Content-Range END must be ≥ START and < TOTAL")
        return start, end - start + 1, whole
    if offset is None or total is None:
        raise HTTPException(422, "give Content-Range or the offset and total query parameters")
    return offset, None, total


@router.put("/{sha256}", response_class=Response, status_code=200, operation_id="putBlobChunk",
            responses={
    200: {"description": "chunk stored; `Upload-Offset` says where the next one starts"},
    201: {"description": "the last byte arrived: hash checked, photo sniffed, blob held"},
    **responses(401, 404, 409, 413, 422)})
async def put_chunk(request: Request, sha256: str = SHA_PATH,
                    offset: int | None = Query(None, ge=0), total: int | None = Query(None, ge=1),
                    who: Principal = Depends(current_device),
                    storage: Storage = Depends(get_storage)) -> Response:
    # database work off the event loop: other uploads keep streaming meanwhile
    declared = await run_in_threadpool(_declared, storage, who, sha256)
    start, length, whole = _range(request, offset, total)
    if whole != declared:
        raise HTTPException(422, f"total {whole} differs from the size {declared} the audit "
                                 "declared for this photo")
    if length is not None and length > MAX_CHUNK:
        raise HTTPException(413, f"a chunk may hold at most {MAX_CHUNK} bytes")
    limit = min(length or MAX_CHUNK, MAX_CHUNK)
    try:
        async with UPLOADS.hold(sha256, who.device_id):
            held, complete = await run_in_threadpool(_state, storage, who, sha256)
            if complete:            # sent whole before: nothing to take
                return Response(status_code=201, headers={"Upload-Offset": str(held),
                                                          "Upload-Complete": "1"})
            held, complete = await BlobStore(storage.blob_dir).write(
                sha256, start, whole, request.stream(), limit, device=who.device_id)
            if complete:
                await run_in_threadpool(service.record_blob, storage, sha256, held,
                                        who.device_id)
    except TimeoutError:        # another request of this device holds the upload
        held, _ = await run_in_threadpool(_state, storage, who, sha256)
        return _offset_mismatch(held)
    except OffsetMismatch as exc:
        return _offset_mismatch(exc.received)
    except (HashMismatch, ImageRefused) as exc:
        raise HTTPException(422, str(exc)) from None
    except ValueError as exc:
        raise HTTPException(413, str(exc)) from None
    except ClientDisconnect:
        return Response(status_code=400)   # nobody listens; the bytes that came are kept
    return Response(status_code=201 if complete else 200, headers={
        "Upload-Offset": str(held), "Upload-Complete": "1" if complete else "0"})


def _offset_mismatch(received: int) -> Response:
    return Response(status_code=409, headers={"Upload-Offset": str(received)},
                    content=f'{{"detail": "upload is at byte {received}"}}',
                    media_type="application/json")
