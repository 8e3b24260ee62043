"""Sync with HQ in the app: enrol, sync with progress and cancel, status bar, conflicts,
offline bundle export (issue 8). `install_sync` is all the main window calls."""
from __future__ import annotations


def install_sync(window, file_menu):
    """Add the sync actions to `file_menu` and the sync status to the window's status bar;
    returns the SyncUi (call its `watch(ws)` when the window gets a workspace: it then
    follows the workspace hub's broadcasts)."""
    from ui.sync.controller import SyncUi
    return SyncUi(window, file_menu)
