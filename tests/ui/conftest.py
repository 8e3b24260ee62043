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
