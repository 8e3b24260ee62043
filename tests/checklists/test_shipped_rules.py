"""The shipped checklists use the logic: young-worker follow-ups behind the head count, the
mobile-device questions behind a branch question, photos on visible nonconformities, and the
new items carry both languages and the supplier-facing fields."""
import pytest

from sva.checklists import load_template
from sva.paths import resource

SVR = load_template(resource("checklists", "svr.yaml"))
ISEC = load_template(resource("checklists", "infosec.yaml"))
NEW_ITEMS = [SVR.items["SVR-HR-05A"], ISEC.items["ISEC-MOBILE-00"]]


@pytest.mark.parametrize("count, hidden", [("0", True), ("1", False), ("40", False)])
def test_young_worker_follow_ups_apply_only_when_there_are_young_workers(ws, audit, count,
                                                                           hidden):
    ws.audits.record_answer(audit, "SVR-HR-04", count)
    shown = {"SVR-HR-05", "SVR-HR-05A"} - ws.audits.hidden(audit).keys()
    assert shown == (set() if hidden else {"SVR-HR-05", "SVR-HR-05A"})


def test_mobile_device_questions_follow_the_branch_question(ws, supplier):
    audit = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.latest("infosec"),
                             planned_date="2026-05-12")
    ws.audits.start(audit)
    mobile = {"ISEC-MOBILE-01", "ISEC-MOBILE-02"}
    assert mobile <= ws.audits.hidden(audit).keys()
    ws.audits.record_answer(audit, "ISEC-MOBILE-00", "used")
    assert not mobile & ws.audits.hidden(audit).keys()
    ws.audits.record_answer(audit, "ISEC-MOBILE-00", "none")
    assert ws.audits.hidden(audit)["ISEC-MOBILE-02"] == "ISEC-MOBILE-00 == 'used'"


def test_a_nonconformity_seen_on_site_needs_a_photo():
    for template in (SVR, ISEC):
        for item in template.items.values():
            if "inspection" in item.evidence and item.answer == "conformity":
                assert "nonconformity" in item.evidence_required_on, item.id


@pytest.mark.parametrize("item", NEW_ITEMS, ids=lambda i: i.id)
def test_new_items_speak_both_languages_to_auditor_and_supplier(item):
    for field in ("question", "guidance", "expected", "topic"):
        texts = getattr(item, field)
        assert texts["en"].strip() and texts["ja"].strip(), field
        assert any("\u3040" <= c <= "\u30ff" for c in texts["ja"]), field   # kana: Japanese


def test_weights_are_documented_in_each_shipped_file():
    for name in ("svr.yaml", "infosec.yaml"):
        head = resource("checklists", name).read_text("utf-8").split("\nid:")[0]
        assert "# Weights (1-5)" in head and "evidence_required_on" in head


def test_the_svr_walks_each_production_line_on_its_own(ws, audit):
    section = next(s for s in SVR.sections if s.repeat is not None)
    assert (section.id, section.repeat["en"]) == ("OHS-LINE", "Production line")
    assert {i.area for i in section.items} == {"OHS"}
    ws.audits.add_instance(audit, "OHS-LINE", "SMT line 2")
    assert {"SVR-LINE-01#2", "SVR-LINE-02#2", "SVR-LINE-03#2"} <= set(
        ws.audits.missing_required(audit))
    ws.audits.record_answer(audit, "SVR-LINE-01#2", "nonconformity")
    kinds = {(p.kind, p.item_id) for p in ws.audits.completion_problems(audit)}
    assert ("no_photo", "SVR-LINE-01#2") in kinds      # a guard seen missing needs its photo
