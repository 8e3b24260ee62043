"""Print from the report preview, as the auditor does it on site: Ctrl+P opens Qt's real print
dialog, OK prints every page of the report. The printer here is Qt's PDF printer writing into
tmp_path; the output is read back with pypdf and its pages rendered with pdftoppm and compared
with the report's own pages.

The preview used to call `QPrintDialog.open()` with no arguments: a TypeError inside the slot,
printed to stderr, and nothing on screen.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from sva.reports import write_guidance
from sva.workspace import Workspace
from tests.ui.ui_demo import audit_with
from ui.operations.tasks import Task
from ui.reports import preview as preview_module
from ui.reports.preview import ReportPreview

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def report(demo_folder, tmp_path_factory) -> Path:
    """A real improvement-guidance report of a signed demo audit with photos."""
    ws = Workspace(demo_folder)
    try:
        audit = audit_with(ws, "signed", photos=True)
        path = tmp_path_factory.mktemp("report") / "guidance.pdf"
        write_guidance(ws, audit, path, lang="en")
    finally:
        ws.close()
    assert len(PdfReader(path).pages) >= 3
    return path


@pytest.fixture(params=["qtpdf", "pdftoppm"])
def renderer(request, monkeypatch):
    """QtPdf (PySide6-Addons) and the fallback when it is missing: pdftoppm page images."""
    if request.param == "pdftoppm":
        monkeypatch.setitem(sys.modules, "PySide6.QtPdf", None)   # import fails
        monkeypatch.setattr(preview_module, "QPdfView", None)
        monkeypatch.setattr(preview_module, "QPdfDocument", None)
    return request.param


@pytest.fixture
def preview(qtbot, report, renderer):
    view = ReportPreview(report)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: view.page_count() == len(PdfReader(report).pages), timeout=60000)
    return view


def print_dialog_from_ctrl_p(qtbot, preview) -> QPrintDialog:
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = preview.findChild(QPrintDialog, "printDialog")
    assert dialog is not None, "Print opened no print dialog"
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def pdf_printer(preview, out: Path) -> QPrinter:
    printer = preview.current_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def page_prints(pdf: Path, folder: Path) -> list[Image.Image]:
    """Each page at 30 dpi in grey, cut to its ink and brought to one size: a fingerprint
    that survives the scaling onto another paper size."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(folder / "p")],
                   check=True, capture_output=True)
    prints = []
    for png in sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
        page = Image.open(png).convert("L")
        ink = page.point(lambda v: 255 if v < 200 else 0)
        box = ink.getbbox()
        assert box is not None, f"{png.name} of {pdf.name} is blank"
        dark = sum(ink.histogram()[255:]) / (page.width * page.height)
        assert dark > 0.005, f"{png.name} of {pdf.name} has almost no ink ({dark:.2%})"
        prints.append(page.crop(box).resize((40, 56)))
    return prints


def difference(a: Image.Image, b: Image.Image) -> float:
    return sum(abs(x - y) for x, y in zip(a.tobytes(), b.tobytes())) / (40 * 56)


def assert_same_pages(printed: list[Image.Image], source: list[Image.Image],
                      first: int = 1) -> None:
    """Printed page n is source page first + n - 1: it looks more like that one than like
    any other page of the report."""
    for n, page in enumerate(printed):
        distances = [round(difference(page, other), 1) for other in source]
        assert distances.index(min(distances)) == first - 1 + n, (n, distances)
        assert min(distances) < 8, (n, distances)        # 0-255 grey; other pages are ~20+


def test_ctrl_p_opens_the_print_dialog_and_ok_prints_every_page(qtbot, preview, report,
                                                                 tmp_path):
    out = tmp_path / "printed.pdf"
    pdf_printer(preview, out)
    dialog = print_dialog_from_ctrl_p(qtbot, preview)
    with qtbot.waitSignal(preview.printed, timeout=180000) as sent:
        dialog.accept()
    pages = len(PdfReader(report).pages)
    assert sent.args == [pages]
    assert len(PdfReader(out).pages) == pages
    assert_same_pages(page_prints(out, tmp_path / "printed"),
                      page_prints(report, tmp_path / "report"))
    assert preview.message is None


@pytest.mark.parametrize("renderer", ["qtpdf"], indirect=True)
def test_the_pages_chosen_in_the_print_dialog_are_the_ones_printed(qtbot, preview, report,
                                                                  tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(preview, out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    dialog = print_dialog_from_ctrl_p(qtbot, preview)
    assert (dialog.minPage(), dialog.maxPage()) == (1, len(PdfReader(report).pages))
    with qtbot.waitSignal(preview.printed, timeout=180000):
        dialog.accept()
    assert len(PdfReader(out).pages) == 2
    assert_same_pages(page_prints(out, tmp_path / "printed"),
                      page_prints(report, tmp_path / "report"), first=2)


@pytest.mark.parametrize("renderer", ["qtpdf"], indirect=True)
def test_a_printer_that_cannot_be_opened_is_reported_to_the_user(qtbot, preview, tmp_path):
    out = tmp_path / "no such folder" / "printed.pdf"
    pdf_printer(preview, out)
    dialog = print_dialog_from_ctrl_p(qtbot, preview)
    dialog.accept()
    qtbot.waitUntil(lambda: preview.message is not None and preview.message.isVisible(),
                    timeout=180000)
    assert preview.message.objectName() == "printFailed"
    assert str(out) in preview.message.text()
    assert not out.exists()


def failing_render(pdf, dpi):
    def work(progress):
        raise OSError("no PDF renderer: install PySide6-Addons (QtPdf) or poppler-utils")
    return Task(work)


class BrokenPrintDialog:
    def __init__(self, *args):
        raise RuntimeError("the print system is not available")


@pytest.mark.parametrize("renderer", ["qtpdf"], indirect=True)
@pytest.mark.parametrize("breakage, shown", [
    (("page_images_task", failing_render), "no PDF renderer"),
    (("QPrintDialog", BrokenPrintDialog), "the print system is not available"),
])
def test_a_failure_while_printing_is_shown_not_swallowed(qtbot, preview, tmp_path,
                                                        monkeypatch, breakage, shown):
    monkeypatch.setattr(preview_module, *breakage)
    pdf_printer(preview, tmp_path / "printed.pdf")
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = preview.findChild(QPrintDialog, "printDialog")
    if dialog is not None:
        dialog.accept()
    qtbot.waitUntil(lambda: preview.message is not None and preview.message.isVisible(),
                    timeout=60000)
    assert shown in preview.message.text()
    assert shown in preview.info.text()
