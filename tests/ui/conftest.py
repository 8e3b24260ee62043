"""UI fixtures: a demo workspace and a main window that never touches the user's settings."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from sva.demo import build_demo  # noqa: E402
from sva.workspace import Workspace  # noqa: E402


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory):
    """Built once: the UI tests only read it."""
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder, seed=1)
    return folder


@pytest.fixture
def demo_ws(demo_folder):
    workspace = Workspace(demo_folder)
    yield workspace
    workspace.close()


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "sva-ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, demo_ws, ui_settings):
    from ui.main_window import MainWindow

    win = MainWindow(demo_ws, settings=ui_settings)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def open_editor(qtbot, ws, ui_settings):
    """Open (and show, active) an editor on an audit of the fresh `ws`."""
    from tests.ui.ui_demo import show_editor

    def make(audit_id):
        editor = show_editor(qtbot, ws, audit_id, ui_settings)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        editor.tree.setFocus()
        return editor
    return make


@pytest.fixture
def answer_all():
    return answer_everything


@pytest.fixture
def signed(ws, audit):
    """The `audit`, answered, completed and signed once (so locked)."""
    answer_everything(ws, audit)
    ws.audits.complete(audit)
    ws.audits.sign(audit, signer_name="A", role="Auditor", organisation="Buyer",
                   image_png=PNG_1x1)
    return audit


PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6"
    "5b4b0000000049454e44ae426082")


def answer_everything(ws, audit_id, result="conforms"):
    if ws.audits.audit(audit_id)["status"] == "planned":
        ws.audits.start(audit_id)
    template = ws.audits.template_of(ws.audits.audit(audit_id))
    for item in template.items.values():
        value = {"conformity": result, "yes_no": "yes", "number": "0", "text": "seen",
                 "choice": item.choices[0][0] if item.choices else ""}[item.answer]
        ws.audits.record_answer(audit_id, item.id, value)


@pytest.fixture(autouse=True)
def no_window_outlives_its_test():
    """A window a test leaves open (a question it did not answer, a preview) would keep later
    windows from becoming active; each test starts with none. Dialogs are closed with done(),
    which asks nothing (reject() may ask about unsaved work); other windows are hidden."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            if isinstance(widget, QDialog):
                widget.done(0)
            else:
                widget.hide()
