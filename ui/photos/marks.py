"""Graphics items for annotation marks, and their conversion to the core's stored form.

Scene coordinates are the display image's pixels; the core stores fractions of the image
(sva/photos/annotate.py), so `to_mark(item, size)` divides and clamps, `make_item(mark, size)`
multiplies. Each item keeps the non-geometric fields of its mark (kind, colour, style, id).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem,
                               QGraphicsSimpleTextItem)

DEFAULT_WIDTH = 0.006
DEFAULT_TEXT_SIZE = 0.04
MARK_KEY = 0          # QGraphicsItem.data key holding the mark's own fields
FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
         | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def box_item(kind: str, rect: QRectF, size, *, color: str, style: str = "solid",
             width: float = DEFAULT_WIDTH) -> QGraphicsRectItem:
    """A rectangle or a redaction box; `rect` in scene pixels."""
    rect = rect.normalized()
    item = QGraphicsRectItem(QRectF(0, 0, rect.width(), rect.height()))
    item.setPos(rect.topLeft())
    long_side = max(size)
    if kind == "redact":
        item.setPen(QPen(QColor("#ffffff"), max(1.0, long_side * 0.002), Qt.PenStyle.DashLine))
        if style == "blur":
            item.setBrush(QColor(120, 120, 120, 215))
        else:
            item.setBrush(QColor(color))
        item.setData(MARK_KEY, {"kind": "redact", "color": color, "style": style})
    else:
        item.setPen(_pen(color, max(1.0, width * long_side)))
        item.setData(MARK_KEY, {"kind": "rect", "color": color, "width": width})
    item.setFlags(FLAGS)
    return item


def arrow_item(start: QPointF, end: QPointF, size, *, color: str,
               width: float = DEFAULT_WIDTH) -> QGraphicsPathItem:
    pixels = max(1.0, width * max(size))
    line = QLineF(QPointF(0, 0), end - start)
    path = QPainterPath(line.p1())
    path.lineTo(line.p2())
    head = max(8.0, pixels * 4)
    angle = math.atan2(line.dy(), line.dx())
    for side in (-0.45, 0.45):
        path.moveTo(line.p2())
        path.lineTo(line.p2() - QPointF(head * math.cos(angle + side),
                                        head * math.sin(angle + side)))
    item = QGraphicsPathItem(path)
    item.setPos(start)
    item.setPen(_pen(color, pixels))
    item.setData(MARK_KEY, {"kind": "arrow", "color": color, "width": width,
                            "vector": (line.dx(), line.dy())})
    item.setFlags(FLAGS)
    return item


def text_item(text: str, at: QPointF, size, *, color: str,
              text_size: float = DEFAULT_TEXT_SIZE) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    font = QFont()
    font.setPixelSize(max(8, round(text_size * max(size))))
    item.setFont(font)
    item.setBrush(QColor(color))
    item.setPen(QPen(QColor("#000000"), max(1.0, text_size * max(size) / 24)))
    item.setPos(at)
    item.setData(MARK_KEY, {"kind": "text", "color": color, "size": text_size})
    item.setFlags(FLAGS)
    return item


def make_item(mark: dict, size) -> QGraphicsItem:
    w, h = size
    kind = mark["kind"]
    if kind in ("rect", "redact"):
        x0, y0, x1, y1 = mark["box"]
        item = box_item(kind, QRectF(QPointF(x0 * w, y0 * h), QPointF(x1 * w, y1 * h)), size,
                        color=mark.get("color", "#000000" if kind == "redact" else "#e53935"),
                        style=mark.get("style", "solid"),
                        width=mark.get("width", DEFAULT_WIDTH))
    elif kind == "arrow":
        (fx, fy), (tx, ty) = mark["from"], mark["to"]
        item = arrow_item(QPointF(fx * w, fy * h), QPointF(tx * w, ty * h), size,
                          color=mark.get("color", "#e53935"),
                          width=mark.get("width", DEFAULT_WIDTH))
    else:
        x, y = mark["at"]
        item = text_item(mark["text"], QPointF(x * w, y * h), size,
                         color=mark.get("color", "#ffeb3b"),
                         text_size=mark.get("size", DEFAULT_TEXT_SIZE))
    if "id" in mark:
        item.setData(MARK_KEY, {**item.data(MARK_KEY), "id": mark["id"]})
    return item


def to_mark(item: QGraphicsItem, size) -> dict | None:
    """The stored form of an item (fractions, clamped to the image); None if it vanished."""
    w, h = size
    own = dict(item.data(MARK_KEY) or {})
    kind = own.get("kind")
    pos = item.pos()
    mark = {k: v for k, v in own.items() if k != "vector"}
    if kind in ("rect", "redact"):
        rect = item.rect().translated(pos)
        box = [_clamp(rect.left() / w), _clamp(rect.top() / h),
               _clamp(rect.right() / w), _clamp(rect.bottom() / h)]
        if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
            return None
        mark["box"] = box
    elif kind == "arrow":
        dx, dy = own["vector"]
        start = [_clamp(pos.x() / w), _clamp(pos.y() / h)]
        end = [_clamp((pos.x() + dx) / w), _clamp((pos.y() + dy) / h)]
        if start == end:
            return None
        mark["from"], mark["to"] = start, end
    elif kind == "text":
        mark["at"] = [_clamp(pos.x() / w), _clamp(pos.y() / h)]
        mark["text"] = item.text()
    else:
        return None
    return mark
