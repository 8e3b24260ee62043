"""The HQ web dashboard (issue 9): server-rendered Jinja2 pages under /dashboard.

Login with HQ users (web password from `sva-hq user passwd`) and a server-side session
(sva.hq.web.login_routes, auth, csrf, throttle), photos as sniffed, redacted renderings
only (sva.hq.web.photos), English/Japanese (?lang=ja, remembered in a cookie). Managers and
admins see everything; an auditor sees only their own assignments and audits; anonymous
visitors get the login page.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response

from sva.hq.programme.figures_render import _labels
from sva.hq.programme.fiscal import fy_label
from sva.hq.programme_closing import year_figures
from sva.hq.programmes.panels import labels as programme_labels
from sva.hq.programmes.supplier_view import supplier_records
from sva.hq.programmes.web import overview_context as programmes_overview
from sva.hq.programme_plans import latest_plan
from sva.hq.web import charts, queries
from sva.hq.web.login_routes import router as login_router
from sva.hq.web.manager_routes import router as manager_router
from sva.hq.web.pages import (HERE, PREFIX, clean, lang_of, page, storage_of, strings,
                              to_login, who)
from sva.hq.web.photos import router as photos_router
from sva.hq.web.programmes_routes import router as programmes_router
from sva.reports.cell_safety import csv_cell

router = APIRouter(include_in_schema=False)
router.include_router(login_router)
router.include_router(photos_router)
router.include_router(programmes_router)            # issue 19
router.include_router(manager_router)
STATIC_TYPES = {"css": "text/css", "svg": "image/svg+xml", "js": "text/javascript"}

# Short names for the page helpers (the routes below read as before).
_page, _to_login, _lang, _storage, _who = page, to_login, lang_of, storage_of, who


def _fy(request: Request, tx) -> tuple[int, list[int]]:
    years = queries.fiscal_years(tx)
    raw = request.query_params.get("fy", "")
    fy = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else queries.default_fy(years)
    if fy not in years:
        years = sorted({*years, fy}, reverse=True)
    return fy, years


@router.get("/", include_in_schema=False)
def root():
    return RedirectResponse(f"{PREFIX}/", status_code=303)


@router.get(f"{PREFIX}/static/{{name}}")
def static(name: str):
    path = HERE / "static" / name
    match = re.fullmatch(r"[\w\-]+\.(css|svg|js)", name)
    if not match or not path.is_file():
        return Response(status_code=404)
    return FileResponse(path, media_type=STATIC_TYPES[match.group(1)],
                        headers={"Cache-Control": "max-age=3600"})


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
            fig = year_figures(tx, fy)
            ctx["fig"] = fig
            if fig.get("closed"):
                from sva.hq.programme.figures_render import closed_text
                ctx["closed_note"] = closed_text(fig["closed"], _lang(request))
            from sva.hq.programme_closing import trends
            ctx["trends"] = trends(tx)
            from sva.hq.programme_history import current_fy
            if fy == current_fy():                  # the running year: planned vs done
                ctx["progress"] = queries.planned_vs_done(tx, fy)
            ctx["charts"] = _overview_charts(fig, _labels()[_lang(request)])
            ctx.update(programmes_overview(fig, _lang(request)))     # issue 19
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
        fig = year_figures(tx, fy)
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
        rows = queries.suppliers_list(tx, who, clean(q, 100).strip())
    return _page(request, "suppliers.html", who, rows=rows, q=q)


@router.get(f"{PREFIX}/suppliers/{{code}}")
def supplier(request: Request, code: str):
    who = _who(request)
    if who is None:
        return _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        data = queries.supplier_page(tx, who, clean(code, 100))
        if data is not None:                                            # issue 19
            data["pr"] = {**supplier_records(tx, data["supplier"]["code"], _lang(request)),
                          "t": strings()["programmes"][_lang(request)],
                          "L": programme_labels()[_lang(request)]}
    if data is None:
        return _page(request, "message.html", who, status=404, message_key="not_found")
    points = [(r.fy, r.area_scores.get("ISEC"), r.isec_level) for r in data["results"]]
    texts = strings()[_lang(request)]
    return _page(request, "supplier.html", who, **data, today=date.today().isoformat(),
                 history=charts.level_history(points, title=texts["levels_over_time"],
                                              score_label=texts["isec_score"]))


def _audit(request: Request, audit_id: str):
    who = _who(request)
    if who is None:
        return None, _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        data = queries.audit_page(tx, who, clean(audit_id, 100))
    if data is None:
        return None, _page(request, "message.html", who, status=404, message_key="not_found")
    return (who, data), None


@router.get(f"{PREFIX}/audits/{{audit_id}}")
def audit(request: Request, audit_id: str):
    found, response = _audit(request, audit_id)
    if response:
        return response
    who, data = found
    return _page(request, "audit.html", who, **data, today=date.today().isoformat(),
                 site=queries.site_profile(data["doc"], data["zone"], lang_of(request)))


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
    for f in found[1]["findings"]:       # a cell starting = + - @ is text, never a formula
        w.writerow([csv_cell(f.get(c) if f.get(c) is not None else "") for c in cols])
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition":
                             f'attachment; filename="findings-{audit_id}.csv"'})


@router.get(f"{PREFIX}/caps")
def caps(request: Request, status: str = ""):
    who = _who(request)
    if who is None:
        return _to_login(request)
    storage = _storage(request)
    with storage.transaction(write=False) as tx:
        rows = queries.open_findings(tx, who, status=clean(status, 40) or None)
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
    name = clean(request.query_params.get("name"), 120)
    plans_fy = latest_plan(storage, None)
    if name:
        from sva.errors import NotFound
        from sva.hq.programme_plans import get_plan
        try:
            plans_fy = get_plan(storage, name)
            fy = plans_fy["fy"]
        except NotFound:
            return _page(request, "message.html", who, status=404, message_key="not_found")
    elif request.query_params.get("fy"):
        plans_fy = latest_plan(storage, fy)
    elif plans_fy:
        fy = plans_fy["fy"]
    if plans_fy and fy not in years:
        years = sorted({*years, fy}, reverse=True)
    return _page(request, "plan.html", who, plan=plans_fy, fy=fy, years=years)



@router.get(f"{PREFIX}/eligibility")
@router.get(f"{PREFIX}/eligibility.csv")
def eligibility_page(request: Request):
    """Required level → the suppliers eligible now (level, date, basis, open infosec findings)
    and those whose level expired; `.csv` exports the eligible ones."""
    from sva.hq.programme.eligibility import LEVELS, required_level
    from sva.hq.programme_eligibility import eligibility_for
    who = _who(request)
    if who is None:
        return _to_login(request)
    if not queries.sees_all(who):
        return _page(request, "message.html", who, status=403, message_key="manager_only")
    level = clean(request.query_params.get("level") or "B", 2).upper()
    if level not in LEVELS:
        level = "B"
    category = clean(request.query_params.get("category"), 80) or None
    storage = _storage(request)
    raw_fy = request.query_params.get("fy", "")
    as_of = int(raw_fy) if raw_fy.isdigit() and 2000 <= int(raw_fy) <= 2100 else None
    data = eligibility_for(storage, required_level(level), category, as_of_fy=as_of)
    if request.url.path.endswith(".csv"):
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["code", "name_en", "name_ja", "level", "fy", "date", "valid_until", "basis",
                    "extension", "open_isec_findings"])
        for r in data["eligible"]:
            ext = r["extension"]
            w.writerow([csv_cell(v) for v in (
                r["code"], r["name_en"], r["name_ja"], r["level"], r["fy"], r["date"],
                r["valid_until"], r["basis"],
                f"{ext['extended_by']}: {ext['reason']}" if ext else "", r["open_isec"])])
        name = f"sva-eligible-{level}-FY{data['as_of_fy']}.csv"
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                         headers={"Content-Disposition": f'attachment; filename="{name}"'})
    with storage.transaction(write=False) as tx:
        categories = queries.categories(tx)
    return _page(request, "eligibility.html", who, data=data, level=level, levels=LEVELS,
                 category=category or "", categories=categories)
