"""An older CAP workbook never undoes a newer CAP: export → the supplier fills it → import →
export again → change → import the newer → import the older one: refused, nothing changed,
unless forced with a reason that the audit log keeps."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from cap_sheets import fill, rows
from sva.reports import export_cap, import_cap
from sva.reports.cap_import import CapWorkbookInvalid, two_times, last_cap_change
from sva.reports.cap_workbook import (COLUMN_OF, CONTROL_SHEET, COPY_ROW, MAIN_SHEET, OLD_FORMAT,
                                      checksum)
from sva.reports.report_data import load_report_data


def snapshot(ws, audit_id):
    """Every field of every finding of the audit, and the whole audit log."""
    return (ws.db.execute("SELECT * FROM findings WHERE audit_id = ? ORDER BY id",
                          [audit_id]).fetchall(),
            ws.db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall())


def finding(ws, audit_id, number):
    return next(f for f in load_report_data(ws, audit_id).findings if f["no"] == number)


def exported_at(path):
    control = load_workbook(path)[CONTROL_SHEET]
    return next(control.cell(n, 2).value for n in range(1, 8)
                if control.cell(n, 1).value == "exported_at")


def moment(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def older_and_newer(ws, capped, tmp_path):
    """The user's seam up to the last step: returns (older workbook, newer workbook)."""
    older = export_cap(ws, capped, tmp_path / "older.xlsx")
    book = load_workbook(older)
    fill(book[MAIN_SHEET], rows(ws, capped)["F-01"])                # the supplier's answer
    book.save(older)
    assert import_cap(ws, older).submitted == ["F-01"]
    newer = export_cap(ws, capped, tmp_path / "newer.xlsx")
    book = load_workbook(newer)
    sheet = book[MAIN_SHEET]
    sheet.cell(rows(ws, capped)["F-01"], COLUMN_OF["root_cause"], "Drawings had no owner")
    sheet.cell(rows(ws, capped)["F-01"], COLUMN_OF["responsible"], "佐藤 花子")
    book.save(newer)
    assert import_cap(ws, newer).updated == ["F-01"]
    return older, newer


def test_the_older_workbook_after_a_newer_import_is_refused_and_changes_nothing(
        ws, capped, older_and_newer):
    older, _ = older_and_newer
    before = snapshot(ws, capped)
    f01 = finding(ws, capped, "F-01")
    with pytest.raises(CapWorkbookInvalid) as refused:
        import_cap(ws, older)
    [problem] = refused.value.problems
    assert problem.sheet == MAIN_SHEET and problem.row == rows(ws, capped)["F-01"]
    assert "F-01" in problem.message
    changed, exported = two_times(last_cap_change(ws, f01["id"]), moment(exported_at(older)))
    assert changed != exported                                           # both times
    assert f"last changed at {changed}" in problem.message
    assert f"exported ({exported})" in problem.message
    assert snapshot(ws, capped) == before
    assert (f01["root_cause"], f01["responsible"], f01["status"]) == \
        ("Drawings had no owner", "佐藤 花子", "cap_submitted")


def test_the_same_workbook_imported_again_is_still_a_no_op(ws, capped, older_and_newer):
    _, newer = older_and_newer
    before = snapshot(ws, capped)
    result = import_cap(ws, newer)
    assert (result.updated, result.submitted, result.forced) == ([], [], [])
    assert snapshot(ws, capped) == before


def _cli(ws, *args):
    return subprocess.run([sys.executable, "-m", "sva.cli.main", "cap", "import", *map(str, args),
                           "--data-dir", str(ws.folder)], capture_output=True, text=True)


def test_the_cli_refuses_the_older_workbook_with_exit_2_and_forces_it_only_with_a_reason(
        ws, capped, older_and_newer):
    older, _ = older_and_newer
    before = snapshot(ws, capped)
    f01 = finding(ws, capped, "F-01")
    refused = _cli(ws, older)
    assert refused.returncode == 2, refused.stderr
    assert "F-01" in refused.stderr and "Traceback" not in refused.stderr
    changed, exported = two_times(last_cap_change(ws, f01["id"]), moment(exported_at(older)))
    assert changed in refused.stderr and exported in refused.stderr
    no_reason = _cli(ws, older, "--force")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    assert snapshot(ws, capped) == before
    forced = _cli(ws, older, "--force", "--reason", "the supplier withdrew the second answer")
    assert forced.returncode == 0, forced.stderr
    assert "F-01" in forced.stdout
    f01 = finding(ws, capped, "F-01")
    assert (f01["root_cause"], f01["responsible"]) == ("No labelling rule", "山田 太郎")
    [entry] = ws.db.execute("SELECT action, reason, changes FROM audit_log "
                            "WHERE action = 'force_import'").fetchall()
    assert entry[1] == "the supplier withdrew the second answer"
    assert exported_at(older) == json.loads(entry[2])["exported_at"]


def _as_old_format(path, exported):
    """What SVA wrote before the export time was under the checksum (format sva-cap/1)."""
    book = load_workbook(path)
    control = book[CONTROL_SHEET]
    at = {control.cell(n, 1).value: n for n in range(1, 8)}
    value = {key: control.cell(n, 2).value for key, n in at.items()}
    copies = [json.loads(control.cell(COPY_ROW + n, 1).value) for n in range(value["rows"])]
    control.cell(at["format"], 2, OLD_FORMAT)
    control.cell(at["exported_at"], 2).value = exported    # cell(…, None) would keep it
    control.cell(at["checksum"], 2, checksum(value["audit_id"], value["lang"], copies,
                                             fmt=OLD_FORMAT))
    book.save(path)


@pytest.mark.parametrize("exported, refused", [
    (None, True),                          # no export time: older than every CAP change
    ("2000-01-01T00:00:00+00:00", True),   # the time it carries is before the change
    ("2999-01-01T00:00:00+00:00", False),  # … or after it
])
def test_a_workbook_of_the_old_format_is_judged_by_the_time_beside_its_checksum(
        ws, capped, tmp_path, exported, refused):
    f01 = finding(ws, capped, "F-01")
    ws.findings.edit(f01["id"], supplier_comment="Answered by phone")   # a CAP change
    path = export_cap(ws, capped, tmp_path / "old.xlsx")
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    sheet.cell(rows(ws, capped)["F-02"], COLUMN_OF["supplier_comment"], "Next week")
    book.save(path)
    _as_old_format(path, exported)
    assert import_cap(ws, path).updated == ["F-02"]       # F-02's CAP never changed: fine
    book = load_workbook(path)
    book[MAIN_SHEET].cell(rows(ws, capped)["F-01"], COLUMN_OF["supplier_comment"], "Old text")
    book.save(path)
    before = snapshot(ws, capped)
    if refused:
        with pytest.raises(CapWorkbookInvalid, match="F-01"):
            import_cap(ws, path)
        assert snapshot(ws, capped) == before
    else:
        assert import_cap(ws, path).updated == ["F-01"]
