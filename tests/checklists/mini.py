"""A small checklist with rules, written for the tests: young-worker follow-ups behind a
number, a section behind a branch question, a scored yes/no with its own points."""
from sva.checklists import template_from_dict


def _item(item_id, answer="conformity", weight=1, **more):
    return {"id": item_id, "area": "HR", "question": {"en": f"{item_id}?", "ja": f"{item_id}？"},
            "guidance": {"en": "Look.", "ja": "確認する。"}, "evidence": ["document"],
            "answer": answer, "weight": weight, **more}


def checklist(version=1, young_rule="YW > 0"):
    return {"id": "mini", "version": version, "kind": "svr",
            "title": {"en": "Mini", "ja": "ミニ"},
            "sections": [
                {"id": "A", "title": {"en": "People", "ja": "人"}, "items": [
                    _item("YW", "number", min=0, decimals=False),
                    _item("YW-NIGHT", weight=5, relevant_if=young_rule,
                          evidence_required_on=["nonconformity"]),
                    _item("YW-SCHOOL", weight=3, relevant_if=young_rule),
                    _item("POLICY", weight=2),
                ]},
                {"id": "B", "title": {"en": "Phones", "ja": "携帯"}, "items": [
                    # A branch question: a choice, as "no" to a yes/no item is a nonconformity.
                    _item("MOBILE", "choice", choices=[
                        {"value": "used", "en": "Used", "ja": "使用している"},
                        {"value": "none", "en": "Not used", "ja": "使用していない"}]),
                    _item("LOCK", "yes_no", weight=4),
                    _item("CODE", "text", required=False, pattern="[A-Z]{2}-[0-9]+"),
                ]},
                {"id": "C", "title": {"en": "Mobile rules", "ja": "携帯ルール"},
                 "relevant_if": "MOBILE == 'used'", "items": [
                     _item("MDM", weight=2),
                     _item("WIPE", "yes_no", weight=1, score={"yes": 1, "no": 0.25}),
                 ]},
            ]}


def install_mini(ws, supplier, doc=None) -> str:
    """Install the checklist (or `doc`) and start an audit on it; returns the audit id."""
    template, problems = template_from_dict(doc or checklist())
    assert problems == []
    audit = ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                             template_ref=ws.templates.install(template),
                             planned_date="2026-05-12")
    ws.audits.start(audit)
    return audit


def with_lines(doc=None) -> dict:
    """The checklist with a section repeated per production line: a guarding check, a count
    of emergency stops and a test of them asked only when the line has any."""
    doc = doc or checklist()
    doc["sections"].append(
        {"id": "LINE", "title": {"en": "Production line", "ja": "生産ライン"},
         "repeat": {"en": "Line", "ja": "ライン"}, "items": [
             _item("GUARD", weight=2),
             _item("STOPS", "number", min=0, decimals=False),
             _item("STOP-TEST", weight=4, relevant_if="STOPS > 0"),
         ]})
    return doc
