"""A small filled circle per audit status, always shown next to the status text.

Colour is a second cue only (never the sole one); the palette is muted so a long list of
audits does not shout.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

STATUS_COLOURS = {
    "planned": "#9aa0a6",      # grey
    "in_progress": "#3d7fc4",  # blue
    "completed": "#d9972b",    # amber
    "signed": "#3f9a5c",       # green
    "synced": "#2a9490",       # teal
    "overdue": "#b03a2e",      # red: a planned visit whose date has passed
}


def painted_icon(size: int, draw) -> QIcon:
    """An icon drawn by `draw(painter)` on a size×size canvas, at 1× and 2× so it stays
    crisp on high-DPI screens. Needs a QGuiApplication: callers build icons lazily."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def status_icon(status: str, size: int = 12) -> QIcon:
    """Cached per status."""
    colour = QColor(STATUS_COLOURS.get(status, "#9aa0a6"))

    def draw(painter: QPainter) -> None:
        painter.setPen(QPen(colour.darker(130), 1))
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    return painted_icon(size, draw)
