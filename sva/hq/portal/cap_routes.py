"""The supplier portal's CAP page: the findings of signed audits at the contact's own
supplier that need a corrective action plan, and the answer to each (sva.hq.portal.caps)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from sva.errors import BadInput
from sva.hq import audits as hq_audits
from sva.hq.portal import cap_photos, caps, evidence
from sva.hq.portal.pages import (PORTAL, contact_of, evidence_response, form_ok, lang_for,
                                 not_found, posted, render, texts, to_login)
from sva.hq.web.pages import clean, storage_of

router = APIRouter(include_in_schema=False)


@router.get(f"{PORTAL}/caps")
def caps_page(request: Request):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    return _caps_page(request, me, notice=request.query_params.get("notice", ""))


def _caps_page(request: Request, me: dict, status: int = 200, **extra):
    with storage_of(request).transaction(write=False) as tx:
        rows = caps.findings_of(tx, me["supplier_code"], lang=lang_for(request, me))
        files = caps.evidence_of(tx, [r["id"] for r in rows])
    return render(request, "portal/caps.html", me, status=status, rows=rows, files=files,
                  **extra)


@router.post(f"{PORTAL}/caps/{{finding_id}}")
async def cap_answer(request: Request, finding_id: str):
    return await posted(request, _cap_answer, finding_id)


def _cap_answer(request: Request, form, finding_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    t = texts(lang_for(request, me))
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403, text=t["csrf_failed"])
    try:
        caps.answer(storage_of(request), me, finding_id,
                    {k: clean(v, caps.LIMIT) for k, v in form.items() if isinstance(v, str)})
    except hq_audits.Conflict as exc:
        return render(request, "portal/message.html", me, status=409, text=str(exc))
    except BadInput as exc:
        if exc.field == "finding":
            return not_found(request, me)
        return _caps_page(request, me, status=422, error=str(exc))
    return RedirectResponse(f"{PORTAL}/caps?notice=cap_sent", status_code=303)


@router.post(f"{PORTAL}/caps/{{finding_id}}/upload")
async def cap_upload(request: Request, finding_id: str):
    form = await request.form(max_files=1, max_fields=5)
    upload = form.get("file")
    data, name = None, ""
    if upload is not None and not isinstance(upload, str):
        data, name = await upload.read(evidence.EVIDENCE_MAX + 1), upload.filename or ""
    return await run_in_threadpool(_cap_upload, request, form, finding_id, data, name)


def _cap_upload(request: Request, form, finding_id: str, data, name: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    t = texts(lang_for(request, me))
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403, text=t["csrf_failed"])
    try:
        if data is None:
            raise BadInput("no file", field="file")
        caps.add_evidence(storage_of(request), me, finding_id, name, data)
    except BadInput as exc:
        if exc.field == "finding":
            return not_found(request, me)
        return _caps_page(request, me, status=422,
                          error=t["upload_refused"].format(why=str(exc)))
    return RedirectResponse(f"{PORTAL}/caps?notice=uploaded", status_code=303)


@router.get(f"{PORTAL}/cap-photos/{{finding_id}}/{{sha}}")
def cap_photo(request: Request, finding_id: str, sha: str):
    """A photo of one of the supplier's own CAP findings, redacted (sva.hq.portal.cap_photos)."""
    me = contact_of(request)
    if me is None:
        return to_login(request)
    try:
        data = cap_photos.thumbnail(storage_of(request), me["supplier_code"], finding_id, sha)
    except BadInput:
        return not_found(request, me)
    return Response(data, media_type="image/jpeg", headers={
        "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
        "Content-Disposition": f'inline; filename="photo-{sha[:12]}.jpg"',
        "Content-Security-Policy": "default-src 'none'; sandbox"})


@router.get(f"{PORTAL}/cap-evidence/{{evidence_id}}")
def cap_evidence(request: Request, evidence_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    try:
        row, path = caps.find_evidence(storage_of(request), me["supplier_id"], evidence_id)
    except BadInput:
        return not_found(request, me)
    return evidence_response(row, path)
