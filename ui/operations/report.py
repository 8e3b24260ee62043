"""Report work off the UI thread: build a PDF or the CAP workbook, import a CAP workbook,
render PDF pages to images (for printing, and the preview when QtPdf is missing).

Like the photo tasks, the PDF and workbook work happens in the pool thread and every store
access goes through the workspace's store worker; a CAP import is one operation (one undo
step) whose Changes are on the task when it ends.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QImage

from sva.reports import export_cap, import_cap, write_guidance, write_record
from sva.reports.cap_import import CapWorkbookInvalid, ImportResult, Problem
from sva.workspace import Workspace
from ui.operations.tasks import Task, operation_task

KINDS = ("guidance", "record", "cap")


def default_name(ws: Workspace, audit_id: str, kind: str, lang: str) -> str:
    """e.g. 'S0012-2025-06-03-guidance-en-ja.pdf' — the supplier and visit a reader looks for."""
    info = ws.queries.audit(audit_id)
    suffix = ".xlsx" if kind == "cap" else ".pdf"
    lang_part = "" if kind == "record" else "-" + lang.replace("+", "-")
    return f"{info['supplier_code']}-{info['planned_date']}-{kind}{lang_part}{suffix}"


def exports_folder(ws: Workspace) -> Path:
    folder = ws.folder / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def build_task(ws: Workspace, audit_id: str, kind: str, lang: str, path: Path, *,
               size: str = "a4", auditor_contact: dict | None = None) -> Task:
    """Write one report (guidance PDF, record PDF or CAP workbook) to `path` atomically.
    `auditor_contact`: name, e-mail, telephone from the settings (the guidance report)."""
    if kind not in KINDS:
        raise ValueError(kind)

    def work(progress) -> Path:
        progress(0, 2)
        if kind == "guidance":
            out = write_guidance(ws, audit_id, path, lang=lang, size=size,
                                 auditor_contact=auditor_contact)
        elif kind == "record":
            out = write_record(ws, audit_id, path, lang=lang, size=size)
        else:
            out = export_cap(ws, audit_id, path, lang=lang)
        progress(2, 2)
        return Path(out or path)
    return Task(work)


@dataclass
class CapImportOutcome:
    file: str
    result: ImportResult | None = None
    problems: list[Problem] = field(default_factory=list)
    message: str = ""


def cap_import_task(ws: Workspace, path: str, *, audit_id: str | None = None,
                    label: str | None = None) -> Task:
    """Validate and apply a filled-in CAP workbook as one operation (`label`: its undo
    text); a refused workbook comes back with all its problems (and nothing written), not
    as a failure."""
    def work(progress) -> CapImportOutcome:
        progress(0, 1)
        try:
            result = import_cap(ws, path, audit_id=audit_id)
        except CapWorkbookInvalid as exc:
            return CapImportOutcome(path, problems=list(exc.problems), message=str(exc))
        progress(1, 1)
        return CapImportOutcome(path, result=result)
    return operation_task(ws, label, work)


_PRERENDERS: set[Task] = set()      # running ones, kept alive until they report


def prerender_prints_later(ws: Workspace, photo_id: str) -> Task:
    """After annotations change: make the photo's print renderings in a worker, so the report
    at the end of the visit embeds them ready (sva.reports.blocks.prerender_prints). Nothing
    waits for it; if it has not run, the report draws them itself."""
    def work(progress) -> int:
        from sva.reports.blocks import prerender_prints
        photo = ws.photos.photo(photo_id, include_deleted=True)
        return 0 if not photo["annotations"] else prerender_prints(ws, photo)

    task = Task(work)
    _PRERENDERS.add(task)
    for signal in (task.signals.succeeded, task.signals.failed, task.signals.cancelled):
        signal.connect(lambda *_: _PRERENDERS.discard(task))
    task.start()
    return task


def page_images_task(pdf: Path, dpi: int) -> Task:
    """Every page of a PDF as a QImage at `dpi`."""
    def work(progress) -> list[QImage]:
        return page_images(pdf, dpi, progress)
    return Task(work)


def page_images(pdf: Path, dpi: int, progress) -> list[QImage]:
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return _pdftoppm_pages(pdf, dpi, progress)
    doc = QPdfDocument()
    doc.load(str(pdf))
    total = doc.pageCount()
    if total <= 0:
        raise OSError(f"{pdf} cannot be read as a PDF")
    images = []
    progress(0, total)
    for n in range(total):
        points = doc.pagePointSize(n)
        size = _scaled(points.width(), points.height(), dpi)
        images.append(doc.render(n, size))
        progress(n + 1, total)
    doc.close()
    return images


def _scaled(width_pt: float, height_pt: float, dpi: int):
    from PySide6.QtCore import QSize
    return QSize(round(width_pt * dpi / 72), round(height_pt * dpi / 72))


def _pdftoppm_pages(pdf: Path, dpi: int, progress) -> list[QImage]:
    if shutil.which("pdftoppm") is None:
        raise OSError("no PDF renderer: install PySide6-Addons (QtPdf) or poppler-utils (pdftoppm)")
    with tempfile.TemporaryDirectory() as tmp:
        progress(0, 1)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{tmp}/page"],
                       check=True, capture_output=True)
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        images = []
        for n, page in enumerate(pages, start=1):
            images.append(QImage(str(page)))
            progress(n, len(pages))
    return images
