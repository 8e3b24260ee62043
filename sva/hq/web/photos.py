"""Photos on the dashboard: only the redacted rendering, only as a sniffed image.

A photo is served through an audit only if the audit's document lists it (as its rendering,
never the original HQ may hold by policy) and the audit's own device sent its bytes (so
naming another auditor's photo hash in a document shows nothing). The type is the one HQ
sniffs from the stored bytes — never the `media_type` the device wrote — with `nosniff`, an
inline `Content-Disposition` and a sandboxing CSP; bytes that are no JPEG, PNG or HEIC are
not served at all. Documents from before devices sent renderings get HQ's own rendering with
the redactions painted in (sva.hq.images).
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from sva.hq.audits import held_blobs
from sva.hq.blobs import SHA256_NAME, BlobStore
from sva.hq.images import EXTENSIONS, ImageRefused, redacted_rendering, sniff_file
from sva.hq.web import queries
from sva.hq.web.pages import PREFIX, page, storage_of, to_login, who

router = APIRouter(include_in_schema=False)
IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def _not_found() -> Response:
    return Response(status_code=404, media_type="text/plain", content="not found")


@router.get(f"{PREFIX}/audits/{{audit_id}}/photos/{{sha}}")
def audit_photo(request: Request, audit_id: str, sha: str):
    user = who(request)
    if user is None:
        return to_login(request)
    storage = storage_of(request)
    if not SHA256_NAME.match(sha):
        return _not_found()
    with storage.transaction(write=False) as tx:
        data = queries.audit_page(tx, user, audit_id)
        held = held_blobs(tx, audit_id) if data else set()
    if data is None:
        return page(request, "message.html", user, status=404, message_key="not_found")
    entry = next((p for p in data["photos"] if p.get("sha256") == sha), None)
    if entry is None or sha not in held:
        return _not_found()
    store = BlobStore(storage.blob_dir)
    path = store.final_path(sha)
    if not path.is_file():
        return _not_found()
    if entry.get("rendering") != "redacted":
        try:
            path = redacted_rendering(storage.blob_dir, path, sha, entry.get("annotations"))
        except ImageRefused:
            return _not_found()
    media = sniff_file(path)
    if media is None:
        return _not_found()
    return FileResponse(path, media_type=media, headers={
        "Cache-Control": "private, max-age=86400",
        "Content-Disposition": f'inline; filename="photo-{sha[:12]}.{EXTENSIONS[media]}"',
        "Content-Security-Policy": IMAGE_CSP})
