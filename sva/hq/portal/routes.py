"""The supplier portal's pages under /portal: login (the staff login's throttle and bounded
hash pool), the one-time welcome link, the questionnaires of the contact's own supplier,
answering with evidence, review and submit, and a primary contact inviting colleagues.

Every id in a URL is looked up within the signed-in contact's supplier: another supplier's
id answers exactly like an unknown one (404, same page)."""
from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from sva.errors import BadInput
from sva.hq.portal import answers, contacts, evidence
from sva.hq.portal import settings as portal_settings
from sva.hq.portal.cap_routes import router as cap_router
from sva.hq.portal.pages import (COOKIE, PORTAL, contact_of, form_ok, lang_for, not_found,
                                 evidence_response, posted, render, set_csrf_cookie, texts,
                                 to_login)
from sva.hq.web import csrf, throttle
from sva.hq.web.login_routes import _address
from sva.hq.web.pages import clean, secure, storage_of, strings
from sva.vocabulary import LANGS

router = APIRouter(include_in_schema=False)
MAX_FILES = 20                 # file inputs a questionnaire page may send at once
router.include_router(cap_router)


def _throttle_name(email: str) -> str:
    return "portal:" + email.strip().lower()


def _signed_in(request: Request, contact: dict):
    cookie = contacts.start_session(storage_of(request), contact)
    response = RedirectResponse(f"{PORTAL}/", status_code=303)
    response.set_cookie(COOKIE, cookie, max_age=contacts.SESSION_SECONDS, httponly=True,
                        samesite="strict", secure=secure(request), path="/")
    set_csrf_cookie(request, response, csrf.new_cookie())
    return response


@router.get(f"{PORTAL}/login")
def login_form(request: Request):
    if contact_of(request) is not None:
        return RedirectResponse(f"{PORTAL}/", status_code=303)
    return render(request, "portal/login.html", None)


@router.post(f"{PORTAL}/login")
async def login_submit(request: Request):
    form = await request.form()
    email, password = clean(form.get("email", ""), 260), str(form.get("password", ""))[:1000]
    t = texts(lang_for(request))
    staff = strings()[lang_for(request)]

    def refused(status, message, retry=None):
        r = render(request, "portal/login.html", None, status=status, message=message,
                   email=email)
        if retry:
            r.headers["Retry-After"] = str(retry)
        return r
    if not await run_in_threadpool(form_ok, request, form):
        return refused(403, t["csrf_failed"])
    storage, address, name = storage_of(request), _address(request), _throttle_name(email)
    lock = await run_in_threadpool(throttle.locked, storage, name, address)
    if lock is not None:
        return refused(429, staff[f"login_locked_{lock.kind}"].format(minutes=lock.minutes),
                       lock.seconds)
    try:
        contact = await throttle.hash_pool().run(contacts.verify, storage, email, password)
    except throttle.Busy:
        return refused(503, staff["login_busy"], 2)
    if contact is None:
        lock = await run_in_threadpool(throttle.failed, storage, name, address)
        if lock:
            return refused(429, staff[f"login_locked_{lock.kind}"].format(
                minutes=lock.minutes), lock.seconds)
        return refused(401, t["login_failed"])
    await run_in_threadpool(throttle.succeeded, storage, name)
    return await run_in_threadpool(_signed_in, request, contact)


@router.post(f"{PORTAL}/logout")
async def logout(request: Request):
    return await posted(request, _logout)


def _logout(request: Request, form):
    if not form_ok(request, form):
        return render(request, "portal/message.html", contact_of(request), status=403,
                      text=texts(lang_for(request))["csrf_failed"])
    contacts.end_session(storage_of(request), request.cookies.get(COOKIE))
    response = RedirectResponse(f"{PORTAL}/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get(f"{PORTAL}/welcome")
def welcome_form(request: Request, t: str = ""):
    with storage_of(request).transaction(write=False) as tx:
        row = contacts.invite_status(tx, t)
    if row is None:
        return render(request, "portal/message.html", None, status=404,
                      text=texts(lang_for(request))["invite_invalid"])
    return render(request, "portal/welcome.html", None, token=t, email=row["email"],
                  invite_lang=row["lang"])


@router.post(f"{PORTAL}/welcome")
async def welcome_submit(request: Request):
    form = await request.form()
    token = str(form.get("t", ""))[:100]
    password, again = str(form.get("password", ""))[:1000], str(form.get("password2", ""))[:1000]
    t = texts(lang_for(request))
    if not form_ok(request, form):
        return render(request, "portal/message.html", None, status=403, text=t["csrf_failed"])
    storage = storage_of(request)
    with storage.transaction(write=False) as tx:
        row = contacts.invite_status(tx, token)
    if row is None:
        return render(request, "portal/message.html", None, status=404, text=t["invite_invalid"])
    if password != again:
        return render(request, "portal/welcome.html", None, status=422, token=token,
                      email=row["email"], message=t["passwords_differ"])
    try:
        contact = await throttle.hash_pool().run(contacts.accept_invite, storage, token,
                                                 password)
    except BadInput as exc:
        return render(request, "portal/welcome.html", None, status=422, token=token,
                      email=row["email"], message=str(exc))
    except contacts.InviteRefused:
        return render(request, "portal/message.html", None, status=404, text=t["invite_invalid"])
    except throttle.Busy:
        return render(request, "portal/welcome.html", None, status=503, token=token,
                      email=row["email"], message="busy")
    return await run_in_threadpool(_signed_in, request, contact)


@router.get(f"{PORTAL}/")
def home(request: Request):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    with storage_of(request).transaction(write=False) as tx:
        rows = answers.requests_of(tx, me["supplier_id"])
        people = contacts.contacts_of(tx, me["supplier_id"]) if me["is_primary"] else []
    from sva.hq.portal import questionnaires
    for r in rows:
        r["title"] = questionnaires.get(r["questionnaire"], r["questionnaire_version"]).title
    return render(request, "portal/home.html", me, rows=rows, people=people,
                  notice=request.query_params.get("notice", ""))


@router.post(f"{PORTAL}/contacts")
async def invite_colleague(request: Request):
    return await posted(request, _invite_colleague)


def _invite_colleague(request: Request, form):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    t = texts(lang_for(request, me))
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403, text=t["csrf_failed"])
    if not me["is_primary"]:
        return not_found(request, me)
    lang = str(form.get("lang", "en"))
    try:
        contacts.invite(
            storage_of(request), "", clean(form.get("email", ""), 260),
            name=clean(form.get("name", "")), lang=lang if lang in LANGS else "en",
            actor=me["email"], by_contact=me, base_url=str(request.base_url))
    except BadInput as exc:
        return render(request, "portal/message.html", me, status=422, text=str(exc))
    return RedirectResponse(f"{PORTAL}/?notice=invited", status_code=303)


def _request_page(request: Request, me: dict, request_id: str, status: int = 200,
                  typed: dict | None = None, **extra):
    """The questionnaire page; `typed`: answers typed on a page that was refused, shown
    again over the saved ones so nothing typed is lost."""
    storage = storage_of(request)
    try:
        req = answers.open_request(storage, me, request_id)
    except BadInput:
        return not_found(request, me)
    q = answers.questionnaire_of(req)
    with storage.transaction(write=False) as tx:
        given, files = answers.answers_of(tx, req["id"]), answers.evidence_of(tx, req["id"])
        level = _level_shown(tx, req, lang_for(request, me))
    shown = {**given, **(typed or {})}
    return render(request, "portal/request.html", me, status=status, req=req, q=q,
                  given=shown, files=files, progress=answers.progress(q, given, files),
                  level=level,
                  missing=answers.missing_required(q, given, files),
                  editable=req["status"] in ("invited", "opened", "in_progress", "returned"),
                  notice=request.query_params.get("notice", ""), **extra)


def _level_shown(tx, req: dict, lang: str) -> dict | None:
    """The level of the supplier's own submitted questionnaire with its explanation in the
    page's language, when HQ's setting lets suppliers see it; else None."""
    if req["status"] != "submitted" or not req.get("level") \
            or not portal_settings.value(tx, "levels_to_suppliers"):
        return None
    why = json.loads(req.get("explanation") or "{}")
    return {"level": req["level"], "lines": why.get(lang) or why.get("en") or []}


@router.get(f"{PORTAL}/requests/{{request_id}}")
def request_page(request: Request, request_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    return _request_page(request, me, request_id)


@router.get(f"{PORTAL}/requests/{{request_id}}/review")
def review_page(request: Request, request_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    return _request_page(request, me, request_id, review=True)


def _chosen_files(form, only: str | None = None) -> list[tuple[str, str, bytes]]:
    """(question id, file name, bytes) of the files chosen in a form: fields `f:<question>`
    (the questionnaire page), or the one field `file` for question `only`. Read once the
    sender is known to be a signed-in contact with the page's CSRF field (the parser has
    spooled the parts; only then do up to MAX_FILES of them come into memory)."""
    out = []
    for key, value in form.multi_items():
        if isinstance(value, str):
            continue
        if only is not None and key == "file":
            qid = only
        elif only is None and key.startswith("f:"):
            qid = key[2:]
        else:
            continue
        data = value.file.read(evidence.EVIDENCE_MAX + 1)
        if data or value.filename:                 # an empty file input sends neither
            out.append((clean(qid, 64), value.filename or "", data))
    return out


@router.post(f"{PORTAL}/requests/{{request_id}}/save")
async def save(request: Request, request_id: str):
    """The whole questionnaire page in one request: its answers and any files chosen on it
    (the upload buttons submit this same form), saved together."""
    form = await request.form(max_files=MAX_FILES)
    return await run_in_threadpool(_save, request, form, request_id)


def _save(request: Request, form, request_id: str, *, only: str | None = None):
    """`only`: the upload route's one question, whose file is required."""
    me = contact_of(request)
    if me is None:
        return to_login(request)
    t = texts(lang_for(request, me))
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403, text=t["csrf_failed"])
    files = _chosen_files(form, only)          # at most the form's max_files
    typed = {k[2:]: clean(v, answers.TEXT_LIMIT) for k, v in form.items()
             if k.startswith("a:") and isinstance(v, str)}
    try:
        if only is not None and not files:
            raise BadInput("no file", field="file")
        evidence.save_page(storage_of(request), me, request_id, typed, files)
    except answers.Locked as exc:
        return _request_page(request, me, request_id, status=409, error=str(exc))
    except BadInput as exc:
        if exc.field == "request":
            return not_found(request, me)
        error = t["upload_refused"].format(why=str(exc)) if exc.field == "file" else str(exc)
        return _request_page(request, me, request_id, status=422, error=error, typed=typed)
    target = "review" if form.get("then") == "review" else ""
    notice = "uploaded" if files else "saved"
    return RedirectResponse(f"{PORTAL}/requests/{quote(request_id)}"
                            + (f"/{target}" if target else f"?notice={notice}"),
                            status_code=303)


@router.post(f"{PORTAL}/requests/{{request_id}}/submit")
async def submit(request: Request, request_id: str):
    return await posted(request, _submit, request_id)


def _submit(request: Request, form, request_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    if not form_ok(request, form):
        return render(request, "portal/message.html", me, status=403,
                      text=texts(lang_for(request, me))["csrf_failed"])
    try:
        done = answers.submit(storage_of(request), me, request_id)
    except answers.Incomplete:
        return _request_page(request, me, request_id, status=422, review=True)
    except answers.Locked as exc:
        return _request_page(request, me, request_id, status=409, error=str(exc))
    except BadInput:
        return not_found(request, me)
    return RedirectResponse(f"{PORTAL}/requests/{quote(request_id)}?notice=submitted&v="
                            f"{done['version']}", status_code=303)


@router.post(f"{PORTAL}/upload/{{request_id}}/{{question_id}}")
async def upload(request: Request, request_id: str, question_id: str):
    """One file for one question (field `file`); answers sent with it (`a:<question>`) are
    saved with it, as on the questionnaire page."""
    form = await request.form(max_files=1)
    return await run_in_threadpool(_save, request, form, request_id, only=question_id)


@router.get(f"{PORTAL}/evidence/{{evidence_id}}")
def evidence_file(request: Request, evidence_id: str):
    me = contact_of(request)
    if me is None:
        return to_login(request)
    try:
        row, path = evidence.find(storage_of(request), me["supplier_id"], evidence_id)
    except BadInput:
        return not_found(request, me)
    return evidence_response(row, path)
