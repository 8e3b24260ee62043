"""Window sizes that fit the screen they open on, e.g. a 1366×768 laptop with a taskbar."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager adds around a window: borders and a title bar.
FRAME = QSize(16, 40)


def free_size(window: QWidget) -> QSize | None:
    """The largest client area a window can have on its screen (None without a screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return None
    return screen.availableGeometry().size() - FRAME


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width×height, or less where its screen's free area is smaller."""
    size = QSize(width, height)
    free = free_size(window)
    window.resize(size if free is None else size.boundedTo(free))
