"""Master data HQ owns: suppliers, sites, published checklists and visit assignments."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from datetime import date
from pathlib import Path

from sva.checklists import load_template
from sva.checklists.stored import template_doc
from sva.errors import BadInput, NotFound
from sva.hq.accounts import log_event, now_iso, user_by_name
from sva.hq.storage import Storage, Tx
from sva.places import check_timezone, region_of
from sva.vocabulary import AUDIT_KINDS, ISEC_LEVELS, SUPPLIER_FLAGS
SUPPLIER_COLUMNS = ("code", "name_en", "name_ja", "country", "annual_spend", "isec_level")
SITE_COLUMNS = ("site_name", "site_name_ja", "site_country", "site_timezone", "site_address")
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def _supplier_row(row: dict, line: int, file: str) -> dict:
    out = {k: (row.get(k) or "").strip() for k in SUPPLIER_COLUMNS}
    if not out["code"]:
        raise BadInput("supplier code is empty", file=file, row=line, field="code")
    if not out["name_en"]:
        raise BadInput("English name is empty", file=file, row=line, field="name_en")
    try:
        out["country"] = out["country"].upper()
        region_of(out["country"])
    except BadInput as exc:
        raise BadInput(str(exc), file=file, row=line, field="country") from None
    spend = out["annual_spend"] or "0"
    if not spend.isdigit():
        raise BadInput(f"annual spend {spend!r} is not a whole number ≥ 0", file=file, row=line,
                       field="annual_spend")
    out["annual_spend"] = int(spend)
    out["isec_level"] = out["isec_level"].upper() or None
    if out["isec_level"] not in (None, *ISEC_LEVELS):
        raise BadInput(f"information-security level must be one of {', '.join(ISEC_LEVELS)}",
                       file=file, row=line, field="isec_level")
    return out


def import_suppliers_csv(storage: Storage, path: str | Path, *, actor: str = "admin",
                         fy: int | None = None) -> dict:
    """Upsert suppliers (and optionally one site per row) from a CSV with a header row.

    Columns: code, name_en, name_ja, country, annual_spend, isec_level, and optionally
    site_name, site_name_ja (the site's Japanese name, for the Japanese report),
    site_country, site_timezone, site_address. All rows are checked before any is
    written; one bad row changes nothing. The spend is recorded in the registry's history as
    fiscal year `fy`'s (default: the current one; refused for a closed year), with the flags
    and categories the supplier has (this file carries none), exactly as `import_registry`
    records it (sva.hq.programme_history.record_import).
    """
    from sva.hq.programme_history import import_fy
    path = Path(path)
    file = str(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise BadInput("file is larger than 20 MB", file=file)
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read: {exc}", file=file) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("code", "name_en", "country") if c not in (reader.fieldnames or [])]
    if missing:
        raise BadInput(f"missing column(s): {', '.join(missing)}", file=file, row=1,
                       field=missing[0])
    rows = []
    for line, raw in enumerate(reader, start=2):
        supplier = _supplier_row(raw, line, file)
        site = None
        if (raw.get("site_name") or "").strip():
            site = {"name": raw["site_name"].strip(),
                    "name_ja": (raw.get("site_name_ja") or "").strip(),
                    "country": (raw.get("site_country") or supplier["country"]).strip().upper(),
                    "timezone": (raw.get("site_timezone") or "").strip(),
                    "address": (raw.get("site_address") or "").strip()}
            try:
                region_of(site["country"])
                check_timezone(site["timezone"])
            except BadInput as exc:
                raise BadInput(str(exc), file=file, row=line, field=exc.field) from None
        rows.append((supplier, site))
    fy = import_fy(storage, fy)
    counts = {"suppliers": 0, "sites": 0}
    with storage.transaction() as tx:
        rev = tx.next_rev()
        for supplier, site in rows:
            supplier_id = _upsert_supplier(tx, supplier, rev, fy, Path(path).name)
            counts["suppliers"] += 1
            if site:
                _upsert_site(tx, supplier_id, site, rev)
                counts["sites"] += 1
        log_event(tx, actor, "import", "suppliers", file, fy=fy, **counts)
    return counts


def _upsert_supplier(tx: Tx, s: dict, rev: int, fy: int, source: str) -> str:
    from sva.hq.programme_history import record_import
    old = tx.one("SELECT * FROM suppliers WHERE code = ?", (s["code"],))
    # the region follows the country, unless the registry set one for this same country
    kept_region = old["region"] if old and old["country"] == s["country"] else ""
    s = {**s, "region": kept_region or region_of(s["country"])}
    # this file carries no flags or categories: the history keeps the supplier's own
    kept = {k: old[k] if old else None for k in (*SUPPLIER_FLAGS, "categories")}
    if not record_import(tx, s["code"], fy, {**s, **kept}, now_iso(), source):
        return old["id"]            # a file for an older year only adds to the history
    if old is None:
        supplier_id = str(uuid.uuid4())
        tx.execute("INSERT INTO suppliers (id, code, name_en, name_ja, country, region, "
                   "annual_spend, isec_level, updated_at, rev) VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (supplier_id, s["code"], s["name_en"], s["name_ja"], s["country"],
                    s["region"], s["annual_spend"], s["isec_level"], now_iso(), rev))
        return supplier_id
    if any(old[k] != s[k] for k in (*SUPPLIER_COLUMNS, "region")) or old["deleted"]:
        tx.execute("UPDATE suppliers SET name_en = ?, name_ja = ?, country = ?, region = ?, "
                   "annual_spend = ?, isec_level = ?, deleted = 0, updated_at = ?, rev = ? "
                   "WHERE id = ?", (s["name_en"], s["name_ja"], s["country"], s["region"],
                                    s["annual_spend"], s["isec_level"], now_iso(), rev,
                                    old["id"]))
    return old["id"]


def _upsert_site(tx: Tx, supplier_id: str, site: dict, rev: int) -> str:
    old = tx.one("SELECT * FROM sites WHERE supplier_id = ? AND name = ?",
                 (supplier_id, site["name"]))
    if old is None:
        site_id = str(uuid.uuid4())
        tx.execute("INSERT INTO sites (id, supplier_id, name, name_ja, address, country, "
                   "timezone, updated_at, rev) VALUES (?,?,?,?,?,?,?,?,?)",
                   (site_id, supplier_id, site["name"], site["name_ja"], site["address"],
                    site["country"], site["timezone"], now_iso(), rev))
        return site_id
    if any(old[k] != site[k] for k in ("name_ja", "address", "country", "timezone")) \
            or old["deleted"]:
        tx.execute("UPDATE sites SET name_ja = ?, address = ?, country = ?, timezone = ?, "
                   "deleted = 0, updated_at = ?, rev = ? WHERE id = ?",
                   (site["name_ja"], site["address"], site["country"], site["timezone"],
                    now_iso(), rev, old["id"]))
    return old["id"]


def publish_checklist(storage: Storage, path: str | Path, *, actor: str = "admin") -> str:
    """Publish a validated template version; the same version with other content is refused."""
    template = load_template(path)          # BadInput naming file/line on any problem
    body = json.dumps(template_doc(template), ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(body.encode()).hexdigest()
    with storage.transaction() as tx:
        old = tx.one("SELECT sha256 FROM checklists WHERE ref = ?", (template.ref,))
        if old:
            if old["sha256"] != digest:
                raise BadInput(f"checklist {template.ref} is already published with different "
                               "content; publish changes under a new version",
                               file=str(path), field="version")
            return template.ref
        tx.execute("INSERT INTO checklists (ref, template_id, version, kind, body, sha256, "
                   "published_at, rev) VALUES (?,?,?,?,?,?,?,?)",
                   (template.ref, template.id, template.version, template.kind, body, digest,
                    now_iso(), tx.next_rev()))
        log_event(tx, actor, "publish", "checklist", template.ref, sha256=digest)
    return template.ref


def assign(storage: Storage, auditor: str, supplier_code: str, site: str, *, kind: str,
           planned_date: str, actor: str = "admin", new_id=None) -> str:
    """Plan a visit: the auditor's devices pull it and create the audit locally."""
    if kind not in AUDIT_KINDS:
        raise BadInput(f"unknown kind {kind!r} (known: {', '.join(AUDIT_KINDS)})", field="--kind")
    try:
        date.fromisoformat(planned_date)
    except (TypeError, ValueError):
        raise BadInput(f"{planned_date!r} is not a date (YYYY-MM-DD)", field="--date") from None
    with storage.transaction() as tx:
        user = user_by_name(tx, auditor)
        if user["role"] != "auditor":
            raise BadInput(f"{auditor} is a {user['role']}, not an auditor", field="auditor")
        supplier = tx.one("SELECT * FROM suppliers WHERE code = ? AND deleted = 0",
                          (supplier_code,))
        if supplier is None:
            raise NotFound(f"no supplier with code {supplier_code}", field="supplier")
        site_row = tx.one("SELECT * FROM sites WHERE supplier_id = ? AND (id = ? OR name = ?) "
                          "AND deleted = 0", (supplier["id"], site, site))
        if site_row is None:
            raise NotFound(f"supplier {supplier_code} has no site {site!r}", field="site")
        template = tx.one("SELECT ref FROM checklists WHERE kind = ? ORDER BY version DESC "
                          "LIMIT 1", (kind,))
        if template is None:
            raise NotFound(f"no published {kind} checklist; run `sva-hq checklist publish`",
                           field="--kind")
        assignment_id = new_id() if new_id else str(uuid.uuid4())
        tx.execute("INSERT INTO assignments (id, auditor_id, supplier_id, site_id, kind, "
                   "template_ref, planned_date, created_at, rev) VALUES (?,?,?,?,?,?,?,?,?)",
                   (assignment_id, user["id"], supplier["id"], site_row["id"], kind,
                    template["ref"], planned_date, now_iso(), tx.next_rev()))
        log_event(tx, actor, "assign", "assignment", assignment_id, auditor=auditor,
                  supplier=supplier_code, site=site_row["name"], kind=kind, date=planned_date)
    return assignment_id
