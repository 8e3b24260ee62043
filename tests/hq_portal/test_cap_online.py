"""CAP online: a finding of a signed audit pushed by a device is answered by the supplier in
the portal, reaches the device on its next sync; HQ returns it with a reason, which reaches
the device and the supplier; the supplier answers again. Another supplier cannot see or
answer it. An older CAP workbook imported on the device afterwards is refused, not applied
over the online answer. A real `sva-hq serve` and a real device workspace, SQLite and PostgreSQL."""
from __future__ import annotations

import re

import httpx
import pytest
from openpyxl import load_workbook

from sva.reports import export_cap, import_cap
from sva.reports.cap_import import CapWorkbookInvalid
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, MAIN_SHEET
from sva.sync.engine import sync
from tests.hq.test_roundtrip import assigned_audit, do_audit
from tests.hq_portal.conftest import PASSWORD, contact


def _client(hq, email=None) -> httpx.Client:
    c = httpx.Client(base_url=hq.url, trust_env=False, follow_redirects=False)
    if email:
        r = c.post("/portal/login", data={"email": email, "password": PASSWORD,
                                          "csrf": _csrf(c, "/portal/login")})
        assert r.status_code == 303, r.text
    return c


def _csrf(c, path) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', c.get(path).text).group(1)


CAP = {"root_cause": "pallets stored in the corridor for lack of space",
       "corrective_action": "pallets moved to the new rack", "preventive_action": "weekly walk",
       "responsible": "Plant manager", "planned_date": "2026-06-01",
       "containment": "exit cleared within the hour", "completion_evidence": "photo of the rack",
       "position": "agree"}


def test_a_cap_answered_online_reaches_the_device_and_hq_can_return_it(hq, device):
    from sva.hq import accounts
    from sva.hq.web.auth import set_password
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    (finding,) = device.findings.of_audit(audit_id)
    contact(hq.storage, "S001", "aiko@kanto.example")
    contact(hq.storage, "S002", "li@penang.example")
    supplier = _client(hq, "aiko@kanto.example")
    page = supplier.get("/portal/caps").text
    assert "fire exit blocked by pallets" in page and "clear the exit" in page
    # a planned date after the due date needs a reason; nothing is stored without it
    late = supplier.post(f"/portal/caps/{finding['id']}",
                         data={**CAP, "planned_date": "2099-01-01",
                               "csrf": _csrf(supplier, "/portal/caps")})
    assert late.status_code == 422 and "due date" in late.text
    # another supplier's contact: the same answer as for an unknown finding, nothing changed
    other = _client(hq, "li@penang.example")
    assert "fire exit" not in other.get("/portal/caps").text
    theirs = other.post(f"/portal/caps/{finding['id']}",
                        data={**CAP, "csrf": _csrf(other, "/portal/caps")})
    unknown = other.post("/portal/caps/no-such-finding",
                         data={**CAP, "csrf": _csrf(other, "/portal/caps")})
    assert theirs.status_code == unknown.status_code == 404 and theirs.text == unknown.text
    # an evidence file goes with the plan; another supplier can neither add nor fetch one
    pdf = b"%PDF-1.4\n%%EOF\n"
    up = supplier.post(f"/portal/caps/{finding['id']}/upload",
                       data={"csrf": _csrf(supplier, "/portal/caps")},
                       files={"file": ("rack.pdf", pdf, "application/pdf")})
    assert up.status_code == 303
    fake = supplier.post(f"/portal/caps/{finding['id']}/upload",
                         data={"csrf": _csrf(supplier, "/portal/caps")},
                         files={"file": ("rack.pdf", b"<html>", "application/pdf")})
    assert fake.status_code == 422
    link = re.search(r'class="cap-file" href="([^"]+)"', supplier.get("/portal/caps").text)
    assert supplier.get(link.group(1)).content == pdf
    assert other.get(link.group(1)).status_code == 404
    assert other.post(f"/portal/caps/{finding['id']}/upload",
                      data={"csrf": _csrf(other, "/portal/caps")},
                      files={"file": ("x.pdf", pdf, "application/pdf")}).status_code == 404
    # a disputed finding needs a comment, as in the CAP workbook; nothing is stored without
    disputed = supplier.post(f"/portal/caps/{finding['id']}",
                             data={**CAP, "position": "dispute",
                                   "csrf": _csrf(supplier, "/portal/caps")})
    assert disputed.status_code == 422 and "dispute" in disputed.text
    assert 'name="containment"' in supplier.get("/portal/caps").text
    r = supplier.post(f"/portal/caps/{finding['id']}",
                      data={**CAP, "csrf": _csrf(supplier, "/portal/caps")})
    assert r.status_code == 303
    sync(device)
    local = device.findings.finding(finding["id"])
    assert (local["status"], local["root_cause"], local["planned_date"]) == \
        ("cap_submitted", CAP["root_cause"], "2026-06-01")
    # the workbook's response fields travel too: containment, evidence, agree / dispute
    assert (local["containment"], local["completion_evidence"], local["position"]) == \
        (CAP["containment"], CAP["completion_evidence"], "agree")
    # HQ returns it with a reason from the dashboard; device and supplier both see it
    accounts.add_user(hq.storage, "mgr", "manager")
    set_password(hq.storage, "mgr", PASSWORD)
    staff = _client(hq)
    staff.post("/dashboard/login", data={"name": "mgr", "password": PASSWORD,
                                         "next": "/dashboard/",
                                         "csrf": _csrf(staff, "/dashboard/login")})
    review = staff.get("/dashboard/portal/caps").text
    assert CAP["corrective_action"] in review and "rack.pdf" in review
    r = staff.post(f"/dashboard/portal/caps/{finding['id']}",
                   data={"decision": "return", "reason": "add the rack's photo",
                         "csrf": _csrf(staff, "/dashboard/portal/caps")})
    assert r.status_code == 303
    sync(device)
    local = device.findings.finding(finding["id"])
    assert (local["status"], local["rejection_reason"]) == ("cap_rejected",
                                                            "add the rack's photo")
    assert "add the rack&#39;s photo" in supplier.get("/portal/caps").text
    r = supplier.post(f"/portal/caps/{finding['id']}",
                      data={**CAP, "supplier_comment": "photo sent by mail",
                            "csrf": _csrf(supplier, "/portal/caps")})
    assert r.status_code == 303
    r = staff.post(f"/dashboard/portal/caps/{finding['id']}",
                   data={"decision": "accept", "csrf": _csrf(staff, "/dashboard/portal/caps")})
    assert r.status_code == 303
    sync(device)
    assert device.findings.finding(finding["id"])["status"] == "cap_accepted"
    # accepted: the supplier can no longer change it
    r = supplier.post(f"/portal/caps/{finding['id']}",
                      data={**CAP, "csrf": _csrf(supplier, "/portal/caps")})
    assert r.status_code == 422


def test_an_older_workbook_does_not_undo_a_cap_answered_online(hq, device, tmp_path):
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    sync(device)
    (finding,) = device.findings.of_audit(audit_id)
    workbook = export_cap(device, audit_id, tmp_path / "cap.xlsx")   # handed to the supplier
    contact(hq.storage, "S001", "aiko@kanto.example")
    supplier = _client(hq, "aiko@kanto.example")
    r = supplier.post(f"/portal/caps/{finding['id']}",
                      data={**CAP, "csrf": _csrf(supplier, "/portal/caps")})
    assert r.status_code == 303
    sync(device)                                   # the online answer reaches the device
    book = load_workbook(workbook)                 # … then the old workbook comes back filled
    sheet = book[MAIN_SHEET]
    sheet.cell(FIRST_ROW, COLUMN_OF["root_cause"], "something else entirely")
    sheet.cell(FIRST_ROW, COLUMN_OF["responsible"], "someone else")
    book.save(workbook)
    with pytest.raises(CapWorkbookInvalid, match="after this workbook was exported"):
        import_cap(device, workbook)
    assert device.findings.finding(finding["id"])["root_cause"] == CAP["root_cause"]


def test_the_cap_page_shows_the_auditors_japanese_texts_on_a_japanese_page(hq, device):
    """A finding written in both languages (issue 21) reads in Japanese on the portal's
    Japanese CAP page and in English on the English one."""
    audit_id = assigned_audit(hq, device)
    do_audit(device, audit_id, photos=0)
    (finding,) = device.findings.of_audit(audit_id)
    device.findings.edit(finding["id"], reason="Japanese texts for the supplier",
                         observed_ja="非常口がパレットでふさがれている",
                         required_action_ja="非常口を直ちに片付ける")
    sync(device)
    contact(hq.storage, "S001", "aiko@kanto.example")
    supplier = _client(hq, "aiko@kanto.example")
    ja = supplier.get("/portal/caps?lang=ja").text
    assert "非常口がパレットでふさがれている" in ja and "非常口を直ちに片付ける" in ja
    assert "fire exit blocked by pallets" not in ja
    en = supplier.get("/portal/caps?lang=en").text
    assert "fire exit blocked by pallets" in en and "非常口がパレット" not in en
