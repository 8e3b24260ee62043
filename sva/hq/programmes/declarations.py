"""Declarations suppliers sign (types and versions as data in
resources/programme/declarations.yaml): requests sent, receipts with who signed which
version when and the scan kept as a document; fiscal-year figures.

Receipts file (CSV/XLSX): supplier_code, decl_type, version, received_on, signed_by[, file]
— `file` is the scan, relative to the receipts file's folder. Requests file: supplier_code,
decl_type, requested_on, reason (new_supplier, renewal, new_version)."""
from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BeforeValidator, ValidationInfo, model_validator

from sva.errors import BadInput
from sva.hq.accounts import log_event, now_iso
from sva.hq.programme.cells import Day, Row, required
from sva.hq.programme.fiscal import fy_bounds
from sva.hq.programme.tabular import apply_policy, check_rows, open_table, repeated
from sva.hq.programmes import files
from sva.hq.programmes.registry import SupplierCode, known_codes
from sva.hq.storage import Storage, Tx
from sva.paths import resource
from sva.validation.checks import Refusal, check


@lru_cache(maxsize=1)
def catalogue() -> dict:
    return yaml.safe_load(resource("programme", "declarations.yaml").read_text("utf-8"))


def types() -> dict:
    return catalogue()["types"]


def _type(cell) -> str:
    name = str(cell or "").strip().lower()
    if name not in types():
        raise Refusal(f"declaration type {name or '(empty)'!r} is not one of "
                      f"{', '.join(types())}")
    return name


def _reason(cell) -> str:
    reason = str(cell or "").strip().lower()
    if reason not in catalogue()["reasons"]:
        raise Refusal(f"reason {reason or '(empty)'!r} is not one of "
                      f"{', '.join(catalogue()['reasons'])}")
    return reason


def _version(cell) -> int:
    text = str(cell or "").strip()
    if not text.isdigit():
        raise Refusal(f"version {text or '(empty)'!r} is not a whole number")
    return int(text)


def _file(cell, info: ValidationInfo) -> str:
    name = str(cell or "").strip()
    if name and not (info.context["folder"] / name).is_file():
        raise Refusal(f"no file {name!r} next to the receipts file")
    return name


DeclType = Annotated[str, BeforeValidator(_type)]


class ReceiptRow(Row):
    supplier_code: SupplierCode = ""
    decl_type: DeclType = ""
    version: Annotated[int, BeforeValidator(_version)] = 0
    received_on: Day = ""
    signed_by: Annotated[str, required("signed_by is empty (who signed for the supplier)")] = ""
    file: Annotated[str, BeforeValidator(_file)] = ""

    @model_validator(mode="after")
    def _known_version(self):
        versions = {v["version"]: v["from"] for v in types()[self.decl_type]["versions"]}
        if self.version not in versions:
            raise Refusal(f"{self.decl_type} has no version {self.version} (known: "
                          f"{', '.join(map(str, versions))})", field="version")
        if self.received_on < versions[self.version]:
            raise Refusal(f"received {self.received_on}, before version {self.version} of "
                          f"{self.decl_type} existed ({versions[self.version]})",
                          field="received_on")
        return self


class RequestRow(Row):
    supplier_code: SupplierCode = ""
    decl_type: DeclType = ""
    requested_on: Day = ""
    reason: Annotated[str, BeforeValidator(_reason)] = ""


def _keys(table, columns) -> dict:
    """row number -> the row's identifying cells (case-folded), for `repeated`."""
    return {n: tuple(r.get(c, "").strip().upper() for c in columns) for n, r in table.rows}


RECEIPT_REQUIRED = ("supplier_code", "decl_type", "version", "received_on", "signed_by")
REQUEST_COLUMNS = ("supplier_code", "decl_type", "requested_on", "reason")


def import_receipts(storage: Storage, path: str | Path, *, actor: str = "admin") -> dict:
    path = Path(path)
    with storage.transaction() as tx:
        table, problems = open_table(path, RECEIPT_REQUIRED, (*RECEIPT_REQUIRED, "file"))
        good = []
        if table is not None:
            good, bad = check_rows(table, ReceiptRow, context={
                "known": known_codes(tx), "folder": path.parent})
            problems += bad
            problems += repeated(table, _keys(table, ("supplier_code", "decl_type", "version",
                                                      "received_on")), "supplier_code",
                                 lambda k, others: f"the same receipt is on row(s) {others}")
        rows, _ = apply_policy(good, problems, skip_bad=False)
        at = now_iso()
        replaced = 0
        for _, r in rows:
            sha = files.keep(storage, (path.parent / r.file).read_bytes()) if r.file else ""
            # a receipt already held (same supplier, type, version and day) is replaced
            replaced += tx.execute("DELETE FROM declaration_receipts WHERE supplier_code = ? "
                                   "AND decl_type = ? AND version = ? AND received_on = ?",
                                   (r.supplier_code, r.decl_type, r.version, r.received_on))
            tx.execute("INSERT INTO declaration_receipts (id, supplier_code, decl_type, version, "
                       "received_on, signed_by, file_name, file_sha, imported_at) "
                       "VALUES (?,?,?,?,?,?,?,?,?)",
                       (str(uuid.uuid4()), r.supplier_code, r.decl_type, r.version,
                        r.received_on, r.signed_by, Path(r.file).name if r.file else "", sha, at))
        log_event(tx, actor, "import", "declaration_receipts", str(path), rows=len(rows),
                  replaced=replaced)
    return {"receipts": len(rows), "replaced": replaced}


def receive(storage: Storage, *, supplier: str, decl_type: str, version: int | str,
            received_on: str, signed_by: str, scan: str | Path | None = None,
            actor: str = "admin") -> dict:
    """One declaration received (the scan optional), checked like a row of a receipts file;
    the command-line names the options (--type, --date …) in its messages."""
    scan = Path(scan) if scan else None
    cells = {"supplier_code": supplier, "decl_type": decl_type, "version": str(version),
             "received_on": received_on, "signed_by": signed_by,
             "file": scan.name if scan else ""}
    with storage.transaction() as tx:
        row, issues = check(ReceiptRow, cells, context={
            "known": known_codes(tx), "folder": scan.parent if scan else Path(".")})
        if issues:
            raise BadInput("; ".join(f"{OPTION.get(i.loc[0], i.loc[0]) if i.loc else ''}: "
                                     f"{i.message}" for i in issues) + "; nothing was recorded")
        sha = files.keep(storage, scan.read_bytes()) if scan else ""
        replaced = tx.execute("DELETE FROM declaration_receipts WHERE supplier_code = ? AND "
                              "decl_type = ? AND version = ? AND received_on = ?",
                              (row.supplier_code, row.decl_type, row.version, row.received_on))
        tx.execute("INSERT INTO declaration_receipts (id, supplier_code, decl_type, version, "
                   "received_on, signed_by, file_name, file_sha, imported_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?)",
                   (str(uuid.uuid4()), row.supplier_code, row.decl_type, row.version,
                    row.received_on, row.signed_by, scan.name if scan else "", sha, now_iso()))
        log_event(tx, actor, "receive", "declaration", row.supplier_code, decl_type=row.decl_type,
                  version=row.version, received_on=row.received_on, sha=sha)
    return {"supplier": row.supplier_code, "decl_type": row.decl_type, "version": row.version,
            "replaced": replaced, "sha": sha}


# the command-line option of each column, for `receive`'s messages
OPTION = {"supplier_code": "--supplier", "decl_type": "--type", "version": "--version",
          "received_on": "--date", "signed_by": "--signed-by", "file": "--scan"}


def import_requests(storage: Storage, path: str | Path, *, actor: str = "admin") -> dict:
    with storage.transaction() as tx:
        table, problems = open_table(path, REQUEST_COLUMNS, REQUEST_COLUMNS)
        good = []
        if table is not None:
            good, bad = check_rows(table, RequestRow, context={"known": known_codes(tx)})
            problems += bad
            problems += repeated(table, _keys(table, ("supplier_code", "decl_type",
                                                      "requested_on")), "supplier_code",
                                 lambda k, others: f"the same request is on row(s) {others}")
        rows, _ = apply_policy(good, problems, skip_bad=False)
        at = now_iso()
        for _, r in rows:
            tx.execute("DELETE FROM declaration_requests WHERE supplier_code = ? AND decl_type "
                       "= ? AND requested_on = ?", (r.supplier_code, r.decl_type, r.requested_on))
            tx.execute("INSERT INTO declaration_requests (id, supplier_code, decl_type, reason, "
                       "requested_on, created_at) VALUES (?,?,?,?,?,?)",
                       (str(uuid.uuid4()), r.supplier_code, r.decl_type, r.reason,
                        r.requested_on, at))
        log_event(tx, actor, "import", "declaration_requests", str(path), rows=len(rows))
    return {"requests": len(rows)}


# a request is answered by a receipt of the same supplier and type received on or after it
_ANSWERED = ("EXISTS (SELECT 1 FROM declaration_receipts r WHERE r.supplier_code = "
             "q.supplier_code AND r.decl_type = q.decl_type AND r.received_on >= q.requested_on "
             "AND r.received_on <= ?)")


def figures(tx: Tx, fy: int) -> dict:
    start, end = (d.isoformat() for d in fy_bounds(fy))
    received = int(tx.scalar("SELECT COUNT(*) FROM declaration_receipts WHERE received_on "
                             ">= ? AND received_on <= ?", (start, end)))
    new = int(tx.scalar(
        "SELECT COUNT(DISTINCT r.supplier_code) FROM declaration_receipts r WHERE "
        "r.received_on >= ? AND r.received_on <= ? AND EXISTS (SELECT 1 FROM "
        "declaration_requests q WHERE q.supplier_code = r.supplier_code AND q.decl_type = "
        "r.decl_type AND q.reason = 'new_supplier' AND q.requested_on <= r.received_on)",
        (start, end)))
    # Active suppliers of the year: those the registry of that year lists (spend imported
    # for the FY, issue 18), so a past year's coverage does not move with today's registry;
    # a year without registry history falls back to today's suppliers.
    # (EXISTS per receipt, not IN (the year's registry): the registry has 200,000 rows at
    # scale, the receipts few; bench_figures)
    active = int(tx.scalar("SELECT COUNT(*) FROM supplier_spend WHERE fy = ?", (fy,)))
    if active:
        listed, args = ("EXISTS (SELECT 1 FROM supplier_spend p WHERE p.supplier_code = "
                        "r.supplier_code AND p.fy = ?)"), (fy,)
    else:
        active = int(tx.scalar("SELECT COUNT(*) FROM suppliers WHERE deleted = 0"))
        listed, args = ("EXISTS (SELECT 1 FROM suppliers s WHERE s.code = r.supplier_code "
                        "AND s.deleted = 0)"), ()
    held = {r["decl_type"]: int(r["n"]) for r in tx.all(
        "SELECT r.decl_type, COUNT(DISTINCT r.supplier_code) AS n FROM declaration_receipts r "
        f"WHERE r.received_on <= ? AND {listed} GROUP BY r.decl_type", (end, *args))}
    coverage = {}
    for name, spec in types().items():
        if min(v["from"] for v in spec["versions"]) > end:
            continue                        # the type did not exist yet in this year
        n = held.get(name, 0)
        coverage[name] = {"suppliers": n, "share": round(100 * n / active, 1) if active else None}
    outstanding = int(tx.scalar(
        f"SELECT COUNT(*) FROM declaration_requests q WHERE q.requested_on <= ? AND NOT "
        f"{_ANSWERED}", (end, end)))
    return {"received": received, "new_suppliers_declared": new, "active_suppliers": active,
            "coverage": coverage, "outstanding_requests": outstanding}


def outstanding(tx: Tx) -> list[dict]:
    """Requests no receipt has answered yet, oldest first."""
    return tx.all(f"SELECT q.supplier_code, q.decl_type, q.requested_on, q.reason FROM "
                  f"declaration_requests q WHERE NOT {_ANSWERED} ORDER BY q.requested_on, "
                  f"q.supplier_code", ("9999-12-31",))


def title(decl_type: str, lang: str, *, short: bool = False) -> str:
    return types()[decl_type]["short" if short else "title"][lang]

