"""CAP workbook round trip: export, fill the open cells, import; refusals change nothing."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from cap_sheets import PLANNED, fill as _fill, rows as _rows
from report_checks import findings_digest, log_count
from sva.errors import BadInput
from sva.reports import export_cap, import_cap
from sva.reports.cap_import import CapWorkbookInvalid
from sva.reports.cap_workbook import COLUMN_OF, CONTROL_SHEET, FIRST_ROW, MAIN_SHEET
from sva.reports.report_data import load_report_data


def _export(ws, audit_id, tmp_path, lang="en"):
    path = tmp_path / "cap.xlsx"
    export_cap(ws, audit_id, path, lang=lang)
    return path


def test_export_locks_auditor_columns_and_opens_supplier_columns(ws, capped, tmp_path):
    book = load_workbook(_export(ws, capped, tmp_path))
    sheet = book[MAIN_SHEET]
    assert sheet.protection.sheet
    row = FIRST_ROW
    for key in ("id", "requirement", "observed", "due_date"):
        assert sheet.cell(row, COLUMN_OF[key]).protection.locked, key
    for key in ("status", "root_cause", "corrective_action", "responsible", "planned_date"):
        assert not sheet.cell(row, COLUMN_OF[key]).protection.locked, key
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert {"list", "date"} <= kinds
    status_lists = [dv.formula1 for dv in sheet.data_validations.dataValidation
                    if dv.type == "list"]
    assert any("CAP submitted" in f for f in status_lists)
    assert not any("CAP accepted" in f for f in status_lists)
    assert book[CONTROL_SHEET].sheet_state == "veryHidden"
    assert book[CONTROL_SHEET]["B2"].value == capped


@pytest.mark.parametrize("lang, header", [("en", "Root cause"), ("ja", "原因"),
                                          ("en+ja", "Root cause\n原因")])
def test_headers_in_the_chosen_language(ws, capped, tmp_path, lang, header):
    sheet = load_workbook(_export(ws, capped, tmp_path, lang))[MAIN_SHEET]
    assert sheet.cell(FIRST_ROW - 1, COLUMN_OF["root_cause"]).value == header


@pytest.mark.parametrize("lang, label", [("en", "CAP submitted"), ("ja", "是正計画提出済み")])
def test_round_trip_updates_the_database(ws, capped, tmp_path, lang, label):
    path = _export(ws, capped, tmp_path, lang)
    book = load_workbook(path)
    rows = _rows(ws, capped)
    _fill(book[MAIN_SHEET], rows["F-01"], status=label)
    book[MAIN_SHEET].cell(rows["F-02"], COLUMN_OF["supplier_comment"], "Will answer next week")
    book.save(path)
    result = import_cap(ws, path)
    assert result.submitted == ["F-01"] and set(result.updated) == {"F-01", "F-02"}
    findings = {f["no"]: f for f in load_report_data(ws, capped).findings}
    first = findings["F-01"]
    assert first["status"] == "cap_submitted"
    assert (first["root_cause"], first["responsible"], first["planned_date"]) == \
        ("No labelling rule", "山田 太郎", PLANNED.isoformat())
    assert findings["F-02"]["supplier_comment"] == "Will answer next week"
    assert findings["F-02"]["status"] == "open"


def test_importing_twice_changes_nothing_the_second_time(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    _fill(book[MAIN_SHEET], _rows(ws, capped)["F-01"])
    book.save(path)
    import_cap(ws, path)
    before, logged = findings_digest(ws, capped), log_count(ws)
    again = import_cap(ws, path)
    assert (again.updated, again.submitted) == ([], [])
    assert findings_digest(ws, capped) == before and log_count(ws) == logged


def test_dates_typed_as_text_are_accepted(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    _fill(book[MAIN_SHEET], _rows(ws, capped)["F-01"], planned=f"{PLANNED:%Y/%m/%d}")
    book.save(path)
    import_cap(ws, path)
    assert load_report_data(ws, capped).findings[0]["planned_date"] == PLANNED.isoformat()


def test_bad_workbook_is_refused_with_every_problem_and_changes_nothing(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    rows = _rows(ws, capped)
    _fill(sheet, rows["F-01"])                                              # fine on its own
    sheet.cell(rows["F-01"], COLUMN_OF["requirement"], "Nothing to see")    # locked cell
    _fill(sheet, rows["F-02"], planned="next month")                        # bad date
    sheet.cell(rows["F-03"], COLUMN_OF["root_cause"], "not open here")     # locked for obs.
    sheet.cell(FIRST_ROW + 5, COLUMN_OF["id"], "made-up")                   # added row
    book.save(path)
    before, logged = findings_digest(ws, capped), log_count(ws)
    with pytest.raises(CapWorkbookInvalid) as refused:
        import_cap(ws, path)
    messages = [str(p) for p in refused.value.problems]
    assert len(messages) == 4, messages
    assert any(f"row {rows['F-01']}, column E" in m and "locked" in m for m in messages)
    assert any(f"row {rows['F-02']}, column N" in m and "not a date" in m for m in messages)
    assert any(f"row {rows['F-03']}, column J" in m for m in messages)
    assert any(f"row {FIRST_ROW + 5}" in m and "rows cannot be added" in m for m in messages)
    assert all(m.startswith(MAIN_SHEET) for m in messages)
    assert findings_digest(ws, capped) == before and log_count(ws) == logged


def test_workbook_of_an_unknown_audit_is_refused(ws, capped, tmp_path, audit):
    from sva.workspace import Workspace
    path = _export(ws, capped, tmp_path)
    other = Workspace(tmp_path / "other")
    try:
        with pytest.raises(CapWorkbookInvalid, match="not in this database"):
            import_cap(other, path)
    finally:
        other.close()


def test_wrong_audit_and_edited_control_sheet_are_refused(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    with pytest.raises(CapWorkbookInvalid, match="is for audit"):
        import_cap(ws, path, audit_id="some-other-audit")
    book = load_workbook(path)
    book[CONTROL_SHEET]["B2"] = "another-audit-id"
    book.save(path)
    before = findings_digest(ws, capped)
    with pytest.raises(CapWorkbookInvalid, match="control sheet was changed"):
        import_cap(ws, path)
    assert findings_digest(ws, capped) == before


def test_submitting_without_the_plan_names_the_missing_columns(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    row = _rows(ws, capped)["F-01"]
    book[MAIN_SHEET].cell(row, COLUMN_OF["status"], "CAP submitted")
    book.save(path)
    with pytest.raises(CapWorkbookInvalid) as refused:
        import_cap(ws, path)
    columns = sorted(p.column[0] for p in refused.value.problems)
    assert columns == ["J", "K", "M", "N"]


def test_status_beyond_the_suppliers_reach_is_refused(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    _fill(book[MAIN_SHEET], _rows(ws, capped)["F-01"], status="Verified closed")
    book.save(path)
    with pytest.raises(CapWorkbookInvalid, match="not a status you can choose"):
        import_cap(ws, path)


def test_not_a_workbook_is_bad_input(ws, tmp_path):
    junk = tmp_path / "cap.xlsx"
    junk.write_text("hello")
    with pytest.raises(BadInput, match="not a readable"):
        import_cap(ws, junk)
