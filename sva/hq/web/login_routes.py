"""Dashboard login and logout.

Both are POST forms with a CSRF token. A login is first checked against the throttle (a
locked account or address is refused at once, no scrypt spent), then the password is checked
in the bounded hash pool — never on the event loop — and every failure is counted. The
session cookie is HttpOnly and SameSite=Strict (Secure over TLS); logout ends the session at
HQ, not just in this browser.
"""
from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from sva.hq.web import csrf, throttle
from sva.hq.web.auth import COOKIE, SESSION_SECONDS, end_session, start_session, verify
from sva.hq.web.pages import (PREFIX, clean, form_ok, lang_of, page, secure,
                              set_csrf_cookie, storage_of, strings, who)

router = APIRouter(include_in_schema=False)


def safe_next(value: str | None) -> str:
    """Only local dashboard paths: never an open redirect."""
    if value and re.fullmatch(r"/dashboard(/[\w\-./%]*)?(\?[\w\-=&%.]*)?", value):
        return value
    return f"{PREFIX}/"


@router.get(f"{PREFIX}/login")
def login_form(request: Request):
    target = safe_next(request.query_params.get("next"))
    if who(request) is not None:
        return RedirectResponse(target, status_code=303)
    return page(request, "login.html", None, next=target)


def _refused(request: Request, status: int, message: str, name: str, target: str,
             retry_after: int | None = None):
    response = page(request, "login.html", None, status=status, message=message,
                    next=target, name=name)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


def _address(request: Request) -> str:
    # Behind a trusted reverse proxy uvicorn has put the client's address here already
    # (`sva-hq serve --proxy-headers --forwarded-allow-ips …`); otherwise the peer's.
    return request.client.host if request.client else "unknown"


@router.post(f"{PREFIX}/login")
async def login_submit(request: Request):
    form = await request.form()
    name, password = clean(form.get("name", "")), str(form.get("password", ""))[:1000]
    target = safe_next(str(form.get("next", "")))
    t = strings()[lang_of(request)]
    if not form_ok(request, form):
        return _refused(request, 403, t["csrf_failed"], name, target)
    storage, address = storage_of(request), _address(request)
    lock = await run_in_threadpool(throttle.locked, storage, name, address)
    if lock is not None:
        return _refused(request, 429, t[f"login_locked_{lock.kind}"].format(
            minutes=lock.minutes), name, target, lock.seconds)
    try:
        user = await throttle.hash_pool().run(verify, storage, name, password)
    except throttle.Busy:
        return _refused(request, 503, t["login_busy"], name, target, 2)
    if user is None:
        lock = await run_in_threadpool(throttle.failed, storage, name, address)
        message = (t[f"login_locked_{lock.kind}"].format(minutes=lock.minutes) if lock
                   else t["login_failed"])
        return _refused(request, 429 if lock else 401, message, name, target,
                        lock.seconds if lock else None)
    await run_in_threadpool(throttle.succeeded, storage, name)
    cookie = await run_in_threadpool(start_session, storage, user)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, cookie, max_age=SESSION_SECONDS, httponly=True,
                        samesite="strict", secure=secure(request), path="/")
    set_csrf_cookie(request, response, csrf.new_cookie())     # a fresh token after login
    return response


@router.post(f"{PREFIX}/logout")
async def logout(request: Request):
    form = await request.form()
    if not form_ok(request, form):
        t = strings()[lang_of(request)]
        return page(request, "message.html", who(request), status=403, text=t["csrf_failed"])
    await run_in_threadpool(end_session, storage_of(request), request.cookies.get(COOKIE))
    response = RedirectResponse(f"{PREFIX}/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
