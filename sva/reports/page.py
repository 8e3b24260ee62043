"""The page around the content: paper size, header, footer with "page x of y",
confidentiality line, DRAFT watermark, PDF metadata; and writing the file atomically."""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from sva.errors import BadInput
from sva.reports.fonts import LATIN, font_for, register_fonts
from sva.reports.outline import write_bookmarks
from sva.reports.styles import MUTED, NAVY, RULE

PAGE_SIZES = {"a4": A4, "letter": LETTER}
# Images go into the PDF as binary streams: ASCII85 would add a quarter to every photo.
rl_config.useA85 = 0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 22 * mm, 20 * mm


def page_size(name: str):
    try:
        return PAGE_SIZES[name.lower()]
    except (KeyError, AttributeError):
        raise BadInput(f"unknown page size {name!r} (use a4 or letter)",
                       field="page-size") from None


@dataclass
class PageDecor:
    """What every page carries besides the story."""
    header_left: str = ""
    header_right: str = ""
    footer_left: list[str] = field(default_factory=list)     # one line per language
    page_label: Callable[[int, int], str] = lambda n, total: f"Page {n} of {total}"
    watermark: str = ""                                       # e.g. "DRAFT" when unsigned
    first_page_header: bool = False
    # A page that begins inside a finding repeats its number: "F-02 (continued)".
    continued: Callable[[str], str] | None = None


@dataclass
class Metadata:
    title: str
    author: str
    subject: str
    keywords: list[str] = field(default_factory=list)
    lang: str = "en"


def _text(canvas, x, y, text, size, *, colour=MUTED, align="left", bold=False):
    font = font_for(text, bold=bold)
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    {"left": canvas.drawString, "right": canvas.drawRightString,
     "centre": canvas.drawCentredString}[align](x, y, text)


def _numbered_canvas(decor: PageDecor):
    """A canvas that holds pages back until the end so each can say 'x of y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", LATIN)     # no unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                _text(self, width - MARGIN_X, MARGIN_BOTTOM - 11 * mm,
                      decor.page_label(number, total), 7.5, align="right")
                write_bookmarks(self, number)
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(decor: PageDecor):
    def on_page(canvas, doc):
        width, height = doc.pagesize
        canvas.saveState()
        if decor.watermark:
            canvas.saveState()
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.setFillColor(RULE)
            canvas.setFillAlpha(0.35)
            size = 90 if len(decor.watermark) <= 8 else 60
            canvas.setFont(font_for(decor.watermark, bold=True), size)
            canvas.drawCentredString(0, -size / 3, decor.watermark)
            canvas.restoreState()
        if doc.page > 1 or decor.first_page_header:
            top = height - MARGIN_TOP + 8 * mm
            _text(canvas, MARGIN_X, top, decor.header_left, 8, colour=NAVY, bold=True)
            _text(canvas, width - MARGIN_X, top, decor.header_right, 8, align="right")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
            number = getattr(canvas, "sva_finding", None)
            if decor.continued and number and \
                    getattr(canvas, "sva_finding_page", 0) < canvas.getPageNumber():
                _text(canvas, MARGIN_X, top - 6.5 * mm, decor.continued(number), 8,
                      colour=NAVY, bold=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        base = MARGIN_BOTTOM - 7 * mm
        canvas.line(MARGIN_X, base, width - MARGIN_X, base)
        for i, line in enumerate(decor.footer_left):
            _text(canvas, MARGIN_X, base - 4 * mm - i * 3.4 * mm, line, 7)
        canvas.restoreState()
    return on_page


def build_pdf(story: list, *, size, decor: PageDecor, meta: Metadata) -> bytes:
    """Lay out `story` and return the PDF bytes."""
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=meta.title, author=meta.author,
        subject=meta.subject, keywords=meta.keywords, creator="SVA - Supplier Visit Audits",
        producer="SVA (reportlab)", lang=meta.lang, initialFontName=LATIN)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_decorate(decor))])
    doc.build(story, canvasmaker=_numbered_canvas(decor))
    return out.getvalue()


def frame_width(size) -> float:
    return size[0] - 2 * MARGIN_X


def frame_height(size) -> float:
    return size[1] - MARGIN_TOP - MARGIN_BOTTOM


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write to a temp file beside `path`, fsync, rename: a reader never sees half a file."""
    target = Path(path)
    if target.is_dir():
        raise BadInput("the output is a folder; give a file name", file=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput("the output folder does not exist", file=str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
