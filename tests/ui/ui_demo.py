"""A writable copy of the seed-1 demo per test (built once per session) and an editor on it."""
from __future__ import annotations

import shutil

import pytest

from sva.demo import build_demo
from sva.workspace import Workspace


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-master") / "demo"
    build_demo(folder, seed=1)
    return folder


@pytest.fixture
def demo(tmp_path, demo_master):
    copy = tmp_path / "demo"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns("backups"))
    workspace = Workspace(copy)
    yield workspace
    workspace.close()


def audit_with(ws, status: str, photos: bool = False) -> str:
    rows = [a for a in ws.queries.audits() if a["status"] == status]
    if photos:
        rows = [a for a in rows if ws.photos.of_audit(a["id"])]
    return rows[0]["id"]


def show_editor(qtbot, ws: Workspace, audit_id: str, settings):
    """An audit editor on `ws`, shown at the screenshots' size and exposed."""
    from ui.editor.audit_editor import AuditEditor
    editor = AuditEditor(ws, audit_id, settings=settings)
    qtbot.addWidget(editor)
    editor.resize(1366, 740)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def editor_on(qtbot, demo, ui_settings):
    return lambda audit_id: show_editor(qtbot, demo, audit_id, ui_settings)


def wait_tasks(qtbot, *holders):
    """Let worker tasks that are still running finish before the workspace closes."""
    for holder in holders:
        task = getattr(holder, "task", None)
        if task is not None:
            qtbot.waitUntil(task.finished.is_set, timeout=30000)
