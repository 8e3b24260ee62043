"""Small drawn icons for answers and severities: a shape per meaning, colour only as a second cue.

Drawn with QPainter (no icon font needed): a tick for "conforms", a cross for a
nonconformity, a dot for an observation, a dash for "not applicable", an open ring with a
dot for an unanswered required item.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen

from ui.widgets.status_icon import painted_icon

ANSWER_STYLE = {  # glyph, colour
    "conforms": ("tick", "#3f9a5c"),
    "yes": ("tick", "#3f9a5c"),
    "nonconformity": ("cross", "#c0392b"),
    "no": ("cross", "#c0392b"),
    "observation": ("dot", "#d9972b"),
    "not_applicable": ("dash", "#8a9099"),
    "value": ("tick", "#3d7fc4"),          # a number, choice or text answer
    "missing": ("ring", "#c0392b"),         # required and unanswered
    "open": ("ring", "#9aa0a6"),            # optional and unanswered
    "significant": ("cross", "#a93226"),
    "minor": ("dot", "#d9972b"),
    "good_practice": ("tick", "#2a9490"),
}


def _draw(painter: QPainter, glyph: str, colour: QColor, size: int) -> None:
    box = QRectF(1, 1, size - 2, size - 2)
    if glyph == "ring":
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(0.8, 0.8, -0.8, -0.8))
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        r = size * 0.12
        painter.drawEllipse(box.center(), r, r)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(box)
    pen = QPen(QColor("white"), max(1.6, size * 0.14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    s = size
    if glyph == "tick":
        painter.drawPolyline([QPointF(s * .28, s * .52), QPointF(s * .44, s * .68),
                              QPointF(s * .72, s * .34)])
    elif glyph == "cross":
        painter.drawLine(QPointF(s * .34, s * .34), QPointF(s * .66, s * .66))
        painter.drawLine(QPointF(s * .66, s * .34), QPointF(s * .34, s * .66))
    elif glyph == "dash":
        painter.drawLine(QPointF(s * .3, s * .5), QPointF(s * .7, s * .5))
    elif glyph == "dot":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(box.center(), s * .14, s * .14)


@cache
def answer_icon(kind: str, size: int = 14) -> QIcon:
    """Cached per answer kind."""
    glyph, colour = ANSWER_STYLE.get(kind, ANSWER_STYLE["open"])
    return painted_icon(size, lambda painter: _draw(painter, glyph, QColor(colour), size))


def answer_colour(kind: str) -> str:
    return ANSWER_STYLE.get(kind, ANSWER_STYLE["open"])[1]
