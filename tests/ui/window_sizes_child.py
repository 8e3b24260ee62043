"""Every window and dialog of the app, shown on a laptop screen, measured. Run by
tests/ui/test_window_sizes.py in its own process, because the screen is set when Qt starts:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python window_sizes_child.py TMP LANG

The screen is 1366×728: a 1366×768 laptop minus a 40 px taskbar (the offscreen platform
has no taskbar, so its whole screen stands for the free area). Prints one JSON line: the
screen, every QDialog/QMainWindow subclass under ui/ and, per window built here, its sizes
(as shown, its minimum, after adjustSize) and the fields a long error message squashed;
plus the editor's checklist columns with a long choice answered. LANG (en or ja) is the
interface language and the checklist's.
"""
from __future__ import annotations

import importlib
import io
import json
import os
import pkgutil
import sys
from pathlib import Path
from types import SimpleNamespace
from collections.abc import Callable

FACTORIES: dict[str, Callable] = {}
LONG_ERROR = ("The HQ server refused the request because the enrolment code has expired or "
              "was already used on another device; ask HQ for a new one-time code, check "
              "the server address and the network, and try again. ") * 3
LONG_ITEM = "SVR-ENV-09"     # a choice item whose choices are whole sentences
LONG_CHOICE = "verified"     # "Targets set and emissions data verified by a third party"


def builds(qualname: str):
    def register(make):
        FACTORIES[qualname] = make
        return make
    return register


def ui_window_classes() -> list[str]:
    """Every QDialog and QMainWindow subclass defined in the ui package."""
    import ui
    from PySide6.QtWidgets import QDialog, QMainWindow
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found, todo = set(), [QDialog, QMainWindow]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.add(f"{sub.__module__}.{sub.__qualname__}")
    return sorted(found)


# -- the windows ---------------------------------------------------------------------------
@builds("ui.main_window.MainWindow")
def _main_window(env):
    return env.window


@builds("ui.dialogs.finding_dialog.FindingDialog")
def _finding(env):
    from ui.dialogs.finding_dialog import FindingDialog
    item = env.editor.template.items[LONG_ITEM]
    return FindingDialog(visit_date="2026-05-12", item=item, result="nonconformity",
                         note="Seen: " + "no meter data for the boiler house. " * 6,
                         lang=env.lang, parent=env.window)


@builds("ui.dialogs.sign_dialog.SignDialog")
def _sign(env):
    from ui.dialogs.sign_dialog import SignDialog
    return SignDialog(auditor={"name": "Haruka Sato", "organisation": "Buyer Co."},
                      supplier={}, summary="SVR · S001 Kanto Parts Co., Ltd. · 2026-05-12 · "
                      "48 of 48 items answered, 3 findings", parent=env.window)


@builds("ui.dialogs.settings_dialog.SettingsDialog")
def _settings(env):
    from ui.dialogs.settings_dialog import SettingsDialog
    return SettingsDialog(env.settings, parent=env.window)


@builds("ui.dialogs.complete_dialog.CompletionDialog")
def _completion(env):
    from sva.domain.completion import NO_FINDING, NO_PHOTO, UNANSWERED, Problem
    from ui.dialogs.complete_dialog import CompletionDialog
    items = env.editor.template.items
    kinds = (UNANSWERED, NO_FINDING, NO_PHOTO)
    problems = [Problem(kinds[n % 3], item_id, "nonconformity" if n % 3 else None)
                for n, item_id in enumerate(items)]
    return CompletionDialog(problems, items, lang=env.lang, parent=env.window)


@builds("ui.dialogs.start_visit_dialog.StartVisitDialog")
def _start_visit(env):
    from ui.dialogs.start_visit_dialog import StartVisitDialog
    return StartVisitDialog(summary="Start the visit to <b>S001 Kanto Parts Co., Ltd.</b> — "
                            "Kawasaki plant?", site_today="2026-05-12", zone="Asia/Tokyo",
                            planned_date="2026-05-12", parent=env.window)


@builds("ui.dialogs.site_profile_dialog.SiteProfileDialog")
def _site_profile(env):
    from ui.dialogs.site_profile_dialog import SiteProfileDialog
    long_scope = "Areas handling the buyer's confidential information, production lines 1-4, "
    return SiteProfileDialog(
        audit={"scope": long_scope * 2, "scope_ja": "当社機密情報を扱う区域、第1〜第4製造ライン"},
        profile={"workers_total": 1240, "workers_women": 496, "workers_foreign": 131,
                 "workers_agency": 88, "workers_young": 0, "duration_hours": 7.5,
                 "interviews_individual": 12, "interviews_group": 3,
                 "scope_limits": {"en": "Dormitory not visited", "ja": "寮は訪問していない"}},
        visit_span="09:10–16:40", parent=env.window)


@builds("ui.dialogs.reason_dialog.ReasonDialog")
def _reason(env):
    from ui.dialogs.reason_dialog import no_finding_dialog
    item = env.editor.template.items[LONG_ITEM]
    return no_finding_dialog(f"{item.id} — {item.question['en']}", parent=env.window)


@builds("ui.dialogs.recovery_dialogs.RecoveryKeyDialog")
def _recovery_key(env):
    from ui.dialogs.recovery_dialogs import RecoveryKeyDialog
    return RecoveryKeyDialog("ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH",
                             "/home/haruka.sato/.local/share/sva/a-long-folder-name/data",
                             parent=env.window)


@builds("ui.dialogs.recovery_dialogs.UnlockDialog")
def _unlock(env):
    from ui.dialogs.recovery_dialogs import UnlockDialog
    dialog = UnlockDialog("/home/haruka.sato/.local/share/sva/a-long-folder-name/data",
                          parent=env.window)
    dialog.error.setText("this recovery key does not open this data folder (check each "
                         "group of five); nothing was changed")
    dialog.error.show()
    return dialog


@builds("ui.dialogs.demo_dialog.DemoDialog")
def _demo(env):
    from ui.dialogs.demo_dialog import DemoDialog
    return DemoDialog(parent=env.window)


@builds("ui.photos.annotation_editor.AnnotationEditor")
def _annotate(env):
    from ui.photos.annotation_editor import AnnotationEditor
    return AnnotationEditor(env.editor, env.photo_id, parent=env.window)


@builds("ui.photos.viewer.PhotoViewer")
def _viewer(env):
    from ui.photos.viewer import PhotoViewer
    return PhotoViewer(env.editor, [env.photo_id], parent=env.window)


@builds("ui.photos.camera.CameraDialog")
def _camera(env):
    from ui.photos.camera import CameraDialog, _multimedia
    if _multimedia() is None:
        return None          # no QtMultimedia here: the app never offers the camera
    return CameraDialog(parent=env.window)


@builds("ui.photos.finding_chooser.FindingChooser")
def _finding_chooser(env):
    from ui.photos.finding_chooser import FindingChooser
    findings = env.ws.findings.of_audit(env.editor.audit_id)
    return FindingChooser(findings, parent=env.window)


@builds("ui.photos.photo_picker.PhotoPicker")
def _photo_picker(env):
    from ui.photos.photo_picker import PhotoPicker
    findings = env.ws.findings.of_audit(env.editor.audit_id)
    live = {f["id"] for f in findings}
    return PhotoPicker(env.ws, env.ws.photos.of_audit(env.editor.audit_id),
                       findings[0]["id"], live, parent=env.window)


@builds("ui.reports.preview.ReportPreview")
def _preview(env):
    from ui.reports.preview import ReportPreview
    return ReportPreview(env.pdf, parent=env.window)


@builds("ui.reports.cap_problems.CapProblemsDialog")
def _cap_problems(env):
    from sva.reports.cap_import import Problem
    from ui.reports.cap_problems import CapProblemsDialog
    problems = [Problem("Findings", 4 + n, "Planned completion date",
                        "not a date: write it as 2026-05-31 (year-month-day) " * 2)
                for n in range(40)]
    return CapProblemsDialog(SimpleNamespace(file=str(env.tmp / "cap.xlsx"),
                                             problems=problems), parent=env.window)


@builds("ui.sync.enrol_dialog.EnrolDialog")
def _enrol(env):
    from ui.sync.enrol_dialog import EnrolDialog
    return EnrolDialog(env.ws, env.window, note=LONG_ERROR)


@builds("ui.sync.sync_dialog.SyncDialog")
def _sync(env):
    from ui.sync.sync_dialog import SyncDialog
    return SyncDialog(env.ws, env.window)


@builds("ui.sync.conflicts_dialog.ConflictsDialog")
def _conflicts(env):
    from ui.sync.conflicts_dialog import ConflictsDialog
    return ConflictsDialog(env.ws, env.window)


@builds("ui.sync.bundle_dialog.BundleDialog")
def _bundle(env):
    from ui.sync.bundle_dialog import BundleDialog
    return BundleDialog(env.ws, env.tmp / ("a-long-folder-name-on-a-usb-stick/" * 4 + "x.svab"),
                        env.window)


@builds("ui.dialogs.about_dialog.AboutDialog")
def _about(env):
    from ui.dialogs.about_dialog import AboutDialog
    return AboutDialog(env.ws, parent=env.window, folder=env.ws.folder)


@builds("ui.dialogs.backup_dialog.BackupDialog")
def _backup(env):
    from ui.dialogs.backup_dialog import BackupDialog
    dialog = BackupDialog(env.ws, env.window)
    dialog.file.setText(str(env.tmp / ("a-long-folder-name-on-a-usb-stick/" * 4 + "x.svab")))
    return dialog


@builds("ui.dialogs.restore_dialog.RestoreDialog")
def _restore(env):
    from ui.dialogs.restore_dialog import RestoreDialog
    return RestoreDialog(env.ws.folder, lambda staging: None, env.window)


# -- measuring -------------------------------------------------------------------------------
def _size(size) -> list[int]:
    return [size.width(), size.height()]


def squashed_fields(dialog) -> list[str]:
    """Show a long message in each of the dialog's message lines and labels for errors, and
    name the input fields that then got less than they ask for."""
    from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLabel,
                                   QLineEdit, QPlainTextEdit, QTextEdit)

    from ui.sync.common import MessageLine
    lines = [w for w in dialog.findChildren(MessageLine)]
    labels = [w for w in dialog.findChildren(QLabel)
              if any(k in w.objectName().lower() for k in ("error", "message", "warning", "why"))
              and not isinstance(w.parent(), MessageLine)]
    if not lines and not labels:
        return []
    for line in lines:
        line.set("error", LONG_ERROR)
    for label in labels:
        label.setText(LONG_ERROR)
        label.show()
    QApplication.processEvents()
    squashed = []
    fields = [w for kind in (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)
              for w in dialog.findChildren(kind)]
    for field in fields:
        if not field.isVisibleTo(dialog) or isinstance(field.parent(), QAbstractSpinBox):
            continue
        want = field.minimumSizeHint().expandedTo(field.minimumSize())
        if field.height() < want.height() or field.width() < want.width():
            squashed.append(f"{field.objectName() or type(field).__name__} "
                            f"{_size(field.size())} < {_size(want)}")
    return squashed


def cut_off(window) -> list[str]:
    """The controls that stick out of the window (a squeezed layout overflows)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox,
                                   QComboBox, QLabel, QLineEdit)
    out = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QLabel,
                 QAbstractScrollArea):
        for widget in window.findChildren(kind):
            parent, scrolled = widget.parentWidget(), False
            while parent is not None and parent is not window:
                scrolled = scrolled or isinstance(parent, QAbstractScrollArea)
                parent = parent.parentWidget()
            if scrolled or not widget.isVisibleTo(window) or widget.width() <= 1:
                continue
            where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not window.rect().contains(where):
                out.append(f"{widget.objectName() or type(widget).__name__} at "
                           f"{[where.x(), where.y(), where.width(), where.height()]}")
    return out


def measure(make, env, app) -> dict | None:
    widget = make(env)
    if widget is None:
        return None
    widget.show()
    app.processEvents()
    shown, frame = widget.size(), widget.frameGeometry().size()
    result = {"shown": _size(shown), "frame_extra": _size(frame - shown),
              "minimum_hint": _size(widget.minimumSizeHint()),
              "minimum": _size(widget.minimumSize()), "cut_off": cut_off(widget)}
    widget.adjustSize()
    app.processEvents()
    result["adjusted"] = _size(widget.size())
    result["squashed"] = []
    _done(widget, env, app)
    if widget is not env.window:         # again, as shown, with long error messages
        widget = make(env)
        widget.show()
        app.processEvents()
        result["squashed"] = squashed_fields(widget) + cut_off(widget)
        _done(widget, env, app)
    return result


def _done(widget, env, app) -> None:
    task = getattr(widget, "task", None)
    if task is not None and hasattr(task, "finished"):
        task.finished.wait(30)
        app.processEvents()
    if widget is not env.window:
        widget.close()
        widget.deleteLater()
        app.processEvents()


def reason_dialog(env, app) -> dict:
    """The amendment reason is asked by Qt's input dialog: measured while it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs import reason_dialog as module
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.update({"shown": _size(dialog.size()),
                     "frame_extra": _size(dialog.frameGeometry().size() - dialog.size()),
                     "minimum_hint": _size(dialog.minimumSizeHint()),
                     "minimum": _size(dialog.minimumSize()), "cut_off": cut_off(dialog),
                     "squashed": []})
        dialog.adjustSize()
        seen["adjusted"] = _size(dialog.size())
        dialog.reject()
    QTimer.singleShot(0, look)
    module.ask_amendment_reason(env.window)
    return seen


def editor_columns(env, app) -> dict:
    """The checklist with a long choice answered, at the window's size on this screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    editor = env.editor
    editor.select_item(LONG_ITEM)
    value = next(n for n, (v, _) in enumerate(editor.template.items[LONG_ITEM].choices, 1)
                 if v == LONG_CHOICE)
    QTest.keyClick(editor.tree, Qt.Key(Qt.Key.Key_0 + value))
    app.processEvents()
    tree = editor.tree
    return {"answer": editor.model.result(LONG_ITEM), "window": _size(env.window.size()),
            "tree": _size(tree.size()), "viewport": tree.viewport().width(),
            "question": tree.columnWidth(0), "answer_column": tree.columnWidth(1),
            "panel": _size(editor.panel.size()),
            "buttons": [b.width() for b in editor.panel.group.buttons()]}


def make_env(tmp: Path, lang: str):
    from PIL import Image
    from PySide6.QtCore import QSettings
    from reportlab.pdfgen import canvas

    from sva.demo import build_demo
    from sva.workspace import Workspace
    from ui.main_window import MainWindow
    from ui.settings import CHECKLIST_LANGUAGE
    build_demo(tmp / "demo", seed=1)
    ws = Workspace(tmp / "demo")
    settings = QSettings(str(tmp / "sizes.ini"), QSettings.Format.IniFormat)
    CHECKLIST_LANGUAGE.set(settings, lang)
    window = MainWindow(ws, settings=settings)
    window.show()
    audit = next(a for a in ws.queries.audits()
                 if a["status"] == "in_progress" and a["kind"] == "svr")
    photo = io.BytesIO()
    Image.new("RGB", (4000, 3000), "#8a9").save(photo, "JPEG")     # a 12-MP landscape photo
    photo_id = ws.photos.add_bytes(audit["id"], photo.getvalue(), filename="boiler.jpg")
    editor = window.open_audit(audit["id"])
    pdf = tmp / "report.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(72, 720, "Improvement guidance")
    page.save()
    return SimpleNamespace(ws=ws, settings=settings, window=window, editor=editor, tmp=tmp,
                           photo_id=photo_id, pdf=pdf, lang=lang)


def main(tmp: Path, lang: str) -> int:
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    app = QApplication(["sizes"])
    i18n.install(app, lang)
    env = make_env(tmp, lang)
    app.processEvents()
    out = {"screen": _size(app.primaryScreen().availableGeometry().size()),
           "classes": ui_window_classes(), "windows": {}, "skipped": []}
    out["editor"] = editor_columns(env, app)
    for name, make in FACTORIES.items():
        sizes = measure(make, env, app)
        if sizes is None:
            out["skipped"].append(name)
        else:
            out["windows"][name] = sizes
    out["windows"]["reason dialog (QInputDialog)"] = reason_dialog(env, app)
    print(json.dumps(out), flush=True)
    env.window.close()
    env.ws.close()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
