"""Chemical-substance surveys (RoHS, REACH) per supplier and product family, per fiscal
year; figures: coverage and open issues.

File (CSV/XLSX, the year given with --fy): supplier_code, product_family, regulation (RoHS
or REACH), status (requested, received, compliant, non_compliant, exemption), substance
(required when non_compliant), exemption (required when status is exemption). A later file
replaces the rows of the (supplier, family, regulation) it names."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, model_validator

from sva.hq.accounts import log_event
from sva.hq.programme.cells import Row, Text, required
from sva.hq.programme.tabular import apply_policy, check_rows, open_table, repeated
from sva.hq.programmes.climate import _one_of
from sva.hq.programmes.registry import SupplierCode, known_codes
from sva.hq.storage import Storage, Tx
from sva.validation.checks import Refusal

REGULATIONS = ("RoHS", "REACH")
STATUSES = ("requested", "received", "compliant", "non_compliant", "exemption")
ANSWERED = ("received", "compliant", "non_compliant", "exemption")
COLUMNS = ("supplier_code", "product_family", "regulation", "status", "substance", "exemption")


def _required_choice(choices, what):
    inner = _one_of(choices, what).func

    def parse(cell) -> str:
        if not str(cell or "").strip():
            raise Refusal(f"{what} is empty (one of {', '.join(choices)})")
        return inner(cell)
    return BeforeValidator(parse)


class SurveyRow(Row):
    supplier_code: SupplierCode = ""
    product_family: Annotated[str, required("product family is empty")] = ""
    regulation: Annotated[str, _required_choice(REGULATIONS, "regulation")] = ""
    status: Annotated[str, _required_choice(STATUSES, "status")] = ""
    substance: Text = ""
    exemption: Text = ""

    @model_validator(mode="after")
    def _details(self):
        if self.status == "non_compliant" and not self.substance:
            raise Refusal("non_compliant needs the substance (e.g. DEHP, Lead)",
                          field="substance")
        if self.status == "exemption" and not self.exemption:
            raise Refusal("exemption needs the exemption used (e.g. RoHS Annex III 7(c)-I)",
                          field="exemption")
        return self


def import_chemicals(storage: Storage, path: str | Path, fy: int, *,
                     actor: str = "admin") -> dict:
    with storage.transaction() as tx:
        table, problems = open_table(path, COLUMNS[:4], COLUMNS)
        good = []
        if table is not None:
            good, bad = check_rows(table, SurveyRow, context={"known": known_codes(tx)})
            problems += bad
            problems += repeated(
                table, {n: (r.get("supplier_code", "").strip().upper(),
                            r.get("product_family", "").strip().lower(),
                            r.get("regulation", "").strip().lower()) for n, r in table.rows},
                "supplier_code", lambda k, others: f"{k[0]} / {k[1]} / {k[2]} also on row(s) "
                                                   f"{others}")
        rows, _ = apply_policy(good, problems, skip_bad=False)
        for _, r in rows:
            key = (r.supplier_code, fy, r.product_family, r.regulation)
            tx.execute("DELETE FROM chemical_surveys WHERE supplier_code = ? AND fy = ? AND "
                       "product_family = ? AND regulation = ?", key)
            tx.execute("INSERT INTO chemical_surveys (supplier_code, fy, product_family, "
                       "regulation, status, substance, exemption) VALUES (?,?,?,?,?,?,?)",
                       (*key, r.status, r.substance, r.exemption))
        log_event(tx, actor, "import", "chemicals", str(path), fy=fy, rows=len(rows))
    return {"rows": len(rows)}


def figures(tx: Tx, fy: int) -> dict:
    counts: dict = {}
    for r in tx.all("SELECT regulation, status, COUNT(*) AS n FROM chemical_surveys WHERE "
                    "fy = ? GROUP BY regulation, status", (fy,)):
        counts.setdefault(r["regulation"], {})[r["status"]] = int(r["n"])
    suppliers = {r["regulation"]: int(r["n"]) for r in tx.all(
        "SELECT regulation, COUNT(DISTINCT supplier_code) AS n FROM chemical_surveys WHERE "
        "fy = ? GROUP BY regulation", (fy,))}
    out: dict = {}
    for regulation in REGULATIONS:
        status = counts.get(regulation, {})
        surveys = sum(status.values())
        answered = sum(status.get(s, 0) for s in ANSWERED)
        out[regulation] = {
            "surveys": surveys, "suppliers": suppliers.get(regulation, 0),
            "by_status": {s: status.get(s, 0) for s in STATUSES},
            "coverage": round(100 * answered / surveys, 1) if surveys else None,
            "open_issues": status.get("requested", 0) + status.get("non_compliant", 0)}
    return out
