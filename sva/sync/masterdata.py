"""Apply pulled master data through the workspace services (each its own audit-log row)."""
from __future__ import annotations

import json

from sva.checklists import template_from_dict
from sva.errors import BadInput
from sva.sync import state
from sva.vocabulary import SITE_SYNC_FIELDS as SITE_SYNC, SUPPLIER_SYNC_FIELDS as SUPPLIER_SYNC


def apply_suppliers(ws, rows: list[dict]) -> int:
    changed = 0
    for s in rows:
        local = state.local_id(ws.db, "supplier", s["id"])
        if local is None:
            found = list(ws.db.query("SELECT id FROM suppliers WHERE code = ?", [s["code"]]))
            local = found[0]["id"] if found else None
        fields = {k: s[k] for k in SUPPLIER_SYNC}
        if local is None:
            if s["deleted"]:
                continue
            local = ws.suppliers.add(code=s["code"], **fields)
            changed += 1
        else:
            old = ws.suppliers.get("suppliers", local, include_deleted=True)
            old_fields = {**old, "categories": json.loads(old["categories"])}
            diff = {k: v for k, v in fields.items() if old_fields[k] != v}
            if diff and not old["deleted"]:
                ws.suppliers.edit(local, **diff)
                changed += 1
            if s["deleted"] and not old["deleted"]:
                ws.suppliers.delete(local)
                changed += 1
        state.map_id(ws.db, "supplier", s["id"], local)
    return changed


def apply_sites(ws, rows: list[dict]) -> int:
    changed = 0
    for s in rows:
        supplier = state.local_id(ws.db, "supplier", s["supplier_id"])
        if supplier is None:
            raise BadInput(f"HQ sent site {s['id']} of an unknown supplier", field="sites",
                           code="hq_bad_data")
        local = state.local_id(ws.db, "site", s["id"])
        if local is None:
            found = list(ws.db.query("SELECT id FROM sites WHERE supplier_id = ? AND name = ?",
                                     [supplier, s["name"]]))
            local = found[0]["id"] if found else None
        fields = {k: s[k] for k in SITE_SYNC if k in s}   # an older HQ sends no name_ja
        if local is None:
            local = ws.suppliers.add_site(supplier, **fields)
            changed += 1
        else:
            old = ws.suppliers.get("sites", local, include_deleted=True)
            diff = {k: v for k, v in fields.items() if old[k] != v}
            if diff:
                ws.suppliers.edit_site(local, **diff)
                changed += 1
        state.map_id(ws.db, "site", s["id"], local)
    return changed


def apply_checklists(ws, rows: list[dict]) -> int:
    for c in rows:
        template, problems = template_from_dict(c["body"], c["ref"])
        if problems:
            raise BadInput("HQ sent an invalid checklist: " + "; ".join(map(str, problems)),
                           field="checklists", code="hq_bad_data")
        ws.templates.install(template)
    return len(rows)


def apply_assignments(ws, rows: list[dict]) -> list[str]:
    """Create the local audit for each new assignment; returns the new audit ids."""
    created = []
    for a in rows:
        if a["deleted"]:
            continue
        if list(ws.db.query("SELECT 1 FROM sync_assignments WHERE assignment_id = ?", [a["id"]])):
            continue
        supplier = state.local_id(ws.db, "supplier", a["supplier_id"])
        site = state.local_id(ws.db, "site", a["site_id"])
        if supplier is None or site is None:
            raise BadInput(f"assignment {a['id']} names a supplier or site HQ did not send",
                           field="assignments", code="hq_bad_data")
        with ws.db.atomic():      # the audit and its link, or neither (no duplicate on replay)
            audit_id = ws.audits.create(supplier_id=supplier, site_id=site,
                                        template_ref=a["template_ref"],
                                        planned_date=a["planned_date"], auditors=[a["auditor"]])
            ws.db.execute("INSERT INTO sync_assignments (assignment_id, audit_id, received_at) "
                          "VALUES (?,?,?)", [a["id"], audit_id, ws.clock()])
        created.append(audit_id)
    return created
