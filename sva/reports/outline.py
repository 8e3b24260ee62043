"""Zero-size flowables that leave marks in the PDF: an outline entry (bookmark) where they
are drawn, and the finding a page is in the middle of, so a page that continues a finding
repeats its number at the top (see page.PageDecor.continued)."""
from __future__ import annotations

from reportlab.platypus import Flowable


class Bookmark(Flowable):
    """An entry in the PDF's outline (bookmarks pane) pointing here."""

    def __init__(self, title: str, key: str, level: int = 0):
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0
        self.keepWithNext = True          # with what it marks, on the same page

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        # Written when the page is (see page.NumberedCanvas.save): pages are held back until
        # the end there, and a bookmark made now would point at the first page.
        marks = self.canv.__dict__.setdefault("sva_bookmarks", [])
        marks.append((self.canv.getPageNumber(), self.key, self.title, self.level))


def write_bookmarks(canvas, page: int) -> None:
    """The bookmarks drawn on `page`, as the canvas writes that page."""
    for number, key, title, level in getattr(canvas, "sva_bookmarks", ()):
        if number == page:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=level, closed=False)
            canvas.showOutline()


class FindingMark(Flowable):
    """Where a finding starts (`number`) or ends (None): the page decoration reads the
    number on the canvas when a new page begins inside the finding."""

    def __init__(self, number: str | None):
        super().__init__()
        self.number = number
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.canv.sva_finding = self.number
        self.canv.sva_finding_page = self.canv.getPageNumber()
