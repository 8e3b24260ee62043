"""Grab the main window's tabs, the audit editor, the finding dialog, Start visit, a number
item, Complete and Sign, the photo strip, viewer and annotation editor and the report preview
as PNGs (for docs and for looking at
layout changes).

    python -m ui.screenshots --data-dir D -o OUTDIR [--lang en|ja] [--size 1366x768]

Works on a virtual screen (`xvfb-run -a -s "-screen 0 1366x768x24"`) and with
QT_QPA_PLATFORM=offscreen. Uses a throw-away settings file, so neither the user's saved
geometry nor these runs affect each other. The editor shots use a copy of the data folder,
so the shown data is never changed. Japanese needs the compiled translation: it is built
into a scratch folder from the .ts first.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.app import application, open_workspace
from ui.operations.hub import hub_of
from ui.settings import AUDITOR_NAME, CHECKLIST_LANGUAGE, ORGANISATION

AUDITS_TAB, SUPPLIERS_TAB = 0, 1   # as MainWindow numbers them
SHOTS = (("main-audits.png", AUDITS_TAB), ("main-suppliers.png", SUPPLIERS_TAB))


def settle(app: QApplication, ms: int = 200) -> None:
    """Let layout, fonts and painting finish before grabbing. QTest.qWait processes events
    itself: a local QEventLoop returns at once once anything in the process called quit()
    (Qt keeps that flag until the application's own loop runs again)."""
    from PySide6.QtTest import QTest
    QTest.qWait(ms)


def save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def take(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    saved = []
    for name, tab in SHOTS:
        window.show_tab(tab)
        settle(app)
        saved.append(save(window, out / name.replace(".png", f"{suffix}.png")))
    return saved


def take_editor(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    """The editor on an in-progress audit (on a nonconformity if any) and a new finding."""
    audits = window.ws.queries.audits()
    row = next((a for a in audits if a["status"] == "in_progress" and a["kind"] == "svr"),
               next((a for a in audits if a["status"] == "in_progress"),
                    audits[0] if audits else None))
    if row is None:
        return []
    editor = window.open_audit(row["id"])
    answers = window.ws.audits.answers(row["id"])
    bad = next((i for i, a in answers.items() if a["result"] == "nonconformity"), None)
    if bad:
        editor.select_item(bad)
    settle(app, 300)
    saved = [save(window, out / f"editor{suffix}.png")]
    editor.new_finding()
    dialog = editor.finding_dialog
    settle(app, 300)
    saved.append(save(dialog, out / f"finding{suffix}.png"))
    dialog.reject()
    return saved


def take_visit_steps(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    """Start visit (a planned audit), a number item with its range, Complete with what is
    still open, and the sign dialog (a completed audit)."""
    ws, saved = window.ws, []
    audits = ws.queries.audits()
    planned = next((a for a in audits if a["status"] == "planned"), None)
    if planned is not None:
        editor = window.open_audit(planned["id"])
        editor.lifecycle.start_visit()
        settle(app, 300)
        saved.append(save(editor.lifecycle.start_dialog, out / f"start-visit{suffix}.png"))
        editor.lifecycle.start_dialog.reject()
    busy = next((a for a in audits if a["status"] == "in_progress" and a["kind"] == "svr"), None)
    if busy is not None:
        editor = window.open_audit(busy["id"])
        number = next((i for i in editor.template.items.values() if i.answer == "number"), None)
        if number is not None:
            editor.select_item(number.id)
            settle(app, 300)
            saved.append(save(window, out / f"editor-number{suffix}.png"))
        editor.lifecycle.complete()
        dialog = editor.lifecycle.completion_dialog
        if dialog is not None and dialog.isVisible():
            settle(app, 300)
            saved.append(save(dialog, out / f"complete{suffix}.png"))
            dialog.reject()
    done = next((a for a in audits if a["status"] == "completed"), None)
    if done is not None:
        editor = window.open_audit(done["id"])
        editor.lifecycle.sign()
        dialog = editor.lifecycle.sign_dialog
        dialog.auditor.pad.add_stroke([(40 + 9 * n, 60 + (14 if n % 2 else -14))
                                       for n in range(24)])
        settle(app, 300)
        saved.append(save(dialog, out / f"sign{suffix}.png"))
        dialog.reject()
    return saved


def wait_for(app: QApplication, done, timeout_ms: int = 60000) -> bool:
    waited = 0
    while not done() and waited < timeout_ms:
        settle(app, 50)
        waited += 50
    return done()


def take_photos_and_reports(window, app: QApplication, out: Path, suffix: str = "") -> list[Path]:
    """Photo strip, viewer, annotation editor and report preview on an audit with photos."""
    ws = window.ws
    audits = [a for a in ws.queries.audits() if a["status"] == "completed"
              and ws.photos.of_audit(a["id"])]
    if not audits:
        return []
    audit_id = audits[0]["id"]
    photos = ws.photos.of_audit(audit_id)
    editor = window.open_audit(audit_id)
    photo = next((p for p in photos if p["item_id"]), None)
    if photo is None:       # demo photos hang on findings: show them on their item too
        photo = photos[0]
        finding = ws.findings.finding(photo["finding_id"]) if photo["finding_id"] else None
        if finding and finding["item_id"]:
            hub_of(ws).perform(None, lambda: [       # the open strip hears it, as from any op
                ws.photos.set_item(row["id"], finding["item_id"]) for row in photos
                if row["finding_id"] == photo["finding_id"]])
            photo = ws.photos.photo(photo["id"])
    if photo["item_id"]:
        editor.select_item(photo["item_id"])
    strip = editor.photos_ui.strip
    wait_for(app, lambda: not strip.loading())
    settle(app, 300)
    saved = [save(window, out / f"photo-strip{suffix}.png")]
    if not strip.photo_ids():
        return saved
    viewer = editor.photos_ui.view(strip.photo_ids(), 0)
    wait_for(app, viewer.loaded)
    settle(app, 300)
    saved.append(save(viewer, out / f"photo-viewer{suffix}.png"))
    viewer.close()
    annotator = editor.photos_ui.annotate(strip.photo_ids()[0])
    wait_for(app, annotator.ready)
    from PySide6.QtCore import QPointF
    w, h = annotator.size_px
    annotator._drawn("redact", QPointF(w * 0.62, h * 0.08), QPointF(w * 0.92, h * 0.22))
    annotator._drawn("arrow", QPointF(w * 0.15, h * 0.85), QPointF(w * 0.35, h * 0.6))
    annotator._drawn("rect", QPointF(w * 0.36, h * 0.35), QPointF(w * 0.6, h * 0.62))
    annotator.add_text(annotator.tr("Blocked exit"), QPointF(w * 0.05, h * 0.9))
    settle(app, 300)
    saved.append(save(annotator, out / f"annotation-editor{suffix}.png"))
    annotator.discard()
    reports = editor.reports
    reports.build("guidance", "en+ja" if suffix else "en")
    wait_for(app, lambda: reports.preview is not None, 120000)
    if reports.preview is not None:
        settle(app, 800)
        saved.append(save(reports.preview, out / f"report-preview{suffix}.png"))
        reports.preview.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", required=True, help="SVA data folder to show")
    parser.add_argument("-o", "--out", required=True, help="folder for the PNG files")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", default="en", choices=i18n.SUPPORTED, help="UI language")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    app = application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        if args.lang != "en":
            from ui.i18n_build import build
            build(out=scratch / "qm")
            i18n.install(app, args.lang, scratch / "qm")
        from ui.main_window import MainWindow
        copy = scratch / "home" / "SVA"
        shutil.copytree(args.data_dir, copy, ignore=shutil.ignore_patterns("backups"))
        ws = open_workspace(copy)
        if ws is None:
            return 1
        # The copy is in a home folder of its own (set once the store is open, keys and
        # all): the status bar shows "~/SVA", so no screenshot carries the machine's folders.
        home = os.environ.get("HOME")
        os.environ["HOME"] = str(scratch / "home")
        try:
            settings = QSettings(str(scratch / "screenshots.ini"), QSettings.Format.IniFormat)
            CHECKLIST_LANGUAGE.set(settings, "both")
            AUDITOR_NAME.set(settings, "Haruka Sato")
            ORGANISATION.set(settings, "Buyer Group, Procurement")
            window = MainWindow(ws, settings=settings)
            window.resize(QSize(width, height))
            window.show()
            settle(app, 400)
            shots = (take(window, app, out, suffix) + take_editor(window, app, out, suffix)
                     + take_visit_steps(window, app, out, suffix)
                     + take_photos_and_reports(window, app, out, suffix))
            for path in shots:
                print(path)
            window.hide()
            window.deleteLater()
            settle(app, 50)
        finally:
            ws.close()
            if home is None:                # the caller's home again (tests run this in-process)
                os.environ.pop("HOME", None)
            else:
                os.environ["HOME"] = home
    return 0


if __name__ == "__main__":
    code = main()
    # Skip interpreter finalisation (the order Qt wrappers die in at exit has crashed Python
    # bindings before, e.g. PySide6 6.12's "bool_dealloc"), after all the work is saved.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
