"""Conflict minerals at HQ: CMRT requests, each supplier's CMRT per fiscal year (kept with
its workbook), the conformant-smelter list, the smelter roll-up and the yearly figures.

Each import is one transaction and one event-log row; a file with any problem is refused
whole with every problem listed (sheet and cell for a CMRT, row and column for a CSV)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.cells import Day, Row, required
from sva.hq.programme.tabular import apply_policy, check_rows, open_table, repeated
from sva.hq.programmes import files
from sva.hq.programmes.cmrt import METALS, SMELTER_ID, parse_cmrt
from sva.hq.programmes.registry import SupplierCode, registered, supplier_rows
from sva.hq.storage import Storage, Tx
from sva.validation.checks import Refusal
from pydantic import BeforeValidator


def import_cmrt(storage: Storage, path: str | Path, *, supplier: str, fy: int,
                actor: str = "admin") -> dict:
    """Check a supplier's CMRT workbook and keep it as that supplier's report for `fy`
    (replacing an earlier one of the same year)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    report, problems = parse_cmrt(data, path.name)
    if problems:
        raise BadInput(f"{len(problems)} problem(s), nothing was imported:\n"
                       + "\n".join(str(p) for p in problems), file=path.name,
                       field=problems[0].cell)
    with storage.transaction() as tx:
        code = registered(tx, supplier)
        sha = files.keep(storage, data)
        tx.execute("DELETE FROM cmrt_smelters WHERE supplier_code = ? AND fy = ?", (code, fy))
        tx.execute("DELETE FROM cmrt_reports WHERE supplier_code = ? AND fy = ?", (code, fy))
        tx.execute("INSERT INTO cmrt_reports (supplier_code, fy, template_version, company, "
                   "scope, answers, file_name, file_sha, imported_at, imported_by) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (code, fy, report.version, report.company, report.scope,
                    json.dumps(report.answers, sort_keys=True), path.name, sha, now_iso(),
                    actor))
        for s in report.smelters:
            tx.execute("INSERT INTO cmrt_smelters (supplier_code, fy, metal, smelter_id, "
                       "smelter_name, country) VALUES (?,?,?,?,?,?)",
                       (code, fy, s["metal"], s["smelter_id"], s["smelter_name"], s["country"]))
        log_event(tx, actor, "import", "cmrt", f"{code}/{fy}", file=path.name, sha=sha,
                  version=report.version, smelters=len(report.smelters))
    return {"supplier": code, "fy": fy, "version": report.version,
            "smelters": len(report.smelters), "sha": sha}


def report_file(storage: Storage, *, supplier: str, fy: int) -> tuple[str, bytes]:
    """(file name, bytes) of the CMRT kept for a supplier and year."""
    with storage.transaction(write=False) as tx:
        code = registered(tx, supplier)
        row = tx.one("SELECT file_name, file_sha FROM cmrt_reports WHERE supplier_code = ? "
                     "AND fy = ?", (code, fy))
    if row is None:
        raise NotFound(f"no CMRT of {code} for FY{fy}", field="--fy")
    return row["file_name"], files.read(storage, row["file_sha"])


def _smelter_id(cell) -> str:
    sid = str(cell or "").strip().upper()
    if not SMELTER_ID.match(sid):
        raise Refusal(f"{sid or '(empty)'} is not a smelter identification (CID + 6 digits)")
    return sid


def _metal(cell) -> str:
    metal = str(cell or "").strip().title()
    if metal not in METALS:
        raise Refusal(f"metal {str(cell or '(empty)')!r} is not one of {', '.join(METALS)}")
    return metal


class ConformantRow(Row):
    smelter_id: Annotated[str, BeforeValidator(_smelter_id)] = ""
    metal: Annotated[str, BeforeValidator(_metal)] = ""
    smelter_name: Annotated[str, required("smelter name is empty")] = ""
    status: Annotated[str, required("status is empty (e.g. Conformant, Active)")] = ""


CONFORMANT_COLUMNS = ("smelter_id", "metal", "smelter_name", "status")


def import_conformant(storage: Storage, path: str | Path, *, actor: str = "admin") -> dict:
    """The conformant-smelter list (CSV/XLSX: smelter_id, metal, smelter_name, status),
    replacing the one held. Only 'Conformant' rows count as conformant in the figures."""
    table, problems = open_table(path, CONFORMANT_COLUMNS, CONFORMANT_COLUMNS)
    good = []
    if table is not None:
        good, bad = check_rows(table, ConformantRow)
        problems += bad
        problems += repeated(table, {n: r.get("smelter_id", "").strip().upper() or None
                                     for n, r in table.rows}, "smelter_id",
                             lambda sid, others: f"{sid} also appears on row(s) {others}")
    rows, _ = apply_policy(good, problems, skip_bad=False)
    with storage.transaction() as tx:
        tx.execute("DELETE FROM cmrt_conformant")
        at = now_iso()
        for _, r in rows:
            tx.execute("INSERT INTO cmrt_conformant (smelter_id, metal, smelter_name, status, "
                       "imported_at) VALUES (?,?,?,?,?)",
                       (r.smelter_id, r.metal, r.smelter_name, r.status.strip(), at))
        log_event(tx, actor, "import", "cmrt_conformant", str(path), smelters=len(rows))
    return {"smelters": len(rows)}


class RequestRow(Row):
    supplier_code: SupplierCode = ""
    requested_on: Day = ""


def import_cmrt_requests(storage: Storage, path: str | Path, fy: int, *,
                         actor: str = "admin") -> dict:
    """Who was asked for a CMRT in `fy` (CSV/XLSX: supplier_code, requested_on)."""
    with storage.transaction() as tx:
        columns = ("supplier_code", "requested_on")
        good, problems = supplier_rows(tx, path, columns, columns, RequestRow)
        rows, _ = apply_policy(good, problems, skip_bad=False)
        for _, r in rows:
            tx.execute("DELETE FROM cmrt_requests WHERE supplier_code = ? AND fy = ?",
                       (r.supplier_code, fy))
            tx.execute("INSERT INTO cmrt_requests (supplier_code, fy, requested_on) "
                       "VALUES (?,?,?)", (r.supplier_code, fy, r.requested_on))
        log_event(tx, actor, "import", "cmrt_requests", str(path), fy=fy, rows=len(rows))
    return {"requests": len(rows)}


def rollup(tx: Tx, fy: int) -> list[dict]:
    """Smelters of the year across suppliers, one row per (metal, smelter id): name,
    country, how many suppliers named it (and which), conformant or not."""
    rows = tx.all(
        "SELECT s.metal, s.smelter_id, MIN(s.smelter_name) AS smelter_name, "
        "MIN(s.country) AS country, COUNT(DISTINCT s.supplier_code) AS suppliers, "
        "MAX(CASE WHEN c.status = 'Conformant' THEN 1 ELSE 0 END) AS conformant "
        "FROM cmrt_smelters s LEFT JOIN cmrt_conformant c ON c.smelter_id = s.smelter_id "
        "WHERE s.fy = ? GROUP BY s.metal, s.smelter_id ORDER BY s.metal, s.smelter_id", (fy,))
    named = {}
    for r in tx.all("SELECT metal, smelter_id, supplier_code FROM cmrt_smelters WHERE fy = ? "
                    "ORDER BY supplier_code", (fy,)):
        named.setdefault((r["metal"], r["smelter_id"]), []).append(r["supplier_code"])
    return [{**r, "suppliers": int(r["suppliers"]), "conformant": bool(r["conformant"]),
             "supplier_codes": named[(r["metal"], r["smelter_id"])]} for r in rows]


def figures(tx: Tx, fy: int) -> dict:
    surveyed = int(tx.scalar("SELECT COUNT(*) FROM cmrt_requests WHERE fy = ?", (fy,)))
    responded = int(tx.scalar(
        "SELECT COUNT(*) FROM cmrt_reports r JOIN cmrt_requests q ON q.supplier_code = "
        "r.supplier_code AND q.fy = r.fy WHERE r.fy = ?", (fy,)))
    reports = int(tx.scalar("SELECT COUNT(*) FROM cmrt_reports WHERE fy = ?", (fy,)))
    # each smelter of the year once (an index-only scan), then its conformance: a few
    # hundred rows however many suppliers named them
    found = tx.all(
        "SELECT d.metal, d.smelter_id, CASE WHEN c.smelter_id IS NULL THEN 0 ELSE 1 END AS ok "
        "FROM (SELECT DISTINCT metal, smelter_id FROM cmrt_smelters WHERE fy = ?) d LEFT JOIN "
        "cmrt_conformant c ON c.smelter_id = d.smelter_id AND c.status = 'Conformant'", (fy,))
    by_metal = {m: {"smelters": len({r["smelter_id"] for r in found if r["metal"] == m}),
                    "conformant": len({r["smelter_id"] for r in found
                                       if r["metal"] == m and r["ok"]})} for m in METALS}
    smelters = len({r["smelter_id"] for r in found})
    conformant = len({r["smelter_id"] for r in found if r["ok"]})
    return {"surveyed": surveyed, "responded": responded, "reports": reports,
            "response_rate": _pct(responded, surveyed), "smelters": smelters,
            "conformant": conformant, "conformant_share": _pct(conformant, smelters),
            "by_metal": by_metal}


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
