"""The portal's staff pages in the HQ dashboard (managers and admins only): supplier
contacts and invitations, campaigns (launch, follow-up counts, non-responders as CSV/XLSX),
a supplier's submission with its versions, level and explanation, and returning it."""
from __future__ import annotations

import csv
import io
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from sva.errors import BadInput
from sva.hq.portal import answers, campaigns, contacts, evidence
from sva.hq.portal import settings as portal_settings
from sva.hq.portal.pages import evidence_response, texts
from sva.hq.web.pages import PREFIX, clean, form_ok, lang_of, page, storage_of, to_login, who
from sva.hq.web.queries import sees_all
from sva.reports.cell_safety import csv_cell
from sva.vocabulary import LANGS

router = APIRouter(include_in_schema=False)
BASE = f"{PREFIX}/portal"


def _manager(request: Request):
    """(user, None) for a manager or admin; else (None, the response to send)."""
    user = who(request)
    if user is None:
        return None, to_login(request)
    if not sees_all(user):
        return None, page(request, "message.html", user, status=403, message_key="manager_only")
    return user, None


async def _manager_form(request):
    """A manager's form post: (user, form, None), or the refusal to send back (not signed
    in, not a manager, or the form's CSRF field does not match)."""
    user, refused = _manager(request)
    if refused:
        return None, None, refused
    form = await request.form()
    if not form_ok(request, form):
        return user, form, page(request, "message.html", user, status=403,
                                message_key="csrf_failed")
    return user, form, None


def _page(request, template, user, status=200, **ctx):
    return page(request, template, user, status=status, tp=texts(lang_of(request)), **ctx)


def _split(value) -> tuple:
    return tuple(p.strip() for p in str(value or "").split(",") if p.strip())[:500]


@router.get(f"{BASE}/contacts")
def contacts_page(request: Request, supplier: str = ""):
    user, refused = _manager(request)
    if refused:
        return refused
    code = clean(supplier, 40).strip().upper()
    with storage_of(request).transaction(write=False) as tx:
        s = tx.one("SELECT * FROM suppliers WHERE code = ? AND deleted = 0", (code,)) \
            if code else None
        people = contacts.contacts_of(tx, s["id"]) if s else []
    return _page(request, "portal/contacts.html", user, supplier=s, code=code, people=people,
                 notice=request.query_params.get("notice", ""))


@router.post(f"{BASE}/contacts")
async def invite(request: Request):
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    code = clean(form.get("supplier", ""), 40).strip().upper()
    lang = str(form.get("lang", "en"))
    try:
        await run_in_threadpool(
            contacts.invite, storage_of(request), code, clean(form.get("email", ""), 260),
            name=clean(form.get("name", "")), lang=lang if lang in LANGS else "en",
            primary=form.get("primary") == "1", actor=user["name"],
            base_url=str(request.base_url))
    except BadInput as exc:
        return page(request, "message.html", user, status=422, text=str(exc))
    return RedirectResponse(f"{BASE}/contacts?supplier={quote(code)}&notice=invited",
                            status_code=303)


@router.post(f"{BASE}/contacts/{{contact_id}}/disabled")
async def disable(request: Request, contact_id: str):
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    try:
        await run_in_threadpool(contacts.set_disabled, storage_of(request), clean(contact_id, 60),
                                form.get("disabled") == "1", actor=user["name"])
    except BadInput:
        return page(request, "message.html", user, status=404, message_key="not_found")
    code = clean(form.get("supplier", ""), 40)
    return RedirectResponse(f"{BASE}/contacts?supplier={quote(code)}", status_code=303)


@router.get(f"{BASE}/campaigns")
def campaigns_page(request: Request):
    user, refused = _manager(request)
    if refused:
        return refused
    from sva.hq.portal import questionnaires
    with storage_of(request).transaction(write=False) as tx:
        rows = campaigns.campaigns(tx)
        setting = portal_settings.current(tx)
    from sva.hq.portal.reminders import load_schedule
    return _page(request, "portal/campaigns.html", user, rows=rows,
                 questionnaires=sorted(questionnaires.shipped().values(), key=lambda q: q.id),
                 default_reminders=load_schedule().as_text(), settings=setting)


@router.post(f"{BASE}/settings")
async def change_setting(request: Request):
    """A manager turns a portal setting on or off (who and when are kept)."""
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    try:
        await run_in_threadpool(portal_settings.change, storage_of(request),
                                clean(form.get("name", ""), 60), form.get("value") == "on",
                                actor=user["name"])
    except BadInput as exc:
        return page(request, "message.html", user, status=422, text=str(exc))
    return RedirectResponse(f"{BASE}/campaigns", status_code=303)


@router.post(f"{BASE}/campaigns")
async def launch(request: Request):
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    fy = str(form.get("fy", ""))
    targets = campaigns.Targets(
        categories=_split(form.get("categories")), critical=tuple(form.getlist("critical")),
        regions=tuple(form.getlist("region")), levels=tuple(form.getlist("level")),
        codes=tuple(c.upper() for c in _split(form.get("codes"))))
    try:
        campaign_id, n = await run_in_threadpool(
            lambda: campaigns.launch(storage_of(request), fy=int(fy) if fy.isdigit() else 0,
                                     questionnaire=clean(form.get("questionnaire", ""), 64),
                                     due=clean(form.get("due", ""), 20), t=targets,
                                     actor=user["name"],
                                     reminders=clean(form.get("reminders", ""), 200)))
    except BadInput as exc:
        return page(request, "message.html", user, status=422, text=str(exc))
    return RedirectResponse(f"{BASE}/campaigns/{campaign_id}", status_code=303)


def _campaign(request: Request, campaign_id: str):
    with storage_of(request).transaction(write=False) as tx:
        c = campaigns.campaign(tx, clean(campaign_id, 60))
        rows = campaigns.rows(tx, c["id"]) if c else []
    return c, rows


@router.get(f"{BASE}/campaigns/{{campaign_id}}")
def campaign_page(request: Request, campaign_id: str):
    user, refused = _manager(request)
    if refused:
        return refused
    c, rows = _campaign(request, campaign_id)
    if c is None:
        return page(request, "message.html", user, status=404, message_key="not_found")
    from sva.hq.portal import questionnaires
    q = questionnaires.get(c["questionnaire"], c["questionnaire_version"])
    from sva.hq.portal.reminders import load_schedule
    return _page(request, "portal/campaign.html", user, c=c, q=q, rows=rows,
                 counts=campaigns.counts(rows), late=campaigns.non_responders(rows),
                 reminders=c["reminders"] or load_schedule().as_text())


@router.get(f"{BASE}/campaigns/{{campaign_id}}/non-responders.{{fmt}}")
def non_responders(request: Request, campaign_id: str, fmt: str):
    user, refused = _manager(request)
    if refused:
        return refused
    c, rows = _campaign(request, campaign_id)
    if c is None or fmt not in ("csv", "xlsx"):
        return page(request, "message.html", user, status=404, message_key="not_found")
    data = campaigns.export_rows(campaigns.non_responders(rows))
    name = f"non-responders-FY{c['fy']}-{c['questionnaire']}.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(campaigns.EXPORT_COLUMNS)
        for r in data:
            w.writerow([csv_cell(v if v is not None else "") for v in r])
        return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers=disposition)
    from openpyxl import Workbook

    from sva.reports.cell_safety import xlsx_row
    wb = Workbook()
    ws = wb.active
    ws.title = "non-responders"
    ws.append(list(campaigns.EXPORT_COLUMNS))
    for r in data:
        xlsx_row(ws, r)
    out = io.BytesIO()
    wb.save(out)
    return Response(out.getvalue(), headers=disposition, media_type=evidence.XLSX)


@router.get(f"{BASE}/requests/{{request_id}}")
def request_page(request: Request, request_id: str):
    user, refused = _manager(request)
    if refused:
        return refused
    with storage_of(request).transaction(write=False) as tx:
        req = answers.request_of(tx, None, clean(request_id, 60))
        if req is None:
            return page(request, "message.html", user, status=404, message_key="not_found")
        given, files = answers.answers_of(tx, req["id"]), answers.evidence_of(tx, req["id"])
        versions = answers.versions(tx, req["id"])
    q = answers.questionnaire_of(req)
    return _page(request, "portal/staff_request.html", user, req=req, q=q, given=given,
                 files=files, versions=versions, notice=request.query_params.get("notice", ""))


@router.post(f"{BASE}/requests/{{request_id}}/return")
async def return_request(request: Request, request_id: str):
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    try:
        await run_in_threadpool(answers.return_to_supplier, storage_of(request),
                                clean(request_id, 60), clean(form.get("comment", ""), 2000),
                                actor=user["name"])
    except BadInput as exc:
        return page(request, "message.html", user, status=422, text=str(exc))
    return RedirectResponse(f"{BASE}/requests/{quote(request_id)}?notice=returned",
                            status_code=303)


@router.get(f"{BASE}/evidence/{{evidence_id}}")
def evidence_file(request: Request, evidence_id: str):
    user, refused = _manager(request)
    if refused:
        return refused
    try:
        row, path = evidence.find(storage_of(request), None, evidence_id)
    except BadInput:
        return page(request, "message.html", user, status=404, message_key="not_found")
    return evidence_response(row, path)


@router.get(f"{BASE}/caps")
def caps_to_review(request: Request):
    """CAPs suppliers sent online that wait for HQ's decision."""
    user, refused = _manager(request)
    if refused:
        return refused
    from sva.hq.portal import caps
    with storage_of(request).transaction(write=False) as tx:
        codes = [r["supplier_code"] for r in tx.all(
            "SELECT DISTINCT a.supplier_code FROM findings f JOIN audits a ON a.id = f.audit_id "
            "WHERE f.status = 'cap_submitted' ORDER BY a.supplier_code")]
        rows = [dict(f, supplier_code=code) for code in codes
                for f in caps.findings_of(tx, code) if f["status"] == "cap_submitted"]
        files = caps.evidence_of(tx, [r["id"] for r in rows])
    return _page(request, "portal/staff_caps.html", user, rows=rows, files=files)


@router.get(f"{BASE}/cap-evidence/{{evidence_id}}")
def cap_evidence_file(request: Request, evidence_id: str):
    user, refused = _manager(request)
    if refused:
        return refused
    from sva.hq.portal import caps
    try:
        row, path = caps.find_evidence(storage_of(request), None, evidence_id)
    except BadInput:
        return page(request, "message.html", user, status=404, message_key="not_found")
    return evidence_response(row, path)


@router.post(f"{BASE}/caps/{{finding_id}}")
async def cap_decision(request: Request, finding_id: str):
    """Accept a CAP the supplier sent online, or return it with a reason."""
    user, form, refused = await _manager_form(request)
    if refused:
        return refused
    from sva.hq.portal import caps
    try:
        await run_in_threadpool(caps.decide, storage_of(request), clean(finding_id, 60),
                                form.get("decision") == "accept",
                                clean(form.get("reason", ""), 2000), actor=user["name"])
    except BadInput as exc:
        return page(request, "message.html", user, status=409 if exc.field != "finding"
                    else 404, text=str(exc))
    return RedirectResponse(f"{BASE}/caps", status_code=303)
