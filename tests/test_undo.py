"""Undo in the core (sva.domain.undo): an operation, however many rows it wrote, undoes and
redoes as one step, whichever part of the app made it; nothing changed since is overwritten."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from sva.domain.undo import UndoConflict
from sva.errors import AuditLocked, BadInput
from sva.workspace import Workspace
from tests.conftest import PNG_1x1, answer_all, log_count

SIGNATURES = [{"signer_name": "Haruka Sato", "role": "Lead auditor",
               "organisation": "Buyer Procurement", "image_png": PNG_1x1},
              {"signer_name": "Ken Mori", "role": "Plant manager",
               "organisation": "Kanto Parts", "image_png": PNG_1x1}]


def _items(ws, audit_id):
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    return [i.id for i in template.items.values() if i.answer == "conformity"]


def _png_files(folder, count):
    paths = []
    for n in range(count):
        out = io.BytesIO()
        Image.new("RGB", (80, 60), (40 * n, 90, 200)).save(out, "PNG")
        path = folder / f"photo-{n}.png"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def test_a_multi_photo_import_undoes_and_redoes_as_one_step(ws, audit, tmp_path):
    item = _items(ws, audit)[0]
    with ws.operation("Add 3 photo(s)") as op:
        result = ws.photos.add_files(audit, _png_files(tmp_path, 3), item_id=item)
    assert len(result.new_ids) == 3 and op.changes.photos
    assert set(op.changes.photo_ids) == set(result.new_ids) and op.changes.item_ids == (item,)
    assert (len(ws.undo), ws.undo.undo_text()) == (1, "Add 3 photo(s)")

    changes = ws.undo.undo()
    assert ws.photos.of_audit(audit) == [] and set(changes.photo_ids) == set(result.new_ids)
    assert [r["action"] for r in ws.audits.history(audit)][-3:] == ["undo"] * 3
    ws.undo.redo()
    assert {p["id"] for p in ws.photos.of_audit(audit)} == set(result.new_ids)
    assert all(p["item_id"] == item for p in ws.photos.of_audit(audit))


def test_signing_by_two_people_is_one_operation_and_undoes_as_one(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    done = ws.perform("Sign the audit", ws.audits.sign_all, audit, SIGNATURES)
    assert done.changes.signatures and done.changes.audit and done.changes.audit_ids == (audit,)
    assert ws.audits.audit(audit)["status"] == "signed"
    signed = [s["id"] for s in ws.audits.signatures(audit)]
    assert len(signed) == 2

    ws.undo.undo()
    assert ws.audits.audit(audit)["status"] == "completed"
    assert ws.audits.signatures(audit) == []
    ws.undo.redo()
    assert ws.audits.audit(audit)["status"] == "signed"
    assert [s["id"] for s in ws.audits.signatures(audit)] == signed


def test_signatures_are_stored_together_or_not_at_all(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    before = log_count(ws)
    bad = [SIGNATURES[0], {**SIGNATURES[1], "image_png": b"not a png"}]
    with pytest.raises(BadInput):
        ws.audits.sign_all(audit, bad)
    assert ws.audits.signatures(audit) == [] and log_count(ws) == before
    assert ws.audits.audit(audit)["status"] == "completed"


def test_a_new_operation_clears_redo_and_at_most_200_steps_are_kept(ws, audit):
    first, second = _items(ws, audit)[:2]
    ws.perform("one", ws.audits.record_answer, audit, first, "conforms")
    ws.undo.undo()
    assert ws.undo.can_redo()
    ws.perform("two", ws.audits.record_answer, audit, second, "conforms")
    assert not ws.undo.can_redo() and ws.undo.undo_text() == "two"
    for n in range(205):
        ws.perform(f"note {n}", ws.audits.set_note, audit, first, f"n{n}")
    assert len(ws.undo) == 200 and ws.undo.undo_text() == "note 204"


def test_consecutive_saves_of_one_note_undo_as_one_step(ws, audit):
    item = _items(ws, audit)[0]
    for text in ("F", "Fire", "Fire exit blocked"):
        with ws.operation("Note", merge=("note", audit, item)):
            ws.transaction(ws.audits.set_note, audit, item, text)
    assert len(ws.undo) == 1
    ws.undo.undo()
    assert item not in ws.audits.answers(audit)
    ws.undo.redo()
    assert ws.audits.answers(audit)[item]["note"] == "Fire exit blocked"


def test_plain_service_calls_are_not_undo_steps(ws, audit):
    """The CLI and scripts change the store without an undo history."""
    ws.audits.record_answer(audit, _items(ws, audit)[0], "conforms")
    assert len(ws.undo) == 0 and ws.undo.undo() == ws.undo.redo()


def test_a_row_changed_since_by_another_writer_is_not_overwritten(ws, audit):
    item = _items(ws, audit)[0]
    ws.perform("Answer", ws.audits.record_answer, audit, item, "nonconformity")
    with Workspace(ws.folder) as other:          # e.g. the command line, meanwhile
        other.audits.record_answer(audit, item, "observation", "changed elsewhere")
    before = log_count(ws)
    with pytest.raises(UndoConflict) as err:
        ws.undo.undo()
    assert err.value.code == "undo_conflict"
    row = ws.audits.answers(audit)[item]
    assert (row["result"], row["note"]) == ("observation", "changed elsewhere")
    assert log_count(ws) == before and len(ws.undo) == 0      # the step is dropped


def test_an_edit_made_before_signing_cannot_be_undone_after_it(ws, audit):
    answer_all(ws, audit)
    item = _items(ws, audit)[0]
    ws.perform("Note", ws.audits.set_note, audit, item, "seen at the gate")
    ws.audits.complete(audit)                     # not through the undo history
    ws.audits.sign_all(audit, SIGNATURES)
    with pytest.raises(AuditLocked) as err:
        ws.undo.undo()
    assert err.value.code == "undo_locked"
    assert ws.audits.answers(audit)[item]["note"] == "seen at the gate"


def test_an_amendment_undoes_as_an_amendment_with_its_reason(ws, audit):
    answer_all(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign_all(audit, SIGNATURES)
    item = _items(ws, audit)[0]
    ws.perform("Amend", ws.audits.record_answer, audit, item, "nonconformity",
               reason="Supplier showed the record")
    ws.undo.undo()
    assert ws.audits.answers(audit)[item]["result"] == "conforms"
    last = ws.audits.history(audit)[-1]
    assert (last["action"], last["amendment"], last["reason"]) == (
        "amend:undo", 1, "Supplier showed the record")


# -- the rows a step keeps: as the database has them ----------------------------------------
def _db_row(ws, table, row_id):
    return ws.audits.rows(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])[0]


def test_a_step_keeps_each_row_as_the_database_has_it(ws, audit, tmp_path):
    """The rows after an operation come from the transaction's own record when that is
    exact; each must equal the row read back, column for column (types included)."""
    item = _items(ws, audit)[0]

    def check():
        for rc in ws.undo._done[-1].rows:
            row = _db_row(ws, rc.table, rc.id)
            assert rc.after == row and all(type(rc.after[k]) is type(row[k]) for k in row)
    ws.perform("Answer", ws.audits.record_answer, audit, item, "nonconformity", "n1")
    check()
    ws.perform("Answer again", ws.audits.record_answer, audit, item, "conforms", "n2")
    check()
    with ws.operation("Add a photo"):
        ws.photos.add_files(audit, _png_files(tmp_path, 1), item_id=item)
    check()


def test_a_value_the_column_converts_is_kept_as_read_back(ws, audit):
    """5 written into a TEXT column is '5' in the database: the step keeps '5', so undo
    finds the row unchanged and takes the write back."""
    def write():
        ws.audits.update("audits", audit, ws.audits.stamp({"scope": 5}))
    with ws.operation("Scope"):
        ws.transaction(write)
    after = ws.undo._done[-1].rows[0].after
    assert after["scope"] == "5" == _db_row(ws, "audits", audit)["scope"]
    ws.undo.undo()
    assert _db_row(ws, "audits", audit)["scope"] == ""
