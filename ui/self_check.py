"""`sva --self-check`: does this installation work? Meant for a fresh build (packaging/).

In a temporary data folder it builds the demo data, writes a Japanese improvement-guidance
PDF (pages, Japanese font embedded, readable by QtPdf), loads the Japanese translations (ours
and Qt's), imports the Qt modules the app uses, and opens the main window and an audit in it.
The window is drawn offscreen unless QT_QPA_PLATFORM says otherwise (a test runs the build
under Xvfb with `xcb`). Each step prints one line; the first failure prints what failed and
exits 1. The user's data folder and settings are never touched.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

QT_MODULES = ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtMultimedia",
              "QtMultimediaWidgets")
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w.-]+)")


class CheckFailed(Exception):
    """A step ran but its result is wrong (the message says what)."""


def pdf_facts(data: bytes) -> tuple[int, set[str], bool]:
    """(pages, base font names, whether every font has its file embedded) of a PDF written
    by reportlab, read from its bytes: reportlab writes dictionaries uncompressed."""
    fonts = {m.decode() for m in _FONT.findall(data)}
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", data))
    embedded = len(re.findall(rb"/FontFile[23]?\s", data))
    return len(_PAGE.findall(data)), fonts, descriptors > 0 and embedded >= descriptors


def _demo(folder: Path, state: dict) -> str:
    from sva.demo import build_demo
    from sva.workspace import Workspace
    counts = build_demo(folder)
    state["ws"] = ws = Workspace(folder)
    audits = ws.queries.audits()
    if not audits:
        raise CheckFailed("the demo has no audits")
    state["audits"] = audits
    return f"{counts['suppliers']} suppliers, {len(audits)} audits, {counts['photos']} photos"


def _guidance_pdf(folder: Path, state: dict) -> str:
    from reportlab.pdfbase import pdfmetrics

    from sva.reports import write_guidance
    from sva.reports.fonts import CJK, register_fonts
    audit = max(state["audits"], key=lambda a: a["findings"])
    path = folder / "exports" / "self-check-guidance-ja.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_guidance(state["ws"], audit["id"], path, lang="ja")
    pages, fonts, embedded = pdf_facts(path.read_bytes())
    register_fonts()
    japanese = pdfmetrics.getFont(CJK).face.name.decode()
    if pages < 1:
        raise CheckFailed(f"{path.name} has no pages")
    if japanese not in fonts:
        raise CheckFailed(f"{path.name} does not use the Japanese font {japanese} "
                          f"(fonts: {', '.join(sorted(fonts))})")
    if not embedded:
        raise CheckFailed(f"{path.name} has fonts that are not embedded")
    state["pdf"] = path
    return f"{pages} pages, Japanese font {japanese} embedded"


def _qt_modules(_folder: Path, state: dict) -> str:
    import importlib
    for name in QT_MODULES:
        importlib.import_module(f"PySide6.{name}")
    from PySide6.QtGui import QImageReader
    from PySide6.QtPdf import QPdfDocument
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"jpeg", "png"} - formats
    if missing:
        raise CheckFailed(f"Qt cannot read {', '.join(sorted(missing))} images")
    doc = QPdfDocument(None)
    doc.load(str(state["pdf"]))
    if doc.pageCount() < 1:
        raise CheckFailed(f"QtPdf reads no page of {state['pdf'].name} ({doc.status()})")
    return f"{', '.join(QT_MODULES)}; QtPdf reads {doc.pageCount()} pages"


def _translations(_folder: Path, state: dict) -> str:
    from PySide6.QtCore import QCoreApplication

    from ui import i18n
    app = state["app"]
    loaded = i18n.translators("ja")
    if len(loaded) < 2:
        raise CheckFailed("the Japanese catalogues (sva_ja.qm and Qt's qt_ja.qm) are not "
                          f"all found ({len(loaded)} of 2)")
    for translator in loaded:
        translator.setParent(app)
        app.installTranslator(translator)
    ours = i18n.ui_language()
    qt_source = ("QPlatformTheme", "Cancel")      # Qt's own button text (not for lupdate)
    qt = QCoreApplication.translate(*qt_source)
    if ours != "ja" or qt == "Cancel":
        raise CheckFailed(f"translations do not apply (ours: {ours}, Qt's Cancel: {qt})")
    return f"sva_ja and qt_ja ({qt})"


def _main_window(folder: Path, state: dict) -> str:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow
    settings = QSettings(str(folder / "self-check-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(state["ws"], settings=settings)
    window.show()
    _wait(state["app"], lambda: window.windowHandle() is not None
          and window.windowHandle().isExposed(), "the main window to be shown")
    listed = window.audits_view.model.rowCount()
    if listed != len(state["audits"]):
        raise CheckFailed(f"the audits list shows {listed} of {len(state['audits'])} audits")
    editor = window.open_audit(state["audits"][0]["id"])
    _wait(state["app"], editor.isVisible, "the audit editor to be shown")
    title = window.windowTitle()
    window.close_tab(window.tabs.indexOf(editor))
    window.close()
    platform = state["app"].platformName()
    return f"{platform}: {listed} audits listed, an audit opened; title {title!r}"


def _wait(app, done: Callable[[], bool], what: str, seconds: float = 10) -> None:
    """Let Qt run until `done()` (the self-check ships without QtTest)."""
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise CheckFailed(f"waited {seconds:.0f} s for {what}")
        app.processEvents()
        time.sleep(0.01)


STEPS: list[tuple[str, Callable[[Path, dict], str]]] = [
    ("demo data", _demo),
    ("guidance PDF (ja)", _guidance_pdf),
    ("Qt modules", _qt_modules),
    ("translations", _translations),
    ("main window", _main_window),
]


def run(out=None) -> int:
    """Run every step; 0 when all pass, 1 at the first failure (named on `out`)."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sva import __version__
    from ui.app import application
    frozen = "yes" if getattr(sys, "frozen", False) else "no"
    print(f"SVA {__version__} self-check (frozen build: {frozen})", file=out, flush=True)
    folder = Path(tempfile.mkdtemp(prefix="sva-self-check-"))
    state: dict = {"app": application(["sva", "--self-check"])}
    try:
        for name, step in STEPS:
            started = time.perf_counter()
            try:
                detail = step(folder, state)
            except Exception as exc:  # noqa: BLE001 - any failure fails the check, named
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out, flush=True)
                traceback.print_exc(file=sys.stderr)
                return 1
            print(f"ok   {name}: {detail} ({time.perf_counter() - started:.1f} s)",
                  file=out, flush=True)
        print("self-check passed", file=out, flush=True)
        return 0
    finally:
        if state.get("ws") is not None:
            state["ws"].close()
        shutil.rmtree(folder, ignore_errors=True)
