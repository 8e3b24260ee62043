"""Complete refuses while a nonconformity has neither a finding nor a reason, or a required
photo is missing; the reason is stored with the answer (schema v4) and signed with it."""
import io
import json
import sqlite3

import pytest
from PIL import Image

from sva.checklists.model import Item
from sva.domain.completion import (NO_FINDING, NO_PHOTO, UNANSWERED, photo_required,
                                   recorded_nonconformity)
from sva.errors import AuditLocked, BadInput, IncompleteAudit
from sva.store import open_db
from sva.store import migrations
from tests.conftest import PNG_1x1, answer_all, log_count

NO_PHOTO_ITEM = "SVR-HR-02"      # photo_required_on: []
PHOTO_ITEM = "SVR-HR-01"         # photo_required_on: [nonconformity]
PHOTO_ANY = "SVR-OHS-01"         # photo_required_on: [nonconformity, observation]


def small_jpeg(colour="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return out.getvalue()


def problems(ws, audit):
    return [(p.kind, p.item_id) for p in ws.audits.completion_problems(audit)]


@pytest.fixture
def answered(ws, audit):
    answer_all(ws, audit)
    return audit


def test_a_nonconformity_without_a_finding_blocks_complete(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity", "no fire drill records")
    assert problems(ws, answered) == [(NO_FINDING, NO_PHOTO_ITEM)]
    before = log_count(ws)
    with pytest.raises(IncompleteAudit, match=f"{NO_PHOTO_ITEM} is answered nonconformity") \
            as err:
        ws.audits.complete(answered)
    assert [(p.kind, p.item_id) for p in err.value.problems] == [(NO_FINDING, NO_PHOTO_ITEM)]
    assert err.value.missing == []
    assert ws.audits.audit(answered)["status"] == "in_progress"
    assert log_count(ws) == before


def test_an_observation_needs_a_finding_or_a_reason_too(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "observation")
    assert problems(ws, answered) == [(NO_FINDING, NO_PHOTO_ITEM)]


def test_a_finding_on_the_item_settles_it_but_a_good_practice_does_not(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity")
    good = ws.findings.add(answered, item_id=NO_PHOTO_ITEM, severity="good_practice",
                           observed="Good records")
    assert problems(ws, answered) == [(NO_FINDING, NO_PHOTO_ITEM)]
    ws.findings.delete(good)
    ws.findings.add(answered, item_id=NO_PHOTO_ITEM, severity="minor", observed="no records")
    assert problems(ws, answered) == []
    ws.audits.complete(answered)
    assert ws.audits.audit(answered)["status"] == "completed"


def test_a_stated_reason_settles_it_in_one_logged_change(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity")
    before = log_count(ws)
    ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "  Corrected during the visit  ")
    assert log_count(ws) == before + 1
    entry = ws.audits.history(answered)[-1]
    assert entry["action"] == "explain_no_finding"
    assert json.loads(entry["changes"]) == {
        "no_finding_reason": ["", "Corrected during the visit"]}
    assert ws.audits.answers(answered)[NO_PHOTO_ITEM]["no_finding_reason"] == \
        "Corrected during the visit"
    assert problems(ws, answered) == []
    ws.audits.complete(answered)


def test_a_reason_for_a_conforming_answer_is_refused(ws, answered):
    before = log_count(ws)
    with pytest.raises(BadInput, match="not answered as a nonconformity") as err:
        ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "nothing to say")
    assert err.value.field == "no_finding_reason"
    assert log_count(ws) == before


def test_a_changed_answer_drops_the_reason_and_undo_brings_it_back(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity")
    ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "Corrected during the visit")
    ws.perform("Answer", ws.audits.record_answer, answered, NO_PHOTO_ITEM, "observation")
    assert ws.audits.answers(answered)[NO_PHOTO_ITEM]["no_finding_reason"] == ""
    assert problems(ws, answered) == [(NO_FINDING, NO_PHOTO_ITEM)]
    ws.undo.undo()
    row = ws.audits.answers(answered)[NO_PHOTO_ITEM]
    assert (row["result"], row["no_finding_reason"]) == (
        "nonconformity", "Corrected during the visit")


def test_the_reason_is_signed_content_and_changes_only_as_an_amendment(ws, answered):
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity")
    ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "Corrected during the visit")
    ws.audits.complete(answered)
    ws.audits.sign(answered, signer_name="A", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    signed_hash = ws.audits.content_hash(answered)
    with pytest.raises(AuditLocked):
        ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "Something else")
    ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "Something else",
                                 reason="Supplier asked for clearer wording")
    assert ws.audits.history(answered)[-1]["amendment"] == 1
    assert ws.audits.content_hash(answered) != signed_hash


def test_a_required_photo_blocks_complete_until_the_item_or_its_finding_has_one(ws, answered):
    ws.audits.record_answer(answered, PHOTO_ITEM, "nonconformity")
    finding = ws.findings.add(answered, item_id=PHOTO_ITEM, severity="minor", observed="x")
    assert problems(ws, answered) == [(NO_PHOTO, PHOTO_ITEM)]
    with pytest.raises(IncompleteAudit, match=f"{PHOTO_ITEM} .* needs a photo"):
        ws.audits.complete(answered)
    elsewhere = ws.photos.add_bytes(answered, small_jpeg("blue"), item_id=NO_PHOTO_ITEM)
    assert problems(ws, answered) == [(NO_PHOTO, PHOTO_ITEM)]       # not on this item
    photo = ws.photos.add_bytes(answered, small_jpeg())
    ws.photos.link_finding(photo, finding)                           # through the finding
    assert problems(ws, answered) == []
    ws.photos.unlink_finding(photo)
    ws.photos.set_item(elsewhere, PHOTO_ITEM)                        # on the item itself
    assert problems(ws, answered) == []
    ws.photos.delete(elsewhere)
    assert problems(ws, answered) == [(NO_PHOTO, PHOTO_ITEM)]


def test_the_photo_rule_follows_the_answer(ws, answered):
    ws.audits.record_answer(answered, PHOTO_ITEM, "observation")     # [nonconformity] only
    ws.audits.explain_no_finding(answered, PHOTO_ITEM, "Minor, explained to the manager")
    ws.audits.record_answer(answered, PHOTO_ANY, "observation")
    ws.audits.explain_no_finding(answered, PHOTO_ANY, "Already being fixed")
    assert problems(ws, answered) == [(NO_PHOTO, PHOTO_ANY)]


def test_every_kind_of_problem_is_listed_in_checklist_order(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    ws.audits.record_answer(audit, PHOTO_ANY, "nonconformity")
    ws.audits.record_answer(audit, PHOTO_ITEM, "nonconformity")
    found = ws.audits.completion_problems(audit)
    hidden = ws.audits.hidden(audit)            # follow-ups whose trigger is unanswered
    unanswered = [i for i in template.required_ids()
                  if i not in (PHOTO_ITEM, PHOTO_ANY) and i not in hidden]
    assert [(p.kind, p.item_id) for p in found] == (
        [(UNANSWERED, i) for i in unanswered]
        + [(NO_FINDING, PHOTO_ITEM), (NO_FINDING, PHOTO_ANY)]
        + [(NO_PHOTO, PHOTO_ITEM), (NO_PHOTO, PHOTO_ANY)])
    with pytest.raises(IncompleteAudit) as err:
        ws.audits.complete(audit)
    assert err.value.missing == unanswered


def _item(answer: str, photo_on=()) -> Item:
    return Item("X-01", "HR", {"en": "?"}, {"en": ""}, ("interview",), answer, True,
                tuple(photo_on), 1, "HR")


@pytest.mark.parametrize("answer, result, recorded", [
    ("conformity", "nonconformity", "nonconformity"), ("conformity", "observation", "observation"),
    ("conformity", "conforms", None), ("conformity", "not_applicable", None),
    ("yes_no", "no", "nonconformity"), ("yes_no", "yes", None), ("yes_no", "not_applicable", None),
    ("number", "0", None), ("text", "no", None), ("choice", "none", None)])
def test_which_answers_record_a_nonconformity(answer, result, recorded):
    assert recorded_nonconformity(_item(answer), result) == recorded
    assert photo_required(_item(answer, ["nonconformity"]), result) == (recorded == "nonconformity")


def test_migration_to_v4_keeps_every_answer_and_adds_an_empty_reason(tmp_path):
    folder = tmp_path / "old"
    db = open_db(folder, migrate=False)
    migrations.migrate(db, folder / "sva.db", migrations.STEPS[:3])  # a store from before
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("INSERT INTO answers (id, audit_id, item_id, result, note, answered_at, "
               "created_at, updated_at, updated_by) VALUES ('a1', 'au1', 'SVR-HR-02', "
               "'nonconformity', 'no drill records', 't', 't', 't', 'dev')")
    db.close()
    upgraded = open_db(folder)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    row = upgraded.execute("SELECT item_id, result, note, no_finding_reason FROM answers "
                           "WHERE id = 'a1'").fetchone()
    assert row == ("SVR-HR-02", "nonconformity", "no drill records", "")
    upgraded.close()
    backups = list((folder / "backups").glob("sva-v3-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    assert old.execute("SELECT note FROM answers").fetchall() == [("no drill records",)]
    old.close()


def test_the_reason_goes_to_hq_with_the_answer(ws, answered):
    from sva.hq.api.models import Answer
    from sva.sync.document import audit_document
    ws.audits.record_answer(answered, NO_PHOTO_ITEM, "nonconformity")
    ws.audits.explain_no_finding(answered, NO_PHOTO_ITEM, "Corrected during the visit")
    [row] = [a for a in audit_document(ws, answered)["answers"] if a["item_id"] == NO_PHOTO_ITEM]
    assert Answer(**row).no_finding_reason == "Corrected during the visit"


def test_migration_of_findings_adds_empty_japanese_texts_and_cap_response(tmp_path):
    """The step after v4 (schema_finding_report.sql): every finding kept, the new texts ''."""
    folder = tmp_path / "old"
    db = open_db(folder, migrate=False)
    migrations.migrate(db, folder / "sva.db", migrations.STEPS[:4])
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("INSERT INTO findings (id, audit_id, area, severity, observed, created_at, "
               "updated_at, updated_by) VALUES ('f1', 'au1', 'OHS', 'minor', 'Exit locked', "
               "'t', 't', 'dev')")
    db.close()
    upgraded = open_db(folder)
    row = upgraded.execute("SELECT observed, observed_ja, required_action_ja, sample_size, "
                           "containment, position FROM findings WHERE id = 'f1'").fetchone()
    assert row == ("Exit locked", "", "", "", "", "")
    upgraded.close()
