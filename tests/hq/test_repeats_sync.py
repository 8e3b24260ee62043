"""HQ receives an audit with the checklist version it was done on, and a repeated section's
instances (their names and their answers) as part of it."""
from __future__ import annotations

import json

from sva.sync.engine import sync
from tests.conftest import PNG_1x1, answer_all
from tests.hq.test_roundtrip import assigned_audit


def test_hq_receives_the_checklist_version_and_each_production_line(hq, device):
    audit_id = assigned_audit(hq, device)
    answer_all(device, audit_id)
    device.audits.add_instance(audit_id, "OHS-LINE", "Paint line")
    for item_id in ("SVR-LINE-01#2", "SVR-LINE-02#2", "SVR-LINE-03#2"):
        device.audits.record_answer(audit_id, item_id, "conforms")
    device.audits.complete(audit_id)
    device.audits.sign(audit_id, signer_name="Taro Yamada", role="Plant manager",
                       organisation="Kanto Parts", image_png=PNG_1x1)
    report = sync(device)
    assert report.push.pushed == [audit_id]
    with hq.storage.transaction(write=False) as tx:
        row = tx.one("SELECT * FROM audits WHERE id = ?", (audit_id,))
    doc = json.loads(row["document"])
    assert doc["template_ref"] == device.audits.audit(audit_id)["template_ref"]
    with hq.storage.transaction(write=False) as tx:
        assigned = tx.one("SELECT template_ref FROM assignments WHERE deleted = 0")
    assert assigned["template_ref"] == doc["template_ref"]     # the version HQ assigned
    answers = {a["item_id"]: a["result"] for a in doc["answers"] if not a["deleted"]}
    assert answers["OHS-LINE#2"] == "Paint line"
    assert answers["SVR-LINE-01#2"] == "conforms"
    assert doc["content_hash"] == device.audits.content_hash(audit_id)
