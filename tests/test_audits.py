"""Audit services: answers, completion, signing, amendments."""
import json

import pytest

from sva.errors import AuditLocked, BadInput, BadNumber, IllegalTransition, IncompleteAudit
from sva.checklists import load_template
from sva.paths import resource
from tests.conftest import PNG_1x1, answer_all, log_count, start

SVR = load_template(resource("checklists", "svr.yaml")).ref      # the shipped version


def _first(ws, audit_id, **where):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return next(i for i in template.items.values()
                if all(getattr(i, k) == v for k, v in where.items()))


def test_audit_keeps_its_template_version(ws, planned_audit):
    row = ws.audits.audit(planned_audit)
    assert row["template_ref"] == SVR and row["kind"] == "svr"
    assert row["status"] == "planned"


def test_an_answer_is_one_log_row(ws, audit):
    item = _first(ws, audit, answer="conformity")
    before = log_count(ws)
    ws.audits.record_answer(audit, item.id, "nonconformity", "exit blocked")
    assert log_count(ws) == before + 1
    answer = ws.audits.answers(audit)[item.id]
    assert (answer["result"], answer["note"]) == ("nonconformity", "exit blocked")
    entry = ws.db.execute("SELECT changes FROM audit_log ORDER BY seq DESC").fetchone()[0]
    assert json.loads(entry)["result"] == [None, "nonconformity"]


def test_changing_an_answer_logs_old_and_new(ws, audit):
    item = _first(ws, audit, answer="conformity")
    ws.audits.record_answer(audit, item.id, "conforms")
    ws.audits.record_answer(audit, item.id, "observation")
    entry = ws.db.execute("SELECT changes FROM audit_log ORDER BY seq DESC").fetchone()[0]
    assert json.loads(entry)["result"] == ["conforms", "observation"]


def test_note_and_clear(ws, audit):
    item = _first(ws, audit, answer="conformity")
    ws.audits.set_note(audit, item.id, "asked the HR manager")
    assert ws.audits.answers(audit)[item.id]["result"] is None
    ws.audits.record_answer(audit, item.id, "conforms")
    assert ws.audits.answers(audit)[item.id]["note"] == "asked the HR manager"
    ws.audits.clear_answer(audit, item.id)
    assert item.id not in ws.audits.answers(audit)


@pytest.mark.parametrize("answer_type, bad", [
    ("conformity", "maybe"), ("number", "twelve"), ("choice", "not-a-choice")])
def test_a_wrong_answer_is_refused_and_changes_nothing(ws, audit, answer_type, bad):
    item = _first(ws, audit, answer=answer_type)
    before = log_count(ws)
    with pytest.raises(BadInput, match=item.id):
        ws.audits.record_answer(audit, item.id, bad)
    assert log_count(ws) == before
    assert ws.audits.answers(audit) == {}


def test_an_unknown_item_is_refused(ws, audit):
    with pytest.raises(BadInput, match=f"ISEC-ORG-01 is not in checklist {SVR}"):
        ws.audits.record_answer(audit, "ISEC-ORG-01", "conforms")


def test_complete_lists_every_unanswered_required_item(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    hidden = ws.audits.hidden(audit)            # follow-ups whose trigger is unanswered
    assert hidden
    required = [i for i in template.required_ids() if i not in hidden]
    ws.audits.record_answer(audit, required[0], "conforms")
    with pytest.raises(IncompleteAudit) as err:
        ws.audits.complete(audit)
    assert err.value.missing == required[1:]
    for item_id in required[1:]:
        assert item_id in str(err.value)
    assert ws.audits.audit(audit)["status"] == "in_progress"


def test_optional_items_do_not_block_completion(ws, audit):
    template = ws.audits.template_of(ws.audits.audit(audit))
    for item_id in template.required_ids():
        item = template.items[item_id]
        ws.audits.record_answer(audit, item_id, "0" if item.answer == "number" else
                                item.choices[0][0] if item.answer == "choice" else "conforms")
    ws.audits.complete(audit)
    assert ws.audits.audit(audit)["status"] == "completed"


def test_clearing_a_required_answer_reopens_a_completed_audit(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    required = ws.audits.template_of(ws.audits.audit(audit)).required_ids()[0]
    ws.audits.clear_answer(audit, required)
    assert ws.audits.audit(audit)["status"] == "in_progress"


def _signed(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="Haruka Sato", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    return audit


def test_signing_locks_and_records_the_content_hash(ws, audit):
    _signed(ws, audit)
    row = ws.audits.audit(audit)
    assert row["status"] == "signed" and row["signed_at"]
    sigs = ws.audits.signatures(audit)
    assert sigs[0]["content_hash"] == ws.audits.content_hash(audit)
    ws.audits.sign(audit, signer_name="Emi Watanabe", role="Plant manager",
                   organisation="Kanto Parts", image_png=PNG_1x1)
    assert len(ws.audits.signatures(audit)) == 2


def test_signing_before_completion_is_an_illegal_move(ws, planned_audit, audit):
    with pytest.raises(IllegalTransition, match="'in_progress' to 'signed'"):
        ws.audits.sign(audit, signer_name="A", role="B", organisation="C", image_png=PNG_1x1)


@pytest.mark.parametrize("field", ["signer_name", "role", "organisation"])
def test_signature_needs_name_role_and_organisation(ws, audit, field):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    args = {"signer_name": "A", "role": "B", "organisation": "C", "image_png": PNG_1x1,
            field: " "}
    with pytest.raises(BadInput) as err:
        ws.audits.sign(audit, **args)
    assert err.value.field == field
    assert ws.audits.audit(audit)["status"] == "completed"


def test_signature_image_must_be_png(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    with pytest.raises(BadInput, match="PNG"):
        ws.audits.sign(audit, signer_name="A", role="B", organisation="C", image_png=b"GIF89a")


def test_editing_a_signed_audit_without_a_reason_is_refused(ws, audit):
    _signed(ws, audit)
    item = _first(ws, audit, answer="conformity")
    before = log_count(ws)
    with pytest.raises(AuditLocked, match="amendment reason"):
        ws.audits.record_answer(audit, item.id, "nonconformity")
    with pytest.raises(AuditLocked):
        ws.findings.add(audit, item_id=item.id, severity="minor")
    assert ws.audits.answers(audit)[item.id]["result"] == "conforms"
    assert log_count(ws) == before


def test_editing_a_signed_audit_with_a_reason_is_an_amendment(ws, audit):
    _signed(ws, audit)
    item = _first(ws, audit, answer="conformity")
    ws.audits.record_answer(audit, item.id, "nonconformity",
                            reason="Supplier sent the overtime records after the visit")
    assert ws.audits.answers(audit)[item.id]["result"] == "nonconformity"
    last = ws.audits.history(audit)[-1]
    assert last["amendment"] == 1 and last["action"] == "amend:record_answer"
    assert last["reason"] == "Supplier sent the overtime records after the visit"
    assert ws.audits.audit(audit)["status"] == "signed"
    assert ws.audits.signatures(audit)[0]["content_hash"] != ws.audits.content_hash(audit)


@pytest.mark.parametrize("old, new", [
    ("planned", "completed"), ("planned", "signed"), ("in_progress", "signed"),
    ("signed", "in_progress"), ("signed", "completed")])
def test_illegal_audit_moves_name_both_states(ws, planned_audit, old, new):
    audit = planned_audit
    if old != "planned":
        answer_all(ws, audit)
    if old == "signed":
        _signed(ws, audit)
    assert ws.audits.audit(audit)["status"] == old
    with pytest.raises(IllegalTransition) as err:
        with ws.audits.change("x", "audit", audit) as log:
            ws.audits._move(ws.audits.audit(audit), new, log)
    assert f"'{old}'" in str(err.value) and f"'{new}'" in str(err.value)


def test_mark_synced_only_after_signing(ws, audit):
    with pytest.raises(IllegalTransition, match="'in_progress' to 'synced'"):
        ws.audits.mark_synced(audit)
    _signed(ws, audit)
    ws.audits.mark_synced(audit)
    assert ws.audits.audit(audit)["status"] == "synced"


# -- number answers: the item's min / max / decimals ------------------------------------------
def _young_workers(ws, audit):
    """SVR-HR-04, 'how many workers under 18': min 0, max 5000, whole numbers."""
    start(ws, audit)
    return ws.audits.template_of(ws.audits.audit(audit)).items["SVR-HR-04"]


def _last_log(ws):
    return ws.db.execute("SELECT action, changes FROM audit_log ORDER BY seq DESC").fetchone()


@pytest.mark.parametrize("typed, stored", [
    ("0", "0"), (" 12 ", "12"), ("012", "12"), ("3.", "3"), ("１２", "12"), ("5000", "5000")])
def test_a_number_answer_is_stored_in_its_plain_form(ws, audit, typed, stored):
    item = _young_workers(ws, audit)
    ws.audits.record_answer(audit, item.id, typed)
    assert ws.audits.answers(audit)[item.id]["result"] == stored
    assert _last_log(ws)[0] == "record_answer"


@pytest.mark.parametrize("typed, problem", [
    ("-1", "below_min"), ("2.5", "not_whole"), ("1e3", "not_a_number"), ("nan", "not_a_number"),
    ("inf", "not_a_number"), ("12 workers", "not_a_number"), ("", "not_a_number"),
    ("5001", "above_max"), ("111111111", "above_max")])
def test_a_number_outside_the_items_rules_is_refused_and_changes_nothing(ws, audit, typed,
                                                                         problem):
    item = _young_workers(ws, audit)
    before = log_count(ws)
    with pytest.raises(BadNumber, match=item.id) as err:
        ws.audits.record_answer(audit, item.id, typed)
    assert err.value.problem == problem
    assert log_count(ws) == before
    assert item.id not in ws.audits.answers(audit)


def test_a_number_above_the_maximum_is_kept_only_when_confirmed_and_logged_so(ws, audit):
    item = _young_workers(ws, audit)
    with pytest.raises(BadNumber) as err:
        ws.audits.record_answer(audit, item.id, "111111111")
    assert (err.value.problem, err.value.limit) == ("above_max", 5000)
    assert "111111111 is more than the 5,000 this question expects" in str(err.value)
    ws.audits.record_answer(audit, item.id, "111111111", confirmed=True)
    assert ws.audits.answers(audit)[item.id]["result"] == "111111111"
    action, changes = _last_log(ws)
    assert action == "record_answer_above_max"
    assert json.loads(changes)["result"] == [None, "111111111"]


def test_confirmation_does_not_lift_the_minimum_or_the_whole_number_rule(ws, audit):
    item = _young_workers(ws, audit)
    for typed in ("-3", "7.5", "many"):
        with pytest.raises(BadNumber):
            ws.audits.record_answer(audit, item.id, typed, confirmed=True)
    assert item.id not in ws.audits.answers(audit)


def test_undo_can_put_back_a_confirmed_value_above_the_maximum(ws, audit):
    item = _young_workers(ws, audit)
    ws.audits.record_answer(audit, item.id, "6000", confirmed=True)
    ws.perform("Answer", ws.audits.record_answer, audit, item.id, "4")
    ws.undo.undo()
    assert ws.audits.answers(audit)[item.id]["result"] == "6000"
    ws.undo.redo()
    assert ws.audits.answers(audit)[item.id]["result"] == "4"
