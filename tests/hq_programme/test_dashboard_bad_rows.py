"""Rows stored before pushes were validated never break a page (issue 15, point 3): a due
date of 1999-99-99 (the value that took /dashboard/caps down for everyone), visit dates
outside any sane year, unknown kinds, areas and severities, a document whose parts are not
what they should be. Every page answers 200 for a manager and for the auditor concerned."""
from __future__ import annotations

import re

from sva.hq.app import create_app
from sva.hq.storage import open_storage

from .test_dashboard_http import PAGES, client


def test_bad_stored_values_do_not_break_any_page(demo_copy):
    storage = open_storage(demo_copy)
    with storage.transaction() as tx:
        audits = tx.all("SELECT a.id, a.supplier_code, u.name AS owner FROM audits a "
                        "JOIN users u ON u.id = a.owner_id JOIN findings f ON f.audit_id = a.id "
                        "WHERE u.name = 'aud.li' AND f.severity IN ('minor', 'significant') "
                        "ORDER BY a.id")
        first, second, third = audits[0]["id"], audits[1]["id"], audits[-1]["id"]
        tx.execute("UPDATE findings SET due_date = '1999-99-99', status = 'open' "
                   "WHERE audit_id = ?", (first,))
        tx.execute("UPDATE findings SET severity = NULL, area = 'XX' WHERE id = "
                   "(SELECT MIN(id) FROM findings WHERE audit_id = ?)", (second,))
        tx.execute("UPDATE audits SET visit_date = '9999-12-31', kind = 'weird<kind>' "
                   "WHERE id = ?", (second,))
        tx.execute("UPDATE audits SET visit_date = '0001-01-01' WHERE id = ?", (third,))
        tx.execute("UPDATE audits SET document = ? WHERE id = ?",
                   ('{"findings": "not a list", "photos": [1, "two"], "auditors": 5}', third))
        doc = tx.scalar("SELECT document FROM audits WHERE id = ?", (first,))
        tx.execute("UPDATE audits SET document = ? WHERE id = ?",
                   (doc.replace('"due_date": "', '"due_date": 20260101, "was": "'), first))
        code = audits[0]["supplier_code"]
    app = create_app(storage)
    for user in ("mgr.sato", "aud.li"):
        c = client(app, user)
        for path in (*PAGES, "/dashboard/?fy=2100", f"/dashboard/suppliers/{code}",
                     f"/dashboard/audits/{first}", f"/dashboard/audits/{second}",
                     f"/dashboard/audits/{third}", f"/dashboard/audits/{third}/findings.csv"):
            if user == "aud.li" and path.startswith("/dashboard/plan"):
                continue
            r = c.get(path)
            assert r.status_code == 200, (user, path, r.text[-300:])
        years = re.findall(r'<option value="(\d+)"', c.get("/dashboard/").text)
        assert years and all(2000 <= int(y) <= 2100 for y in years) and len(years) < 30
