"""Reports from the app: built in a worker, previewed, printed, saved; CAP workbooks out and
back in, with every problem of a refused workbook shown."""
from __future__ import annotations

import time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from sva.reports import export_cap
from sva.reports.cap_workbook import COLUMN_OF, FIRST_ROW, MAIN_SHEET
from tests.ui.ui_demo import audit_with, demo, demo_master, editor_on  # noqa: F401

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def signed_editor(editor_on, demo):
    return editor_on(audit_with(demo, "signed", photos=True))


def wait_preview(qtbot, reports):
    qtbot.waitUntil(lambda: reports.preview is not None, timeout=90000)
    return reports.preview


def test_the_guidance_action_builds_the_pdf_in_a_worker_and_previews_it(qtbot, signed_editor,
                                                                        demo):
    reports = signed_editor.reports
    started = time.perf_counter()
    reports.guidance_actions["en+ja"].trigger()
    assert time.perf_counter() - started < 0.5                   # the UI did not wait
    assert reports.busy and not reports.task.finished.is_set()
    preview = wait_preview(qtbot, reports)
    assert preview.path.parent == demo.folder / "exports"
    assert preview.path.name.endswith("-guidance-en-ja.pdf")
    pdf = PdfReader(preview.path)
    assert len(pdf.pages) >= 3
    qtbot.waitUntil(lambda: preview.page_count() == len(pdf.pages), timeout=30000)
    supplier = demo.queries.audit(signed_editor.audit_id)["supplier_name_en"]
    assert supplier in "".join(page.extract_text() for page in pdf.pages[:2])
    assert not reports.busy


def test_the_record_action_builds_the_full_record(qtbot, signed_editor):
    signed_editor.reports.record_action.trigger()
    preview = wait_preview(qtbot, signed_editor.reports)
    assert preview.path.name.endswith("-record.pdf")
    assert len(PdfReader(preview.path).pages) >= 3


def test_the_preview_prints_every_page_and_saves_a_copy(qtbot, signed_editor, tmp_path):
    reports = signed_editor.reports
    reports.build("guidance", "ja")
    preview = wait_preview(qtbot, reports)
    pages = len(PdfReader(preview.path).pages)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    task = preview.print_to(printer)
    qtbot.waitUntil(lambda: task.finished.is_set() and "Sent" in preview.info.text(),
                    timeout=60000)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    copy = preview.save_to(tmp_path / "for-supplier")
    assert copy.name == "for-supplier.pdf" and copy.read_bytes() == preview.path.read_bytes()


def test_cap_export_from_the_app_writes_the_workbook(qtbot, signed_editor, tmp_path):
    reports = signed_editor.reports
    reports.build("cap", "en", tmp_path / "cap.xlsx")
    qtbot.waitUntil(lambda: reports.message is not None and reports.message.isVisible(),
                    timeout=60000)
    assert (tmp_path / "cap.xlsx").exists()
    assert load_workbook(tmp_path / "cap.xlsx")[MAIN_SHEET].cell(FIRST_ROW, 1).value


def test_cap_import_of_a_broken_workbook_shows_every_problem_and_changes_nothing(
        qtbot, signed_editor, demo, tmp_path):
    audit_id = signed_editor.audit_id
    path = export_cap(demo, audit_id, tmp_path / "cap.xlsx")
    book = load_workbook(path)
    sheet = book[MAIN_SHEET]
    sheet.cell(FIRST_ROW, COLUMN_OF["requirement"], "Nothing to see")          # locked cell
    sheet.cell(FIRST_ROW, COLUMN_OF["planned_date"], "next month")             # bad date
    book.save(path)
    before = demo.findings.of_audit(audit_id)
    signed_editor.reports.import_cap(str(path))
    qtbot.waitUntil(lambda: signed_editor.reports.problems is not None, timeout=60000)
    dialog = signed_editor.reports.problems
    assert dialog.isVisible()
    texts = dialog.texts()
    assert any(f"| {FIRST_ROW} |" in t and "locked" in t for t in texts)
    assert any("date" in t for t in texts)
    assert "nothing in the audit was changed" in dialog.summary.text().lower()
    assert not dialog.stale.isVisibleTo(dialog)
    assert demo.findings.of_audit(audit_id) == before


def test_an_older_cap_workbook_is_refused_in_the_problems_dialog(qtbot, signed_editor, demo,
                                                                 tmp_path):
    """The user's seam through the app: a workbook exported before a newer one was imported
    would undo the newer answer; the import action shows why it is refused, nothing changes."""
    from sva.reports import import_cap
    audit_id = signed_editor.audit_id
    older = export_cap(demo, audit_id, tmp_path / "older.xlsx")
    newer = export_cap(demo, audit_id, tmp_path / "newer.xlsx")
    sheet = load_workbook(newer)[MAIN_SHEET]
    comment = COLUMN_OF["supplier_comment"]
    row = next(r for r in range(FIRST_ROW, sheet.max_row + 1)
               if not sheet.cell(r, comment).protection.locked)
    number = sheet.cell(row, COLUMN_OF["no"]).value
    for path, text in ((newer, "Newer answer"), (older, "Older answer")):
        book = load_workbook(path)
        book[MAIN_SHEET].cell(row, comment, text)
        book.save(path)
    assert import_cap(demo, newer).updated == [number]
    before = (demo.findings.of_audit(audit_id), demo.audits.history(audit_id))
    signed_editor.reports.import_cap(str(older))
    qtbot.waitUntil(lambda: signed_editor.reports.problems is not None, timeout=60000)
    dialog = signed_editor.reports.problems
    assert dialog.isVisible()
    [text] = dialog.texts()
    assert f"| {row} |" in text and f"finding {number}" in text
    assert "after this workbook was exported" in text
    assert dialog.stale.isVisibleTo(dialog) and "newer workbook" in dialog.stale.text()
    assert (demo.findings.of_audit(audit_id), demo.audits.history(audit_id)) == before


def test_importing_an_unchanged_cap_workbook_changes_nothing(qtbot, signed_editor, demo,
                                                             tmp_path):
    path = export_cap(demo, signed_editor.audit_id, tmp_path / "cap.xlsx")
    reports = signed_editor.reports
    with qtbot.waitSignal(reports.imported, timeout=60000) as done:
        reports.import_cap(str(path))
    outcome = done.args[0]
    assert outcome.problems == [] and outcome.result.updated == []
    assert reports.message.objectName() == "capImported"


def test_the_guidance_report_prints_the_auditors_contact_from_the_settings(qtbot, signed_editor):
    from ui.settings import AUDITOR_EMAIL, AUDITOR_NAME, AUDITOR_PHONE
    settings = signed_editor.settings
    AUDITOR_NAME.set(settings, "Haruka Sato")
    AUDITOR_EMAIL.set(settings, "haruka.sato@example.com")
    AUDITOR_PHONE.set(settings, "+81 3 0000 1111")
    signed_editor.reports.build("guidance", "en")
    preview = wait_preview(qtbot, signed_editor.reports)
    text = "".join("".join(page.extract_text().split())
                   for page in PdfReader(preview.path).pages)
    assert "haruka.sato@example.com" in text and "+81300001111" in text
