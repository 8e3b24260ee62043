"""The CAP workbook as a supplier's answer: containment, evidence of completion, agree or
dispute with a comment, how we verify; an instructions sheet in English and Japanese with
the return address; a print setup that prints readable; a DRAFT mark on unsigned audits."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from cap_sheets import fill, rows
from report_checks import findings_digest
from sva.errors import BadInput
from sva.reports import export_cap, import_cap
from sva.reports.cap_import import CapWorkbookInvalid
from sva.reports.cap_instructions import INSTRUCTIONS_SHEET
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, HEADER_ROW, MAIN_SHEET
from sva.reports.report_data import load_contact
from tests.conftest import start

NEW = ("containment", "completion_evidence", "position", "position_comment")


def _export(ws, audit_id, tmp_path, lang="en"):
    path = tmp_path / "cap.xlsx"
    export_cap(ws, audit_id, path, lang=lang)
    return path


def test_response_columns_are_open_and_verification_is_shown(ws, capped, tmp_path):
    sheet = load_workbook(_export(ws, capped, tmp_path))[MAIN_SHEET]
    headers = [sheet.cell(HEADER_ROW, COLUMN_OF[k]).value for k in (*NEW, "verification")]
    assert headers == ["Containment (immediate action)", "Evidence of completion",
                       "Agree / dispute", "Comment on agree / dispute", "How we verify"]
    for key in NEW:
        assert not sheet.cell(FIRST_ROW, COLUMN_OF[key]).protection.locked, key
    verification = sheet.cell(FIRST_ROW, COLUMN_OF["verification"])
    assert verification.protection.locked and verification.value == "Document review"
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert any("Agree" in f and "Dispute" in f for f in lists)


def test_a_dispute_needs_a_comment_and_the_answers_are_stored(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path)
    book = load_workbook(path)
    sheet, row = book[MAIN_SHEET], rows(ws, capped)["F-01"]
    fill(sheet, row)
    sheet.cell(row, COLUMN_OF["position"], "Dispute")
    sheet.cell(row, COLUMN_OF["containment"], "Labelled all drawings in the cabinet")
    book.save(path)
    before = findings_digest(ws, capped)
    with pytest.raises(CapWorkbookInvalid) as err:
        import_cap(ws, path)
    assert f"{MAIN_SHEET}!" in str(err.value) or f"row {row}" in str(err.value).lower()
    assert "dispute" in str(err.value) and findings_digest(ws, capped) == before
    sheet.cell(row, COLUMN_OF["position_comment"], "The drawings were public catalogue pages")
    sheet.cell(row, COLUMN_OF["completion_evidence"], "Photo of the labelled cabinet")
    book.save(path)
    import_cap(ws, path)
    [finding] = [f for f in ws.findings.of_audit(capped)
                 if f["containment"] == "Labelled all drawings in the cabinet"]
    assert (finding["position"], finding["position_comment"], finding["completion_evidence"]) \
        == ("dispute", "The drawings were public catalogue pages",
            "Photo of the labelled cabinet")


def test_the_japanese_workbook_takes_japanese_choices(ws, capped, tmp_path):
    path = _export(ws, capped, tmp_path, "ja")
    book = load_workbook(path)
    sheet, row = book[MAIN_SHEET], rows(ws, capped)["F-02"]
    sheet.cell(row, COLUMN_OF["position"], "同意")
    book.save(path)
    import_cap(ws, path)
    assert "agree" in {f["position"] for f in ws.findings.of_audit(capped)}


def test_instructions_in_english_and_japanese_with_the_return_address(ws, capped, tmp_path):
    book = load_workbook(_export(ws, capped, tmp_path, "ja"))
    assert book.sheetnames[0] == INSTRUCTIONS_SHEET and book.active.title == INSTRUCTIONS_SHEET
    text = "\n".join(str(c.value) for r in book[INSTRUCTIONS_SHEET].iter_rows() for c in r
                     if c.value is not None)
    assert "How to fill in this workbook" in text and "このワークブックの記入方法" in text
    contact = load_contact()
    assert contact["cap_return_email"] in text
    assert contact["cap_return_address"]["en"] in text
    assert contact["cap_return_address"]["ja"] in text


def test_print_setup_prints_readable(ws, capped, tmp_path):
    book = load_workbook(_export(ws, capped, tmp_path))
    for sheet in (book[MAIN_SHEET], book[INSTRUCTIONS_SHEET]):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        sizes = [c.font.sz or 11 for r in sheet.iter_rows() for c in r  # None: the default
                 if c.value is not None]
        assert sizes and min(sizes) >= 8, sheet.title
    assert book[MAIN_SHEET].print_title_rows


def test_an_unsigned_audit_exports_only_with_a_draft_mark(ws, supplier, capped, tmp_path):
    signed = load_workbook(_export(ws, capped, tmp_path))
    assert "DRAFT" not in signed[MAIN_SHEET]["A1"].value
    assert not signed[MAIN_SHEET].oddHeader.center.text
    audit = start(ws, ws.audits.create(supplier_id=supplier["id"], site_id=supplier["site"],
                                       template_ref=ws.templates.latest("svr"),
                                       planned_date="2026-06-01"))
    ws.findings.add(audit, area="OHS", severity="minor", requirement="Exits",
                    observed="Exit blocked")
    draft = load_workbook(_export(ws, audit, tmp_path))
    assert draft[MAIN_SHEET]["A1"].value.startswith("DRAFT")
    assert "DRAFT" in draft[MAIN_SHEET].oddHeader.center.text
    assert draft.properties.keywords == "draft"
    instructions = [c.value for r in draft[INSTRUCTIONS_SHEET].iter_rows() for c in r]
    assert any(v and str(v).startswith("DRAFT") for v in instructions)


def test_the_response_travels_to_hq(ws, capped):
    from sva.hq.api.models import CapUpdate, Finding
    from sva.sync.document import audit_document
    finding = ws.findings.of_audit(capped)[0]
    ws.findings.edit(finding["id"], containment="Cabinet locked", position="dispute",
                     position_comment="Public pages")
    [sent] = [f for f in audit_document(ws, capped)["findings"] if f["id"] == finding["id"]]
    assert Finding.model_validate(sent).position == "dispute"
    assert CapUpdate.model_validate({"containment": "x", "position": "agree"}).position == "agree"
    with pytest.raises(BadInput, match="position"):
        ws.findings.edit(finding["id"], position="maybe")
