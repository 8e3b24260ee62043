"""The HQ web dashboard (issue 9): server-rendered Jinja2 pages under /dashboard.

Login with HQ users (web password from `sva-hq user passwd`), a signed session cookie,
English/Japanese (?lang=ja, remembered in a cookie). Managers and admins see everything; an
auditor sees only their own assignments and audits; anonymous visitors get the login page.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sva.hq.blobs import SHA256_NAME, BlobStore
from sva.hq.programme.figures_render import _labels
from sva.hq.programme.fiscal import fy_label
from sva.hq.programme_figures import figures_from_db
from sva.hq.programme_plans import latest_plan
from sva.hq.web import charts, queries
from sva.hq.web.auth import COOKIE, SESSION_SECONDS, login, session_user
from sva.paths import resource

PREFIX = "/dashboard"
HERE = Path(__file__).parent
LANG_COOKIE = "sva_lang"
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["yen"] = lambda v: f"{int(v or 0):,}"
    env.globals["P"] = PREFIX
    return env


@lru_cache(maxsize=1)
def _strings() -> dict:
    return yaml.safe_load(resource("web", "strings.yaml").read_text("utf-8"))


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "en"
    return lang if lang in ("en", "ja") else "en"


def _storage(request: Request):
    return request.app.state.storage


def _who(request: Request) -> dict | None:
    return session_user(_storage(request), request.cookies.get(COOKIE))


def _page(request: Request, template: str, who: dict | None, status: int = 200, **ctx):
    lang = _lang(request)
    html = _env().get_template(template).render(
        t=_strings()[lang], L=_labels()[lang], lang=lang, who=who, request=request,
        path=request.url.path, query=str(request.url.query), **ctx)
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in ("en", "ja"):
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax",
                            path="/")
    return response


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"{PREFIX}/login?next={quote(target)}", status_code=303)


def _fy(request: Request, tx) -> tuple[int, list[int]]:
    years = queries.fiscal_years(tx)
    raw = request.query_params.get("fy", "")
    fy = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else queries.default_fy(years)
    if fy not in years:
        years = sorted({*years, fy}, reverse=True)
    return fy, years


# -- login -----------------------------------------------------------------------------------

@router.get("/", include_in_schema=False)
def root():
    return RedirectResponse(f"{PREFIX}/", status_code=303)


@router.get(f"{PREFIX}/login")
def login_form(request: Request):
    return _page(request, "login.html", None, next=_safe_next(request.query_params.get("next")))


def _safe_next(value: str | None) -> str:
    """Only local dashboard paths: never an open redirect."""
    if value and re.fullmatch(r"/dashboard(/[\w\-./%]*)?(\?[\w\-=&%.]*)?", value):
        return value
    return f"{PREFIX}/"


@router.post(f"{PREFIX}/login")
async def login_submit(request: Request):
    form = await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    cookie = login(_storage(request), name, password)
    if cookie is None:
        return _page(request, "login.html", None, status=401, failed=True,
                     next=_safe_next(str(form.get("next", ""))), name=name)
    response = RedirectResponse(_safe_next(str(form.get("next", ""))), status_code=303)
    response.set_cookie(COOKIE, cookie, max_age=SESSION_SECONDS, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
    return response


@router.post(f"{PREFIX}/logout")
def logout():
    response = RedirectResponse(f"{PREFIX}/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get(f"{PREFIX}/static/{{name}}")
def static(name: str):
    path = HERE / "static" / name
    if not re.fullmatch(r"[\w\-]+\.(css|svg)", name) or not path.is_file():
        return Response(status_code=404)
    return FileResponse(path, headers={"Cache-Control": "max-age=3600"})


# -- pages -----------------------------------------------------------------------------------

@router.get(f"{PREFIX}/")
def overview(request: Request):
    who = _who(request)
    if who is None:
        return _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        fy, years = _fy(request, tx)
        ctx = {"fy": fy, "years": years, "fy_label": fy_label(fy)}
        if queries.sees_all(who):
            fig = figures_from_db(tx, fy)
            ctx["fig"] = fig
            ctx["charts"] = _overview_charts(fig, _labels()[_lang(request)])
        else:
            ctx["assignments"] = queries.my_assignments(tx, who)
            ctx["audits"] = queries.audits_list(tx, who, fy=fy)
            ctx["open"] = queries.open_findings(tx, who)
    return _page(request, "overview.html", who, **ctx)


def _overview_charts(fig: dict, L: dict) -> dict:
    sev = {s: L["severities"][s] for s in fig["findings_by_severity"]}
    return {
        "areas": charts.stacked([(L["areas"][a], c) for a, c in fig["findings_by_area"].items()],
                                list(sev), sev, width=600, label_width=230,
                                title="findings by area"),
        "kinds": charts.bars([(L["kinds"].get(k, k), n)
                              for k, n in fig["onsite_assessments"].items()],
                             width=520, label_width=220, title="on-site assessments"),
        "levels": charts.bars(list(fig["isec_levels"].items()), colours=charts.LEVEL_COLOURS,
                              label_width=60, title="levels"),
        "regions": charts.bars([(L["regions"].get(r, r), v["share"])
                                for r, v in fig["procurement_by_region"].items()],
                               colour="#9a5b00", unit="%", width=520, label_width=220,
                               title="regions"),
    }


@router.get(f"{PREFIX}/figures.{{fmt}}")
def figures_download(request: Request, fmt: str):
    who = _who(request)
    if who is None:
        return _to_login(request)
    if not queries.sees_all(who):
        return _page(request, "message.html", who, status=403, message_key="manager_only")
    if fmt not in ("pdf", "xlsx", "csv"):
        return Response(status_code=404)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        fy, _ = _fy(request, tx)
        fig = figures_from_db(tx, fy)
    lang = _lang(request)
    name = f"sva-figures-FY{fy}-{lang}.{fmt}"
    if fmt == "csv":
        from sva.hq.programme.figures_render import figures_csv
        return Response(figures_csv(fig), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    from sva.hq.programme_export import write_pdf, write_xlsx
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        (write_pdf if fmt == "pdf" else write_xlsx)(fig, path, lang)
        data = path.read_bytes()
    media = "application/pdf" if fmt == "pdf" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get(f"{PREFIX}/suppliers")
def suppliers(request: Request, q: str = ""):
    who = _who(request)
    if who is None:
        return _to_login(request)
    with _storage(request).transaction(write=False) as tx:
        rows = queries.suppliers_list(tx, who, q.strip()[:100])
    return _page(request, "suppliers.html", who, rows=rows, q=q)


@router.get(f"{PREFIX}/suppliers/{{code}}")
def supplier(request: Request, code: str):
    who = _who(request)
    if who is None:
        return _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        data = queries.supplier_page(tx, who, code)
    if data is None:
        return _page(request, "message.html", who, status=404, message_key="not_found")
    points = [(r.fy, r.area_scores.get("ISEC"), r.isec_level) for r in data["results"]]
    return _page(request, "supplier.html", who, **data, today=date.today().isoformat(),
                 history=charts.level_history(points, title="levels"))


def _audit(request: Request, audit_id: str):
    who = _who(request)
    if who is None:
        return None, _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        data = queries.audit_page(tx, who, audit_id)
    if data is None:
        return None, _page(request, "message.html", who, status=404, message_key="not_found")
    return (who, data), None


@router.get(f"{PREFIX}/audits/{{audit_id}}")
def audit(request: Request, audit_id: str):
    found, response = _audit(request, audit_id)
    if response:
        return response
    who, data = found
    return _page(request, "audit.html", who, **data, today=date.today().isoformat())


@router.get(f"{PREFIX}/audits/{{audit_id}}/document.json")
def audit_document(request: Request, audit_id: str):
    found, response = _audit(request, audit_id)
    if response:
        return response
    return JSONResponse(found[1]["doc"], headers={
        "Content-Disposition": f'attachment; filename="audit-{audit_id}.json"'})


@router.get(f"{PREFIX}/audits/{{audit_id}}/findings.csv")
def audit_findings_csv(request: Request, audit_id: str):
    found, response = _audit(request, audit_id)
    if response:
        return response
    out = io.StringIO()
    cols = ("id", "item_id", "area", "severity", "observed", "required_action", "due_date",
            "status", "root_cause", "corrective_action", "responsible", "planned_date",
            "verification_method", "verified_at")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for f in found[1]["findings"]:
        w.writerow([f.get(c) if f.get(c) is not None else "" for c in cols])
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition":
                             f'attachment; filename="findings-{audit_id}.csv"'})


@router.get(f"{PREFIX}/audits/{{audit_id}}/photos/{{sha}}")
def audit_photo(request: Request, audit_id: str, sha: str):
    found, response = _audit(request, audit_id)
    if response:
        return response
    if not SHA256_NAME.match(sha) or sha not in {p["sha256"] for p in found[1]["photos"]}:
        return Response(status_code=404)
    path = BlobStore(_storage(request).blob_dir).final_path(sha)
    if not path.is_file():
        return Response(status_code=404)
    media = next((p.get("media_type") for p in found[1]["photos"] if p["sha256"] == sha),
                 None) or "image/jpeg"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "private, max-age=86400"})


@router.get(f"{PREFIX}/caps")
def caps(request: Request, status: str = ""):
    who = _who(request)
    if who is None:
        return _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        rows = queries.open_findings(tx, who, status=status or None)
    return _page(request, "caps.html", who, rows=rows, selected=status,
                 overdue=sum(1 for r in rows if r["overdue_days"]))


@router.get(f"{PREFIX}/plan")
def plan_page(request: Request):
    who = _who(request)
    if who is None:
        return _to_login(request)
    if not queries.sees_all(who):
        return _page(request, "message.html", who, status=403, message_key="manager_only")
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        fy, years = _fy(request, tx)
    plans_fy = latest_plan(storage, None)
    if request.query_params.get("fy"):
        plans_fy = latest_plan(storage, fy)
    elif plans_fy:
        fy = plans_fy["fy"]
    if plans_fy and fy not in years:
        years = sorted({*years, fy}, reverse=True)
    return _page(request, "plan.html", who, plan=plans_fy, fy=fy, years=years)

